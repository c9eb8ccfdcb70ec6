"""Filter tags: the tags a work is filed under, derived from the tags its
creators typed and the wrangling around them (AO3's `FilterTagging`).

A tagging files its work under the tag's canonical tag (the tag itself while
unwrangled, so a brand-new fandom can be browsed before anyone wrangles it),
plus every meta tag above that, transitively. Recompute a work's filter tags
whenever its tags change (`recompute_for_works`), and every affected work's
whenever the wrangling of a tag changes (`recompute_around_tags`).
"""

from collections.abc import Iterable

from django.db import transaction

from .models import FilterTagging, Tag

BATCH = 500


def _metatag_graph() -> dict[int, set[int]]:
    graph: dict[int, set[int]] = {}
    for sub_id, meta_id in Tag.metatags.through.objects.values_list("from_tag_id", "to_tag_id"):
        graph.setdefault(sub_id, set()).add(meta_id)
    return graph


def _ancestors(tag_id: int, graph: dict[int, set[int]]) -> set[int]:
    """Every meta tag above `tag_id`; the graph is acyclic but guard anyway."""
    seen: set[int] = set()
    stack = list(graph.get(tag_id, ()))
    while stack:
        current = stack.pop()
        if current in seen or current == tag_id:
            continue
        seen.add(current)
        stack.extend(graph.get(current, ()))
    return seen


def filter_tags_for(tag_ids: Iterable[int], canonical_of: dict[int, int], graph) -> dict[int, bool]:
    """{filter tag id: inherited?} for a work with these tags."""
    direct = {canonical_of.get(t, t) for t in tag_ids}
    result = dict.fromkeys(direct, False)
    for tag_id in direct:
        for meta in _ancestors(tag_id, graph):
            result.setdefault(meta, True)
    return result


@transaction.atomic
def recompute_for_works(work_ids: Iterable[int]) -> None:
    """Bring the filter tags of these works in line with their tags and the canon."""
    from quire.works.models import Tagging

    work_ids = sorted(set(work_ids))
    if not work_ids:
        return
    graph = _metatag_graph()
    for start in range(0, len(work_ids), BATCH):
        chunk = work_ids[start : start + BATCH]
        tags_by_work: dict[int, list[int]] = {w: [] for w in chunk}
        canonical_of: dict[int, int] = {}
        rows = Tagging.objects.filter(work_id__in=chunk).values_list("work_id", "tag_id", "tag__synonym_of_id")
        for work_id, tag_id, synonym_of in rows:
            tags_by_work[work_id].append(tag_id)
            if synonym_of:
                canonical_of[tag_id] = synonym_of
        existing: dict[int, dict[int, tuple[int, bool]]] = {w: {} for w in chunk}
        for pk, work_id, tag_id, inherited in FilterTagging.objects.filter(work_id__in=chunk).values_list(
            "pk", "work_id", "tag_id", "inherited"
        ):
            existing[work_id][tag_id] = (pk, inherited)
        stale, fresh = [], []
        for work_id in chunk:
            wanted = filter_tags_for(tags_by_work[work_id], canonical_of, graph)
            have = existing[work_id]
            for tag_id, (pk, inherited) in have.items():
                if wanted.get(tag_id) != inherited:
                    stale.append(pk)
            for tag_id, inherited in wanted.items():
                if tag_id not in have or have[tag_id][1] != inherited:
                    fresh.append(FilterTagging(work_id=work_id, tag_id=tag_id, inherited=inherited))
        if stale:
            FilterTagging.objects.filter(pk__in=stale).delete()
        if fresh:
            FilterTagging.objects.bulk_create(fresh)
    _changed(work_ids)


def _changed(work_ids: list[int]) -> None:
    """Tell the search index which works were re-filed."""
    from quire.search import indexing

    indexing.works_changed(work_ids)


def works_around(tags: Iterable[Tag]) -> set[int]:
    """Works whose filter tags may depend on these tags: those tagged with them or
    their synonyms, and those filed under them or under anything below them."""
    from quire.works.models import Tagging

    tag_ids = {t.pk if isinstance(t, Tag) else t for t in tags}
    below = set(tag_ids)
    frontier = set(tag_ids)
    while frontier:
        subs = set(Tag.metatags.through.objects.filter(to_tag_id__in=frontier).values_list("from_tag_id", flat=True))
        frontier = subs - below
        below |= subs
    synonyms = set(Tag.objects.filter(synonym_of_id__in=below).values_list("pk", flat=True))
    tagged = Tagging.objects.filter(tag_id__in=below | synonyms).values_list("work_id", flat=True)
    filed = FilterTagging.objects.filter(tag_id__in=below).values_list("work_id", flat=True)
    return set(tagged) | set(filed)


def recompute_around_tags(tags: Iterable[Tag]) -> int:
    """Re-file every work a wrangling change to these tags may move. Returns how many."""
    work_ids = works_around(tags)
    recompute_for_works(work_ids)
    return len(work_ids)


def recompute_all() -> int:
    from quire.works.models import Work

    ids = list(Work.objects.values_list("pk", flat=True))
    recompute_for_works(ids)
    return len(ids)
