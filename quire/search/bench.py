"""`quire bench search`: an AO3-shaped corpus in a throw-away test database and a
fixed mix of listing and search queries against each search backend.

The corpus: Zipf-popular fandoms and tags, about 17 tags a work, heavy-tailed
kudos and hits (when interactions.WorkStats exists), some restricted and draft
works. Rows are bulk-inserted (the workflows in services.py would take hours at
this size); filter tags equal tags here because every generated tag is canonical.
"""

import random
import resource
import statistics
import time

from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from quire.accounts.models import User
from quire.tags.models import FilterTagging, Tag, TagType
from quire.works.models import Creatorship, Tagging, Work

from .backends import search
from .backends.sql import SQLBackend
from .models import SearchDocument
from .query import Query

WORDS = (
    "lantern orchard river quiet letter window morning tide salt harbour violin stage understudy song "
    "winter kitchen promise secret garden storm ferry bridge candle ribbon archive map ghost crown"
).split()
BATCH = 5000


def _zipf_picker(rng: random.Random, n: int, s: float = 1.1):
    weights = [1 / (rank**s) for rank in range(1, n + 1)]
    cumulative = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)

    def pick(k: int = 1) -> list[int]:
        return rng.choices(range(n), cum_weights=cumulative, k=k)

    return pick


