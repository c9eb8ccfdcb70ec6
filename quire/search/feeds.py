"""Atom feeds of the newest works: one for every canonical tag, one for every
saved search. Both go through `search()`, so visibility and saved exclusions
apply exactly as on the pages, and both are written by the one Atom writer (atom.py)."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _

from quire.lib.urls import site_url
from quire.tags.models import Tag
from quire.works.tag_visibility import get_visible_tag_or_404

from .atom import ATOM_TYPE, link, render_feed, tag_id, work_entry
from .backends import excluded_tag_ids, search
from .listing import works_in_order
from .models import SavedSearch
from .query import Query, query_from_params

FEED_SIZE = 25


def newest_works(query: Query, viewer):
    return works_in_order(search(query, viewer, facets=False).ids)


def works_feed_response(request, *, title: str, subtitle: str, html_url: str, works, viewer):
    feed = {
        "id": tag_id(request.path),
        "title": title,
        "subtitle": subtitle,
        "links": [link("self", site_url(request.path), ATOM_TYPE), link("alternate", site_url(html_url), "text/html")],
    }
    return render_feed(feed, [work_entry(w, viewer) for w in works])


def tag_feed(request, pk):
    tag = get_visible_tag_or_404(Tag.objects.select_related("synonym_of"), request.user, pk=pk).canonical_tag
    works = newest_works(Query(include=(tag.pk,), sort="posted", per_page=FEED_SIZE), request.user)
    return works_feed_response(
        request,
        title=_("%(site)s: works in %(tag)s") % {"site": settings.SITE_NAME, "tag": tag.name},
        subtitle=_("The newest works tagged %(tag)s or one of its synonyms.") % {"tag": tag.name},
        html_url=tag.get_absolute_url(),
        works=works,
        viewer=request.user,
    )


def saved_search_feed(request, token):
    saved = SavedSearch.objects.filter(feed_token=token).select_related("user").first()
    if saved is None:
        raise Http404("No such feed.")
    # Feed readers carry no session: show what a guest may see, minus the owner's exclusions.
    query = query_from_params(QueryDict(saved.query_string))
    query = Query(**{**query.__dict__, "sort": "posted", "page": 1, "per_page": FEED_SIZE})
    guest = AnonymousUser()
    return works_feed_response(
        request,
        title=f"{settings.SITE_NAME}: {saved.name}",
        subtitle=_("The newest works matching the saved search “%(name)s”.") % {"name": saved.name},
        html_url=saved.get_absolute_url(),
        works=newest_works(query.with_exclusions(excluded_tag_ids(saved.user)), guest),
        viewer=guest,
    )


def works_feed(request):
    """The newest works matching a works listing's filters (the same GET parameters), so
    any filtered listing or search can be followed in a feed reader."""
    params = request.GET.copy()
    for key in ("page", "sort"):
        params.pop(key, None)
    query = query_from_params(params, viewer=request.user)
    query = Query(**{**query.__dict__, "sort": "posted", "page": 1, "per_page": FEED_SIZE})
    if params.get("q"):
        title = _("%(site)s: works matching %(words)s") % {"site": settings.SITE_NAME, "words": params["q"]}
    else:
        title = _("%(site)s: works matching your filters") % {"site": settings.SITE_NAME}
    return works_feed_response(
        request,
        title=title,
        subtitle=_("The newest works matching a filtered works list."),
        html_url=reverse("search:works") + (f"?{params.urlencode()}" if params else ""),
        works=newest_works(query, request.user),
        viewer=request.user,
    )


def listing_feed_url(params, base_tag=None) -> str:
    """The feed a filtered works listing offers in its page head: its filters, minus paging."""
    params = params.copy()
    for key in ("page", "sort"):
        params.pop(key, None)
    if base_tag is not None:
        params.appendlist("include", str(base_tag.canonical_tag.pk))
    return reverse("search:works_feed") + (f"?{params.urlencode()}" if params else "")
