"""Works, tags and imports speak the reader's language: a Spanish reader reads the
work page, forms, errors and messages in Spanish, an email goes out in its
recipient's language, and an import's stored answer in its owner's. English stays
the default (each test checks it beside the Spanish)."""

import pytest
from django.core import mail
from django.utils import translation

from quire.imports.models import ItemStatus
from quire.imports.services import run_batch, start_batch
from quire.tags.models import Tag
from quire.works import claiming
from tests.factories import make_user, make_work

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es"}

pytestmark = pytest.mark.django_db


def test_a_spanish_reader_reads_the_work_page_in_spanish_and_the_story_as_written(client):
    author = make_user("ines")
    work = make_work(author, "Faroles en el huerto", chapters=["One.", "Two."], freeforms=("Slow Burn",))

    english = client.get(work.get_absolute_url()).content.decode()
    assert "Archive Warnings:" in english and "Next chapter →" in english and "Chapter 1" in english

    page = client.get(work.get_absolute_url(), **SPANISH).content.decode()
    assert "Advertencias del archivo:" in page and "Capítulo siguiente →" in page
    assert "Capítulo 1" in page and "Índice de capítulos" in page
    assert "Archive Warnings:" not in page and "Next chapter" not in page
    # The story, its title and its tags are the author's words, untouched.
    assert "Faroles en el huerto" in page and "One." in page and "Slow Burn" in page
    assert "No Archive Warnings Apply" in page


def test_a_works_form_error_is_in_spanish_with_the_number_written_the_spanish_way(client):
    author = make_user("ines")
    work = make_work(author)
    client.force_login(author)
    data = {
        "title": "x" * 300, "pseuds": [author.default_pseud.pk], "rating": "General Audiences",
        "warnings": ["No Archive Warnings Apply"], "fandoms": "Original Work", "language": "en",
        "text_format": "plain", "comment_permission": "everyone", "submit": "save",
    }  # fmt: skip

    english = client.post(f"/works/{work.pk}/edit/", data).content.decode()
    assert "The title must be at most 255 characters (it has 300)." in english

    page = client.post(f"/works/{work.pk}/edit/", data, **SPANISH).content.decode()
    assert "El título debe tener como máximo 255 caracteres (tiene 300)." in page
    assert "must be at most" not in page
    work.refresh_from_db()
    assert work.title != "x" * 300  # nothing saved in either language


def test_a_message_after_saving_is_in_the_readers_language(client):
    author = make_user("ines")
    work = make_work(author, chapters=["One.", "Two."])
    client.force_login(author)
    chapters = list(work.chapters.order_by("position"))
    order = {f"position_{chapters[0].pk}": 2, f"position_{chapters[1].pk}": 1}

    response = client.post(f"/works/{work.pk}/chapters/manage/", order, follow=True)
    assert "Chapter order saved." in response.content.decode()
    response = client.post(f"/works/{work.pk}/chapters/manage/", order, follow=True, **SPANISH)
    page = response.content.decode()
    assert "Orden de los capítulos guardado." in page and "Chapter order saved." not in page


def test_a_tag_page_says_what_kind_of_tag_it_is_in_spanish(client):
    make_work(make_user("ines"), freeforms=("Slow Burn",))
    tag = Tag.objects.get(name="Slow Burn")
    assert "Additional tag, not yet wrangled." in client.get(tag.get_absolute_url()).content.decode()
    page = client.get(tag.get_absolute_url(), **SPANISH).content.decode()
    assert "Etiqueta adicional, aún sin organizar." in page and "Slow Burn" in page
    assert "not yet wrangled" not in page


def test_the_claim_email_is_written_in_the_language_of_the_account_it_goes_to():
    archivist = make_user("openDoors", is_archivist=True)
    pseud = claiming.placeholder_creator("Wren Marlowe", "wren@example.net", archivist, key="t1")
    claiming.mark_archived(make_work(pseud.user, "The Salt Road"), archivist)
    archived = pseud.archived_creator

    # Nobody has that address yet: the site's language, whoever's request sent it.
    with translation.override("es"):
        claiming.send_claim_email(archived, "wren@example.net")
    english = mail.outbox[-1]
    assert "Works archived under your name" in english.subject
    assert 'credited to "Wren Marlowe"' in english.body and "Hola" not in english.body

    # The address belongs to an account that chose Spanish.
    wren = make_user("wren", language="es")
    wren.email = "wren@example.net"
    wren.save(update_fields=["email"])
    claiming.send_claim_email(archived, "wren@example.net")
    spanish = mail.outbox[-1]
    assert "Obras archivadas a tu nombre" in spanish.subject
    assert "Hola, Wren Marlowe:" in spanish.body and 'atribuida a "Wren Marlowe"' in spanish.body
    assert "The Salt Road" in spanish.body and archived.get_absolute_url() in spanish.body
    assert "Works archived" not in spanish.body


def test_an_imports_answer_is_stored_in_its_owners_language():
    headings = "".join(f"Chapter {n}\n\nText {n}.\n\n" for n in range(1, 5002)).encode()
    english_owner, spanish_owner = make_user("ana"), make_user("lucia", language="es")
    english_batch = start_batch(english_owner, [("chapters.txt", headings)])
    spanish_batch = start_batch(spanish_owner, [("chapters.txt", headings)])
    run_batch(english_batch.pk)
    run_batch(spanish_batch.pk)

    english = english_batch.items.get()
    spanish = spanish_batch.items.get()
    assert english.status == spanish.status == ItemStatus.FAILED
    assert "5,001 chapter headings" in english.message
    assert "5\xa0001 encabezados de capítulo" in spanish.message  # Spanish groups digits with a space
