"""Reading preferences are saved on the account."""

import re

import pytest
from django.urls import reverse

from tests.accounts.pages import text

PREFERENCES = reverse("accounts:preferences")


@pytest.mark.django_db
def test_preferences_are_saved_with_a_message(client, reader):
    client.force_login(reader)
    response = client.post(PREFERENCES, {"show_adult": "on", "hide_creator_style": "on"}, follow=True)
    assert "Your preferences have been saved." in text(response)
    reader.refresh_from_db()
    assert reader.show_adult and reader.hide_creator_style
    assert not reader.view_full_work


@pytest.mark.django_db
def test_unticking_a_preference_turns_it_off(client, reader):
    reader.view_full_work = True
    reader.save()
    client.force_login(reader)
    # The form shows what is saved: the box starts ticked.
    assert re.search(r'<input[^>]*name="view_full_work"[^>]*checked', text(client.get(PREFERENCES)))
    client.post(PREFERENCES, {})
    reader.refresh_from_db()
    assert not reader.view_full_work


@pytest.mark.django_db
def test_hiding_creator_style_marks_every_page(client, reader):
    reader.hide_creator_style = True
    reader.save()
    client.force_login(reader)
    assert "no-creator-style" in text(client.get(PREFERENCES))


@pytest.mark.django_db
def test_preferences_need_login(client):
    assert client.get(PREFERENCES)["Location"].startswith(reverse("accounts:login"))
