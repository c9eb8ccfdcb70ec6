"""An author tags a work; a wrangler files "Ivy" as a synonym of "Ivy Lynn"; a
reader filters the fandom by including and excluding tags, saves an exclusion
and stops seeing those works anywhere, and follows a tag's Atom feed."""

import re

from playwright.sync_api import expect

from quire.tags.models import Media, Tag
from tests.browser.helpers import log_in
from tests.factories import make_user, make_work


def _canon():
    smash = Tag.objects.create(name="Smash (TV)", type="fandom", canonical=True, media=Media.TV)
    for name in ("Ivy Lynn", "Karen Cartwright"):
        Tag.objects.create(name=name, type="character", canonical=True).parents.add(smash)


def _log_out(page):
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in")).to_be_visible()


def test_tag_wrangle_filter_exclude_and_follow_a_feed(page, transactional_db):
    _canon()
    author = make_user("amara")
    make_user("wren", is_wrangler=True)
    make_user("corin")
    make_work(author, "Opening Number", fandoms=("Smash (TV)",), characters=("Karen Cartwright",), freeforms=("Fluff",))
    make_work(author, "Second Act", fandoms=("Smash (TV)",), characters=("Karen Cartwright",), freeforms=("Angst",))

    # The author tags a new work with "Ivy", a name nobody has wrangled yet.
    log_in(page, "amara")
    page.get_by_role("link", name="Post new work").click()
    page.get_by_label("General Audiences").check()
    page.get_by_label("No Archive Warnings Apply").check()
    page.get_by_label("Fandoms").fill("Smash (TV)")
    page.get_by_label("Characters").fill("Ivy, Karen Cartwright")
    page.get_by_label("Additional tags").fill("Angst")
    page.get_by_label(re.compile(r"^Title")).fill("Understudy's Night")
    page.get_by_label("Chapter text").fill("Ivy waited in the wings for her cue.")
    page.get_by_role("button", name="Post", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Work posted.")
    _log_out(page)

    # The wrangler finds "Ivy" among Smash's unwrangled tags and makes it a synonym of Ivy Lynn.
    log_in(page, "wren")
    page.get_by_role("link", name="Wrangling").click()
    page.get_by_role("link", name=re.compile(r"^Wrangle Smash \(TV\)")).click()
    expect(page.get_by_role("heading", name="Unwrangled tags in Smash (TV)")).to_be_visible()
    page.get_by_label("Ivy", exact=True).check()
    page.get_by_label("Action").select_option("synonym")
    page.get_by_label("Tag or fandom name").fill("Ivy Lynn")
    page.get_by_role("button", name="Wrangle").click()
    expect(page.get_by_role("status")).to_contain_text("Wrangled 1 tag.")
    page.goto(Tag.objects.get(name="Ivy Lynn").get_absolute_url())
    expect(page.get_by_role("main")).to_contain_text("Synonyms")
    expect(page.locator(".tag-meta").get_by_role("link", name="Ivy", exact=True)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Understudy's Night")
    _log_out(page)

    # A reader filters the fandom: include Ivy Lynn, then exclude Angst.
    log_in(page, "corin")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Fandoms").click()
    page.get_by_role("link", name="Smash (TV)").click()
    results = page.locator("#result-count")
    expect(results).to_have_text("3 works")
    # Each tag group is folded until something in it is ticked; no script needed.
    characters = page.locator(".filters summary", has_text=re.compile(r"^Characters$"))
    include = page.get_by_role("group", name="Include characters")
    expect(include.get_by_label("Karen Cartwright (3)")).to_be_hidden()
    characters.click()
    expect(include.get_by_label("Karen Cartwright (3)")).to_be_visible()
    include.get_by_label("Ivy Lynn (1)").check()
    page.get_by_role("button", name="Sort and Filter").first.click()  # the button above the tag groups
    expect(results).to_have_text("1 work")
    expect(page.get_by_role("heading", name=re.compile("Understudy's Night"))).to_be_visible()
    page.get_by_label("Ivy Lynn (1)").uncheck()  # its group opened: it is ticked
    page.locator(".filters summary", has_text=re.compile(r"^Exclude$")).click()
    page.get_by_role("group", name="Exclude additional tags").get_by_label("Angst (1)").check()
    page.get_by_role("button", name="Sort and Filter").last.click()
    expect(results).to_have_text("1 work")
    expect(page.get_by_role("heading", name=re.compile("Opening Number"))).to_be_visible()
    expect(page.get_by_role("group", name="Exclude additional tags").get_by_label("Angst")).to_be_checked()
    characters.click()
    expect(page.get_by_role("group", name="Include characters").get_by_label("Karen Cartwright (1)")).to_be_visible()

    # The reader never wants to see Angst again.
    page.goto(Tag.objects.get(name="Angst").get_absolute_url())
    page.get_by_role("button", name="Never show me works tagged Angst").click()
    expect(page.get_by_role("status")).to_contain_text("Works tagged Angst are now hidden")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Works", exact=True).click()
    main = page.get_by_role("main")
    expect(main).to_contain_text("Opening Number")
    expect(main).not_to_contain_text("Second Act")
    expect(main).not_to_contain_text("Understudy's Night")
    page.get_by_role("searchbox", name="Search works").fill("wings")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("#result-count")).to_have_text("0 works found")

    # ...and follows Smash's feed: the newest works, still without Angst.
    page.goto(Tag.objects.get(name="Smash (TV)").get_absolute_url())
    feed_url = page.get_by_role("link", name="Atom feed").get_attribute("href")
    response = page.request.get(feed_url)
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = response.text()
    assert "<title>Opening Number</title>" in feed
    assert "Second Act" not in feed
