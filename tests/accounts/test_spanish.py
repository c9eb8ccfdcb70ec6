"""Accounts in Spanish: a reader whose browser asks for Spanish signs up, fixes a
mistake and confirms their address in Spanish, and every account email is written
in the language its recipient chose, whoever's request sends it."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.accounts.conftest import PASSWORD
from tests.accounts.pages import text
from tests.factories import make_user

SIGNUP = reverse("accounts:signup")


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_NAME = "Quire"
    settings.SITE_URL = "https://quire.example"
    settings.MIN_AGE = 0


def spanish_browser() -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")


@pytest.mark.django_db
def test_a_spanish_browser_signs_up_in_spanish_and_is_told_its_mistakes_in_spanish():
    english = Client().get(SIGNUP)
    assert "Create an account" in text(english) and "Password again" in text(english)

    browser = spanish_browser()
    page = text(browser.get(SIGNUP))
    assert "Crear una cuenta" in page and "Repite la contraseña" in page
    assert "He leído y acepto" in page and "Condiciones del servicio" in page
    assert "Create an account" not in page and "Password again" not in page

    wrong = browser.post(SIGNUP, {
        "username": "lucia", "email": "lucia@example.org", "password1": "lantern-orchard-19",
        "password2": "lantern-orchard-91", "accept_policies": "on",
    })  # fmt: skip
    page = text(wrong)
    assert "Corrige el problema señalado abajo." in page
    assert "Las dos contraseñas no coinciden." in page
    assert "match" not in page


@pytest.mark.django_db
def test_the_confirmation_email_follows_the_language_of_the_sign_up_page():
    browser = spanish_browser()
    response = browser.post(SIGNUP, {
        "username": "lucia", "email": "lucia@example.org", "password1": "lantern-orchard-19",
        "password2": "lantern-orchard-19", "accept_policies": "on",
    }, follow=True)  # fmt: skip
    assert "Te damos la bienvenida a Quire, lucia!" in text(response)
    (message,) = mail.outbox
    assert message.subject == "[Quire] Confirma tu dirección de correo"
    assert message.body.startswith("Hola, lucia:")
    assert "Welcome" not in message.body

    # The control: the same sign-up from an English page is written in English.
    Client().post(SIGNUP, {
        "username": "amaru", "email": "amaru@example.org", "password1": "lantern-orchard-19",
        "password2": "lantern-orchard-19", "accept_policies": "on",
    })  # fmt: skip
    assert mail.outbox[1].subject == "[Quire] Confirm your email address"
    assert mail.outbox[1].body.startswith("Hello amaru,")


@pytest.mark.django_db
def test_a_password_reset_asked_from_an_english_page_is_written_in_the_accounts_spanish():
    make_user("lucia", language="es")
    make_user("amaru")
    browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = browser.post(reverse("accounts:password_reset"), {"email": "lucia@example.org"}, follow=True)
    assert "Check your email" in text(response)  # the asker's page stays in their language
    browser.post(reverse("accounts:password_reset"), {"email": "amaru@example.org"})

    spanish, english = mail.outbox
    assert spanish.subject == "[Quire] Restablece tu contraseña"
    assert "Alguien (esperamos que tú) pidió restablecer la contraseña" in spanish.body
    assert re.search(r"https://quire\.example/password/reset/\S+/", spanish.body)
    assert english.subject == "[Quire] Reset your password"
    assert "Someone (we hope you) asked to reset the password" in english.body


@pytest.mark.django_db
def test_email_change_mails_are_in_the_accounts_language_and_its_page_in_the_browsers():
    lucia = make_user("lucia", language="es")
    browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    browser.force_login(lucia)
    # A chosen language wins over the browser's, on pages as in mail.
    page = browser.post(
        reverse("accounts:email_change"), {"email": "lucia@new.example", "password": PASSWORD}, follow=True
    )
    assert "Hemos enviado un enlace a lucia@new.example." in text(page)
    (confirm,) = mail.outbox
    assert confirm.subject == "[Quire] Confirma tu nueva dirección de correo"
    link = re.search(r"https://quire\.example(/settings/email/confirm/\S+/)", confirm.body).group(1)

    Client(HTTP_ACCEPT_LANGUAGE="en").get(link)
    notice = mail.outbox[1]
    assert notice.to == ["lucia@example.org"]
    assert notice.subject == "[Quire] Se cambió tu dirección de correo"
    assert "se cambió a lucia@new.example" in notice.body


@pytest.mark.django_db
def test_the_log_in_limit_and_username_rules_speak_spanish(settings):
    settings.LOGIN_ATTEMPTS = 1
    make_user("lucia")
    browser = spanish_browser()
    first = text(browser.post(reverse("accounts:login"), {"username": "lucia", "password": "nope"}))
    assert "no corresponden a ninguna cuenta" in first
    blocked = text(browser.post(reverse("accounts:login"), {"username": "lucia", "password": "nope"}))
    assert "Demasiados intentos fallidos de inicio de sesión" in blocked

    taken = browser.post(SIGNUP, {
        "username": "Lucia", "email": "other@example.org", "password1": "lantern-orchard-19",
        "password2": "lantern-orchard-19", "accept_policies": "on",
    })  # fmt: skip
    assert "Ese nombre de usuario ya está en uso." in text(taken)
