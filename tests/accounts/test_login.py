"""Logging in: success, failure, `next`, CSRF, and the failed-attempt limit."""

import time

import pytest
from django.urls import reverse

from tests.accounts.conftest import PASSWORD
from tests.accounts.pages import text

LOGIN = reverse("accounts:login")
TOO_MANY = "Too many failed log-in attempts. Try again in"


def _attempt(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.LOGIN_ATTEMPTS = 3
    settings.LOGIN_WINDOW_SECONDS = 600


@pytest.mark.django_db
def test_login_with_right_password_signs_in_and_goes_to_works(client, author):
    response = _attempt(client, "amara", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("works:index")
    assert client.get(reverse("accounts:preferences")).status_code == 200


@pytest.mark.django_db
def test_login_ignores_case_of_username(client, author):
    assert _attempt(client, "AMARA", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_login_with_wrong_password_shows_message_and_keeps_username(client, author):
    response = _attempt(client, "amara", "not-my-password")
    html = text(response)
    assert response.status_code == 200
    assert "That username and password don't match an account." in html
    assert 'value="amara"' in html
    assert "not-my-password" not in html


@pytest.mark.django_db
def test_login_goes_to_next_on_this_site(client, author):
    response = client.post(
        LOGIN + "?next=/works/1/", {"username": "amara", "password": PASSWORD, "next": "/works/1/"}
    )
    assert response["Location"] == "/works/1/"


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["https://evil.example/steal", "//evil.example/", "javascript:alert(1)"])
def test_login_refuses_next_pointing_elsewhere(client, author, target):
    response = client.post(LOGIN, {"username": "amara", "password": PASSWORD, "next": target})
    assert response["Location"] == reverse("works:index")


@pytest.mark.django_db
def test_login_form_carries_next_through(client):
    assert 'name="next" value="/works/7/"' in text(client.get(LOGIN + "?next=/works/7/"))


@pytest.mark.django_db
def test_login_post_without_csrf_token_is_refused(csrf_client, author):
    response = _attempt(csrf_client, "amara", PASSWORD)
    assert response.status_code == 403
    assert "_auth_user_id" not in csrf_client.session


@pytest.mark.django_db
def test_login_post_with_csrf_token_works(csrf_client, author):
    page = csrf_client.get(LOGIN)
    token = page.context["csrf_token"]
    response = csrf_client.post(
        LOGIN, {"username": "amara", "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_after_too_many_failures_even_the_right_password_is_refused(client, author):
    for _ in range(3):
        _attempt(client, "amara", "wrong-guess")
    response = _attempt(client, "amara", PASSWORD)
    assert response.status_code == 200
    assert TOO_MANY + " 10 minutes." in text(response)
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_failures_before_the_limit_do_not_block(client, author):
    for _ in range(2):
        _attempt(client, "amara", "wrong-guess")
    assert _attempt(client, "amara", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_failures_for_one_user_block_another_user_from_the_same_address(client, author, reader):
    for _ in range(3):
        _attempt(client, "amara", "wrong-guess")
    response = _attempt(client, "corin", PASSWORD)
    assert TOO_MANY in text(response)


@pytest.mark.django_db
def test_failures_for_one_user_block_them_from_another_address_too(client, author):
    for n in range(3):
        _attempt(client, "amara", "wrong-guess", REMOTE_ADDR=f"10.0.0.{n}")
    response = _attempt(client, "amara", PASSWORD, REMOTE_ADDR="10.0.0.99")
    assert TOO_MANY in text(response)


@pytest.mark.django_db
def test_other_users_elsewhere_are_not_blocked(client, author, reader):
    for _ in range(3):
        _attempt(client, "amara", "wrong-guess")
    assert _attempt(client, "corin", PASSWORD, REMOTE_ADDR="10.9.9.9").status_code == 302


@pytest.mark.django_db
def test_login_works_again_after_the_window_passes(client, author, monkeypatch):
    for _ in range(3):
        _attempt(client, "amara", "wrong-guess")
    later = time.time() + 601
    monkeypatch.setattr(time, "time", lambda: later)  # the cache and the limiter both read time.time
    assert _attempt(client, "amara", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_login_page_offers_password_reset(client):
    assert reverse("accounts:password_reset") in text(client.get(LOGIN))
