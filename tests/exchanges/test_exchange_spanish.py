"""An exchange in Spanish: a Spanish-speaking participant reads its pages in Spanish,
and an assignment reaches each writer in their own language, not the moderator's."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from quire.exchanges.models import Exchange
from tests.exchanges.test_exchange_flow import _create, _signup
from tests.factories import make_user

pytestmark = pytest.mark.django_db

START = datetime(2026, 11, 1, 12, tzinfo=UTC)


@time_machine.travel(START, tick=False)
def test_a_spanish_reader_sees_the_exchange_page_in_spanish(client):
    _create(client, make_user("mod"))
    url = reverse("exchanges:detail", args=["winter_swap"])
    english = client.get(url).content.decode()
    assert "Gift exchange run by mod" in english and "Sign-ups open" in english  # positive control

    spanish = client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Intercambio de regalos organizado por mod" in spanish
    assert "Inscripciones abiertas" in spanish and "Personajes" in spanish
    assert "Gift exchange run by" not in spanish and "Sign-ups open" not in spanish
    assert "Winter Swap" in spanish  # the exchange's own title is not translated


@time_machine.travel(START, tick=False)
def test_a_refused_sign_up_is_explained_in_spanish(client):
    _create(client, make_user("mod"))
    ana = make_user("ana")
    ana.language = "es"
    ana.save(update_fields=["language"])
    response = _signup(client, ana, "Lighthouse Keepers", "")
    page = response.content.decode()
    assert "Oferta 1: indica al menos uno de estos: fandoms." in page
    assert "Lighthouse Keepers" in page  # what she typed is kept


@time_machine.travel(START, tick=False)
def test_each_writer_gets_their_assignment_in_their_own_language(client):
    owner = make_user("mod")
    _create(client, owner)
    ana, bo = make_user("ana"), make_user("bo")
    ana.language = "es"
    ana.save(update_fields=["language"])
    _signup(client, ana, "Lighthouse", "Lighthouse")
    _signup(client, bo, "Lighthouse", "Lighthouse")
    client.force_login(owner)
    client.post(reverse("exchanges:close", args=["winter_swap"]))
    client.post(reverse("exchanges:match", args=["winter_swap"]))
    client.post(reverse("exchanges:send", args=["winter_swap"]), HTTP_ACCEPT_LANGUAGE="en")
    assert Exchange.objects.get().assignments_sent_at

    to_ana = next(m for m in mail.outbox if m.to == ["ana@example.org"])
    to_bo = next(m for m in mail.outbox if m.to == ["bo@example.org"])
    assert "escribes un regalo para bo" in to_ana.subject
    assert "Hola, ana:" in to_ana.body and "Petición 1:" in to_ana.body
    assert "you are writing a gift for ana" in to_bo.subject and "Hello bo," in to_bo.body


@time_machine.travel(START, tick=False)
def test_the_dashboard_explains_the_unmatched_in_the_moderators_language(client):
    owner = make_user("mod")
    _create(client, owner)
    for name, wish in (("ann", "Lighthouse"), ("bo", "Lighthouse"), ("ed", "Rare")):
        _signup(client, make_user(name), wish, "Lighthouse")
    client.force_login(owner)
    client.post(reverse("exchanges:close", args=["winter_swap"]))
    client.post(reverse("exchanges:match", args=["winter_swap"]))
    url = reverse("exchanges:dashboard", args=["winter_swap"])
    assert "nobody offers what they request (Fandoms: rare)" in client.get(url).content.decode()

    # The run stored facts, not an English sentence: the same run reads in Spanish.
    spanish = client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "nadie ofrece lo que pide (Fandoms: rare)" in spanish
    assert "nobody offers" not in spanish
