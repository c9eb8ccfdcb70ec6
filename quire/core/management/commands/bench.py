"""`quire bench`: Quire's benchmarks. Prints readable figures, then all of them as
one JSON object on the last line."""

import json

from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import setup_test_environment, teardown_test_environment


class Command(BaseCommand):
    help = "Run the benchmarks (story analyzer, reading pages)."

    def add_arguments(self, parser):
        parser.add_argument("--small", action="store_true", help="small sizes, for CI")
        parser.add_argument("--only", choices=["understanding", "reading"], help="run one benchmark")

    def handle(self, *args, small, only, **options):
        results = {}
        if only in (None, "understanding"):
            from quire.understanding.bench import run_bench

            self.stderr.write("Story analyzer: analyzing about 1 MB of generated text…")
            results["understanding"] = run_bench()
            self.stdout.write(f"understanding: {json.dumps(results['understanding'])}")
        if only in (None, "reading"):
            works = 200 if small else 2000
            self.stderr.write(f"Reading pages: building {works} works in a throw-away test database…")
            results["reading"] = self._reading(works, repeat=10 if small else 30)
            self.stdout.write(f"reading: {json.dumps(results['reading'])}")
        self.stdout.write(json.dumps(results))

    def _reading(self, works: int, repeat: int) -> dict:
        from quire.core import bench_reading

        setup_test_environment()
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            return bench_reading.run(works, repeat)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()
