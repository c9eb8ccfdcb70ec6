"""Sign-up asks for email confirmation, terms acceptance and (when the archive
requires one) an age statement; a change of terms asks signed-in people again."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from quire.accounts import policies
from quire.accounts.models import PolicyAcceptance, User
from tests.accounts.pages import text
from tests.factories import make_user, make_work

SIGNUP = reverse("accounts:signup")
GOOD = {
    "username": "ember",
    "email": "ember@example.org",
    "password1": "lantern-orchard-77",
    "password2": "lantern-orchard-77",
    "accept_policies": "on",
}


@pytest.fixture(autouse=True)
def _open(settings):
    settings.SIGNUP_MODE = "open"
    settings.MIN_AGE = 0


def _link_path(message) -> str:
    url = re.search(r"https?://\S+", message.body).group(0)
    return "/" + url.split("/", 3)[3]


@pytest.mark.django_db
def test_signup_without_accepting_the_terms_is_refused_and_keeps_what_was_typed(client):
    response = client.post(SIGNUP, {**GOOD, "accept_policies": ""})
    html = text(response)
    assert "please read and accept" in html
    assert 'value="ember@example.org"' in html
    assert not User.objects.filter(username="ember").exists()
    # The labels link to the documents, which exist.
    assert client.get(policies.policy_url("terms")).status_code == 200
    assert "Terms of Service" in text(client.get(policies.policy_url("terms")))
    assert client.get(policies.policy_url("privacy")).status_code == 200


@pytest.mark.django_db
def test_signup_records_the_versions_accepted(client, settings):
    settings.TERMS_VERSION = "2026-12-01"
    settings.PRIVACY_VERSION = "2026-11-15"
    client.post(SIGNUP, GOOD)
    user = User.objects.get(username="ember")
    assert set(user.policy_acceptances.values_list("document", "version")) == {
        ("terms", "2026-12-01"),
        ("privacy", "2026-11-15"),
    }


@pytest.mark.django_db
def test_age_statement_is_asked_only_when_the_archive_requires_one(client, settings):
    assert "I am at least" not in text(client.get(SIGNUP))
    settings.MIN_AGE = 18
    assert "I am at least 18 years old" in text(client.get(SIGNUP))
    response = client.post(SIGNUP, GOOD)
    assert "for people aged 18 and over" in text(response)
    assert not User.objects.filter(username="ember").exists()
    client.post(SIGNUP, {**GOOD, "age_statement": "on"})
    user = User.objects.get(username="ember")
    assert PolicyAcceptance.objects.filter(user=user, document="age", version="18").exists()


@pytest.mark.django_db
def test_a_new_account_must_confirm_its_email_before_posting_or_commenting(client):
    author = make_user("amara")
    work = make_work(author)
    client.post(SIGNUP, GOOD)
    user = User.objects.get(username="ember")
    assert not user.email_confirmed
    assert [m.to for m in mail.outbox] == [["ember@example.org"]]

    # Posting and commenting lead to the page that says what to do.
    response = client.get(reverse("works:new"), follow=True)
    assert "Confirm your email address" in text(response) and "<strong>ember@example.org</strong>" in text(response)
    response = client.post(
        reverse("interactions:comment_new", args=[work.pk]),
        {"chapter": work.chapters.first().pk, "text": "Lovely lantern."},
    )
    assert response["Location"] == reverse("accounts:confirm_needed")
    assert not work.comments.exists()
    # Reading still works.
    assert client.get(work.get_absolute_url()).status_code == 200

    response = client.get(_link_path(mail.outbox[0]), follow=True)
    assert "is confirmed" in text(response)
    user.refresh_from_db()
    assert user.email_confirmed
    response = client.get(reverse("works:new"))
    assert response.status_code == 200 and "Post new work" in text(response)


@pytest.mark.django_db
def test_the_confirmation_link_expires_and_a_new_one_can_be_sent(client, settings):
    settings.EMAIL_CONFIRM_DAYS = 3
    client.post(SIGNUP, GOOD)
    old_link = _link_path(mail.outbox[0])
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        response = client.get(old_link)
        assert response.status_code == 400
        assert "has expired" in text(response)
        client.post(reverse("accounts:confirm_needed"))
        assert len(mail.outbox) == 2
        assert "is confirmed" in text(client.get(_link_path(mail.outbox[1]), follow=True))
    assert User.objects.get(username="ember").email_confirmed


@pytest.mark.django_db
def test_resending_is_rate_limited(client):
    client.post(SIGNUP, GOOD)
    for _ in range(5):
        response = client.post(reverse("accounts:confirm_needed"), follow=True)
    assert "Try again in" in text(response)
    assert len(mail.outbox) == 1 + 3  # the sign-up email, then three resends an hour


@pytest.mark.django_db
def test_a_tampered_link_is_refused(client):
    client.post(SIGNUP, GOOD)
    response = client.get(_link_path(mail.outbox[0])[:-4] + "abc/")
    assert response.status_code == 400 and "not valid" in text(response)
    assert not User.objects.get(username="ember").email_confirmed


@pytest.mark.django_db
def test_accounts_made_by_the_archive_count_as_confirmed():
    assert make_user("amara").email_confirmed
    assert User.objects.create_superuser("root", "root@example.org", "x-password-123").email_confirmed


@pytest.mark.django_db
def test_changed_terms_send_a_signed_in_person_to_accept_them_first(client, settings):
    user = make_user("amara")
    client.force_login(user)
    assert client.get(reverse("accounts:preferences")).status_code == 200

    settings.TERMS_VERSION = "2027-01-01"
    response = client.get(reverse("accounts:preferences"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:policies_accept"))
    page = text(client.get(response["Location"]))
    assert "Our policies have changed" in page and "Terms of Service" in page and "Privacy Policy" not in page
    # Logging out and reading the terms stay possible.
    assert client.get(policies.policy_url("terms")).status_code == 200
    assert client.get(reverse("accounts:logout")).status_code == 200
    # So do leaving with one's data and deleting the account.
    assert client.get(reverse("downloads:data_export")).status_code == 200
    assert client.get(reverse("works:account_delete")).status_code == 200

    client.post(reverse("accounts:policies_accept"), {"next": reverse("accounts:preferences")})
    assert client.get(reverse("accounts:preferences")).status_code == 302  # not ticked: still asked
    response = client.post(
        reverse("accounts:policies_accept"), {"accept": "yes", "next": reverse("accounts:preferences")}
    )
    assert response["Location"] == reverse("accounts:preferences")
    assert client.get(reverse("accounts:preferences")).status_code == 200
    assert user.policy_acceptances.filter(document="terms", version="2027-01-01").exists()


@pytest.mark.django_db
def test_guests_are_never_asked_to_accept(client, settings):
    settings.TERMS_VERSION = "2027-01-01"
    assert client.get(reverse("works:index")).status_code == 200
