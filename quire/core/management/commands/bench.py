"""`quire bench [NAME] [--small]`: Quire's benchmarks. Prints readable figures as it
goes, then all of them as one JSON object on the last line."""

import json

from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import setup_test_environment, teardown_test_environment


def _understanding(small: bool, works: int | None) -> dict:
    from quire.understanding.bench import run_bench

    return run_bench()


def _reading(small: bool, works: int | None) -> dict:
    from quire.core import bench_reading

    return _in_test_db(lambda: bench_reading.run(works or (200 if small else 2000), repeat=10 if small else 30))


def _search(small: bool, works: int | None) -> dict:
    from quire.search import bench as search_bench

    return _in_test_db(lambda: search_bench.run(works or (2000 if small else 20_000), repeat=10 if small else 30))


def _interactions(small: bool, works: int | None) -> dict:
    from quire.interactions.bench import run

    return run(small)  # makes and removes its own throw-away database


def _downloads(small: bool, works: int | None) -> dict:
    from quire.downloads.bench import run

    return run(small)


# name: (what it measures, function)
BENCHMARKS = {
    "understanding": ("story analyzer on about 1 MB of generated text", _understanding),
    "reading": ("works index and work pages over generated works", _reading),
    "search": ("search and facets over an AO3-shaped generated corpus", _search),
    "interactions": ("200 concurrent kudos and comments on one work", _interactions),
    "downloads": ("EPUB of a long generated work, beside Calibre's ebook-convert", _downloads),
}


def _in_test_db(measure):
    """Run `measure` on a throw-away test database, never the archive's own."""
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        return measure()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


class Command(BaseCommand):
    help = "Run the benchmarks: " + ", ".join(BENCHMARKS) + "."

    def add_arguments(self, parser):
        parser.add_argument("which", nargs="?", choices=list(BENCHMARKS), help="run only this benchmark")
        parser.add_argument("--only", choices=list(BENCHMARKS), help="the same as naming one")
        parser.add_argument("--small", action="store_true", help="small sizes, for CI")
        parser.add_argument("--works", type=int, help="corpus size for the reading and search benchmarks")

    def handle(self, *args, which, only, small, works, **options):
        chosen = [which or only] if (which or only) else list(BENCHMARKS)
        results = {}
        for number, name in enumerate(chosen, start=1):
            description, run = BENCHMARKS[name]
            self.stderr.write(f"[{number}/{len(chosen)}] {name}: {description}…")
            results[name] = run(small, works)
            self.stdout.write(f"{name}: {json.dumps(results[name])}")
        self.stdout.write(json.dumps(results))
