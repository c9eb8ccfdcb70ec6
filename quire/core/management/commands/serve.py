"""`quire serve`: the web server and the background worker in one command.

The web server is gunicorn (config in core/gunicorn_conf.py): several worker
processes, a request timeout, a short listen backlog and the overload guard
(core/overload.py) so that a crowd gets "busy, try again" pages rather than
ever-growing waits. `--dev` runs Django's autoreloading development server instead.

Scheduled chapters, downloads, notifications and digests need a worker running
beside the web server; starting both here keeps a small install to one command.
The worker is supervised: if it exits it is started again (see core/supervise.py).
"""

import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from quire.core.supervise import Supervisor


def worker_command() -> list[str]:
    if settings.TASKS_REDIS_URL:
        command = ["rqworker", "--with-scheduler", "default"]
    else:
        # Quire's own database worker: db_worker that re-queues tasks a dead worker
        # left running and retries a task that found the database locked.
        command = ["worker", "--queue-name", "*", "--verbosity", "1"]
    return [sys.executable, "-m", "quire.manage", *command]


def site_url_for(addr: str) -> str:
    """The address people can open for `--addr`: a port alone or a wildcard host means this machine."""
    host, _, port = addr.rpartition(":")
    if host in ("", "0.0.0.0", "::", "[::]"):  # noqa: S104 - naming the wildcard, not binding to it
        host = "127.0.0.1"
    return f"http://{host}:{port}"


def web_command(workers: int | None = None) -> list[str]:
    command = [sys.executable, "-m", "gunicorn", "--config", "python:quire.core.gunicorn_conf"]
    if workers:
        command += ["--workers", str(workers)]
    return command


class Command(BaseCommand):
    help = "Serve the archive and run the background worker beside it (restarted if it exits)."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000", help="host:port to listen on")
        parser.add_argument("--no-worker", action="store_true", help="don't start the background worker")
        parser.add_argument("--workers", type=int, help="web worker processes (default: QUIRE_WEB_WORKERS, "
                            "else two per CPU core plus one)")
        parser.add_argument("--dev", action="store_true",
                            help="Django's development server, reloading when the code changes")

    def handle(self, *args, addr, no_worker, workers=None, dev=False, **options):
        if workers is not None and workers < 1:
            raise CommandError("--workers must be at least 1.")
        # Links in feeds, books and emails name the address being served unless the
        # operator set QUIRE_SITE_URL: `make demo PORT=8104` links to 8104, not 8000.
        # Set in the environment before the worker starts, so its books agree.
        if not os.environ.get("QUIRE_SITE_URL"):
            os.environ["QUIRE_SITE_URL"] = settings.SITE_URL = site_url_for(addr)
        supervisor = None
        if not no_worker:
            supervisor = Supervisor(worker_command(), announce=lambda line: self.stdout.write(line))
            supervisor.start()
        self.stdout.write(f"Quire is at http://{addr}/ - press Ctrl+C to stop.")
        try:
            if dev:
                # Stopped by a service manager (SIGTERM) rather than Ctrl+C: still stop the worker.
                signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
                call_command("runserver", addr)
            else:
                self._gunicorn(addr, workers)
        finally:
            if supervisor is not None:
                supervisor.stop()
                self.stdout.write("Background worker stopped.")

    def _gunicorn(self, addr: str, workers: int | None) -> None:
        env = {**os.environ, "QUIRE_SERVE_ADDR": addr, "QUIRE_SERVE_PARENT": str(os.getpid())}
        # Its own process group: Ctrl+C (or a SIGTERM) reaches us, and we ask gunicorn for
        # its graceful stop (SIGTERM: requests in progress finish), not its quick one (SIGINT).
        # Should we die without stopping it, it stops too (gunicorn_conf sets that up).
        web = subprocess.Popen(web_command(workers), env=env, start_new_session=True)  # noqa: S603

        def stop(signum, _frame):
            if web.poll() is None:
                web.send_signal(signal.SIGTERM)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        code = web.wait()
        if code not in (0, -signal.SIGTERM, -signal.SIGINT):
            raise CommandError(f"The web server stopped with exit code {code}; its error is above.")
