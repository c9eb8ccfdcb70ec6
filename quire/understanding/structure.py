"""`parse(text)`: split a pasted story into summary, notes, disclaimer and chapters.

The text is cut into paragraphs; each paragraph is a chapter heading, a scene break, a
labelled part ("A/N:", "Disclaimer:", "Summary:") or prose. Prose at the edges of the work
and of each chapter is then scored (see notes.py) to tell the author's notes and blurbs
from the story. Nothing is dropped except labels and scene-break markers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import notes as N
from .model import Chapter, Metadata, Structure
from .text import count_words, split_paragraphs

_NUM = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
        r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
        r"eighty|ninety|hundred)")
CHAPTER_RE = re.compile(
    r"^(?:chapter|chap\.?|ch\.|part|book|act|section|episode)\s*#?\s*"
    rf"(?:\d{{1,4}}|[ivxlcdm]{{1,8}}|{_NUM}(?:[- ]{_NUM})?)\b"
    r"(?:\s*[:.\-–—|)]\s*.{0,150}|\s+[A-Z\"“'].{0,100})?$", re.IGNORECASE)
SPECIAL_RE = re.compile(
    r"^(?:prologue|epilogue|interlude|prelude|afterword|foreword|coda|intermission|finale)"
    r"(?:\s*[:.\-–—|]\s*.{0,150})?$", re.IGNORECASE)
# "1", "1.", "IV", "2. The Storm": only headings when the text has several of them.
NUMBERED_RE = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,7})[.):]?(?:\s+[A-Z\"“'][^.!?]{0,60})?$")
MD_HEADING_RE = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
# A scene break is a short line of symbols, or of o/O/x/X/0 decorations ("oOo", "xXx", "x").
BREAK_RE = re.compile(
    r"^(?:[\s*\-~_=#+.·•°§|/\\<>^:…—–]{1,60}|[\s*\-~_=#+.·•°|]*[oOxX0]{1,12}[\s*\-~_=#+.·•°|oOxX0]*|"
    r"<hr\s*/?>|[\W_]*(?:line|page|scene|section|time)[ -]?(?:break|skip|change)[\W_]*)$",
    re.IGNORECASE)
HEADER_LINE_RE = re.compile(
    r"^[\s*_#>\[]*(?:title|author|rating|rated|fandoms?|pairings?|ships?|relationships?|"
    r"characters?|(?:archive )?warnings?|word ?count|words|genres?|spoilers?|beta(?:'?d by)?|"
    r"prompt|status|category|categories|length|timeline|series|chapters|language|tags|"
    r"additional tags|published|updated|completed|recipient|for|dedication|summary|"
    r"disclaimer|notes?|a/n)[*_\]]*\s*:", re.IGNORECASE)
# What AO3 prints around a work when its page is copied as text: "Chapter Text" / "Work
# Text:" stand where the story starts; "(See the end of the chapter for more notes.)"
# points elsewhere. Site furniture, never the author's words.
TEXT_START_RE = re.compile(r"^[\s*_]*(?:chapter|work) text[\s:*_]*$", re.IGNORECASE)
POINTER_RE = re.compile(r"^[\s*_(\[<]*(?:see the end of the (?:work|chapter) for (?:more )?notes|"
                        r"(?:lj-)?cut|read more|keep reading|under the cut)[\s.*_)\]>]*$",
                        re.IGNORECASE)
TITLE_LINE_RE = re.compile(r"^[\s*_#>\[]*title[*_\]]*\s*:[\s*_]*(?P<t>.*?)[\s*_]*$", re.IGNORECASE)
_WRAP = " *_#>"


@dataclass
class Item:
    kind: str          # 'heading' | 'break' | 'label' | 'para' | 'start' (story starts here)
    text: str          # paragraph text (label removed for labelled paragraphs)
    label: str | None = None  # for labelled: 'note' | 'summary' | 'disclaimer'
    weak: bool = False  # numbered heading that needs company to count
    md: bool = False  # a Markdown "# heading"


@dataclass
class _Parts:
    summary: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    disclaimer: list[str] = field(default_factory=list)
    title: str | None = None
    title_ok: bool = False  # only the work's own header may name its title
    byline: list[str] = field(default_factory=list)  # "by someone" under the title

    def add(self, kind: str, text: str) -> None:
        if kind == "note":
            # Disclaimer sentences inside a note go to the disclaimer; the rest stays.
            if N.is_disclaimer(text):
                dis, rest = _split_disclaimer(text)
                if not rest or count_words(rest) <= 3:
                    self.disclaimer.append(text)
                    return
                if dis:
                    self.disclaimer.append(dis)
                if rest:
                    self.notes.append(rest)
                return
        {"summary": self.summary, "disclaimer": self.disclaimer}.get(kind, self.notes).append(text)


def _split_disclaimer(text: str) -> tuple[str, str]:
    sentences = re.split(r"(?<=[.!?])\s+", text)
    dis = [s for s in sentences if N.is_disclaimer(s)]
    rest = [s for s in sentences if not N.is_disclaimer(s)]
    return " ".join(dis), " ".join(rest)


def heading_title(par: str) -> tuple[str | None, bool]:
    """(title, weak) if the paragraph is a chapter heading."""
    if "\n" in par or len(par) > 160:
        return None, False
    md = MD_HEADING_RE.match(par)
    core = (md.group(1) if md else par).strip(_WRAP).strip()
    if not core:
        return None, False
    if md or CHAPTER_RE.match(core) or SPECIAL_RE.match(core):
        return core, False
    if NUMBERED_RE.match(core):
        return core, True
    return None, False


def is_break(par: str) -> bool:
    s = par.strip()
    if not s or len(s) > 60 or "\n" in s:
        return False
    if s.lower() in ("ox", "xo"):  # words, not decorations
        return False
    return bool(BREAK_RE.match(s))


def _split_heading_lines(paras: list[str]) -> list[str]:
    """A chapter heading typed on the line right above its first line ("Chapter 2: Glass" /
    "Summary:") stands on its own."""
    out: list[str] = []
    for p in paras:
        first, sep, rest = p.partition("\n")
        if sep and rest.strip() and (CHAPTER_RE.match(first.strip(_WRAP).strip())
                                     or SPECIAL_RE.match(first.strip(_WRAP).strip())):
            out.extend([first, rest])
        else:
            out.append(p)
    return out


def classify(paras: list[str]) -> list[Item]:
    items: list[Item] = []
    for p in _split_heading_lines(paras):
        if TEXT_START_RE.match(p):
            items.append(Item("start", ""))
            continue
        if POINTER_RE.match(p):
            continue  # furniture: the notes it points to are read where they stand
        if is_break(p):
            items.append(Item("break", p))
            continue
        title, weak = heading_title(p)
        if title is not None:
            items.append(Item("heading", title, weak=weak, md=p.lstrip().startswith("#")))
            continue
        label, rest = N.strip_label(p)
        if label:
            items.append(Item("label", rest, label))
        else:
            items.append(Item("para", p))
    weak = [it for it in items if it.kind == "heading" and it.weak]
    if len(weak) < 2:
        for it in weak:
            it.kind = "para"
    return items


def _labelled_kind(it: Item) -> str:
    """A labelled "A/N:" paragraph that is really a blurb of the plot is the summary."""
    if it.label == "note" and N.summary_score(it.text) >= 2.0 and not N.FIRST_PERSON_RE.search(
            N.mask_dialogue(it.text)) and N.note_score(it.text) < 2.5:
        return "summary"
    return it.label or "note"


def _header_block(par: str, parts: _Parts) -> bool:
    """'Title: ... / Rating: ... / Summary: ...' blocks as posted on journals and Tumblr."""
    lines = par.split("\n")
    if len(lines) < 2 or sum(bool(HEADER_LINE_RE.match(ln)) for ln in lines) < len(lines) / 2:
        return False
    for ln in lines:
        if _take_title(ln, parts):
            continue
        label, rest = N.strip_label(ln)
        if label in ("summary", "disclaimer", "note") and rest and rest != ln:
            parts.add(label, rest)
        elif ln.strip():
            parts.add("note", ln.strip())
    return True


def _take_title(line: str, parts: _Parts) -> bool:
    """'Title: X' on top of the work: X is the work's title (the label itself is dropped)."""
    m = TITLE_LINE_RE.match(line)
    if m is None or not parts.title_ok or parts.title is not None or not m.group("t") or "\n" in line:
        return False
    parts.title = m.group("t")
    return True


