"""OPDS that e-readers can trust: every format this archive serves, rating and warnings
as categories with a scheme, and search across what the site search covers."""

import feedparser
from django.urls import reverse

from quire.downloads.formats import available_formats
from quire.search.atom import category_scheme
from tests.factories import make_work


def entries(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content[:300]
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return {e.title: e for e in feed.entries}


def test_every_format_that_can_be_served_is_offered(client, author):
    make_work(author, "The Tide Clock")
    entry = entries(client, "/opds/new/")["The Tide Clock"]
    offered = [link for link in entry.links if link.rel == "http://opds-spec.org/acquisition"]
    assert [link.title for link in offered] == [f"Download {fmt.label}" for fmt in available_formats()]
    assert {"Download EPUB", "Download HTML", "Download Plain text"} <= {link.title for link in offered}
    # Each link answers an app with the file (these are small enough to make at once).
    for link in offered:
        response = client.get(link.href.removeprefix("http://127.0.0.1:8000"), HTTP_ACCEPT="*/*")
        assert response.status_code in (200, 503), (link.title, response.status_code)
        assert not response["Content-Type"].startswith("text/html") or link.title == "Download HTML"


def test_rating_and_warnings_are_categories_with_a_scheme(client, author):
    make_work(
        author, "After Dark", rating="Explicit", warnings=("Graphic Depictions Of Violence",),
        fandoms=("Harbour Lights",), freeforms=("Slow Burn",),
    )  # fmt: skip
    make_work(author, "Morning Tea")
    found = entries(client, "/opds/new/")
    explicit = {(t.scheme, t.term) for t in found["After Dark"].tags}
    assert (category_scheme("rating"), "Explicit") in explicit
    assert (category_scheme("warning"), "Graphic Depictions Of Violence") in explicit
    assert (category_scheme("fandom"), "Harbour Lights") in explicit
    assert (category_scheme("freeform"), "Slow Burn") in explicit
    calm = {(t.scheme, t.term) for t in found["Morning Tea"].tags}
    assert (category_scheme("rating"), "General Audiences") in calm
    assert category_scheme("rating").startswith("http")


def test_catalog_search_finds_what_site_search_finds(client, author):
    make_work(author, "The Salt Road", summary="A lighthouse keeper walks inland.", fandoms=("Harbour Lights",))
    make_work(author, "Green Fields", summary="Sheep, mostly.", fandoms=("Mountain Songs",))
    # By words in the summary, not only the title.
    assert set(entries(client, "/opds/search/", q="lighthouse")) == {"The Salt Road"}
    # By tag, with the site's search syntax.
    assert set(entries(client, "/opds/search/", q='tag:"Mountain Songs"')) == {"Green Fields"}
    # Positive control: the site search page finds the same work for the same words.
    page = client.get(reverse("search:works"), {"q": "lighthouse"}).content.decode()
    assert "The Salt Road" in page and "Green Fields" not in page


def test_catalog_search_leaves_out_restricted_works_for_guests(client, author):
    make_work(author, "Lighthouse for Members", restricted=True)
    make_work(author, "Lighthouse for All")
    assert set(entries(client, "/opds/search/", q="lighthouse")) == {"Lighthouse for All"}
