"""One search index per machine: `warmup.warm()` builds it in a server's master
before the workers fork, leaves no database connection open across the fork,
and workers forked after it answer from it; changes posted after it still show
in the next search (the change log on top). The compact layout keeps every
number exact when it outgrows its integer type."""

import json
import os

import numpy as np
import pytest
from django.contrib.auth.models import AnonymousUser

from quire.search import warmup
from quire.search.backends import bitmap as bitmap_module
from quire.search.backends import search
from quire.search.backends.bitmap import BitmapIndex
from quire.search.backends.sql import SQLBackend
from quire.search.query import Query
from quire.tags.models import Tag
from tests.factories import make_work

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(monkeypatch):
    """Records warm()'s closing of connections instead of closing the test's own
    (its transaction holds the rows the test made)."""
    calls = []
    monkeypatch.setattr(warmup.connections, "close_all", lambda: calls.append(True))
    yield calls
    import gc

    gc.unfreeze()


def test_warm_builds_the_index_once_and_later_posts_are_found(author, closed):
    first = make_work(author, "Harbour Lights", fandoms=("Fandom Warm",))
    assert bitmap_module._shared is None

    index = warmup.warm()

    assert index is not None and bitmap_module.shared_index() is index
    assert closed == [True], "no database connection may be left open across the fork"
    # The text sorts are built too, so no worker builds them privately later.
    assert {"title", "creator"} <= set(index.ordered)

    second = make_work(author, "Harbour Nights", fandoms=("Fandom Warm",))
    fandom = Tag.objects.get(name="Fandom Warm").pk
    found = search(Query(include=(fandom,)), AnonymousUser())
    reference = SQLBackend().search(Query(include=(fandom,)), AnonymousUser())
    assert set(found.ids) == {first.pk, second.pk}
    assert (found.ids, found.total) == (reference.ids, reference.total)
    assert bitmap_module.shared_index() is index, "the posted work was applied on top, not by a rebuild"


def test_warm_with_the_sql_backend_builds_nothing(author, settings, closed):
    settings.SEARCH_BACKEND = "sql"
    assert warmup.warm() is None
    assert bitmap_module._shared is None
    settings.SEARCH_BACKEND = "bitmap"  # positive control: the same call builds with the bitmap backend
    assert warmup.warm() is bitmap_module._shared is not None


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_worker_forked_after_warm_answers_from_the_masters_index(author, closed):
    works = [make_work(author, f"Ferry {n}", fandoms=("Fandom Fork",)) for n in range(3)]
    make_work(author, "Elsewhere", fandoms=("Fandom Other",))
    index = warmup.warm()
    fandom = Tag.objects.get(name="Fandom Fork").pk
    query = Query(include=(fandom,), sort="title")

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: no database, only the inherited index
        try:
            result = index.search(query, AnonymousUser())
            os.write(write, json.dumps([result.ids, result.total]).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as answer:
        ids, total = json.loads(answer.read())
    os.waitpid(pid, 0)

    reference = SQLBackend().search(query, AnonymousUser())
    assert (ids, total) == (reference.ids, reference.total) == (sorted(w.pk for w in works), 3)


def test_tag_matrix_and_counts_widen_instead_of_wrapping(author):
    work = make_work(author, "Salt")
    index = BitmapIndex().build()
    assert index.matrix.dtype == np.uint16, "small archives use the smallest type"

    big_tag = 70_000  # past uint16: numpy would silently wrap it to 4,464
    index._fit_tags(big_tag)
    index._set_row(work.pk, np.array([5, big_tag], dtype=np.int64))
    assert sorted(index._row(work.pk).tolist()) == [5, big_tag]

    index._count("hits", work.pk, 3_000_000_000)  # past int32
    index._count("words", work.pk, 1234)
    assert int(index.stats["hits"][work.pk]) == 3_000_000_000
    assert int(index.words[work.pk]) == 1234


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_bench_reports_machine_memory_for_forked_workers_sharing_the_index(author):
    from quire.bench import search as bench

    make_work(author, "Lantern", fandoms=("Fandom Bench",))
    fandom = Tag.objects.get(name="Fandom Bench").pk
    try:
        figures = bench.memory_by_workers({"listing": Query(include=(fandom,))}, 2)
    finally:
        import gc

        gc.unfreeze()
    assert [f["workers"] for f in figures] == [1, 2]
    for f in figures:
        assert f["index"] == "shared"
        assert f["worker_uss_mb"] > 0 and f["master_pss_mb"] > 0
        assert f["machine_pss_mb"] == pytest.approx(f["master_pss_mb"] + f["workers_pss_mb"], abs=0.2)
    # The test's own rows are still there: no connection was closed under its transaction.
    assert Tag.objects.filter(name="Fandom Bench").exists()
