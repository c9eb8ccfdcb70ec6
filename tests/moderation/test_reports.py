"""Abuse reports go to the moderators' queue in the admin; moderators hide a work or
a comment, and every action lands in the audit log."""

import pytest
from django.test import Client
from django.urls import reverse

from quire.interactions.models import Comment
from quire.moderation.models import LogAction, ModerationLogEntry, Report, ReportStatus
from quire.works.models import Work
from tests.factories import make_work
from tests.interactions.conftest import page_text
from tests.interactions.test_comments import comment


@pytest.fixture
def staff_moderator(moderator):
    moderator.is_staff = True
    moderator.save()
    return moderator


def test_a_reader_reports_a_work(author, reader, login):
    work = make_work(author)
    c = login(reader)
    assert reverse("moderation:report", args=["work", work.pk]) in c.get(work.get_absolute_url()).content.decode()
    response = c.post(
        reverse("moderation:report", args=["work", work.pk]),
        {"reason": "mistagged", "details": "Needs a violence warning."},
        follow=True,
    )
    assert "your report was sent to the moderators" in page_text(response)
    report = Report.objects.get()
    assert (report.work, report.reporter, report.status) == (work, reader, ReportStatus.OPEN)


def test_a_guest_reports_a_comment_with_an_email(author, reader, login):
    work = make_work(author)
    comment(login(reader), work, "Something nasty.")
    guest = Client()
    url = reverse("moderation:report", args=["comment", Comment.objects.get().pk])
    response = guest.post(url, {"reason": "harassment", "details": "Abusive.", "email": "g@example.org"})
    assert response.status_code == 302
    assert Report.objects.get().reporter_email == "g@example.org"


def test_a_report_without_details_asks_for_them(author, reader, login):
    response = login(reader).post(reverse("moderation:report", args=["user", author.pk]), {"reason": "spam"})
    assert "This field is required." in page_text(response)
    assert not Report.objects.exists()


def test_moderators_see_the_queue_and_hide_a_reported_work_with_a_log_entry(author, reader, staff_moderator, login):
    work = make_work(author)
    report = Report.objects.create(reporter=reader, work=work, reason="illegal", details="Look at chapter 1.")
    c = login(staff_moderator)
    queue = c.get(reverse("admin:moderation_report_changelist"))
    assert queue.status_code == 200 and "Report #" in page_text(queue)
    c.post(
        reverse("admin:moderation_report_changelist"),
        {"action": "hide_content", "_selected_action": [report.pk]},
    )
    work.refresh_from_db()
    report.refresh_from_db()
    assert work.hidden_by_moderator and report.status == ReportStatus.RESOLVED
    entry = ModerationLogEntry.objects.get()
    assert (entry.moderator, entry.action, entry.work, entry.report) == (
        staff_moderator,
        LogAction.HIDE_WORK,
        work,
        report,
    )
    c.force_login(reader)
    assert c.get(work.get_absolute_url()).status_code == 404
    c.force_login(author)
    assert "hidden by a moderator" in page_text(c.get(work.get_absolute_url()))


def test_moderators_hide_a_comment_from_the_page_and_it_disappears_for_everyone_else(
    author, reader, moderator, stranger, login
):
    work = make_work(author)
    c = login(reader)
    comment(c, work, "Over the line.")
    saved = Comment.objects.get()
    c.force_login(moderator)
    c.post(reverse("moderation:hide_comment", args=[saved.pk]), {"action": "hide", "note": "Harassment."})
    for viewer in (stranger, author):
        c.force_login(viewer)
        assert "Over the line." not in page_text(c.get(work.get_absolute_url()))
    c.force_login(reader)
    assert "Hidden by a moderator" in page_text(c.get(work.get_absolute_url()))
    entry = ModerationLogEntry.objects.get()
    assert (entry.action, entry.comment, entry.note) == (LogAction.HIDE_COMMENT, saved, "Harassment.")


def test_readers_cant_use_moderator_actions(author, reader, login):
    work = make_work(author)
    response = login(reader).post(reverse("moderation:hide_work", args=[work.pk]))
    assert response.status_code == 403
    assert not Work.objects.get().hidden_by_moderator
    assert not ModerationLogEntry.objects.exists()


def test_the_queue_is_closed_to_staff_who_are_not_moderators(reader, login):
    reader.is_staff = True
    reader.save()
    assert login(reader).get(reverse("admin:moderation_report_changelist")).status_code == 403
