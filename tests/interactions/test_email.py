"""Notification email over real SMTP: a local aiosmtpd server started by the test.
Plain text and HTML, one-click unsubscribe (RFC 8058), daily digests, and a
scheduled chapter that notifies exactly once through the real worker."""

import email
import socket
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from quire.interactions.emails import unsubscribe_token
from quire.interactions.models import EmailFrequency, Notification, ReaderSettings, Subscription
from quire.interactions.notify import send_digest
from quire.interactions.subscriptions import subscribe
from quire.works import services
from quire.works.models import Chapter
from tests.factories import make_work
from tests.interactions.conftest import add_chapter, run_ready_tasks


class Inbox:
    def __init__(self):
        self.messages: list[email.message.Message] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """A real SMTP server on a free local port, with Django's SMTP backend pointed at it."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()


def bodies(message) -> dict:
    return {part.get_content_type(): part.get_payload(decode=True).decode() for part in message.walk()
            if not part.is_multipart()}  # fmt: skip


def test_a_chapter_email_goes_out_over_smtp_with_text_html_and_one_click_unsubscribe(author, reader, smtp, delivered):
    work = make_work(author)
    sub = subscribe(reader, work=work)
    with delivered():
        add_chapter(work, "The lantern burned all night.")
    assert len(smtp.messages) == 1
    message = smtp.messages[0]
    assert message["To"] == "corin@example.org"
    assert "New chapter of A Lantern in the Orchard" in message["Subject"]
    parts = bodies(message)
    assert "New chapter of A Lantern in the Orchard: Chapter 2" in parts["text/plain"]
    assert "<a href=" in parts["text/html"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = "".join(message["List-Unsubscribe"].split()).strip("<>")  # headers may be folded
    assert url.startswith("http") and "/unsubscribe/" in url

    # A mail client's one-click POST: no cookies, no CSRF token.
    response = Client(enforce_csrf_checks=True).post(urlsplit(url).path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "You are unsubscribed from A Lantern in the Orchard." in response.content.decode()
    assert not Subscription.objects.filter(pk=sub.pk).exists()


def test_a_forged_unsubscribe_link_does_nothing(reader, client):
    token = unsubscribe_token(reader.pk)[:-3] + "abc"
    response = client.post(reverse("interactions:unsubscribe", args=[token]))
    assert response.status_code == 400 and "not valid" in response.content.decode()
    assert ReaderSettings.for_user(reader).email_frequency == EmailFrequency.IMMEDIATELY


def test_a_digest_reader_gets_one_email_for_the_day(author, reader, smtp, delivered, login):
    c = login(reader)
    c.post(reverse("interactions:settings"), {"email_frequency": "daily", "keep_history": "on"})
    work = make_work(author)
    subscribe(reader, work=work)
    with delivered():
        add_chapter(work, "Two.")
        add_chapter(work, "Three.")
    assert smtp.messages == []  # nothing until the digest is due
    assert ReaderSettings.for_user(reader).digest_due_at > timezone.now()
    assert send_digest(reader.pk) == 2
    assert send_digest(reader.pk) == 0  # nothing twice
    assert len(smtp.messages) == 1
    text = bodies(smtp.messages[0])["text/plain"]
    assert "Chapter 2" in text and "Chapter 3" in text
    assert smtp.messages[0]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_never_email_keeps_notifications_in_the_inbox_only(author, reader, smtp, delivered):
    ReaderSettings.objects.create(user=reader, email_frequency=EmailFrequency.NEVER)
    work = make_work(author)
    subscribe(reader, work=work)
    with delivered():
        add_chapter(work)
    assert Notification.objects.filter(user=reader).count() == 1
    assert smtp.messages == []


# The SQLite worker claims tasks in an exclusive transaction that can't nest inside a
# test's transaction: these tests commit for real, like tests/works/test_scheduling.py.
real_commits = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@real_commits
def test_a_scheduled_chapter_going_live_notifies_subscribers_exactly_once(author, reader, smtp):
    work = make_work(author)
    subscribe(reader, work=work)
    chapter = Chapter.objects.create(work=work, position=2, text="Right on schedule.")
    # An hour ahead, and the clock moved past it below: "not yet" holds however slow the machine.
    when = timezone.now() + timedelta(hours=1)
    services.schedule_chapter(chapter, when)
    call_command("db_worker", "--batch", "--no-startup-delay")
    assert not Notification.objects.exists()  # not yet
    with time_machine.travel(when + timedelta(seconds=1), tick=True):
        call_command("db_worker", "--batch", "--no-startup-delay")  # publishes, then delivers
        call_command("db_worker", "--batch", "--no-startup-delay")  # a second worker run changes nothing
        assert run_ready_tasks() == 0
    items = list(Notification.objects.filter(user=reader))
    assert len(items) == 1 and items[0].chapter_id == chapter.pk
    assert len(smtp.messages) == 1
    assert "Right on schedule" not in bodies(smtp.messages[0])["text/plain"]  # the link, not the text
    assert "Chapter 2" in smtp.messages[0]["Subject"]
