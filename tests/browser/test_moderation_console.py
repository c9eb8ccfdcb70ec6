"""Volunteers keeping order, in a real browser: a moderator suspends a spammer from
a report and the spammer reads why when they log in; an admin switches the rating
scale to K–M and a new work uses it while an old one keeps its rating; every action
taken in the console shows up in the audit log."""

import base64
import re

from django_otp.oath import totp
from playwright.sync_api import expect

from quire.moderation.models import ModerationLogEntry, Report
from quire.tags.models import TagType
from quire.works.models import Work
from tests.browser.helpers import log_in
from tests.factories import make_user, make_work


def _console(page):
    page.get_by_role("contentinfo").get_by_role("link", name="Moderators' console").click()
    expect(page.get_by_role("heading", name="Moderators' console")).to_be_visible()


def test_a_moderator_suspends_a_spammer_from_a_report_and_the_spammer_sees_why(page, guest_page):
    make_user("dove", is_moderator=True)
    make_user("orla")
    spammer = make_user("cheapdeals")
    work = make_work(spammer, "Discount Lanterns Here", chapters=["Buy our lanterns at the link."])

    # A reader reports the work from its page.
    log_in(guest_page, "orla")
    guest_page.goto(work.get_absolute_url())
    guest_page.get_by_role("link", name=re.compile("^Report")).first.click()
    guest_page.get_by_label("Spam or commercial content").check()
    guest_page.get_by_label("Details").fill("This is an advert, not a story.")
    guest_page.get_by_role("button", name="Send report").click()
    expect(guest_page.get_by_role("status")).to_contain_text("your report was sent to the moderators")

    # The moderator acts on it from the queue.
    log_in(page, "dove")
    _console(page)
    report = page.locator(f"#report-{Report.objects.get().pk}")
    expect(report).to_contain_text("This is an advert, not a story.")
    expect(report).to_contain_text("cheapdeals")
    report.get_by_label("Suspend its poster").check()
    report.get_by_label("Reason").fill("Posting adverts instead of fiction")
    report.get_by_label("Suspend for (days)").fill("14")
    report.get_by_role("button", name="Do it").click()
    expect(page.get_by_role("status")).to_contain_text("cheapdeals is suspended for 14 days.")

    # The spammer logs in and is told why; posting is refused with the same reason.
    spam_context = page.context.browser.new_context(base_url=page.url.split("/moderation")[0])
    spam_page = spam_context.new_page()
    log_in(spam_page, "cheapdeals")
    expect(spam_page.get_by_role("status")).to_contain_text("Your account is suspended until")
    expect(spam_page.get_by_role("status")).to_contain_text("Posting adverts instead of fiction")
    spam_page.get_by_role("navigation", name="Main").get_by_role("link", name="Post new work").click()
    expect(spam_page.get_by_role("heading", name="Your account is suspended")).to_be_visible()
    expect(spam_page.get_by_role("main")).to_contain_text("Posting adverts instead of fiction")
    spam_context.close()

    # The queue is empty and the log says who did what, and why.
    page.get_by_role("link", name="Audit log").click()
    row = page.locator("table.audit-log tbody tr").first
    expect(row).to_contain_text("dove")
    expect(row).to_contain_text("Suspended a user")
    expect(row).to_contain_text("Posting adverts instead of fiction")


def test_an_admin_switches_to_the_k_to_m_scale_and_only_new_works_use_it(page):
    make_user("hollis", is_staff=True, is_moderator=True)
    author = make_user("rowan")
    old = make_work(author, "Before The Change", rating="Teen And Up Audiences")

    log_in(page, "hollis")
    _console(page)
    page.get_by_role("link", name="Archive policy").click()
    page.get_by_label("FanFiction.Net style: K, K+, T, M").check()
    page.get_by_role("button", name="Save policy").click()
    expect(page.get_by_role("status")).to_contain_text("Archive policy saved.")
    page.get_by_role("button", name="Log out").click()

    log_in(page, "rowan")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Post new work").click()
    expect(page.get_by_label("General Audiences")).to_have_count(0)
    page.get_by_label("K+", exact=True).check()
    page.get_by_label("No Archive Warnings Apply").check()
    page.get_by_label("Fandoms").fill("Original Work")
    page.get_by_label(re.compile(r"^Title")).fill("After The Change")
    page.get_by_label("Chapter text").fill("The lamps were lit one by one along the quay.")
    page.get_by_role("button", name="Post", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Work posted.")
    expect(page.get_by_role("main")).to_contain_text("K+")

    new = Work.objects.get(title="After The Change")
    assert new.tags.get(type=TagType.RATING).name == "K+"
    page.goto(old.get_absolute_url())
    expect(page.get_by_role("main")).to_contain_text("Teen And Up Audiences")
    assert old.tags.get(type=TagType.RATING).name == "Teen And Up Audiences"


def test_every_console_action_appears_in_the_audit_log(page):
    make_user("dove", is_moderator=True)
    reader = make_user("orla")
    troll = make_user("grumbler")
    work = make_work(troll, "Rude Remarks")
    first = Report.objects.create(reporter=reader, work=work, reason="harassment", details="Insults readers.")
    second = Report.objects.create(reporter=reader, user=troll, reason="harassment", details="Rude in comments.")
    third = Report.objects.create(reporter=reader, work=work, reason="other", details="Wrong fandom maybe.")

    log_in(page, "dove")
    _console(page)
    for report, action, reason in (
        (first, "Hide the content", "Hidden while we look"),
        (second, "Warn its poster", "Please be civil"),
        (third, "Dismiss the report", "Tagging is fine"),
    ):
        card = page.locator(f"#report-{report.pk}")
        card.get_by_label(action).check()
        card.get_by_label("Reason").fill(reason)
        card.get_by_role("button", name="Do it").click()
        expect(page.get_by_role("status")).to_contain_text(f"Report #{report.pk}:")

    page.get_by_role("link", name="Sign-up blocklist").click()
    page.get_by_label("Email address or domain").fill("spam.example")
    page.get_by_label("Why (for other moderators)").fill("A bot farm")
    page.get_by_role("button", name="Block").click()
    expect(page.get_by_role("status")).to_contain_text("Sign-ups from spam.example are now refused.")

    page.get_by_role("link", name="Audit log").click()
    log = page.locator("table.audit-log")
    for label, reason in (
        ("Hid a work", "Hidden while we look"),
        ("Warned a user", "Please be civil"),
        ("Dismissed a report", "Tagging is fine"),
        ("Blocked an email address or domain", "A bot farm"),
    ):
        expect(log.locator("tr", has_text=label)).to_contain_text(reason)
        expect(log.locator("tr", has_text=label)).to_contain_text("dove")
    assert ModerationLogEntry.objects.count() == 4


def test_a_moderator_turns_on_two_factor_log_in_before_the_console(page, settings):
    settings.STAFF_TWO_FACTOR = True
    make_user("dove", is_moderator=True)
    log_in(page, "dove")
    page.get_by_role("contentinfo").get_by_role("link", name="Moderators' console").click()
    expect(page.get_by_role("heading", name="Set up two-factor log-in")).to_be_visible()
    expect(page.locator(".qr-code svg")).to_be_visible()
    secret = page.locator(".otp-secret").inner_text()
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.get_by_label("Code").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Turn on two-factor log-in").click()
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    page.get_by_role("link", name="Continue").click()
    expect(page.get_by_role("heading", name="Moderators' console")).to_be_visible()
