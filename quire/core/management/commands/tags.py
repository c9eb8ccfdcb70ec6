"""`quire tags import CSV`: load canonical tags (idempotent), then re-file every work.

In core, not tags: re-filing reads works, which sit above tags."""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quire.tags.canon import CanonFileError, import_canon, read_canon_csv
from quire.tags.models import Media, Tag, TagType
from quire.works.filing import recompute_all


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
        refiled = _refile_and_set_media(options["csv"])
        for problem in report.problems:
            self.stderr.write(f"{options['csv']}, {problem}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(rows)} rows: {report.created} tags created, {report.updated} made canonical, "
                f"{report.unchanged} already canonical, {report.synonyms} synonyms linked; "
                f"{refiled} works re-filed."
            )
        )


def _refile_and_set_media(path) -> int:
    """An optional `media` column (tv, books, movies, ...) sets fandoms' media; then
    every work is re-filed, since new synonyms may move works under canonical tags."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        for record in csv.DictReader(handle):
            media = (record.get("media") or "").strip().lower()
            if record.get("type", "").strip().lower() == "fandom" and media in Media.values:
                Tag.objects.of_type(TagType.FANDOM).named(record["name"]).filter(media="").update(media=media)
    return recompute_all()
