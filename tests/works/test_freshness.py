"""Index freshness: every change to what a search reads reaches the change log and
the search text through one entry point (quire/works/freshness.py), in the
transaction that makes the change, so the next search sees it and a rolled-back
change leaves no trace."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction

from quire.interactions.models import WorkStats
from quire.search.backends import search
from quire.search.backends.bitmap import BitmapBackend
from quire.search.backends.sql import SQLBackend
from quire.search.models import SearchDocument
from quire.search.query import Query
from quire.tags import wrangling
from quire.tags.models import Tag, TagType
from quire.works import events, freshness, services
from quire.works.models import WorkChange
from tests.factories import make_work


def found(text: str, bitmap: BitmapBackend) -> dict[str, list[int]]:
    return {
        name: search(Query(text=text), AnonymousUser(), backend=backend).ids
        for name, backend in (("sql", SQLBackend()), ("bitmap", bitmap))
    }


def test_a_rolled_back_edit_leaves_no_trace_and_a_committed_one_is_found_next(author):
    work = make_work(author, "Before the Storm")
    bitmap = BitmapBackend.built()  # built now, kept fresh from the log from here on
    logged = WorkChange.objects.filter(work_id=work.pk).count()
    with pytest.raises(RuntimeError), transaction.atomic():
        work.title = "Marmalade Weather"
        work.save()
        # Inside the transaction the log and the search text already say so.
        assert WorkChange.objects.filter(work_id=work.pk).count() > logged
        assert SearchDocument.objects.get(work=work).title == "Marmalade Weather"
        raise RuntimeError("the request failed")
    assert WorkChange.objects.filter(work_id=work.pk).count() == logged
    assert SearchDocument.objects.get(work=work).title == "Before the Storm"
    assert found("marmalade", bitmap) == {"sql": [], "bitmap": []}

    work.title = "Marmalade Weather"
    work.save()
    assert found("marmalade", bitmap) == {"sql": [work.pk], "bitmap": [work.pk]}


def test_a_batch_announces_each_work_once_as_it_ends(author):
    work = make_work(author, "Lantern")
    seen: list[set[int]] = []

    def receiver(sender, work_ids, **kwargs):
        seen.append(set(work_ids))

    events.works_changed.connect(receiver, dispatch_uid="test_batch")
    try:
        with freshness.batched():
            for title in ("Lantern I", "Lantern II", "Lantern III"):
                work.title = title
                work.save()
            assert seen == []  # nothing yet: the block is still open
        assert seen == [{work.pk}]
    finally:
        events.works_changed.disconnect(dispatch_uid="test_batch")
    assert SearchDocument.objects.get(work=work).title == "Lantern III"


def test_counts_are_logged_without_rebuilding_the_text(author, reader):
    work = make_work(author, "Counted")
    SearchDocument.objects.filter(work=work).update(title="stale on purpose")
    WorkChange.objects.all().delete()
    WorkStats.bump(work.pk, "kudos")
    assert list(WorkChange.objects.values_list("work_id", flat=True)) == [work.pk]
    assert SearchDocument.objects.get(work=work).title == "stale on purpose"  # text untouched
    services.refresh_counts(work)
    assert WorkChange.objects.filter(work_id=work.pk).count() == 2


def test_wrangling_a_tag_refiles_its_works_and_tells_search(author):
    """Wrangling is the tags app's; the works it moves are re-filed by the works app
    (on tags' `canon_changed`), and search hears of them through the log."""
    work = make_work(author, "Filed", freeforms=("tea parties",))
    canonical = Tag.objects.create(name="Tea Party", type=TagType.FREEFORM, canonical=True)
    by_canonical = Query(include=(canonical.pk,))
    bitmap = BitmapBackend.built()
    assert search(by_canonical, AnonymousUser(), backend=bitmap).ids == []  # the control
    WorkChange.objects.all().delete()
    wrangling.make_synonym(Tag.objects.get(name="tea parties"), canonical, author)
    assert WorkChange.objects.filter(work_id=work.pk).exists()
    for backend in (SQLBackend(), bitmap):
        assert search(by_canonical, AnonymousUser(), backend=backend).ids == [work.pk]
