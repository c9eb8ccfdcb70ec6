"""Scheduled chapters: hidden until their time, then published by the real task worker."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from quire.works import services
from quire.works.models import ChapterState
from quire.works.tasks import publish_due_chapters
from tests.factories import make_work


def chapter_data(**overrides) -> dict:
    data = {
        "title": "", "notes_begin": "", "notes_end": "", "text_format": "plain", "text": "",
        "action": "schedule", "publish_at": "", "submit": "save",
    }  # fmt: skip
    data.update(overrides)
    return data


def local_input(when: datetime) -> str:
    """What a datetime-local input sends: local wall-clock time, no zone."""
    return timezone.localtime(when).strftime("%Y-%m-%dT%H:%M:%S")


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay")


# The SQLite worker claims tasks in an exclusive transaction, which can't nest inside a
# test's transaction: tests that run it commit for real, and serialized_rollback puts
# back the rating/warning tags the migrations created.
real_commits = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@real_commits
def test_a_scheduled_chapter_goes_up_on_time_through_the_worker(author, reader, login, client):
    work = make_work(author)
    posted_at = work.updated_at
    # An hour ahead, and the clock moved past it below: "too early" holds however slow the machine.
    when = (timezone.now() + timedelta(hours=1)).replace(microsecond=0)
    c = login(author)
    response = c.post(
        reverse("works:chapter_new", args=[work.pk]),
        chapter_data(text="Right on time.", publish_at=local_input(when)),
    )
    assert response.status_code == 302
    # Enqueued when the view's transaction committed (other features may enqueue their own tasks too).
    task = DBTaskResult.objects.get(task_path__endswith="publish_due_chapters")
    assert task.run_after == when
    chapter = work.chapters.get(position=2)
    assert (chapter.state, chapter.publish_at) == (ChapterState.SCHEDULED, when)

    run_worker()  # too early: nothing happens
    chapter.refresh_from_db()
    assert chapter.state == ChapterState.SCHEDULED
    client.force_login(reader)
    assert client.get(chapter.get_absolute_url()).status_code == 404
    assert (
        "Right on time." not in client.get(work.get_absolute_url() + "?view_full_work=true").content.decode()
    )

    with time_machine.travel(when + timedelta(seconds=1), tick=True):
        run_worker()
        chapter.refresh_from_db()
        work.refresh_from_db()
        assert chapter.state == ChapterState.PUBLISHED
        assert work.updated_at == when and work.updated_at > posted_at
        assert work.chapter_count == 2
        assert "Right on time." in client.get(chapter.get_absolute_url()).content.decode()


def test_a_scheduled_chapter_never_publishes_early_even_if_the_task_runs(author):
    work = make_work(author)
    chapter = work.chapters.create(position=2, text="Not yet.")
    services.schedule_chapter(chapter, timezone.now() + timedelta(hours=1))
    assert publish_due_chapters.call() == 0
    chapter.refresh_from_db()
    assert chapter.state == ChapterState.SCHEDULED


@real_commits
def test_drafts_are_never_published_or_deleted_by_the_worker(author):
    work = make_work(author, chapters=["One.", "Draft two."])
    draft = work.chapters.get(position=2)
    draft.state = ChapterState.DRAFT
    draft.save()
    services.refresh_counts(work)
    assert publish_due_chapters.call() == 0
    run_worker()
    draft.refresh_from_db()
    assert draft.state == ChapterState.DRAFT


def test_a_schedule_that_is_rolled_back_leaves_no_task(author):
    """The database backend writes the task in the same transaction as the schedule:
    both commit, or neither does."""
    work = make_work(author)
    chapter = work.chapters.create(position=2, text="Soon.")
    scheduled = DBTaskResult.objects.filter(task_path__endswith="publish_due_chapters")
    with pytest.raises(RuntimeError), transaction.atomic():
        services.schedule_chapter(chapter, timezone.now() + timedelta(minutes=5))
        assert scheduled.count() == 1
        raise RuntimeError("the request failed")
    assert not scheduled.exists()


def test_scheduling_in_the_past_is_refused_with_a_message(author, login):
    work = make_work(author)
    response = login(author).post(
        reverse("works:chapter_new", args=[work.pk]),
        chapter_data(text="Too late.", publish_at=local_input(timezone.now() - timedelta(minutes=5))),
    )
    content = response.content.decode()
    assert "That time has already passed: choose a time in the future." in content
    assert "Too late." in content
    assert work.chapters.count() == 1


def test_scheduling_without_a_time_asks_for_one(author, login):
    work = make_work(author)
    response = login(author).post(reverse("works:chapter_new", args=[work.pk]), chapter_data(text="When?"))
    assert "Choose the date and time to publish this chapter." in response.content.decode()


@pytest.mark.parametrize("zone", ["America/New_York", "Asia/Tokyo"])
def test_the_schedule_time_is_read_in_the_site_time_zone(author, login, settings, zone):
    settings.TIME_ZONE = zone
    work = make_work(author)
    login(author).post(
        reverse("works:chapter_new", args=[work.pk]),
        chapter_data(text="Later.", publish_at="2099-06-01T12:00"),
    )
    chapter = work.chapters.get(position=2)
    offset = {"America/New_York": 4, "Asia/Tokyo": -9}[zone]
    assert chapter.publish_at == datetime(2099, 6, 1, 12 + offset, 0, tzinfo=UTC)


def test_a_scheduled_chapter_can_be_published_now_instead(author, reader, login, client):
    work = make_work(author)
    chapter = work.chapters.create(position=2, text="Early bird.")
    services.schedule_chapter(chapter, timezone.now() + timedelta(days=3))
    c = login(author)
    form = c.get(reverse("works:chapter_edit", args=[work.pk, chapter.pk])).context["form"]
    assert form.initial["action"] == "schedule"
    c.post(
        reverse("works:chapter_edit", args=[work.pk, chapter.pk]),
        chapter_data(text="Early bird.", action="post"),
    )
    chapter.refresh_from_db()
    assert chapter.state == ChapterState.PUBLISHED and chapter.publish_at is None
    client.force_login(reader)
    assert "Early bird." in client.get(chapter.get_absolute_url()).content.decode()


def test_rescheduling_as_a_draft_means_the_old_schedule_publishes_nothing(author, login):
    work = make_work(author)
    chapter = work.chapters.create(position=2, text="Changed my mind.")
    services.schedule_chapter(chapter, timezone.now() - timedelta(seconds=1))  # would be due now
    login(author).post(
        reverse("works:chapter_edit", args=[work.pk, chapter.pk]),
        chapter_data(text="Changed my mind.", action="draft"),
    )
    assert publish_due_chapters.call() == 0
    chapter.refresh_from_db()
    assert chapter.state == ChapterState.DRAFT
