"""Importing story files: one file at a time (`import_file`), or a batch of files and
zips read by the background worker (`start_batch`, `run_batch`).

Reading a file (the slow part) happens before any write; the draft is then written in
one short transaction (works.importing.create_draft), so an import never holds the
database's write lock while it thinks."""

import io
import logging
import posixpath
import zipfile
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from quire.accounts.language import speaking
from quire.tags.canon import canon_from_database
from quire.understanding import AnalyzeError, load, suggest
from quire.understanding.canon import Canon
from quire.works.importing import ImportProblem, check_structure, create_draft, find_existing
from quire.works.models import Work

from .models import ImportBatch, ImportItem, ItemStatus

log = logging.getLogger(__name__)

MAX_FILES = 200
# A file still "being read" after this long lost its worker; it is read again.
STALE = timedelta(minutes=10)
FILE_MAX = 10 * 1024 * 1024
# What one zip may unpack to in all: the story files inside, not a zip bomb.
ZIP_MAX_TOTAL = 100 * 1024 * 1024
STORY_EXTENSIONS = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".odt", ".epub",
                    ".mobi", ".azw3", ".azw", ".pdf", ".rtf", ".doc"}


class BatchProblem(Exception):
    """Uploads that cannot start a batch (no files, too many, a damaged zip)."""


@dataclass
class Outcome:
    status: str                 # done | duplicate | failed
    message: str = ""
    work: Work | None = None
    existing: Work | None = None


def fallback_title(filename: str) -> str:
    stem = posixpath.basename(filename).rsplit(".", 1)[0]
    return stem.replace("_", " ").replace("-", " ").strip() or "Untitled"


def import_file(user, data: bytes, filename: str, *, on_duplicate: str = "", canon: Canon | None = None) -> Outcome:
    """Read one story file and land it as a draft. A file of a work the user imported before
    (same AO3 or FFN id) is not imported twice: with on_duplicate "" it is reported, with
    "update" it replaces that draft, with "new" it becomes a second draft."""
    try:
        document = load(data, filename)
        existing = find_existing(user, document.structure.metadata)
        if existing is not None and on_duplicate not in ("update", "new"):
            return Outcome(ItemStatus.DUPLICATE, _("already imported as the draft “%(title)s”") % {
                "title": existing.title}, existing=existing)
        check_structure(document.structure)  # refuse what cannot be stored before suggesting tags
        suggestions = suggest(document.structure, canon if canon is not None else canon_from_database())
        work = create_draft(user, document.structure, suggestions, fallback_title=fallback_title(filename),
                            replace=existing if on_duplicate == "update" else None)
    except (AnalyzeError, ImportProblem) as exc:
        message = str(exc)
        prefix = f"{filename}: "
        return Outcome(ItemStatus.FAILED, message[len(prefix):] if message.startswith(prefix) else message)
    except RecursionError:
        return Outcome(ItemStatus.FAILED, _("the file is nested too deeply to read; export it again as plain text."))
    except Exception:  # one bad file must never stop the others or show a trace
        log.exception("import of %s failed", filename)
        return Outcome(ItemStatus.FAILED, _("the file could not be read. Export it again (as .html, .docx or "
                                            ".txt) and retry; if it keeps failing, tell the site's admins."))
    return Outcome(ItemStatus.DONE, work=work)


