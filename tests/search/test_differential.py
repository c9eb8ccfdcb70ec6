"""The SQL reference backend against a plain-Python reading of the same rules,
over many randomly generated archives and queries: ids, order, totals and
facet counts must agree exactly. A faster backend is held to the same test by
adding it to BACKENDS."""

import random
from collections import Counter

import pytest
from django.contrib.auth.models import AnonymousUser

from quire.collections.models import Collection, CollectionItem
from quire.collections.services import add_work_to_collection, moderate_item, reveal
from quire.search.backends import FACET_LIMIT, search
from quire.search.backends.bitmap import BitmapBackend
from quire.search.backends.sql import SQLBackend
from quire.search.query import Query
from quire.tags.models import FilterTagging, Tag
from quire.works.models import Work
from tests.factories import make_user, make_work

# Seed 1 runs in `make test`; the longer random runs are in `make test-slow` (CI runs both).
SEEDS = [1, pytest.param(2, marks=pytest.mark.slow), pytest.param(3, marks=pytest.mark.slow)]

BACKENDS = [SQLBackend, BitmapBackend.built]
FANDOMS = ["Fandom A", "Fandom B", "Fandom C"]
CHARACTERS = ["Ada", "Bea", "Cyd", "Dov"]
FREEFORMS = ["Fluff", "Angst", "Crack", "Slow Burn", "Hurt/Comfort"]


def build_archive(rng: random.Random, author, other, maintainer=None):
    works = []
    for n in range(36):
        creator = author if rng.random() < 0.7 else other
        works.append(
            make_work(
                creator,
                f"{rng.choice(['Echo', 'Amber', 'zephyr', 'Birch'])} {n}",
                rating=rng.choice(["General Audiences", "Teen And Up Audiences", "Explicit"]),
                fandoms=tuple(rng.sample(FANDOMS, rng.choice([1, 1, 1, 2]))),
                characters=tuple(rng.sample(CHARACTERS, rng.randint(0, 3))),
                freeforms=tuple(rng.sample(FREEFORMS, rng.randint(0, 3))),
                chapters=[" ".join(["word"] * rng.randint(1, 40))],
                draft=rng.random() < 0.1,
                restricted=rng.random() < 0.2,
                anonymous=rng.random() < 0.1,
                held_for_review=rng.random() < 0.1,
                hidden=rng.random() < 0.05,
                expected_chapters=rng.choice([None, 1, 2]),
                language=rng.choice(["en", "en", "fr"]),
            )
        )
    if maintainer is not None:
        build_collections(rng, works, maintainer)


def build_collections(rng: random.Random, works, maintainer):
    """Collections whose flags change visibility: an unrevealed and anonymous one the
    `maintainer` owns (they see its works early), an open one, and a moderated one
    with items waiting; works join by their creator's choice through the services."""
    hidden = Collection.objects.create(name="masked", title="Masked", owner=maintainer, anonymous=True, unrevealed=True)
    open_one = Collection.objects.create(name="open", title="Open", owner=maintainer)
    moderated = Collection.objects.create(name="moderated", title="Moderated", owner=maintainer, moderated=True)
    for work in works:
        creator = work.accepted_pseuds()[0].user
        for collection in (hidden, open_one, moderated):
            if rng.random() < 0.3:
                item = add_work_to_collection(work, collection, by=creator)
                if collection.moderated and rng.random() < 0.5:
                    moderate_item(item, maintainer, approve=rng.random() < 0.7)


