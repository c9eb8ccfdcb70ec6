"""The invitation queue: people ask, moderators invite, invitees sign up once."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from quire.accounts.models import Invitation, InviteRequest, User
from tests.accounts.pages import text

SIGNUP = reverse("accounts:signup")
QUEUE = reverse("accounts:invite_request")
INVITATIONS = reverse("accounts:invitations")


@pytest.fixture(autouse=True)
def _invite_mode(settings):
    settings.SIGNUP_MODE = "invite"
    settings.SITE_URL = "https://quire.example"


def _link_path(message) -> str:
    url = re.search(r"https://quire\.example(\S+)", message.body).group(1)
    return url


def _signup_data(username, email):
    return {
        "username": username,
        "email": email,
        "password1": "lantern-orchard-77",
        "password2": "lantern-orchard-77",
        "accept_policies": "on",
    }


@pytest.mark.django_db
def test_queue_to_invitation_to_account_end_to_end(client, moderator):
    # Three people join the queue, in order.
    for email in ("first@example.org", "second@example.org", "third@example.org"):
        response = client.post(QUEUE, {"email": email}, follow=True)
    assert "position 3" in text(response)

    # A moderator sees them in order and invites the next two.
    client.force_login(moderator)
    html = text(client.get(INVITATIONS))
    assert (
        html.index("first@example.org") < html.index("second@example.org") < html.index("third@example.org")
    )
    response = client.post(INVITATIONS, {"next-count": "2", "invite_next": "1"}, follow=True)
    assert "Sent 2 invitations." in text(response)
    assert [m.to for m in mail.outbox] == [["first@example.org"], ["second@example.org"]]
    assert not InviteRequest.objects.get(email="third@example.org").invited_at
    client.logout()

    # The first person follows the link in their email and signs up.
    link = _link_path(mail.outbox[0])
    page = client.get(link)
    assert 'value="first@example.org"' in text(page)  # email filled in from the invitation
    token = link.split("invitation=")[1]
    client.post(SIGNUP, {**_signup_data("first", "first@example.org"), "invitation": token})
    user = User.objects.get(username="first")
    invitation = Invitation.objects.get(token=token)
    assert invitation.used_by == user and invitation.is_used

    # The same link can't make a second account.
    client.logout()
    response = client.get(link)
    assert "already been used" in text(response)
    client.post(SIGNUP, {**_signup_data("sneaky", "sneaky@example.org"), "invitation": token})
    assert not User.objects.filter(username="sneaky").exists()


@pytest.mark.django_db
def test_signup_with_made_up_invitation_says_link_is_not_valid(client):
    response = client.get(SIGNUP + "?invitation=not-a-real-token")
    assert "isn't valid" in text(response)
    assert 'name="password1"' not in text(response)


@pytest.mark.django_db
def test_failed_signup_with_invitation_keeps_the_invitation(client):
    invitation = Invitation.objects.create(email="new@example.org")
    response = client.post(
        SIGNUP,
        {
            **_signup_data("new", "new@example.org"),
            "password2": "different-99",
            "invitation": invitation.token,
        },
    )
    html = text(response)
    assert "don't match" in html
    assert f'value="{invitation.token}"' in html
    invitation.refresh_from_db()
    assert not invitation.is_used


@pytest.mark.django_db
def test_moderator_can_invite_one_email_address(client, moderator):
    client.force_login(moderator)
    response = client.post(
        INVITATIONS, {"single-email": "friend@example.org", "invite_email": "1"}, follow=True
    )
    assert "Sent an invitation to friend@example.org." in text(response)
    assert mail.outbox[0].to == ["friend@example.org"]
    assert "?invitation=" in mail.outbox[0].body
    assert Invitation.objects.get(email="friend@example.org").created_by == moderator


@pytest.mark.django_db
def test_inviting_an_existing_members_email_is_refused(client, moderator, reader):
    client.force_login(moderator)
    response = client.post(INVITATIONS, {"single-email": reader.email, "invite_email": "1"})
    assert "That person already has an account." in text(response)
    assert mail.outbox == []


@pytest.mark.django_db
def test_inviting_from_an_empty_queue_says_nobody_is_waiting(client, moderator):
    client.force_login(moderator)
    response = client.post(INVITATIONS, {"next-count": "5", "invite_next": "1"}, follow=True)
    assert "Nobody is waiting in the queue." in text(response)


@pytest.mark.django_db
def test_invitations_page_is_for_moderators_only(client, reader):
    assert client.get(INVITATIONS)["Location"].startswith(reverse("accounts:login"))
    client.force_login(reader)
    assert client.get(INVITATIONS).status_code == 403
    assert client.post(INVITATIONS, {"single-email": "x@example.org", "invite_email": "1"}).status_code == 403
    assert mail.outbox == []


@pytest.mark.django_db
def test_joining_the_queue_twice_is_refused_with_a_message(client):
    client.post(QUEUE, {"email": "me@example.org"})
    response = client.post(QUEUE, {"email": "ME@example.org"})
    assert "already in the queue" in text(response)
    assert InviteRequest.objects.count() == 1


@pytest.mark.django_db
def test_queue_form_is_not_offered_when_signup_is_open(client, settings):
    settings.SIGNUP_MODE = "open"
    response = client.get(QUEUE)
    assert "doesn't need invitations" in text(response)
    client.post(QUEUE, {"email": "me@example.org"})
    assert not InviteRequest.objects.exists()
