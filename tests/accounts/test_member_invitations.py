"""Invitations members give: an admin grants a number from the member's record in
the console (logged), the member sends them until none are left, and each works at sign-up."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from quire.accounts.models import Invitation, User
from quire.moderation.models import LogAction, ModerationLogEntry
from tests.factories import make_user
from tests.interactions.conftest import page_text


@pytest.fixture
def admin(db):
    return make_user("hollis", is_staff=True, is_moderator=True)


def test_an_admin_grants_invitations_and_the_member_gives_them(admin, reader, login, settings):
    settings.SIGNUP_MODE = "invite"
    c = login(admin)
    record = c.get(reverse("moderation:sanctions"), {"username": "CORIN"}, follow=True)
    assert "Moderation record" in page_text(record) and "Grant invitations" in page_text(record)
    c.post(reverse("moderation:grant_invitations", args=["corin"]), {"count": 1})
    assert ModerationLogEntry.objects.get(action=LogAction.GRANT_INVITES).user == reader

    member = login(reader)
    assert "Invite friends (1)" in page_text(member.get("/"))
    member.post(reverse("accounts:my_invitations"), {"single-email": "friend@example.org"})
    invitation = Invitation.objects.get()
    assert invitation.created_by == reader and mail.outbox[-1].to == ["friend@example.org"]
    refused = member.post(reverse("accounts:my_invitations"), {"single-email": "another@example.org"})
    assert "no invitations left" in page_text(refused) and Invitation.objects.count() == 1
    assert "Invite friends" not in page_text(member.get("/"))

    joined = Client().post(reverse("accounts:signup"), {
        "username": "newfriend", "email": "friend@example.org", "invitation": invitation.token,
        "password1": "a-long-orchard-phrase", "password2": "a-long-orchard-phrase", "accept_policies": "on",
    })  # fmt: skip
    assert joined.status_code == 302 and User.objects.filter(username="newfriend").exists()


def test_moderators_who_are_not_admins_cannot_grant(moderator, reader, login):
    c = login(moderator)
    assert "Grant invitations" not in page_text(c.get(reverse("moderation:member", args=["corin"])))
    c.post(reverse("moderation:grant_invitations", args=["corin"]), {"count": 5})
    assert not ModerationLogEntry.objects.exists()
    assert "You have <strong>0</strong>" in login(reader).get(reverse("accounts:my_invitations")).content.decode()
