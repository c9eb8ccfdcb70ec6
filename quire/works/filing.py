"""Re-filing works: bring each work's filter tags (`tags.FilterTagging`) in line
with its tags and the canon, by the rule in `quire.tags.filtering`. A work's are
recomputed whenever its tags change (`recompute_for_works`, from
`services.set_tags`), and every affected work's whenever the wrangling of a tag
changes (`recompute_around_tags`, on the tags app's `events.canon_changed`).
Re-filed works are announced to search through `freshness.works_changed`.
"""

from collections.abc import Iterable

from django.db import transaction

from quire.tags.filtering import filter_tags_for, metatag_graph
from quire.tags.models import FilterTagging, Tag

from . import freshness
from .models import Tagging, Work

BATCH = 500


@transaction.atomic
def recompute_for_works(work_ids: Iterable[int]) -> None:
    """Bring the filter tags of these works in line with their tags and the canon."""
    work_ids = sorted(set(work_ids))
    if not work_ids:
        return
    graph = metatag_graph()
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
    freshness.works_changed(work_ids)


def works_around(tags: Iterable[Tag]) -> set[int]:
    """Works whose filter tags may depend on these tags: those tagged with them or
    their synonyms, and those filed under them or under anything below them."""
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
    ids = list(Work.objects.values_list("pk", flat=True))
    recompute_for_works(ids)
    return len(ids)


def on_canon_changed(sender, tags, **kwargs) -> None:
    """A wrangler changed these tags (connected in apps.py): re-file the works it moves."""
    recompute_around_tags(tags)
