"""`quire worker`: run background tasks from the database queue (what `quire serve`
starts). Like django-tasks' `db_worker`, plus recovery: see quire/core/worker.py."""

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from quire.core.worker import QuireWorker, make_worker_id


class Command(DbWorkerCommand):
    help = (
        "Run background tasks; re-queues tasks a dead worker left running and "
        "retries tasks that met a locked database."
    )

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay, max_tasks, **options):
        self.configure_logging(verbosity)
        worker = QuireWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=make_worker_id(),
        )
        worker.configure_signals()
        worker.run()
