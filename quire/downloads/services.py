"""Downloads as workflows: find or start the file for a work or series, generate
it (in the worker, or inline when it is small), serve it and count it."""

import logging
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone, translation

from quire.accounts.models import User
from quire.interactions.models import Reading
from quire.works.access import refuse_empty_series
from quire.works.models import Series, Work

from . import book as books
from .formats import FORMATS, Format
from .models import DownloadCount, DownloadFile, FileStatus

logger = logging.getLogger(__name__)

# A file still "being generated" after this long lost its worker (a restart, a
# crash): the next request starts it again instead of waiting forever.
STALE_AFTER = timedelta(minutes=15)

# Inline generation: `quire bench` measures the EPUB of a 500,000-word work at
# about 0.7 s on one core (Calibre: about 60 s), so EPUB, HTML and text up to
# 150,000 words take ~0.2 s, less than the page load a progress page would cost.
# WeasyPrint's PDF layout is far slower (seconds for 5,000 words on a busy
# machine), so only drabble-sized works go inline. Kindle formats start Calibre
# (10+ s) and always go to the worker. The limits live on each Format (formats.py).


@dataclass
class Target:
    """What a download is of: a work, or a series as one viewer may see it."""

    kind: str
    object_id: int
    version: str
    words: int
    work_ids: list[int]


def work_target(work: Work) -> Target:
    return Target(DownloadFile.WORK, work.pk, books.work_version(work), work.word_count, [work.pk])


def series_target(series: Series, user) -> Target:
    version, ids = books.series_version(series, user)
    if not ids:
        raise refuse_empty_series(user, series, "download")
    words = sum(Work.objects.filter(pk__in=ids).values_list("word_count", flat=True))
    return Target(DownloadFile.SERIES, series.pk, version, words, ids)


def marked_for_later_ids(user) -> list[int] | None:
    """The works `user` marked for later and may download, oldest mark first."""
    marked = list(
        Reading.objects.filter(user=user, marked_for_later=True).order_by("pk").values_list("work_id", flat=True)
    )
    allowed = set(Work.objects.downloadable_by(user).filter(pk__in=marked).values_list("pk", flat=True))
    return [pk for pk in marked if pk in allowed]


def later_target(user) -> Target:
    ids = marked_for_later_ids(user)
    if not ids:
        raise Http404("You have no works marked for later to download.")
    words = sum(Work.objects.filter(pk__in=ids).values_list("word_count", flat=True))
    return Target(
        DownloadFile.LATER, user.pk, books.content_digest((user.username, books.works_version(ids))), words, ids
    )


def build_book(file: DownloadFile) -> books.Book:
    if file.kind == DownloadFile.WORK:
        return books.work_book(Work.objects.get(pk=file.object_id))
    if file.kind == DownloadFile.LATER:
        return books.later_book(User.objects.get(pk=file.object_id), file.work_ids)
    series = Series.objects.get(pk=file.object_id)
    return books.series_book(series, work_ids=file.work_ids)


def prepare(target: Target, fmt: Format, *, inline_words: int | None = None) -> DownloadFile:
    """The file for `target` in `fmt`: ready, or being generated. Small files are
    generated here and now; others are handed to the worker. `inline_words` raises the
    bound for callers that can't show a progress page (e-reader apps)."""
    if inline_words is None:
        inline_words = fmt.inline_words
    lookup = {"kind": target.kind, "object_id": target.object_id, "fmt": fmt.key, "version": target.version}
    file = DownloadFile.objects.filter(**lookup).defer("content").first()
    if file is None:
        try:
            with transaction.atomic():
                file = DownloadFile.objects.create(**lookup, work_ids=target.work_ids)
        except IntegrityError:  # another request started it a moment ago
            return DownloadFile.objects.defer("content").get(**lookup)
        if target.words <= inline_words:
            generate(file.pk)
            file.refresh_from_db()
        else:
            _enqueue(file)
    elif file.status == FileStatus.PENDING and timezone.now() - file.created_at > STALE_AFTER:
        DownloadFile.objects.filter(pk=file.pk).update(created_at=timezone.now())
        _enqueue(file)
    return file


def retry(file: DownloadFile) -> None:
    """Try a failed file again, in the worker."""
    updated = DownloadFile.objects.filter(pk=file.pk, status=FileStatus.FAILED).update(
        status=FileStatus.PENDING, error="", created_at=timezone.now()
    )
    if updated:
        _enqueue(file)


def _enqueue(file: DownloadFile) -> None:
    from .tasks import generate_download

    transaction.on_commit(lambda: generate_download.enqueue(file.pk))


def generate(file_id: int) -> None:
    """Write the file and store it. Failures are stored as a message for the
    reader; the traceback goes to the log."""
    file = DownloadFile.objects.defer("content").filter(pk=file_id).first()
    if file is None or file.status == FileStatus.READY:
        return
    fmt = FORMATS[file.fmt]
    started = time.perf_counter()
    try:
        if not fmt.available:
            raise RuntimeError(fmt.unavailable())
        book = build_book(file)
        # The file is cached and shared by every reader, and may be made inside one
        # reader's request: its headings are in the archive's language, not theirs.
        with translation.override(settings.LANGUAGE_CODE):
            content = fmt.write(book)
    except Exception as exc:
        logger.exception("Generating %s failed", file)
        DownloadFile.objects.filter(pk=file.pk).update(
            status=FileStatus.FAILED,
            error=f"The {fmt.label} file could not be made ({type(exc).__name__}).",
            finished_at=timezone.now(),
        )
        return
    DownloadFile.objects.filter(pk=file.pk).update(
        status=FileStatus.READY,
        content=content,
        size=len(content),
        filename=f"{book.filename_stem}.{fmt.extension}",
        seconds=time.perf_counter() - started,
        finished_at=timezone.now(),
    )
    # Older versions will never be asked for again.
    DownloadFile.objects.filter(kind=file.kind, object_id=file.object_id, fmt=file.fmt).exclude(
        version=file.version
    ).exclude(status=FileStatus.PENDING).delete()


def record_download(file: DownloadFile) -> None:
    DownloadCount.bump(file.work_ids)
