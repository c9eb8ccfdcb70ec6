"""Changing the account's email: confirmed from the new address, noticed at the old."""

import re
import time

import pytest
from django.core import mail
from django.urls import reverse

from quire.accounts import services
from quire.accounts.models import User
from tests.accounts.conftest import PASSWORD
from tests.accounts.pages import text

CHANGE = reverse("accounts:email_change")


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://quire.example"


def _confirm_path(message) -> str:
    return re.search(r"https://quire\.example(/settings/email/confirm/\S+/)", message.body).group(1)


@pytest.mark.django_db
def test_email_changes_only_after_the_link_is_clicked(client, author):
    client.force_login(author)
    response = client.post(CHANGE, {"email": "amara.new@example.org", "password": PASSWORD}, follow=True)
    assert "We've sent a link to amara.new@example.org" in text(response)
    author.refresh_from_db()
    assert author.email == "amara@example.org"
    assert mail.outbox[0].to == ["amara.new@example.org"]

    response = client.get(_confirm_path(mail.outbox[0]), follow=True)
    assert "Your email address is now amara.new@example.org." in text(response)
    author.refresh_from_db()
    assert author.email == "amara.new@example.org"
    notice = mail.outbox[1]
    assert notice.to == ["amara@example.org"]
    assert "amara.new@example.org" in notice.body


@pytest.mark.django_db
def test_email_change_link_works_when_not_logged_in(client, author):
    client.force_login(author)
    client.post(CHANGE, {"email": "amara.new@example.org", "password": PASSWORD})
    client.logout()
    client.get(_confirm_path(mail.outbox[0]))
    author.refresh_from_db()
    assert author.email == "amara.new@example.org"


@pytest.mark.django_db
def test_email_change_with_wrong_password_is_refused_and_keeps_new_email(client, author):
    client.force_login(author)
    response = client.post(CHANGE, {"email": "amara.new@example.org", "password": "nope"})
    html = text(response)
    assert "That is not your current password." in html
    assert 'value="amara.new@example.org"' in html
    assert mail.outbox == []


@pytest.mark.django_db
def test_email_change_to_someone_elses_address_is_refused(client, author, reader):
    client.force_login(author)
    response = client.post(CHANGE, {"email": reader.email.upper(), "password": PASSWORD})
    assert "Another account already uses that email address." in text(response)
    assert mail.outbox == []


@pytest.mark.django_db
def test_tampered_email_change_link_says_not_valid(client, author):
    response = client.get(reverse("accounts:email_confirm", args=["garbage-token"]))
    assert response.status_code == 400
    assert "This confirmation link is not valid." in text(response)


def _link_sent_days_ago(monkeypatch, user, days: float) -> str:
    """Ask for a change as if `days` ago: the signed token carries its own timestamp."""
    sent_at = time.time() - days * 24 * 60 * 60
    with monkeypatch.context() as patched:
        patched.setattr(time, "time", lambda: sent_at)
        services.request_email_change(user, "amara.new@example.org")
    return _confirm_path(mail.outbox[-1])


@pytest.mark.django_db
def test_email_change_link_still_works_after_one_day(client, author, monkeypatch):
    client.get(_link_sent_days_ago(monkeypatch, author, 1))
    author.refresh_from_db()
    assert author.email == "amara.new@example.org"


@pytest.mark.django_db
def test_email_change_link_older_than_two_days_says_expired(client, author, monkeypatch):
    response = client.get(_link_sent_days_ago(monkeypatch, author, 2.1))
    assert "This confirmation link has expired." in text(response)
    author.refresh_from_db()
    assert author.email == "amara@example.org"


@pytest.mark.django_db
def test_email_change_link_is_refused_if_address_was_taken_meanwhile(client, author):
    client.force_login(author)
    client.post(CHANGE, {"email": "wanted@example.org", "password": PASSWORD})
    User.objects.create_user("quick", "wanted@example.org", "x-password-123")
    response = client.get(_confirm_path(mail.outbox[0]))
    assert "Another account now uses that email address" in text(response)
    author.refresh_from_db()
    assert author.email == "amara@example.org"
