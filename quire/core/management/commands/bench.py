"""`quire bench [NAME] [--small] [--works N] [--corpus PATH]`: Quire's benchmarks.
Prints readable figures as it goes, then all of them as one JSON object on the last line."""

import json
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import setup_test_environment, teardown_test_environment


def _understanding(small: bool, works: int | None, corpus: str | None) -> dict:
    from quire.understanding.bench import run_bench

    return run_bench()


def _reading(small: bool, works: int | None, corpus: str | None) -> dict:
    from quire.core import bench_reading

    return _in_test_db(lambda: bench_reading.run(works or (200 if small else 2000), repeat=10 if small else 30))


def _search(small: bool, works: int | None, corpus: str | None) -> dict:
    from quire.search import bench as search_bench

    works = works or (2000 if small else 20_000)
    repeat = 10 if small else 30
    if not corpus:
        return _in_test_db(lambda: search_bench.run(works, repeat))
    path = Path(corpus).resolve()
    return _in_corpus_db(path, works, lambda: search_bench.run(works, repeat, corpus=path))


def _interactions(small: bool, works: int | None, corpus: str | None) -> dict:
    from quire.interactions.bench import run

    return run(small)  # makes and removes its own throw-away database


def _downloads(small: bool, works: int | None, corpus: str | None) -> dict:
    from quire.downloads.bench import run

    return run(small)


def _import(small: bool, works: int | None, corpus: str | None) -> dict:
    from quire.efiction.bench import run

    return run(small, works)  # each size in a process and throw-away database of its own


# name: (what it measures, function)
BENCHMARKS = {
    "understanding": ("story analyzer on about 1 MB of generated text", _understanding),
    "reading": ("works index and work pages over generated works", _reading),
    "search": ("search and facets over an AO3-shaped generated corpus", _search),
    "interactions": ("200 concurrent kudos and comments on one work", _interactions),
    "downloads": ("EPUB of a long generated work, beside Calibre's ebook-convert", _downloads),
    "import": ("eFiction 3.5 migration of a generated archive, works/s and peak memory at two sizes", _import),
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


def _in_corpus_db(path: Path, works: int, measure):
    """Run `measure` on the SQLite file `path`, migrated first and kept after,
    so a big search corpus is built once and measured many times."""
    from quire.search.bench import prepare_corpus_file

    if connection.vendor != "sqlite":
        raise CommandError("--corpus keeps the corpus in an SQLite file; it needs QUIRE_DATABASE_URL on SQLite")
    prepare_corpus_file(path, works)
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = str(path)
    try:
        # Also brings an older corpus file up to migrations added since it was built.
        call_command("migrate", verbosity=0, interactive=False)
        return measure()
    finally:
        connection.close()
        connection.settings_dict["NAME"] = old_name
        teardown_test_environment()


class Command(BaseCommand):
    help = "Run the benchmarks: " + ", ".join(BENCHMARKS) + "."

    def add_arguments(self, parser):
        parser.add_argument("which", nargs="?", choices=list(BENCHMARKS), help="run only this benchmark")
        parser.add_argument("--only", choices=list(BENCHMARKS), help="the same as naming one")
        parser.add_argument("--small", action="store_true", help="small sizes, for CI")
        parser.add_argument(
            "--works", type=int, help="corpus size for the reading and search benchmarks; stories for import"
        )
        parser.add_argument(
            "--corpus",
            metavar="PATH",
            help="search (SQLite): build the corpus into this file, or reuse the complete one it holds",
        )

    def handle(self, *args, which, only, small, works, corpus, **options):
        chosen = [which or only] if (which or only) else list(BENCHMARKS)
        results = {}
        for number, name in enumerate(chosen, start=1):
            description, run = BENCHMARKS[name]
            self.stderr.write(f"[{number}/{len(chosen)}] {name}: {description}…")
            results[name] = run(small, works, corpus)
            self.stdout.write(f"{name}: {json.dumps(results[name])}")
        self.stdout.write(json.dumps(results))
