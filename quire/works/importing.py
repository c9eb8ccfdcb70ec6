"""Turning an analyzed story into a draft work with tag suggestions.

Used by `quire import` and by "Post from text". The draft holds every word of
the story in the right field; tags are only *suggested* (TagSuggestion rows),
because tagging is the author's decision.
"""

import re

from django.db import transaction

from quire.lib import text as textlib
from quire.tags.models import RATINGS, WARNINGS, TagSuggestion, TagType
from quire.understanding.model import Structure, Suggestions

from .models import CHAPTER_TEXT_MAX, NOTES_MAX, SUMMARY_MAX, TITLE_MAX, Chapter, Work
from .services import add_creator

# Chapter headings the archive generates itself ("Chapter 3"), so they are not kept as titles.
_GENERIC_HEADING = re.compile(r"^\s*(?:chapter|part|ch\.?)\s*(?:\d+|[ivxlc]+|[a-z]+)\s*[:.\-–—]?\s*", re.I)

SUGGESTION_TYPES = [
    ("fandoms", TagType.FANDOM),
    ("characters", TagType.CHARACTER),
    ("relationships", TagType.RELATIONSHIP),
    ("archive_warnings", TagType.WARNING),
    ("additional_tags", TagType.FREEFORM),
]


class ImportProblem(Exception):
    """A story that cannot become a work as it is; the message says what to change."""


def chapter_title(heading: str | None) -> str:
    """ "Chapter 2: The Weir" -> "The Weir"; "Chapter 2" -> "" (the archive numbers chapters)."""
    if not heading:
        return ""
    rest = _GENERIC_HEADING.sub("", heading, count=1).strip()
    return rest if _GENERIC_HEADING.match(heading) else heading.strip()


def _join(*parts: str | None) -> str:
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def work_fields(structure: Structure, fallback_title: str) -> dict:
    """The work's own text fields from the analysis, within the archive's limits.
    A summary too long for the summary field moves into the notes rather than being cut."""
    summary = structure.summary or ""
    notes_begin = _join(structure.notes_begin, structure.disclaimer)
    if len(summary) > SUMMARY_MAX:
        notes_begin, summary = _join(summary, notes_begin), ""
    fields = {
        "title": (structure.title or fallback_title or "Untitled")[:TITLE_MAX].strip() or "Untitled",
        "summary": summary,
        "notes_begin": notes_begin,
        "notes_end": structure.notes_end or "",
    }
    for name in ("notes_begin", "notes_end"):
        if len(fields[name]) > NOTES_MAX:
            label = "beginning notes" if name == "notes_begin" else "end notes"
            raise ImportProblem(
                f"the {label} are {len(fields[name]):,} characters, over the archive's limit of {NOTES_MAX:,}; "
                "shorten them or move part of them into the story."
            )
    return fields


def chapter_source(chapter) -> str:
    """Chapter text as plain-text source, with its scene breaks back in place as "* * *"."""
    paragraphs = chapter.text.split("\n\n")
    breaks = set(chapter.break_before)
    out = []
    for index, paragraph in enumerate(paragraphs):
        if index in breaks:
            out.append("* * *")
        out.append(paragraph)
    return "\n\n".join(out)


def _suggestion_rows(work: Work, suggestions: Suggestions) -> list[TagSuggestion]:
    rows: dict[tuple[str, str], TagSuggestion] = {}

    def add(tag_type: str, item) -> None:
        name = " ".join(item.name.split())[:150]
        if not name or (tag_type, name.lower()) in rows:
            return
        if tag_type == TagType.WARNING and name not in WARNINGS:
            return
        rows[(tag_type, name.lower())] = TagSuggestion(
            work=work, type=tag_type, name=name, canonical=item.canonical,
            confidence=round(float(item.confidence), 3), evidence=list(item.evidence),
        )

    for attr, tag_type in SUGGESTION_TYPES:
        for item in getattr(suggestions, attr):
            # "Rape/Non-Con" is an archive warning, not a free tag, on this archive as on AO3.
            add(TagType.WARNING if item.name in WARNINGS else tag_type, item)
    if suggestions.rating and suggestions.rating.name in RATINGS:
        add(TagType.RATING, suggestions.rating)
    return list(rows.values())


@transaction.atomic
def create_draft(user, structure: Structure, suggestions: Suggestions, *, fallback_title: str) -> Work:
    """Create a draft work from an analyzed story, all or nothing."""
    if not structure.chapters or not any(c.text.strip() for c in structure.chapters):
        raise ImportProblem("no story text was found; the file holds only notes or nothing readable.")
    for number, chapter in enumerate(structure.chapters, start=1):
        if len(chapter.text) > CHAPTER_TEXT_MAX:
            raise ImportProblem(
                f"chapter {number} is over {CHAPTER_TEXT_MAX:,} characters; split it into several chapters."
            )
        for label, note in (("beginning", _join(chapter.summary, chapter.notes_begin)), ("end", chapter.notes_end)):
            if note and len(note) > NOTES_MAX:
                raise ImportProblem(
                    f"chapter {number}'s {label} notes are over {NOTES_MAX:,} characters; shorten them."
                )
    work = Work.objects.create(text_format=textlib.PLAIN, **work_fields(structure, fallback_title))
    add_creator(work, user.default_pseud, accepted=True)
    for position, chapter in enumerate(structure.chapters, start=1):
        Chapter.objects.create(
            work=work,
            position=position,
            title=chapter_title(chapter.title)[:TITLE_MAX],
            notes_begin=_join(chapter.summary, chapter.notes_begin),
            notes_end=chapter.notes_end or "",
            text_format=textlib.PLAIN,
            text=chapter_source(chapter),
        )
    TagSuggestion.objects.bulk_create(_suggestion_rows(work, suggestions))
    return work
