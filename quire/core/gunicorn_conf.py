"""gunicorn's configuration for `quire serve` (loaded with `-c python:quire.core.gunicorn_conf`).

Values come from Quire's settings (the QUIRE_WEB_* variables), read once in the master.
gthread workers: each process runs a few requests at once and accepts at most twice as
many connections as it has threads; the others stay in the shared listen backlog where
any free worker takes the next one.
"""

import os
import signal

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quire.settings")
django.setup()

from django.conf import settings  # noqa: E402 - after django.setup()


def _stop_with_parent() -> None:
    """Started by `quire serve`: have Linux send us SIGTERM (a graceful stop) if it dies,
    so a killed `quire serve` never leaves a server holding its port."""
    if os.environ.get("QUIRE_SERVE_PARENT") != str(os.getppid()):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the service manager stops us instead
        pass


_stop_with_parent()


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def worker_count() -> int:
    return settings.WEB_WORKERS or 2 * cpu_count() + 1


bind = os.environ.get("QUIRE_SERVE_ADDR", "127.0.0.1:8000")
workers = worker_count()
worker_class = "quire.core.gunicorn_worker.QuireThreadWorker"  # gthread, stamping accept times
threads = settings.WEB_THREADS
# A few connections queue inside each worker, where the overload guard sees how long they
# waited; the rest stay in the shared backlog for whichever worker frees up first.
worker_connections = settings.WEB_THREADS * 2
backlog = settings.WEB_BACKLOG
timeout = settings.WEB_TIMEOUT  # a worker silent this long is killed and replaced
graceful_timeout = 30  # on stop, requests in progress get this long to finish
keepalive = 0  # a free worker takes the next connection; none sits idle on a busy one
# Load the app once in the master before forking: workers share its memory pages and
# start answering at once, and anything warmed here is there in every worker.
preload_app = True
wsgi_app = "quire.wsgi:application"
accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
errorlog = "-"
loglevel = "warning"
proc_name = "quire"


def when_ready(server):
    """In the master, after the app is loaded and before the workers fork: warm what the
    workers will share (the search index), then say we're up."""
    from quire.search import warmup

    warmup.warm()
    # Workers must not inherit the master's database connection.
    from django.db import connections

    connections.close_all()
    print(f"Quire is ready at http://{bind}/ with {workers} workers x {threads} threads.", flush=True)
