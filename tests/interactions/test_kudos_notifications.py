"""Authors hear about kudos: one inbox item (and at most one email) per work per day,
naming who left them, as their notification preferences say."""

from datetime import timedelta

import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from quire.interactions.models import EmailFrequency, Notification, NotificationKind, ReaderSettings
from tests.factories import make_user, make_work


def kudos_from(client, work):
    return client.post(reverse("interactions:kudos", args=[work.pk]))


def test_kudos_make_one_inbox_item_per_work_per_day(login, author, reader, delivered, mailoutbox):
    work = make_work(author, "The Tide Clock")
    other = make_work(author, "Green Fields")
    second_reader = make_user("dara")
    with delivered():
        kudos_from(login(reader), work)
    with delivered():
        kudos_from(login(second_reader), work)
        kudos_from(Client(), work)  # a guest
    with delivered():
        kudos_from(login(reader), other)
    items = Notification.objects.filter(user=author, kind=NotificationKind.KUDOS)
    assert items.count() == 2  # one per work, not one per kudos
    assert len(mailoutbox) == 2
    inbox = login(author).get(reverse("interactions:inbox")).content.decode()
    assert "Kudos on The Tide Clock from corin, dara and 1 guest" in inbox
    assert "Kudos on Green Fields from corin" in inbox
    # Nobody but the creators hears of it.
    assert not Notification.objects.filter(user__in=[reader, second_reader], kind=NotificationKind.KUDOS).exists()


def test_the_next_day_brings_a_new_item(login, author, reader, delivered):
    work = make_work(author, "The Tide Clock")
    with delivered():
        kudos_from(login(reader), work)
    with time_machine.travel(timezone.now() + timedelta(days=1)), delivered():
        kudos_from(Client(), work)
    assert Notification.objects.filter(user=author, kind=NotificationKind.KUDOS).count() == 2


def test_an_author_who_wants_no_email_gets_only_the_inbox_item(login, author, reader, delivered, mailoutbox):
    ReaderSettings.objects.update_or_create(user=author, defaults={"email_frequency": EmailFrequency.NEVER})
    work = make_work(author)
    with delivered():
        kudos_from(login(reader), work)
    assert Notification.objects.filter(user=author, kind=NotificationKind.KUDOS).count() == 1
    assert mailoutbox == []
