"""`quire restore FILE`: bring a backup made by `quire backup` back."""

from django.core.management.base import BaseCommand, CommandError

from quire.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup made by `quire backup` into an empty data directory or database."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the backup file")
        parser.add_argument(
            "--force", action="store_true", help="replace an archive that is already there (everything in it is lost)"
        )

    def handle(self, *args, file, force, **options):
        show = self.stdout.write if options["verbosity"] >= 1 else (lambda line: None)
        try:
            restore(file, force=force, progress=show)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS(f"Restored {file}."))
        self.stdout.write("Run `quire migrate` if this version of Quire is newer than the one that made the backup.")
