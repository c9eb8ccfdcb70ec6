"""`quire bench search`: the generated corpus is complete and consistent, a
corpus file is reused and never clobbers another database, and the timing
loop keeps to its budget."""

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management.base import CommandError
from django.db import connection

from quire.bench import search as bench
from quire.search.backends import search
from quire.search.backends.sql import SQLBackend, stats_available
from quire.search.models import SearchDocument
from quire.search.query import Query
from quire.tags.models import FilterTagging
from quire.works.models import Creatorship, Tagging, Work

QUERY_TYPES = {
    "large_fandom_by_updated",
    "fandom_two_tags_exclude_rating_by_kudos",
    "rare_tag_listing",
    "text_search_with_filters",
    "large_fandom_page_200",
}


def test_vocabulary_is_fixed_by_the_seed_and_every_word_is_one_unstemmed_term():
    words = bench.synthetic_vocabulary(11)
    assert words == bench.synthetic_vocabulary(11)
    assert words != bench.synthetic_vocabulary(12)
    assert len(set(words)) == bench.VOCABULARY_SIZE
    assert all(w.isalpha() and w[-1] in "ao" and len(w) >= 4 for w in words)
    assert not set(words) & set(bench.WORDS)


@pytest.mark.django_db
def test_corpus_rows_are_complete_and_consistent():
    tags = bench.build_corpus(300)
    assert Work.objects.count() == 300
    # Every work: one accepted credit, its search text, its stats; filter tags equal tags.
    assert Creatorship.objects.filter(accepted=True).values("work").distinct().count() == 300
    assert SearchDocument.objects.count() == 300
    if stats_available():
        from quire.interactions.models import WorkStats

        assert WorkStats.objects.count() == 300
    pairs = set(Tagging.objects.values_list("work_id", "tag_id"))
    assert 14 * 300 < len(pairs) < 19 * 300
    assert set(FilterTagging.objects.filter(inherited=False).values_list("work_id", "tag_id")) == pairs
    assert FilterTagging.objects.count() == len(pairs)
    connection.check_constraints()
    # Ids were chosen by hand: the next ORM insert must not collide (PostgreSQL sequences).
    last = Work.objects.order_by("-pk").values_list("pk", flat=True)[0]
    assert Work.objects.create(title="After the corpus").pk > last
    # The text-search words are each in a modest share of the works, not all of them.
    first_term = tags["text"].split()[0]
    found = search(Query(text=first_term), AnonymousUser(), facets=False, backend=SQLBackend()).total
    assert 5 <= found <= 120
    assert search(Query(text="harbour"), AnonymousUser(), facets=False).total < 200


@pytest.mark.django_db
def test_run_reports_every_query_for_every_backend():
    results = bench.run(150, repeat=2)
    assert results["corpus_reused"] is False
    assert results["post_to_searchable_ms"] > 0
    for name in ("sql", "bitmap"):
        if name not in results:
            continue
        assert set(results[name]["queries"]) == QUERY_TYPES
        for figures in results[name]["queries"].values():
            assert figures["runs"] == 2
            if name != "sql":
                assert isinstance(figures["agrees_with_sql"], bool)
    # The works posted to time freshness are gone again.
    assert Work.objects.count() == 150


def test_timed_runs_keep_to_the_budget(monkeypatch):
    calls = []
    assert len(bench._timed_runs(lambda: calls.append(1), repeat=30)) == 30
    monkeypatch.setattr(bench, "QUERY_BUDGET_S", 0.0)
    assert len(bench._timed_runs(lambda: None, repeat=30)) == bench.MIN_RUNS
    assert len(bench._timed_runs(lambda: None, repeat=3)) == 3


def test_a_corpus_file_is_kept_restarted_or_refused(tmp_path):
    path = tmp_path / "corpus.sqlite3"
    bench.prepare_corpus_file(path, 1000)
    assert bench._read_marker(path) == (1000, bench.SEED, False)
    # An interrupted build starts over from an empty file.
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE leftovers (x)")
    bench.prepare_corpus_file(path, 1000)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT name FROM sqlite_master WHERE name = 'leftovers'").fetchone() is None
        db.execute("UPDATE quire_bench_corpus SET complete = 1")
    bench.prepare_corpus_file(path, 1000)  # complete: kept as it is
    assert bench._read_marker(path) == (1000, bench.SEED, True)
    with pytest.raises(CommandError, match="1,000 works"):
        bench.prepare_corpus_file(path, 2000)

    archive = tmp_path / "quire.sqlite3"
    with sqlite3.connect(archive) as db:
        db.execute("CREATE TABLE works_work (id integer)")
    with pytest.raises(CommandError, match="not a bench corpus"):
        bench.prepare_corpus_file(archive, 1000)
    assert sqlite3.connect(archive).execute("SELECT count(*) FROM works_work").fetchone() == (0,)


def test_bench_command_builds_a_corpus_file_once_and_reuses_it(tmp_path):
    env = {**os.environ, "QUIRE_DATA_DIR": str(tmp_path), "QUIRE_DATABASE_URL": f"sqlite:///{tmp_path}/unused.sqlite3"}
    corpus = tmp_path / "corpus.sqlite3"

    def bench_once() -> tuple[dict, str]:
        result = subprocess.run(
            [sys.executable, "-m", "quire.manage", "bench", "search", "--works", "300", "--corpus", str(corpus)],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout.splitlines()[-1])["search"], result.stderr

    first, progress = bench_once()
    assert first["corpus_reused"] is False
    assert "built 300/300 works" in progress
    second, progress = bench_once()
    assert second["corpus_reused"] is True
    assert "built" not in progress

    def totals(results):
        return {q: figures["total"] for q, figures in results["sql"]["queries"].items()}

    assert totals(second) == totals(first)
