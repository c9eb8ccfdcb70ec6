"""The search interface: `search(query, viewer) -> SearchResult`.

Every works list (the works index, tag pages, fandom pages, search, feeds)
asks here. A backend returns one page of work ids in order, the exact total
and facet counts; it never decides visibility itself but starts from
`Work.objects.visible_to(viewer)`. The reader's saved exclusions are added
here, once, so no list can forget them.

`SQLBackend` is the reference and runs on SQLite and PostgreSQL; any faster
backend must give identical answers (tests/search/test_differential.py).
"""

from dataclasses import dataclass, field, replace

from django.conf import settings

from quire.tags.models import FilterTagging

from .sql import SQLBackend

FACET_LIMIT = 10


@dataclass
class SearchResult:
    ids: list[int]
    total: int
    # tag type → [(tag id, works in the results filed under it)], most first, then by id.
    facets: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def excluded_tag_ids(viewer) -> list[int]:
    if not (viewer and viewer.is_authenticated):
        return []
    from quire.search.models import SavedExclusion

    return list(SavedExclusion.objects.filter(user=viewer).values_list("tag_id", flat=True))


def get_backend():
    if settings.SEARCH_BACKEND == "bitmap":
        from .bitmap import BitmapBackend

        return BitmapBackend()
    return SQLBackend()


def search(query, viewer, *, facets: bool = True, backend=None, exclusions: bool = True,
           mutes: bool = True) -> SearchResult:
    """`exclusions=False` and `mutes=False` only where the reader asked to see what their
    saved exclusions or their mutes hid."""
    backend = backend or get_backend()
    if exclusions:
        query = query.with_exclusions(excluded_tag_ids(viewer))
    if not mutes:
        query = replace(query, mutes=False)
    return backend.search(query, viewer, facets=facets)


def hidden_by_exclusions(query, viewer, shown_total: int) -> int:
    """How many more works this query finds without the reader's saved exclusions."""
    if not excluded_tag_ids(viewer):
        return 0
    return max(0, search(query, viewer, facets=False, exclusions=False).total - shown_total)


def hidden_by_mutes(query, viewer, shown_total: int, exclusions: bool = True) -> int:
    """How many more works this query finds without the reader's mutes."""
    if not (viewer and viewer.is_authenticated and viewer.mutes.exists()):
        return 0
    return max(0, search(query, viewer, facets=False, exclusions=exclusions, mutes=False).total - shown_total)


def narrow_listed_works(sender, viewer, works, **kwargs):
    """Receiver of works.events.works_listed: a series page leaves out what the reader's
    saved exclusions leave out of every other list."""
    excluded = excluded_tag_ids(viewer)
    if not excluded:
        return None
    return works.exclude(pk__in=FilterTagging.objects.filter(tag_id__in=excluded).values("work_id"))
