"""The bitmap backend against the SQL reference: over randomly generated
archives and queries (text, every sort, every filter, several viewers) it must
give the same ids in the same order, the same total and the same facet counts,
and keep doing so while the archive changes under it (posts, edits, kudos,
hiding, deleting, wrangling), which it learns from the change log."""

import random
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from quire.interactions import safety
from quire.interactions.models import WorkStats
from quire.moderation.services import hide_work
from quire.search.backends import bitmap as bitmap_module
from quire.search.backends import search
from quire.search.backends.bitmap import BitmapBackend, BitmapIndex
from quire.search.backends.sql import SQLBackend
from quire.search.query import SORTS, Query
from quire.tags import wrangling
from quire.tags.models import Tag
from quire.works import freshness
from quire.works.models import Work, WorkChange
from tests.factories import make_user, make_work

# Seed 1 runs in `make test`; the longer random runs are in `make test-slow` (CI runs both).
SEEDS = [1, pytest.param(2, marks=pytest.mark.slow), pytest.param(3, marks=pytest.mark.slow)]

FANDOMS = ["Fandom A", "Fandom B", "Fandom C"]
CHARACTERS = ["Ada", "Bea", "Cyd", "Dov", "Ezé"]
# More than a facet group shows, so which tags can still reach the top matters.
FREEFORMS = ["Fluff", "Angst", "Crack", "Slow Burn", "Hurt/Comfort", "Humor", "Drama", "Pining", "Fix-It"]
FREEFORMS += ["Canon Divergence", "Found Family", "Road Trip", "Bakery", "Coffee Shop"]
WORDS = ["harbour", "violin", "lantern", "orchard", "quiet", "storm", "ferry"]
TITLES = ["Echo", "amber", "Zephyr", "birch", "Élan", "écho", "_under"]


# One clock for every generated work, so dates tie exactly.
NOON = timezone.now().replace(hour=12, minute=0, second=0, microsecond=0)


def add_work(rng, creator, n, **extra):
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 30)))
    work = make_work(
        creator,
        f"{rng.choice(TITLES)} {n % 7}",
        rating=rng.choice(["General Audiences", "Teen And Up Audiences", "Explicit"]),
        fandoms=tuple(rng.sample(FANDOMS, rng.choice([1, 1, 1, 2]))),
        characters=tuple(rng.sample(CHARACTERS, rng.randint(0, 3))),
        freeforms=tuple(rng.sample(FREEFORMS, rng.randint(0, 6))),
        chapters=[text],
        draft=rng.random() < 0.1,
        restricted=rng.random() < 0.2,
        anonymous=rng.random() < 0.1,
        expected_chapters=rng.choice([None, 1, 2]),
        language=rng.choice(["en", "en", "fr"]),
        **extra,
    )
    # Ties on purpose: equal dates and counts must still come out in the reference's order.
    when = NOON - timedelta(days=rng.choice([0, 1, 1, 40, 400]))
    Work.objects.filter(pk=work.pk).update(updated_at=when, published_at=when)
    freshness.works_changed([work.pk])  # as every real edit does
    for field in ("kudos", "hits", "comments", "bookmarks"):
        WorkStats.bump(work.pk, field, rng.choice([0, 0, 1, 2, 5]))
    return work


def random_query(rng, pool) -> Query:
    include = tuple(rng.sample(pool, rng.choice([0, 0, 1, 1, 2])))
    exclude = tuple(t for t in rng.sample(pool, rng.choice([0, 0, 1])) if t not in include)
    ranges = ()
    if rng.random() < 0.3:
        ranges = (
            (rng.choice(["words", "kudos", "hits"]), rng.choice([">", "<", ">=", "<=", "="]), rng.randint(0, 20)),
        )
    today = timezone.localdate()
    return Query(
        text=rng.choice(["", "", "", rng.choice(WORDS), f"{rng.choice(WORDS)} {rng.choice(WORDS)}", "nothinglike"]),
        include=include,
        exclude=exclude,
        crossover=rng.choice(["", "", "exclude", "only"]),
        complete=rng.choice(["", "", "complete", "in_progress"]),
        language=rng.choice(["", "", "", "fr", "de"]),
        updated_from=rng.choice([None, None, today - timedelta(days=2)]),
        updated_to=rng.choice([None, None, today - timedelta(days=1)]),
        ranges=ranges,
        sort=rng.choice(list(SORTS)),
        page=rng.choice([1, 1, 2, 3]),
        per_page=rng.choice([3, 5, 20]),
        unknown_include=("No Such Tag",) if rng.random() < 0.03 else (),
        # Sometimes the reader asked to see what their mutes hide ("show them").
        mutes=rng.random() < 0.8,
    )


def assert_agree(rng, bitmap, viewers, pool, rounds=40):
    for viewer in viewers:
        for _ in range(rounds):
            query = random_query(rng, pool)
            expected = search(query, viewer, backend=SQLBackend())
            got = search(query, viewer, backend=bitmap)
            assert (got.ids, got.total) == (expected.ids, expected.total), (query, viewer)
            assert got.facets == expected.facets, (query, viewer)


