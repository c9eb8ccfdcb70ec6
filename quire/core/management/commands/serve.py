"""`quire serve`: the web server and the background worker in one command.

Scheduled chapters, downloads, notifications and digests need a worker running
beside the web server; starting both here keeps a small install to one command.
The worker is supervised: if it exits it is started again (see core/supervise.py).
"""

import signal
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from quire.core.supervise import Supervisor


def worker_command() -> list[str]:
    if settings.TASKS_REDIS_URL:
        command = ["rqworker", "--with-scheduler", "default"]
    else:
        # Quire's own database worker: db_worker that re-queues tasks a dead worker
        # left running and retries a task that found the database locked.
        command = ["worker", "--queue-name", "*", "--verbosity", "1"]
    return [sys.executable, "-m", "quire.manage", *command]


class Command(BaseCommand):
    help = "Serve the archive and run the background worker beside it (restarted if it exits)."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000", help="host:port to listen on")
        parser.add_argument("--no-worker", action="store_true", help="don't start the background worker")

    def handle(self, *args, addr, no_worker, **options):
        supervisor = None
        if not no_worker:
            supervisor = Supervisor(worker_command(), announce=lambda line: self.stdout.write(line))
            supervisor.start()
        self.stdout.write(f"Quire is at http://{addr}/ - press Ctrl+C to stop.")
        # Stopped by a service manager (SIGTERM) rather than Ctrl+C: still stop the worker.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        try:
            call_command("runserver", addr, use_reloader=False)
        finally:
            if supervisor is not None:
                supervisor.stop()
                self.stdout.write("Background worker stopped.")
