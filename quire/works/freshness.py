"""Index freshness: the one way in for "what a search reads about these works changed".

`works_changed(work_ids)` is called in the transaction that makes the change. It

- writes the change log (`WorkChange`, an outbox of which works changed), which an
  in-memory search index in each server process reads before every search, so the
  next search sees the change, and a rolled-back change leaves no row behind;
- sends `events.works_changed`, on which the search app rebuilds those works'
  search text, in the same transaction, so the text can't be ahead of or behind
  the rows it describes.

`text=False` is for changes that leave the search text as it is (counts, kudos,
hits, hiding): they are only logged.

Everything that reaches here is also something a blurb or a work page header shows
(title, tags, creators, counts of chapters and words, visibility), so the works get
a new `Work.version`, which their cached fragments are keyed by (fragments.py).
Only the counts that change on every click (`stats_only`: kudos, hits, comment and
bookmark counts) leave the version alone: blurbs render them outside the cached part.

Callers: the workflows that change rows without saving a model (`services.
refresh_counts`, orphaning, claiming, moderation's hide and review, kudos and
hit counts, filter tags re-filed). Saving or deleting a work, chapter or credit,
and renaming a pseud, reach it through the model signals connected in
`WorksConfig.ready`: many paths save those rows (posting, editing, imports, the
admin, the demo), and the signal is the one place none of them can forget.

This module sits in `works`, below `search`, so every writer imports downward:
works itself, interactions, moderation, collections, imports.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from quire.accounts.models import Pseud

from . import events
from .models import Chapter, Creatorship, Work, WorkChange

# Work ids waiting for the end of a `batched()` block, or None outside one.
_batch: ContextVar[set[int] | None] = ContextVar("quire_freshness_batch", default=None)


def works_changed(work_ids: Iterable[int], *, text: bool = True, stats_only: bool = False) -> None:
    """Record that what a search reads about these works changed (see the module)."""
    ids = set(work_ids)
    if not ids:
        return
    pending = _batch.get()
    if text and pending is not None:
        pending.update(ids)
        return
    if not stats_only:
        Work.objects.filter(pk__in=ids).touch()
    _log(ids)
    if text:
        events.works_changed.send(sender=Work, work_ids=ids)


def _log(work_ids: set[int]) -> None:
    if settings.SEARCH_BACKEND != "bitmap":
        return  # nothing reads the log; an index made later starts from the database
    now = timezone.now()
    WorkChange.objects.bulk_create([WorkChange(work_id=w, created_at=now) for w in work_ids])


@contextmanager
def batched() -> Iterator[None]:
    """Announce each changed work once, as the block ends, instead of on every save:
    a bulk import saves a work, its chapters, creators and tags one by one, and
    rebuilt the same search text each time. Use it inside the transaction that
    makes the changes, so the index stays in step with them."""
    if _batch.get() is not None:  # already batching: the outer block announces
        yield
        return
    pending: set[int] = set()
    token = _batch.set(pending)
    try:
        yield
    finally:
        _batch.reset(token)
    works_changed(pending)


# --- model signals, connected in apps.py: saves no workflow names ---------------------
def on_work_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        works_changed([instance.pk])


def on_work_deleted(sender, instance, **kwargs):
    # The search text goes with the work (cascade); in-memory indexes must drop it too.
    _log({instance.pk})


def on_part_changed(sender, instance, raw=False, origin=None, **kwargs):
    """A chapter or credit saved or deleted."""
    if raw:
        return
    # Rows deleted along with their work: the work's search text goes with it (cascade).
    if isinstance(origin, Work) or (isinstance(origin, QuerySet) and origin.model is Work):
        return
    if Work.objects.filter(pk=instance.work_id).exists():
        works_changed([instance.work_id])


def on_pseud_saved(sender, instance, raw=False, created=False, **kwargs):
    # A renamed pseud changes its works' creator text and their place in the creator sort.
    if raw or created:
        return
    works_changed(Creatorship.objects.filter(pseud=instance).values_list("work_id", flat=True))


SIGNALS = [
    ("post_save", Work, on_work_saved),
    ("post_delete", Work, on_work_deleted),
    ("post_save", Chapter, on_part_changed),
    ("post_delete", Chapter, on_part_changed),
    ("post_save", Creatorship, on_part_changed),
    ("post_delete", Creatorship, on_part_changed),
    ("post_save", Pseud, on_pseud_saved),
]
