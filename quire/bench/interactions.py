"""Load test: many readers leaving kudos and comments on one work at the same time.

`run(small)` builds a throw-away database itself (a temporary SQLite file in WAL
mode, or a test database on PostgreSQL), fires the requests from a thread pool
through Django's test client (a real request/response cycle per call, each thread
with its own database connection), then checks that nothing was lost and nothing
counted twice: every reader's kudos is sent twice at once and must count once.
Call it without wrapping it in another test database."""

import os
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from django.db import connection, connections
from django.test import Client
from django.test.utils import override_settings, setup_test_environment, teardown_test_environment

from quire.accounts.models import User
from quire.accounts.policies import accept_current
from quire.interactions.models import Comment, Kudos, WorkStats
from quire.works import services
from quire.works.models import Chapter, Work


def _throwaway_db():
    """Create a test database; on SQLite a file (threads can't share an in-memory one)."""
    settings_dict = connection.settings_dict
    old_name = settings_dict["NAME"]
    tmpdir = None
    if connection.vendor == "sqlite":
        tmpdir = tempfile.mkdtemp(prefix="quire-bench-")
        settings_dict.setdefault("TEST", {})["NAME"] = os.path.join(tmpdir, "bench.sqlite3")
    else:
        # A name of its own, so a test run on the same server is never clobbered.
        settings_dict.setdefault("TEST", {})["NAME"] = f"quire_bench_{os.getpid()}"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    return old_name, tmpdir


def _percentile(times: list[float], p: float) -> float:
    times = sorted(times)
    return round(times[max(0, int(len(times) * p) - 1)], 1)


def run(small: bool = False) -> dict:
    readers = 50 if small else 200
    setup_test_environment()
    old_name, tmpdir = _throwaway_db()
    from django.conf import settings

    old_rate = settings.COMMENT_RATE
    settings.COMMENT_RATE = 1000  # measure the database, not the rate limit
    # A cache of its own: the archive's (a folder under var/) would remember an earlier
    # run's comments by the same (reused) user ids and refuse them as repeats.
    cache_settings = override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                                           "LOCATION": "quire-bench-interactions"}})
    cache_settings.enable()
    try:
        author = User.objects.create_user("bench-author", "bench-author@example.invalid", "x")
        work = Work.objects.create(title="Bench Work")
        services.add_creator(work, author.default_pseud, accepted=True)
        services.set_tags(
            work, {"rating": ["General Audiences"], "warning": ["No Archive Warnings Apply"], "fandom": ["Bench"]}
        )
        chapter_id = Chapter.objects.create(work=work, position=1, text="A chapter to talk about.").pk
        services.post_work(work)
        users = [User.objects.create_user(f"bench{i}", f"bench{i}@example.invalid", "x") for i in range(readers)]
        for user in [author, *users]:
            accept_current(user)  # else each kudos and comment is sent to the terms page first
        start_gate = threading.Barrier(min(readers, 32))
        errors: list[str] = []
        timings: list[float] = []
        lock = threading.Lock()

        def one_reader(user):
            client = Client()
            client.force_login(user)
            try:
                start_gate.wait(timeout=30)
            except threading.BrokenBarrierError:
                pass
            results = []
            for method, url, data in (
                ("kudos", f"/works/{work.pk}/kudos/", {}),
                ("kudos", f"/works/{work.pk}/kudos/", {}),  # a double click
                (
                    "comment",
                    f"/works/{work.pk}/comments/",
                    {"text": f"Reader {user.pk} loved it.", "chapter": chapter_id},
                ),
            ):
                t0 = time.perf_counter()
                response = client.post(url, data)
                elapsed = (time.perf_counter() - t0) * 1000
                results.append(elapsed)
                if response.status_code != 302:
                    with lock:
                        errors.append(f"{method}: HTTP {response.status_code}")
            connections.close_all()
            with lock:
                timings.extend(results)

        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=min(readers, 32)) as pool:
            list(pool.map(one_reader, users))
        wall = time.perf_counter() - t0

        stats = WorkStats.objects.get(work=work)
        kudos_rows = Kudos.objects.filter(work=work).count()
        comment_rows = Comment.objects.filter(work=work).count()
        return {
            "database": connection.vendor,
            "readers": readers,
            "requests": len(timings),
            "wall_s": round(wall, 2),
            "requests_per_s": round(len(timings) / wall, 1),
            "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": _percentile(timings, 0.95),
            "errors": len(errors), "first_errors": sorted(set(errors))[:3],
            "kudos_rows": kudos_rows,
            "kudos_count": stats.kudos,
            "comment_rows": comment_rows,
            "comment_count": stats.comments,
            "lost_or_double_counted": (kudos_rows, stats.kudos, comment_rows, stats.comments)
            != (readers, readers, readers, readers),
        }
    finally:
        cache_settings.disable()
        settings.COMMENT_RATE = old_rate
        connections.close_all()
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
        if tmpdir:
            import shutil

            shutil.rmtree(tmpdir, ignore_errors=True)
