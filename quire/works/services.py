"""Workflows that change several rows at once: posting, publishing, tagging.

Views and commands call these instead of saving models piecemeal, so the
derived fields (word count, chapter count, dates) can never drift.
"""

from datetime import datetime

from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from quire.tags.models import FIXED_TYPES, Tag

from . import events, filing, freshness
from .models import Chapter, ChapterState, Creatorship, Series, SeriesWork, Work


def refresh_counts(work: Work) -> None:
    """Recompute what a work derives from its published chapters."""
    published = work.chapters.filter(state=ChapterState.PUBLISHED)
    totals = published.aggregate(words=Sum("word_count"), last=Max("published_at"))
    work.word_count = totals["words"] or 0
    work.chapter_count = published.count()
    changes = {"word_count": work.word_count, "chapter_count": work.chapter_count}
    # AO3's rule: a chapter posted beyond the planned total means the plan changed, so the total
    # becomes unknown ("2/?") and the work is in progress again until the author sets a new one.
    if Work.objects.filter(pk=work.pk, expected_chapters__lt=work.chapter_count).exists():
        work.expected_chapters = changes["expected_chapters"] = None
    if totals["last"] is not None:
        # "Updated" means the newest chapter still up: deleting it moves the date back.
        work.updated_at = changes["updated_at"] = totals["last"]
    Work.objects.filter(pk=work.pk).update(**changes)
    freshness.works_changed([work.pk], text=False)


def renumber_chapters(work: Work, ordered_ids: list[int] | None = None) -> None:
    """Give chapters positions 1..n, in `ordered_ids` order when given."""
    chapters = list(work.chapters.all())
    if ordered_ids is not None:
        rank = {pk: i for i, pk in enumerate(ordered_ids)}
        chapters.sort(key=lambda c: (rank.get(c.pk, len(rank)), c.position))
    for index, chapter in enumerate(chapters, start=1):
        if chapter.position != index:
            Chapter.objects.filter(pk=chapter.pk).update(position=index)


def set_tags(work: Work, tags_by_type: dict[str, list[str]]) -> None:
    """Replace a work's tags. Fixed-vocabulary tags must exist; free tags are
    created, unwrangled, the first time someone uses them."""
    wanted: list[Tag] = []
    for tag_type, names in tags_by_type.items():
        for name in names:
            name = " ".join(name.split())
            if not name:
                continue
            existing = Tag.objects.named(name).first()
            if existing is None:
                if tag_type in FIXED_TYPES:
                    raise ValueError(f"{name!r} is not a {tag_type}")
                existing = Tag.objects.create(name=name, type=tag_type)
            wanted.append(existing)
    work.tags.set({t.pk: t for t in wanted}.values())
    # Filter tags (canonical + meta tags) are what listings and facets read.
    filing.recompute_for_works([work.pk])


def add_creator(work: Work, pseud, *, accepted: bool, invited_by=None) -> Creatorship:
    creatorship, _ = Creatorship.objects.get_or_create(
        work=work, pseud=pseud, defaults={"accepted": accepted, "invited_by": invited_by}
    )
    return creatorship


@transaction.atomic
def publish_chapter(chapter: Chapter, when: datetime | None = None) -> None:
    """Make a chapter public now. Publishing the first chapter of a draft work posts the work."""
    when = when or timezone.now()
    # A draft carries a date only when it was imported with its original one: keep it.
    original = chapter.published_at if chapter.state == ChapterState.DRAFT else None
    chapter.state = ChapterState.PUBLISHED
    chapter.published_at = original if original is not None and original <= when else when
    chapter.publish_at = None
    chapter.save(update_fields=["state", "published_at", "publish_at"])
    work = Work.objects.select_for_update().get(pk=chapter.work_id)
    if work.is_draft:
        work.is_draft = False
        work.published_at = work.published_at or when
    work.updated_at = when
    work.save(update_fields=["is_draft", "published_at", "updated_at"])
    refresh_counts(work)
    events.chapter_published.send(Chapter, chapter=chapter)  # subscribers are told once this commits


def schedule_chapter(chapter: Chapter, publish_at: datetime) -> None:
    """Publish `chapter` at `publish_at` through the background worker."""
    from .tasks import publish_due_chapters

    chapter.state = ChapterState.SCHEDULED
    chapter.publish_at = publish_at
    chapter.save(update_fields=["state", "publish_at"])
    # The task checks the clock itself, so a task that runs early, or one left
    # over from an earlier schedule, publishes nothing before its time.
    publish_due_chapters.using(run_after=publish_at).enqueue()


@transaction.atomic
def post_work(work: Work) -> None:
    """Post a draft work: publish its chapters that are not scheduled for later."""
    now = timezone.now()
    for chapter in work.chapters.filter(state=ChapterState.DRAFT).order_by("position"):
        publish_chapter(chapter, when=now)


def due_chapters():
    return Chapter.objects.filter(state=ChapterState.SCHEDULED, publish_at__lte=timezone.now())


