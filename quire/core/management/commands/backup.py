"""`quire backup FILE`: a consistent snapshot of the archive, safe while it serves."""

from django.core.management.base import BaseCommand, CommandError

from quire.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write a consistent snapshot of the whole archive to FILE (safe while the site is serving)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="where to write the backup, e.g. quire-2026-12-01.backup")

    def handle(self, *args, file, **options):
        show = self.stdout.write if options["verbosity"] >= 1 else (lambda line: None)
        try:
            written = backup(file, progress=show)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        size = written.stat().st_size
        self.stdout.write(self.style.SUCCESS(f"Backup written to {written} ({size / 1_000_000:.1f} MB)."))
