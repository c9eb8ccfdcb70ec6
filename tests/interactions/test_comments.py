"""Comments on chapters: guests and readers, threads, editing, deleting, sanitising,
the rate limit and the spam filter."""

from datetime import timedelta

import pytest
from django.urls import reverse

from quire.interactions.models import Comment, WorkStats
from quire.works.models import CommentPermission
from tests.factories import make_user, make_work
from tests.interactions.conftest import chapter_of, page_text


def comment(client, work, text, *, chapter=None, parent=None, **extra):
    data = {"text": text, "chapter": (chapter or chapter_of(work)).pk, **extra}
    if parent is not None:
        data["parent"] = parent.pk
    return client.post(reverse("interactions:comment_new", args=[work.pk]), data, follow=True)


def guest(name="Wren", email="wren@example.org"):
    return {"name": name, "email": email}


def test_a_guest_comments_with_a_name_and_email(author, client):
    work = make_work(author)
    response = comment(client, work, "The orchard scene made me cry.", **guest())
    text = page_text(response)
    assert "Comment posted." in text
    assert "The orchard scene made me cry." in text and "Wren" in text and "(guest)" in text
    assert "wren@example.org" not in text  # the email is never shown
    assert WorkStats.objects.get(work=work).comments == 1


def test_a_guest_without_a_name_is_asked_for_one(author, client):
    work = make_work(author)
    response = comment(client, work, "Lovely.", email="x@example.org")
    assert response.status_code == 400
    assert "This field is required." in page_text(response)
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("permission", "message"),
    [
        (CommentPermission.REGISTERED, "Only registered users can comment on this work. Log in to comment."),
        (CommentPermission.NOBODY, "The creator of this work has turned off comments."),
    ],
)
def test_the_works_comment_permission_is_respected(author, client, permission, message):
    work = make_work(author, comment_permission=permission)
    assert message in page_text(client.get(work.get_absolute_url()))
    response = comment(client, work, "Hello!", **guest())
    assert response.status_code == 403 and message in page_text(response)
    assert not Comment.objects.exists()


def test_a_reader_replies_in_a_thread(author, reader, login):
    work = make_work(author)
    c = login(reader)
    comment(c, work, "Who lit the lantern?")
    top = Comment.objects.get()
    c.force_login(author)
    comment(c, work, "The gardener did.", parent=top)
    reply = Comment.objects.get(parent=top)
    assert reply.thread == top
    page = page_text(c.get(work.get_absolute_url()))
    assert page.index("Who lit the lantern?") < page.index("The gardener did.")
    assert f'id="comment-{reply.pk}"' in page


def test_comments_belong_to_their_chapter(author, reader, login):
    work = make_work(author, chapters=["One.", "Two."])
    c = login(reader)
    comment(c, work, "About chapter two.", chapter=chapter_of(work, 2))
    assert "About chapter two." not in page_text(c.get(chapter_of(work, 1).get_absolute_url()))
    assert "About chapter two." in page_text(c.get(chapter_of(work, 2).get_absolute_url()))


def test_comment_html_is_sanitised_like_chapters(author, reader, login):
    work = make_work(author)
    comment(login(reader), work, '<p onclick="steal()">Nice <em>pacing</em></p><script>alert(1)</script>')
    saved = Comment.objects.get()
    assert "<em>pacing</em>" in saved.text_html
    assert "onclick" not in saved.text_html and "<script" not in saved.text_html


def test_plain_text_comments_keep_their_paragraphs(author, reader, login):
    work = make_work(author)
    comment(login(reader), work, "First thought.\n\nSecond thought.")
    assert Comment.objects.get().text_html == "<p>First thought.</p>\n<p>Second thought.</p>"


def test_a_reader_edits_their_comment_within_the_window_only(author, reader, login, settings):
    work = make_work(author)
    c = login(reader)
    comment(c, work, "Typo heer.")
    saved = Comment.objects.get()
    url = reverse("interactions:comment_edit", args=[saved.pk])
    response = c.post(url, {"text": "Typo here."}, follow=True)
    assert "Comment updated." in page_text(response) and "Typo here." in page_text(response)
    Comment.objects.filter(pk=saved.pk).update(created_at=saved.created_at - timedelta(hours=1))
    response = c.post(url, {"text": "Too late."}, follow=True)
    assert "within the first minutes after posting" in page_text(response)
    saved.refresh_from_db()
    assert saved.text == "Typo here." and saved.edited_at is not None


def test_nobody_else_can_edit_a_comment(author, reader, stranger, login):
    work = make_work(author)
    comment(login(reader), work, "Mine.")
    c = login(stranger)
    c.post(reverse("interactions:comment_edit", args=[Comment.objects.get().pk]), {"text": "Yours now."})
    assert Comment.objects.get().text == "Mine."


def test_deleting_a_comment_with_replies_leaves_a_placeholder(author, reader, login):
    work = make_work(author)
    c = login(reader)
    comment(c, work, "Delete me later.")
    top = Comment.objects.get()
    c.force_login(author)
    comment(c, work, "A reply that stays.", parent=top)
    c.force_login(reader)
    response = c.post(reverse("interactions:comment_delete", args=[top.pk]), follow=True)
    text = page_text(response)
    assert "Comment deleted." in text and "(Previous comment deleted.)" in text
    assert "Delete me later." not in text and "A reply that stays." in text
    assert WorkStats.objects.get(work=work).comments == 1


def test_deleting_a_comment_without_replies_removes_it(author, reader, login):
    work = make_work(author)
    c = login(reader)
    comment(c, work, "Gone soon.")
    c.post(reverse("interactions:comment_delete", args=[Comment.objects.get().pk]))
    assert not Comment.objects.exists()
    assert WorkStats.objects.get(work=work).comments == 0


def test_commenting_too_fast_is_refused_with_a_clear_message(author, reader, login, settings):
    settings.COMMENT_RATE = 2
    work = make_work(author)
    c = login(reader)
    comment(c, work, "One thought.")
    comment(c, work, "Another thought.")
    response = comment(c, work, "And a third thought.")
    assert response.status_code == 429
    text = page_text(response)
    assert "You're commenting too quickly. Please wait" in text
    assert "And a third thought." in text  # the text is kept for another try
    assert Comment.objects.count() == 2


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("https://cheap.example/pills https://cheap.example/more", "it is only links"),
        ("buy buy buy buy buy buy buy buy buy", "repeats the same words"),
    ],
)
def test_obvious_spam_is_refused(author, client, text, reason):
    work = make_work(author)
    response = comment(client, work, text, **guest())
    assert response.status_code == 400 and reason in page_text(response)
    assert not Comment.objects.exists()


def test_posting_the_same_text_twice_is_refused(author, reader, login):
    work = make_work(author)
    c = login(reader)
    comment(c, work, "Please update soon, I love this!")
    response = comment(c, work, "Please update soon, I love this!")
    assert "you already posted the same text" in page_text(response)
    assert Comment.objects.count() == 1


def test_a_link_inside_a_real_comment_is_fine(author, reader, login):
    work = make_work(author)
    comment(login(reader), work, "I drew fan art of the orchard: https://art.example/orchard - hope you like it!")
    assert Comment.objects.count() == 1


def test_guests_cant_reach_comments_on_restricted_works(author, client):
    work = make_work(author, restricted=True)
    assert comment(client, work, "Hi", **guest()).status_code == 403
    other = make_user("gale")
    client.force_login(other)
    assert "Comment posted." in page_text(comment(client, work, "Signed in now."))
