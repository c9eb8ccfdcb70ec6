"""`quire import FILE... --user NAME [--canon CSV] [--update | --new]`: draft works from story files.

Each file (or each story in a .zip) becomes one draft work, all or nothing; a file that
fails leaves no trace and the others go on. What the file states (AO3's tags, dates,
series; FFN's info line; a header block) is applied; the analyzer's tag suggestions fill
only the tag types it left empty. A file of a work imported before (same AO3 or FFN id)
is reported instead of duplicated: --update replaces that draft, --new makes another.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quire.accounts.models import User
from quire.imports.services import BatchProblem, expand_uploads, import_file
from quire.tags.canon import canon_from_database
from quire.understanding import AnalyzeError
from quire.understanding.canon import Canon
from quire.understanding.loaders import MAX_BYTES


class Command(BaseCommand):
    help = "Create draft works from story files (AO3/FFN pages and downloads, .docx, .odt, .epub, text, zips)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--user", required=True, help="the user whose default pseud gets the drafts")
        parser.add_argument("--canon", type=Path, help="a type,name,fandom,aliases CSV (default: the archive's tags)")
        again = parser.add_mutually_exclusive_group()
        again.add_argument("--update", action="store_true", help="replace drafts imported before from the same work")
        again.add_argument("--new", action="store_true", help="import works imported before as new drafts")

    def handle(self, *args, files, user, canon, update, new, **options):
        owner = User.objects.filter(username__iexact=user).first()
        if owner is None:
            raise CommandError(f"There is no user {user!r}. Create the account first, or check the spelling.")
        try:
            tag_canon = Canon.from_csv(canon) if canon else canon_from_database()
        except AnalyzeError as exc:
            raise CommandError(str(exc)) from None
        stories, failed = self._read(files)
        created, duplicates = [], []
        on_duplicate = "update" if update else "new" if new else ""
        total = len(stories)
        for number, (name, data) in enumerate(stories, start=1):
            self.stderr.write(f"{self._bar(number - 1, total)} {number}/{total} {name}", ending="\r")
            outcome = import_file(owner, data, name, on_duplicate=on_duplicate, canon=tag_canon)
            if outcome.status == "done":
                created.append((name, outcome.work))
            elif outcome.status == "duplicate":
                duplicates.append((name, outcome.existing))
            else:
                failed.append(f"{name}: {outcome.message}")
        self.stderr.write(f"{self._bar(total, total)} {total}/{total} done" + " " * 40)
        for name, work in created:
            chapters = work.chapters.count()
            words = sum(work.chapters.values_list("word_count", flat=True))
            self.stdout.write(
                f"created  {name}: draft work {work.pk} {work.title!r}, "
                f"{chapters} chapter{'s' if chapters != 1 else ''}, {words:,} words, "
                f"{work.tags.count()} tags, {work.tag_suggestions.count()} tag suggestions"
            )
        for name, work in duplicates:
            self.stdout.write(f"skipped  {name}: already imported as draft work {work.pk} {work.title!r} "
                              "(--update replaces it, --new imports it again)")
        for message in failed:
            self.stdout.write(f"failed   {message}")
        before = f", {len(duplicates)} imported before" if duplicates else ""
        self.stdout.write(f"{len(created)} created{before}, {len(failed)} failed.")
        if failed and not created and not duplicates:
            raise CommandError("No work was created.")

    def _read(self, paths: list[Path]) -> tuple[list[tuple[str, bytes]], list[str]]:
        stories: list[tuple[str, bytes]] = []
        failed: list[str] = []
        for path in paths:
            try:
                if not path.is_file():
                    failed.append(f"{path}: no such file. Check the path and try again.")
                    continue
                if path.stat().st_size > MAX_BYTES and path.suffix.lower() != ".zip":
                    failed.append(f"{path}: the file is {path.stat().st_size / 1048576:.1f} MB, over the "
                                  f"{MAX_BYTES // 1048576} MB limit. Split the story into smaller files.")
                    continue
                data = path.read_bytes()
            except OSError as exc:
                failed.append(f"{path}: cannot be read ({exc.strerror}).")
                continue
            try:
                stories.extend(expand_uploads([(str(path), data)]))
            except BatchProblem as exc:
                failed.append(str(exc))
        return stories, failed

    @staticmethod
    def _bar(done: int, total: int, width: int = 24) -> str:
        filled = width * done // max(total, 1)
        return "[" + "#" * filled + "-" * (width - filled) + "]"
