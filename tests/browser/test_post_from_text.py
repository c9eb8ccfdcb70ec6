"""An author pastes a story written elsewhere, checks the draft Quire made of it,
takes or leaves the suggested tags (with and without JavaScript), and posts it."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.helpers import log_in
from tests.factories import make_user

FANDOM = "The Saltglass Chronicles"
RELATIONSHIP = "Tobin Marsh/Wrenna Halloway"

CANON_CSV = f"""type,name,fandom,aliases
fandom,{FANDOM},,Saltglass
character,Wrenna Halloway,{FANDOM},
character,Tobin Marsh,{FANDOM},
character,Idris Quell,{FANDOM},
relationship,{RELATIONSHIP},{FANDOM},
"""

SUMMARY = "Two lamplighters keep a ledger of every ship that comes home."
AUTHOR_NOTE = "This one is for everyone who wanted more Wrenna/Tobin after the last book."
DISCLAIMER = f"I don't own {FANDOM}."
CHAPTER_1 = (
    "Wrenna Halloway counted the lamps along the harbour wall while the tide drew back. "
    "Tobin Marsh leaned on the railing beside her and pretended not to watch."
)
CHAPTER_1_AFTER_BREAK = "Later, Idris Quell brought them tea in chipped cups and a ledger full of ship names."
CHAPTER_2 = (
    "The storm arrived at midnight. Wrenna held the lantern while Tobin tied down the boats, "
    "and neither of them said anything about the kiss."
)

STORY = f"""The Lighthouse Ledger

Summary: {SUMMARY}

A/N: {AUTHOR_NOTE} Thank you for waiting!

Disclaimer: {DISCLAIMER}

Chapter 1: Low Tide

{CHAPTER_1}

"You missed one," Tobin said.

Wrenna laughed and started again from the beginning.

* * *

{CHAPTER_1_AFTER_BREAK}

Chapter 2: High Water

{CHAPTER_2}

By morning the harbour was quiet again and Wrenna wrote one more name in the ledger.

Please review!
"""

NEW_TITLE = "Lamps Along the Harbour"



@pytest.fixture
def saltglass_canon(transactional_db, tmp_path):
    path = tmp_path / "canon.csv"
    path.write_text(CANON_CSV, encoding="utf-8")
    call_command("tags", "import", str(path))


@pytest.fixture
def no_js_page(browser, live_server):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def _paste_story(page):
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Post from text").click()
    expect(page.get_by_role("heading", name="Post from text", exact=True)).to_be_visible()
    page.get_by_label("Paste your story").fill(STORY)
    page.get_by_role("button", name="Read my story").click()
    expect(page.get_by_role("status")).to_contain_text("Your story is saved as a draft with 2 chapters.")
    expect(page.get_by_role("heading", name="Edit “The Lighthouse Ledger”", exact=True)).to_be_visible()


def _title(page):
    return page.get_by_label(re.compile(r"^Title"))


def _check_draft_fields(page):
    """The pasted story's parts are in the right fields, with suggestions beside the tag fields."""
    expect(_title(page)).to_have_value("The Lighthouse Ledger")
    expect(page.get_by_label("Summary")).to_have_value(SUMMARY)
    expect(page.get_by_label("Beginning notes")).to_have_value(re.compile(re.escape(AUTHOR_NOTE)))
    expect(page.get_by_label("Beginning notes")).to_have_value(re.compile(re.escape(DISCLAIMER)))
    expect(page.get_by_label("End notes", exact=True)).to_have_value("Please review!")
    expect(page.get_by_label("Fandoms")).to_have_value("")
    for name in (FANDOM, RELATIONSHIP, "Wrenna Halloway", "Tobin Marsh", "Idris Quell"):
        expect(page.get_by_role("button", name=f"Accept {name}", exact=True)).to_be_visible()
        expect(page.get_by_role("button", name=f"Dismiss {name}", exact=True)).to_be_visible()
    # Each suggestion sits beside the field it fills.
    expect(page.locator(".suggestions[data-for=fandoms]").get_by_text(FANDOM, exact=True)).to_be_visible()
    expect(page.locator(".suggestions[data-for=relationships]").get_by_text(RELATIONSHIP, exact=True)).to_be_visible()
    characters = page.locator(".suggestions[data-for=characters]")
    for name in ("Wrenna Halloway", "Tobin Marsh", "Idris Quell"):
        expect(characters.get_by_text(name, exact=True)).to_be_visible()


