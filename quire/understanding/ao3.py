"""Archive of Our Own files, read for what they state: a work page saved from the browser
(whole work or one chapter), the HTML download and the EPUB download.

AO3 marks every part of a page, so nothing here guesses: the tag list (`dl`) gives the
tags by type, the language, the series and the dates; the preface gives title, byline,
summary and notes; each chapter block gives its title, summary, notes and body. Site
furniture ("Chapter Text", "Notes:", "(See the end of the work for more notes.)", the
"Posted originally on" line, the comment plea) never reaches a field.

The downloads are read by their text labels and element ids, not their CSS classes,
because AO3 builds EPUBs with Calibre, which renames classes.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from .htmlparse import BREAK_MARK, Node, inner_html, paragraphs, sel
from .model import AnalyzeError, Chapter, Metadata, SeriesMembership, Structure
from .text import count_words

# dt label (singular or plural, lower case, without the colon) -> Metadata field
_TAG_FIELDS = {
    "rating": "rating", "ratings": "rating",
    "archive warning": "warnings", "archive warnings": "warnings", "warning": "warnings",
    "warnings": "warnings",
    "category": "categories", "categories": "categories",
    "fandom": "fandoms", "fandoms": "fandoms",
    "relationship": "relationships", "relationships": "relationships",
    "character": "characters", "characters": "characters",
    "additional tag": "additional_tags", "additional tags": "additional_tags",
    "freeform": "additional_tags", "freeforms": "additional_tags",
}
_WORK_ID = [re.compile(p) for p in (
    r"archiveofourown\.org/works/(\d+)", r"/works/(\d+)/(?:kudos|bookmarks|navigate|chapters|comments)",
    r'name="kudo\[commentable_id\]"[^>]*value="(\d+)"', r"/works/(\d+)")]
_SEE_END = re.compile(r"^\(?\s*see the end of the (?:work|chapter) for (?:more )?notes\.?\s*\)?$", re.I)
_CHAPTER_PREFIX = re.compile(r"^\s*chapter\s+\d+\s*(?::\s*|$)", re.I)
_LABELS = {"summary", "notes", "chapter summary", "chapter notes", "chapter end notes", "end notes",
           "summary:", "notes:", "chapter summary:", "chapter notes:", "chapter end notes:", "end notes:"}


def work_id(markup: str) -> str | None:
    for pattern in _WORK_ID:
        m = pattern.search(markup)
        if m:
            return m.group(1)
    return None


def strip_chapter_prefix(heading: str | None) -> str | None:
    """AO3's "Chapter 3: The Weir" -> "The Weir"; "Chapter 3" -> None (the archive numbers)."""
    if not heading:
        return None
    if _CHAPTER_PREFIX.match(heading):
        rest = _CHAPTER_PREFIX.sub("", heading, count=1).strip()
        return rest or None
    return heading.strip() or None


def _toggle(a: Node) -> bool:
    """The "Show warnings" / "Show additional tags" link a reader who hides those tags sees
    in their place: a request to the archive's tags/show_hidden, not a tag."""
    return "show_hidden" in a.attrs.get("href", "") or "data-remote" in a.attrs


def _names(dd: Node) -> list[str]:
    links = [a for a in dd.iter() if a.tag == "a" and a.text()]
    if links:
        return [a.text() for a in links if not _toggle(a)]
    return [t.strip() for t in dd.text().split(",") if t.strip()]


def _following_dd(dt: Node) -> Node | None:
    parent = dt.parent
    if parent is None:
        return None
    seen = False
    for c in parent.children:
        if c is dt:
            seen = True
        elif seen and isinstance(c, Node):
            if c.tag == "dd":
                return c
            if c.tag == "dt":
                return None
    return None


def metadata_from_tags(dl: Node, markup: str = "") -> Metadata:
    """Metadata from AO3's tag list (`dl.work.meta` on a page, `dl.tags` in a download)."""
    meta = Metadata(source="ao3")
    for dt in (n for n in dl.children if isinstance(n, Node) and n.tag == "dt"):
        label = dt.text().rstrip(":").strip().lower()
        dd = _following_dd(dt)
        if dd is None:
            continue
        field = _TAG_FIELDS.get(label)
        if field == "rating":
            names = _names(dd)
            meta.rating = names[0] if names else None
        elif field:
            getattr(meta, field).extend(n for n in _names(dd) if n not in getattr(meta, field))
        elif label == "language":
            meta.language = dd.text() or None
        elif label == "series":
            meta.series = _series(dd)
        elif label == "stats":
            _stats(dd.text(), meta)
    meta.source_id = work_id(markup) if markup else None
    if meta.source_id:
        meta.source_url = f"https://archiveofourown.org/works/{meta.source_id}"
    return meta