def expand_uploads(uploads: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The story files in the uploads: a .zip of stories is opened (a .docx or .epub, which
    are zips too, is one story). Raises BatchProblem for a zip that cannot be opened."""
    files: list[tuple[str, bytes]] = []
    for name, data in uploads:
        if name.lower().endswith(".zip") and data.startswith(b"PK"):
            files.extend(_unzip(name, data))
        else:
            files.append((name, data))
    if not files:
        raise BatchProblem(_("Choose at least one story file, or a .zip of them."))
    if len(files) > MAX_FILES:
        raise BatchProblem(_("That is %(count)s files; import at most %(limit)s at a time.") % {
            "count": len(files), "limit": MAX_FILES})
    return files


def _unzip(name: str, data: bytes) -> list[tuple[str, bytes]]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in zf.infolist() if not i.is_dir() and not _hidden(i.filename)]
        if sum(i.file_size for i in infos) > ZIP_MAX_TOTAL:
            raise BatchProblem(_("%(name)s unpacks to more than %(limit)s MB; split it into smaller zips.") % {
                "name": name, "limit": ZIP_MAX_TOTAL // 1048576})
        if len(infos) > MAX_FILES:
            raise BatchProblem(_("%(name)s holds %(count)s files; import at most %(limit)s at a time.") % {
                "name": name, "count": len(infos), "limit": MAX_FILES})
        out = []
        for info in infos:
            inner = f"{name}/{info.filename}"
            if info.file_size > FILE_MAX:
                out.append((inner, b""))  # reported as empty/too big by the reader, the rest go on
                continue
            with zf.open(info) as fh:
                content = fh.read(FILE_MAX + 1)  # never trust the declared size
            out.append((inner, content))
        return out
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise BatchProblem(_("%(name)s is not a zip that can be opened (%(error)s).") % {
            "name": name, "error": exc}) from None


def _hidden(path: str) -> bool:
    parts = path.split("/")
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


def start_batch(user, uploads: list[tuple[str, bytes]]) -> ImportBatch:
    """Store the uploads as a batch and hand it to the background worker."""
    files = expand_uploads(uploads)
    with transaction.atomic():
        batch = ImportBatch.objects.create(user=user)
        ImportItem.objects.bulk_create(
            ImportItem(batch=batch, position=i, filename=name[:255], data=data, size=len(data))
            for i, (name, data) in enumerate(files, start=1)
        )
        enqueue(batch)
    return batch


def enqueue(batch: ImportBatch) -> None:
    from .tasks import run_import_batch

    transaction.on_commit(lambda: run_import_batch.enqueue(batch.pk))


def _waiting() -> Q:
    """Files to read: waiting ones, and ones whose reader died (a worker killed mid-file)."""
    return Q(status=ItemStatus.QUEUED) | Q(status=ItemStatus.RUNNING, updated_at__lt=timezone.now() - STALE)


def has_stalled(batch: ImportBatch) -> bool:
    return batch.items.filter(status=ItemStatus.RUNNING, updated_at__lt=timezone.now() - STALE).exists()


def run_batch(batch_id: int) -> int:
    """Read every waiting file of a batch; returns how many were read. Each file is claimed
    before it is read, so two workers never import the same file twice."""
    batch = ImportBatch.objects.filter(pk=batch_id).select_related("user").first()
    if batch is None:
        return 0
    canon = canon_from_database()
    count = 0
    for item_id in list(batch.items.filter(_waiting()).values_list("pk", flat=True)):
        claimed = ImportItem.objects.filter(_waiting(), pk=item_id).update(
            status=ItemStatus.RUNNING, updated_at=timezone.now())
        if not claimed:
            continue
        item = ImportItem.objects.get(pk=item_id)
        # The message is stored with the item: write it in the language of the person who reads it.
        with speaking(batch.user):
            outcome = import_file(batch.user, bytes(item.data), item.filename, on_duplicate=item.on_duplicate,
                                  canon=canon)
        item.status = outcome.status
        item.message = outcome.message
        item.work = outcome.work
        item.existing = outcome.existing
        if outcome.status != ItemStatus.DUPLICATE:
            item.data = b""  # read: the bytes are not needed any more
        item.updated_at = timezone.now()
        item.save()
        count += 1
    return count


def resolve_duplicate(item: ImportItem, choice: str) -> None:
    """The owner's answer for a file imported before: "update" the draft, "new" draft, or "skip"."""
    if item.status != ItemStatus.DUPLICATE:
        return
    if choice == "skip":
        item.status, item.data, item.message = ItemStatus.SKIPPED, b"", ""
        item.save(update_fields=["status", "data", "message"])
        return
    item.on_duplicate = "update" if choice == "update" else "new"
    item.status = ItemStatus.QUEUED
    item.message = ""
    with transaction.atomic():
        item.save(update_fields=["on_duplicate", "status", "message"])
        enqueue(item.batch)
