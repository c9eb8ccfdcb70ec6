"""Account lifecycle journeys: sign up, confirm the email, accept changed terms;
change a username and follow the old link; delete an account, orphaning one work
and deleting another."""

from datetime import timedelta

import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import make_user, make_work

from .helpers import PASSWORD, confirmation_path, log_in


def test_sign_up_confirm_the_email_then_accept_changed_terms(page, settings):
    settings.SIGNUP_MODE = "open"
    settings.TERMS_VERSION = "2026-12-01"
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign up").click()
    page.get_by_label("Username").fill("wrenna")
    page.get_by_label("Email").fill("wrenna@example.org")
    page.get_by_label("Password", exact=True).fill("lantern-tide-8841")
    page.get_by_label("Password again").fill("lantern-tide-8841")
    page.get_by_role("button", name="Create account").click()
    # Not ticked: refused, with what was typed kept.
    expect(page.get_by_text("To create an account, please read and accept these.")).to_be_visible()
    expect(page.get_by_label("Email")).to_have_value("wrenna@example.org")
    page.get_by_label("Password", exact=True).fill("lantern-tide-8841")
    page.get_by_label("Password again").fill("lantern-tide-8841")
    page.get_by_label("I have read and accept").check()
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Confirm your email address")).to_be_visible()

    # Before confirming, posting leads back to what to do.
    page.get_by_role("link", name="Post new work").click()
    expect(page.get_by_role("heading", name="Confirm your email address")).to_be_visible()
    page.goto(confirmation_path(mail.outbox[-1]))
    expect(page.get_by_role("status")).to_contain_text("wrenna@example.org is confirmed")
    page.get_by_role("link", name="Post new work").click()
    expect(page.get_by_role("heading", name="Post new work", exact=True)).to_be_visible()

    # The terms change: the next page asks first, then carries on to where they were going.
    settings.TERMS_VERSION = "2027-01-15"
    page.goto("/settings/preferences/")
    expect(page.get_by_role("heading", name="Our policies have changed")).to_be_visible()
    page.get_by_role("link", name="Terms of Service").click()
    expect(page.get_by_text("Version of 2027-01-15.")).to_be_visible()
    page.go_back()
    page.get_by_label("I have read and accept it").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Preferences")).to_be_visible()


def test_change_username_and_follow_the_old_link(page):
    author = make_user("marlowe")
    make_work(author, "The Salt Road")
    log_in(page, "marlowe")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Preferences").click()
    page.get_by_role("navigation", name="Your settings").get_by_role("link", name="Username").click()
    page.get_by_label("New username").fill("marlowe_writes")
    page.get_by_label("Current password").fill(PASSWORD)
    page.get_by_role("button", name="Change username").click()
    expect(page.get_by_role("status")).to_contain_text("Your username is now marlowe_writes")

    page.goto("/users/marlowe/")
    expect(page).to_have_url("/users/marlowe_writes/")
    expect(page.get_by_role("link", name="The Salt Road")).to_be_visible()


def test_delete_account_orphaning_one_work_and_deleting_another(page, settings):
    settings.DELETION_GRACE_DAYS = 7
    author = make_user("tamsin")
    keep = make_work(author, "Lantern Keeper")
    drop = make_work(author, "Ash And Ember")
    make_user("corin")
    log_in(page, "tamsin")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Preferences").click()
    page.get_by_role("navigation", name="Your settings").get_by_role("link", name="Delete account").click()
    expect(page.get_by_role("heading", name="Delete your account")).to_be_visible()
    page.get_by_role("radiogroup", name="Lantern Keeper").get_by_label("Orphan it").check()
    page.get_by_role("radiogroup", name="Ash And Ember").get_by_label("Delete it").check()
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_role("heading", name="Your account will be deleted")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in")).to_be_visible()

    with time_machine.travel(timezone.now() + timedelta(days=8)):
        call_command("finalise_deletions")

    log_in(page, "corin")
    page.goto(keep.get_absolute_url())
    expect(page.locator(".byline")).to_contain_text("orphan_account")
    page.goto("/works/")
    expect(page.get_by_role("link", name="Lantern Keeper")).to_be_visible()
    expect(page.get_by_role("link", name="Ash And Ember")).to_have_count(0)
    assert page.goto(drop.get_absolute_url()).status == 404
