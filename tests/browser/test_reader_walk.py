"""The reader's and author's walk of issue 15, in Chromium: a chapter added to a finished
one-shot reopens it, an e-reader fetching from the catalog gets the book (never a
progress page), blurbs and bookmark listings as rich as AO3's, one comment form on the
entire work, kudos notices, exclusions that say what they hid, and feeds a reader finds
in the page head and that ask an app for a password."""

import re

import feedparser
from django.core.management import call_command
from playwright.sync_api import expect

from quire.downloads.formats import FORMATS
from quire.interactions import tracking
from quire.interactions.models import WorkStats
from quire.search.atom import category_scheme
from quire.search.models import SavedExclusion
from quire.tags.models import Tag
from tests.browser.helpers import log_in
from tests.downloads.helpers import series_of
from tests.factories import make_user, make_work


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay")


def blurb(page, work):
    return page.locator(f"#work_{work.pk}")


def local(url: str) -> str:
    """A link a feed prints (on QUIRE_SITE_URL) as a path on the live server."""
    return "/" + url.split("/", 3)[3]


# Item 2: a chapter added to a finished 1/1 work.
def test_an_author_adds_a_chapter_to_a_finished_one_shot_and_it_reads_as_in_progress(page):
    author = make_user("rowan")
    work = make_work(author, "Paper Boats", chapters=["The first boat sank at once."], expected_chapters=1)

    page.goto("/works/")
    expect(blurb(page, work).locator(".badge", has_text="Complete")).to_be_visible()  # positive control
    expect(blurb(page, work)).to_contain_text("1/1")

    log_in(page, "rowan")
    page.goto(work.get_absolute_url())
    page.get_by_role("navigation", name="Creator actions").get_by_role("link", name="Add chapter").click()
    page.get_by_label("Chapter text").fill("The second boat reached the weir after all.")
    page.get_by_role("button", name="Save chapter").click()
    expect(page.get_by_text("Chapter saved.")).to_be_visible()
    expect(page.locator("main")).to_contain_text("The second boat reached the weir after all.")

    page.goto(work.get_absolute_url())
    expect(page.locator(".meta")).to_contain_text("Chapters: 2/?")
    expect(page.locator(".meta")).not_to_contain_text("2/1")
    page.goto("/works/")
    expect(blurb(page, work).locator(".badge", has_text="In progress")).to_be_visible()
    expect(blurb(page, work).locator(".badge", has_text="Complete")).to_have_count(0)
    expect(blurb(page, work)).to_contain_text("2/?")


# Item 3: the catalog as an e-reader reads it.
def test_an_e_reader_gets_the_pdf_from_the_catalog_and_sees_an_explicit_rating(guest_page):
    author = make_user("rowan")
    make_work(author, "After Dark", rating="Explicit", chapters=["The lamps went out one by one."])
    make_work(author, "Morning Tea", chapters=["The kettle sang."])
    ereader = {"Accept": "application/atom+xml, application/pdf, */*;q=0.5"}

    root = guest_page.request.get("/opds/", headers=ereader)
    assert root.status == 200
    assert "opds-catalog" in root.headers["content-type"]
    start = feedparser.parse(root.body())
    newest_link = next(e.links[0].href for e in start.entries if e.title == "Newest works")
    newest = guest_page.request.get(local(newest_link), headers=ereader)
    assert newest.status == 200
    feed = feedparser.parse(newest.body())
    assert not feed.bozo, feed.bozo_exception
    entries = {entry.title: entry for entry in feed.entries}
    assert set(entries) == {"After Dark", "Morning Tea"}

    # The rating travels as a category with a scheme, so an Explicit work looks different.
    def ratings(entry):
        return {t.term for t in entry.tags if t.scheme == category_scheme("rating")}

    assert ratings(entries["After Dark"]) == {"Explicit"}
    assert ratings(entries["Morning Tea"]) == {"General Audiences"}  # positive control

    pdf = [x.href for x in entries["After Dark"].links if x.type == "application/pdf"]
    assert len(pdf) == 1, entries["After Dark"].links
    href = local(pdf[0])
    answer = guest_page.request.get(href, headers={"Accept": "application/pdf, */*"})
    assert not answer.headers["content-type"].startswith("text/html")
    if answer.status == 503:  # still being made: a plain retry, not a page saved as the book
        assert int(answer.headers["retry-after"]) > 0
        run_worker()
        answer = guest_page.request.get(href, headers={"Accept": "application/pdf, */*"})
    assert answer.status == 200, answer.text()[:200]
    assert answer.headers["content-type"].startswith("application/pdf")
    assert answer.body().startswith(b"%PDF-")

    # Positive control: a browser following the same link gets the same file.
    in_browser = guest_page.request.get(href, headers={"Accept": "text/html,*/*"})
    assert in_browser.status == 200 and in_browser.body().startswith(b"%PDF-")


