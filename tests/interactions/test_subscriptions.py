"""Subscriptions and the notifications they bring: new chapters, new works, growing
series; never about drafts, never to someone who can't read the work, never twice."""

from django.core import mail
from django.urls import reverse

from quire.interactions.models import Notification, Subscription, WorkStats
from quire.interactions.notify import deliver_chapter_event
from quire.interactions.subscriptions import subscribe
from quire.works import services
from quire.works.models import Chapter, Series
from tests.factories import make_work
from tests.interactions.conftest import add_chapter, page_text


def test_a_reader_subscribes_from_the_work_page_and_hears_of_the_next_chapter(author, reader, login, delivered):
    work = make_work(author)
    c = login(reader)
    response = c.post(
        reverse("interactions:subscribe", args=["work", work.pk]), {"next": work.get_absolute_url()}, follow=True
    )
    assert "You are now subscribed to A Lantern in the Orchard." in page_text(response)
    assert WorkStats.objects.get(work=work).subscriptions == 1
    with delivered():
        chapter = add_chapter(work, "The lantern was lit again.")
    item = Notification.objects.get(user=reader)
    assert (item.kind, item.chapter) == ("chapter", chapter)
    assert "New chapter of A Lantern in the Orchard: Chapter 2" in page_text(c.get(reverse("interactions:inbox")))
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["corin@example.org"]


def test_subscribers_to_an_author_hear_of_a_new_work_once(author, reader, delivered):
    subscribe(reader, author=author)
    with delivered():
        make_work(author, "Three Chapters At Once", chapters=["One.", "Two.", "Three."])
    items = Notification.objects.filter(user=reader)
    assert [(n.kind, n.work.title) for n in items] == [("work", "Three Chapters At Once")]
    assert len(mail.outbox) == 1


def test_a_pseud_subscription_follows_that_pseud(author, reader, delivered):
    from quire.accounts.models import Pseud

    other = Pseud.objects.create(user=author, name="Nightjar")
    subscribe(reader, pseud=other)
    with delivered():
        make_work(author, "Under the default pseud")
    assert not Notification.objects.filter(user=reader).exists()
    as_nightjar = make_work(author, "Under Nightjar", draft=True)
    as_nightjar.creatorships.update(pseud=other)
    with delivered():
        services.post_work(as_nightjar)
    assert [n.work.title for n in Notification.objects.filter(user=reader)] == ["Under Nightjar"]


def test_drafts_notify_nobody(author, reader, delivered):
    work = make_work(author)
    subscribe(reader, work=work)
    subscribe(reader, author=author)
    with delivered():
        make_work(author, "Secret Draft", draft=True)
        draft_chapter = Chapter(work=work, text="Not yet.")
        services.save_chapter(draft_chapter)
    assert not Notification.objects.exists()
    assert deliver_chapter_event(draft_chapter.pk) == 0


def test_anonymous_works_dont_tell_author_subscribers_who_wrote_them(author, reader, delivered):
    subscribe(reader, author=author)
    with delivered():
        make_work(author, "Nobody Knows", anonymous=True)
        make_work(author, "Signed and Known")
    assert [n.work.title for n in Notification.objects.all()] == ["Signed and Known"]


def test_restricted_works_notify_only_who_may_read_them(author, reader, stranger, client, login, delivered):
    """A restricted work is for signed-in readers: a subscriber with an account hears of
    the new chapter and can open it; an account that can no longer sign in hears nothing."""
    work = make_work(author, restricted=True)
    subscribe(reader, work=work)
    subscribe(stranger, work=work)
    stranger.is_active = False
    stranger.save()
    with delivered():
        chapter = add_chapter(work, "For members only.")
    assert [n.user.username for n in Notification.objects.all()] == ["corin"]
    assert [message.to for message in mail.outbox] == [["corin@example.org"]]
    assert client.get(chapter.get_absolute_url()).status_code == 403  # a guest may not read it
    assert "For members only." in page_text(login(reader).get(chapter.get_absolute_url()))


def test_hidden_works_notify_nobody(author, reader, delivered):
    work = make_work(author)
    shown = make_work(author, "Still Shown")
    subscribe(reader, work=work)
    subscribe(reader, work=shown)
    work.hidden_by_moderator = True
    work.save()
    with delivered():
        add_chapter(work)
        add_chapter(shown)
    assert [n.work.title for n in Notification.objects.all()] == ["Still Shown"]


def test_delivering_the_same_event_twice_notifies_and_emails_once(author, reader, delivered):
    work = make_work(author)
    subscribe(reader, work=work)
    with delivered():
        chapter = add_chapter(work)
    # A worker that died after sending and before marking its task done runs it again.
    assert deliver_chapter_event(chapter.pk) == 0
    assert Notification.objects.filter(user=reader).count() == 1
    assert len(mail.outbox) == 1


def test_a_series_subscriber_hears_when_the_series_grows(author, reader, delivered):
    series = Series.objects.create(title="The Orchard Cycle")
    series.creators.add(author.default_pseud)
    first = make_work(author, "Part One")
    services.set_series(first, series)
    subscribe(reader, series=series)
    subscribe(reader, author=author)  # also following the author: still one notification
    with delivered():
        second = make_work(author, "Part Two")
        services.set_series(second, series)
    items = list(Notification.objects.filter(user=reader))
    assert len(items) == 1 and items[0].work == second
    assert len(mail.outbox) == 1


def test_blocked_readers_cant_subscribe(author, reader, login):
    from quire.interactions.safety import block

    work = make_work(author)
    block(author, reader)
    c = login(reader)
    response = c.post(reverse("interactions:subscribe", args=["work", work.pk]), follow=True)
    assert "You can't subscribe to this work: its creator has blocked you." in page_text(response)
    response = c.post(reverse("interactions:subscribe", args=["user", author.pk]), follow=True)
    assert "You can't subscribe to amara: they have blocked you." in page_text(response)
    assert not Subscription.objects.exists()


def test_the_subscriptions_page_lists_and_unsubscribes(author, reader, login):
    work = make_work(author)
    sub = subscribe(reader, work=work)
    c = login(reader)
    assert "A Lantern in the Orchard" in page_text(c.get(reverse("interactions:subscriptions")))
    c.post(reverse("interactions:subscription_delete", args=[sub.pk]))
    assert not Subscription.objects.exists()
    assert WorkStats.objects.get(work=work).subscriptions == 0


def test_subscribing_to_a_user_from_their_profile(author, reader, login):
    c = login(reader)
    profile = page_text(c.get(author.get_absolute_url()))
    assert "Subscribe to amara" in profile
    c.post(reverse("interactions:subscribe", args=["user", author.pk]), {"next": author.get_absolute_url()})
    assert "Unsubscribe from amara" in page_text(c.get(author.get_absolute_url()))


def test_a_pending_co_creator_invitation_doesnt_wake_the_invitees_subscribers(
    author, cocreator, reader, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    work = make_work(author, "Invited, Not Accepted")
    services.add_creator(work, cocreator.default_pseud, accepted=False, invited_by=author)
    Subscription.objects.create(user=reader, author=cocreator)
    Subscription.objects.create(user=reader, pseud=cocreator.default_pseud)
    with django_capture_on_commit_callbacks(execute=True):
        add_chapter(work)
    assert not DBTaskResult.objects.exists()  # nobody follows this work: no task at all
    accepted = make_work(author, "Invited and Accepted", cocreators=(cocreator,))
    with django_capture_on_commit_callbacks(execute=True):
        add_chapter(accepted)  # the control: an accepted co-creator's subscribers are told
    assert DBTaskResult.objects.exists()
