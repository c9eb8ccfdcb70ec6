import contextlib

import pytest

from tests.factories import make_user
from tests.interactions.conftest import run_ready_tasks


@pytest.fixture
def stranger(db):
    return make_user("ellis")


@pytest.fixture
def delivered(django_capture_on_commit_callbacks):
    """Commit what the block did, then run the tasks it enqueued, like the worker."""

    @contextlib.contextmanager
    def _delivered():
        with django_capture_on_commit_callbacks(execute=True):
            yield
        run_ready_tasks()

    return _delivered
