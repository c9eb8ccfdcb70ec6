"""Changing a username: the old profile address redirects, the old name is kept
from others for a while, look-alike names are refused, and changes are rate-limited."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from quire.accounts.models import User
from tests.accounts.pages import text
from tests.factories import make_user, make_work

CHANGE = reverse("accounts:username_change")
PASSWORD = "correct-horse-battery"


def _change(client, new, password=PASSWORD):
    return client.post(CHANGE, {"username": new, "password": password}, follow=True)


@pytest.mark.django_db
def test_old_profile_and_pseud_addresses_redirect_permanently_to_the_new_name(client):
    user = make_user("amara")
    work = make_work(user)
    client.force_login(user)
    response = _change(client, "amara_writes")
    assert "Your username is now amara_writes" in text(response)
    user.refresh_from_db()
    assert user.username == "amara_writes" and user.default_pseud.name == "amara_writes"

    client.logout()
    response = client.get("/users/amara/")
    assert response.status_code == 301 and response["Location"] == "/users/amara_writes/"
    assert work.title in text(client.get(response["Location"]))
    response = client.get("/users/amara/pseuds/amara/")
    assert response.status_code == 301 and response["Location"] == "/users/amara_writes/pseuds/amara_writes/"
    assert client.get("/users/nobody-ever/").status_code == 404  # control: unknown names still 404


@pytest.mark.django_db
def test_the_old_name_is_reserved_then_released(client, settings):
    settings.USERNAME_RESERVE_DAYS = 30
    settings.SIGNUP_MODE = "open"
    user = make_user("amara")
    client.force_login(user)
    _change(client, "amara_writes")
    client.logout()
    signup = {
        "username": "Amara", "email": "new@example.org", "password1": "lantern-orchard-77",
        "password2": "lantern-orchard-77", "accept_policies": "on",
    }  # fmt: skip
    response = client.post(reverse("accounts:signup"), signup)
    assert "reserved for a while" in text(response)
    assert not User.objects.filter(email="new@example.org").exists()
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        client.post(reverse("accounts:signup"), signup)
        assert User.objects.filter(username="Amara", email="new@example.org").exists()


@pytest.mark.django_db
def test_a_name_too_like_someone_elses_is_refused(client):
    make_user("tessellate")
    user = make_user("amara")
    client.force_login(user)
    response = _change(client, "tessel1ate_")  # digit one for l, trailing underscore
    assert "too similar to an existing name" in text(response)
    response = _change(client, "amara2", password="wrong-password")
    assert "not your current password" in text(response)
    user.refresh_from_db()
    assert user.username == "amara"


@pytest.mark.django_db
def test_changes_are_limited_to_one_per_period(client, settings):
    settings.USERNAME_CHANGE_DAYS = 7
    user = make_user("amara")
    client.force_login(user)
    _change(client, "amara2")
    response = _change(client, "amara3")
    assert "You changed your username recently" in text(response)
    assert User.objects.get(pk=user.pk).username == "amara2"
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        _change(client, "amara3")
        assert User.objects.get(pk=user.pk).username == "amara3"


@pytest.mark.django_db
def test_settings_link_to_username_change(client):
    client.force_login(make_user("amara"))
    assert f'href="{CHANGE}"' in text(client.get(reverse("accounts:preferences")))
