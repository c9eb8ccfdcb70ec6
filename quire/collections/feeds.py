"""A collection's Atom feed: its newest works, through search() like every feed,
so visibility (unrevealed works, anonymous creators) applies as on the pages."""

from django.conf import settings
from django.shortcuts import get_object_or_404

from quire.search.feeds import FEED_SIZE, _WorksFeed
from quire.search.query import Query

from .models import Collection


class CollectionFeed(_WorksFeed):
    def get_object(self, request, name):
        self.viewer = request.user
        return get_object_or_404(Collection, name=name)

    def title(self, collection):
        return f"{settings.SITE_NAME}: works in {collection.title}"

    def link(self, collection):
        return collection.get_absolute_url()

    def subtitle(self, collection):
        return f"The newest works in the collection {collection.title}."

    def items(self, collection):
        query = Query(collections=tuple(collection.with_children_ids()), sort="posted", per_page=FEED_SIZE)
        return self._works(query, self.viewer)
