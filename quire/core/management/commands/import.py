"""`quire import FILE... --user NAME [--canon CSV]`: draft works from story files.

Each file becomes one draft work, all or nothing; a file that fails leaves no
trace and the others go on. Tags are stored as suggestions for the author.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quire.accounts.models import User
from quire.tags.canon import canon_from_database
from quire.understanding import AnalyzeError, load, suggest
from quire.understanding.canon import Canon
from quire.works.importing import ImportProblem, create_draft


class Command(BaseCommand):
    help = "Create draft works from story files (text, Markdown, HTML, .docx, .epub)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--user", required=True, help="the user whose default pseud gets the drafts")
        parser.add_argument("--canon", type=Path, help="a type,name,fandom,aliases CSV (default: the archive's tags)")

    def handle(self, *args, files, user, canon, **options):
        owner = User.objects.filter(username__iexact=user).first()
        if owner is None:
            raise CommandError(f"There is no user {user!r}. Create the account first, or check the spelling.")
        try:
            tag_canon = Canon.from_csv(canon) if canon else canon_from_database()
        except AnalyzeError as exc:
            raise CommandError(str(exc)) from None
        created, failed = [], []
        total = len(files)
        for number, path in enumerate(files, start=1):
            self.stderr.write(f"{self._bar(number - 1, total)} {number}/{total} {path}", ending="\r")
            try:
                document = load(path)
                work = create_draft(
                    owner, document.structure, suggest(document.structure, tag_canon),
                    fallback_title=path.stem.replace("_", " ").strip(),
                )
            except (AnalyzeError, ImportProblem) as exc:
                message = str(exc)
                failed.append((path, message if message.startswith(str(path)) else f"{path}: {message}"))
                continue
            created.append((path, work))
        self.stderr.write(f"{self._bar(total, total)} {total}/{total} done" + " " * 40)
        for path, work in created:
            chapters = work.chapters.count()
            words = sum(work.chapters.values_list("word_count", flat=True))
            self.stdout.write(
                f"created  {path}: draft work {work.pk} {work.title!r}, "
                f"{chapters} chapter{'s' if chapters != 1 else ''}, {words:,} words, "
                f"{work.tag_suggestions.count()} tag suggestions"
            )
        for _path, message in failed:
            self.stdout.write(f"failed   {message}")
        self.stdout.write(f"{len(created)} created, {len(failed)} failed.")
        if failed and not created:
            raise CommandError("No work was created.")

    @staticmethod
    def _bar(done: int, total: int, width: int = 24) -> str:
        filled = width * done // max(total, 1)
        return "[" + "#" * filled + "-" * (width - filled) + "]"
