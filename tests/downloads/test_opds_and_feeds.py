"""The OPDS catalog and the Atom feeds, read by a real feed parser (feedparser) the
way an e-reader app or feed reader reads them."""

import base64

import feedparser
import pytest
from django.urls import reverse

from quire.downloads.models import AppPassword
from tests.downloads.helpers import series_of
from tests.factories import make_user, make_work

NAVIGATION = "application/atom+xml;profile=opds-catalog;kind=navigation"
ACQUISITION = "application/atom+xml;profile=opds-catalog;kind=acquisition"


def parse(response):
    assert response.status_code == 200, response.content[:300]
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def basic(user, token) -> dict:
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(f"{user.username}:{token}".encode()).decode()}


def links(entry_or_feed, rel):
    return [link for link in entry_or_feed.links if link.rel == rel]


def test_the_catalog_root_navigates_to_newest_fandoms_and_search(client, author):
    response = client.get("/opds/")
    assert response["Content-Type"] == NAVIGATION
    feed = parse(response)
    assert feed.feed.title == "Quire catalog"
    titles = {e.title: e for e in feed.entries}
    assert {"Newest works", "By fandom", "Sign in"} <= set(titles)
    assert links(titles["Newest works"], "subsection")[0].type == ACQUISITION
    assert links(titles["By fandom"], "subsection")[0].type == NAVIGATION
    search = links(feed.feed, "search")[0]
    assert search.type == "application/opensearchdescription+xml"
    assert links(feed.feed, "start")[0].href.endswith("/opds/")


def test_newest_works_carry_epub_and_pdf_acquisition_links(client, author):
    work = make_work(author, "The Tide Clock", summary="A clock that keeps tides.")
    make_work(author, "Secret Draft", draft=True)
    feed = parse(client.get("/opds/new/"))
    assert [e.title for e in feed.entries] == ["The Tide Clock"]
    entry = feed.entries[0]
    assert entry.author == "amara"
    assert entry.summary == "A clock that keeps tides."
    acquisitions = {link.type: link.href for link in links(entry, "http://opds-spec.org/acquisition")}
    epub_url = acquisitions["application/epub+zip"]
    assert epub_url.endswith(reverse("downloads:work", args=[work.pk, "epub"]) + "?client=opds")
    from quire.downloads.writers import pdf

    assert ("application/pdf" in acquisitions) == (not pdf.unavailable_reason())
    # And the link downloads the book.
    download = client.get(epub_url.removeprefix("http://127.0.0.1:8000"))
    assert download.status_code == 200 and download["Content-Type"] == "application/epub+zip"


def test_opds_summaries_are_plain_text_from_the_sanitised_html(client, author):
    """Issue 10: the summary carried the author's raw source, script and all, as text."""
    make_work(
        author,
        "The Tide Clock",
        text_format="html",
        summary='<p>A clock that <b>keeps</b> tides.</p><script>steal()</script><img src=x onerror="steal()">',
    )
    entry = parse(client.get("/opds/new/")).entries[0]
    assert entry.summary == "A clock that keeps tides."
    assert "steal" not in client.get("/opds/new/").content.decode()


def test_anonymous_works_show_no_author_in_the_catalog(client, author):
    make_work(author, "Signed")
    make_work(author, "Unsigned", anonymous=True)
    entries = {entry.title: entry for entry in parse(client.get("/opds/new/")).entries}
    assert entries["Signed"].author == "amara"  # the catalog does name creators
    assert entries["Unsigned"].author == "Anonymous"


def test_works_are_browsable_by_fandom(client, author):
    make_work(author, "Harbour Story", fandoms=("Harbour Lights",))
    make_work(author, "Mountain Story", fandoms=("Mountain Songs",))
    fandoms = parse(client.get("/opds/fandoms/"))
    harbour = next(e for e in fandoms.entries if e.title == "Harbour Lights")
    href = links(harbour, "subsection")[0].href.removeprefix("http://127.0.0.1:8000")
    works = parse(client.get(href))
    assert [e.title for e in works.entries] == ["Harbour Story"]


def test_search_by_title_through_opensearch(client, author):
    make_work(author, "The Salt Road")
    make_work(author, "Green Fields")
    description = client.get("/opds/opensearch.xml").content.decode()
    assert 'template="http://127.0.0.1:8000/opds/search/?q={searchTerms}"' in description
    feed = parse(client.get("/opds/search/", {"q": "salt"}))
    assert [e.title for e in feed.entries] == ["The Salt Road"]


def test_restricted_works_need_an_app_password(client, author, reader):
    make_work(author, "Members Only", restricted=True)
    assert parse(client.get("/opds/new/")).entries == []
    _, token = AppPassword.create_for(reader, "KOReader")
    feed = parse(client.get("/opds/new/", **basic(reader, token)))
    assert [e.title for e in feed.entries] == ["Members Only"]


