"""`quire bench [NAME] [--small] [--works N] [--corpus PATH]`: Quire's benchmarks.
Prints readable figures as it goes, then all of them as one JSON object on the last line."""

import json as _json
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import setup_test_environment, teardown_test_environment

from quire.bench import downloads as bench_downloads
from quire.bench import exchange as bench_exchange
from quire.bench import http as bench_http
from quire.bench import interactions as bench_interactions
from quire.bench import reading as bench_reading
from quire.bench import search as search_bench
from quire.efiction import bench as efiction_bench
from quire.understanding import bench as understanding_bench
from quire.understanding import scoring
from quire.understanding.model import AnalyzeError

# The story-understanding corpus and the Webis passages, scored when they are present.
ROOT = Path(__file__).resolve().parents[4]
DEFAULT_UNDERSTANDING_CORPUS = ROOT / "corpus" / "understanding"
DEFAULT_WEBIS = ROOT.parent / "shared" / "data" / "webis-trigger-warnings" / "dev.jsonl"


def _understanding(small: bool, works: int | None, corpus: str | None, canon: str | None = None,
                   webis: str | None = None, report=None) -> dict:
    """The 1 MB speed bench, then the corpus score (`--corpus DIR`, else corpus/understanding
    when it exists; a --corpus that is not a folder is the search bench's SQLite file) and the
    Webis passage score (`--webis FILE`, else ../shared's dev.jsonl when it exists)."""
    if corpus and not Path(corpus).is_dir() and Path(corpus).suffix not in (".sqlite3", ".sqlite", ".db"):
        raise CommandError(f"{corpus}: no such folder. Give the understanding corpus folder "
                           "(it holds one gold JSON per work), e.g. corpus/understanding.")
    result = understanding_bench.run_bench()
    folder = Path(corpus) if corpus and Path(corpus).is_dir() else DEFAULT_UNDERSTANDING_CORPUS
    webis_path = Path(webis) if webis else (DEFAULT_WEBIS if DEFAULT_WEBIS.is_file() else None)
    try:
        if folder.is_dir():
            result["corpus"] = scoring.score_corpus(folder, canon)
        if webis_path is not None:
            result["webis"] = scoring.score_webis(webis_path)
    except AnalyzeError as exc:
        raise CommandError(str(exc)) from None
    if report is not None and ("corpus" in result or "webis" in result):
        report(scoring.format_score(result.get("corpus"), result.get("webis")))
    return result


def _reading(small: bool, works: int | None, corpus: str | None) -> dict:
    return _in_test_db(lambda: bench_reading.run(works or (200 if small else 2000), repeat=10 if small else 30))


def _search(small: bool, works: int | None, corpus: str | None, workers: int = 4, own_index: bool = False) -> dict:
    works = works or (2000 if small else 20_000)
    repeat = 10 if small else 30
    if not corpus:
        if own_index:
            raise CommandError("--own-index needs --corpus: workers open the corpus file themselves")
        return _in_test_db(lambda: search_bench.run(works, repeat, workers=workers))
    path = Path(corpus).resolve()
    return _in_corpus_db(
        path, works, lambda: search_bench.run(works, repeat, corpus=path, workers=workers, own_index=own_index)
    )


def _interactions(small: bool, works: int | None, corpus: str | None) -> dict:
    return bench_interactions.run(small)  # makes and removes its own throw-away database


def _downloads(small: bool, works: int | None, corpus: str | None) -> dict:
    return bench_downloads.run(small)


def _import(small: bool, works: int | None, corpus: str | None) -> dict:
    return efiction_bench.run(small, works)  # each size in a process and throw-away database of its own


def _http(small: bool, works: int | None, corpus: str | None, db: str = "sqlite", report=None,
          dev_server: bool = False) -> dict:
    # Its own throw-away archive, server and clients (subprocesses), never this database.
    return bench_http.run(small, works, db=db, report=report or (lambda line: None), dev_server=dev_server)