def _series(dd: Node) -> list[SeriesMembership]:
    """ "Part 2 of <a href=/series/7>The Name</a>" (a page adds Previous/Next links)."""
    out: list[SeriesMembership] = []
    position: int | None = None
    for n in _flat(dd):
        if isinstance(n, str):
            m = re.search(r"part\s+(\d+)\s+of\s*$", n.strip() + " ", re.I) or re.search(r"part\s+(\d+)\s+of", n, re.I)
            if m:
                position = int(m.group(1))
        elif "/series/" in n.attrs.get("href", "") and position is not None:
            out.append(SeriesMembership(name=n.text(), position=position, url=n.attrs["href"]))
            position = None
    return out


def _flat(node: Node) -> list[Node | str]:
    """Text pieces and links of a subtree in document order (links not descended)."""
    out: list[Node | str] = []
    stack: list[Node | str] = list(reversed(node.children))
    while stack:
        c = stack.pop()
        if isinstance(c, str) or c.tag == "a":
            out.append(c)
        else:
            stack.extend(reversed(c.children))
    return out


_STAT = re.compile(r"(Published|Completed|Updated|Words|Chapters):\s*([0-9][0-9,./?-]*)", re.I)


def _stats(text: str, meta: Metadata) -> None:
    for key, value in _STAT.findall(text):
        key = key.lower()
        if key == "published":
            meta.published = _date(value)
        elif key in ("completed", "updated"):
            meta.updated = _date(value)
        elif key == "words":
            digits = re.sub(r"[^0-9]", "", value)
            meta.words = int(digits) if digits else None
        elif key == "chapters":
            m = re.match(r"(\d+)/(\d+|\?)", value.replace(",", ""))
            if m:
                done, total = int(m.group(1)), m.group(2)
                meta.expected_chapters = int(total) if total != "?" else None
                meta.complete = total != "?" and done >= int(total)
    if meta.published and not meta.updated:
        meta.updated = meta.published


def _date(value: str) -> str | None:
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


# --- building chapters ------------------------------------------------------------------


def _landmark(n: Node) -> bool:
    return "landmark" in n.classes


def make_chapter(title: str | None, bodies: list[Node], skip: Callable[[Node], bool] | None = None) -> Chapter:
    """A chapter whose body is the given nodes' content: plain text for the analyzer, the
    markup kept in `html`, scene breaks (<hr>) counted."""
    paras: list[str] = []
    html: list[str] = []
    for body in bodies:
        paras.extend(paragraphs(body, mark_headings=False, skip=skip))
        html.append(inner_html(body, skip=skip))
    kept: list[str] = []
    breaks: list[int] = []
    for p in paras:
        if p == BREAK_MARK:
            if kept and (not breaks or breaks[-1] != len(kept)):
                breaks.append(len(kept))
            continue
        kept.append(p)
    text = "\n\n".join(kept)
    return Chapter(title=title, text=text, scene_breaks=len(breaks), break_before=breaks,
                   words=count_words(text), html="\n".join(h for h in html if h.strip()) or None)


def _quote(node: Node | None) -> str | None:
    """A summary or notes module's text (AO3 wraps it in blockquote.userstuff)."""
    if node is None:
        return None
    # Only the blockquote is the author's: beside it the archive writes its own lines
    # ("For a recipient.", "Inspired by ...", "In response to a prompt ...", "See the end").
    q = node if node.tag == "blockquote" else node.find(sel("blockquote"))
    if q is None:
        return None
    text = "\n\n".join(p for p in paragraphs(q, mark_headings=False)
                       if not _SEE_END.match(p) and p.lower().rstrip(":") not in _LABELS
                       and p.lower() not in _LABELS)
    return text or None


# --- a work page saved from the browser ----------------------------------------------------


