"""What goes into a download, gathered once and shared by every format.

A `Book` is a work, or a series of works, as the public sees it: published
chapters only, creators hidden on anonymous works (the file is cached and
shared, so it never shows what only a creator or moderator could see).
"""

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Prefetch
from django.utils.text import slugify

from quire.lib.text import html_to_text
from quire.lib.urls import site_url
from quire.tags.models import TagType
from quire.works.models import Chapter, ChapterState, Creatorship, Series, SeriesWork, Tagging, Work

from . import xhtml

# Bump when the writers change what they produce, so cached files are remade.
FORMAT_REVISION = "1"

RTL_LANGUAGES = {"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ku", "ckb"}
TAG_LABELS = [
    (TagType.RATING, "Rating"),
    (TagType.WARNING, "Archive Warnings"),
    (TagType.CATEGORY, "Categories"),
    (TagType.FANDOM, "Fandoms"),
    (TagType.RELATIONSHIP, "Relationships"),
    (TagType.CHARACTER, "Characters"),
    (TagType.FREEFORM, "Additional Tags"),
]
TAG_LABEL_NAMES = {label for _, label in TAG_LABELS}


@dataclass
class BookChapter:
    anchor: str  # file name stem and anchor, unique in the book
    title: str
    notes_begin_html: str
    text_html: str
    notes_end_html: str


@dataclass
class BookWork:
    work: Work
    anchor: str
    title: str
    creators: list[str]  # empty when anonymous
    url: str
    metadata: list[tuple[str, list[str]]]
    summary_html: str
    notes_begin_html: str
    notes_end_html: str
    chapters: list[BookChapter]
    series: list[tuple[str, int]]  # (series title, position)

    @property
    def byline(self) -> str:
        return ", ".join(self.creators) if self.creators else "Anonymous"


@dataclass
class Book:
    kind: str  # "work" or "series"
    title: str
    creators: list[str]
    summary_html: str
    language: str
    url: str
    published: datetime | None
    updated: datetime | None
    subjects: list[str]
    works: list[BookWork]
    series_title: str = ""
    series_position: int | None = None
    filename_stem: str = "book"
    identifier: str = field(default="")

    @property
    def is_collection(self) -> bool:
        """Several works in one book (a series, a reading list), each with its own title page."""
        return self.kind != "work"

    @property
    def collection_byline(self) -> str:
        if self.kind == "series":
            return f"A series by {', '.join(self.creators) or 'Anonymous'}"
        return f"{len(self.works)} works marked for later"

    @property
    def direction(self) -> str:
        return "rtl" if self.language.split("-")[0].lower() in RTL_LANGUAGES else "ltr"

    @property
    def summary_text(self) -> str:
        return " ".join(html_to_text(self.summary_html).split())

    @property
    def chapters(self) -> list[BookChapter]:
        return [c for w in self.works for c in w.chapters]

    @property
    def work_ids(self) -> list[int]:
        return [w.work.pk for w in self.works]


def _published_chapters(include_drafts: bool = False):
    chapters = Chapter.objects.all() if include_drafts else Chapter.objects.filter(state=ChapterState.PUBLISHED)
    return Prefetch("chapters", queryset=chapters.order_by("position"), to_attr="published_chapters")


def _date(value: datetime | None) -> str:
    return value.date().isoformat() if value else ""


