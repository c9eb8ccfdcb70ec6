"""Logging out takes a POST; a link or an image can't sign anyone out."""

import pytest
from django.urls import reverse

from tests.accounts.pages import text

LOGOUT = reverse("accounts:logout")


@pytest.mark.django_db
def test_logout_by_post_signs_out(client, reader):
    client.force_login(reader)
    response = client.post(LOGOUT, follow=True)
    assert "You have logged out." in text(response)
    assert not response.context["user"].is_authenticated


@pytest.mark.django_db
def test_logout_by_get_only_asks_to_confirm(client, reader):
    client.force_login(reader)
    response = client.get(LOGOUT)
    assert "Log out of" in text(response)
    assert response.context["user"] == reader
    assert client.get(reverse("accounts:preferences")).status_code == 200


@pytest.mark.django_db
def test_logout_without_csrf_token_is_refused(csrf_client, reader):
    csrf_client.force_login(reader)
    assert csrf_client.post(LOGOUT).status_code == 403
    assert csrf_client.get(reverse("accounts:preferences")).status_code == 200


@pytest.mark.django_db
def test_every_page_has_a_logout_button_posting_to_logout(client, reader):
    client.force_login(reader)
    html = text(client.get(reverse("accounts:preferences")))
    assert f'method="post" action="{LOGOUT}"' in html