def _front(items: list[Item], parts: _Parts, lenient: bool, first: bool) -> int:
    """Take notes/summary/disclaimer from the start of `items`; return index where prose starts."""
    mode: str | None = None
    i = 0
    seen_prose = False
    while i < len(items):
        it = items[i]
        if it.kind == "break":
            i += 1
            continue
        if it.kind == "heading":
            break
        if it.kind == "label":
            if it.text:
                parts.add(_labelled_kind(it), it.text)
                mode = "note" if _labelled_kind(it) == "note" else None
            else:
                mode = it.label or "note"
            i += 1
            continue
        text = it.text
        if first and not seen_prose and _take_title(text, parts):
            i += 1
            continue
        if _header_block(text, parts):
            i += 1
            continue
        if "\n" not in text and HEADER_LINE_RE.match(text) and count_words(text) <= 40:
            parts.add("note", text)  # one header line per paragraph: "Rating: T"
            mode = None
            i += 1
            continue
        ns = N.note_score(text)
        if mode and ns > (-1.0 if mode != "note" else 0.0):
            parts.add(mode, text)
            mode = "note" if mode == "note" else None
        elif N.is_disclaimer(text) and count_words(text) <= 60 and ns > -1:
            parts.add("note", text)
        elif ns >= (1.0 if lenient else 2.5):
            parts.add("note", text)
        elif (first and not seen_prose and not parts.notes and N.summary_score(text) >= 3.0
              and count_words(text) <= 150 and not N.FIRST_PERSON_RE.search(N.mask_dialogue(text))):
            parts.add("summary", text)
        else:
            break
        i += 1
    return i


