"""A creator's own comments on their anonymous work, and mutes made from an
anonymous work's page, never tell anyone else who the creator is."""

import re

from django.core import mail
from django.urls import reverse

from quire.interactions.models import Comment
from tests.factories import make_work
from tests.interactions.conftest import page_text
from tests.interactions.test_comments import comment


def bylines(page: str) -> list[str]:
    return re.findall(r'<p class="comment-byline">(.*?)</p>', page, re.S)


def test_a_creators_reply_on_their_anonymous_work_stays_anonymous(author, reader, moderator, client, login, delivered):
    work = make_work(author, "Whose Is This", anonymous=True)
    c = login(reader)
    with delivered():
        comment(c, work, "Who wrote this?")
    top = Comment.objects.get()
    c.force_login(author)
    mail.outbox.clear()
    with delivered():
        comment(c, work, "Someone who loves you.", parent=top)
    profile = author.get_absolute_url()

    # The commenter: the work page, the inbox and the email.
    c.force_login(reader)
    page = page_text(c.get(work.get_absolute_url()))
    assert "Someone who loves you." in page
    assert "amara" not in page and f'href="{profile}"' not in page
    assert "Anonymous Creator" in bylines(page)[1]
    assert "Reply to Anonymous Creator" in page
    inbox = page_text(c.get(reverse("interactions:inbox")))
    assert "Anonymous Creator replied to your comment on Whose Is This" in inbox
    assert "Reply to Anonymous Creator" in inbox and "amara" not in inbox
    [sent] = [m for m in mail.outbox if m.to == [reader.email]]
    assert "Anonymous Creator replied to your comment" in sent.subject and "amara" not in sent.subject
    assert "amara" not in sent.body and "amara" not in sent.alternatives[0][0]
    assert "Anonymous Creator" in sent.body

    # A guest.
    client.logout()
    page = page_text(client.get(work.get_absolute_url()))
    assert "Someone who loves you." in page and "Anonymous Creator" in page
    assert "amara" not in page and f'href="{profile}"' not in page

    # The creator and a moderator still see who it is, with the profile link.
    for who in (author, moderator):
        c.force_login(who)
        byline = bylines(page_text(c.get(work.get_absolute_url())))[1]
        assert f'<a href="{profile}">amara</a>' in byline and "Anonymous Creator" not in byline


def test_a_creators_comment_on_a_signed_work_still_names_them(author, reader, login, delivered):
    work = make_work(author)
    c = login(reader)
    with delivered():
        comment(c, work, "Hello.")
    c.force_login(author)
    with delivered():
        comment(c, work, "Hi back.", parent=Comment.objects.get())
    c.force_login(reader)
    assert "amara replied to your comment" in page_text(c.get(reverse("interactions:inbox")))
    assert "Anonymous Creator" not in page_text(c.get(work.get_absolute_url()))


def test_muting_an_anonymous_creator_shows_nothing_on_their_profile_or_bookmarks(author, reader, stranger, login):
    secret = make_work(author, "Whose Is This", anonymous=True)
    also_secret = make_work(author, "Another Secret", anonymous=True)
    signed = make_work(author, "Signed Work")
    other = make_work(stranger, "Someone Else's")
    c = login(author)
    c.post(reverse("interactions:bookmark", args=["work", other.pk]), {"notes": "Amara's public bookmark."})
    comment(c, other, "Amara's signed comment.")
    c.force_login(reader)
    c.post(reverse("interactions:mute_work_creator", args=[secret.pk]))

    profile = page_text(c.get(author.get_absolute_url()))
    assert ">Mute</button>" in profile and "Unmute" not in profile
    bookmarks = page_text(c.get(reverse("interactions:bookmarks", args=["amara"])))
    assert "You have muted" not in bookmarks and "Someone Else's" in bookmarks
    assert "Amara's signed comment." in page_text(c.get(other.get_absolute_url()))
    listing = page_text(c.get(reverse("works:index")))
    # The mute hides that one work: hiding the creator's other anonymous works would
    # say which anonymous works share a creator.
    assert "Signed Work" in listing and "Whose Is This" not in listing and "Another Secret" in listing
    assert c.get(signed.get_absolute_url()).status_code == 200
    assert c.get(also_secret.get_absolute_url()).status_code == 200

    # Muting and unmuting amara by name leaves the anonymous mute, and its entry, alone.
    c.post(reverse("interactions:mute", args=["amara"]), {"action": "mute"}, follow=True)
    assert "Signed Work" not in page_text(c.get(reverse("works:index")))
    c.post(reverse("interactions:mute", args=["amara"]), {"action": "unmute"}, follow=True)
    settings_list = page_text(c.get(reverse("interactions:blocked")))
    assert "The creator of “Whose Is This”" in settings_list and "amara" not in settings_list
    listing = page_text(c.get(reverse("works:index")))
    assert "Signed Work" in listing and "Whose Is This" not in listing

    # The unmute button in the list undoes it.
    mute_id = re.search(r'name="unmute" value="(\d+)"', c.get(reverse("interactions:blocked")).content.decode())[1]
    c.post(reverse("interactions:blocked"), {"unmute": mute_id})
    assert "Whose Is This" in page_text(c.get(reverse("works:index")))


def test_muting_a_creator_by_name_keeps_their_replies_on_their_anonymous_work(author, reader, login):
    """The replies show as "Anonymous Creator"; hiding them for a name mute would say who it is."""
    from quire.interactions.safety import mute

    secret = make_work(author, "Whose Is This", anonymous=True)
    signed = make_work(author, "Signed Work")
    c = login(reader)
    comment(c, secret, "Who wrote this?")
    comment(c, signed, "Lovely.")
    c.force_login(author)
    comment(c, secret, "Someone who loves you.", parent=Comment.objects.get(work=secret))
    own = make_work(reader, "Reader's Own")
    comment(c, own, "A signed comment by amara.")
    mute(reader, author)
    c.force_login(reader)
    assert "Someone who loves you." in page_text(c.get(secret.get_absolute_url()))
    # Positive control: their signed comments elsewhere are hidden by the mute.
    assert "A signed comment by amara." not in page_text(c.get(own.get_absolute_url()))
