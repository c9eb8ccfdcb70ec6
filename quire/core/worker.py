"""Quire's database task worker: django-tasks' `db_worker`, made to survive.

- A task left RUNNING by a worker that died (killed mid-download, the machine
  restarted) would stay RUNNING forever and never run again. At start the worker
  puts such tasks back in the queue: those whose worker was a process on this
  machine that no longer exists, and any still RUNNING after STALE_RUNNING.
- A task that fails with "database is locked" is queued again after a pause
  (up to LOCK_ATTEMPTS runs) instead of being marked failed.
- The worker's own loop meeting a locked database waits and carries on instead
  of exiting.

Every Quire task is safe to run twice (see downloads/services.py and
interactions/notify.py), which is what makes running them again correct.
"""

import logging
import os
import socket
import time
from datetime import timedelta

from django.db import OperationalError
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from quire.core.busy import is_database_locked

logger = logging.getLogger("quire.worker")

STALE_RUNNING = timedelta(hours=2)  # longer than any task takes (Calibre on a long series)
LOCK_ATTEMPTS = 5  # runs of one task that may end on a locked database before it counts as failed
LOCK_PAUSE_SECONDS = 5  # the first pause before a locked task runs again; doubled each time


def make_worker_id(pid: int | None = None) -> str:
    """host:pid, so a later worker on this machine can tell whether it is still alive."""
    return f"{socket.gethostname()[:40]}:{pid or os.getpid()}"


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def _dead_here(worker_id: str, host: str) -> bool:
    """Whether `worker_id` names a process on this machine that has exited."""
    worker_host, _, pid = worker_id.rpartition(":")
    if worker_host != host or not pid.isdigit():
        return False
    return int(pid) != os.getpid() and not _process_alive(int(pid))


def requeue(task_ids, reason: str) -> int:
    """Put tasks back in the queue to run as soon as a worker is free."""
    count = DBTaskResult.objects.filter(pk__in=list(task_ids), status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.READY, started_at=None
    )
    if count:
        logger.warning("Re-queued %d task(s) %s.", count, reason)
    return count


def reap_stale_tasks(now=None) -> int:
    """Re-queue tasks whose worker died while running them. Returns how many."""
    now = now or timezone.now()
    host = socket.gethostname()[:40]
    stale = []
    for task in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).only("id", "worker_ids", "started_at"):
        last = task.worker_ids[-1] if task.worker_ids else ""
        if _dead_here(last, host) or (task.started_at and now - task.started_at > STALE_RUNNING):
            stale.append(task.pk)
    return requeue(stale, "left running by a worker that stopped")


class QuireWorker(Worker):
    def run(self) -> None:
        reaped = release_own = False
        pause = 1.0
        while self.running:
            try:
                if not reaped:
                    reap_stale_tasks()
                    reaped = True
                if release_own:
                    # The task this worker had claimed when the lock hit goes back in the queue.
                    own = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).only("id", "worker_ids")
                    requeue([t.pk for t in own if t.worker_ids[-1:] == [self.worker_id]], "after a locked database")
                    release_own = False
                super().run()
                return
            except OperationalError as exc:
                if not is_database_locked(exc):
                    raise
                logger.warning("The database is locked (%s); the worker tries again in %.0f s.", exc, pause)
                self.startup_delay = False
                release_own = True
                time.sleep(pause)
                pause = min(pause * 2, 30.0)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        super().run_task(db_task_result)
        if db_task_result.status != TaskResultStatus.FAILED or not self._failed_on_lock(db_task_result):
            return
        attempts = len(db_task_result.worker_ids)
        if attempts >= LOCK_ATTEMPTS:
            logger.error("Task %s found the database locked %d times; giving up.", db_task_result.pk, attempts)
            return
        pause = LOCK_PAUSE_SECONDS * 2 ** (attempts - 1)
        DBTaskResult.objects.filter(pk=db_task_result.pk, status=TaskResultStatus.FAILED).update(
            status=TaskResultStatus.READY,
            started_at=None,
            finished_at=None,
            run_after=timezone.now() + timedelta(seconds=pause),
        )
        logger.warning(
            "Task %s (%s) found the database locked; it runs again in %d s.",
            db_task_result.pk,
            db_task_result.task_path,
            pause,
        )

    @staticmethod
    def _failed_on_lock(result: DBTaskResult) -> bool:
        return result.exception_class_path.endswith("OperationalError") and "is locked" in result.traceback
