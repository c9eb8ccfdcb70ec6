"""Keeping the search text fresh.

A work's SearchDocument is rebuilt in the same transaction as the change that
makes it stale (the work saved, a chapter saved or deleted, its tags re-filed,
a creator credited), so a posted or edited work is found by the very next
search, and a rolled-back change leaves the index as it was. The hooks are
the signal receivers wired in `SearchConfig.ready` plus the filter-tag
recomputation, which calls `works_changed` itself.
"""

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from html import unescape

from django.utils.html import strip_tags

from . import changes
from .models import SearchDocument

# Keep one document within what every full-text engine indexes comfortably.
BODY_MAX = 1_000_000
_SPACE = re.compile(r"\s+")


def _plain(html: str) -> str:
    # Text, not HTML: entities decoded (`&amp;` → `&`), since the snippet
    # escapes everything it shows (`fulltext._mark`) and would escape them twice.
    return _SPACE.sub(" ", unescape(strip_tags(html.replace("<", " <")))).strip()


def document_fields(work, chapters, tag_names, creator_names) -> dict:
    body = " ".join(_plain(c.text_html) for c in chapters)[:BODY_MAX]
    return {
        "title": work.title,
        "summary": _plain(work.summary_html),
        "notes": _plain(work.notes_begin_html + " " + work.notes_end_html),
        "tags": " ; ".join(tag_names),
        # An anonymous work must not be findable by its creator's name.
        "creators": "" if work.anonymous else " ".join(creator_names),
        "body": body,
    }


# Work ids waiting for the end of a `batched()` block, or None outside one.
_batch: ContextVar[set[int] | None] = ContextVar("quire_search_batch", default=None)


@contextmanager
def batched() -> Iterator[None]:
    """Rebuild each changed work's document once, as the block ends, instead of on
    every save: a bulk import saves a work, its chapters, creators and tags one by
    one, and rebuilt the same document each time. Use it inside the transaction
    that makes the changes, so the index stays in step with them."""
    if _batch.get() is not None:  # already batching: the outer block reindexes
        yield
        return
    pending: set[int] = set()
    token = _batch.set(pending)
    try:
        yield
    finally:
        _batch.reset(token)
    reindex_works(pending)


def reindex_works(work_ids: Iterable[int]) -> None:
    from quire.works.models import ChapterState, Work

    work_ids = set(work_ids)
    if not work_ids:
        return
    pending = _batch.get()
    if pending is not None:
        pending.update(work_ids)
        return
    changes.log(work_ids)
    works = Work.objects.filter(pk__in=work_ids).prefetch_related("tags", "creatorships__pseud", "chapters")
    for work in works:
        chapters = sorted(
            (c for c in work.chapters.all() if c.state == ChapterState.PUBLISHED), key=lambda c: c.position
        )
        creators = [c.pseud.name for c in work.creatorships.all() if c.accepted]
        fields = document_fields(work, chapters, [t.name for t in work.tags.all()], creators)
        SearchDocument.objects.update_or_create(work_id=work.pk, defaults=fields)


def works_changed(work_ids: Iterable[int]) -> None:
    reindex_works(work_ids)


# --- signal receivers, connected in apps.py ------------------------------------------
def on_work_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        reindex_works([instance.pk])


def on_chapter_changed(sender, instance, raw=False, origin=None, **kwargs):
    if raw:
        return
    from django.db.models import QuerySet

    from quire.works.models import Work

    # Rows deleted along with their work: the work's document goes with it (cascade).
    if isinstance(origin, Work) or (isinstance(origin, QuerySet) and origin.model is Work):
        return
    if Work.objects.filter(pk=instance.work_id).exists():
        reindex_works([instance.work_id])


def on_creatorship_changed(sender, instance, raw=False, origin=None, **kwargs):
    on_chapter_changed(sender, instance, raw=raw, origin=origin)


def on_work_deleted(sender, instance, **kwargs):
    # The document goes with the work (cascade); in-memory indexes must drop it too.
    changes.log([instance.pk])


def on_pseud_saved(sender, instance, raw=False, created=False, **kwargs):
    # A renamed pseud changes its works' creator text and their place in the creator sort.
    if raw or created:
        return
    from quire.works.models import Creatorship

    reindex_works(Creatorship.objects.filter(pseud=instance).values_list("work_id", flat=True))
