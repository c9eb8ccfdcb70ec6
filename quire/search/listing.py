"""A filtered works list, ready for a template: the works of one page, the
exact total, the filter sidebar with its counts, paging links that keep the
filters. The works index, tag works pages and search all render through here."""

import math
from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.translation import gettext_lazy

from quire.accounts.appearance import look_for
from quire.tags.models import Tag, TagType
from quire.works.forms import LANGUAGES
from quire.works.fragments import prime_blurbs
from quire.works.models import Work
from quire.works.tag_visibility import known_tags

from . import fulltext
from .backends import hidden_by_exclusions, hidden_by_mutes, search
from .query import ANONYMOUS_CHOICES, COMPLETE_CHOICES, CROSSOVER_CHOICES, SORTS, Query, query_from_params

TYPE_LABELS = {
    TagType.RATING: gettext_lazy("Ratings"),
    TagType.WARNING: gettext_lazy("Warnings"),
    TagType.CATEGORY: gettext_lazy("Categories"),
    TagType.FANDOM: gettext_lazy("Fandoms"),
    TagType.CHARACTER: gettext_lazy("Characters"),
    TagType.RELATIONSHIP: gettext_lazy("Relationships"),
    TagType.FREEFORM: gettext_lazy("Additional Tags"),
}


@dataclass
class FacetOption:
    tag: Tag
    count: int
    included: bool
    excluded: bool


@dataclass
class FacetGroup:
    type: str
    label: str
    options: list[FacetOption] = field(default_factory=list)

    # The sidebar opens a group only when something in it is ticked.
    @property
    def any_included(self) -> bool:
        return any(o.included for o in self.options)

    @property
    def any_excluded(self) -> bool:
        return any(o.excluded for o in self.options)


@dataclass
class Paging:
    number: int
    num_pages: int
    params: QueryDict

    def _url(self, number: int) -> str:
        params = self.params.copy()
        params["page"] = str(number)
        return "?" + params.urlencode()

    @property
    def has_other_pages(self):
        return self.num_pages > 1

    @property
    def previous_url(self):
        return self._url(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self):
        return self._url(self.number + 1) if self.number < self.num_pages else None

    @property
    def last_url(self):
        return self._url(self.num_pages)


def works_in_order(ids: list[int]) -> list[Work]:
    works = {w.pk: w for w in Work.objects.filter(pk__in=ids).for_listing()}
    return [works[pk] for pk in ids if pk in works]


def blurbs_in_order(ids: list[int], request) -> list[Work]:
    """`works_in_order` for a page of blurbs: the cached blurbs in one round trip, the
    tags, creators and series only of works whose blurb was not cached."""
    works = {w.pk: w for w in Work.objects.filter(pk__in=ids).for_blurbs()}
    ordered = [works[pk] for pk in ids if pk in works]
    prime_blurbs(ordered, request.user, look_for(request).hide_spoilers)
    return ordered


# Tags offered per group in the sidebar; any other tag is one the reader can
# type into the "Other tags to include/exclude" boxes.
SIDEBAR_LIMIT = 10


def _facet_groups(result, query: Query, viewer) -> list[FacetGroup]:
    """Both sides of the sidebar read these: the tags with the most works in
    the results, plus whatever is included or excluded now (even at zero).
    Ids sent in the address are named only if `viewer` may know the tag: else
    `?include=ID` would name a tag used only on drafts or hidden works."""
    found = {tag_id for pairs in result.facets.values() for tag_id, _ in pairs}
    asked = (set(query.include) | set(query.exclude)) - found
    tags = {t.pk: t for t in Tag.objects.filter(pk__in=found)} if found else {}
    if asked:
        tags.update({t.pk: t for t in known_tags(viewer).filter(pk__in=asked)})
    counts = {tag_id: n for pairs in result.facets.values() for tag_id, n in pairs}
    # An included tag is on every work found, whether or not it made the top of its group.
    counts.update({tag_id: result.total for tag_id in query.include if tag_id not in counts})
    groups = []
    for tag_type, label in TYPE_LABELS.items():
        top = sorted(result.facets.get(tag_type, []), key=lambda p: (-p[1], p[0]))[:SIDEBAR_LIMIT]
        ids = [tag_id for tag_id, _ in top]
        ids += [t for t in (*query.include, *query.exclude) if t in tags and tags[t].type == tag_type and t not in ids]
        options = [
            FacetOption(tags[t], counts.get(t, 0), t in query.include, t in query.exclude) for t in ids if t in tags
        ]
        if options:
            groups.append(FacetGroup(tag_type, str(label), options))
    return groups


def _saved_query(params: QueryDict, base: tuple[int, ...], collections: tuple[int, ...] = ()) -> str:
    """What a saved search keeps: the filters, and the tag or collection page it was saved from."""
    saved = params.copy()
    for tag_id in base:
        saved.appendlist("include", str(tag_id))
    for collection_id in collections:
        saved.appendlist("collection", str(collection_id))
    return saved.urlencode()


def _with(params: QueryDict, **changes) -> str:
    params = params.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value is not None:
            params[key] = value
    return params.urlencode()


def build_listing(request, *, base_tag: Tag | None = None, collection_ids: tuple[int, ...] = ()) -> dict:
    """`collection_ids`: list only works approved into these collections (a collection's works page)."""
    base = (base_tag.canonical_tag.pk,) if base_tag else ()
    query = query_from_params(request.GET, base_include=base, viewer=request.user, collections=collection_ids)
    # "Show them": the reader asked to see what their saved exclusions hide, this once.
    show_excluded = request.GET.get("show_excluded") == "1"
    show_muted = request.GET.get("show_muted") == "1"
    result = search(query, request.user, exclusions=not show_excluded, mutes=not show_muted)
    hidden = 0 if show_excluded else hidden_by_exclusions(query, request.user, result.total)
    muted = 0 if show_muted else hidden_by_mutes(query, request.user, result.total, exclusions=not show_excluded)
    num_pages = max(1, math.ceil(result.total / query.per_page))
    works = blurbs_in_order(result.ids, request)
    snippets = fulltext.snippets(result.ids, query.text) if query.text else {}
    for work in works:
        work.search_snippet = snippets.get(work.pk)  # type: ignore[attr-defined]  # for the template only
    params = request.GET.copy()
    params.pop("page", None)
    facet_groups = _facet_groups(result, query, request.user)
    return {
        "query": query,
        "works": works,
        "total": result.total,
        "paging": Paging(min(query.page, num_pages), num_pages, params),
        "facet_groups": facet_groups,
        "exclude_open": any(group.any_excluded for group in facet_groups),
        "base_tag": base_tag,
        "form": request.GET,
        "sorts": SORTS,
        "crossover_choices": CROSSOVER_CHOICES,
        "complete_choices": COMPLETE_CHOICES,
        "anonymous_choices": ANONYMOUS_CHOICES,
        "languages": LANGUAGES,
        "query_string": _saved_query(params, base, collection_ids),
        "beyond_last_page": query.page > num_pages and result.total > 0,
        "hidden_by_filters": hidden,
        "show_excluded": show_excluded,
        "show_excluded_url": "?" + _with(params, show_excluded="1"),
        "hide_excluded_url": "?" + _with(params, show_excluded=None),
        "hidden_by_mutes": muted,
        "show_muted": show_muted,
        "show_muted_url": "?" + _with(params, show_muted="1"),
        "hide_muted_url": "?" + _with(params, show_muted=None),
    }
