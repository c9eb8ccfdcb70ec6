"""One size of `quire bench import`, in its own process (see quire/efiction/bench.py)."""

import json

from django.core.management.base import BaseCommand

from quire.efiction.bench import measure


class Command(BaseCommand):
    help = "Internal: measure one eFiction migration size for `quire bench import`."

    def add_arguments(self, parser):
        parser.add_argument("stories", type=int)

    def handle(self, *args, stories, **options):
        self.stdout.write(json.dumps(measure(stories)))