def _post_from_edit_page_and_read(page):
    """After Save changes: the draft work page; go back to edit, press Post, read the work."""
    expect(page.get_by_role("status")).to_contain_text("Work updated.")
    expect(page.get_by_text("This work is a draft: only you can see it.")).to_be_visible()
    page.get_by_role("link", name="Edit work").click()
    # Dismissed suggestions stay dismissed, accepted ones are in their fields.
    expect(page.get_by_role("button", name="Accept Idris Quell", exact=True)).to_have_count(0)
    expect(page.get_by_label("Fandoms")).to_have_value(FANDOM)
    page.get_by_role("navigation", name="Work actions").get_by_role("button", name="Post", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Work posted.")
    expect(page.get_by_text("This work is a draft")).to_have_count(0)

    meta = page.locator("dl.meta")
    expect(meta.get_by_role("link", name=FANDOM, exact=True)).to_be_visible()
    expect(meta.get_by_role("link", name="Tobin Marsh", exact=True)).to_be_visible()
    expect(meta.get_by_role("link", name="Idris Quell", exact=True)).to_have_count(0)
    expect(meta).to_contain_text("General Audiences")
    expect(meta).to_contain_text("Chapters: 2/")
    page.get_by_role("link", name="Entire work").first.click()
    expect(page.get_by_role("heading", name=NEW_TITLE, exact=True)).to_be_visible()
    expect(page.locator("section.chapter h2")).to_have_text(["Chapter 1: Low Tide", "Chapter 2: High Water"])
    main = page.get_by_role("main")
    expect(main).to_contain_text(CHAPTER_1)
    expect(main).to_contain_text(CHAPTER_2)
    expect(page.locator(".userstuff hr")).to_have_count(1)
    expect(page.locator(".preface")).to_contain_text(SUMMARY)
    expect(page.locator(".preface")).to_contain_text(DISCLAIMER)
    # The notes and headings are not left inside the story text.
    chapter_texts = page.locator("section.chapter .userstuff[role=article]")
    expect(chapter_texts.first).not_to_contain_text("Disclaimer")
    expect(chapter_texts.first).not_to_contain_text("Chapter 1")
    expect(chapter_texts.last).not_to_contain_text("Please review!")
    text = main.inner_text()
    assert text.index(CHAPTER_1) < text.index(CHAPTER_1_AFTER_BREAK) < text.index(CHAPTER_2)


def test_with_javascript_suggestions_explain_themselves_and_accept_without_reloading(page, saltglass_canon):
    make_user("wren")
    log_in(page, "wren")
    _paste_story(page)
    _check_draft_fields(page)
    edit_url = page.url

    # Hovering a suggestion shows why it was made, quoting the story.
    page.mouse.move(1, 1)  # away from wherever the last click left the pointer
    expect(page.get_by_role("tooltip")).to_have_count(0)
    fandom_name = page.locator(".suggestions[data-for=fandoms]").get_by_text(FANDOM, exact=True)
    expect(fandom_name).to_have_accessible_description(re.compile(r"^Because the text says: .*I don't own"))
    fandom_name.hover()
    tooltip = page.get_by_role("tooltip")
    expect(tooltip).to_have_count(1)
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(re.compile(r"^Because the text says: “[^”]*Saltglass Chronicles[^”]*”"))

    # So does focusing one from the keyboard, with the mouse elsewhere.
    page.mouse.move(1, 1)
    expect(page.get_by_role("tooltip")).to_have_count(0)
    relationship_name = page.locator(".suggestions[data-for=relationships]").get_by_text(RELATIONSHIP, exact=True)
    relationship_name.focus()
    expect(relationship_name).to_be_focused()
    expect(page.get_by_role("tooltip")).to_be_visible()
    expect(page.get_by_role("tooltip")).to_contain_text("Because the text says:")
    expect(page.get_by_role("tooltip")).to_contain_text("Wrenna/Tobin")
    page.keyboard.press("Tab")  # on to the Accept button: still inside the suggestion
    expect(page.get_by_role("button", name=f"Accept {RELATIONSHIP}", exact=True)).to_be_focused()
    expect(page.get_by_role("tooltip")).to_be_visible()
    page.get_by_label("Summary").focus()
    expect(page.get_by_role("tooltip")).to_have_count(0)

    # A title typed but not submitted, and a marker that dies with the page if it reloads.
    _title(page).fill(NEW_TITLE)
    page.evaluate("window.__sameDocument = true")
    navigations = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url) if frame == page.main_frame else None)

    page.get_by_role("button", name=f"Accept {FANDOM}", exact=True).click()
    expect(page.get_by_label("Fandoms")).to_have_value(FANDOM)
    expect(page.locator(".suggestions[data-for=fandoms]")).to_have_count(0)
    expect(_title(page)).to_have_value(NEW_TITLE)
    assert page.evaluate("window.__sameDocument") is True
    assert page.url == edit_url
    assert navigations == []

    page.get_by_role("button", name=f"Accept {RELATIONSHIP}", exact=True).click()
    expect(page.get_by_label("Relationships")).to_have_value(RELATIONSHIP)
    page.get_by_role("button", name="Accept Tobin Marsh", exact=True).click()
    page.get_by_role("button", name="Accept Wrenna Halloway", exact=True).click()
    expect(page.get_by_label("Characters")).to_have_value("Tobin Marsh, Wrenna Halloway")

    # Dismissing a suggestion takes it away, still without a reload.
    page.get_by_role("button", name="Dismiss Idris Quell", exact=True).click()
    expect(page.get_by_role("button", name="Accept Idris Quell", exact=True)).to_have_count(0)
    expect(page.locator(".suggestions[data-for=characters]").get_by_text("Idris Quell", exact=True)).to_have_count(0)
    expect(page.get_by_label("Characters")).not_to_have_value(re.compile("Idris"))
    assert navigations == []

    page.get_by_label("General Audiences", exact=True).check()
    page.get_by_label("No Archive Warnings Apply", exact=True).check()
    page.get_by_role("button", name="Save changes").click()
    _post_from_edit_page_and_read(page)


