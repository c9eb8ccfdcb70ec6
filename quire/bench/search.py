"""`quire bench search`: an AO3-shaped corpus and a fixed mix of listing and
search queries, timed against each search backend (the SQL reference, and the
in-memory bitmap index when `quire.search.backends.bitmap` is there).

The corpus: Zipf-popular fandoms and tags, about 16 tags a work, heavy-tailed
(Pareto) word counts, kudos, hits, comments and bookmarks, updates spread over
five years, a few languages, multi-chapter and unfinished works, some
restricted (~5%) and draft (~2%) works. The text is drawn Zipf-distributed
from 20,000 made-up words with English words sprinkled in, so a two-word
search matches a percent or two of the works, not all of them. A work has a
3-word title, a 20-word summary and an 80-word body: short, so a million
documents go through the full-text index in minutes, yet enough for bm25 to rank.

Rows are written with raw SQL, a batch per transaction (COPY on PostgreSQL),
ids chosen here: the ORM's bulk_create took 15 minutes per 100,000 works and
the workflows in services.py would take hours. Filter tags equal tags here
because every generated tag is canonical.

The corpus lives in a throw-away test database, or with `--corpus PATH`
(SQLite) in a file kept for the next run: a million works are built once and
measured as often as needed.
"""

import ctypes
import gc
import itertools
import json
import os
import random
import resource
import sqlite3
import statistics
import sys
import time
from contextlib import closing, contextmanager
from datetime import timedelta
from pathlib import Path

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from quire.accounts.models import User
from quire.interactions.models import WorkStats
from quire.search.backends import bitmap, search
from quire.search.backends.bitmap import BitmapBackend, build_shared
from quire.search.backends.sql import SQLBackend, stats_available
from quire.search.models import SearchDocument
from quire.search.query import Query
from quire.tags.models import FilterTagging, Tag, TagType
from quire.works import services
from quire.works.models import Chapter, Creatorship, Tagging, Work

SEED = 11
WORDS = (
    "lantern orchard river quiet letter window morning tide salt harbour violin stage understudy song "
    "winter kitchen promise secret garden storm ferry bridge candle ribbon archive map ghost crown"
).split()
VOCABULARY_SIZE = 20_000
ENGLISH_SHARE = 0.1  # of all the words in titles, summaries and bodies
TITLE_WORDS, SUMMARY_WORDS, BODY_WORDS = 3, 20, 80
# Each text-search term is in about this share of works, so both are in about 1.2%.
TEXT_TERM_SHARE = 0.11
LANGUAGES = {"en": 85, "es": 3, "fr": 2, "de": 2, "zh": 2, "ru": 2, "pt": 1, "ja": 1, "it": 1, "ko": 1}
FIVE_YEARS_MIN = 60 * 24 * 365 * 5
BATCH = 10_000  # works per transaction
PROGRESS_EVERY = 50_000
MIN_RUNS, QUERY_BUDGET_S = 5, 20.0  # per backend and query type
CORPUS_TABLE = "quire_bench_corpus"


# --- text -------------------------------------------------------------------------
_CONSONANTS, _VOWELS = "bdfgklmnprstvz", "aiou"
# Neither the Porter stemmer (FTS5) nor Snowball (PostgreSQL) touches a word
# ending in a or o, and no stop word is one of these: each made-up word is one term.
_ENDINGS = "ao"


def synthetic_vocabulary(seed: int = SEED, size: int = VOCABULARY_SIZE) -> list[str]:
    """`size` distinct pronounceable made-up words of 2 to 4 syllables, the same for a seed."""
    rng = random.Random(f"vocabulary {seed}")
    words: dict[str, None] = {}
    while len(words) < size:
        syllables = [rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(rng.randint(1, 3))]
        words.setdefault("".join(syllables) + rng.choice(_CONSONANTS) + rng.choice(_ENDINGS))
    return list(words)