def _back(items: list[Item], start: int) -> int:
    """Index from which the trailing items of a chapter are end notes (len(items) if none)."""
    j = len(items)
    while j > start:
        it = items[j - 1]
        if it.kind == "break":
            j -= 1
            continue
        if it.kind == "label":
            j -= 1
            continue
        if it.kind == "para" and (N.note_score(it.text) >= 2.5 or N.is_sign_off(it.text)):
            j -= 1
            continue
        break
    # A label-only line ("A/N") right before trailing prose makes that prose a note too.
    for k in range(start, j):
        if items[k].kind == "label" and not items[k].text and k + 1 < len(items):
            if all(x.kind != "heading" for x in items[k:]):
                return k
    return j


def _body(title: str | None, items: list[Item], begin: _Parts, end: _Parts) -> Chapter:
    """Chapter text from prose items; labelled notes in the middle go to the chapter's end notes."""
    paras: list[str] = []
    breaks: list[int] = []  # indexes of the paragraphs a scene break comes before
    pending_break = False
    in_note = False
    for it in items:
        if it.kind == "break":
            pending_break = bool(paras)
            continue
        if it.kind == "label":
            if it.text:
                (begin if not paras else end).add(_labelled_kind(it), it.text)
            in_note = True
            continue
        if in_note and N.note_score(it.text) >= 1.0:
            (begin if not paras else end).add("note", it.text)
            continue
        in_note = False
        if pending_break:
            breaks.append(len(paras))
            pending_break = False
        paras.append(it.text)
    text = "\n\n".join(paras)
    return Chapter(title=title, text=text, scene_breaks=len(breaks), break_before=breaks, words=count_words(text),
                   notes_begin=_join(begin.notes), notes_end=_join(end.notes),
                   summary=_join(begin.summary))


def _join(chunks: list[str]) -> str | None:
    return "\n\n".join(chunks) if chunks else None


def parse(text: str) -> Structure:
    """Split a pasted story (plain text or Markdown) into its parts."""
    return parse_items(classify(split_paragraphs(text)))


