"""Bigger installs queue tasks in Redis (QUIRE_TASKS_REDIS_URL) and run RQ workers.

The whole path runs for real in subprocesses — settings read at start-up choose
the backend — against the Redis server at QUIRE_TEST_REDIS_URL (skipped when none
answers) and a throw-away SQLite database.
"""

import os
import subprocess
import sys
import uuid

import pytest

REDIS_URL = os.environ.get("QUIRE_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")

SCHEDULE = """
from datetime import timedelta
from django.utils import timezone
from quire.works import services
from quire.works.models import Chapter
from tests.factories import make_user, make_work
work = make_work(make_user("isolde"), "Night Ferry", chapters=["The ferry left at nine."])
chapter = Chapter.objects.create(work=work, position=2, text="The ferry came back at dawn.")
due = timezone.now() + timedelta(hours=1)
services.schedule_chapter(chapter, due)
print(chapter.pk, due.timestamp())
"""

STATE = "from quire.works.models import Chapter; print(Chapter.objects.get(pk={pk}).state)"

# `quire ARGS` with the process's clock started at a given moment (and ticking): the
# worker sees the chapter come due without the test waiting for it.
AT = "import time_machine; time_machine.travel({at}, tick=True).start(); from quire.manage import main; main()"


def _redis_or_skip():
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        pytest.skip(f"no Redis server at {REDIS_URL}")


def _quire(env, *args, at: float | None = None) -> str:
    start = ["-m", "quire.manage"] if at is None else ["-c", AT.format(at=at)]
    result = subprocess.run([sys.executable, *start, *args], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip()


def test_scheduled_chapter_goes_up_through_a_redis_worker_on_time(tmp_path):
    _redis_or_skip()
    import redis

    server = redis.Redis.from_url(REDIS_URL)
    # Two test runs on one machine (SQLite and PostgreSQL side by side) share this Redis
    # database: take turns, so one run's flush never empties the other's queue.
    with server.lock("quire-test-redis-worker", timeout=600, blocking_timeout=600):
        for key in server.scan_iter("rq:*"):  # no earlier run's jobs mix in (the lock key stays)
            server.delete(key)
        _run_scheduled_chapter(tmp_path)


def _run_scheduled_chapter(tmp_path):
    env = {
        **os.environ,
        "QUIRE_TASKS_REDIS_URL": REDIS_URL,
        "QUIRE_DATA_DIR": str(tmp_path),
        "QUIRE_DATABASE_URL": f"sqlite:///{tmp_path / 'quire.sqlite3'}",
        "QUIRE_SECRET_KEY": uuid.uuid4().hex,
    }
    _quire(env, "migrate", "--noinput", "-v0")
    pk, due = _quire(env, "shell", "-c", SCHEDULE).splitlines()[-1].split()

    _quire(env, "rqworker", "--burst", "--with-scheduler", "default")  # an hour early: nothing to do
    assert _quire(env, "shell", "-c", STATE.format(pk=pk)).splitlines()[-1] == "scheduled"

    _quire(env, "rqworker", "--burst", "--with-scheduler", "default", at=float(due) + 1)
    assert _quire(env, "shell", "-c", STATE.format(pk=pk)).splitlines()[-1] == "published"