def run_due_chapters() -> int:
    """Publish every scheduled chapter whose time has come. Returns how many."""
    count = 0
    for chapter in due_chapters().select_related("work").order_by("publish_at", "pk"):
        with transaction.atomic():
            # Re-read under lock: a second worker may have published it already.
            fresh = (
                Chapter.objects.select_for_update()
                .filter(pk=chapter.pk, state=ChapterState.SCHEDULED, publish_at__lte=timezone.now())
                .first()
            )
            if fresh is None:
                continue
            publish_chapter(fresh, when=fresh.publish_at)
            count += 1
    return count


def set_series(work: Work, series: Series | None, position: int | None = None) -> None:
    """Put `work` in `series` (at the end unless a position is given); None removes it from all series."""
    Work.objects.filter(pk=work.pk).touch()  # its blurb names its series
    if series is None:
        work.series_memberships.all().delete()
        return
    membership = SeriesWork.objects.filter(series=series, work=work).first()
    if position is None:
        position = (
            membership.position if membership else ((series.memberships.aggregate(m=Max("position"))["m"] or 0) + 1)
        )
    SeriesWork.objects.update_or_create(series=series, work=work, defaults={"position": position})
    if membership is None:
        events.series_grew.send(Series, series=series, work=work)  # its subscribers are told once this commits
    series.updated_at = timezone.now()
    series.save(update_fields=["updated_at"])


# --- posting and editing through the forms ------------------------------------------


def invite_cocreators(work: Work, users, invited_by) -> list[Creatorship]:
    """Credit each user's default pseud once they accept; users already on the work are skipped."""
    invited = []
    for user in users:
        if work.creatorships.filter(pseud__user=user).exists():
            continue
        invited.append(add_creator(work, user.default_pseud, accepted=False, invited_by=invited_by))
    return invited


def _join_series(work: Work, pseuds, series: Series | None, new_series_title: str, position: int | None):
    if new_series_title:
        series = Series.objects.create(title=new_series_title)
        series.creators.add(*pseuds)
    set_series(work, series, position)


@transaction.atomic
def create_work(
    user,
    *,
    fields: dict,
    pseuds,
    tags_by_type: dict[str, list[str]],
    chapter: Chapter,
    cocreators=(),
    series: Series | None = None,
    new_series_title: str = "",
    series_position: int | None = None,
    post: bool = False,
) -> Work:
    """A work with its first chapter, as a draft or posted. `chapter` is unsaved."""
    work = Work.objects.create(is_draft=True, **fields)
    for pseud in pseuds:
        add_creator(work, pseud, accepted=True)
    invite_cocreators(work, cocreators, invited_by=user)
    set_tags(work, tags_by_type)
    _join_series(work, pseuds, series, new_series_title, series_position)
    chapter.work = work
    chapter.position = 1
    chapter.text_format = work.text_format
    chapter.state = ChapterState.DRAFT
    chapter.save()
    if post:
        post_work(work)
    refresh_counts(work)
    work.refresh_from_db()
    return work


@transaction.atomic
def update_work(
    work: Work,
    user,
    *,
    fields: dict,
    pseuds,
    tags_by_type: dict[str, list[str]],
    cocreators=(),
    series: Series | None = None,
    new_series_title: str = "",
    series_position: int | None = None,
) -> Work:
    """Save the work form. `pseuds` are the editing user's pseuds to credit;
    other people's credits are left alone."""
    for name, value in fields.items():
        setattr(work, name, value)
    work.save()
    wanted = {p.pk for p in pseuds}
    work.creatorships.filter(pseud__user=user).exclude(pseud_id__in=wanted).delete()
    for pseud in pseuds:
        Creatorship.objects.update_or_create(work=work, pseud=pseud, defaults={"accepted": True})
    invite_cocreators(work, cocreators, invited_by=user)
    set_tags(work, tags_by_type)
    _join_series(work, pseuds, series, new_series_title, series_position)
    return work


def save_chapter(chapter: Chapter, *, publish_now: bool = False, publish_at: datetime | None = None) -> Chapter:
    """Save a new or edited chapter and decide who sees it: published now, scheduled
    for `publish_at`, or (neither) a draft. A posted chapter stays posted."""
    # Sanitising and counting a long text before the transaction: on SQLite a write
    # transaction holds the one write lock from its BEGIN.
    chapter.render()
    with transaction.atomic():
        return _save_chapter(chapter, publish_now, publish_at)


def _save_chapter(chapter: Chapter, publish_now: bool, publish_at: datetime | None) -> Chapter:
    if chapter.pk is None:
        last = chapter.work.chapters.aggregate(m=Max("position"))["m"] or 0
        chapter.position = last + 1
    was_published = chapter.pk is not None and chapter.is_published
    if not was_published:
        chapter.state = ChapterState.DRAFT
        chapter.publish_at = None
    chapter.save()
    if not was_published:
        if publish_now:
            publish_chapter(chapter)
        elif publish_at is not None:
            schedule_chapter(chapter, publish_at)
    refresh_counts(chapter.work)
    return chapter


class OnlyChapter(Exception):
    """A work needs at least one chapter."""


@transaction.atomic
def delete_chapter(chapter: Chapter) -> None:
    work = Work.objects.select_for_update().get(pk=chapter.work_id)
    if work.chapters.count() <= 1:
        raise OnlyChapter(_("A work needs at least one chapter: delete the whole work instead."))
    chapter.delete()
    renumber_chapters(work)
    refresh_counts(work)
