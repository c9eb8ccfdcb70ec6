"""Collections in Spanish: a reader whose browser asks for Spanish reads the
collection pages in Spanish (titles and names stay as written), and inbox notices,
which are stored as text, are written in their recipient's language whoever acts."""

import pytest
from django.urls import reverse

from quire.collections import services
from quire.collections.models import Collection, Prompt
from quire.interactions.models import Notification
from tests.factories import make_user, make_work
from tests.interactions.conftest import page_text


@pytest.fixture
def meme(author):
    return Collection.objects.create(
        name="lantern", title="Lantern Meme", kind="prompt_meme", owner=author, moderated=True, anonymous=True
    )


def test_a_collection_page_reads_in_spanish_with_its_title_as_written(meme, author, reader, client):
    services.add_work_to_collection(make_work(reader, "Day Shift"), meme, by=reader)
    client.force_login(author)
    spanish = page_text(client.get(meme.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es"))
    assert "Lantern Meme" in spanish  # the title is the owner's words
    assert "Envíos:" in spanish and "Moderada: los elementos nuevos esperan aprobación" in spanish
    assert "Gestionar elementos (1 en espera)" in spanish and "Reto de prompts" in spanish
    assert "Submissions:" not in spanish and "Manage items" not in spanish
    # Positive control: the same page in English.
    english = page_text(client.get(meme.get_absolute_url()))
    assert "Submissions:" in english and "Manage items (1 waiting)" in english and "Envíos:" not in english


def test_prompt_list_counts_and_anonymity_read_in_spanish(meme, author, reader, client):
    prompt = Prompt.objects.create(collection=meme, user=author, title="Two keepers", anonymous=True)
    prompt.claims.create(user=author)
    prompt.claims.create(user=make_user("gale"))
    client.force_login(reader)
    page = page_text(client.get(reverse("collections:prompts", args=[meme.name]), HTTP_ACCEPT_LANGUAGE="es"))
    assert "de Anónimo · 2 reclamaciones · Sin respuesta" in page
    assert "amara" not in page  # anonymous to a reader, in any language
    english = page_text(client.get(reverse("collections:prompts", args=[meme.name])))
    assert "by Anonymous · 2 claims · Unfilled" in english


def test_a_form_error_is_in_the_readers_language(author, client):
    client.force_login(author)
    data = {"name": "new", "title": "Clash", "kind": "collection", "parent": "", "description": "", "rules": "",
            "moderator_names": "nobody_here"}  # fmt: skip
    page = page_text(client.post(reverse("collections:new"), data, HTTP_ACCEPT_LANGUAGE="es"))
    assert "«new» ya lo usa una página del archivo" in page
    assert "No hay ningún usuario llamado nobody_here" in page
    assert not Collection.objects.filter(title="Clash").exists()


def test_an_inbox_notice_is_written_in_the_recipients_language_not_the_senders(author, client):
    lucia, tom = make_user("lucia", language="es"), make_user("tom", language="en")
    client.force_login(author)
    work = make_work(author, "Paper Boats")
    # The giver reads the site in English; each recipient gets their own language.
    services.set_gifts(work, ["lucia", "tom"], by=author)
    assert Notification.objects.get(user=lucia).headline == "Paper Boats es un regalo para ti"
    assert Notification.objects.get(user=tom).headline == "Paper Boats is a gift for you"
