"""Readers create app passwords for e-reader apps and revoke them."""

from django.urls import reverse

from quire.downloads.models import AppPassword


def test_a_reader_creates_an_app_password_and_sees_it_once(login, reader):
    c = login(reader)
    response = c.post(reverse("downloads:app_passwords"), {"name": "KOReader on my Kobo"})
    page = response.content.decode()
    assert "Your new app password is" in page
    token = response.context["created_token"]
    assert token in page
    stored = AppPassword.objects.get(user=reader)
    assert stored.name == "KOReader on my Kobo" and token not in stored.digest
    assert AppPassword.objects.authenticate("corin", token) == reader
    again = c.get(reverse("downloads:app_passwords")).content.decode()
    assert "KOReader on my Kobo" in again and token not in again


def test_a_reader_revokes_an_app_password(login, reader):
    password, token = AppPassword.create_for(reader, "Old phone")
    response = login(reader).post(reverse("downloads:app_password_revoke", args=[password.pk]), follow=True)
    assert "Revoked the app password “Old phone”." in response.content.decode()
    assert AppPassword.objects.authenticate("corin", token) is None


def test_nobody_can_revoke_someone_elses_app_password(login, reader, author):
    password, _ = AppPassword.create_for(reader, "Mine")
    response = login(author).post(reverse("downloads:app_password_revoke", args=[password.pk]))
    assert response.status_code == 404
    assert AppPassword.objects.filter(pk=password.pk).exists()


def test_guests_are_sent_to_log_in(client):
    response = client.get(reverse("downloads:app_passwords"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_name_is_required(login, reader):
    response = login(reader).post(reverse("downloads:app_passwords"), {"name": ""})
    assert "This field is required." in response.content.decode()
    assert not AppPassword.objects.exists()
