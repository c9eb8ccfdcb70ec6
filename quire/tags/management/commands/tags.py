"""`quire tags import CSV`: load canonical tags (idempotent)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quire.tags.canon import CanonFileError, import_canon, read_canon_csv


class Command(BaseCommand):
    help = "Manage the tag canon. `quire tags import CSV` loads canonical tags from type,name,fandom,aliases rows."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="load canonical tags from a CSV file")
        imp.add_argument("csv", type=Path)

    def handle(self, *args, action, **options):
        try:
            rows = read_canon_csv(options["csv"])
        except CanonFileError as exc:
            raise CommandError(str(exc)) from None
        report = import_canon(rows)
        for problem in report.problems:
            self.stderr.write(f"{options['csv']}, {problem}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(rows)} rows: {report.created} tags created, {report.updated} made canonical, "
                f"{report.unchanged} already canonical, {report.synonyms} synonyms linked."
            )
        )