def test_without_javascript_accept_and_dismiss_come_back_with_everything_typed(no_js_page, saltglass_canon):
    page = no_js_page
    make_user("wren")
    log_in(page, "wren")
    _paste_story(page)
    _check_draft_fields(page)
    # The evidence tooltips are CSS only: focusing a suggestion shows one without JavaScript too.
    expect(page.get_by_role("tooltip")).to_have_count(0)
    page.locator(".suggestions[data-for=characters]").get_by_text("Tobin Marsh", exact=True).focus()
    expect(page.get_by_role("tooltip")).to_be_visible()
    expect(page.get_by_role("tooltip")).to_contain_text("Because the text says: “")
    expect(page.get_by_role("tooltip")).to_contain_text("Tobin")

    # The author fills some fields first; everything typed must survive each round trip.
    page.get_by_label("General Audiences", exact=True).check()
    page.get_by_label("No Archive Warnings Apply", exact=True).check()
    page.get_by_label("Fandoms").fill("Saltglass")
    _title(page).fill(NEW_TITLE)
    page.get_by_label("Summary").fill(SUMMARY + " Edited by hand.")

    # Accept is a round trip: the form comes back with what was typed and the tag added.
    page.get_by_role("button", name=f"Accept {FANDOM}", exact=True).click()
    expect(page.get_by_label("Fandoms")).to_have_value(f"Saltglass, {FANDOM}")
    expect(page.get_by_role("button", name=f"Accept {FANDOM}", exact=True)).to_have_count(0)
    expect(_title(page)).to_have_value(NEW_TITLE)
    expect(page.get_by_label("Summary")).to_have_value(SUMMARY + " Edited by hand.")
    expect(page.get_by_label("General Audiences", exact=True)).to_be_checked()
    expect(page.get_by_label("No Archive Warnings Apply", exact=True)).to_be_checked()
    # The rating suggestion matched the rating already chosen, so it is no longer offered.
    expect(page.get_by_role("button", name="Accept General Audiences", exact=True)).to_have_count(0)
    page.get_by_label("Fandoms").fill(FANDOM)  # the alias was only a placeholder

    page.get_by_role("button", name="Accept Tobin Marsh", exact=True).click()
    expect(page.get_by_label("Characters")).to_have_value("Tobin Marsh")
    expect(page.get_by_label("Fandoms")).to_have_value(FANDOM)
    expect(_title(page)).to_have_value(NEW_TITLE)

    # Dismiss is a round trip too, and the dismissal survives the next one.
    page.get_by_role("button", name="Dismiss Idris Quell", exact=True).click()
    expect(page.get_by_role("button", name="Accept Idris Quell", exact=True)).to_have_count(0)
    expect(_title(page)).to_have_value(NEW_TITLE)
    page.get_by_role("button", name=f"Accept {RELATIONSHIP}", exact=True).click()
    expect(page.get_by_label("Relationships")).to_have_value(RELATIONSHIP)
    expect(page.get_by_role("button", name="Accept Idris Quell", exact=True)).to_have_count(0)
    expect(page.get_by_label("Characters")).to_have_value("Tobin Marsh")
    expect(_title(page)).to_have_value(NEW_TITLE)

    page.get_by_role("button", name="Save changes").click()
    _post_from_edit_page_and_read(page)


