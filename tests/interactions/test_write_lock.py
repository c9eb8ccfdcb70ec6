"""On SQLite a write transaction holds the one write lock from its BEGIN, so the slow
parts of a write (sanitising a comment, rendering a long chapter) happen before it:
200 readers commenting at once then wait only for each other's inserts."""

import pytest
from django.db import connection
from django.db.models.signals import pre_save

from quire.interactions import feedback
from quire.interactions.models import Comment
from quire.works import services
from quire.works.models import Chapter
from tests.factories import make_user, make_work


def depth() -> int:
    return len(connection.atomic_blocks)


@pytest.mark.django_db
def test_a_comment_is_sanitised_before_its_write_transaction_begins(monkeypatch):
    author, reader = make_user("author"), make_user("reader")
    work = make_work(author, chapters=["A chapter."])
    rendered_at, saved_at = [], []
    real_render = feedback.render_comment
    monkeypatch.setattr(feedback, "render_comment", lambda text: rendered_at.append(depth()) or real_render(text))

    def on_save(sender, instance, **kwargs):
        saved_at.append(depth())

    pre_save.connect(on_save, sender=Comment)
    try:
        comment = feedback.post_comment(work, work.chapters.get(), "Lovely orchard.", user=reader,
                                        actor_key=f"user:{reader.pk}")
    finally:
        pre_save.disconnect(on_save, sender=Comment)
    assert Comment.objects.get(pk=comment.pk).text_html == "<p>Lovely orchard.</p>"  # posted, rendered
    assert rendered_at and saved_at
    assert rendered_at[0] < saved_at[0]  # rendered outside the transaction the row is written in


@pytest.mark.django_db
def test_a_new_chapter_is_rendered_once_and_before_its_write_transaction(monkeypatch):
    author = make_user("author")
    work = make_work(author, chapters=["The first chapter."])
    renders, saved_at = [], []
    real_render = Chapter.render

    def counting_render(self):
        renders.append(depth())
        real_render(self)

    monkeypatch.setattr(Chapter, "render", counting_render)
    monkeypatch.setattr(services.Chapter, "render", counting_render)

    def on_save(sender, instance, **kwargs):
        saved_at.append(depth())

    from quire.works import models as work_models

    text = "A second chapter, *long* in real life."
    sanitised = []
    real_textlib_render = work_models.textlib.render
    monkeypatch.setattr(work_models.textlib, "render",
                        lambda source, fmt: (sanitised.append(1) if source == text else None)
                        or real_textlib_render(source, fmt))
    chapter = Chapter(work=work, text=text, text_format="markdown")
    pre_save.connect(on_save, sender=Chapter)
    try:
        services.save_chapter(chapter, publish_now=True)
    finally:
        pre_save.disconnect(on_save, sender=Chapter)
    stored = Chapter.objects.get(pk=chapter.pk)
    assert stored.position == 2 and stored.is_published and "<em>long</em>" in stored.text_html
    assert renders[0] < min(saved_at)  # the first render came before the transaction
    # The saves inside it (insert, then publishing) reused that rendering.
    assert len(sanitised) == 1 and len(renders) >= 2
    assert stored.word_count == 7
