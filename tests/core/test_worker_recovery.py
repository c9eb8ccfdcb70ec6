"""The background worker doesn't lose work: a task whose worker died mid-run runs
again (and makes no duplicate), and a locked database is waited out, not fatal."""

import subprocess
import sys
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from freezegun import freeze_time

from quire.core.worker import LOCK_ATTEMPTS, make_worker_id
from quire.downloads.formats import FORMATS
from quire.downloads.models import DownloadFile, FileStatus
from quire.interactions.subscriptions import subscribe
from tests.core.tasks import flaky_write, lock_failures
from tests.downloads.helpers import epub_files
from tests.factories import make_work
from tests.interactions.conftest import add_chapter, run_ready_tasks

real_commits = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _fresh_flaky_task():
    lock_failures["left"] = 0
    lock_failures["written"] = []


def run_worker():
    call_command("worker", "--batch", "--no-startup-delay", "--verbosity", "0")


def dead_pid() -> int:
    """The pid of a process that has exited (a worker killed mid-task)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def left_running_by(worker_id: str, **filters) -> None:
    """What a worker killed mid-task leaves behind: the task marked RUNNING, by it."""
    assert DBTaskResult.objects.filter(**filters).update(
        status=TaskResultStatus.RUNNING, worker_ids=[worker_id], started_at=timezone.now()
    )


@real_commits
def test_a_download_whose_worker_died_is_made_by_the_next_worker(client, author, monkeypatch):
    monkeypatch.setattr(FORMATS["epub"], "inline_words", 0)
    work = make_work(author, "The Long Way Round", chapters=["Setting out.", "Coming home."])
    url = reverse("downloads:work", args=[work.pk, "epub"])
    browser = {"HTTP_ACCEPT": "text/html"}  # a person, shown the progress page while it is made
    assert client.get(url, **browser).status_code == 202
    left_running_by(make_worker_id(dead_pid()), task_path__endswith="generate_download")

    # django-tasks' own worker leaves it RUNNING for ever: the reader waits for nothing.
    call_command("db_worker", "--batch", "--no-startup-delay", "--verbosity", "0")
    assert DBTaskResult.objects.get().status == TaskResultStatus.RUNNING
    assert client.get(url, **browser).status_code == 202

    run_worker()
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
    assert DownloadFile.objects.get().status == FileStatus.READY
    ready = client.get(url)
    assert ready.status_code == 200
    assert f"OEBPS/w{work.pk}-c2.xhtml" in epub_files(ready.content)


@real_commits
def test_a_task_still_running_in_a_live_worker_is_left_alone(author, monkeypatch):
    monkeypatch.setattr(FORMATS["epub"], "inline_words", 0)
    work = make_work(author)
    from quire.downloads import services
    from quire.downloads.formats import FORMATS as formats

    services.prepare(services.work_target(work), formats["epub"])
    alive = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        left_running_by(make_worker_id(alive.pid), task_path__endswith="generate_download")
        run_worker()
        assert DBTaskResult.objects.get().status == TaskResultStatus.RUNNING
        assert DownloadFile.objects.get().status == FileStatus.PENDING
    finally:
        alive.communicate(b"")
    # Once that worker is gone, the next worker takes the task over.
    run_worker()
    assert DownloadFile.objects.get().status == FileStatus.READY


@real_commits
def test_a_task_running_far_too_long_is_taken_over_even_from_another_machine(author, monkeypatch):
    monkeypatch.setattr(FORMATS["epub"], "inline_words", 0)
    work = make_work(author)
    from quire.downloads import services

    services.prepare(services.work_target(work), FORMATS["epub"])
    left_running_by("another-host:4242", task_path__endswith="generate_download")
    run_worker()
    assert DownloadFile.objects.get().status == FileStatus.PENDING  # it may still be working
    with freeze_time(timezone.now() + timedelta(hours=3)):
        run_worker()
    assert DownloadFile.objects.get().status == FileStatus.READY


@real_commits
def test_a_notification_task_rerun_after_its_worker_died_sends_no_second_email(author, reader):
    work = make_work(author, "Letters Home")
    subscribe(reader, work=work)
    add_chapter(work, "The second letter.")
    task = DBTaskResult.objects.get(task_path__endswith="notify_chapter_published")
    # The dying worker got as far as sending the email, not as far as marking the task done.
    task.task.call(*task.args_kwargs["args"], **task.args_kwargs["kwargs"])
    assert len(mail.outbox) == 1
    left_running_by(make_worker_id(dead_pid()), pk=task.pk)

    run_worker()
    assert DBTaskResult.objects.get(pk=task.pk).status == TaskResultStatus.SUCCESSFUL
    assert len(mail.outbox) == 1
    assert "Letters Home" in mail.outbox[0].subject
    assert run_ready_tasks() == 0


@real_commits
def test_a_task_that_finds_the_database_locked_runs_again_later():
    lock_failures["left"] = 2
    start = timezone.now()
    flaky_write.enqueue("a note")
    run_worker()
    task = DBTaskResult.objects.get()
    assert task.status == TaskResultStatus.READY  # not FAILED: it waits and runs again
    assert task.run_after > start
    assert lock_failures["written"] == []
    with freeze_time(task.run_after + timedelta(seconds=1)):
        run_worker()  # locked again: a longer pause
    task.refresh_from_db()
    assert task.status == TaskResultStatus.READY and len(task.worker_ids) == 2
    with freeze_time(task.run_after + timedelta(seconds=1)):
        run_worker()
    task.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert lock_failures["written"] == ["a note"]


def run_when_due():
    """Run the worker at the moment the queued task is due (no real waiting)."""
    task = DBTaskResult.objects.get()
    due = task.run_after if task.run_after.year < 9999 else timezone.now()
    with freeze_time(max(due, timezone.now()) + timedelta(seconds=1)):
        run_worker()


@real_commits
def test_a_task_locked_out_every_time_fails_in_the_end_and_other_errors_fail_at_once():
    lock_failures["left"] = LOCK_ATTEMPTS + 5
    flaky_write.enqueue("never")
    for _ in range(LOCK_ATTEMPTS - 1):
        run_when_due()
        assert DBTaskResult.objects.get().status == TaskResultStatus.READY
    run_when_due()
    assert DBTaskResult.objects.get().status == TaskResultStatus.FAILED

    DBTaskResult.objects.all().delete()
    lock_failures["left"] = 0
    flaky_write.enqueue("")  # an empty note is a ValueError: a real failure, not retried
    run_worker()
    assert DBTaskResult.objects.get().status == TaskResultStatus.FAILED
    assert lock_failures["written"] == []


@real_commits
def test_the_worker_waits_out_a_locked_database_instead_of_dying(monkeypatch):
    flaky_write.enqueue("after the lock")
    real_claim = DBTaskResult.claim
    calls = {"n": 0}

    def locked_at_first(self, worker_id):
        calls["n"] += 1
        if calls["n"] <= 2:
            raise OperationalError("database is locked")
        return real_claim(self, worker_id)

    monkeypatch.setattr(DBTaskResult, "claim", locked_at_first)
    # django-tasks' own worker dies on it (what stopped downloads and emails until a restart).
    with pytest.raises(OperationalError):
        call_command("db_worker", "--batch", "--no-startup-delay", "--verbosity", "0")
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY

    pauses = []
    monkeypatch.setattr("quire.core.worker.time.sleep", pauses.append)  # no real waiting in the test
    run_worker()
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
    assert lock_failures["written"] == ["after the lock"]
    assert pauses == [1.0]
