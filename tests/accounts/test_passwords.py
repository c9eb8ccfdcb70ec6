"""Resetting a forgotten password by email, and changing a known one."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.accounts.conftest import PASSWORD
from tests.accounts.pages import text

RESET = reverse("accounts:password_reset")
CHANGE = reverse("accounts:password_change")


def _reset_link(message) -> str:
    return re.search(r"https://quire\.example(/password/reset/\S+/)", message.body).group(1)


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://quire.example"
    settings.DEFAULT_FROM_EMAIL = "Quire <noreply@quire.example>"


@pytest.mark.django_db
def test_password_reset_emails_a_link_that_sets_a_new_password(client, author):
    response = client.post(RESET, {"email": "AMARA@example.org"}, follow=True)
    assert "Check your email" in text(response)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amara@example.org"]
    assert message.from_email == "Quire <noreply@quire.example>"
    assert "Reset your password" in message.subject

    # The link redirects to a token-free URL with the form on it.
    form_page = client.get(_reset_link(message), follow=True)
    assert "Choose a new password" in text(form_page)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "quiet-river-stones", "new_password2": "quiet-river-stones"},
        follow=True,
    )
    assert "Your password has been set" in text(response)
    author.refresh_from_db()
    assert author.check_password("quiet-river-stones")
    assert (
        client.post(
            reverse("accounts:login"), {"username": "amara", "password": "quiet-river-stones"}
        ).status_code
        == 302
    )


@pytest.mark.django_db
def test_password_reset_for_unknown_email_sends_nothing_but_says_the_same(client):
    response = client.post(RESET, {"email": "nobody@example.org"}, follow=True)
    assert "Check your email" in text(response)
    assert mail.outbox == []


@pytest.mark.django_db
def test_password_reset_link_works_only_once(client, author):
    client.post(RESET, {"email": author.email})
    link = _reset_link(mail.outbox[0])
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "quiet-river-stones", "new_password2": "quiet-river-stones"},
    )
    response = client.get(link, follow=True)
    assert "This password reset link isn't valid" in text(response)


@pytest.mark.django_db
def test_password_change_needs_the_old_password(client, author):
    client.force_login(author)
    response = client.post(
        CHANGE,
        {
            "old_password": "wrong",
            "new_password1": "quiet-river-stones",
            "new_password2": "quiet-river-stones",
        },
    )
    assert "Your old password was entered incorrectly" in text(response)
    author.refresh_from_db()
    assert author.check_password(PASSWORD)


@pytest.mark.django_db
def test_password_change_keeps_you_signed_in(client, author):
    client.force_login(author)
    response = client.post(
        CHANGE,
        {
            "old_password": PASSWORD,
            "new_password1": "quiet-river-stones",
            "new_password2": "quiet-river-stones",
        },
        follow=True,
    )
    assert "Your password has been changed." in text(response)
    assert response.context["user"] == author
    author.refresh_from_db()
    assert author.check_password("quiet-river-stones")


@pytest.mark.django_db
def test_password_change_needs_login(client):
    assert client.get(CHANGE)["Location"].startswith(reverse("accounts:login"))
