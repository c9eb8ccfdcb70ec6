"""Skin, text size, line width and spoilers: on the account for signed-in readers, in a
cookie for guests; every page carries them on <html> for the stylesheet."""

import re

import pytest
from django.urls import reverse

from quire.accounts.appearance import COOKIE, Look
from tests.accounts.pages import text

APPEARANCE = reverse("accounts:appearance")
DARK_LARGE = {"skin": "dark", "text_size": "large", "line_width": "wide"}


def html_attributes(response) -> dict:
    tag = re.search(r"<html[^>]*>", text(response)).group(0)
    return dict(re.findall(r'data-([\w-]+)="([^"]*)"', tag))


def body_classes(response) -> list[str]:
    return re.search(r'<body class="([^"]*)"', text(response)).group(1).split()


@pytest.mark.django_db
def test_a_guest_keeps_their_choice_in_a_cookie_and_every_page_uses_it(client):
    assert html_attributes(client.get("/"))["skin"] == "auto"
    response = client.post(APPEARANCE, {**DARK_LARGE, "next": "/works/"})
    assert response.status_code == 302 and response.url == "/works/"
    assert response.cookies[COOKIE]["httponly"]
    page = client.get("/works/")
    assert html_attributes(page) == {"skin": "dark", "text-size": "large", "line-width": "wide"}
    assert 'content="dark"' in text(page)  # the color-scheme meta: the browser's own widgets go dark too


@pytest.mark.django_db
def test_a_signed_in_reader_keeps_their_choice_on_the_account(client, reader):
    client.force_login(reader)
    response = client.post(APPEARANCE, {**DARK_LARGE, "hide_spoilers": "on"}, follow=True)
    assert "Your reading settings have been saved." in text(response)
    reader.refresh_from_db()
    assert (reader.skin, reader.text_size, reader.line_width, reader.hide_spoilers) == ("dark", "large", "wide", True)
    assert COOKIE not in response.cookies
    assert "hide-spoilers" in body_classes(client.get("/"))
    client.logout()
    assert "hide-spoilers" not in body_classes(client.get("/"))


@pytest.mark.django_db
def test_the_preferences_page_saves_the_look_with_the_reading_preferences(client, reader):
    client.force_login(reader)
    client.post(reverse("accounts:preferences"), {"show_adult": "on", "skin": "contrast", "line_width": "narrow"})
    reader.refresh_from_db()
    assert reader.show_adult and (reader.skin, reader.line_width, reader.text_size) == ("contrast", "narrow", "medium")
    # Posted without the look fields (an older form), the saved look stays.
    client.post(reverse("accounts:preferences"), {"show_adult": "on"})
    reader.refresh_from_db()
    assert reader.skin == "contrast"


@pytest.mark.django_db
def test_a_bad_choice_is_refused_with_a_message_and_nothing_changes(client):
    response = client.post(APPEARANCE, {**DARK_LARGE, "skin": "neon"})
    assert response.status_code == 200
    assert "Select a valid choice" in text(response)
    assert COOKIE not in response.cookies


@pytest.mark.django_db
def test_a_next_address_on_another_site_is_not_followed(client):
    response = client.post(APPEARANCE, {**DARK_LARGE, "next": "https://elsewhere.example/"})
    assert response.url == APPEARANCE
    # Positive control: the same post with a local address goes back there.
    assert client.post(APPEARANCE, {**DARK_LARGE, "next": "/fandoms/"}).url == "/fandoms/"


def test_a_tampered_cookie_falls_back_to_the_defaults_field_by_field():
    assert Look.from_cookie("dark.enormous.narrow.1") == Look("dark", "medium", "narrow", True)
    assert Look.from_cookie("<script>") == Look()
    assert Look.from_cookie(Look("contrast", "small", "wide", False).cookie_value()) == Look("contrast", "small", "wide")


@pytest.mark.django_db
def test_the_footer_links_every_page_to_appearance(client):
    assert f'href="{APPEARANCE}?next=/fandoms/"' in text(client.get("/fandoms/"))
