"""Turning an analyzed story into a draft work with tag suggestions.

Used by `quire import` and by "Post from text". The draft holds every word of
the story in the right field; tags are only *suggested* (TagSuggestion rows),
because tagging is the author's decision.
"""

import re
from datetime import UTC, date, datetime

from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from quire.lib import text as textlib
from quire.tags.models import CATEGORIES, RATINGS, WARNINGS, TagSuggestion, TagType
from quire.understanding.model import Metadata, Structure, Suggestions

from .forms import LANGUAGES
from .models import (
    CHAPTER_TEXT_MAX,
    NOTES_MAX,
    SUMMARY_MAX,
    TITLE_MAX,
    USER_TAGS_MAX,
    Chapter,
    Series,
    SeriesWork,
    Work,
)
from .services import add_creator, set_tags

# More chapters than this in one work is a paste gone wrong (5,000 "Chapter N" lines), not a
# story; AO3's longest works stay well under it. Refused with a message before any row is made.
MAX_CHAPTERS = 1000

# Ratings as other sites and communities write them, mapped to the archive's five (README:
# "Importing stories"). FanFiction.Net: K and K+ are for all ages, T for teens, M for mature
# readers (FFN's MA is explicit). The film-style scale LiveJournal and Dreamwidth communities
# use: G and PG general, PG-13 teen, R mature, NC-17 (and X) explicit.
RATING_SCALE = {
    "k": "General Audiences", "k+": "General Audiences", "t": "Teen And Up Audiences",
    "m": "Mature", "ma": "Explicit",
    "g": "General Audiences", "pg": "General Audiences", "pg-13": "Teen And Up Audiences",
    "pg13": "Teen And Up Audiences", "r": "Mature", "nc-17": "Explicit", "nc17": "Explicit",
    "x": "Explicit", "xxx": "Explicit", "nsfw": "Explicit", "sfw": "General Audiences",
    "general": "General Audiences", "gen": "General Audiences", "teen": "Teen And Up Audiences",
    "teen and up": "Teen And Up Audiences", "unrated": "Not Rated", "none": "Not Rated",
    **{name.lower(): name for name in RATINGS},
}
# AO3's warning names (and the short forms people type) -> this archive's.
WARNING_NAMES = {
    "creator chose not to use archive warnings": "Choose Not To Use Archive Warnings",
    "choose not to warn": "Choose Not To Use Archive Warnings",
    "chose not to warn": "Choose Not To Use Archive Warnings",
    "cntw": "Choose Not To Use Archive Warnings",
    "no archive warnings apply": "No Archive Warnings Apply", "none": "No Archive Warnings Apply",
    "no warnings": "No Archive Warnings Apply", "no warnings apply": "No Archive Warnings Apply",
    "graphic depictions of violence": "Graphic Depictions Of Violence", "violence": "Graphic Depictions Of Violence",
    "major character death": "Major Character Death", "mcd": "Major Character Death",
    "rape/non-con": "Rape/Non-Con", "non-con": "Rape/Non-Con", "noncon": "Rape/Non-Con",
    "underage": "Underage Sex", "underage sex": "Underage Sex",
    **{name.lower(): name for name in WARNINGS},
}
# Language names as AO3 and others write them (English names too) -> the codes stored.
LANGUAGE_CODES = {
    **{name.lower(): code for code, name in LANGUAGES},
    **{code.lower(): code for code, _ in LANGUAGES},
    "english": "en", "spanish": "es", "french": "fr", "german": "de", "italian": "it",
    "portuguese": "pt-BR", "português": "pt-BR", "russian": "ru", "chinese": "zh", "中文-普通话 國語": "zh",
    "japanese": "ja", "korean": "ko", "dutch": "nl", "polish": "pl", "swedish": "sv", "finnish": "fi",
    "norwegian": "no", "norsk": "no", "danish": "da", "czech": "cs", "greek": "el", "hebrew": "he",
    "hindi": "hi", "hungarian": "hu", "indonesian": "id", "romanian": "ro", "thai": "th",
    "turkish": "tr", "ukrainian": "uk", "vietnamese": "vi", "arabic": "ar", "catalan": "ca",
}
_STATED_TYPES = {
    "rating": TagType.RATING, "warnings": TagType.WARNING, "categories": TagType.CATEGORY,
    "fandoms": TagType.FANDOM, "relationships": TagType.RELATIONSHIP, "characters": TagType.CHARACTER,
    "additional_tags": TagType.FREEFORM,
}

# Chapter headings the archive generates itself ("Chapter 3"), so they are not kept as titles.
_GENERIC_HEADING = re.compile(r"^\s*(?:chapter|part|ch\.?)\s*(?:\d+|[ivxlc]+|[a-z]+)\s*[:.\-–—]?\s*", re.I)

