"""A gift exchange from creation to reveal with five participants, in the browser:
create, sign up, close, match, send the assignments, post a gift, reveal."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from quire.exchanges.models import Assignment
from tests.browser.helpers import log_in
from tests.factories import make_user, make_work

PEOPLE = ("ann", "bo", "cy", "di", "ed")


def _as(browser, live_server, username):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    log_in(page, username)
    return context, page


def test_exchange_from_creation_to_reveal(browser, live_server):
    make_user("mod")
    for name in PEOPLE:
        make_user(name)
    now = timezone.localtime()

    mod_context, mod = _as(browser, live_server, "mod")
    mod.get_by_role("navigation", name="Main").get_by_role("link", name="Exchanges").click()
    mod.get_by_role("link", name="Start a gift exchange").click()
    mod.locator("#id_name").fill("lantern_swap")
    mod.locator("#id_title").fill("Lantern Swap")
    mod.locator("#id_signups_open_at").fill((now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"))
    mod.locator("#id_signups_close_at").fill((now + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"))
    mod.get_by_role("button", name="Create exchange").click()
    expect(mod.get_by_role("heading", name="Lantern Swap")).to_be_visible()
    expect(mod.get_by_text("Sign-ups open", exact=True)).to_be_visible()

    for number, name in enumerate(PEOPLE):
        context, page = _as(browser, live_server, name)
        page.goto("/exchanges/lantern_swap/")
        page.get_by_role("link", name="Sign up", exact=True).click()
        page.locator("#id_request_1_fandom").fill("Lighthouse Keepers")
        page.locator("#id_request_1_character").fill(["Mara", "Tobin", "Mara", "Ines", "Tobin"][number])
        page.locator("#id_request_1_details").fill(f"Prompt from {name}: a storm, and tea afterwards.")
        page.locator("#id_offer_1_fandom").fill("Lighthouse Keepers")
        page.locator("#id_offer_1_any_character").check()
        page.get_by_role("button", name="Sign up").click()
        expect(page.get_by_text("You are signed up.", exact=False).first).to_be_visible()
        context.close()

    mod.goto("/exchanges/lantern_swap/")
    mod.get_by_role("link", name="Moderator dashboard").click()
    mod.get_by_role("button", name="Close sign-ups now").click()
    expect(mod.get_by_text("Sign-ups are closed.")).to_be_visible()
    mod.get_by_role("button", name="Run the matching").click()
    expect(mod.get_by_text("5 of 5 participants have a writer")).to_be_visible()
    expect(mod.get_by_text("Everyone has a writer and a recipient.")).to_be_visible()
    mod.get_by_role("button", name="Send assignments").click()
    expect(mod.get_by_text("Sent 5 assignments.")).to_be_visible()

    task = Assignment.objects.select_related("giver", "recipient").get(giver__username="cy")
    recipient = task.recipient.username
    gift = make_work(task.giver, "Tea After the Storm", fandoms=("Lighthouse Keepers",))

    giver_context, giver = _as(browser, live_server, "cy")
    giver.goto("/exchanges/lantern_swap/")
    giver.get_by_role("link", name=f"Your assignment: a gift for {recipient}").click()
    expect(giver.get_by_text(f"Prompt from {recipient}: a storm, and tea afterwards.")).to_be_visible()
    giver.get_by_label("Your work").select_option(label="Tea After the Storm")
    giver.get_by_role("button", name="Post as the gift").click()
    expect(giver.get_by_text(f"is posted to Lantern Swap as a gift for {recipient}")).to_be_visible()

    # Before the reveal the recipient can't read it; the moderators see it posted.
    recipient_context, reader = _as(browser, live_server, recipient)
    response = reader.goto(gift.get_absolute_url())
    assert response.status == 404
    mod.reload()
    expect(mod.get_by_role("heading", name="Posted (1)")).to_be_visible()
    mod.get_by_role("button", name="Reveal the exchange").click()
    expect(mod.get_by_text("Revealed: 1 gift now shown with its creators.")).to_be_visible()

    reader.goto(gift.get_absolute_url())
    expect(reader.get_by_role("heading", name="Tea After the Storm")).to_be_visible()
    expect(reader.get_by_text("cy", exact=True).first).to_be_visible()
    for context in (mod_context, giver_context, recipient_context):
        context.close()