def work_page(root: Node, markup: str) -> Structure | None:
    skin = root.find(sel(id="workskin"))
    if skin is None:
        return None
    dl = root.find(lambda n: n.tag == "dl" and {"work", "meta"} <= n.classes)
    meta = metadata_from_tags(dl, markup) if dl is not None else Metadata(source="ao3", source_id=work_id(markup))
    preface = next((n for n in skin.children if isinstance(n, Node) and "preface" in n.classes
                    and "afterword" not in n.classes), None)
    title = byline = None
    summary = notes = None
    if preface is not None:
        t = preface.find(lambda n: n.tag in ("h2", "h1") and "title" in n.classes)
        title = t.text() if t else None
        byline = preface.find(lambda n: "byline" in n.classes)
        summary = _quote(preface.find(lambda n: n.tag == "div" and "summary" in n.classes))
        notes = _quote(preface.find(lambda n: n.tag == "div" and "notes" in n.classes and "end" not in n.classes))
    if byline is not None:
        meta.creators = [a.text() for a in byline.iter() if a.tag == "a" and a.text()] or [byline.text()]
    chapters_div = skin.find(sel(id="chapters"))
    afterword = next((n for n in skin.children if isinstance(n, Node) and "afterword" in n.classes), None)
    work_end = _quote(afterword.find(lambda n: "end" in n.classes and "notes" in n.classes)) if afterword else None
    chapters: list[Chapter] = []
    blocks = [n for n in (chapters_div.children if chapters_div else [])
              if isinstance(n, Node) and "chapter" in n.classes and n.tag == "div"]
    if blocks:
        for block in blocks:
            head = block.find(lambda n: n.tag == "h3" and "title" in n.classes)
            body = block.find(lambda n: n.tag == "div" and "userstuff" in n.classes)
            ch = make_chapter(strip_chapter_prefix(head.text() if head else None),
                              [body] if body is not None else [], skip=_landmark)
            ch.summary = _quote(block.find(lambda n: n.tag == "div" and "summary" in n.classes))
            ch.notes_begin = _quote(block.find(lambda n: n.tag == "div" and "notes" in n.classes
                                               and "end" not in n.classes))
            ch.notes_end = _quote(block.find(lambda n: n.tag == "div" and {"end", "notes"} <= n.classes))
            chapters.append(ch)
    elif chapters_div is not None:
        body = chapters_div.find(lambda n: n.tag == "div" and "userstuff" in n.classes) or chapters_div
        chapters.append(make_chapter(None, [body], skip=_landmark))
    _date_chapters(chapters, meta, whole=len(chapters) == meta.expected_chapters or len(chapters) > 1)
    return Structure(summary=summary, notes_begin=notes, chapters=chapters, notes_end=work_end,
                     title=title, metadata=meta)


def _date_chapters(chapters: list[Chapter], meta: Metadata, whole: bool) -> None:
    """AO3 states the first chapter's date (Published) and the newest chapter's (Updated or
    Completed); the chapters between have no stated date and take the first one's."""
    if not chapters or not meta.published or not whole:
        return
    for ch in chapters:
        ch.published = ch.published or meta.published
    if meta.updated and len(chapters) > 1:
        chapters[-1].published = meta.updated


class NotAWorkPage(AnalyzeError):
    """An archive page saved in place of the work: the adult-content notice, the sign-in
    page a restricted work sends a visitor to, a chapter index or a list of works."""

    def __init__(self) -> None:
        super().__init__(
            "this is an Archive of Our Own page without the work's text (the adult-content notice, "
            "a sign-in page, a chapter index or a list of works). Open the work itself, choose "
            "\"Proceed\" or sign in if the archive asks, then save that page, or use the work's "
            "Download menu (HTML or EPUB).")


def is_site_page(root: Node) -> bool:
    """A page of the archive's site (its header names it) rather than a download."""
    header = root.find(sel(id="header"))
    title = root.find(sel("title"))
    return ((header is not None and "Archive of Our Own" in header.text())
            or (title is not None and "[Archive of Our Own]" in title.text()))


# --- the HTML download (and the EPUB, which is the same HTML split by Calibre) --------------


def is_download(root: Node, markup: str) -> bool:
    if root.find(sel(id="workskin")) is not None:
        return False
    has_tags = any(dt.text().rstrip(":").strip().lower() in ("rating", "ratings", "fandom", "fandoms")
                   for dt in root.iter() if dt.tag == "dt")
    return has_tags and ("Archive of Our Own" in markup or root.find(sel(id="preface")) is not None)


_STRUCTURAL_IDS = ("preface", "chapters", "afterword")


def _label(n: Node) -> str | None:
    if n.tag not in ("p", "div", "h3", "h4", "b", "strong"):
        return None
    text = n.text().lower()
    return text.rstrip(":") if text in _LABELS else None


def _is_structural(n: Node) -> bool:
    """A wrapper to look inside (preface, chapters, a meta group) rather than a chapter body."""
    if n.tag in ("body", "html", "#root"):
        return True
    if n.tag not in ("div", "section"):
        return False
    if n.attrs.get("id", "") in _STRUCTURAL_IDS or n.attrs.get("id", "").startswith("endnotes"):
        return True
    if "userstuff" in n.classes and n.attrs.get("id") != "chapters":
        return False
    if n.classes & {"meta", "preface", "afterword", "group"}:
        return True
    for c in n.children:
        if isinstance(c, Node) and (c.tag in ("dl", "h1", "h2") or _label(c)
                                    or _is_structural_shallow(c)):
            return True
    return False


