"""Adult works open behind a warning; readers' preferences skip it and choose
between reading chapter by chapter and the entire work."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import log_in
from tests.factories import make_user, make_work

TITLE = "Embers Under Glass"
CHAPTERS = [
    "The glassblower's furnace never quite went out, even in August.",
    "Oriel came back to the workshop after the festival with smoke in her hair.",
    "They argued about the commission until the embers were grey.",
]


@pytest.fixture
def mature_work(transactional_db):
    author = make_user("oriel")
    return make_work(author, TITLE, chapters=CHAPTERS, rating="Mature", expected_chapters=3)


def _warning(page):
    return page.get_by_role("heading", name="This work could have adult content.", exact=True)


def test_guest_sees_the_adult_content_warning_and_continues_to_the_work(guest_page, mature_work):
    page = guest_page
    page.goto("/works/")
    page.get_by_role("link", name=TITLE).click()
    expect(_warning(page)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(f"{TITLE} is rated Mature.")
    expect(page.get_by_role("main")).not_to_contain_text(CHAPTERS[0])
    expect(page.get_by_text("Signed-in readers can turn this warning off in their preferences.")).to_be_visible()

    page.get_by_role("link", name="Yes, continue").click()
    expect(page.get_by_role("heading", name=TITLE, exact=True)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(CHAPTERS[0])
    expect(page.locator("dl.meta")).to_contain_text("Mature")

    # Having agreed once, the rest of this work reads without asking again.
    page.get_by_role("link", name="Next chapter →").first.click()
    expect(page.get_by_role("main")).to_contain_text(CHAPTERS[1])
    expect(_warning(page)).to_have_count(0)

    # "No, go back" is the other way out.
    page.context.clear_cookies()
    page.goto(mature_work.get_absolute_url())
    expect(_warning(page)).to_be_visible()
    page.get_by_role("link", name="No, go back").click()
    expect(page.get_by_role("heading", name="Works", exact=True)).to_be_visible()


def test_reader_who_turns_the_warning_off_goes_straight_to_the_text(page, mature_work):
    make_user("pim")
    log_in(page, "pim")
    page.goto("/works/")
    page.get_by_role("link", name=TITLE).click()
    expect(_warning(page)).to_be_visible()

    # The warning page points to the preferences.
    page.get_by_role("main").get_by_role("link", name="preferences").click()
    expect(page.get_by_role("heading", name="Preferences", exact=True)).to_be_visible()
    show_adult = page.get_by_label("Show adult content without a warning")
    expect(show_adult).not_to_be_checked()
    show_adult.check()
    page.get_by_role("button", name="Save preferences").click()
    expect(page.get_by_role("status")).to_contain_text("Your preferences have been saved.")
    expect(page.get_by_label("Show adult content without a warning")).to_be_checked()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Works", exact=True).click()
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", name=TITLE, exact=True)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(CHAPTERS[0])
    expect(_warning(page)).to_have_count(0)


def test_entire_work_preference_opens_every_chapter_by_default(page, transactional_db):
    author = make_user("oriel")
    work = make_work(
        author, "Three Kilns", chapters=["First kiln, cold.", "Second kiln, warm.", "Third kiln, roaring."]
    )
    make_user("pim")
    log_in(page, "pim")

    # By default a work opens at its first chapter.
    page.goto(work.get_absolute_url())
    expect(page.locator("section.chapter")).to_have_count(1)
    expect(page.get_by_role("main")).not_to_contain_text("Second kiln")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Preferences").click()
    page.get_by_label("Show the entire work by default").check()
    page.get_by_role("button", name="Save preferences").click()
    expect(page.get_by_role("status")).to_contain_text("Your preferences have been saved.")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Works", exact=True).click()
    page.get_by_role("link", name="Three Kilns").click()
    expect(page.locator("section.chapter h2")).to_have_text(["Chapter 1", "Chapter 2", "Chapter 3"])
    text = page.get_by_role("main").inner_text()
    assert text.index("First kiln") < text.index("Second kiln") < text.index("Third kiln")
    # One chapter at a time is still a click away.
    page.get_by_role("link", name="Chapter by chapter").click()
    expect(page.locator("section.chapter")).to_have_count(1)
    expect(page.get_by_role("main")).to_contain_text("First kiln, cold.")
    expect(page.get_by_role("link", name="Next chapter →").first).to_be_visible()