class _Text:
    """Words drawn Zipf-distributed (s=1) from the made-up vocabulary, English ones sprinkled in."""

    def __init__(self, rng: random.Random, seed: int):
        self.rng = rng
        self.vocabulary = synthetic_vocabulary(seed)
        zipf = [1 / rank for rank in range(1, len(self.vocabulary) + 1)]
        scale = (1 - ENGLISH_SHARE) / sum(zipf)
        self.shares = [w * scale for w in zipf]
        self.words = self.vocabulary + WORDS
        self.cumulative = list(itertools.accumulate(self.shares + [ENGLISH_SHARE / len(WORDS)] * len(WORDS)))

    def draw(self, k: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=k)

    def search_terms(self) -> str:
        """Two adjacent mid-frequency words, each expected in about TEXT_TERM_SHARE of the works."""
        per_work = TITLE_WORDS + SUMMARY_WORDS + BODY_WORDS
        for rank, share in enumerate(self.shares):
            if 1 - (1 - share) ** per_work <= TEXT_TERM_SHARE:
                return f"{self.vocabulary[rank]} {self.vocabulary[rank + 1]}"
        raise AssertionError("the vocabulary is too small for TEXT_TERM_SHARE")


def _zipf_picker(rng: random.Random, n: int, s: float = 1.1):
    cumulative = list(itertools.accumulate(1 / (rank**s) for rank in range(1, n + 1)))
    population = range(n)

    def pick(k: int = 1) -> list[int]:
        return rng.choices(population, cum_weights=cumulative, k=k)

    return pick


# --- raw inserts --------------------------------------------------------------------
class _Table:
    """Raw INSERTs into one model's table: the columns the bench generates, in
    that order, then every other column at the model's default, so a NOT NULL
    column is never left out (PostgreSQL's generated tsvector is no model field)."""

    def __init__(self, model, generated: list[str]):
        self.model = model
        meta = model._meta
        fields = [meta.get_field(name) for name in generated]
        rest = [f for f in meta.concrete_fields if f not in fields]
        self.name = meta.db_table
        self.columns = [f.column for f in fields + rest]
        self.defaults = tuple(f.get_db_prep_save(f.get_default(), connection) for f in rest)

    def next_id(self, cursor) -> int:
        cursor.execute(f"SELECT COALESCE(MAX({_quote(self.columns[0])}), 0) + 1 FROM {_quote(self.name)}")  # noqa: S608
        return cursor.fetchone()[0]

    def insert(self, cursor, rows: list[tuple]) -> None:
        if self.defaults:
            rows = [row + self.defaults for row in rows]
        columns = ", ".join(map(_quote, self.columns))
        # Only table and column names from the models are interpolated; values are bound.
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {_quote(self.name)} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(self.columns))
            cursor.executemany(f"INSERT INTO {_quote(self.name)} ({columns}) VALUES ({placeholders})", rows)  # noqa: S608


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