def _book_work(work: Work) -> BookWork:
    url = site_url(work.get_absolute_url())
    creators = [] if work.anonymous else [str(p.name) for p in work.accepted_pseuds()]
    metadata: list[tuple[str, list[str]]] = []
    for tag_type, label in TAG_LABELS:
        names = sorted(t.name for t in work.tags_of(tag_type))
        if names:
            metadata.append((label, names))
    series = [(m.series.title, m.position) for m in work.series_memberships.all()]
    metadata.append(("Language", [work.language]))
    for title, position in series:
        metadata.append(("Series", [f"Part {position} of {title}"]))
    stats = [f"Published: {_date(work.published_at)}"]
    if work.updated_at and _date(work.updated_at) != _date(work.published_at):
        stats.append(f"{'Completed' if work.is_complete else 'Updated'}: {_date(work.updated_at)}")
    stats += [f"Words: {work.word_count:,}", f"Chapters: {work.chapters_display}"]
    metadata.append(("Stats", stats))
    anchor = f"w{work.pk}"
    chapters = []
    published = work.published_chapters
    for chapter in published:
        chapters.append(
            BookChapter(
                anchor=f"{anchor}-c{chapter.position}",
                title=chapter.display_title if len(published) > 1 or chapter.title else work.title,
                notes_begin_html=chapter.notes_begin_html,
                text_html=chapter.text_html,
                notes_end_html=chapter.notes_end_html,
            )
        )
    return BookWork(
        work=work,
        anchor=anchor,
        title=work.title,
        creators=creators,
        url=url,
        metadata=metadata,
        summary_html=work.summary_html,
        notes_begin_html=work.notes_begin_html,
        notes_end_html=work.notes_end_html,
        chapters=chapters,
        series=series,
    )


def _stable_id(url: str) -> str:
    # The same work keeps the same identifier across downloads, so e-reader
    # libraries (and FanFicFare) treat a new download as an update.
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, url)}"


def _stem(title: str, pk: int) -> str:
    return (slugify(title)[:60].strip("-") or "work") + f"-{pk}"


def work_book(work: Work, include_drafts: bool = False) -> Book:
    """The book of a work's published chapters; `include_drafts` adds draft and
    scheduled ones (a creator's own copy, for the data export)."""
    work = Work.objects.filter(pk=work.pk).for_listing().prefetch_related(_published_chapters(include_drafts)).get()
    part = _book_work(work)
    series_title, position = part.series[0] if part.series else ("", None)
    return Book(
        kind="work",
        title=work.title,
        creators=part.creators,
        summary_html=work.summary_html,
        language=work.language,
        url=part.url,
        published=work.published_at,
        updated=work.updated_at or work.published_at,
        subjects=[name for label, names in part.metadata if label in TAG_LABEL_NAMES for name in names],
        works=[part],
        series_title=series_title,
        series_position=position,
        filename_stem=_stem(work.title, work.pk),
        identifier=_stable_id(part.url),
    )


def _collection_parts(works: list[Work]) -> tuple[list[BookWork], list[str], list[str]]:
    parts = [_book_work(w) for w in works]
    creators: list[str] = []
    subjects: list[str] = []
    for part in parts:
        creators += [c for c in part.creators if c not in creators]
        subjects += [n for label, names in part.metadata if label == "Fandoms" for n in names if n not in subjects]
    return parts, creators, subjects


def later_book(user, work_ids: list[int]) -> Book:
    """A reader's marked-for-later list as one book, oldest mark first as given by
    the caller (who chose `work_ids` through the visibility rule)."""
    rank = {pk: i for i, pk in enumerate(work_ids)}
    works = sorted(
        Work.objects.downloadable()
        .filter(pk__in=work_ids)
        .for_listing()
        .prefetch_related(_published_chapters()),
        key=lambda w: rank[w.pk],
    )
    parts, creators, subjects = _collection_parts(works)
    url = site_url(f"/users/{user.username}/")
    dates = [w.published_at for w in works if w.published_at]
    updates = [w.updated_at or w.published_at for w in works if w.published_at]
    languages = [w.language for w in works]
    return Book(
        kind="later",
        title=f"Marked for later ({user.username})",
        creators=creators,
        summary_html="",
        language=max(set(languages), key=languages.count) if languages else "en",
        url=url,
        published=min(dates) if dates else None,
        updated=max(updates) if updates else None,
        subjects=subjects,
        works=parts,
        filename_stem=f"marked-for-later-{slugify(user.username)}",
        identifier=_stable_id(url + "marked-for-later"),
    )


