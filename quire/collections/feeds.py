"""A collection's Atom feed: its newest works, through search() like every feed, so
visibility (unrevealed works, anonymous creators) applies as on the pages; written by the
one Atom writer the search app owns."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from quire.search.feeds import FEED_SIZE, newest_works, works_feed_response
from quire.search.query import Query

from .models import Collection


def collection_feed(request, name):
    collection = get_object_or_404(Collection, name=name)
    query = Query(collections=tuple(collection.with_children_ids()), sort="posted", per_page=FEED_SIZE)
    return works_feed_response(
        request,
        title=_("%(site)s: works in %(collection)s") % {"site": settings.SITE_NAME, "collection": collection.title},
        subtitle=_("The newest works in the collection %(collection)s.") % {"collection": collection.title},
        html_url=collection.get_absolute_url(),
        works=newest_works(query, request.user),
        viewer=request.user,
    )