# --- the corpus ---------------------------------------------------------------------
class _Corpus:
    """Draws the works one at a time from one seeded Random (so a corpus is the
    same every run) and writes them a batch per transaction."""

    def __init__(self, works: int, seed: int):
        self.works = works
        self.rng = random.Random(seed)
        self.text = _Text(self.rng, seed)
        self.now = timezone.now()
        self.when = connection.ops.adapt_datetimefield_value  # a string on SQLite
        self.languages = list(LANGUAGES)
        self.language_cumulative = list(itertools.accumulate(LANGUAGES.values()))
        self.has_stats = stats_available()
        self.tables = {
            "work": _Table(
                Work,
                ["id", "title", "summary", "is_draft", "restricted", "word_count", "chapter_count",
                 "expected_chapters", "language", "published_at", "updated_at", "created_at", "modified_at"],
            ),
            "tagging": _Table(Tagging, ["id", "work", "tag"]),
            "filter": _Table(FilterTagging, ["id", "work", "tag", "inherited"]),
            "credit": _Table(Creatorship, ["id", "work", "pseud", "accepted", "created_at"]),
            "document": _Table(SearchDocument, ["work", "title", "summary", "creators", "body"]),
        }
        if self.has_stats:
            self.tables["stats"] = _Table(
                WorkStats, ["id", "work", "kudos", "hits", "comments", "bookmarks", "subscriptions"]
            )

    def make_tags(self, cursor) -> dict:
        n_fandoms = max(20, self.works // 50)
        self.fixed = [
            list(Tag.objects.filter(type=t).values_list("pk", flat=True))
            for t in (TagType.RATING, TagType.WARNING, TagType.CATEGORY)
        ]
        self.fandoms = self._tags(cursor, "Bench Fandom", TagType.FANDOM, n_fandoms)
        # Eight characters a fandom, and a ship for each pair of them.
        self.characters = self._tags(cursor, "Bench Character", TagType.CHARACTER, n_fandoms * 8)
        self.ships = self._tags(cursor, "Bench Ship", TagType.RELATIONSHIP, n_fandoms * 4)
        self.freeforms = self._tags(cursor, "Bench Trope", TagType.FREEFORM, max(200, self.works // 20))
        self.pick_fandom = _zipf_picker(self.rng, n_fandoms)
        self.pick_local = _zipf_picker(self.rng, 8)
        self.pick_freeform = _zipf_picker(self.rng, len(self.freeforms))
        return {
            "fandoms": list(self.fandoms),
            "freeforms": list(self.freeforms),
            "characters": list(self.characters),
            "text": self.text.search_terms(),
        }

    def _tags(self, cursor, prefix: str, tag_type: str, count: int) -> range:
        table = _Table(Tag, ["id", "name", "type", "canonical", "created_at"])
        first = table.next_id(cursor)
        created = self.when(self.now)
        table.insert(cursor, [(first + i, f"{prefix} {i}", tag_type, True, created) for i in range(count)])
        return range(first, first + count)

    def make_users(self) -> None:
        users = [User.objects.create_user(f"benchuser{i}", f"benchuser{i}@example.invalid", None) for i in range(20)]
        self.pseuds = [(u.default_pseud.pk, u.default_pseud.name) for u in users]

    def write(self, cursor, first_work: int, count: int) -> None:
        """Works first_work … first_work + count - 1 and all their rows."""
        ids = {name: table.next_id(cursor) for name, table in self.tables.items() if name not in ("work", "document")}
        rows: dict[str, list[tuple]] = {name: [] for name in self.tables if name != "filter"}
        for work_id in range(first_work, first_work + count):
            self._work(work_id, rows)
        for name, table_rows in rows.items():
            if name in ids:  # a generated id first: number the rows in order
                table_rows = [(ids[name] + i, *row) for i, row in enumerate(table_rows)]
            self.tables[name].insert(cursor, table_rows)
        _copy_taggings_to_filters(cursor, self.tables["filter"], ids["tagging"], len(rows["tagging"]), ids["filter"])

    def _work(self, work_id: int, rows: dict[str, list[tuple]]) -> None:
        rng = self.rng
        words = self.text.draw(TITLE_WORDS + SUMMARY_WORDS + BODY_WORDS)
        title = " ".join(words[:TITLE_WORDS]).title()
        summary = " ".join(words[TITLE_WORDS : TITLE_WORDS + SUMMARY_WORDS])
        body = " ".join(words[TITLE_WORDS + SUMMARY_WORDS :])
        draft = rng.random() < 0.02
        chapters, expected = _chapters(rng)
        age = rng.randint(0, FIVE_YEARS_MIN)  # minutes since the last update
        updated = self.now - timedelta(minutes=age)
        # A work of many chapters was first posted earlier, within the same five years.
        published = updated if chapters == 1 else self.now - timedelta(minutes=rng.randint(age, FIVE_YEARS_MIN))
        published, updated = self.when(published), self.when(updated)
        language = rng.choices(self.languages, cum_weights=self.language_cumulative)[0]
        pseud_id, pseud_name = rng.choice(self.pseuds)
        rows["work"].append((
            work_id, title, summary, draft, rng.random() < 0.05,
            min(int(rng.paretovariate(1.2) * 600 * chapters), 5_000_000),
            0 if draft else chapters, expected, language,
            None if draft else published, None if draft else updated, published, updated,
        ))  # fmt: skip
        rows["tagging"] += [(work_id, tag_id) for tag_id in self._tag_ids()]
        rows["credit"].append((work_id, pseud_id, True, published))
        rows["document"].append((work_id, title, summary, pseud_name, "" if draft else body))
        if self.has_stats:
            rows["stats"].append((work_id, *_stats(rng)))

    def _tag_ids(self) -> set[int]:
        rng = self.rng
        tag_ids = {rng.choice(tags) for tags in self.fixed}
        for f in self.pick_fandom(2 if rng.random() < 0.05 else 1):  # 5% crossovers
            tag_ids.add(self.fandoms[f])
            tag_ids.update(self.characters[f * 8 + c] for c in self.pick_local(4))
            tag_ids.update(self.ships[(f * 8 + c) // 2] for c in self.pick_local(2))
        tag_ids.update(self.freeforms[t] for t in self.pick_freeform(8))
        return tag_ids


def _copy_taggings_to_filters(cursor, filters: _Table, first_tagging: int, count: int, first_filter: int) -> None:
    """Every tag is canonical with no parents, so a work's filter tags are its
    tags: copied inside the database, which is much quicker than binding the
    same rows again from Python."""
    tagging = Tagging._meta
    pk = _quote(tagging.pk.column)
    sources = [f"{pk} + %s", _quote(tagging.get_field("work").column), _quote(tagging.get_field("tag").column)]
    sources += ["%s"] * (1 + len(filters.defaults))  # inherited, then the defaults
    cursor.execute(
        f"INSERT INTO {_quote(filters.name)} ({', '.join(map(_quote, filters.columns))}) "  # noqa: S608
        f"SELECT {', '.join(sources)} FROM {_quote(tagging.db_table)} WHERE {pk} BETWEEN %s AND %s ORDER BY {pk}",
        [first_filter - first_tagging, False, *filters.defaults, first_tagging, first_tagging + count - 1],
    )


def _chapters(rng: random.Random) -> tuple[int, int | None]:
    """(chapters posted, chapters expected): mostly one-shots, some long, some unfinished."""
    roll = rng.random()
    if roll < 0.55:
        return 1, 1
    planned = min(int(rng.paretovariate(1.3)) + 1, 200)
    if roll < 0.8:
        return planned, planned
    return rng.randint(1, planned - 1), (planned if roll < 0.9 else None)


def _stats(rng: random.Random) -> tuple[int, int, int, int, int]:
    """kudos, hits, comments, bookmarks, subscriptions: Pareto-tailed, capped so no
    column overflows a 32-bit integer."""
    kudos = min(int((rng.paretovariate(1.1) - 1) * 20), 500_000)
    hits = kudos * rng.randint(5, 30) + rng.randint(0, 50)
    comments = min(int((rng.paretovariate(1.3) - 1) * 4), 50_000) if rng.random() < 0.6 else 0
    bookmarks = int(kudos * rng.random() * 0.2)
    subscriptions = int(bookmarks * rng.random() * 0.3)
    return kudos, hits, comments, bookmarks, subscriptions


def build_corpus(works: int, seed: int = SEED) -> dict:
    """Write `works` works (and users, tags, taggings, credits, search text and
    stats) into the current database; returns the tag ids `query_mix` needs."""
    corpus = _Corpus(works, seed)
    start = time.perf_counter()
    with _fast_sqlite_writes(), connection.constraint_checks_disabled(), connection.cursor() as cursor:
        corpus.make_users()
        with transaction.atomic():
            tags = corpus.make_tags(cursor)
        first = _Table(Work, ["id"]).next_id(cursor)
        for done in range(0, works, BATCH):
            with transaction.atomic():
                corpus.write(cursor, first + done, min(BATCH, works - done))
            _progress(done + min(BATCH, works - done), works, start)
        _finish(cursor, [Tag] + [table.model for table in corpus.tables.values()])
    return tags


@contextmanager
def _fast_sqlite_writes():
    """On SQLite, no fsync at each commit and a 1 GB page cache while building.
    The database is a throw-away one, or a corpus file that is rebuilt from
    scratch if a build is interrupted, so losing it to a crash costs nothing;
    and with seven indexes over the 16 taggings a work, a small cache means
    rereading index pages for every batch. The settings are put back after,
    so queries are measured as the archive runs them."""
    saved = {}
    # PRAGMA synchronous can't change inside a transaction (a test's).
    if connection.vendor == "sqlite" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            for pragma, value in (("synchronous", "OFF"), ("cache_size", "-1000000")):
                saved[pragma] = cursor.execute(f"PRAGMA {pragma}").fetchone()[0]
                cursor.execute(f"PRAGMA {pragma} = {value}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for pragma, value in saved.items():
                cursor.execute(f"PRAGMA {pragma} = {value}")


def _progress(done: int, total: int, start: float) -> None:
    if done % PROGRESS_EVERY == 0 or done == total:
        sys.stderr.write(f"built {done:,}/{total:,} works ({time.perf_counter() - start:.0f} s)\n")
        sys.stderr.flush()


def _finish(cursor, models: list) -> None:
    """Sequences past the ids chosen here (PostgreSQL), and fresh planner statistics."""
    for sql in connection.ops.sequence_reset_sql(no_style(), models):
        cursor.execute(sql)
    if connection.vendor == "sqlite":
        cursor.execute("ANALYZE")
    elif not connection.in_atomic_block:  # VACUUM can't run in a transaction (a test's)
        # VACUUM fills the visibility map too, as autovacuum would have on a real archive.
        cursor.execute("VACUUM ANALYZE")
    else:
        cursor.execute("ANALYZE")


# --- a corpus kept in a file ----------------------------------------------------------
def prepare_corpus_file(path: Path, works: int, seed: int = SEED) -> None:
    """Get `path` ready for `run(..., corpus=path)`: a complete corpus of this
    size stays; an interrupted build starts over; a database that isn't a bench
    corpus (the archive's own, say) is never touched. A new file holds only the
    marker saying a build is under way."""
    if path.exists() and path.stat().st_size:
        marker = _read_marker(path)
        if marker is None:
            raise CommandError(f"{path} is not a bench corpus; give a new file for --corpus")
        built, built_seed, complete = marker
        if complete and (built, built_seed) == (works, seed):
            return
        if complete:
            raise CommandError(f"{path} holds a corpus of {built:,} works (seed {built_seed}); use another file")
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute(f"CREATE TABLE {CORPUS_TABLE} (works integer, seed integer, complete integer, tags text)")
        db.execute(f"INSERT INTO {CORPUS_TABLE} VALUES (?, ?, 0, '')", (works, seed))  # noqa: S608


def _read_marker(path: Path) -> tuple[int, int, bool] | None:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            row = db.execute(f"SELECT works, seed, complete FROM {CORPUS_TABLE}").fetchone()  # noqa: S608
    except sqlite3.DatabaseError:  # not SQLite, or no marker table
        return None
    return (row[0], row[1], bool(row[2])) if row else None


def _stored_tags(works: int, seed: int = SEED) -> dict | None:
    with connection.cursor() as cursor:
        sql = f"SELECT tags FROM {CORPUS_TABLE} WHERE works = %s AND seed = %s AND complete = 1"  # noqa: S608
        cursor.execute(sql, [works, seed])
        row = cursor.fetchone()
    return json.loads(row[0]) if row else None


def _mark_complete(tags: dict) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {CORPUS_TABLE} SET complete = 1, tags = %s", [json.dumps(tags)])  # noqa: S608


# --- the queries --------------------------------------------------------------------
def _rare_tag(tags: dict) -> int:
    counts = dict(
        FilterTagging.objects.filter(tag_id__in=tags["freeforms"][-200:]).values_list("tag_id").annotate(n=Count("id"))
    )
    populated = [t for t in tags["freeforms"][-200:] if counts.get(t)]
    return min(populated, key=lambda t: (counts[t], t)) if populated else tags["freeforms"][-1]


def query_mix(tags: dict) -> dict[str, Query]:
    big = tags["fandoms"][0]
    teen = Tag.objects.get(name="Teen And Up Audiences").pk
    # The two most used characters of the big fandom, and a popular trope to exclude.
    return {
        "large_fandom_by_updated": Query(include=(big,), sort="updated"),
        "fandom_two_tags_exclude_rating_by_kudos": Query(
            include=(big, tags["characters"][0], tags["characters"][1], teen),
            exclude=(tags["freeforms"][0],),
            sort="kudos",
        ),
        "rare_tag_listing": Query(include=(_rare_tag(tags),)),
        "text_search_with_filters": Query(text=tags["text"], include=(big,), ranges=(("words", ">", 500),)),
        "large_fandom_page_200": Query(include=(big,), sort="updated", page=200),
    }


# --- measuring ----------------------------------------------------------------------
def _percentiles(times: list[float]) -> dict:
    times = sorted(times)

    def at(p):
        return round(times[min(len(times) - 1, max(0, int(round(p * len(times))) - 1))], 2)

    return {"p50_ms": round(statistics.median(times), 2), "p95_ms": at(0.95), "p99_ms": at(0.99)}


def _timed_runs(call, repeat: int) -> list[float]:
    """At least MIN_RUNS runs and at most `repeat`, stopping early once
    QUERY_BUDGET_S is spent: a slow query at a million works still finishes."""
    times: list[float] = []
    spent = 0.0
    while len(times) < repeat and (len(times) < MIN_RUNS or spent < QUERY_BUDGET_S):
        start = time.perf_counter()
        call()
        elapsed = time.perf_counter() - start
        times.append(elapsed * 1000)
        spent += elapsed
    return times


def _answer(result) -> tuple:
    # Facets as plain tuples, empty types dropped: a backend may build them as lists.
    facets = {t: [tuple(p) for p in pairs] for t, pairs in result.facets.items() if pairs}
    return list(result.ids), result.total, facets


def measure(backend, queries: dict[str, Query], repeat: int, reference: dict | None = None) -> tuple[dict, dict]:
    """Timings per query type, and each query's answer (ids, total, facets).
    With the reference backend's answers, whether this backend's agree."""
    viewer = AnonymousUser()
    out, answers = {}, {}
    for name, query in queries.items():
        answers[name] = _answer(search(query, viewer, backend=backend))  # also warms caches
        times = _timed_runs(lambda q=query: search(q, viewer, backend=backend), repeat)
        out[name] = {**_percentiles(times), "runs": len(times), "total": answers[name][1]}
        if reference is not None:
            out[name]["agrees_with_sql"] = answers[name] == reference[name]
    return out, answers


def freshness_ms(backend=None) -> float | None:
    """Post a work through the real workflows and time until a search (with
    `backend`) finds it by a word no other work has; None if it isn't found.
    The work is deleted after, so a kept corpus stays as built."""
    author = User.objects.get(username="benchuser0")
    start = time.perf_counter()
    with transaction.atomic():
        work = Work.objects.create(title="Freshly Posted Zanzibar")
        services.add_creator(work, author.default_pseud, accepted=True)
        services.set_tags(
            work,
            {"rating": ["General Audiences"], "warning": ["No Archive Warnings Apply"], "fandom": ["Bench Fandom 0"]},
        )
        # Digits never occur in the generated text, and work ids are never reused.
        term = f"quokka{work.pk}"
        Chapter.objects.create(work=work, position=1, text=f"A {term} crossed the stage.")
        services.post_work(work)
    found = work.pk in search(Query(text=term), AnonymousUser(), facets=False, backend=backend).ids
    elapsed = (time.perf_counter() - start) * 1000
    work.delete()
    return round(elapsed, 2) if found else None


def _settled_rss_mb() -> float:
    """The process's resident memory once garbage is collected and freed heap
    is handed back (glibc): otherwise memory freed earlier, by the corpus build
    say, is reused silently and an index looks smaller than it is."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _backends() -> dict[str, dict]:
    """Each backend with how long its index took to build and the memory it holds."""
    backends = {"sql": {"backend": SQLBackend(), "index_build_s": 0.0, "index_memory_mb": 0.0}}
    before, start = _settled_rss_mb(), time.perf_counter()
    # Built as a server's master builds it (warmup.warm), text sorts included.
    bitmap = BitmapBackend(build_shared())
    built = time.perf_counter() - start
    backends["bitmap"] = {
        "backend": bitmap,
        "index_build_s": round(built, 2),
        "index_memory_mb": round(_settled_rss_mb() - before, 1),
    }
    return backends


# --- memory of forked workers --------------------------------------------------------------
def _memory_mb(pid: int) -> dict:
    """Proportional (PSS: shared pages split among the processes sharing them)
    and unique (USS: pages no other process has) memory of a process."""
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            name, _, rest = line.partition(":")
            if rest.strip().endswith("kB"):
                fields[name] = int(rest.split()[0])
    uss = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
    return {"pss_mb": round(fields.get("Pss", 0) / 1024, 1), "uss_mb": round(uss / 1024, 1)}


def worker_memory(queries: dict[str, Query], workers: int, own_index: bool = False) -> dict:
    """Fork `workers` processes from this one, as a pre-forking server's master
    does after `quire.search.warmup.warm()`, let each answer every listing query
    (text search needs a database connection of its own and adds no lasting
    memory), and read their memory while they all still run.

    With `own_index` each worker builds an index of its own first, as every
    worker did before the index was shared (needs a database file: an in-memory
    test database can't be opened again from another process)."""
    from django.db import connections

    index = None if own_index else (bitmap._shared or bitmap.build_shared())
    listing = [q for q in queries.values() if not q.text]
    if own_index:
        # Workers that build open connections of their own; one inherited
        # across fork would be shared with this process. Workers reading the
        # shared index never touch the database (nor, leaving by os._exit,
        # close what they inherited), so a test's open transaction survives.
        connections.close_all()
    gc.collect()
    gc.freeze()  # as warm() does
    children = []
    go_read, go_write = os.pipe()
    try:
        for _ in range(workers):
            ready_read, ready_write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker
                code = 0
                try:
                    os.close(go_write)
                    mine = bitmap.BitmapIndex().build() if own_index else index
                    for query in listing:
                        mine.search(query, AnonymousUser())
                    os.write(ready_write, b"1")
                    os.read(go_read, 1)  # until the master has read our memory
                except BaseException:  # noqa: BLE001 - a worker reports by its exit code
                    code = 1
                finally:
                    os._exit(code)
            os.close(ready_write)
            children.append((pid, ready_read))
        for _, ready in children:
            if os.read(ready, 1) != b"1":
                raise RuntimeError("a bench worker failed before answering its queries")
        per_worker = [_memory_mb(pid) for pid, _ in children]
        master = _memory_mb(os.getpid())
    finally:
        os.close(go_write)
        for pid, ready in children:
            os.close(ready)
            os.waitpid(pid, 0)
        os.close(go_read)
        gc.unfreeze()
    workers_pss = sum(w["pss_mb"] for w in per_worker)
    return {
        "workers": workers,
        "index": "own per worker" if own_index else "shared",
        "master_pss_mb": master["pss_mb"],
        "workers_pss_mb": round(workers_pss, 1),
        "machine_pss_mb": round(master["pss_mb"] + workers_pss, 1),
        "worker_uss_mb": max(w["uss_mb"] for w in per_worker),
    }


def memory_by_workers(queries: dict[str, Query], most: int, own_index: bool = False) -> list[dict]:
    counts = [n for n in (1, 2, 4, 8, 16, 32) if n < most] + [most]
    out = []
    for n in counts:
        out.append(worker_memory(queries, n, own_index))
        sys.stderr.write(f"memory with {n} worker(s), index {out[-1]['index']}: {json.dumps(out[-1])}\n")
    return out


def run(works: int, repeat: int, corpus: Path | None = None, workers: int = 0, own_index: bool = False) -> dict:
    """With `corpus`, the current database is that file (see prepare_corpus_file):
    its corpus is reused when complete, else built and marked complete."""
    start = time.perf_counter()
    tags = _stored_tags(works) if corpus else None
    reused = tags is not None
    if not reused:
        tags = build_corpus(works)
        if corpus:
            _mark_complete(tags)
    built = time.perf_counter() - start
    queries = query_mix(tags)
    results = {
        "works": works,
        "database": connection.vendor,
        "corpus": str(corpus) if corpus else None,
        "corpus_reused": reused,
        "corpus_and_index_build_s": round(built, 2),
        "stats_available": stats_available(),
        "text_search": tags["text"],
    }
    reference = None
    for name, entry in _backends().items():
        timings, answers = measure(entry["backend"], queries, repeat, reference)
        reference = reference or answers  # sql comes first
        results[name] = {
            "queries": timings,
            "index_build_s": entry["index_build_s"],
            "index_memory_mb": entry["index_memory_mb"],
            "post_to_searchable_ms": freshness_ms(entry["backend"]),
        }
    assert results["sql"]["post_to_searchable_ms"] is not None, "a posted work must be found by the next search"
    results["post_to_searchable_ms"] = results["sql"]["post_to_searchable_ms"]
    results["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if "bitmap" in results and workers:
        results["bitmap"]["memory_by_workers"] = memory_by_workers(queries, workers)
        if own_index:
            results["bitmap"]["memory_by_workers_own_index"] = memory_by_workers(queries, workers, own_index=True)
    return results
