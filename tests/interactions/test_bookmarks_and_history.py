"""Bookmarks (notes, own tags, recs, private), marked for later, reading history."""

from django.urls import reverse

from quire.interactions.models import Bookmark, Reading, WorkStats
from tests.factories import make_work
from tests.interactions.conftest import page_text


def bookmark(c, work, **data):
    fields = {"notes": "", "tags": "", **data}
    return c.post(reverse("interactions:bookmark", args=["work", work.pk]), fields, follow=True)


def test_a_reader_bookmarks_a_work_with_notes_and_tags(author, reader, login):
    work = make_work(author)
    c = login(reader)
    assert "Bookmark" in page_text(c.get(work.get_absolute_url()))
    response = bookmark(c, work, notes="Reread in autumn.", tags="comfort, lanterns", rec="on")
    assert "Bookmarked A Lantern in the Orchard." in page_text(response)
    page = page_text(c.get(reverse("interactions:bookmarks", args=["corin"])))
    assert "Reread in autumn." in page and "lanterns" in page and "Rec" in page
    assert WorkStats.objects.get(work=work).bookmarks == 1
    assert "Bookmarks:</dt><dd><a" in c.get(work.get_absolute_url()).content.decode()


def test_private_bookmarks_are_seen_by_their_owner_only_and_not_counted(author, reader, stranger, login):
    work = make_work(author)
    c = login(reader)
    bookmark(c, work, notes="My secret shelf.", private="on")
    assert "My secret shelf." in page_text(c.get(reverse("interactions:bookmarks", args=["corin"])))
    assert WorkStats.objects.get(work=work).bookmarks == 0
    c.force_login(stranger)
    assert "My secret shelf." not in page_text(c.get(reverse("interactions:bookmarks", args=["corin"])))
    assert "My secret shelf." not in page_text(c.get(reverse("interactions:work_bookmarks", args=[work.pk])))


def test_editing_and_deleting_a_bookmark_keeps_the_count_right(author, reader, login):
    work = make_work(author)
    c = login(reader)
    bookmark(c, work, notes="First.")
    bookmark(c, work, notes="Second.", private="on")
    assert Bookmark.objects.get().notes == "Second."
    assert WorkStats.objects.get(work=work).bookmarks == 0
    bookmark(c, work, notes="Public again.")
    assert WorkStats.objects.get(work=work).bookmarks == 1
    c.post(reverse("interactions:bookmark_delete", args=[Bookmark.objects.get().pk]))
    assert not Bookmark.objects.exists() and WorkStats.objects.get(work=work).bookmarks == 0


def test_bookmarks_of_works_a_reader_cant_see_are_not_listed(author, reader, client, login):
    work = make_work(author, restricted=True)
    bookmark(login(reader), work, notes="Members only.")
    bookmark(client, make_work(author, "Open Orchard"), notes="Open to all.")
    client.logout()
    page = page_text(client.get(reverse("interactions:bookmarks", args=["corin"])))
    assert "Open to all." in page  # a guest does see the reader's other bookmarks
    assert "Members only." not in page


def test_reading_a_work_puts_it_in_history_and_it_can_be_cleared(author, reader, login):
    work = make_work(author)
    c = login(reader)
    c.get(work.get_absolute_url())
    c.get(work.get_absolute_url())
    history = page_text(c.get(reverse("interactions:history")))
    assert "A Lantern in the Orchard" in history and "visited 2 times" in history
    c.post(reverse("interactions:history_clear"))
    assert "A Lantern in the Orchard" not in page_text(c.get(reverse("interactions:history")))


def test_history_can_be_turned_off(author, reader, login):
    work = make_work(author)
    c = login(reader)
    c.post(reverse("interactions:history_toggle"), {})
    c.get(work.get_absolute_url())
    assert not Reading.objects.exists()
    assert "Reading history is off" in page_text(c.get(reverse("interactions:history")))
    c.post(reverse("interactions:history_toggle"), {"keep": "on"})
    c.get(work.get_absolute_url())
    assert Reading.objects.get().visits == 1


def test_mark_for_later(author, reader, login):
    work = make_work(author)
    c = login(reader)
    response = c.post(reverse("interactions:later", args=[work.pk]), {"action": "mark"}, follow=True)
    assert "Marked for later" in page_text(response)
    later = page_text(c.get(reverse("interactions:history") + "?show=later"))
    assert "A Lantern in the Orchard" in later
    c.post(reverse("interactions:history_clear"))  # clearing history keeps what is marked for later
    assert "A Lantern in the Orchard" in page_text(c.get(reverse("interactions:history") + "?show=later"))
    c.post(reverse("interactions:later", args=[work.pk]), {"action": "unmark"})
    assert "A Lantern in the Orchard" not in page_text(c.get(reverse("interactions:history") + "?show=later"))


def test_a_moderator_hidden_work_shows_as_hidden_in_its_bookmarkers_list(author, reader, moderator, login):
    """Issue 10: the bookmarker kept seeing the hidden work's live title and link."""
    from quire.moderation.services import hide_work

    hidden = make_work(author, "Taken Down Title")
    kept = make_work(author, "Still Up Title")
    c = login(reader)
    bookmark(c, hidden, notes="My note on it.")
    bookmark(c, kept, notes="Another note.")
    hide_work(moderator, hidden)
    page = c.get(reverse("interactions:bookmarks", args=["corin"])).content.decode()
    assert "Taken Down Title" not in page and hidden.get_absolute_url() not in page
    assert "A work that is hidden or no longer available" in page
    assert "My note on it." in page  # their own notes stay theirs
    # Positive control: the other bookmark shows its title and link as before.
    assert "Still Up Title" in page and kept.get_absolute_url() in page
