"""The tag page: what a tag is, its synonyms, parents, meta and sub tags, and its
newest works. It lists works through search, so it lives here, above tags and
works; its address and name stay the tags app's (`tags:detail`, wired in
quire/urls.py) and its template is still `tags/detail.html`."""

from django.shortcuts import render

from quire.tags import wrangling
from quire.tags.models import Tag, TagType
from quire.works.tag_visibility import get_visible_tag_or_404

from .backends import search
from .listing import blurbs_in_order
from .query import Query

PREVIEW_WORKS = 5


def tag_detail(request, pk):
    """What a tag is, its synonyms, parents, meta and sub tags, and its newest works."""
    tag = get_visible_tag_or_404(
        Tag.objects.select_related("synonym_of").prefetch_related("synonyms", "parents", "metatags", "subtags"),
        request.user,
        pk=pk,
    )
    canonical = tag.canonical_tag
    result = search(Query(include=(canonical.pk,), per_page=PREVIEW_WORKS), request.user, facets=False)
    children = list(canonical.children.order_by("type", "name")) if canonical.type == TagType.FANDOM else []
    # The definition list is printed only when it has a row (an empty <dl> is noise to a screen reader).
    has_meta = bool(
        tag.media or tag.parents.all() or tag.synonyms.all() or tag.metatags.all() or tag.subtags.all() or children
    )
    context = {
        "tag": tag,
        "canonical": canonical,
        "works": blurbs_in_order(result.ids, request),
        "total": result.total,
        "children": children,
        "has_meta": has_meta,
        "can_wrangle": wrangling.can_wrangle(request.user),
    }
    return render(request, "tags/detail.html", context)