def oracle(query: Query, viewer) -> tuple[list[int], int, dict]:
    """The same query answered by reading every visible work in Python."""
    works = list(Work.objects.visible_to(viewer).posted().prefetch_related("creatorships__pseud"))
    filed: dict[int, set[int]] = {}
    direct_fandoms: Counter = Counter()
    types = dict(Tag.objects.values_list("pk", "type"))
    for work_id, tag_id, inherited in FilterTagging.objects.values_list("work_id", "tag_id", "inherited"):
        filed.setdefault(work_id, set()).add(tag_id)
        if types[tag_id] == "fandom" and not inherited:
            direct_fandoms[work_id] += 1

    in_collections = set(
        CollectionItem.objects.filter(
            collection_id__in=query.collections, author_state="approved", collection_state="approved"
        ).values_list("work_id", flat=True)
    )

    def keep(w):
        if query.collections and w.pk not in in_collections:
            return False
        tags = filed.get(w.pk, set())
        if not set(query.include) <= tags or tags & set(query.exclude):
            return False
        crossover = direct_fandoms[w.pk] > 1
        if (query.crossover == "only" and not crossover) or (query.crossover == "exclude" and crossover):
            return False
        complete = w.expected_chapters is not None and w.chapter_count >= w.expected_chapters
        if (query.complete == "complete" and not complete) or (query.complete == "in_progress" and complete):
            return False
        if query.anonymous == "exclude" and w.anonymous:
            return False
        if query.language and w.language != query.language:
            return False
        ops = {">": int.__gt__, "<": int.__lt__, ">=": int.__ge__, "<=": int.__le__, "=": int.__eq__}
        return all(ops[op](w.word_count, n) for name, op, n in query.ranges if name == "words")

    matched = [w for w in works if keep(w)]

    def creator_key(w):
        if w.anonymous:
            return "anonymous"
        names = sorted(c.pseud.name.lower() for c in w.creatorships.all() if c.accepted)
        return names[0] if names else ""

    sort = query.effective_sort
    if sort == "title":
        matched.sort(key=lambda w: (w.title.lower(), w.pk))
    elif sort == "creator":
        matched.sort(key=lambda w: (creator_key(w), w.pk))
    elif sort == "words":
        matched.sort(key=lambda w: (-w.word_count, -w.pk))
    elif sort == "posted":
        matched.sort(key=lambda w: (w.published_at, w.pk), reverse=True)
    else:
        matched.sort(key=lambda w: (w.updated_at, w.pk), reverse=True)
    start = (query.page - 1) * query.per_page
    ids = [w.pk for w in matched[start : start + query.per_page]]
    counts = Counter(t for w in matched for t in filed.get(w.pk, ()))
    facets: dict[str, list] = {}
    for tag_id, n in counts.items():
        facets.setdefault(types[tag_id], []).append((tag_id, n))
    facets = {t: sorted(pairs, key=lambda p: (-p[1], p[0]))[:FACET_LIMIT] for t, pairs in facets.items()}
    return ids, len(matched), facets


def random_query(rng: random.Random, pool: list[int], collections: list[int] = ()) -> Query:
    include = tuple(rng.sample(pool, rng.choice([0, 0, 1, 1, 2])))
    exclude = tuple(t for t in rng.sample(pool, rng.choice([0, 0, 1])) if t not in include)
    ranges = ()
    if rng.random() < 0.3:
        ranges = (("words", rng.choice([">", "<", ">=", "<="]), rng.randint(1, 40)),)
    return Query(
        include=include,
        exclude=exclude,
        crossover=rng.choice(["", "", "exclude", "only"]),
        complete=rng.choice(["", "", "complete", "in_progress"]),
        anonymous=rng.choice(["", "", "exclude"]),
        language=rng.choice(["", "", "", "fr"]),
        ranges=ranges,
        sort=rng.choice(["updated", "posted", "words", "title", "creator"]),
        page=rng.choice([1, 1, 2, 3]),
        per_page=5,
        collections=tuple(rng.sample(list(collections), rng.choice([0, 0, 1, 2]))) if collections else (),
    )


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("backend_class", BACKENDS)
def test_backend_matches_the_plain_reading_of_the_rules(seed, backend_class, author, reader):
    rng = random.Random(seed)
    other = make_user("ezra")
    # The reader owns the collections: as a maintainer they see the unrevealed works early.
    build_archive(rng, author, other, maintainer=reader)
    pool = list(
        Tag.objects.filter(name__in=FANDOMS + CHARACTERS + FREEFORMS + ["Explicit"]).values_list("pk", flat=True)
    )
    collections = list(Collection.objects.values_list("pk", flat=True))
    # Positive control: the archive does hold works the unrevealed collection hides from a guest.
    assert Work.objects.filter(unrevealed=True, is_draft=False).exists()
    backend = backend_class()

    def compare(rounds):
        for viewer in (AnonymousUser(), reader, author, other):
            for _ in range(rounds):
                query = random_query(rng, pool, collections)
                got = search(query, viewer, backend=backend)
                ids, total, facets = oracle(query, viewer)
                assert (got.ids, got.total) == (ids, total), query
                assert got.facets == facets, query

    compare(40)
    # Revealing changes every work in the collection at once: the index must follow the log.
    reveal(Collection.objects.get(name="masked"), reader)
    assert not Work.objects.filter(unrevealed=True).exists()
    compare(15)
