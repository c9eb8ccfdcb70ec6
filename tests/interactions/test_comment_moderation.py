"""Authors moderate comments on their works: approve first, hide, freeze a thread."""

from django.test import Client
from django.urls import reverse

from quire.interactions.models import Comment, WorkStats
from tests.factories import make_work
from tests.interactions.conftest import page_text
from tests.interactions.test_comments import comment, guest


def test_with_approval_on_a_comment_waits_until_the_author_approves(author, reader, login):
    client = Client()  # a guest, beside the signed-in `login` client
    work = make_work(author)
    c = login(author)
    c.post(reverse("interactions:comment_settings", args=[work.pk]), {"moderated": "on"})
    c.force_login(reader)
    response = comment(c, work, "Waiting my turn.")
    assert "It will show once the creator approves it." in page_text(response)
    saved = Comment.objects.get()
    assert "Waiting my turn." in page_text(c.get(work.get_absolute_url()))  # the writer sees it, marked
    assert "Waiting my turn." not in page_text(client.get(work.get_absolute_url()))
    assert WorkStats.objects.get(work=work).comments == 0
    c.force_login(author)
    assert "Awaiting approval" in page_text(c.get(work.get_absolute_url()))
    c.post(reverse("interactions:comment_approve", args=[saved.pk]))
    assert "Waiting my turn." in page_text(client.get(work.get_absolute_url()))
    assert WorkStats.objects.get(work=work).comments == 1


def test_the_author_hides_and_unhides_a_comment(author, reader, stranger, login):
    work = make_work(author)
    c = login(reader)
    comment(c, work, "A rude remark.")
    saved = Comment.objects.get()
    c.force_login(author)
    c.post(reverse("interactions:comment_hide", args=[saved.pk]))
    c.force_login(stranger)
    assert "A rude remark." not in page_text(c.get(work.get_absolute_url()))
    assert WorkStats.objects.get(work=work).comments == 0
    c.force_login(reader)
    assert "Hidden by the work's creator" in page_text(c.get(work.get_absolute_url()))
    c.force_login(author)
    c.post(reverse("interactions:comment_unhide", args=[saved.pk]))
    assert WorkStats.objects.get(work=work).comments == 1


def test_readers_cant_moderate_comments_on_others_works(author, reader, stranger, login):
    work = make_work(author)
    comment(login(reader), work, "Fine comment.")
    c = login(stranger)
    response = c.post(reverse("interactions:comment_hide", args=[Comment.objects.get().pk]), follow=True)
    assert "Only the creators of this work can do that." in page_text(response)
    assert not Comment.objects.get().hidden_by_creator


def test_a_frozen_thread_takes_no_more_replies(author, reader, login):
    work = make_work(author)
    c = login(reader)
    comment(c, work, "Start of a long argument.")
    top = Comment.objects.get()
    c.force_login(author)
    c.post(reverse("interactions:comment_freeze", args=[top.pk]))
    c.force_login(reader)
    response = comment(c, work, "But also!", parent=top)
    assert response.status_code == 403
    assert "This thread is frozen: no new replies can be added." in page_text(response)
    assert "Thread frozen" in page_text(c.get(work.get_absolute_url()))
    assert Comment.objects.count() == 1


def test_the_author_deletes_a_guest_comment(author, client, login):
    work = make_work(author)
    comment(client, work, "Spammy but not obviously.", **guest())
    c = login(author)
    assert "Spammy but not obviously." in page_text(c.get(work.get_absolute_url()))
    c.post(reverse("interactions:comment_delete", args=[Comment.objects.get().pk]))
    page = page_text(c.get(work.get_absolute_url()))
    assert work.title in page and "Spammy but not obviously." not in page
    assert not Comment.objects.exists()
