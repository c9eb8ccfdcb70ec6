"""Filter tags: the tags a work is filed under, derived from the tags its
creators typed and the wrangling around them (AO3's `FilterTagging`).

A tagging files its work under the tag's canonical tag (the tag itself while
unwrangled, so a brand-new fandom can be browsed before anyone wrangles it),
plus every meta tag above that, transitively. This module holds that rule over
the canon; re-filing works by it (reading their taggings) is `quire.works.filing`.
"""

from collections.abc import Iterable

from .models import Tag


def metatag_graph() -> dict[int, set[int]]:
    graph: dict[int, set[int]] = {}
    for sub_id, meta_id in Tag.metatags.through.objects.values_list("from_tag_id", "to_tag_id"):
        graph.setdefault(sub_id, set()).add(meta_id)
    return graph


def ancestors(tag_id: int, graph: dict[int, set[int]]) -> set[int]:
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
        for meta in ancestors(tag_id, graph):
            result.setdefault(meta, True)
    return result