def _text(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def build_corpus(works: int, seed: int = 11) -> dict:
    rng = random.Random(seed)
    n_fandoms = max(20, works // 50)
    n_chars = n_fandoms * 8
    n_freeforms = max(200, works // 20)
    fixed = {
        t: list(Tag.objects.filter(type=t).values_list("pk", flat=True)) for t in ("rating", "warning", "category")
    }

    def make_tags(prefix, tag_type, count):
        Tag.objects.bulk_create(
            [Tag(name=f"{prefix} {i}", type=tag_type, canonical=True) for i in range(count)], batch_size=BATCH
        )
        return list(
            Tag.objects.filter(type=tag_type, name__startswith=prefix).order_by("pk").values_list("pk", flat=True)
        )

    fandoms = make_tags("Bench Fandom", TagType.FANDOM, n_fandoms)
    characters = make_tags("Bench Character", TagType.CHARACTER, n_chars)
    relationships = make_tags("Bench Ship", TagType.RELATIONSHIP, n_chars // 2)
    freeforms = make_tags("Bench Trope", TagType.FREEFORM, n_freeforms)
    pick_fandom = _zipf_picker(rng, n_fandoms)
    pick_local = _zipf_picker(rng, 8)
    pick_freeform = _zipf_picker(rng, n_freeforms)
    users = [User.objects.create_user(f"benchuser{i}", f"benchuser{i}@example.invalid", None) for i in range(20)]
    pseuds = [u.default_pseud.pk for u in users]
    stats_model = apps.get_model("interactions", "WorkStats") if _has_stats() else None
    now = timezone.now()
    created = 0
    while created < works:
        size = min(BATCH, works - created)
        batch = []
        for i in range(size):
            n = created + i
            updated = now - timezone.timedelta(minutes=rng.randint(0, 60 * 24 * 365 * 5))
            batch.append(
                Work(
                    title=f"{_text(rng, 3).title()} {n}",
                    summary=_text(rng, 25),
                    is_draft=rng.random() < 0.02,
                    restricted=rng.random() < 0.05,
                    word_count=int(rng.paretovariate(1.2) * 800),
                    chapter_count=1,
                    expected_chapters=rng.choice([1, None, 3]),
                    published_at=updated,
                    updated_at=updated,
                    language="en" if rng.random() < 0.9 else "fr",
                )
            )
        # bulk_create skips save(): summary_html is only needed to show blurbs.
        made = Work.objects.bulk_create(batch)
        taggings, filters, credits, docs, stats = [], [], [], [], []
        for work in made:
            fandom_idx = pick_fandom()
            if rng.random() < 0.05:
                fandom_idx = fandom_idx + pick_fandom()
            tag_ids = {rng.choice(fixed["rating"]), rng.choice(fixed["warning"]), rng.choice(fixed["category"])}
            for f in fandom_idx:
                tag_ids.add(fandoms[f])
                tag_ids.update(characters[f * 8 + c] for c in pick_local(4))
                tag_ids.update(relationships[(f * 8 + c) // 2] for c in pick_local(2))
            tag_ids.update(freeforms[t] for t in pick_freeform(8))
            taggings += [Tagging(work_id=work.pk, tag_id=t) for t in tag_ids]
            filters += [FilterTagging(work_id=work.pk, tag_id=t) for t in tag_ids]
            credits.append(Creatorship(work_id=work.pk, pseud_id=rng.choice(pseuds), accepted=True))
            docs.append(SearchDocument(work_id=work.pk, title=work.title, summary=work.summary, body=_text(rng, 120)))
            if stats_model:
                kudos = int(rng.paretovariate(1.1)) - 1
                stats.append(stats_model(work_id=work.pk, kudos=kudos, hits=kudos * rng.randint(5, 30)))
        with transaction.atomic():
            Tagging.objects.bulk_create(taggings, batch_size=BATCH)
            FilterTagging.objects.bulk_create(filters, batch_size=BATCH)
            Creatorship.objects.bulk_create(credits, batch_size=BATCH)
            SearchDocument.objects.bulk_create(docs, batch_size=BATCH)
            if stats_model:
                stats_model.objects.bulk_create(stats, batch_size=BATCH)
        created += size
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"fandoms": fandoms, "freeforms": freeforms, "characters": characters}


def _has_stats() -> bool:
    try:
        apps.get_model("interactions", "WorkStats")
    except LookupError:
        return False
    return True


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
        "text_search_with_filters": Query(text="harbour violin", include=(big,), ranges=(("words", ">", 500),)),
        "large_fandom_page_200": Query(include=(big,), sort="updated", page=200),
    }


def _percentiles(times: list[float]) -> dict:
    times = sorted(times)

    def at(p):
        return round(times[min(len(times) - 1, max(0, int(round(p * len(times))) - 1))], 2)

    return {"p50_ms": round(statistics.median(times), 2), "p95_ms": at(0.95), "p99_ms": at(0.99)}


def measure(backend, queries: dict[str, Query], repeat: int) -> dict:
    viewer = AnonymousUser()
    out = {}
    for name, query in queries.items():
        search(query, viewer, backend=backend)  # warm
        times = []
        total = None
        for _ in range(repeat):
            start = time.perf_counter()
            result = search(query, viewer, backend=backend)
            times.append((time.perf_counter() - start) * 1000)
            total = result.total
        out[name] = {**_percentiles(times), "total": total}
    return out


def freshness_ms() -> float:
    """Post a work through the real workflows and time until a search finds it."""
    from quire.works import services
    from quire.works.models import Chapter

    author = User.objects.get(username="benchuser0")
    start = time.perf_counter()
    with transaction.atomic():
        work = Work.objects.create(title="Freshly Posted Zanzibar")
        services.add_creator(work, author.default_pseud, accepted=True)
        services.set_tags(
            work,
            {"rating": ["General Audiences"], "warning": ["No Archive Warnings Apply"], "fandom": ["Bench Fandom 0"]},
        )
        Chapter.objects.create(work=work, position=1, text="A quokka crossed the stage.")
        services.post_work(work)
    found = search(Query(text="quokka"), AnonymousUser(), facets=False).ids
    elapsed = (time.perf_counter() - start) * 1000
    assert work.pk in found, "a posted work must be found by the next search"
    return round(elapsed, 2)


def run(works: int, repeat: int) -> dict:
    start = time.perf_counter()
    tags = build_corpus(works)
    built = time.perf_counter() - start
    queries = query_mix(tags)
    backends = {"sql": SQLBackend()}
    results = {
        "works": works,
        "database": connection.vendor,
        "corpus_and_index_build_s": round(built, 2),
        "stats_available": _has_stats(),
    }
    for name, backend in backends.items():
        results[name] = {"queries": measure(backend, queries, repeat), "index_build_s": 0.0}
    results["post_to_searchable_ms"] = freshness_ms()
    results["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return results
