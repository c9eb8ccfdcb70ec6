"""`quire serve`: the web server and the background worker in one command.

Scheduled chapters and other background work need `db_worker` running beside
the web server; starting both here keeps a small install to one command.
"""

import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the archive and run the background worker beside it."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000", help="host:port to listen on")
        parser.add_argument("--no-worker", action="store_true", help="don't start the background worker")

    def handle(self, *args, addr, no_worker, **options):
        worker = None
        if not no_worker:
            if settings.TASKS_REDIS_URL:
                command = ["rqworker", "--with-scheduler", "default"]
            else:
                command = ["db_worker", "--queue-name", "*", "--verbosity", "1"]
            worker = subprocess.Popen([sys.executable, "-m", "quire.manage", *command])  # noqa: S603 - our own command
            self.stdout.write(f"Background worker started (pid {worker.pid}).")
        self.stdout.write(f"Quire is at http://{addr}/ - press Ctrl+C to stop.")
        # Stopped by a service manager (SIGTERM) rather than Ctrl+C: still stop the worker.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        try:
            call_command("runserver", addr, use_reloader=False)
        finally:
            if worker is not None:
                worker.terminate()
                try:
                    worker.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    worker.kill()
