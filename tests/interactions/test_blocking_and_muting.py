"""Blocking stops someone's feedback on your works; muting hides someone's works,
comments and bookmarks from you everywhere, counts included."""

from django.urls import reverse

from quire.accounts.models import Mute
from quire.interactions.models import Comment, Kudos
from quire.interactions.safety import block, mute
from quire.works.models import Work
from tests.factories import make_work
from tests.interactions.conftest import chapter_of, page_text
from tests.interactions.test_comments import comment


def test_a_blocked_reader_sees_a_clear_message_instead_of_the_comment_form(author, reader, login):
    work = make_work(author)
    block(author, reader)
    c = login(reader)
    page = page_text(c.get(work.get_absolute_url()))
    assert "You can't comment on this work: its creator has blocked you." in page
    response = comment(c, work, "Let me in.")
    assert response.status_code == 403
    assert "You can't comment on this work: its creator has blocked you." in page_text(response)
    assert not Comment.objects.exists()


def test_a_blocked_reader_cant_leave_kudos_or_reply(author, reader, stranger, login):
    work = make_work(author)
    c = login(stranger)
    comment(c, work, "A neutral comment.")
    block(author, reader)
    c.force_login(reader)
    response = c.post(reverse("interactions:kudos", args=[work.pk]), follow=True)
    assert "You can't leave kudos on this work: its creator has blocked you." in page_text(response)
    response = comment(c, work, "Replying anyway.", parent=Comment.objects.get())
    assert response.status_code == 403
    assert not Kudos.objects.exists() and Comment.objects.count() == 1


def test_blocking_from_the_profile_and_unblocking(author, reader, login):
    c = login(author)
    response = c.post(reverse("interactions:block", args=["corin"]), {"action": "block"}, follow=True)
    assert "You have blocked corin." in page_text(response)
    assert "Unblock" in page_text(c.get(reader.get_absolute_url()))
    assert "corin" in page_text(c.get(reverse("interactions:blocked")))
    c.post(reverse("interactions:block", args=["corin"]), {"action": "unblock"})
    comment(login(reader), make_work(author), "Welcome back.")
    assert Comment.objects.exists()


def test_muted_authors_vanish_from_lists_and_counts(author, reader, cocreator, login):
    make_work(author, "Muted One")
    make_work(cocreator, "Still Here")
    c = login(reader)
    assert Work.objects.visible_to(reader).count() == 2
    c.post(reverse("interactions:mute", args=["amara"]), {"action": "mute"})
    listing = page_text(c.get(reverse("works:index")))
    assert "Muted One" not in listing and "Still Here" in listing
    assert Work.objects.visible_to(reader).count() == 1
    assert "Muted One" not in page_text(c.get("/"))
    assert c.get(Work.objects.get(title="Muted One").get_absolute_url()).status_code == 404


def test_muting_hides_comments_and_bookmarks_too(author, reader, stranger, login):
    work = make_work(author)
    c = login(stranger)
    comment(c, work, "Comment from the muted one.")
    c.post(reverse("interactions:bookmark", args=["work", work.pk]), {"notes": "Bookmark from the muted one."})
    mute(reader, stranger)
    c.force_login(reader)
    assert "Comment from the muted one." not in page_text(c.get(work.get_absolute_url()))
    assert "Bookmark from the muted one." not in page_text(
        c.get(reverse("interactions:work_bookmarks", args=[work.pk]))
    )
    assert "You have muted ellis" in page_text(c.get(reverse("interactions:bookmarks", args=["ellis"])))


def test_muting_an_anonymous_works_creator_never_reveals_who_it_is(author, reader, login):
    secret = make_work(author, "Whose Is This", anonymous=True)
    make_work(author, "Signed Work")
    c = login(reader)
    response = c.post(reverse("interactions:mute_work_creator", args=[secret.pk]), follow=True)
    text = page_text(response)
    assert "Muted: you won't see this work any more." in text
    assert "muted amara" not in text and "Whose Is This" not in text
    assert Mute.objects.get(muter=reader).muted == author
    listing = page_text(c.get(reverse("interactions:blocked")))
    assert "The creator of “Whose Is This”" in listing and "amara" not in listing
    # Hiding their signed works would say who they are.
    assert list(Work.objects.visible_to(reader).values_list("title", flat=True)) == ["Signed Work"]


def _seen(client, work) -> bool:
    """Can this reader open `work`, and does search list it? (They must agree.)"""
    found = page_text(client.get(reverse("search:works"), {"q": ""}))
    opened = client.get(work.get_absolute_url()).status_code == 200
    assert opened == (work.title in found), work.title
    return opened


def test_a_mute_by_name_never_hides_or_reveals_anonymous_works(author, reader, stranger, login):
    """Muting each name in turn must not make an anonymous work vanish: that would say who wrote it."""
    secret = make_work(author, "Unsigned Letter", anonymous=True)
    signed = make_work(author, "Signed Letter")
    control = make_work(stranger, "Someone Else's Letter")
    c = login(reader)
    for name in ("amara", "ellis"):
        c.post(reverse("interactions:mute", args=[name]), {"action": "mute"})
        assert _seen(c, secret)
        c.post(reverse("interactions:mute", args=[name]), {"action": "unmute"})
    mute(reader, author)
    assert _seen(c, secret) and not _seen(c, signed) and _seen(c, control)
    assert Work.objects.visible_to(reader).filter(pk=secret.pk).exists()


def test_a_mute_from_an_anonymous_work_hides_that_work_alone(author, reader, login):
    """It must not tell the reader which other anonymous works share a creator."""
    first = make_work(author, "First Unsigned", anonymous=True)
    second = make_work(author, "Second Unsigned", anonymous=True)
    signed = make_work(author, "Plainly Signed")
    c = login(reader)
    c.post(reverse("interactions:mute_work_creator", args=[first.pk]))
    assert not _seen(c, first)
    assert _seen(c, second) and _seen(c, signed)


def test_muting_does_not_change_what_others_see(author, reader, stranger, login):
    make_work(author)
    mute(reader, author)
    assert Work.objects.visible_to(stranger).count() == 1
    c = login(stranger)
    assert "A Lantern in the Orchard" in page_text(c.get(reverse("works:index")))
    assert chapter_of(Work.objects.get()).pk
