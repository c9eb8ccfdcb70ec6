"""Signing up, in each of the three modes set by QUIRE_SIGNUP."""

import pytest
from django.urls import reverse

from quire.accounts.models import User
from tests.accounts.pages import text
from tests.factories import make_user

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


@pytest.mark.django_db
def test_signup_form_shows_username_email_and_two_passwords(client):
    response = client.get(SIGNUP)
    html = text(response)
    assert response.status_code == 200
    for name in ("username", "email", "password1", "password2"):
        assert f'name="{name}"' in html
    assert "csrfmiddlewaretoken" in html


@pytest.mark.django_db
def test_signup_creates_account_with_default_pseud_and_logs_in(client):
    response = client.post(SIGNUP, GOOD, follow=True)
    user = User.objects.get(username="ember")
    assert user.email == "ember@example.org"
    assert user.check_password("lantern-orchard-77")
    assert user.default_pseud.name == "ember"
    assert response.context["user"] == user
    assert "We've sent a link to ember@example.org" in text(response)


@pytest.mark.django_db
def test_signup_follows_a_safe_next_but_not_an_offsite_one(client):
    response = client.post(SIGNUP, {**GOOD, "next": "/works/"})
    assert response["Location"] == "/works/"
    client.logout()
    other = {**GOOD, "username": "flint", "email": "flint@example.org", "next": "https://evil.example/"}
    response = client.post(SIGNUP, other)
    assert "evil" not in response["Location"]


@pytest.mark.django_db
def test_signup_with_taken_username_shows_message_and_keeps_email(client):
    make_user("Ember")
    response = client.post(SIGNUP, GOOD)
    html = text(response)
    assert response.status_code == 200
    assert "That username is taken" in html
    assert 'value="ember@example.org"' in html
    assert "lantern-orchard-77" not in html  # passwords are never sent back
    assert User.objects.filter(username__iexact="ember").count() == 1


@pytest.mark.django_db
def test_signup_with_taken_email_in_other_case_is_refused(client):
    User.objects.create_user("someone", "Ember@Example.org", "x-password-123")
    response = client.post(SIGNUP, GOOD)
    assert "An account with this email address already exists" in text(response)
    assert not User.objects.filter(username="ember").exists()


@pytest.mark.django_db
def test_signup_with_mismatched_passwords_says_so(client):
    response = client.post(SIGNUP, {**GOOD, "password2": "something-else-99"})
    assert "The two passwords don't match." in text(response)
    assert not User.objects.filter(username="ember").exists()


@pytest.mark.django_db
def test_signup_with_weak_password_shows_validator_messages(client):
    response = client.post(SIGNUP, {**GOOD, "password1": "12345678", "password2": "12345678"})
    html = text(response)
    assert "This password is too common." in html
    assert "This password is entirely numeric." in html
    assert 'value="ember"' in html


@pytest.mark.django_db
def test_signup_with_bad_username_characters_explains(client):
    response = client.post(SIGNUP, {**GOOD, "username": "ember/../x"})
    assert "Enter a valid username" in text(response)


@pytest.mark.django_db
def test_closed_signup_page_says_closed_and_has_no_form(client, settings):
    settings.SIGNUP_MODE = "closed"
    response = client.get(SIGNUP)
    html = text(response)
    assert response.status_code == 200
    assert "Sign-ups are closed" in html
    assert 'name="password1"' not in html


@pytest.mark.django_db
def test_closed_signup_ignores_posts(client, settings):
    settings.SIGNUP_MODE = "closed"
    response = client.post(SIGNUP, GOOD)
    assert "Sign-ups are closed" in text(response)
    assert not User.objects.filter(username="ember").exists()


@pytest.mark.django_db
def test_invite_mode_without_invitation_explains_and_links_to_queue(client, settings):
    settings.SIGNUP_MODE = "invite"
    response = client.get(SIGNUP)
    html = text(response)
    assert "Sign-ups need an invitation" in html
    assert reverse("accounts:invite_request") in html
    assert 'name="password1"' not in html
    client.post(SIGNUP, GOOD)
    assert not User.objects.filter(username="ember").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "look_alike",
    [
        "\u0430lice",  # Cyrillic а
        "Alice.",  # a trailing dot: punctuation is dropped from the comparison
        "a_lice",
        "aIice",  # capital I for l
        "a1ice",
    ],
)
def test_signup_refuses_a_name_that_looks_like_an_existing_one(client, look_alike):
    make_user("alice")
    make_user("marigold")
    response = client.post(SIGNUP, {**GOOD, "username": look_alike})
    assert response.status_code == 200
    assert "too similar to an existing name" in text(response)
    assert "ember@example.org" in text(response)  # what they typed is kept
    assert User.objects.count() == 2
    # Positive control: a name that looks different is accepted.
    client.post(SIGNUP, {**GOOD, "username": "alicia"})
    assert User.objects.filter(username="alicia").exists()


@pytest.mark.django_db
def test_signup_refuses_cyrillic_marigold_and_keeps_accented_names_distinct(client):
    make_user("marigold")
    response = client.post(SIGNUP, {**GOOD, "username": "marig\u043eld"})
    assert "too similar to an existing name" in text(response)
    # Accents make a different name (Unicode's rule): zoë may join beside zoe.
    make_user("zoe")
    client.post(SIGNUP, {**GOOD, "username": "zo\u00eb"})
    assert User.objects.filter(username="zo\u00eb").exists()


@pytest.mark.django_db
def test_a_fullwidth_name_is_compared_as_it_will_be_stored(client):
    """Fullwidth ａlice is stored as alice (NFKC); it used to pass the check and then 500."""
    make_user("alice")
    response = client.post(SIGNUP, {**GOOD, "username": "\uff41lice"})
    assert response.status_code == 200
    assert "That username is taken" in text(response)
    client.post(SIGNUP, {**GOOD, "username": "\uff45mber"})
    assert User.objects.filter(username="ember").exists()


@pytest.mark.django_db
def test_existing_accounts_get_a_look_alike_key(db):
    """The key is kept on the account (indexed) so the check is one query."""
    user = make_user("Marigold.")
    assert User.objects.filter(username_skeleton="rnarigold").get() == user
