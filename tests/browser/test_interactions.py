"""Readers and authors talking, in a real browser: kudos and comments from a guest,
a reply from the inbox, a subscription that brings exactly one email and one inbox
item when a scheduled chapter goes live, muting and blocking."""

import re
from datetime import timedelta

import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from quire.interactions.safety import block
from tests.browser.helpers import log_in
from tests.factories import make_user, make_work


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay")


def test_a_guest_leaves_kudos_and_a_comment_and_the_author_replies_from_the_inbox(page, guest_page):
    author = make_user("rowan")
    work = make_work(author, "Paper Boats", chapters=["The first boat sank at once."])

    guest_page.goto(work.get_absolute_url())
    guest_page.get_by_role("button", name="Kudos ♥").click()
    expect(guest_page.get_by_text("Thank you for leaving kudos!")).to_be_visible()
    expect(guest_page.get_by_text("1 guest left kudos on this work!")).to_be_visible()
    guest_page.get_by_label("Your name").fill("Wren")
    guest_page.get_by_label("Your email").fill("wren@example.org")
    guest_page.get_by_label("Comment", exact=True).fill("Poor first boat! I loved the weir.")
    guest_page.get_by_role("button", name="Comment", exact=True).click()
    expect(guest_page.get_by_text("Comment posted.")).to_be_visible()
    expect(guest_page.locator(".comment")).to_contain_text("Poor first boat! I loved the weir.")
    run_worker()  # delivers the inbox item

    log_in(page, "rowan")
    page.get_by_role("navigation", name="Main").get_by_role("link", name=re.compile(r"^Inbox")).click()
    item = page.locator(".inbox-item").first
    expect(item).to_contain_text("Wren (guest) commented on Paper Boats")
    item.get_by_text("Reply", exact=True).click()
    item.get_by_label("Reply to Wren (guest)").fill("Thank you, Wren! The second boat does better.")
    item.get_by_role("button", name="Post reply").click()
    expect(page.get_by_text("Reply posted.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/inbox/"))

    guest_page.goto(work.get_absolute_url())
    thread = guest_page.locator(".comment").first
    expect(thread).to_contain_text("Thank you, Wren! The second boat does better.")


def test_a_subscriber_gets_one_email_and_one_inbox_item_when_a_scheduled_chapter_goes_live(page, browser, live_server):
    author = make_user("rowan")
    make_user("sable")
    work = make_work(author, "Paper Boats", chapters=["The first boat sank at once."])

    log_in(page, "sable")
    page.goto(work.get_absolute_url())
    page.get_by_role("button", name="Subscribe", exact=True).click()
    expect(page.get_by_text("You are now subscribed to Paper Boats.")).to_be_visible()

    writer = browser.new_context(base_url=live_server.url).new_page()
    log_in(writer, "rowan")
    writer.goto(work.get_absolute_url())
    writer.get_by_role("navigation", name="Creator actions").get_by_role("link", name="Add chapter").click()
    writer.get_by_label("Chapter text").fill("The second boat reached the weir.")
    writer.get_by_label("Schedule for later").check()
    when = (timezone.localtime() + timedelta(hours=1)).replace(microsecond=0)  # the clock is moved past it below
    writer.get_by_label("Publish on").fill(when.strftime("%Y-%m-%dT%H:%M:%S"))
    writer.get_by_role("button", name="Save chapter").click()
    expect(writer.get_by_text("Scheduled: this chapter goes up on")).to_be_visible()
    writer.context.close()

    run_worker()
    assert mail.outbox == []  # too early
    with time_machine.travel(when + timedelta(seconds=1), tick=True):
        run_worker()
        run_worker()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sable@example.org"]
    assert "New chapter of Paper Boats" in message.subject
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name=re.compile(r"^Inbox \(1\b")).click()
    expect(page.locator(".inbox-item")).to_have_count(1)
    page.locator(".inbox-item").get_by_role("link", name=re.compile("New chapter of Paper Boats")).click()
    expect(page.get_by_text("The second boat reached the weir.")).to_be_visible()


def test_a_muted_authors_works_vanish_from_the_readers_lists(page):
    loud = make_user("brasher")
    make_user("sable")
    make_work(loud, "Too Loud For Me")
    make_work(make_user("quill"), "Quiet Pond")

    log_in(page, "sable")
    page.goto("/works/")
    expect(page.locator(".blurb")).to_have_count(2)
    page.goto("/users/brasher/")
    page.get_by_role("button", name="Mute").click()
    expect(page.get_by_text("You have muted brasher")).to_be_visible()
    page.goto("/works/")
    expect(page.locator(".blurb")).to_have_count(1)
    expect(page.locator("main")).not_to_contain_text("Too Loud For Me")
    page.goto("/users/brasher/")
    expect(page.locator("main")).to_contain_text("No works to show here yet.")


def test_a_blocked_reader_is_told_they_cant_comment(page):
    author = make_user("rowan")
    troll = make_user("grump")
    work = make_work(author, "Paper Boats")
    block(author, troll)

    log_in(page, "grump")
    page.goto(work.get_absolute_url())
    expect(page.get_by_text("You can't comment on this work: its creator has blocked you.")).to_be_visible()
    expect(page.get_by_role("button", name="Comment", exact=True)).to_have_count(0)
    page.get_by_role("button", name="Kudos ♥").click()
    expect(page.get_by_text("You can't leave kudos on this work: its creator has blocked you.")).to_be_visible()