SUGGESTION_TYPES = [
    ("fandoms", TagType.FANDOM),
    ("characters", TagType.CHARACTER),
    ("relationships", TagType.RELATIONSHIP),
    ("archive_warnings", TagType.WARNING),
    ("additional_tags", TagType.FREEFORM),
]


def _number(n: int) -> str:
    return formats.number_format(n, force_grouping=True)


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
            size = {"count": _number(len(fields[name])), "limit": _number(NOTES_MAX)}
            if name == "notes_begin":
                message = _("the beginning notes are %(count)s characters, over the archive's limit of %(limit)s; "
                            "shorten them or move part of them into the story.")
            else:
                message = _("the end notes are %(count)s characters, over the archive's limit of %(limit)s; "
                            "shorten them or move part of them into the story.")
            raise ImportProblem(message % size)
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


def _suggestion_rows(work: Work, suggestions: Suggestions, stated: set[str] = frozenset()) -> list[TagSuggestion]:
    """Suggestion rows for the tag types the source left empty (`stated`: types it filled)."""
    rows: dict[tuple[str, str], TagSuggestion] = {}

    def add(tag_type: str, item) -> None:
        name = " ".join(item.name.split())[:150]
        if not name or (tag_type, name.lower()) in rows or tag_type in stated:
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


def stated_tags(meta: Metadata | None) -> dict[str, list[str]]:
    """The tags a source states, by the archive's tag types, with ratings and warnings
    mapped to the archive's names. A rating, warning or category the archive has no name
    for is kept as an additional tag rather than dropped."""
    out: dict[str, list[str]] = {t: [] for t in _STATED_TYPES.values()}
    if meta is None:
        return out

    def add(tag_type: str, name: str) -> None:
        name = " ".join(name.split())[:150]
        if name and name.lower() not in {n.lower() for n in out[tag_type]}:
            out[tag_type].append(name)

    if meta.rating:
        mapped = RATING_SCALE.get(meta.rating.strip().lower())
        add(TagType.RATING, mapped) if mapped else add(TagType.FREEFORM, f"Rated {meta.rating.strip()}")
    for name in meta.warnings:
        mapped = WARNING_NAMES.get(name.strip().lower())
        add(TagType.WARNING, mapped) if mapped else add(TagType.FREEFORM, name)
    known_categories = {c.lower(): c for c in CATEGORIES}
    for name in meta.categories:
        mapped = known_categories.get(name.strip().lower())
        add(TagType.CATEGORY, mapped) if mapped else add(TagType.FREEFORM, name)
    for attr, tag_type in (("fandoms", TagType.FANDOM), ("relationships", TagType.RELATIONSHIP),
                           ("characters", TagType.CHARACTER), ("additional_tags", TagType.FREEFORM)):
        for name in getattr(meta, attr):
            add(tag_type, name)
    # The archive's limit on tags an author types: the first ones (the source's order) are kept.
    budget = USER_TAGS_MAX
    for tag_type in (TagType.FANDOM, TagType.RELATIONSHIP, TagType.CHARACTER, TagType.FREEFORM):
        out[tag_type] = out[tag_type][:max(budget, 0)]
        budget -= len(out[tag_type])
    return out


def language_code(name: str | None) -> str | None:
    if not name:
        return None
    return LANGUAGE_CODES.get(name.strip().lower()) or LANGUAGE_CODES.get(name.strip().lower().split("-")[0])


def _day(iso: str | None) -> datetime | None:
    """A stated date as a moment: noon UTC, so it reads as the same day in every time zone
    from UTC-11 to UTC+11."""
    if not iso:
        return None
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return None
    return datetime(d.year, d.month, d.day, 12, tzinfo=UTC)


def check_structure(structure: Structure) -> None:
    """Refuse, with a message, a story the archive cannot hold, before anything is written."""
    if not structure.chapters or not any(c.text.strip() or c.html for c in structure.chapters):
        raise ImportProblem(_("no story text was found; the file holds only notes or nothing readable."))
    if len(structure.chapters) > MAX_CHAPTERS:
        raise ImportProblem(
            _("the text has %(count)s chapter headings; a work can have at most %(limit)s chapters. If the "
              "story is really that long, split it into a series of works; if the headings are something else "
              "(lines starting with \"Chapter\"), reword them.")
            % {"count": _number(len(structure.chapters)), "limit": _number(MAX_CHAPTERS)}
        )
    for number, chapter in enumerate(structure.chapters, start=1):
        if max(len(chapter.text), len(chapter.html or "")) > CHAPTER_TEXT_MAX:
            raise ImportProblem(
                _("chapter %(number)s is over %(limit)s characters; split it into several chapters.")
                % {"number": number, "limit": _number(CHAPTER_TEXT_MAX)}
            )
        notes = (
            (_join(chapter.summary, chapter.notes_begin),
             _("chapter %(number)s's beginning notes are over %(limit)s characters; shorten them.")),
            (chapter.notes_end, _("chapter %(number)s's end notes are over %(limit)s characters; shorten them.")),
        )
        for note, message in notes:
            if note and len(note) > NOTES_MAX:
                raise ImportProblem(message % {"number": number, "limit": _number(NOTES_MAX)})


