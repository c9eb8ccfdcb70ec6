"""Moderation in Spanish: the console reads in the moderator's language, and review
emails are written in each creator's language, not in the acting moderator's."""

import re

from django.core import mail
from django.urls import reverse

from quire.accounts.models import User
from quire.moderation.models import Report, ReviewItem
from quire.policy.models import ArchivePolicy
from tests.interactions.conftest import page_text
from tests.works.test_posting import NEW, work_data


def _words(response) -> str:
    """The page's text as one line, tags dropped, as a person reads it."""
    return " ".join(re.sub(r"<[^>]+>", " ", page_text(response)).split())


def test_the_console_reads_in_spanish(author, reader, moderator, login):
    from tests.factories import make_work

    report = Report.objects.create(
        work=make_work(reader, "Day Shift"), reason="spam", details="Adverts", reporter=author
    )  # its number is the row's id, which PostgreSQL doesn't restart between tests
    c = login(moderator)
    spanish = _words(c.get(reverse("moderation:console"), HTTP_ACCEPT_LANGUAGE="es"))
    assert "Consola de moderación" in spanish and f"Denuncia n.º {report.pk}: Spam o contenido comercial" in spanish
    assert "Sobre obra «Day Shift» de corin , presentada el" in spanish
    assert "Abierta (1)" in spanish and f"Report #{report.pk}" not in spanish
    english = _words(c.get(reverse("moderation:console")))
    assert f"Report #{report.pk}: Spam or commercial content" in english
    assert "About work “Day Shift” by corin , filed" in english


def test_a_review_email_speaks_the_creators_language_whoever_approves(author, moderator, login, delivered):
    User.objects.filter(pk=author.pk).update(language="es")
    ArchivePolicy.objects.create(review_new_works=True)
    with delivered():
        login(author).post(NEW, work_data(author))
    assert "«The Orchard Keeper» está esperando a un/a moderador/a" in mail.outbox[-1].subject
    with delivered():  # the moderator reads the site in English
        login(moderator).post(reverse("moderation:review_act", args=[ReviewItem.objects.get().pk]),
                              {"action": "reject", "note": "Falta la etiqueta del fandom"})  # fmt: skip
    rejected = mail.outbox[-1]
    assert rejected.to == [author.email] and "«The Orchard Keeper» no fue aprobada" in rejected.subject
    assert "Su motivo: Falta la etiqueta del fandom." in rejected.body


def test_a_review_email_to_an_english_reader_stays_english(author, moderator, login, delivered):
    ArchivePolicy.objects.create(review_new_works=True)
    with delivered():
        login(author).post(NEW, work_data(author))
    with delivered():
        login(moderator).post(reverse("moderation:review_act", args=[ReviewItem.objects.get().pk]),
                              {"action": "approve"}, HTTP_ACCEPT_LANGUAGE="es")  # fmt: skip
    assert "“The Orchard Keeper” is now public" in mail.outbox[-1].subject