def _is_structural_shallow(n: Node) -> bool:
    return n.tag == "div" and (n.attrs.get("id", "") in _STRUCTURAL_IDS
                               or any(isinstance(c, Node) and (c.tag in ("dl", "h1", "h2") or _label(c))
                                      for c in n.children))


def download(root: Node, markup: str) -> Structure:
    """Walk the download in document order: preface, then chapters, then afterword."""
    meta: Metadata | None = None
    title: str | None = None
    summary = notes = work_end = None
    chapters: list[Chapter] = []
    pending: list[Node | str] = []   # body content of the chapter being read
    current: Chapter | None = None
    region = "preface"
    label: str | None = None

    def close_body() -> None:
        nonlocal current
        if pending:
            body = Node("div", {}, None)
            body.children = list(pending)
            made = make_chapter(None, [body])
            if current is None:
                current = Chapter(title=None, text="")
                chapters.append(current)
            current.text = "\n\n".join(t for t in (current.text, made.text) if t)
            current.html = "\n".join(t for t in (current.html, made.html) if t) or None
            current.words += made.words
            current.break_before = made.break_before
            current.scene_breaks = made.scene_breaks
            pending.clear()

    stack: list[Node | str] = list(reversed(root.children))
    while stack:
        n = stack.pop()
        if isinstance(n, str):
            if region == "chapters" and n.strip():
                pending.append(n)
            continue
        if n.tag in ("head", "script", "style", "title", "nav"):
            continue
        ident = n.attrs.get("id", "")
        if ident in _STRUCTURAL_IDS:
            close_body()
            region = ident
            label = None
        if n.tag == "h2":
            text = n.text()
            low = text.lower()
            if low in ("preface", "afterword"):
                close_body()
                region = low
            elif region != "preface" or text:
                close_body()
                region = "chapters"
                # A work posted as one unchaptered text is headed by the work's own title,
                # which is not a chapter title; chaptered works say "Chapter N[: title]".
                oneshot = title is not None and text == title and not _CHAPTER_PREFIX.match(text)
                current = Chapter(title=None if oneshot else strip_chapter_prefix(text), text="")
                chapters.append(current)
            label = None
            continue
        if _is_structural(n):
            stack.extend(reversed(n.children))
            continue
        text_label = _label(n)
        if text_label:
            label = text_label
            if label == "end notes":
                close_body()
                region = "afterword"
            continue
        if n.tag == "dl" and region == "preface":
            meta = metadata_from_tags(n, markup)
            continue
        if n.tag == "h1" and region == "preface":
            title = n.text() or title
            continue
        # Calibre renames the "byline" class in an EPUB; the "by"/"Chapter by" text and the
        # rel=author links still say what the line is.
        if "byline" in n.classes or (n.find(lambda x: x.attrs.get("rel") == "author")
                                     and re.match(r"(?:chapter\s+)?by\s", n.text(), re.I)):
            if region == "preface" and meta is not None:
                # "by Anonymous" (and other unlinked bylines) name no account: keep the name.
                named = re.sub(r"^by\s+", "", n.text(), flags=re.I).strip()
                meta.creators = [a.text() for a in n.iter() if a.tag == "a" and a.text()] or (
                    [named] if named else [])
            continue
        if "message" in n.classes or "endnote-link" in n.classes or _SEE_END.match(n.text()) \
                or n.text().startswith("Posted originally on the"):
            continue
        if n.tag == "blockquote":
            quoted = _quote(n)
            if region == "preface":
                if label == "summary":
                    summary = quoted
                elif label == "notes":
                    notes = quoted
            elif region == "afterword":
                if label in ("end notes", "notes"):
                    work_end = quoted
            elif region == "chapters":
                if label is None:
                    pending.append(n)
                    continue
                close_body()
                if current is None:
                    current = Chapter(title=None, text="")
                    chapters.append(current)
                if label == "chapter summary":
                    current.summary = quoted
                elif label == "chapter notes":
                    current.notes_begin = quoted
                elif label == "chapter end notes":
                    current.notes_end = quoted
                elif label == "end notes":  # the work's end notes with no afterword wrapper
                    work_end = quoted
            label = None
            continue
        if region == "chapters":
            label = None
            # The chapter body's wrapper (div.userstuff, renamed by Calibre in an EPUB) is not
            # the author's markup: keep what is inside it. A div with alignment is theirs.
            wrapper = n.tag == "div" and not {"align", "style", "dir", "lang"} & n.attrs.keys()
            pending.extend(n.children if wrapper else [n])
    close_body()
    chapters = [c for c in chapters if c.text.strip() or c.html]
    meta = meta or Metadata(source="ao3", source_id=work_id(markup))
    _date_chapters(chapters, meta, whole=True)
    return Structure(summary=summary, notes_begin=notes, chapters=chapters, notes_end=work_end,
                     title=title, metadata=meta)

