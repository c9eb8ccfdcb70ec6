"""Kudos: one per signed-in reader, one per guest address per day, none from the
creator, none from guests on restricted works; listed on the work page."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from quire.interactions.models import Kudos, WorkStats
from tests.factories import make_user, make_work
from tests.interactions.conftest import page_text


def kudos_url(work):
    return reverse("interactions:kudos", args=[work.pk])


def test_a_reader_leaves_kudos_once_and_is_listed_on_the_work(author, reader, login):
    work = make_work(author)
    c = login(reader)
    response = c.post(kudos_url(work), follow=True)
    assert "Thank you for leaving kudos!" in response.content.decode()
    response = c.post(kudos_url(work), follow=True)
    assert "You have already left kudos here." in response.content.decode()
    assert Kudos.objects.filter(work=work).count() == 1
    assert WorkStats.objects.get(work=work).kudos == 1
    page = c.get(work.get_absolute_url()).content.decode()
    assert "corin" in page and "left kudos on this work!" in page


def test_guests_leave_kudos_once_per_address_per_day(author, client):
    work = make_work(author)
    assert "Thank you" in client.post(kudos_url(work), follow=True).content.decode()
    assert "already left kudos" in client.post(kudos_url(work), follow=True).content.decode()
    client.post(kudos_url(work), REMOTE_ADDR="10.0.0.9")  # another guest
    assert WorkStats.objects.get(work=work).kudos == 2
    # The next day the same address may leave kudos again.
    Kudos.objects.filter(work=work).update(day=timezone.localdate() - timedelta(days=1))
    assert "Thank you" in client.post(kudos_url(work), follow=True).content.decode()
    assert "2 guests" not in client.get(work.get_absolute_url()).content.decode()
    assert "3 guests left kudos" in client.get(work.get_absolute_url()).content.decode()


def test_guests_cant_leave_kudos_on_restricted_works(author, client):
    work = make_work(author, restricted=True)
    assert client.post(kudos_url(work)).status_code == 403
    assert not Kudos.objects.exists()


def test_creators_cant_leave_kudos_on_their_own_work(author, login):
    work = make_work(author)
    response = login(author).post(kudos_url(work), follow=True)
    assert "You can't leave kudos on your own work." in page_text(response)
    assert not Kudos.objects.exists()


def test_kudos_on_a_draft_is_not_possible(author, reader, login):
    work = make_work(author, draft=True)
    assert login(reader).post(kudos_url(work)).status_code == 404


def test_the_kudos_button_shows_on_the_work_page(author, client):
    work = make_work(author)
    page = client.get(work.get_absolute_url()).content.decode()
    assert f'action="{kudos_url(work)}"' in page and "Kudos ♥" in page
    assert "No kudos yet." in page
    other = make_user("fern")
    client.force_login(other)
    client.post(kudos_url(work))
    assert "fern" in client.get(work.get_absolute_url()).content.decode()
