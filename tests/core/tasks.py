"""A task for the worker tests: fails with "database is locked" a set number of times."""

from django.db import OperationalError
from django_tasks import task

lock_failures = {"left": 0, "written": []}


@task()
def flaky_write(note: str) -> str:
    if lock_failures["left"] > 0:
        lock_failures["left"] -= 1
        raise OperationalError("database is locked")
    if not note:
        raise ValueError("an empty note")
    lock_failures["written"].append(note)
    return note
