"""Claiming archived works in the browser: an author signs in, follows the
claim link the invitation carries, claims, and sees the works as their own."""

from playwright.sync_api import expect

from quire.works import claiming
from tests.factories import make_user, make_work

from .helpers import log_in


def test_author_claims_archived_works_from_the_invitation_link(page):
    archivist = make_user("openDoors", is_archivist=True)
    pseud = claiming.placeholder_creator("Wren Marlowe", "wren@example.net", archivist, key="b1")
    work = make_work(pseud.user, "The Salt Road")
    claiming.mark_archived(work, archivist)
    make_user("wren")

    page.goto(work.get_absolute_url())
    expect(page.locator(".byline")).to_contain_text("Wren Marlowe [archived by openDoors]")

    log_in(page, "wren")
    page.goto(pseud.archived_creator.get_absolute_url())
    expect(page.get_by_role("heading", name="Works archived for Wren Marlowe")).to_be_visible()
    expect(page.get_by_role("link", name="The Salt Road")).to_be_visible()
    page.get_by_role("button", name="Claim into my account (wren)").click()

    expect(page.get_by_text("1 work is now in your account.")).to_be_visible()
    page.goto(work.get_absolute_url())
    expect(page.locator(".byline")).to_have_text("by Wren Marlowe (wren)")
    expect(page.get_by_role("link", name="Edit work")).to_be_visible()