def parse_items(items: list[Item], title: str | None = None) -> Structure:
    items = _merge_headings(items)
    work = _Parts(title_ok=title is None)
    heads = [i for i, it in enumerate(items) if it.kind == "heading"]
    first_head = heads[0] if heads else len(items)
    # A Markdown "# Title" on top of a work with chapters: the work's title; what stands
    # under it before the first chapter is the preface.
    if (title is None and len(heads) > 1 and first_head == 0 and items[0].md
            and not CHAPTER_RE.match(items[0].text) and not SPECIAL_RE.match(items[0].text)
            and heads[1] > 1):
        title = items[0].text
        items = items[1:]
        heads = [i - 1 for i in heads[1:]]
        first_head = heads[0]
    # A short title line on top, followed by notes, a heading or a bare summary, is the
    # work's title.
    if (title is None and items and items[0].kind == "para" and first_head > 0
            and _looks_like_title(items[0].text) and len(items) > 1
            and (items[1].kind in ("label", "heading") or N.note_score(items[1].text) >= 2.5
                 or _is_lead_summary(items[1:], first_head > 1 and first_head < len(items)))):
        tm = TITLE_LINE_RE.match(items[0].text)
        title = tm.group("t") if tm and tm.group("t") else items[0].text
        items = items[1:]
        heads = [i - 1 for i in heads]
        first_head -= 1
    chunks: list[tuple[str | None, list[Item]]] = []
    starts = [i for i, it in enumerate(items) if it.kind == "start"]
    if starts and (not heads or starts[0] > first_head):
        # Copied from an AO3 page: everything before the first chapter is the labelled
        # preface (title, byline, "Summary:", "Notes:"), never a chapter of its own.
        cut = first_head if heads else starts[0]
        _preface(items[:cut], work)
        if heads:
            for n, h in enumerate(heads):
                nxt = heads[n + 1] if n + 1 < len(heads) else len(items)
                chunks.append((items[h].text, items[h + 1:nxt]))
        else:
            chunks.append((None, items[cut + 1:]))
    elif heads:
        pre = items[:first_head]
        k = _lead_summary(items[:first_head + 1], work, chaptered=True)
        k += _front(pre[k:], work, lenient=True, first=k == 0)
        if any(it.kind in ("para", "label") for it in pre[k:]):
            chunks.append((None, pre[k:]))
        for n, h in enumerate(heads):
            nxt = heads[n + 1] if n + 1 < len(heads) else len(items)
            chunks.append((items[h].text, items[h + 1:nxt]))
    else:
        k = _lead_summary(items, work, chaptered=False)
        k += _front(items[k:], work, lenient=False, first=k == 0)
        chunks.append((None, items[k:]))
    # A heading with nothing under it, before the first real chapter, is the work's title
    # (e.g. "# My Story" on top of a Markdown file).
    if (title is None and len(chunks) > 1 and chunks[0][0] and not chunks[0][1]
            and not CHAPTER_RE.match(chunks[0][0]) and not SPECIAL_RE.match(chunks[0][0])):
        title = chunks[0][0]
        chunks = chunks[1:]
    chapters: list[Chapter] = []
    work_end = _Parts()
    for ctitle, body in chunks:
        begin, end = _Parts(), _Parts()
        mark = next((i for i, it in enumerate(body) if it.kind == "start"), None)
        if mark is not None:  # AO3: the chapter's summary and notes stand before its text
            _preface(body[:mark], begin)
            start = mark + 1
        else:
            start = _front(body, begin, lenient=False, first=False)
        stop = _back(body, start)
        tail = _Parts()
        _tail(body[stop:], tail)
        ch = _body(ctitle, body[start:stop], begin, end)
        end.notes.extend(tail.notes)
        end.disclaimer.extend(tail.disclaimer)
        end.summary.extend(tail.summary)
        ch.notes_end = _join(end.notes)
        work.disclaimer.extend(begin.disclaimer + end.disclaimer)
        chapters.append(ch)
    if chapters:
        first, last = chapters[0], chapters[-1]
        if first.notes_begin:
            work.notes.append(first.notes_begin)
            first.notes_begin = None
        if last.notes_end:
            work_end.notes.append(last.notes_end)
            last.notes_end = None
    meta = Metadata(creators=work.byline) if work.byline else None
    return Structure(summary=_join(work.summary), notes_begin=_join(work.notes),
                     disclaimer=_join(work.disclaimer), chapters=chapters,
                     notes_end=_join(work_end.notes), title=title or work.title, metadata=meta)


def _preface(items: list[Item], parts: _Parts) -> None:
    """A preface whose parts are all labelled (AO3's "Summary:", "Notes:"): each label holds
    what follows it up to the next label. Unlabelled lines on top are the title and byline."""
    mode: str | None = None
    for it in items:
        if it.kind in ("break", "start"):
            continue
        if it.kind == "label":
            mode = it.label or "note"
            if it.text:
                parts.add(mode, it.text)
            continue
        text = it.text
        if mode is None:
            lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
            if (parts.title_ok and parts.title is None and 1 <= len(lines) <= 3
                    and all(_looks_like_title(ln) for ln in lines)
                    and not HEADER_LINE_RE.match(lines[0])):
                parts.title = lines[0]
                parts.byline.extend(lines[1:])
                continue
            if _take_title(text, parts) or _header_block(text, parts):
                continue
        parts.add(mode or "note", text)


