"""When something goes wrong a person gets plain words and a way on: a restricted
work asks a guest to log in, and a bad posting form keeps what was typed."""

import re

from playwright.sync_api import expect

from tests.browser.helpers import log_in
from tests.factories import make_user, make_work

CHAPTER_TEXT = (
    "The ferry left without its bell, and nobody on the quay noticed until the fog came in.\n\n"
    "Marta rang a saucepan instead."
)


def test_guest_opening_a_restricted_work_is_asked_to_log_in(page, transactional_db):
    author = make_user("halvard")
    work = make_work(author, "Members Only Ferry", chapters=["Only the members hear the foghorn."], restricted=True)
    make_user("marta")

    response = page.goto(work.get_absolute_url())
    assert response.status == 403
    expect(page.get_by_role("heading", name="Access denied", exact=True)).to_be_visible()
    main = page.get_by_role("main")
    expect(main).to_contain_text("only available to registered users")
    expect(main).not_to_contain_text("Only the members hear the foghorn.")
    for leak in ("Traceback", "PermissionDenied", "Exception", 'File "'):
        expect(page.locator("body")).not_to_contain_text(leak)
    # Restricted works aren't listed for guests either.
    page.get_by_role("main").get_by_role("link", name="Browse works").click()
    expect(page.get_by_role("link", name="Members Only Ferry")).to_have_count(0)

    # The log-in link brings the guest back to the work once logged in.
    page.go_back()
    expect(page.get_by_role("heading", name="Access denied", exact=True)).to_be_visible()
    page.get_by_role("main").get_by_role("link", name="log in").click()
    expect(page.get_by_role("heading", name="Log in", exact=True)).to_be_visible()
    page.get_by_label("Username").fill("marta")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Members Only Ferry", exact=True)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Only the members hear the foghorn.")
    assert page.url.endswith(work.get_absolute_url())


def test_bad_posting_form_shows_what_to_fix_and_keeps_the_chapter_text(page, transactional_db):
    make_user("marta")
    log_in(page, "marta")
    page.get_by_role("link", name="Post new work").click()
    expect(page.get_by_role("heading", name="Post new work", exact=True)).to_be_visible()
    new_work_url = page.url

    title = page.get_by_label(re.compile(r"^Title"))
    # The title box stops typing at 255 characters; lift that, as a pasted or scripted
    # value could, to see the archive's own check.
    expect(title).to_have_attribute("maxlength", "255")
    title.evaluate("input => input.removeAttribute('maxlength')")
    long_title = "Fog" * 100  # 300 characters
    title.fill(long_title)
    page.get_by_label("No Archive Warnings Apply").check()
    page.get_by_label("Fandoms").fill("Original Work")
    page.get_by_label("Chapter text").fill(CHAPTER_TEXT)
    # No rating chosen. The browser's own check for the required rating comes first...
    page.get_by_role("button", name="Post", exact=True).click()
    expect(page.locator("input[name=rating]").first).to_be_focused()
    assert page.url == new_work_url
    # ...and the archive checks again itself, for browsers that don't (novalidate stands in for one).
    page.locator("form[data-suggestions]").evaluate("form => form.noValidate = true")
    page.get_by_role("button", name="Post", exact=True).click()

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Nothing was saved yet. Please fix the problems marked below")
    main = page.get_by_role("main")
    expect(main).to_contain_text("The title must be at most 255 characters (it has 300).")
    expect(main).to_contain_text("Choose a rating.")
    expect(page.locator(".field.has-error")).to_have_count(2)
    # Everything typed is still there.
    expect(page.get_by_label("Chapter text")).to_have_value(CHAPTER_TEXT)
    expect(page.get_by_label("Fandoms")).to_have_value("Original Work")
    expect(page.get_by_label("No Archive Warnings Apply")).to_be_checked()
    expect(page.get_by_label(re.compile(r"^Title"))).to_have_value(long_title)
    # Nothing was posted.
    expect(page.get_by_role("status")).to_have_count(0)

    # Fixing the two problems posts the work with the text that was kept.
    page.get_by_label(re.compile(r"^Title")).fill("Fog at the Ferry")
    page.get_by_label("General Audiences").check()
    page.get_by_role("button", name="Post", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Work posted.")
    expect(page.get_by_role("heading", name="Fog at the Ferry", exact=True)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Marta rang a saucepan instead.")
