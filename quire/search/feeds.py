"""Atom feeds of the newest works: one for every canonical tag, one for every
saved search. Both go through `search()`, so visibility and saved exclusions
apply exactly as on the pages."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.http import Http404, QueryDict
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from quire.tags.models import Tag
from quire.tags.visibility import get_visible_tag_or_404

from .backends import search
from .listing import works_in_order
from .models import SavedSearch
from .query import Query, query_from_params

FEED_SIZE = 25


class _WorksFeed(Feed):
    feed_type = Atom1Feed

    def item_title(self, work):
        return work.title

    def item_link(self, work):
        return work.get_absolute_url()

    def item_pubdate(self, work):
        return work.published_at

    def item_updateddate(self, work):
        return work.updated_at

    def item_author_name(self, work):
        pseuds = work.creators_visible_to(AnonymousUser())
        return "Anonymous" if pseuds is None else ", ".join(p.name for p in pseuds)

    def item_description(self, work):
        tags = ", ".join(t.name for t in work.tags.all())
        words = f"{work.word_count:,} words, chapters {work.chapters_display}"
        return f"{work.summary_html}<p>{escape(tags)}</p><p>{words}</p>"

    def _works(self, query: Query, viewer):
        result = search(query, viewer, facets=False)
        return works_in_order(result.ids)


class TagFeed(_WorksFeed):
    def get_object(self, request, pk):
        tag = get_visible_tag_or_404(Tag.objects.select_related("synonym_of"), request.user, pk=pk).canonical_tag
        self.viewer = request.user
        return tag

    def title(self, tag):
        return f"{settings.SITE_NAME}: works in {tag.name}"

    def link(self, tag):
        return tag.get_absolute_url()

    def subtitle(self, tag):
        return f"The newest works tagged {tag.name} or one of its synonyms."

    def items(self, tag):
        return self._works(Query(include=(tag.pk,), sort="posted", per_page=FEED_SIZE), self.viewer)


class SavedSearchFeed(_WorksFeed):
    def get_object(self, request, token):
        saved = SavedSearch.objects.filter(feed_token=token).select_related("user").first()
        if saved is None:
            raise Http404("No such feed.")
        return saved

    def title(self, saved):
        return f"{settings.SITE_NAME}: {saved.name}"

    def link(self, saved):
        return saved.get_absolute_url()

    def items(self, saved):
        # Feed readers carry no session: show what a guest may see, minus the owner's exclusions.
        from .backends import excluded_tag_ids

        params = QueryDict(saved.query_string)
        query = query_from_params(params)
        query = Query(**{**query.__dict__, "sort": "posted", "page": 1, "per_page": FEED_SIZE})
        return self._works(query.with_exclusions(excluded_tag_ids(saved.user)), AnonymousUser())
