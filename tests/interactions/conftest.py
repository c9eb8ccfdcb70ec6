import contextlib

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from quire.works import services
from quire.works.models import Chapter


def run_ready_tasks() -> int:
    """Run every task that is due, in this process, as `quire db_worker` would."""
    ran = 0
    while True:
        ready = list(DBTaskResult.objects.ready().order_by("enqueued_at", "id"))
        if not ready:
            return ran
        for row in ready:
            DBTaskResult.objects.filter(pk=row.pk).delete()
            row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
            ran += 1


@pytest.fixture
def delivered(django_capture_on_commit_callbacks):
    """`with delivered(): ...` commits what the block did (tests run in a transaction
    that never commits), then runs the tasks it enqueued, like the worker."""

    @contextlib.contextmanager
    def _delivered():
        with django_capture_on_commit_callbacks(execute=True):
            yield
        run_ready_tasks()

    return _delivered


@pytest.fixture
def stranger(db):
    from tests.factories import make_user

    return make_user("ellis")


def add_chapter(work, text="Another chapter.", *, publish=True) -> Chapter:
    chapter = Chapter(work=work, text=text)
    services.save_chapter(chapter, publish_now=publish)
    return chapter


def chapter_of(work, position=1) -> Chapter:
    return work.chapters.get(position=position)


def now():
    return timezone.now()


def page_text(response) -> str:
    """The page as a person reads it: entities like &#x27; turned back into characters."""
    import html

    return html.unescape(response.content.decode())