def _lead_summary(items: list[Item], parts: _Parts, chaptered: bool) -> int:
    """How many items on top are a bare summary (0 or 1), taken into `parts`."""
    if parts.summary or parts.notes or not _is_lead_summary(items, chaptered):
        return 0
    parts.add("summary", items[0].text.strip("*_ "))
    return 1


def _is_lead_summary(items: list[Item], chaptered: bool) -> bool:
    """FanFiction.Net habit: the summary as a bare paragraph on top, then "A/N:" or the
    first chapter heading; Markdown posts set it in italics under the title. A short
    paragraph there is the summary, not a chapter of its own. Above chapter headings the
    story cannot have begun yet; without them the blurb must read as one: told in the
    present ("X is stuck with Y"), where a story's opening line is past ("The snow fell")."""
    if len(items) < 2 or items[0].kind != "para":
        return False
    nxt = items[1]
    if nxt.kind not in ("label", "heading", "break") or (nxt.kind == "label" and nxt.label == "summary"):
        return False
    text = items[0].text
    masked = N.mask_dialogue(text)
    if (count_words(text) > 120 or "\n" in text.strip() or text.lstrip()[:1] in "\"“‘'"
            or N.FIRST_PERSON_RE.search(masked) or N.SECOND_PERSON_RE.search(masked)):
        return False
    italic = len(text) > 2 and text[0] in "*_" and text[-1] == text[0]
    if italic and nxt.kind != "label":
        return True
    if nxt.kind == "break":
        return False
    if chaptered:
        return True
    present = len(N.PRESENT_3P_RE.findall(masked))
    past = len(N.NARRATION_RE.findall(masked)) + len(_PAST_RE.findall(masked))
    # A verbless blurb ("A quiet evening, a gramophone ... Pure fluff. ONESHOT") says
    # what kind of fic it is; a story's first paragraph does not.
    return present > past or (present == past and bool(N.STRONG_META_RE.search(masked)))


_PAST_RE = re.compile(r"\b(?:[a-z]{3,}ed|fell|went|came|saw|took|found|left|ran|told|gave|"
                      r"made|got|kept|began|brought|thought|heard|held|stood)\b")
_NUMBER_ONLY_RE = re.compile(
    rf"^(?:chapter|chap\.?|ch\.|part)\s*#?\s*(?:\d{{1,4}}|[ivxlcdm]{{1,8}}|{_NUM}(?:[- ]{_NUM})?)"
    r"[\s.:]*$", re.IGNORECASE)


def _merge_headings(items: list[Item]) -> list[Item]:
    """One heading however many lines the author gave it: "Chapter 1" over "Chapter One:
    The Well" is one chapter (the fuller line is its title), and a bare "Chapter 3" with a
    short title line under it is "Chapter 3: Title"."""
    out: list[Item] = []
    for n, it in enumerate(items):
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "heading" and not prev.weak
                and _NUMBER_ONLY_RE.match(prev.text)):
            if it.kind == "heading" and not it.weak and CHAPTER_RE.match(it.text):
                out[-1] = it if not _NUMBER_ONLY_RE.match(it.text) else prev
                continue
            nxt = items[n + 1] if n + 1 < len(items) else None
            if (it.kind == "para" and _looks_like_title(it.text) and count_words(it.text) <= 8
                    and it.text[:1].isupper() and nxt is not None and nxt.kind != "heading"
                    and sum(w[:1].isupper() for w in it.text.split()) * 2 > len(it.text.split())):
                out[-1] = Item("heading", f"{prev.text.rstrip(' .:')}: {it.text.strip()}")
                continue
        out.append(it)
    return out


def _tail(items: list[Item], parts: _Parts) -> None:
    for it in items:
        if it.kind in ("para", "label") and it.text:
            parts.add(_labelled_kind(it) if it.kind == "label" else "note", it.text)


def _looks_like_title(text: str) -> bool:
    return ("\n" not in text and count_words(text) <= 12 and text[-1:] not in ".!?,;:\"”"
            and text[:1] not in "\"“'")
