"""`quire analyze FILE [--canon CSV] [--json]`: read a story as fans paste it.

The analyzer is pure Python (quire.understanding); this command hands it the
arguments untouched so its CLI, its report and its error messages are the same
whether it runs here or as `python -m quire.understanding.cli`.
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from quire.understanding.cli import main


class Command(BaseCommand):
    help = "Analyze a story file: its parts (notes, summary, chapters) and suggested tags."

    def run_from_argv(self, argv):
        # argv is ["quire", "analyze", ...]; the analyzer's CLI takes "analyze ..." itself.
        sys.exit(main(argv[1:]))

    def add_arguments(self, parser):
        parser.add_argument("args", nargs="*", help="FILE [--canon CSV] [--json]")

    def handle(self, *args, **options):  # reached through call_command only

        status = main(["analyze", *args], stdout=self.stdout, stderr=self.stderr)
        if status:
            raise CommandError(f"analyze exited with status {status}")
