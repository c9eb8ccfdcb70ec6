"""The admin lists accounts and invitations, and users added there can post."""

import pytest
from django.urls import reverse

from quire.accounts.models import User


@pytest.fixture
def admin_client(client, db):
    admin = User.objects.create_superuser("root", "root@example.org", "root-password-123")
    client.force_login(admin)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["user", "pseud", "inviterequest", "invitation"])
def test_admin_lists_account_models(admin_client, model):
    assert admin_client.get(reverse(f"admin:accounts_{model}_changelist")).status_code == 200


@pytest.mark.django_db
def test_admin_user_page_shows_archive_fields(admin_client, author):
    html = admin_client.get(reverse("admin:accounts_user_change", args=[author.pk])).content.decode()
    for field in ("bio", "is_moderator", "show_adult", "view_full_work", "hide_creator_style"):
        assert f'name="{field}"' in html


@pytest.mark.django_db
def test_user_added_in_admin_gets_a_default_pseud(admin_client):
    admin_client.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "added",
            "email": "added@example.org",
            "usable_password": "true",
            "password1": "lantern-orchard-77",
            "password2": "lantern-orchard-77",
        },
    )
    assert User.objects.get(username="added").default_pseud.name == "added"
