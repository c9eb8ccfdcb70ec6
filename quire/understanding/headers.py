"""Header blocks as LiveJournal, Dreamwidth and Tumblr posts write them, read as metadata.

    Title: Small Hours
    Fandom: Harbour Lights (TV)
    Pairing: Maren Cole/Ida Fenn
    Rating: PG-13
    Summary: The lamp goes out at three in the morning.

The block sits at the top of a post (plain text, Markdown `**Title:**`, or HTML paragraphs
already turned into text). `split_header(text)` returns what the block states and the text
after it, so the story parser never sees the block and nothing in it lands in a note.
Labels are matched case-insensitively, with or without bold markers; a line without a
label continues the previous field only for the long ones (summary, notes, disclaimer).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Metadata, SeriesMembership, Structure

_FIELDS = {
    "title": "title", "story title": "title", "fic title": "title",
    "author": "creators", "authors": "creators", "writer": "creators", "by": "creators", "creator": "creators",
    "fandom": "fandoms", "fandoms": "fandoms", "universe": "fandoms",
    "pairing": "relationships", "pairings": "relationships", "relationship": "relationships",
    "relationships": "relationships", "ship": "relationships", "ships": "relationships",
    "character": "characters", "characters": "characters",
    "rating": "rating", "rated": "rating",
    "warning": "warnings", "warnings": "warnings", "archive warning": "warnings", "archive warnings": "warnings",
    "category": "categories", "categories": "categories",
    "tags": "additional_tags", "additional tags": "additional_tags", "genre": "additional_tags",
    "genres": "additional_tags",
    "word count": "words", "wordcount": "words", "words": "words", "length": "words",
    "summary": "summary", "prompt": "notes",
    "notes": "notes", "note": "notes", "author's notes": "notes", "author's note": "notes", "a/n": "notes",
    "disclaimer": "disclaimer",
    "language": "language", "series": "series", "status": "status", "chapters": "chapters",
}
_LONG = {"summary", "notes", "disclaimer"}
_LINE = re.compile(
    r"^\s*(?:[*_]{1,2})?\s*(?P<label>[A-Za-z'/ ]{1,20}?)\s*(?:[*_]{1,2})?\s*[:：]"
    r"\s*(?:[*_]{1,2})?\s*(?P<value>.*?)\s*$")
_LIST_SPLIT = re.compile(r"\s*[,;]\s*")


@dataclass
class Header:
    metadata: Metadata
    title: str | None = None
    summary: str | None = None
    notes: str | None = None
    disclaimer: str | None = None
    labels: list[str] = field(default_factory=list)


def _label_of(line: str) -> tuple[str, str] | None:
    m = _LINE.match(line)
    if not m:
        return None
    key = _FIELDS.get(" ".join(m.group("label").lower().split()))
    return (key, m.group("value")) if key else None


def split_header(text: str) -> tuple[Header | None, str]:
    """(what a header block at the top states, the text after the block). No block: (None, text)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    values: dict[str, list[str]] = {}
    order: list[str] = []
    current: str | None = None
    end = i
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            # A blank line ends a long field; the block goes on if a labelled line follows.
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and _label_of(lines[j]):
                current = None
                i = j
                continue
            break
        found = _label_of(line)
        if found:
            key, value = found
            current = key
            order.append(key)
            values.setdefault(key, [])
            if value:
                values[key].append(value)
            end = i + 1
        elif current in _LONG:
            values[current].append(line.strip())
            end = i + 1
        else:
            break
        i += 1
    if len(order) < 2 or "title" not in values and len(order) < 3:
        return None, text
    rest = "\n".join(lines[end:]).strip("\n")
    return _header(values, order), rest


def _clean(value: str) -> str:
    return re.sub(r"^[*_]+|[*_]+$", "", value.strip()).strip()


def _header(values: dict[str, list[str]], order: list[str]) -> Header:
    meta = Metadata(source="header")
    head = Header(metadata=meta, labels=order)

    def one(key: str) -> str | None:
        joined = " ".join(_clean(v) for v in values.get(key, []) if _clean(v))
        return joined or None

    def many(key: str) -> list[str]:
        out: list[str] = []
        for v in values.get(key, []):
            for name in _LIST_SPLIT.split(_clean(v)):
                name = name.strip().rstrip(".")
                if name and name.lower() not in {o.lower() for o in out}:
                    out.append(name)
        return out

    head.title = one("title")
    head.summary = "\n".join(_clean(v) for v in values.get("summary", [])) or None
    head.notes = "\n".join(_clean(v) for v in values.get("notes", [])) or None
    head.disclaimer = "\n".join(_clean(v) for v in values.get("disclaimer", [])) or None
    meta.creators = many("creators")
    meta.fandoms = many("fandoms")
    meta.relationships = many("relationships")
    meta.characters = many("characters")
    meta.warnings = many("warnings")
    meta.categories = many("categories")
    meta.additional_tags = many("additional_tags")
    meta.rating = one("rating")
    meta.language = one("language")
    words = one("words")
    if words:
        digits = re.sub(r"[^0-9]", "", words.split("(")[0])
        meta.words = int(digits) if digits and len(digits) < 9 else None
    status = (one("status") or "").lower()
    if status:
        meta.complete = status.startswith(("complete", "finished", "done"))
    chapters = one("chapters")
    if chapters:
        m = re.match(r"(\d+)\s*/\s*(\d+|\?)", chapters)
        if m and m.group(2) != "?":
            meta.expected_chapters = int(m.group(2))
            meta.complete = int(m.group(1)) >= int(m.group(2))
    series = one("series")
    if series:
        m = re.match(r"(.+?)\s*[\(\[,]?\s*(?:part|#|no\.?|book)\s*(\d+)(?:\s*of\s*\d+)?[\)\]]?\s*$", series, re.I)
        meta.series = [SeriesMembership(name=m.group(1).strip(" ,-:"), position=int(m.group(2)))] if m \
            else [SeriesMembership(name=series)]
    return head


def apply_header(structure: Structure, header: Header) -> Structure:
    """Put what the header states into the parsed story: its fields win over guesses."""
    def join(*parts: str | None) -> str | None:
        kept = [p for p in parts if p]
        return "\n\n".join(kept) if kept else None

    structure.title = header.title or structure.title
    structure.summary = join(header.summary, structure.summary)
    structure.notes_begin = join(header.notes, structure.notes_begin)
    structure.disclaimer = join(header.disclaimer, structure.disclaimer)
    structure.metadata = header.metadata
    return structure