def tag_pool():
    names = FANDOMS + CHARACTERS + FREEFORMS + ["Explicit", "Teen And Up Audiences"]
    return list(Tag.objects.filter(name__in=names).values_list("pk", flat=True))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("facet_path", ["matrix", "intersection"])
def test_bitmap_backend_gives_the_reference_answers_while_the_archive_changes(
    seed, facet_path, author, reader, moderator, monkeypatch
):
    if facet_path == "intersection":
        # Large results count facets by bitmap intersections; make every result "large".
        monkeypatch.setattr(bitmap_module, "MATRIX_LIMIT", 0)
    rng = random.Random(seed)
    other = make_user("ezra")
    works = [add_work(rng, author if rng.random() < 0.7 else other, n) for n in range(40)]
    safety.mute(reader, other)
    # A mute from an anonymous work's page hides that work alone, and a mute by name
    # leaves the muted person's anonymous works in place.
    masked = next(w for w in works if w.creatorships.filter(pseud__user=author).exists())
    Work.objects.filter(pk=masked.pk).update(anonymous=True, is_draft=False, hidden_by_moderator=False)
    Work.objects.filter(pk=next(w.pk for w in works if w.creatorships.filter(pseud__user=other).exists())).update(
        anonymous=True, is_draft=False
    )
    freshness.works_changed(list(Work.objects.filter(anonymous=True).values_list("pk", flat=True)))
    safety.mute_work_creators(reader, Work.objects.get(pk=masked.pk))
    bitmap = BitmapBackend.built()
    viewers = (AnonymousUser(), reader, author, moderator)
    assert_agree(rng, bitmap, viewers, tag_pool())

    # Changes through the real workflows; the index hears of them only from the log.
    works += [add_work(rng, other, 100 + n) for n in range(5)]
    edited, liked, hidden, deleted, toggled = rng.sample(works, 5)
    edited.title, edited.summary = "Zzz Retitled", "violin"
    edited.save()
    WorkStats.bump(liked.pk, "kudos", 50)
    hide_work(moderator, hidden)
    deleted.delete()
    wrangling.make_synonym(Tag.objects.get(name="Dov"), Tag.objects.get(name="Ada"), moderator)
    toggled.restricted = not toggled.restricted
    toggled.anonymous = not toggled.anonymous
    toggled.save()
    assert_agree(rng, bitmap, viewers, tag_pool())


def test_a_posted_work_is_found_by_the_next_search(author):
    rng = random.Random(9)
    add_work(rng, author, 1)
    backend = BitmapBackend.built()
    work = make_work(author, "Quokka Crossing", chapters=["A quokka crossed the stage."])
    assert search(Query(text="quokka"), AnonymousUser(), backend=backend).ids == [work.pk]
    work.title = "Wombat Crossing"
    work.save()
    assert search(Query(sort="title"), AnonymousUser(), backend=backend).ids[-1] == work.pk


def test_an_index_that_slept_past_the_log_rebuilds(author):
    work = make_work(author, "Before")
    index = BitmapIndex().build()
    index.checked_at -= timedelta(days=2)
    later = make_work(author, "After")
    got = BitmapBackend(index).search(Query(), AnonymousUser())
    assert got.ids == [later.pk, work.pk]


def test_a_renamed_pseud_moves_its_works_in_the_creator_sort_and_text_search(author, reader):
    first = make_work(author, "One")
    second = make_work(reader, "Two")
    bitmap = BitmapBackend.built()
    by_creator = Query(sort="creator")
    assert search(by_creator, AnonymousUser(), backend=bitmap).ids == [first.pk, second.pk]
    pseud = author.default_pseud
    pseud.name = "zebedee"
    pseud.save()
    for backend in (bitmap, SQLBackend()):
        assert search(by_creator, AnonymousUser(), backend=backend).ids == [second.pk, first.pk]
        assert search(Query(text="zebedee"), AnonymousUser(), backend=backend).ids == [first.pk]


def test_the_change_log_is_written_only_when_an_index_reads_it(author, settings):
    make_work(author, "Logged")
    assert WorkChange.objects.exists()
    WorkChange.objects.all().delete()
    settings.SEARCH_BACKEND = "sql"
    make_work(author, "Not logged")
    assert not WorkChange.objects.exists()


def test_log_rows_older_than_the_retention_are_pruned(author):
    make_work(author, "Old")
    WorkChange.objects.update(created_at=timezone.now() - WorkChange.RETENTION - timedelta(minutes=1))
    make_work(author, "New")
    assert WorkChange.objects.prune() > 0
    assert not WorkChange.objects.filter(created_at__lt=timezone.now() - WorkChange.RETENTION).exists()
    assert WorkChange.objects.exists()
