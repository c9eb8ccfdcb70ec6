"""Reading-page benchmark: how fast the works index and a work page answer
with a realistic number of works, measured through Django's test client on a
throw-away test database (never the archive's own)."""

import gc
import random
import statistics
import time

from django.test import Client

from quire.accounts.models import User
from quire.accounts.policies import accept_current
from quire.search.backends import bitmap
from quire.works import services
from quire.works.models import Chapter, Work

WORDS = "the lantern orchard river quiet letter window morning tide salt harbour violin".split()


def _paragraphs(rng: random.Random, count: int) -> str:
    return "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(60)) for _ in range(count))


def build_corpus(works: int, seed: int = 7) -> list[int]:
    rng = random.Random(seed)
    authors = [User.objects.create_user(f"bench{i}", f"bench{i}@example.invalid", "x") for i in range(20)]
    for author in authors:
        accept_current(author)  # signed-in benches post as them: no detour to the terms page
    ids = []
    for n in range(works):
        work = Work.objects.create(title=f"Bench Work {n}", summary=_paragraphs(rng, 1)[:400])
        services.add_creator(work, rng.choice(authors).default_pseud, accepted=True)
        services.set_tags(work, {
            "rating": [rng.choice(["General Audiences", "Teen And Up Audiences"])],
            "warning": ["No Archive Warnings Apply"],
            "fandom": [f"Bench Fandom {rng.randint(1, 12)}"],
            "character": [f"Bench Character {rng.randint(1, 60)}" for _ in range(3)],
            "freeform": [f"Bench Trope {rng.randint(1, 80)}" for _ in range(5)],
        })
        for position in range(1, rng.randint(1, 5) + 1):
            Chapter.objects.create(work=work, position=position, text=_paragraphs(rng, 30))
        services.post_work(work)
        ids.append(work.pk)
    return ids


def _timed(client: Client, url: str, repeat: int) -> dict:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 2),
    }


def run(works: int, repeat: int) -> dict:
    start = time.perf_counter()
    ids = build_corpus(works)
    built = time.perf_counter() - start
    # Steady state: the search index is built before the clock starts, not by a
    # background thread competing with the requests being timed.

    bitmap.reset_shared()
    bitmap.BUILD_IN_BACKGROUND = False
    client = Client()
    client.get("/works/")
    gc.collect()  # the corpus build's garbage is not the pages' cost
    middle = ids[len(ids) // 2]
    return {
        "works": works,
        "corpus_build_s": round(built, 2),
        "works_index_page_1": _timed(client, "/works/", repeat),
        "works_index_last_page": _timed(client, f"/works/?page={max(1, works // 20)}", repeat),
        "work_page_first_chapter": _timed(client, f"/works/{middle}/", repeat),
        "work_page_entire": _timed(client, f"/works/{middle}/?view_full_work=true", repeat),
    }
