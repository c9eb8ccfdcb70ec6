"""The search interface: `search(query, viewer) -> SearchResult`.

Every works list (the works index, tag pages, fandom pages, search, feeds)
asks here. A backend returns one page of work ids in order, the exact total
and facet counts; it never decides visibility itself but starts from
`Work.objects.visible_to(viewer)`. The reader's saved exclusions are added
here, once, so no list can forget them.

`SQLBackend` is the reference and runs on SQLite and PostgreSQL; any faster
backend must give identical answers (tests/search/test_differential.py).
"""

from dataclasses import dataclass, field

from django.conf import settings

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


def search(query, viewer, *, facets: bool = True, backend=None) -> SearchResult:
    backend = backend or get_backend()
    query = query.with_exclusions(excluded_tag_ids(viewer))
    return backend.search(query, viewer, facets=facets)
