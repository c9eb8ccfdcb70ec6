"""Feedback, the inbox and notification emails read in Spanish for a reader who
asks for it, and an email speaks its recipient's language, not the language of
whoever's action sent it."""

from django.core import mail
from django.urls import reverse

from quire.interactions import feedback
from quire.works.models import CommentPermission
from tests.factories import make_user, make_work
from tests.interactions.conftest import page_text
from tests.interactions.test_comments import comment

ES = {"HTTP_ACCEPT_LANGUAGE": "es"}


def test_the_work_pages_feedback_reads_in_spanish(author, reader, client):
    work = make_work(author, "Farolillos")
    feedback.leave_kudos(work, user=reader)
    feedback.leave_kudos(work, guest_key="one-guest")
    client.force_login(reader)
    page = page_text(client.get(work.get_absolute_url(), **ES))
    profile = f'<a href="{reader.get_absolute_url()}">{reader.username}</a>'
    assert f"¡{profile} y 1 visitante dejaron kudos en esta obra!" in page
    assert "Publicar un comentario" in page and "Guardar para después" in page
    assert "left kudos on this work" not in page and "Post a comment" not in page
    # The same page in English, as the control.
    english = page_text(client.get(work.get_absolute_url()))
    assert f"{profile} and 1 guest left kudos on this work!" in english


def test_a_refusal_and_a_message_are_spanish_and_the_log_in_link_still_shows(author, client):
    work = make_work(author, "Abierta")
    client.force_login(make_user("lectora"))
    response = client.post(reverse("interactions:kudos", args=[work.pk]), follow=True, **ES)
    assert "¡Gracias por dejar kudos!" in page_text(response)
    client.logout()
    # Comments only from members: a guest is told why, in Spanish, with the way in
    # (the page no longer looks for English words in the refusal to offer the link).
    work.comment_permission = CommentPermission.REGISTERED
    work.save(update_fields=["comment_permission"])
    log_in = f'<a href="{reverse("accounts:login")}?next={work.get_absolute_url()}">'
    page = page_text(client.get(work.get_absolute_url(), **ES))
    assert "Solo los usuarios registrados pueden comentar en esta obra. Inicia sesión para comentar." in page
    assert log_in + "Iniciar sesión</a>" in page
    english = page_text(client.get(work.get_absolute_url()))
    assert "Only registered users can comment on this work." in english and log_in + "Log in</a>" in english


def test_a_spanish_readers_inbox_and_email_are_spanish_whoever_wrote(author, client, login, delivered):
    lectora = make_user("lectora", language="es")
    work = make_work(lectora, "Noche de verbena")
    c = login(author)  # an English-speaking reader comments
    mail.outbox.clear()
    with delivered():
        comment(c, work, "Me encantó.")
    sent = mail.outbox[-1]
    assert sent.to == [lectora.email]
    assert f"{author.username} comentó en Noche de verbena" in sent.subject
    assert "Hola, lectora:" in sent.body and "Hello" not in sent.body
    c.force_login(lectora)
    inbox = page_text(c.get(reverse("interactions:inbox")))
    assert "Bandeja de entrada" in inbox and f"{author.username} comentó en Noche de verbena" in inbox
    assert "commented on" not in inbox