def _exchange(small: bool, works: int | None, corpus: str | None) -> list:
    import sys

    # Progress on stderr, so the JSON stays the last line of stdout.
    return bench_exchange.run(small, report=lambda line: print(line, file=sys.stderr, flush=True))["exchange"]


# name: (what it measures, function)
BENCHMARKS = {
    "understanding": ("story analyzer on about 1 MB of generated text", _understanding),
    "reading": ("works index and work pages over generated works", _reading),
    "search": ("search and facets over an AO3-shaped generated corpus", _search),
    "interactions": ("200 concurrent kudos and comments on one work", _interactions),
    "downloads": ("EPUB of a long generated work, beside Calibre's ebook-convert", _downloads),
    "exchange": ("gift-exchange matching at 500, 2,000 and 5,000 participants against the proven maximum",
                 _exchange),
    "import": ("eFiction 3.5 migration of a generated archive, works/s and peak memory at two sizes", _import),
    "http": ("the production server over real HTTP: read mixes, 200 writers, beside a trivial view", _http),
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
    if connection.vendor != "sqlite":
        raise CommandError("--corpus keeps the corpus in an SQLite file; it needs QUIRE_DATABASE_URL on SQLite")
    search_bench.prepare_corpus_file(path, works)
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
            help="search (SQLite): build the corpus into this file, or reuse the complete one it holds; "
            "understanding: the folder of gold-annotated works to score (default corpus/understanding)",
        )
        parser.add_argument("--canon", metavar="CSV", help="understanding: canon for the corpus "
                            "(default: the corpus folder's canon.csv)")
        parser.add_argument("--webis", metavar="FILE", help="understanding: Webis trigger-warning "
                            "passages (default ../shared/data/webis-trigger-warnings/dev.jsonl if present)")
        parser.add_argument("--json", action="store_true", help="print only the JSON line")
        parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite",
                            help="http: the database of the throw-away archive (postgres: the server in "
                            "QUIRE_BENCH_POSTGRES, default postgres://postgres@127.0.0.1:5432/postgres)")
        parser.add_argument("--dev-server", action="store_true",
                            help="http: measure Django's development server instead (for comparison)")
        parser.add_argument("--workers", type=int, default=4, metavar="N",
                            help="search: memory of 1, 2, 4 … N forked workers sharing the index (0: skip)")
        parser.add_argument("--own-index", action="store_true",
                            help="search (with --corpus): also measure each worker building its own index")

    def handle(self, *args, which, only, small, works, corpus, canon=None, webis=None, json=False,
               db="sqlite", dev_server=False, workers=4, own_index=False, **options):
        as_json = json
        chosen = [which or only] if (which or only) else list(BENCHMARKS)
        results = {}
        for number, name in enumerate(chosen, start=1):
            description, run = BENCHMARKS[name]
            self.stderr.write(f"[{number}/{len(chosen)}] {name}: {description}…")
            if name == "understanding":
                report = None if as_json else self.stdout.write
                results[name] = run(small, works, corpus, canon=canon, webis=webis, report=report)
            elif name == "http":
                results[name] = run(small, works, corpus, db=db, report=self.stderr.write, dev_server=dev_server)
            elif name == "search":
                results[name] = run(small, works, corpus, workers=workers, own_index=own_index)
            else:
                results[name] = run(small, works, corpus)
            if not as_json:
                brief = _brief(results[name]) if name == "understanding" else results[name]
                self.stdout.write(f"{name}: {_json.dumps(brief)}")
        self.stdout.write(_json.dumps(results))


def _brief(result: dict) -> dict:
    """The understanding figures for its readable line: the corpus score without per-work detail."""
    if not isinstance(result.get("corpus"), dict):
        return result
    corpus = {k: v for k, v in result["corpus"].items() if k not in ("per_work", "by_fandom")}
    return result | {"corpus": corpus}