def test_an_e_reader_is_told_to_retry_a_pdf_that_is_still_being_made_never_given_a_page(guest_page, monkeypatch):
    # Stand in for a work too long to make inside the request: PDFs go to the worker.
    monkeypatch.setattr(FORMATS["pdf"], "inline_words", 0)
    monkeypatch.setattr(FORMATS["pdf"], "client_inline_words", 0)
    work = make_work(make_user("rowan"), "Morning Tea", chapters=["The kettle sang."])
    catalog = feedparser.parse(guest_page.request.get("/opds/new/", headers={"Accept": "*/*"}).body())
    href = local(next(x.href for x in catalog.entries[0].links if x.type == "application/pdf"))

    first = guest_page.request.get(href, headers={"Accept": "application/pdf, */*"})
    assert first.status == 503
    assert first.headers["retry-after"] == "30"
    assert first.headers["content-type"].startswith("text/plain")
    assert "being made" in first.text()
    # Positive control: a person in a browser, on the work page's own link, watches a progress page.
    guest_page.goto(work.get_absolute_url())
    guest_page.get_by_role("navigation", name="Download").get_by_role("link", name="PDF", exact=True).click()
    expect(guest_page.get_by_role("status")).to_contain_text("Your PDF file is being prepared.")

    run_worker()
    again = guest_page.request.get(href, headers={"Accept": "application/pdf, */*"})
    assert again.status == 200
    assert again.headers["content-type"].startswith("application/pdf")
    assert again.body().startswith(b"%PDF-")


# Item 8: a blurb as rich as AO3's.
def test_a_works_listing_blurb_shows_counts_the_updated_date_and_the_language_name(page):
    author = make_user("rowan")
    work = make_work(author, "Paper Boats")
    other = make_work(author, "Papierboote", language="de")
    for field, n in (("kudos", 12), ("hits", 345), ("comments", 3), ("bookmarks", 2)):
        WorkStats.bump(work.pk, field, n)
    work.refresh_from_db()

    page.goto("/works/")
    stats = blurb(page, work).locator("dl.stats")
    for label, value in (("Kudos:", "12"), ("Hits:", "345"), ("Comments:", "3"), ("Bookmarks:", "2")):
        expect(stats.locator("dt", has_text=label).locator("xpath=following-sibling::dd[1]")).to_have_text(value)
    expect(stats.locator("dt", has_text=re.compile(r"^(Updated|Completed):$"))).to_have_count(1)
    expect(stats.locator("time").last).to_have_attribute("datetime", re.compile(work.updated_at.strftime("%Y-%m-%d")))
    language = stats.locator("dt", has_text="Language:").locator("xpath=following-sibling::dd[1]")
    expect(language).to_have_text("English")
    expect(language).not_to_have_text("en")
    # Positive control: another language is named too, not coded.
    expect(blurb(page, other).locator("dd[lang=de]")).to_have_text("Deutsch")
    # The bookmarks count leads to the bookmarks.
    expect(stats.get_by_role("link", name="2", exact=True)).to_have_attribute("href", f"/works/{work.pk}/bookmarks/")


