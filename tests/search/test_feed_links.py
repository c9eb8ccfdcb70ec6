"""Feed readers find feeds from a page's head (`<link rel="alternate">`), on every page
that has one, and every feed is written by the one Atom writer."""

import re

import feedparser
from django.urls import reverse

from quire.search.atom import category_scheme
from quire.tags.models import Tag
from tests.downloads.helpers import series_of
from tests.factories import make_work


def head_feeds(client, url) -> list[str]:
    page = client.get(url)
    assert page.status_code == 200
    head = page.content.decode().split("</head>")[0]
    return re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"]*" href="([^"]+)">', head)


def read(client, href):
    response = client.get(href.replace("&amp;", "&"))
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_a_work_page_offers_its_chapter_feed_and_its_creators_feed(client, author):
    work = make_work(author, "Serial", chapters=["One.", "Two."])
    hrefs = head_feeds(client, work.get_absolute_url())
    assert reverse("downloads:work_feed", args=[work.pk]) in hrefs
    assert reverse("downloads:author_feed", args=[author.username]) in hrefs
    assert [e.title for e in read(client, hrefs[0]).entries] == ["Serial: Chapter 2", "Serial: Chapter 1"]


def test_an_anonymous_work_page_does_not_name_its_creator_in_a_feed_link(client, author):
    work = make_work(author, "Unsigned", anonymous=True)
    hrefs = head_feeds(client, work.get_absolute_url())
    assert hrefs == [reverse("downloads:work_feed", args=[work.pk])]


def test_creator_and_series_pages_offer_their_feeds(client, author):
    series = series_of(author, make_work(author, "Part One"), make_work(author, "Part Two"))
    assert head_feeds(client, series.get_absolute_url()) == [reverse("downloads:series_feed", args=[series.pk])]
    profile = reverse("accounts:profile", args=[author.username])
    assert head_feeds(client, profile) == [reverse("downloads:author_feed", args=[author.username])]


def test_a_filtered_listing_offers_a_feed_of_exactly_its_filters(client, author):
    make_work(author, "Harbour Night", fandoms=("Harbour Lights",), rating="Explicit")
    make_work(author, "Harbour Morning", fandoms=("Harbour Lights",))
    make_work(author, "Mountain Song", fandoms=("Mountain Songs",))
    fandom = Tag.objects.get(name="Harbour Lights")
    hrefs = head_feeds(client, reverse("search:tag_works", args=[fandom.pk]) + "?complete=&page=2")
    assert reverse("search:tag_feed", args=[fandom.pk]) in hrefs
    filtered = next(h for h in hrefs if h.startswith(reverse("search:works_feed")))
    assert "page=" not in filtered
    feed = read(client, filtered)
    assert {e.title for e in feed.entries} == {"Harbour Night", "Harbour Morning"}
    # The same writer as the catalog: rating as a category with its scheme.
    night = next(e for e in feed.entries if e.title == "Harbour Night")
    assert (category_scheme("rating"), "Explicit") in {(t.scheme, t.term) for t in night.tags}
    # A search listing's feed follows its words.
    hrefs = head_feeds(client, reverse("search:works") + "?q=Mountain")
    assert [e.title for e in read(client, hrefs[0]).entries] == ["Mountain Song"]
