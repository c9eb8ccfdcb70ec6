"""The moderators' console: the report queue with its actions, suspensions and bans
the member is told about, the sign-up blocklist, and the audit log that records all."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from quire.accounts.models import User
from quire.accounts.sanctions import BlockedAddress, MemberWarning, Suspension
from quire.interactions.models import Comment
from quire.moderation.models import LogAction, ModerationLogEntry, Report, ReportStatus
from quire.works.models import Work
from tests.factories import make_user, make_work
from tests.interactions.conftest import page_text
from tests.interactions.test_comments import comment as post_comment

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def spammer(db):
    return make_user("spamalot")


def _act(client, report, **data):
    fields = {f"r{report.pk}-{k}": v for k, v in data.items()}
    return client.post(reverse("moderation:report_act", args=[report.pk]), fields, follow=True)


def test_only_moderators_open_the_console(reader, moderator, login):
    assert login(reader).get(reverse("moderation:console")).status_code == 403
    assert Client().get(reverse("moderation:console")).status_code == 302  # to log in
    response = login(moderator).get(reverse("moderation:console"))
    assert response.status_code == 200 and "Moderators' console" in page_text(response)


def test_the_footer_links_moderators_to_the_console(reader, moderator, login):
    assert reverse("moderation:console") in login(moderator).get("/").content.decode()
    assert reverse("moderation:console") not in login(reader).get("/").content.decode()


def test_the_queue_lists_open_reports_with_their_actions(author, reader, moderator, login):
    work = make_work(author, "Orchard Notes")
    Report.objects.create(reporter=reader, work=work, reason="spam", details="Links to a shop.")
    text = page_text(login(moderator).get(reverse("moderation:console")))
    assert "Links to a shop." in text and "Orchard Notes" in text
    for action in ("Hide the content", "Warn its poster", "Suspend its poster", "Ban its poster", "Delete as spam"):
        assert action in text


def test_hide_and_restore_from_the_queue_are_logged(author, reader, moderator, login):
    work = make_work(author)
    report = Report.objects.create(reporter=reader, work=work, reason="illegal", details="Chapter 1.")
    c = login(moderator)
    response = _act(c, report, action="hide", reason="Under review")
    assert "Hidden" in page_text(response)
    work.refresh_from_db()
    assert work.hidden_by_moderator
    assert Report.objects.get().status == ReportStatus.RESOLVED
    entry = ModerationLogEntry.objects.get(action=LogAction.HIDE_WORK)
    assert (entry.moderator, entry.work, entry.note, entry.report) == (moderator, work, "Under review", report)


@time_machine.travel(NOW, tick=False)
def test_suspending_from_a_report_blocks_posting_and_commenting_and_says_why(author, spammer, moderator, login):
    work = make_work(spammer, "Buy Cheap Things")
    report = Report.objects.create(reporter=author, work=work, reason="spam", details="An advert.")
    _act(login(moderator), report, action="suspend", reason="Posting adverts", days=7)
    suspension = Suspension.objects.get()
    assert suspension.user == spammer and suspension.ends_at == NOW + timedelta(days=7)

    c = Client()
    response = c.post(reverse("accounts:login"), {"username": "spamalot", "password": "correct-horse-battery"},
                      follow=True)  # fmt: skip
    text = page_text(response)
    assert "suspended until" in text and "Posting adverts" in text

    refused = c.get(reverse("works:new"))
    assert refused.status_code == 403 and "Posting adverts" in page_text(refused)
    other = make_work(author, "A Fine Story")
    before = Comment.objects.count()
    refused = c.post(reverse("interactions:comment_new", args=[other.pk]), {"text": "buy now"})
    assert refused.status_code == 403 and Comment.objects.count() == before
    # Reading still works (positive control).
    assert c.get(other.get_absolute_url()).status_code == 200

    # When the week is over the member may post again.
    with time_machine.travel(NOW + timedelta(days=7, minutes=1), tick=False):
        assert c.get(reverse("works:new")).status_code == 200


def test_a_ban_refuses_log_in_with_the_reason(author, spammer, moderator, login):
    report = Report.objects.create(reporter=author, user=spammer, reason="spam", details="Spam bot.")
    _act(login(moderator), report, action="ban", reason="A spam bot")
    response = Client().post(reverse("accounts:login"), {"username": "spamalot", "password": "correct-horse-battery"})
    assert "banned" in page_text(response) and "A spam bot" in page_text(response)
    assert "_auth_user_id" not in response.client.session
    # A member in good standing still logs in (positive control).
    ok = Client().post(reverse("accounts:login"), {"username": "amara", "password": "correct-horse-battery"})
    assert ok.status_code == 302


def test_a_banned_member_already_logged_in_is_logged_out_on_their_next_post(author, spammer, moderator, login):
    c = Client()
    c.force_login(spammer)
    Suspension.objects.create(user=spammer, reason="Spam", ends_at=None, created_by=moderator)
    c.post(reverse("interactions:kudos", args=[make_work(author).pk]))
    assert "_auth_user_id" not in c.session


def test_reasons_are_required_for_sanctions(author, spammer, moderator, login):
    report = Report.objects.create(reporter=author, user=spammer, reason="spam", details="Spam.")
    response = _act(login(moderator), report, action="suspend", reason="", days="")
    assert "nothing done" in page_text(response)
    assert not Suspension.objects.exists()


def test_a_warning_is_shown_once_to_the_member(author, spammer, moderator, login):
    report = Report.objects.create(reporter=author, user=spammer, reason="harassment", details="Rude.")
    _act(login(moderator), report, action="warn", reason="Be kind in comments")
    c = Client()
    c.force_login(spammer)
    assert "Be kind in comments" in page_text(c.get("/"))
    assert "Be kind in comments" not in page_text(c.get("/"))
    assert MemberWarning.objects.get().seen_at is not None


def test_delete_spam_removes_a_comment_and_logs_what_it_said(author, spammer, moderator, login):
    work = make_work(author)
    post_comment(login(spammer), work, "cheap watches here")
    comment = Comment.objects.get()
    report = Report.objects.create(reporter=author, comment=comment, reason="spam", details="Spam.")
    _act(login(moderator), report, action="delete_spam", reason="Advert")
    assert not Comment.objects.filter(pk=comment.pk).exists()
    entry = ModerationLogEntry.objects.get(action=LogAction.DELETE_SPAM)
    assert "cheap watches" in entry.subject and entry.user == spammer


def test_delete_spam_removes_a_work(author, spammer, moderator, login):
    work = make_work(spammer, "Cheap Watches")
    keep = make_work(author, "A Real Story")
    report = Report.objects.create(reporter=author, work=work, reason="spam", details="Spam.")
    _act(login(moderator), report, action="delete_spam", reason="Advert")
    assert list(Work.objects.all()) == [keep]
    assert "Cheap Watches" in ModerationLogEntry.objects.get().subject


def test_moderators_cannot_sanction_each_other(author, moderator, login):
    other = make_user("wren", is_moderator=True)
    Report.objects.create(reporter=author, user=other, reason="other", details="?")
    text = page_text(login(moderator).get(reverse("moderation:console")))
    assert "Ban its poster" not in text and "Dismiss the report" in text


def test_lifting_a_suspension_is_logged_and_frees_the_member(author, spammer, moderator, login):
    suspension = Suspension.objects.create(user=spammer, reason="x", ends_at=timezone.now() + timedelta(days=3))
    c = login(moderator)
    assert "Lift" in page_text(c.get(reverse("moderation:member", args=["spamalot"])))
    c.post(reverse("moderation:lift", args=[suspension.pk]))
    assert ModerationLogEntry.objects.filter(action=LogAction.LIFT, user=spammer).exists()
    member = Client()
    member.force_login(spammer)
    assert member.get(reverse("works:new")).status_code == 200


def test_a_member_page_suspends_without_a_report(spammer, moderator, login):
    c = login(moderator)
    c.post(reverse("moderation:member", args=["spamalot"]), {"action": "suspend", "reason": "Flooding", "days": 2})
    assert Suspension.objects.get(user=spammer).reason == "Flooding"
    assert "Flooding" in page_text(c.get(reverse("moderation:sanctions")))


def _signup(client, email):
    return client.post(reverse("accounts:signup"), {
        "username": "newperson", "email": email,
        "password1": "a-long-orchard-phrase", "password2": "a-long-orchard-phrase", "accept_policies": "on",
    })  # fmt: skip


@pytest.mark.parametrize("email", ["bot@spam.example", "anyone@mail.spam.example", "exact@good.example"])
def test_the_blocklist_refuses_sign_up_by_address_or_domain(moderator, login, settings, email):
    settings.SIGNUP_MODE = "open"
    c = login(moderator)
    c.post(reverse("moderation:blocklist"), {"pattern": "spam.example", "note": "bot farm"})
    c.post(reverse("moderation:blocklist"), {"pattern": "exact@good.example"})
    assert BlockedAddress.objects.count() == 2
    response = _signup(Client(), email)
    assert "not accepted here" in page_text(response)
    assert not User.objects.filter(username="newperson").exists()


def test_an_address_not_on_the_blocklist_signs_up(moderator, login, settings):
    settings.SIGNUP_MODE = "open"
    login(moderator).post(reverse("moderation:blocklist"), {"pattern": "spam.example"})
    assert _signup(Client(), "someone@good.example").status_code == 302
    assert User.objects.filter(username="newperson").exists()


def test_every_console_action_lands_in_the_audit_log_page(author, spammer, moderator, login):
    work = make_work(spammer, "Cheap Watches")
    c = login(moderator)
    reports = [Report.objects.create(reporter=author, work=work, reason="spam", details=str(i)) for i in range(4)]
    _act(c, reports[0], action="hide", reason="r-hide")
    _act(c, reports[1], action="restore", reason="r-restore")
    _act(c, reports[2], action="warn", reason="r-warn")
    _act(c, reports[3], action="dismiss", reason="r-dismiss")
    c.post(reverse("moderation:member", args=["spamalot"]), {"action": "suspend", "reason": "r-suspend", "days": 1})
    c.post(reverse("moderation:member", args=["spamalot"]), {"action": "ban", "reason": "r-ban"})
    c.post(reverse("moderation:lift", args=[Suspension.objects.get(ends_at=None).pk]), {"note": "r-lift"})
    c.post(reverse("moderation:blocklist"), {"pattern": "spam.example", "note": "r-block"})
    c.post(reverse("moderation:blocklist"), {"remove": BlockedAddress.objects.get().pk})
    text = page_text(c.get(reverse("moderation:log")))
    for note in ("r-hide", "r-restore", "r-warn", "r-dismiss", "r-suspend", "r-ban", "r-lift", "r-block"):
        assert note in text
    for label in ("Hid a work", "Unhid a work", "Warned a user", "Dismissed a report", "Suspended a user",
                  "Banned a user", "Lifted a suspension or ban", "Blocked an email", "Unblocked an email"):
        assert label in text
    assert text.count("dove") >= 9


def test_the_blocklist_also_refuses_an_email_change(reader, moderator, login):
    login(moderator).post(reverse("moderation:blocklist"), {"pattern": "spam.example"})
    c = login(reader)
    refused = c.post(reverse("accounts:email_change"), {"email": "me@spam.example", "password": "correct-horse-battery"})
    assert "not accepted here" in page_text(refused)
    ok = c.post(reverse("accounts:email_change"), {"email": "me@good.example", "password": "correct-horse-battery"})
    assert ok.status_code == 302
