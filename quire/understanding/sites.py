"""Known page layouts: an AO3 work page, a FanFiction.Net chapter page, any other HTML.

AO3 marks every part (summary, notes, chapters, end notes), so those pages are split by
their markup; FFN only marks the summary and the chapter body, whose notes are then found
by the text parser; any other page is turned into paragraphs and parsed as text.
"""
from __future__ import annotations

import re
from html import escape

from . import ao3 as ao3_reader
from . import ffn as ffn_reader
from .headers import apply_header, split_header
from .htmlparse import Node, inner_html, paragraphs, parse_html, sel
from .model import Chapter, Structure
from .structure import classify, is_break, parse, parse_items

# No story has a paragraph this long; a text that does is data or one unbroken line, and
# the analyzer's paragraph rules would spend minutes on it. Refused before parsing.
MAX_PARAGRAPH = 100_000


class LongParagraph(ValueError):
    def __init__(self, length: int) -> None:
        super().__init__(length)
        self.length = length


def check_paragraphs(paras: list[str]) -> list[str]:
    longest = max((len(p) for p in paras), default=0)
    if longest > MAX_PARAGRAPH:
        raise LongParagraph(longest)
    return paras


def _block(node: Node | None) -> str | None:
    if node is None:
        return None
    text = "\n\n".join(paragraphs(node, mark_headings=False))
    return text or None


def _quote_of(node: Node | None) -> str | None:
    """Text of a module's blockquote.userstuff (AO3 wraps summaries and notes in one)."""
    if node is None:
        return None
    return _block(node.find(sel("blockquote", "userstuff")) or node)


def _join(*texts: str | None) -> str | None:
    parts = [t for t in texts if t]
    return "\n\n".join(parts) if parts else None


def _landmark(n: Node) -> bool:
    return "landmark" in n.classes


def _chapter(title: str | None, body: Node | None) -> Structure:
    paras = paragraphs(body, skip=_landmark) if body is not None else []
    return parse_items(classify(paras))


def ao3(root: Node) -> Structure | None:
    skin = root.find(sel(id="workskin"))
    if skin is None:
        return None
    chapters_div = skin.find(sel(id="chapters"))
    preface = next((n for n in skin.children if isinstance(n, Node) and "preface" in n.classes
                    and "afterword" not in n.classes), None)
    title_node = preface.find(sel("h2", "title")) if preface else None
    summary = notes = None
    if preface is not None:
        summary = _quote_of(preface.find(sel("div", "summary")))
        notes = _quote_of(preface.find(lambda n: n.tag == "div" and "notes" in n.classes
                                       and "end" not in n.classes))
    work_end = _quote_of(skin.find(lambda n: n.tag == "div" and {"end", "notes"} <= n.classes
                                   and (chapters_div is None or not _inside(n, chapters_div))))
    chapters: list[Chapter] = []
    disclaimers: list[str] = []
    blocks = [n for n in (chapters_div.children if chapters_div else [])
              if isinstance(n, Node) and "chapter" in n.classes]
    if not blocks and chapters_div is not None:
        blocks = [chapters_div]
    for block in blocks:
        head = block.find(lambda n: n.tag == "h3" and "title" in n.classes)
        body = block.find(lambda n: n.tag == "div" and "userstuff" in n.classes)
        sub = _chapter(head.text() if head else None, body)
        for ch in sub.chapters:
            ch.title = ch.title or (head.text() if head else None)
        ch = sub.chapters[0] if sub.chapters else Chapter(title=None, text="")
        if len(sub.chapters) > 1:  # headings inside one AO3 chapter: keep them as one text
            paras: list[str] = []
            breaks: list[int] = []
            for c in sub.chapters:
                if c.title:
                    paras.append(c.title)
                breaks.extend(len(paras) + i for i in c.break_before)
                paras.extend(c.paragraphs)
            ch = Chapter(title=head.text() if head else None, text="\n\n".join(paras),
                         scene_breaks=len(breaks), break_before=breaks,
                         words=sum(c.words for c in sub.chapters))
        if block is not chapters_div:
            ch.summary = _quote_of(block.find(lambda n: n.tag == "div" and "summary" in n.classes))
            ch.notes_begin = _join(sub.notes_begin, _quote_of(block.find(
                lambda n: n.tag == "div" and "notes" in n.classes and "end" not in n.classes)))
            ch.notes_end = _join(sub.notes_end, _quote_of(block.find(
                lambda n: n.tag == "div" and {"end", "notes"} <= n.classes)))
        else:
            notes = _join(notes, sub.notes_begin)
            work_end = _join(sub.notes_end, work_end)
        if sub.disclaimer:
            disclaimers.append(sub.disclaimer)
        chapters.append(ch)
    if chapters:  # as on AO3: the first chapter's notes show as the work's notes
        notes = _join(notes, chapters[0].notes_begin)
        chapters[0].notes_begin = None
        work_end = _join(chapters[-1].notes_end, work_end)
        chapters[-1].notes_end = None
    return Structure(summary=summary, notes_begin=notes, disclaimer=_join(*disclaimers),
                     chapters=chapters, notes_end=work_end,
                     title=title_node.text() if title_node else None)


