"""The search change log: `log(work_ids)` wherever something a search reads
about a work changes, in the same transaction as the change, so an in-memory
index (backends/bitmap.py) that reads the log before each search is never
behind what the database has committed.

The writers: `indexing.reindex_works` (a work saved or deleted, its chapters,
filter tags or creators changed), `works.services.refresh_counts`,
`moderation.services.hide_work` and `interactions.WorkStats.bump`.

Everything else the log hears of is something a blurb or a work page header
shows (title, tags, creators, counts of chapters and words, visibility), so `log`
also gives those works a new `Work.version`, which is what their cached fragments
are keyed by (quire/works/fragments.py). Only the counts that change on every click
(`stats_only`: kudos, hits) leave the version alone: blurbs render them outside
the cached part.
"""

from collections.abc import Iterable
from datetime import timedelta

from django.utils import timezone

# Rows older than this are deleted; an index that has not looked for longer rebuilds.
RETENTION = timedelta(days=1)


def log(work_ids: Iterable[int], *, stats_only: bool = False) -> None:
    from django.conf import settings

    from quire.works.models import Work

    from .models import SearchChange

    work_ids = set(work_ids)
    if not stats_only and work_ids:
        Work.objects.filter(pk__in=work_ids).touch()
    if settings.SEARCH_BACKEND != "bitmap":
        return  # nothing reads the log; an index made later starts from the database

    now = timezone.now()
    SearchChange.objects.bulk_create([SearchChange(work_id=w, created_at=now) for w in work_ids])


def prune(now=None) -> int:
    from .models import SearchChange

    now = now or timezone.now()
    deleted, _ = SearchChange.objects.filter(created_at__lt=now - RETENTION).delete()
    return deleted
