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
def test_failures_across_many_names_block_the_address(client, author, reader):
    """One machine guessing across accounts: 4 × the limit over any names stops it."""
    for n in range(12):
        _attempt(client, f"someone{n}", "wrong-guess")
    assert TOO_MANY in text(_attempt(client, "corin", PASSWORD))
    # Positive control: a few failures on other names leave the address free.
    assert _attempt(client, "corin", PASSWORD, REMOTE_ADDR="10.1.1.1").status_code == 302


@pytest.mark.django_db
def test_failures_on_one_name_dont_block_another_name_from_the_same_address(client, author, reader):
    for _ in range(3):
        _attempt(client, "amara", "wrong-guess")
    assert _attempt(client, "corin", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_nobody_can_lock_the_owner_out_from_another_address(client, author):
    """Issue 10: five wrong passwords for a name used to block its owner everywhere."""
    for _ in range(20):
        _attempt(client, "amara", "wrong-guess", REMOTE_ADDR="10.6.6.6")
    for n in range(6):  # and from a handful of other machines too
        _attempt(client, "amara", "wrong-guess", REMOTE_ADDR=f"10.7.0.{n}")
    # Positive control: the guessing address is refused, even with the right password.
    assert TOO_MANY in text(_attempt(client, "amara", PASSWORD, REMOTE_ADDR="10.6.6.6"))
    assert _attempt(client, "amara", PASSWORD, REMOTE_ADDR="10.0.0.99").status_code == 302


@pytest.mark.django_db
def test_a_name_under_attack_slows_down_the_addresses_that_guess_at_it(client, author, monkeypatch):
    now = [1_000_000.0]
    monkeypatch.setattr(time, "time", lambda: now[0])  # the cache and the limiter both read time.time
    for n in range(3):
        _attempt(client, "amara", "wrong-guess", REMOTE_ADDR=f"10.7.0.{n}")
    # 10.7.0.0 failed once on a name now under attack: it waits 2 seconds before its next try.
    assert TOO_MANY + " 2 seconds." in text(_attempt(client, "amara", PASSWORD, REMOTE_ADDR="10.7.0.0"))
    now[0] += 2
    assert _attempt(client, "amara", PASSWORD, REMOTE_ADDR="10.7.0.0").status_code == 302


@pytest.mark.django_db
def test_a_password_reset_is_allowed_from_a_blocked_address(client, author, mailoutbox):
    for _ in range(20):
        _attempt(client, "amara", "wrong-guess")
    assert TOO_MANY in text(_attempt(client, "amara", PASSWORD))
    response = client.post(reverse("accounts:password_reset"), {"email": author.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1


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


@pytest.mark.django_db
def test_behind_a_proxy_each_reader_is_counted_by_the_address_the_proxy_saw(client, author, settings):
    """QUIRE_BEHIND_PROXY: every request comes from the proxy, so counting REMOTE_ADDR
    would let one guesser lock out everyone. The proxy's own X-Forwarded-For entry counts."""
    settings.BEHIND_PROXY = True
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(20):
        _attempt(client, "amara", "wrong-guess", HTTP_X_FORWARDED_FOR="1.2.3.4", **proxy)
    # A client-supplied first entry is ignored: only the last, the proxy's, counts.
    owner = _attempt(client, "amara", PASSWORD, HTTP_X_FORWARDED_FOR="1.2.3.4, 5.6.7.8", **proxy)
    assert owner.status_code == 302
    client.logout()
    # Positive control: the guesser's own address is still refused.
    assert TOO_MANY in text(_attempt(client, "amara", PASSWORD, HTTP_X_FORWARDED_FOR="1.2.3.4", **proxy))