def test_without_javascript_accepting_a_suggestion_on_a_fresh_draft_makes_a_round_trip(no_js_page, saltglass_canon):
    page = no_js_page
    make_user("wren")
    log_in(page, "wren")
    _paste_story(page)
    _title(page).fill(NEW_TITLE)
    # The required rating and fandom are still empty: the buttons skip the browser's own checks.
    page.get_by_role("button", name=f"Accept {FANDOM}", exact=True).click()
    expect(page.get_by_label("Fandoms")).to_have_value(FANDOM)
    expect(_title(page)).to_have_value(NEW_TITLE)
    expect(page.get_by_role("button", name=f"Accept {FANDOM}", exact=True)).to_have_count(0)
    page.get_by_role("button", name="Dismiss Idris Quell", exact=True).click()
    expect(page.get_by_role("button", name="Accept Idris Quell", exact=True)).to_have_count(0)
    expect(_title(page)).to_have_value(NEW_TITLE)
    page.get_by_role("button", name="Accept General Audiences", exact=True).click()
    page.get_by_role("button", name="Accept Tobin Marsh", exact=True).click()
    page.get_by_label("No Archive Warnings Apply", exact=True).check()
    page.get_by_role("button", name="Save changes").click()
    _post_from_edit_page_and_read(page)


def test_post_right_after_accepting_a_suggestion_keeps_the_unsaved_edits(page, saltglass_canon):
    """The trap: accept a suggestion, type a new title, press Post without Save changes first."""
    make_user("wren")
    log_in(page, "wren")
    _paste_story(page)
    _title(page).fill(NEW_TITLE)
    page.get_by_role("button", name=f"Accept {FANDOM}", exact=True).click()
    page.get_by_role("button", name=f"Accept {RELATIONSHIP}", exact=True).click()
    page.get_by_label("General Audiences", exact=True).check()
    page.get_by_label("No Archive Warnings Apply", exact=True).check()
    page.get_by_role("navigation", name="Work actions").get_by_role("button", name="Post", exact=True).click()

    expect(page.get_by_role("status")).to_contain_text("Work posted.")
    expect(page.get_by_text("This work is a draft")).to_have_count(0)
    expect(page.get_by_role("heading", name=NEW_TITLE, exact=True)).to_be_visible()
    meta = page.locator("dl.meta")
    expect(meta.get_by_role("link", name=FANDOM, exact=True)).to_be_visible()
    expect(meta.get_by_role("link", name=RELATIONSHIP, exact=True)).to_be_visible()


def test_without_javascript_post_after_accepting_keeps_the_edits_and_says_what_is_missing(no_js_page, saltglass_canon):
    page = no_js_page
    make_user("wren")
    log_in(page, "wren")
    _paste_story(page)
    _title(page).fill(NEW_TITLE)
    page.get_by_role("button", name=f"Accept {FANDOM}", exact=True).click()
    expect(page.get_by_label("Fandoms")).to_have_value(FANDOM)
    # No rating chosen yet: Post must come back with the edits and the reason, not lose them.
    page.get_by_role("button", name="Save and post").click()
    expect(page.get_by_text("Choose a rating.").first).to_be_visible()
    expect(_title(page)).to_have_value(NEW_TITLE)
    expect(page.get_by_label("Fandoms")).to_have_value(FANDOM)
    expect(page.get_by_text("This work is a draft")).to_have_count(0)  # still the edit page
    expect(page.get_by_role("heading", name=re.compile("^Edit"))).to_be_visible()

    page.get_by_label("General Audiences", exact=True).check()
    page.get_by_label("No Archive Warnings Apply", exact=True).check()
    page.get_by_role("button", name="Save and post").click()
    expect(page.get_by_role("status")).to_contain_text("Work posted.")
    expect(page.get_by_role("heading", name=NEW_TITLE, exact=True)).to_be_visible()
    expect(page.locator("dl.meta").get_by_role("link", name=FANDOM, exact=True)).to_be_visible()
