"""Orphaning a work, series or pseud (AO3's model: credit moves to orphan_account),
and deleting an account with a choice per work, a password and a grace period."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from quire.accounts.models import AccountDeletion, User
from quire.interactions.models import Comment
from quire.works import orphaning
from quire.works.models import Series, Work
from tests.accounts.pages import text
from tests.factories import make_work

PASSWORD = "correct-horse-battery"


def _byline(client, work) -> str:
    return text(client.get(work.get_absolute_url()))


@pytest.mark.django_db
def test_orphaning_a_work_keeps_it_for_readers_under_orphan_account(client, author, reader):
    work = make_work(author, "The Orphaned Lantern")
    client.force_login(author)
    assert reverse("works:orphan_work", args=[work.pk]) in _byline(client, work)  # linked from the work page
    response = client.post(reverse("works:orphan_work", args=[work.pk]), follow=True)
    assert "is orphaned" in text(response)

    client.force_login(reader)
    page = _byline(client, work)
    assert "orphan_account" in page and "amara" not in page
    assert "The Orphaned Lantern" in text(client.get(reverse("works:index")))  # still listed, by search
    # The byline links to orphan_account's page, which lists the work.
    assert "The Orphaned Lantern" in text(client.get("/users/orphan_account/pseuds/orphan_account/"))
    client.force_login(author)
    assert client.get(reverse("works:edit", args=[work.pk])).status_code == 403


@pytest.mark.django_db
def test_orphaning_a_co_created_work_only_drops_your_name(client, author, cocreator):
    work = make_work(author, cocreators=(cocreator,))
    client.force_login(author)
    client.post(reverse("works:orphan_work", args=[work.pk]))
    names = {p.name for p in Work.objects.get(pk=work.pk).accepted_pseuds()}
    assert names == {"bellamy"}


@pytest.mark.django_db
def test_orphaning_a_series_orphans_it_and_your_works_in_it(client, author, reader):
    first, second = make_work(author, "Part One"), make_work(author, "Part Two")
    elsewhere = make_work(author, "Not In The Series")
    series = Series.objects.create(title="Harbour Tales")
    series.creators.add(author.default_pseud)
    for work in (first, second):
        series.memberships.create(work=work, position=work.pk)
    client.force_login(author)
    assert reverse("works:orphan_series", args=[series.pk]) in text(client.get(series.get_absolute_url()))
    client.post(reverse("works:orphan_series", args=[series.pk]))
    assert [p.name for p in series.creators.all()] == ["orphan_account"]
    for work in (first, second):
        assert [p.name for p in work.accepted_pseuds()] == ["orphan_account"]
    assert [p.name for p in elsewhere.accepted_pseuds()] == ["amara"]  # control


@pytest.mark.django_db
def test_orphaning_a_pseud_orphans_its_works_and_deletes_it(client, author):
    pseud = author.pseuds.create(name="Lamplighter")
    work = make_work(author, "Lit By Lamplighter")
    work.creatorships.update(pseud=pseud)
    other = make_work(author, "By The Default Pseud")
    client.force_login(author)
    assert reverse("works:orphan_pseud", args=[pseud.pk]) in text(client.get(reverse("accounts:pseuds")))
    client.post(reverse("works:orphan_pseud", args=[pseud.pk]))
    assert [p.name for p in Work.objects.get(pk=work.pk).accepted_pseuds()] == ["orphan_account"]
    assert [p.name for p in other.accepted_pseuds()] == ["amara"]
    assert not author.pseuds.filter(name="Lamplighter").exists()


@pytest.mark.django_db
def test_someone_elses_work_cannot_be_orphaned(client, author, reader):
    work = make_work(author)
    client.force_login(reader)
    assert client.post(reverse("works:orphan_work", args=[work.pk])).status_code == 403
    assert [p.name for p in work.accepted_pseuds()] == ["amara"]


def _request_deletion(client, keep: Work, drop: Work, password=PASSWORD):
    return client.post(
        reverse("works:account_delete"),
        {f"work_{keep.pk}": "orphan", f"work_{drop.pk}": "delete", "password": password},
    )


@pytest.mark.django_db
def test_deleting_an_account_orphans_and_deletes_works_as_chosen_after_the_grace_period(
    client, author, reader, settings
):
    settings.DELETION_GRACE_DAYS = 7
    keep, drop = make_work(author, "Keep Me Lit"), make_work(author, "Snuff Me Out")
    theirs = make_work(reader, "Reader's Own")
    chapter = theirs.chapters.first()
    parent = Comment.objects.create(work=theirs, chapter=chapter, user=author, text="First!")
    Comment.objects.create(work=theirs, chapter=chapter, user=reader, parent=parent, thread=parent, text="Thanks!")
    client.force_login(author)
    page = text(client.get(reverse("works:account_delete")))
    assert "Keep Me Lit" in page and "Snuff Me Out" in page

    response = _request_deletion(client, keep, drop, password="wrong")
    assert "not your password" in text(response)
    assert not AccountDeletion.objects.exists()

    response = _request_deletion(client, keep, drop)
    assert "Your account will be deleted" in text(response)
    # The worker is asked to finalise it when the grace period ends, not before.
    task = DBTaskResult.objects.get(task_path__endswith="finalise_due_deletions")
    assert task.run_after == AccountDeletion.objects.get(user=author).due_at
    assert SESSION_KEY not in client.session  # logged out
    call_command("finalise_deletions")  # too early: nothing happens
    assert User.objects.filter(pk=author.pk).exists()

    with time_machine.travel(timezone.now() + timedelta(days=8)):
        call_command("finalise_deletions")
    assert not User.objects.filter(pk=author.pk).exists()
    assert not Work.objects.filter(pk=drop.pk).exists()
    assert [p.name for p in Work.objects.get(pk=keep.pk).accepted_pseuds()] == ["orphan_account"]
    client.force_login(reader)
    listing = text(client.get(reverse("works:index")))
    assert "Keep Me Lit" in listing and "Snuff Me Out" not in listing
    # Their comment with a reply stays as a placeholder so the reply still reads.
    parent.refresh_from_db()
    assert parent.deleted and parent.user is None and parent.text == ""
    assert theirs.comments.filter(text="Thanks!").exists()


@pytest.mark.django_db
def test_logging_in_during_the_grace_period_cancels_the_deletion(client, author):
    keep, drop = make_work(author, "Keep Me Lit"), make_work(author, "Snuff Me Out")
    client.force_login(author)
    _request_deletion(client, keep, drop)
    assert AccountDeletion.objects.filter(user=author).exists()
    response = client.post(reverse("accounts:login"), {"username": "amara", "password": PASSWORD}, follow=True)
    assert "will not be deleted" in text(response)
    assert not AccountDeletion.objects.exists()
    with time_machine.travel(timezone.now() + timedelta(days=30)):
        assert orphaning.run_due_deletions() == 0
    assert Work.objects.filter(pk=drop.pk).exists()


@pytest.mark.django_db
def test_delete_choice_on_a_co_created_work_only_removes_your_credit(author, cocreator):
    shared = make_work(author, "Written Together", cocreators=(cocreator,))
    deletion = AccountDeletion.objects.create(
        user=author, due_at=timezone.now(), choices={str(shared.pk): "delete"}
    )
    orphaning.finalise_deletion(deletion)
    assert [p.name for p in Work.objects.get(pk=shared.pk).accepted_pseuds()] == ["bellamy"]