def _inside(node: Node, ancestor: Node) -> bool:
    p = node.parent
    while p is not None:
        if p is ancestor:
            return True
        p = p.parent
    return False


def ffn(root: Node) -> Structure | None:
    story = root.find(sel(id="storytext"))
    if story is None:
        return None
    result = attach_html(parse_items(classify(check_paragraphs(paragraphs(story)))), story)
    top = root.find(sel(id="profile_top"))
    result.metadata = ffn_reader.metadata(root, top)
    if top is not None:
        title = top.find(sel("b", "xcontrast_txt"))
        summary = top.find(sel("div", "xcontrast_txt"))
        result.title = title.text() if title else None
        result.summary = _join(summary.text() if summary else None, result.summary)
    chosen = root.find(lambda n: n.tag == "option" and "selected" in n.attrs)
    if chosen is not None and len(result.chapters) == 1 and not result.chapters[0].title:
        # FFN's chapter menu reads "3. Title"; the number is FFN's, the title the author's.
        result.chapters[0].title = re.sub(r"^\d+\.\s*", "", chosen.text()) or None
    return result


def html_structure(markup: str) -> tuple[Structure, str, str]:
    """(structure, format, readable text) for an HTML document."""
    root = parse_html(markup)
    page = ao3_reader.work_page(root, markup)
    if page is not None:
        return page, "ao3", _readable(page)
    if ao3_reader.is_download(root, markup):
        found = ao3_reader.download(root, markup)
        if found.chapters:
            return found, "ao3", _readable(found)
    if ao3_reader.is_site_page(root):
        # Read as a story it would import the notice or the site's menus as the text.
        raise ao3_reader.NotAWorkPage()
    from_ffn = ffn(root)
    if from_ffn is not None:
        return from_ffn, "ffn", _readable(from_ffn)
    body = root.find(sel("body")) or root
    paras = check_paragraphs(paragraphs(body))
    text = "\n\n".join(paras)
    header, rest = split_header(text)
    if header is not None:
        structure = apply_header(parse(rest) if rest.strip() else Structure(), header)
        return attach_html(structure, body), "html", text
    return attach_html(parse_items(classify(paras)), body), "html", text


def _readable(s: Structure) -> str:
    return "\n\n".join(text for _, text in s.parts()) + ("\n\n" + s.title if s.title else "")


def _norm(text: str) -> str:
    return " ".join(text.split())


def attach_html(structure: Structure, body: Node) -> Structure:
    """Give each chapter the markup of the top-level elements whose text the parser put in
    that chapter's body, so italics, bold, links and lists survive; headings and notes the
    parser took out stay out. Chapters already holding markup are left alone."""
    if not structure.chapters or any(c.html for c in structure.chapters):
        return structure
    owners: dict[str, int] = {}
    for index, chapter in enumerate(structure.chapters):
        for para in chapter.paragraphs:
            owners.setdefault(_norm(para), index)
    pieces: list[list[str]] = [[] for _ in structure.chapters]
    current: int | None = None
    blocks: list[Node | str] = list(body.children)
    # Unwrap lone wrappers (<div><div>...</div></div>) so their paragraphs are the blocks.
    while len([b for b in blocks if isinstance(b, Node)]) == 1 and not any(
            isinstance(b, str) and b.strip() for b in blocks):
        only = next(b for b in blocks if isinstance(b, Node))
        if only.tag not in ("div", "section", "article", "main", "body", "html"):
            break
        blocks = list(only.children)
    for block in blocks:
        if isinstance(block, str):
            if block.strip() and current is not None:
                pieces[current].append(escape(block))
            continue
        if block.tag == "hr":
            if current is not None:
                pieces[current].append("<hr>")
            continue
        paras = paragraphs(block, mark_headings=False)
        if paras and all(p == "* * *" or is_break(p) for p in paras):
            if current is not None:
                pieces[current].append("<hr>")
            continue
        paras = [p for p in paras if p != "* * *"]
        if not paras:
            continue
        owner = owners.get(_norm(paras[0]))
        if owner is None:
            continue  # a heading, a note, a disclaimer: not chapter text
        current = owner
        pieces[owner].append(inner_html(_wrap(block)))
    for chapter, markup in zip(structure.chapters, pieces, strict=True):
        joined = "\n".join(markup).strip()
        # Only when the markup holds the whole chapter: otherwise plain text is the safer copy.
        if joined and _covers(chapter, joined):
            chapter.html = joined
    return structure


def _wrap(node: Node) -> Node:
    holder = Node("#holder", {}, None)
    holder.children = [node]
    return holder


def _covers(chapter: Chapter, markup: str) -> bool:
    text = _norm(" ".join(paragraphs(parse_html(markup), mark_headings=False)))
    return all(_norm(p) in text for p in chapter.paragraphs[:1] + chapter.paragraphs[-1:])