def series_book(series: Series, work_ids: list[int]) -> Book:
    """The series as one book, holding `work_ids` (the works the downloading reader
    may see, chosen by the caller through the visibility rule) in series order."""
    works = list(
        Work.objects.downloadable()
        .filter(pk__in=work_ids, series_memberships__series=series)
        .order_by("series_memberships__position", "pk")
        .for_listing()
        .prefetch_related(_published_chapters())
    )
    parts = [_book_work(w) for w in works]
    creators: list[str] = []
    for part in parts:
        creators += [c for c in part.creators if c not in creators]
    if series.has_anonymous_work:
        # The series' byline would otherwise name the anonymous work's creator.
        creators = []
    url = site_url(series.get_absolute_url())
    dates = [w.published_at for w in works if w.published_at]
    updates = [w.updated_at or w.published_at for w in works if w.published_at]
    languages = [w.language for w in works]
    subjects: list[str] = []
    for part in parts:
        subjects += [n for label, names in part.metadata if label == "Fandoms" for n in names if n not in subjects]
    return Book(
        kind="series",
        title=series.title,
        creators=creators,
        summary_html="".join(f"<p>{line}</p>" for line in _escape_lines(series.summary)),
        language=max(set(languages), key=languages.count) if languages else "en",
        url=url,
        published=min(dates) if dates else None,
        updated=max(updates) if updates else None,
        subjects=subjects,
        works=parts,
        series_title=series.title,
        filename_stem=_stem(series.title, series.pk) + "-series",
        identifier=_stable_id(url),
    )


def _escape_lines(text: str) -> list[str]:
    from html import escape

    return [escape(line) for line in text.splitlines() if line.strip()]


# --- content versions: the cache key ---------------------------------------------------


def content_digest(parts) -> str:
    return hashlib.sha256(repr((FORMAT_REVISION, settings.SITE_URL, parts)).encode()).hexdigest()[:40]


def works_version(work_ids: list[int]) -> str:
    """A digest of everything a download of these works shows. It changes when a
    work is saved, a chapter is edited, published, moved or deleted, a tag, credit
    or series changes. Five small queries; no text is read."""
    works = list(
        Work.objects.filter(pk__in=work_ids)
        .order_by("pk")
        .values_list(
            "pk", "modified_at", "updated_at", "published_at", "chapter_count", "expected_chapters", "anonymous"
        )
    )
    chapters = list(
        Chapter.objects.filter(work_id__in=work_ids, state=ChapterState.PUBLISHED)
        .order_by("work_id", "position", "pk")
        .values_list("work_id", "pk", "position", "modified_at", "published_at")
    )
    tags = list(
        Tagging.objects.filter(work_id__in=work_ids).order_by("pk").values_list("work_id", "tag__name", "tag__type")
    )
    credits = list(
        Creatorship.objects.filter(work_id__in=work_ids, accepted=True)
        .order_by("pk")
        .values_list("work_id", "pseud__name")
    )
    series = list(
        SeriesWork.objects.filter(work_id__in=work_ids)
        .order_by("pk")
        .values_list("work_id", "series__title", "position")
    )
    return content_digest((list(work_ids), works, chapters, tags, credits, series))


def work_version(work: Work) -> str:
    return works_version([work.pk])


def series_version(series: Series, user) -> tuple[str, list[int]]:
    """The version of a series as `user` may download it, and the works in it.
    Guests and signed-in readers can see different works, so get different files."""
    ids = list(series.works_visible_to(user).downloadable().values_list("pk", flat=True))
    return content_digest((series.title, series.summary, series.updated_at, works_version(ids))), ids


def chapter_fragment(html: str, images: str = "link") -> str:
    return xhtml.to_xhtml(html, base_url=site_url("/"), images=images)