# Item 9: bookmark listings and bookmark search.
def test_a_readers_bookmarks_show_the_work_and_the_note_and_can_be_searched(page):
    author = make_user("amara")
    reader = make_user("corin")
    lantern = make_work(author, "The Lantern Ledger", fandoms=("Harbour Lights",),
                        summary="Two keepers count the ships.")  # fmt: skip
    orchard = make_work(author, "Orchard Walk", fandoms=("Mountain Songs",))
    tracking.save_bookmark(reader, work=lantern, notes="Reread every autumn.", tags="comfort, slow burn", rec=True,
                           private=False)  # fmt: skip
    tracking.save_bookmark(reader, work=orchard, notes="Sheep and silence.", tags="pastoral", rec=False, private=False)

    log_in(page, "corin")
    page.goto("/users/corin/bookmarks/")
    item = page.locator(".bookmark", has=page.get_by_role("link", name="The Lantern Ledger"))
    expect(item.get_by_role("link", name="amara")).to_be_visible()  # the creator
    expect(item.get_by_role("link", name="Harbour Lights")).to_be_visible()  # the fandom
    expect(item).to_contain_text("Two keepers count the ships.")  # the summary
    expect(item.locator(".notes")).to_have_text("Reread every autumn.")  # the bookmarker's note
    expect(page.locator(".bookmark")).to_have_count(2)

    # A bookmarker's tag is a link to their bookmarks with that tag.
    item.get_by_role("link", name="slow burn").click()
    expect(page).to_have_url(re.compile(r"tag=slow(%20|\+)burn"))
    expect(page.locator(".bookmark")).to_have_count(1)
    expect(page.locator(".bookmark").get_by_role("link", name="The Lantern Ledger")).to_be_visible()

    # The search box finds a bookmark by the words of its note.
    page.goto("/users/corin/bookmarks/")
    filters = page.get_by_role("form", name="Filter bookmarks")
    filters.get_by_label("Search notes, tags and titles").fill("sheep")
    filters.get_by_role("button", name="Filter").click()
    expect(page.locator(".bookmark")).to_have_count(1)
    expect(page.locator(".bookmark").get_by_role("link", name="Orchard Walk")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("The Lantern Ledger")


# Item 10: the entire work has one comment form; authors hear of kudos.
def test_the_entire_work_has_one_comment_form_and_the_author_hears_of_kudos(page, guest_page):
    author = make_user("rowan")
    make_user("sable")
    work = make_work(
        author,
        "Paper Boats",
        chapters=["The first boat sank at once.", "The second boat reached the weir.", "The third one came home."],
        expected_chapters=3,
    )

    guest_page.goto(work.get_absolute_url())
    expect(guest_page.get_by_role("button", name="Comment", exact=True)).to_have_count(1)  # one chapter: one form
    guest_page.get_by_role("link", name="Entire work").first.click()
    expect(guest_page.locator("main")).to_contain_text("The third one came home.")
    expect(guest_page.locator("main")).to_contain_text("The first boat sank at once.")
    expect(guest_page.get_by_role("button", name="Comment", exact=True)).to_have_count(1)
    expect(guest_page.get_by_label("Comment", exact=True)).to_have_count(1)

    log_in(page, "sable")
    page.goto(work.get_absolute_url())
    page.get_by_role("button", name="Kudos ♥").click()
    expect(page.get_by_text("Thank you for leaving kudos!")).to_be_visible()
    run_worker()  # delivers the kudos notice, as the worker does
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in")).to_be_visible()

    log_in(page, "rowan")
    page.get_by_role("navigation", name="Main").get_by_role("link", name=re.compile(r"^Inbox")).click()
    expect(page.locator(".inbox-item", has_text="Kudos on Paper Boats from sable")).to_have_count(1)


# Item 11: exclusions say what they hid, and series pages apply them.
def test_a_saved_exclusion_says_what_it_hid_on_listings_and_series(page):
    author = make_user("rowan")
    reader = make_user("sable")
    dark = make_work(author, "Dark Harbour", freeforms=("Major Character Death",))
    bright = make_work(author, "Bright Harbour")
    series = series_of(author, dark, bright)

    log_in(page, "sable")
    page.goto("/works/")
    expect(page.locator(".blurb")).to_have_count(2)  # positive control: nothing excluded yet
    expect(page.locator(".hidden-note")).to_have_count(0)

    SavedExclusion.objects.create(user=reader, tag=Tag.objects.get(name="Major Character Death"))
    page.goto("/works/")
    expect(page.locator(".hidden-note")).to_contain_text("1 work hidden by your saved exclusions")
    expect(page.get_by_role("link", name="Bright Harbour")).to_be_visible()
    expect(page.get_by_role("link", name="Dark Harbour")).to_have_count(0)
    page.locator(".hidden-note").get_by_role("link", name="show it").click()
    expect(page.get_by_role("link", name="Dark Harbour")).to_be_visible()
    expect(page.get_by_role("link", name="Bright Harbour")).to_be_visible()

    page.goto(series.get_absolute_url())
    expect(page.locator(".hidden-note")).to_contain_text("1 work in this series hidden by your saved exclusions")
    expect(page.locator("main").get_by_role("link", name="Bright Harbour")).to_be_visible()
    expect(page.locator("main").get_by_role("link", name="Dark Harbour")).to_have_count(0)
    page.locator(".hidden-note").get_by_role("link", name="show it").click()
    expect(page.locator("main").get_by_role("link", name="Dark Harbour")).to_be_visible()


# Item 12, feeds: found in the page head; a restricted work's feed asks an app for a password.
def test_feeds_are_announced_in_the_head_and_a_restricted_feed_asks_for_an_app_password(guest_page):
    author = make_user("rowan")
    work = make_work(author, "Paper Boats", fandoms=("Harbour Lights",))
    secret = make_work(author, "Members Only", restricted=True)

    guest_page.goto(work.get_absolute_url())
    guest_page.locator(".meta").get_by_role("link", name="Harbour Lights").click()
    expect(guest_page).to_have_url(re.compile(r"/tags/\d+/"))
    expect(guest_page.locator("main")).to_contain_text("Harbour Lights")
    alternate = guest_page.locator('head link[rel="alternate"][type="application/atom+xml"]')
    expect(alternate.first).to_have_attribute("href", re.compile(r"feed\.atom$"))
    feed = guest_page.request.get(alternate.first.get_attribute("href"))
    assert feed.status == 200 and "Paper Boats" in feed.text()

    # Positive control: the public work's chapter feed answers a feed reader without a session.
    public = guest_page.request.get(f"/works/{work.pk}/chapters.atom", headers={"Accept": "application/atom+xml"})
    assert public.status == 200
    restricted = guest_page.request.get(f"/works/{secret.pk}/chapters.atom", headers={"Accept": "application/atom+xml"})
    assert restricted.status == 401
    assert restricted.headers["www-authenticate"].lower().startswith("basic")
    assert "Members Only" not in restricted.text()
