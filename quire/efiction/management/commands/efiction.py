"""`quire efiction import --sql DUMP.sql --stories DIR [--mapping FILE] --archivist NAME [--dry-run]`"""

import sys
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from quire.efiction.mapping import Mapping, MappingError
from quire.efiction.migrate import Migration
from quire.efiction.sqldump import DumpError
from quire.efiction.staging import Staging


class Progress:
    """A one-line progress bar on stderr, redrawn at most ten times a second."""

    def __init__(self, stream, enabled: bool):
        self.stream = stream
        self.enabled = enabled
        self.started = time.monotonic()
        self.last = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        width = 30
        filled = int(width * done / total) if total else width
        rate = done / max(now - self.started, 1e-9)
        self.stream.write(f"\r{stage:>8} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {rate:.0f}/s")
        if done >= total:
            self.stream.write("\n")
            self.started = time.monotonic()
        self.stream.flush()


class Command(BaseCommand):
    help = "Migrate an eFiction 3.5 archive: its MySQL dump and its stories/ folder."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["import"])
        parser.add_argument("--sql", required=True, metavar="DUMP.sql", help="the archive's MySQL dump")
        parser.add_argument("--stories", metavar="DIR", help="the archive's stories/ folder (text kept in files)")
        parser.add_argument("--mapping", metavar="FILE", help="TOML or JSON mapping of ratings, categories, classes")
        parser.add_argument("--archivist", metavar="NAME", help="the archivist account the works are archived by")
        parser.add_argument("--encoding", help="the dump's encoding (default: what it declares, else UTF-8)")
        parser.add_argument("--dry-run", action="store_true", help="say what would be created; change nothing")
        parser.add_argument("--no-invite", action="store_true", help="do not email authors the claim link")

    def handle(self, *args, action, sql, stories, mapping, archivist, encoding, dry_run, no_invite, **options):
        dump = Path(sql)
        if not dump.is_file():
            raise CommandError(f"No dump at {dump}.")
        if stories and not Path(stories).is_dir():
            raise CommandError(f"No stories folder at {stories}.")
        try:
            rules = Mapping.load(mapping)
        except MappingError as error:
            raise CommandError(str(error)) from error
        archivist_user = None
        if not dry_run:
            if not archivist:
                raise CommandError("Name the archivist the works are archived by: --archivist NAME.")
            archivist_user = get_user_model().objects.filter(username__iexact=archivist).first()
            if archivist_user is None:
                raise CommandError(f"No account named {archivist!r}.")
            if not archivist_user.is_archivist:
                raise CommandError(
                    f"{archivist_user.username} is not an archivist: run `quire archivist {archivist_user.username}`."
                )
        progress = Progress(self.stderr._out, enabled=options.get("verbosity", 1) >= 1 and sys.stderr.isatty())
        started = time.monotonic()
        with Staging() as staging:
            self.stderr.write(f"Reading {dump}…")
            try:
                staging.load(dump, encoding)
            except (DumpError, UnicodeError, LookupError) as error:
                raise CommandError(f"Cannot read {dump}: {error}") from error
            migration = Migration(
                staging,
                rules,
                stories_dir=Path(stories) if stories else None,
                archivist=archivist_user,
                dry_run=dry_run,
                invite=not no_invite,
                progress=progress,
            )
            report = migration.run()
        elapsed = time.monotonic() - started
        self.stdout.write(("Dry run: nothing was changed.\n" if dry_run else "") + "\n".join(report.lines()))
        self.stdout.write(f"Done in {elapsed:.1f} s.")
        if report.problems:
            raise CommandError(f"{len(report.problems)} problem(s), listed above; fix them and run again to finish.")