def _chapter_rows(work: Work, structure: Structure, stated: bool) -> list[Chapter]:
    rows = []
    for position, chapter in enumerate(structure.chapters, start=1):
        title = (chapter.title or "").strip() if stated else chapter_title(chapter.title)
        if chapter.html:
            fmt, source = textlib.HTML, chapter.html
        else:
            fmt, source = textlib.PLAIN, chapter_source(chapter)
        row = Chapter(
            work=work, position=position, title=title[:TITLE_MAX],
            notes_begin=_join(chapter.summary, chapter.notes_begin), notes_end=chapter.notes_end or "",
            text_format=fmt, text=source, published_at=_day(chapter.published),
        )
        row.render()
        rows.append(row)
    return rows


def find_existing(user, meta: Metadata | None) -> Work | None:
    """The user's draft imported from the same source work (same AO3 or FFN id), if any."""
    if meta is None or not meta.source or not meta.source_id:
        return None
    return (
        Work.objects.filter(
            is_draft=True, source=meta.source, source_id=meta.source_id,
            creatorships__pseud__user=user, creatorships__accepted=True,
        )
        .order_by("-pk")
        .first()
    )


def _join_series(work: Work, user, meta: Metadata) -> None:
    """Join the user's series of the same name at the stated position, or start it.
    Written directly (not through set_series) so a draft tells no series subscriber anything."""
    for membership in meta.series:
        name = " ".join(membership.name.split())[:TITLE_MAX]
        if not name:
            continue
        series = Series.objects.filter(title__iexact=name, creators__user=user).order_by("pk").first()
        if series is None:
            series = Series.objects.create(title=name)
            series.creators.add(user.default_pseud)
        SeriesWork.objects.update_or_create(series=series, work=work, defaults={"position": membership.position or 1})


def create_draft(user, structure: Structure, suggestions: Suggestions, *, fallback_title: str,
                 replace: Work | None = None) -> Work:
    """Create a draft work from an analyzed story, all or nothing, in one short transaction.

    Everything slow (reading the file, the analysis) has happened before this is called; the
    rows are then written in a handful of bulk statements, so the write lock is held for
    milliseconds even for a thousand chapters. `replace`: a draft of the same source work to
    update in place instead of creating a second one."""
    check_structure(structure)
    meta = structure.metadata
    fields = work_fields(structure, fallback_title)
    tags = stated_tags(meta)
    stated = {_STATED_TYPES[k] for k in (meta.stated_types() if meta else set())}
    chapters_known = meta is not None and meta.source in ("ao3", "ffn", "header")
    if meta is not None:
        fields["language"] = language_code(meta.language) or "en"
        fields["published_at"] = _day(meta.published)
        fields["updated_at"] = _day(meta.updated) or fields["published_at"]
        expected = meta.expected_chapters
        if meta.complete and not expected:
            expected = len(structure.chapters)
        fields["expected_chapters"] = expected if expected and 1 <= expected <= 10000 else None
        fields["source"] = meta.source or ""
        fields["source_id"] = (meta.source_id or "")[:40]
        fields["source_url"] = (meta.source_url or "")[:500]
    with transaction.atomic():
        if replace is not None:
            work = Work.objects.select_for_update().filter(pk=replace.pk, is_draft=True).first()
            if work is None:
                raise ImportProblem(_("the draft to update was posted or deleted meanwhile; import the file again "
                                      "to make a new draft."))
            for name, value in fields.items():
                setattr(work, name, value)
            work.chapters.all().delete()
            work.tag_suggestions.all().delete()
            work.series_memberships.all().delete()
        else:
            work = Work(text_format=textlib.PLAIN, **fields)
        work.save()
        if replace is None:
            add_creator(work, user.default_pseud, accepted=True)
        Chapter.objects.bulk_create(_chapter_rows(work, structure, chapters_known), batch_size=200)
        if any(tags.values()):
            set_tags(work, {t: names for t, names in tags.items() if names})
        if meta is not None:
            _join_series(work, user, meta)
        TagSuggestion.objects.bulk_create(_suggestion_rows(work, suggestions, stated))
        # The chapters were written in bulk (no per-row signals): one save re-indexes the work.
        work.save()
    return work
