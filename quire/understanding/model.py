"""Plain data types shared by the analyzer: what `parse` finds and what `suggest` proposes.

Kept free of behaviour so the Django app can build or store them without importing the
analysis code paths.
"""
from __future__ import annotations

from dataclasses import dataclass, field


class AnalyzeError(Exception):
    """A file or text the analyzer cannot read; the message says which file and what to do."""


@dataclass
class Chapter:
    title: str | None
    text: str
    scene_breaks: int = 0
    words: int = 0
    # Where the breaks stood: the index (in `paragraphs`) of each paragraph that follows one,
    # so a posting form can put them back as a rule.
    break_before: list[int] = field(default_factory=list)
    # Notes that sit between chapters of a multi-chapter paste belong to that chapter.
    # The first chapter's opening notes and the last chapter's closing notes are the
    # work's notes (Structure.notes_begin / notes_end), as on AO3.
    notes_begin: str | None = None
    notes_end: str | None = None
    summary: str | None = None
    # The chapter body as the source formatted it (italics, bold, links, lists ...), when
    # the source is HTML-like; `text` stays the plain reading the analyzer works on.
    # Not yet sanitised: the Django side sanitises before storing.
    html: str | None = None
    # The chapter's original publication date when the source states it (ISO yyyy-mm-dd).
    published: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]


@dataclass
class SeriesMembership:
    name: str
    position: int | None = None
    url: str | None = None


@dataclass
class Metadata:
    """What the source itself states about the work (an AO3 tag block, FFN's info line, a
    `Title:`/`Fandom:`/`Pairing:` header block, EPUB metadata). Stated facts are applied to
    the work as they are; the analyzer's suggestions only fill the tag types left empty.
    Every list holds tag names as the source wrote them, in the source's order."""
    creators: list[str] = field(default_factory=list)
    rating: str | None = None             # as written ("Teen And Up Audiences", "T", "PG-13")
    warnings: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    fandoms: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)
    characters: list[str] = field(default_factory=list)
    additional_tags: list[str] = field(default_factory=list)
    language: str | None = None           # a name ("English") or a code ("en")
    published: str | None = None          # ISO yyyy-mm-dd
    updated: str | None = None            # ISO yyyy-mm-dd ("Completed" or "Updated" date)
    complete: bool | None = None
    expected_chapters: int | None = None  # None: unknown ("?")
    words: int | None = None
    series: list[SeriesMembership] = field(default_factory=list)
    source: str | None = None             # "ao3", "ffn", "header", "epub", ...
    source_id: str | None = None          # e.g. the AO3 work id, to recognise a re-import
    source_url: str | None = None

    def stated_types(self) -> set[str]:
        """Tag types the source stated (so suggestions must not fill them)."""
        names = {"rating": self.rating, "warnings": self.warnings, "categories": self.categories,
                 "fandoms": self.fandoms, "relationships": self.relationships,
                 "characters": self.characters, "additional_tags": self.additional_tags}
        return {k for k, v in names.items() if v}


@dataclass
class Structure:
    summary: str | None = None
    notes_begin: str | None = None
    disclaimer: str | None = None
    chapters: list[Chapter] = field(default_factory=list)
    notes_end: str | None = None
    # The work's title when the source states it (AO3/FFN page, EPUB metadata).
    title: str | None = None
    # Everything else the source states about the work; None when it states nothing.
    metadata: Metadata | None = None

    def parts(self) -> list[tuple[str, str]]:
        """Every piece of text with its kind: 'summary', 'notes', 'disclaimer', 'story', 'title'."""
        out: list[tuple[str, str]] = []
        for kind, text in (("summary", self.summary), ("notes", self.notes_begin),
                           ("disclaimer", self.disclaimer)):
            if text:
                out.append((kind, text))
        for ch in self.chapters:
            if ch.title:
                out.append(("title", ch.title))
            for kind, text in (("summary", ch.summary), ("notes", ch.notes_begin)):
                if text:
                    out.append((kind, text))
            if ch.text:
                out.append(("story", ch.text))
            if ch.notes_end:
                out.append(("notes", ch.notes_end))
        if self.notes_end:
            out.append(("notes", self.notes_end))
        return out

    @property
    def words(self) -> int:
        return sum(ch.words for ch in self.chapters)


@dataclass
class Suggestion:
    name: str
    canonical: bool = False
    confidence: float = 0.0
    evidence: list[str] = field(default_factory=list)


@dataclass
class Suggestions:
    fandoms: list[Suggestion] = field(default_factory=list)
    characters: list[Suggestion] = field(default_factory=list)
    relationships: list[Suggestion] = field(default_factory=list)
    archive_warnings: list[Suggestion] = field(default_factory=list)
    additional_tags: list[Suggestion] = field(default_factory=list)
    rating: Suggestion | None = None
    # Pairings the author named only to rule out ("Not A/B"): never suggested, kept so a
    # posting form can explain why they are missing.
    rejected_relationships: list[Suggestion] = field(default_factory=list)