def test_a_wrong_app_password_is_refused_with_a_basic_challenge(client, reader):
    response = client.get("/opds/", **basic(reader, "not-the-password"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic ")


def test_the_sign_in_entry_asks_the_app_for_credentials(client, reader):
    assert client.get("/opds/signin/").status_code == 401
    _, token = AppPassword.create_for(reader, "Moon+ Reader")
    feed = parse(client.get("/opds/signin/", **basic(reader, token)))
    assert "Sign in" not in [e.title for e in feed.entries]


def test_a_revoked_app_password_stops_working(client, login, reader):
    password, token = AppPassword.create_for(reader, "Old phone")
    login(reader).post(reverse("downloads:app_password_revoke", args=[password.pk]))
    client.logout()
    assert client.get("/opds/", **basic(reader, token)).status_code == 401


def test_the_signed_in_catalog_lists_marked_for_later_and_subscriptions(client, author, reader):
    interactions = pytest.importorskip("quire.interactions.models")
    later = make_work(author, "Read Me Later")
    followed = make_work(author, "Followed Work")
    make_work(author, "Something Else")
    interactions.Reading.objects.create(user=reader, work=later, marked_for_later=True)
    interactions.Subscription.objects.create(user=reader, work=followed)
    _, token = AppPassword.create_for(reader, "KOReader")
    root = parse(client.get("/opds/", **basic(reader, token)))
    assert {"Marked for later", "Your subscriptions"} <= {e.title for e in root.entries}
    assert [e.title for e in parse(client.get("/opds/later/", **basic(reader, token))).entries] == ["Read Me Later"]
    subscribed = parse(client.get("/opds/subscriptions/", **basic(reader, token)))
    assert [e.title for e in subscribed.entries] == ["Followed Work"]


def test_a_pending_co_creator_invitation_is_not_in_their_subscribers_shelf(client, author, cocreator, reader):
    interactions = pytest.importorskip("quire.interactions.models")
    from quire.works import services

    invited = make_work(author, "Invited, Not Accepted")
    services.add_creator(invited, cocreator.default_pseud, accepted=False, invited_by=author)
    make_work(cocreator, "Bellamy's Own")
    interactions.Subscription.objects.create(user=reader, author=cocreator)
    pseud_reader = make_user("pseudfan")
    interactions.Subscription.objects.create(user=pseud_reader, pseud=cocreator.default_pseud)
    for who in (reader, pseud_reader):
        _, token = AppPassword.create_for(who, "KOReader")
        subscribed = parse(client.get("/opds/subscriptions/", **basic(who, token)))
        assert [e.title for e in subscribed.entries] == ["Bellamy's Own"]


def test_a_works_chapter_feed_lists_its_chapters(client, author):
    work = make_work(author, "Serial", chapters=["One.", "Two."])
    make_work(author, "Hidden", restricted=True)
    feed = parse(client.get(reverse("downloads:work_feed", args=[work.pk])))
    assert [e.title for e in feed.entries] == ["Serial: Chapter 2", "Serial: Chapter 1"]
    assert feed.entries[0].link.endswith(work.chapters.get(position=2).get_absolute_url())


def test_an_authors_feed_lists_their_works_but_not_anonymous_ones(client, author):
    make_work(author, "Signed Work")
    make_work(author, "Unsigned Work", anonymous=True)
    feed = parse(client.get(reverse("downloads:author_feed", args=[author.username])))
    assert [e.title for e in feed.entries] == ["Signed Work"]


def test_a_series_feed_lists_its_works_in_order(client, author):
    series = series_of(author, make_work(author, "Part One"), make_work(author, "Part Two"))
    feed = parse(client.get(reverse("downloads:series_feed", args=[series.pk])))
    assert [e.title for e in feed.entries] == ["Part One", "Part Two"]


def test_a_restricted_works_feed_asks_a_feed_reader_for_an_app_password(client, author, reader):
    work = make_work(author, "Members Only", restricted=True)
    url = reverse("downloads:work_feed", args=[work.pk])
    refused = client.get(url)
    assert refused.status_code == 401
    assert refused["WWW-Authenticate"].startswith("Basic ")
    assert refused["Content-Type"].startswith("text/plain")
    assert "app password" in refused.content.decode()
    _, token = AppPassword.create_for(reader, "Feed reader")
    feed = parse(client.get(url, **basic(reader, token)))
    assert [e.title for e in feed.entries] == ["Members Only: Chapter 1"]
    # A draft is not admitted to exist, signed in or not.
    draft = make_work(author, "Draft", draft=True)
    assert client.get(reverse("downloads:work_feed", args=[draft.pk])).status_code == 404


@pytest.mark.django_db
def test_an_e_reader_asking_in_spanish_gets_the_catalog_in_spanish(client):
    english = client.get(reverse("downloads:opds_root")).content.decode()
    assert "Newest works" in english  # positive control
    spanish = client.get(reverse("downloads:opds_root"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Obras más recientes" in spanish and "Por fandom" in spanish
    assert "Newest works" not in spanish
