"""The inbox: comments on your works and replies to your comments, read and unread,
and replying straight from it."""

from django.urls import reverse

from quire.interactions.models import Comment, Notification
from tests.factories import make_work
from tests.interactions.conftest import page_text
from tests.interactions.test_comments import comment, guest


def test_a_comment_on_my_work_arrives_in_my_inbox_unread(author, client, login, delivered):
    work = make_work(author)
    with delivered():
        comment(client, work, "Guest praise for the orchard.", **guest())
    c = login(author)
    assert "(1 unread)" in page_text(c.get("/")).replace('<span class="visually-hidden">', "").replace("</span>", "")
    inbox = page_text(c.get(reverse("interactions:inbox")))
    assert "Wren (guest) commented on A Lantern in the Orchard" in inbox
    assert "Guest praise for the orchard." in inbox and "Unread" in inbox
    item = Notification.objects.get(user=author)
    c.post(reverse("interactions:inbox_update"), {"action": "read", "items": [item.pk]})
    assert "Unread" not in page_text(c.get(reverse("interactions:inbox")))
    c.post(reverse("interactions:inbox_update"), {"action": "unread", "items": [item.pk]})
    assert "1 unread" in page_text(c.get(reverse("interactions:inbox")))


def test_the_author_replies_from_the_inbox_and_the_reader_is_told(author, reader, login, delivered):
    work = make_work(author)
    c = login(reader)
    with delivered():
        comment(c, work, "Will there be a sequel?")
    top = Comment.objects.get()
    c.force_login(author)
    inbox = reverse("interactions:inbox")
    with delivered():
        response = c.post(
            reverse("interactions:comment_new", args=[work.pk]),
            {"text": "Yes, next spring.", "chapter": top.chapter_id, "parent": top.pk, "next": inbox},
            follow=True,
        )
    assert response.redirect_chain[-1][0] == inbox
    assert "Reply posted." in page_text(response)
    reply = Comment.objects.get(parent=top)
    assert reply.user == author
    c.force_login(reader)
    text = page_text(c.get(inbox))
    assert "amara replied to your comment on A Lantern in the Orchard" in text and "Yes, next spring." in text


def test_my_own_comments_dont_notify_me(author, reader, login, delivered):
    work = make_work(author)
    c = login(author)
    with delivered():
        comment(c, work, "Author's note in the comments.")
    assert Comment.objects.filter(user=author).exists()
    assert not Notification.objects.exists()
    c.force_login(reader)  # the control: someone else's comment does notify me
    with delivered():
        comment(c, work, "A reader's note.")
    assert Notification.objects.filter(user=author).count() == 1


def test_opening_an_inbox_item_marks_it_read_and_goes_to_the_comment(author, reader, login, delivered):
    work = make_work(author)
    with delivered():
        comment(login(reader), work, "Jump to me.")
    c = login(author)
    item = Notification.objects.get(user=author)
    response = c.get(reverse("interactions:inbox_open", args=[item.pk]))
    assert response.status_code == 302
    assert response.url == reverse("interactions:comment", args=[Comment.objects.get().pk])
    item.refresh_from_db()
    assert item.is_read


def test_the_inbox_is_private(author, reader, login, delivered):
    work = make_work(author)
    with delivered():
        comment(login(reader), work, "For the author's eyes.")
    item = Notification.objects.get(user=author)
    c = login(reader)
    assert "For the author's eyes." not in page_text(c.get(reverse("interactions:inbox")))
    c.post(reverse("interactions:inbox_update"), {"action": "delete", "items": [item.pk]})
    assert Notification.objects.filter(pk=item.pk).exists()


def test_an_off_site_back_address_returns_to_the_inbox(author, reader, login, delivered):
    work = make_work(author)
    with delivered():
        comment(login(reader), work, "Hello.")
    c = login(author)
    item = Notification.objects.get(user=author)
    inbox = reverse("interactions:inbox")
    for back in ("https://evil.example/phish", "//evil.example/phish"):
        response = c.post(reverse("interactions:inbox_update"), {"action": "read", "items": [item.pk], "back": back})
        assert response.status_code == 302 and response["Location"] == inbox
    response = c.post(
        reverse("interactions:inbox_update"), {"action": "unread", "items": [item.pk], "back": inbox + "?show=unread"}
    )
    assert response["Location"] == inbox + "?show=unread"
