"""The fast search backend: an in-memory bitmap index per process.

Built from the database (`BitmapIndex.build`), then kept fresh from the change
log (`quire.works.models.WorkChange`, written by `quire.works.freshness`): before
each search the index reads the log rows it has not applied and reloads those works, so a posted or edited work is
in the very next search. It answers exactly as the SQL reference does (same
ids, order, totals and facet counts); tests/search/test_differential.py holds
it to that.

What it keeps, by work id:
- a roaring bitmap per filter tag, per language, and for posted, visible to
  members, visible to guests, complete and crossover works (unrevealed works
  are in neither visible set: their creators and collection maintainers get
  them from the rule's own querysets, as creators get their drafts);
- numpy arrays of every sort key and range field;
- a matrix of each work's filter tags, for facet counts over small results.

The layout is compact because a server builds the index once, in its master
process before the workers fork (`quire.search.warmup.warm`), and the workers
share its pages copy-on-write: counts are 32-bit, the tag matrix uses the
smallest integer type its tag ids fit (widened when a bigger id appears), and
the arrays keep headroom for new works so a worker applying the change log
writes only the pages of the works that changed, not a private copy of all.

Visibility is still the one rule: guests and members read bitmaps built from
the same fields `Work.objects.visible_to` tests, and a signed-in reader's own
works and mutes are read from the database with the rule's own querysets.
Text search asks the database's full-text index for the matching works and
their scores, then filters and orders them here.
"""

import array
import bisect
import logging
import sys
import threading
import time
from datetime import UTC, datetime, timedelta

import numpy as np
from django.apps import apps
from django.db import connection
from django.db.models.functions import Lower
from django.utils import timezone
from pyroaring import BitMap

from quire.tags.models import FilterTagging, Tag, TagType
from quire.works.models import Creatorship, Work, WorkChange

from .. import fulltext
from .sql import SQLBackend, collection_work_ids, stats_available

logger = logging.getLogger(__name__)

# Filter tags per work held in the facet matrix; a work with more keeps the rest in `overflow`.
WIDTH = 24
# A change row may commit after a later one (PostgreSQL sequences): rows this
# recent are read again on every search, skipping those already applied.
GRACE = timedelta(seconds=30)
# Results larger than this count facets with bitmap intersections, smaller ones with the matrix.
MATRIX_LIMIT = 30_000
# Give up on the intersection path when this many tags could still reach a group's top.
CANDIDATE_LIMIT = 3_000
# New works fit in this share of spare rows (plus HEADROOM_MIN) before the arrays
# are reallocated; reallocating in a forked worker makes all its pages private.
HEADROOM, HEADROOM_MIN = 0.05, 4096
INT64_MAX = np.iinfo(np.int64).max
COUNT = np.int32  # word counts, kudos, hits, comments, bookmarks; widened per array if one ever overflows
NO_DAY = np.iinfo(np.int32).min
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
STATS = ("kudos", "hits", "comments", "bookmarks")
EMPTY = BitMap()


def _micros(moment: datetime) -> int:
    return (moment - EPOCH) // timedelta(microseconds=1)


def _day(moment) -> int:
    # `updated_at__date` is the date in the site's time zone, as the reference reads it.
    return NO_DAY if moment is None else timezone.localtime(moment).date().toordinal()


def _bitmap(ids: np.ndarray) -> BitMap:
    return BitMap(array.array("I", ids.astype(np.uint32).tobytes()))


def _ids(bitmap: BitMap) -> np.ndarray:
    return np.frombuffer(bitmap.to_array(), dtype=np.uint32).astype(np.int64)


def _chunks(items, size=500):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


class OrderedKeys:
    """A text sort (title, creator): a float rank per work that keeps the keys'
    order (NaN: not sorted, a draft), the works in that order, and the keys in
    one sorted list of strings beside them. No tuple or dict per work: those
    took about 200 bytes a work for each sort (measured at 100,000 works), as
    much as the rest of the index. A changed work is re-inserted between its
    neighbours' ranks; when floats run out between two, all are renumbered."""

    def __init__(self, keys: dict[int, str], capacity: int):
        # Equal keys share one string (a creator's name over all their works).
        pairs = sorted((sys.intern(key), pk) for pk, key in keys.items())
        self.keys = [key for key, _ in pairs]
        self.pks = np.fromiter((pk for _, pk in pairs), dtype=np.int64, count=len(pairs))
        self.rank = np.full(capacity, np.nan)
        self._renumber()

    def _renumber(self):
        self.rank[self.pks] = np.arange(len(self.pks), dtype=np.float64)

    def grow(self, capacity: int):
        grown = np.full(capacity, np.nan)
        grown[: len(self.rank)] = self.rank
        self.rank = grown

    def _position(self, pk: int) -> int:
        # Ranks rise along `pks`, so a work's place is a binary search on them.
        return bisect.bisect_left(range(len(self.pks)), self.rank[pk], key=lambda i: self.rank[self.pks[i]])

    def set(self, pk: int, key: str | None):
        if not np.isnan(self.rank[pk]):
            at = self._position(pk)
            if key is not None and self.keys[at] == key:
                return  # kudos and hits reload a work; its place is unchanged and its pages stay shared
            del self.keys[at]
            self.pks = np.delete(self.pks, at)
            self.rank[pk] = np.nan
        if key is None:
            return
        low_at = bisect.bisect_left(self.keys, key)
        high_at = bisect.bisect_right(self.keys, key, low_at)
        at = low_at + int(np.searchsorted(self.pks[low_at:high_at], pk))  # equal keys in id order
        self.keys.insert(at, sys.intern(key))
        self.pks = np.insert(self.pks, at, pk)
        before = self.rank[self.pks[at - 1]] if at > 0 else None
        after = self.rank[self.pks[at + 1]] if at + 1 < len(self.pks) else None
        low = before if before is not None else (after - 2 if after is not None else 0.0)
        high = after if after is not None else low + 2
        middle = (low + high) / 2
        if low < middle < high:
            self.rank[pk] = middle
        else:
            self._renumber()


class BitmapIndex:
    def __init__(self):
        self.lock = threading.RLock()
        self.capacity = 0

    # --- building ---------------------------------------------------------------------
    def build(self) -> "BitmapIndex":
        with self.lock:
            started = time.perf_counter()
            # Changes from here on are applied after the build, so none made during it are missed.
            self.horizon = WorkChange.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            self.applied: set[int] = set()
            self.checked_at = timezone.now()
            self.pruned_at = self.checked_at
            top = Work.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            self._allocate(top + 1 + max(HEADROOM_MIN, int(top * HEADROOM)))
            self._load_works(Work.objects.all())
            self._load_stats(None)
            self._load_all_tags()
            self._load_crossovers(None)
            self.build_seconds = time.perf_counter() - started
            self.refresh()
            return self

    def _allocate(self, capacity: int):
        self.capacity = max(capacity, 1024)
        cap = self.capacity
        self.updated = np.full(cap, INT64_MAX, dtype=np.int64)  # -µs, so smaller is newer; nulls last
        self.published = np.full(cap, INT64_MAX, dtype=np.int64)
        self.updated_day = np.full(cap, NO_DAY, dtype=np.int32)
        self.words = np.zeros(cap, dtype=COUNT)
        self.stats = {name: np.zeros(cap, dtype=COUNT) for name in STATS}
        self.matrix = np.zeros((cap, WIDTH), dtype=np.uint16)  # filter tag ids, 0 = none; see _fit_tags
        self.overflow: dict[int, np.ndarray] = {}
        self.overflowing = BitMap()
        self.tags: dict[int, BitMap] = {}
        self.tag_type: dict[int, str] = {}
        self.posted, self.member, self.guest = BitMap(), BitMap(), BitMap()
        self.complete, self.crossover, self.anonymous = BitMap(), BitMap(), BitMap()
        self.languages: dict[str, BitMap] = {}
        self.ordered: dict[str, OrderedKeys] = {}
        self._types_dirty = True
        # {tag type: (tag sizes, indices of the biggest)}; None until a faceted search needs it.
        self._sizes: dict[str, tuple[np.ndarray, np.ndarray]] | None = None

    def _grow(self, needed: int):
        if needed <= self.capacity:
            return
        cap = max(needed + HEADROOM_MIN, int(self.capacity * 1.25))

        def grown(values, fill):
            out = np.full((cap, *values.shape[1:]), fill, dtype=values.dtype)
            out[: len(values)] = values
            return out

        self.updated, self.published = grown(self.updated, INT64_MAX), grown(self.published, INT64_MAX)
        self.updated_day = grown(self.updated_day, NO_DAY)
        self.words = grown(self.words, 0)
        self.stats = {name: grown(values, 0) for name, values in self.stats.items()}
        self.matrix = grown(self.matrix, 0)
        for keys in self.ordered.values():
            keys.grow(cap)
        self.capacity = cap

    def _load_works(self, works):
        """Set each work's flags, dates and numbers from its row; drafts stay out of every set."""
        fields = (
            "pk", "is_draft", "hidden_by_moderator", "restricted", "language", "word_count",
            "chapter_count", "expected_chapters", "published_at", "updated_at", "unrevealed", "anonymous",
            "held_for_review",
        )  # fmt: skip
        posted, member, guest, complete, anonymous = [], [], [], [], []
        by_language: dict[str, list[int]] = {}
        rows = works.order_by().values_list(*fields).iterator(chunk_size=20_000)
        for pk, draft, hidden, restricted, language, words, chapters, expected, published, updated, *flags in rows:
            unrevealed, anon, held = flags
            self._grow(pk + 1)
            self._count("words", pk, words)
            self.updated[pk] = INT64_MAX if updated is None else -_micros(updated)
            self.published[pk] = INT64_MAX if published is None else -_micros(published)
            self.updated_day[pk] = _day(updated)
            if draft:
                continue
            posted.append(pk)
            if not (hidden or unrevealed or held):  # the visibility rule: creators and moderators only
                member.append(pk)
                if not restricted:
                    guest.append(pk)
            if expected is not None and chapters >= expected:
                complete.append(pk)
            if anon:
                anonymous.append(pk)
            by_language.setdefault(language, []).append(pk)
        for target, pks in ((self.posted, posted), (self.member, member), (self.guest, guest)):
            target.update(_bitmap(np.array(pks, dtype=np.int64)))
        self.complete.update(_bitmap(np.array(complete, dtype=np.int64)))
        self.anonymous.update(_bitmap(np.array(anonymous, dtype=np.int64)))
        for language, pks in by_language.items():
            self.languages.setdefault(language, BitMap()).update(_bitmap(np.array(pks, dtype=np.int64)))

    def _load_stats(self, work_ids):
        if not stats_available():
            return
        # Read by name: the stats row is the interactions app's, above search (as in sql.py).
        rows = apps.get_model("interactions", "WorkStats").objects.order_by()
        if work_ids is not None:
            rows = rows.filter(work_id__in=work_ids)
        for work_id, *values in rows.values_list("work_id", *STATS).iterator(chunk_size=20_000):
            if work_id < self.capacity:
                for name, value in zip(STATS, values, strict=True):
                    self._count(name, work_id, value)

    def _count(self, name: str, work_id: int, value: int):
        values = self.words if name == "words" else self.stats[name]
        try:
            values[work_id] = value
        except OverflowError:  # past 32 bits: this one array goes to 64
            values = values.astype(np.int64)
            values[work_id] = value
            if name == "words":
                self.words = values
            else:
                self.stats[name] = values

    def _fit_tags(self, top_tag: int):
        """Widen the tag matrix when a tag id no longer fits its integer type
        (numpy would wrap it silently): uint16 up to 65,535 tags, then int32."""
        if top_tag > np.iinfo(self.matrix.dtype).max:
            wide = np.uint32 if top_tag <= np.iinfo(np.uint32).max else np.int64
            self.matrix = self.matrix.astype(wide)

    def _load_all_tags(self):
        """Every filter tagging, one row per tag with its works as text: far
        faster than a row per tagging at a million works."""
        table = FilterTagging._meta.db_table
        aggregate = "string_agg(work_id::text, ',')" if connection.vendor == "postgresql" else "group_concat(work_id)"
        work_parts, tag_parts = [], []
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT tag_id, {aggregate} FROM {table} GROUP BY tag_id")  # noqa: S608
            for tag_id, joined in cursor:
                works = np.sort(np.array(joined.split(","), dtype=np.int64))
                self.tags[tag_id] = _bitmap(works)
                work_parts.append(works)
                tag_parts.append(np.full(len(works), tag_id, dtype=np.int64))
        self._load_tag_types()
        if not work_parts:
            return
        works, tags = np.concatenate(work_parts), np.concatenate(tag_parts)
        self._grow(int(works.max()) + 1)
        self._fit_tags(int(tags.max()))
        order = np.argsort(works, kind="stable")
        works, tags = works[order], tags[order]
        # Each tagging's place among its work's tags: its index minus where the work's run starts.
        starts = np.searchsorted(works, works, side="left")
        slot = np.arange(len(works)) - starts
        fits = slot < WIDTH
        self.matrix[works[fits], slot[fits]] = tags[fits]
        for work_id in np.unique(works[~fits]):
            self.overflow[int(work_id)] = tags[(works == work_id) & ~fits]
            self.overflowing.add(int(work_id))

    def _load_tag_types(self, tag_ids=None):
        """Types of the tags not seen before (among `tag_ids`, or all)."""
        unknown = [t for t in (self.tags if tag_ids is None else tag_ids) if t not in self.tag_type]
        for chunk in _chunks(unknown, 5000):
            self.tag_type.update(Tag.objects.filter(pk__in=chunk).values_list("pk", "type"))
        if unknown:
            self._types_dirty = True

    def _load_crossovers(self, work_ids):
        """Works tagged directly with more than one fandom (meta tags don't make a crossover)."""
        rows = FilterTagging.objects.filter(inherited=False, tag__type=TagType.FANDOM).order_by()
        if work_ids is not None:
            rows = rows.filter(work_id__in=work_ids)
        counted: dict[int, int] = {}
        for work_id in rows.values_list("work_id", flat=True).iterator(chunk_size=50_000):
            counted[work_id] = counted.get(work_id, 0) + 1
        self.crossover.update(w for w, n in counted.items() if n > 1)

    # --- keeping fresh ----------------------------------------------------------------
    def refresh(self) -> bool:
        """Apply change-log rows not yet applied. False when the log no longer
        reaches back to the last look (rows were pruned): the index must be rebuilt."""
        now = timezone.now()
        if now - self.checked_at > WorkChange.RETENTION - timedelta(hours=1):
            return False
        rows = list(WorkChange.objects.filter(pk__gt=self.horizon).values_list("pk", "work_id", "created_at"))
        fresh = [(pk, work_id) for pk, work_id, _ in rows if pk not in self.applied]
        if fresh:
            self.reload({work_id for _, work_id in fresh})
            self.applied.update(pk for pk, _ in fresh)
        settled = [pk for pk, _, created in rows if created < now - GRACE]
        if settled:
            self.horizon = max(settled)
            self.applied = {pk for pk in self.applied if pk > self.horizon}
        self.checked_at = now
        if now - self.pruned_at > timedelta(hours=1):
            self.pruned_at = now
            WorkChange.objects.prune(now)
        return True

    def reload(self, work_ids: set[int]):
        """Forget what the index knew of these works and read them again."""
        self._grow(max(work_ids) + 1)
        before = {work_id: self._row(work_id).tolist() for work_id in work_ids}
        for work_id in work_ids:
            self._forget(work_id)
        filed: dict[int, list[int]] = {}
        for chunk in _chunks(work_ids):
            self._load_works(Work.objects.filter(pk__in=chunk))
            self._load_stats(chunk)
            self._load_crossovers(chunk)
            for work_id, tag_id in FilterTagging.objects.filter(work_id__in=chunk).values_list("work_id", "tag_id"):
                filed.setdefault(work_id, []).append(tag_id)
                self.tags.setdefault(tag_id, BitMap()).add(work_id)
            for name, keys in self.ordered.items():
                found = self._sort_keys(name, chunk)
                for work_id in chunk:
                    keys.set(work_id, found.get(work_id))
        if filed:
            self._fit_tags(max(max(tags) for tags in filed.values()))
        for work_id, tag_ids in filed.items():
            self._set_row(work_id, np.array(sorted(tag_ids), dtype=np.int64))
        # Most changes are kudos and hits: tag sizes and types are only worked
        # out again when a work was filed differently.
        if any(sorted(filed.get(w, ())) != sorted(tags) for w, tags in before.items()):
            self._sizes = None
            self._load_tag_types({t for tags in filed.values() for t in tags})

    def _forget(self, work_id: int):
        for tag_id in self._row(work_id):
            bitmap = self.tags.get(int(tag_id))
            if bitmap is not None:
                bitmap.discard(work_id)
        self._set_row(work_id, np.zeros(0, dtype=np.int64))
        for bitmap in (self.posted, self.member, self.guest, self.complete, self.crossover, self.anonymous):
            bitmap.discard(work_id)
        for bitmap in self.languages.values():  # a handful of languages: cheaper than a map per work
            bitmap.discard(work_id)
        self.updated[work_id] = self.published[work_id] = INT64_MAX
        self.updated_day[work_id] = NO_DAY
        self.words[work_id] = 0
        for values in self.stats.values():
            values[work_id] = 0

    def _row(self, work_id: int) -> np.ndarray:
        row = self.matrix[work_id]
        row = row[row > 0]
        if work_id in self.overflowing:
            row = np.concatenate([row, self.overflow[work_id]])
        return row

    def _set_row(self, work_id: int, tag_ids: np.ndarray):
        self.matrix[work_id] = 0
        self.matrix[work_id, : min(WIDTH, len(tag_ids))] = tag_ids[:WIDTH]
        if len(tag_ids) > WIDTH:
            self.overflow[work_id] = tag_ids[WIDTH:]
            self.overflowing.add(work_id)
        else:
            self.overflow.pop(work_id, None)
            self.overflowing.discard(work_id)

    # --- text sorts -------------------------------------------------------------------
    def _sort_keys(self, name: str, work_ids) -> dict[int, str]:
        """Title and creator sort keys, lower-cased by the database itself so they
        compare in Python exactly as the reference's code-point collation orders them."""
        works = Work.objects.filter(is_draft=False).order_by()
        if work_ids is not None:
            works = works.filter(pk__in=work_ids)
        if name == "title":
            return dict(works.annotate(key=Lower("title")).values_list("pk", "key").iterator(chunk_size=50_000))
        keys = {pk: ("anonymous" if anonymous else "") for pk, anonymous in works.values_list("pk", "anonymous")}
        credits = Creatorship.objects.filter(accepted=True, work_id__in=works.values("pk"))
        for work_id, lowered in credits.annotate(key=Lower("pseud__name")).values_list("work_id", "key"):
            if keys[work_id] == "anonymous":
                continue
            if keys[work_id] == "" or lowered < keys[work_id]:
                keys[work_id] = lowered
        return keys

    def _ordered(self, name: str) -> OrderedKeys:
        # Made the first time a reader sorts by it: most never do.
        if name not in self.ordered:
            self.ordered[name] = OrderedKeys(self._sort_keys(name, None), self.capacity)
        return self.ordered[name]

    # --- answering --------------------------------------------------------------------
    def visible(self, viewer, mutes: bool = True) -> BitMap:
        if not (viewer and viewer.is_authenticated):
            return self.guest
        if viewer.can_moderate:
            seen = BitMap(self.posted)
        else:
            own = Creatorship.objects.filter(pseud__user=viewer, accepted=True).values_list("work_id", flat=True)
            seen = self.member | (BitMap(own) & self.posted)
            # Unrevealed works in collections the viewer maintains: the rule's own subquery.
            maintained = Work.objects.filter(Work.objects.unrevealed_to_maintainer(viewer))
            seen |= BitMap(maintained.values_list("pk", flat=True))
        if mutes:
            seen.difference_update(BitMap(Work.objects.muted_by(viewer).values_list("pk", flat=True)))
        return seen

    def matching(self, query, viewer) -> tuple[BitMap, np.ndarray, np.ndarray | None]:
        """The works matching `query` as a bitmap and as sorted ids, with their
        full-text scores (aligned with the ids) when the query has text."""
        if query.unknown_include:
            return BitMap(), np.zeros(0, dtype=np.int64), None
        found = self.visible(viewer, mutes=query.mutes)
        if query.collections:
            found = found & BitMap(collection_work_ids(query.collections).values_list("work_id", flat=True))
        for tag_id in sorted(query.include, key=lambda t: len(self.tags.get(t, EMPTY))):
            found = found & self.tags.get(tag_id, EMPTY)
        excluded = [self.tags[t] for t in query.exclude if t in self.tags]
        if excluded:
            found = found - BitMap.union(*excluded)
        if query.crossover:
            found = found & self.crossover if query.crossover == "only" else found - self.crossover
        if query.complete:
            found = found & self.complete if query.complete == "complete" else found - self.complete
        if query.anonymous == "exclude":
            found = found - self.anonymous
        if query.language:
            found = found & self.languages.get(query.language, EMPTY)
        scores = None
        if query.text:
            # Text first: its matches are usually far fewer than the tag-filtered
            # works, so the ranges below test a few thousand works, not a million.
            # Only a relevance sort needs scores, and only for works that passed
            # the filters above (the database skips scoring the rest).
            scored = query.effective_sort == "relevance"
            matched = np.array(
                fulltext.matches(query.text, found, scored=scored), dtype=[("id", np.int64), ("score", np.float64)]
            )
            matched.sort(order="id")
            # PostgreSQL returns every match (see fulltext.matches): keep those among `found`.
            inside = np.isin(matched["id"], _ids(found & _bitmap(matched["id"])), assume_unique=True)
            ids = matched["id"][inside]
            scores = matched["score"][inside] if scored else None
        else:
            ids = _ids(found)
        keep = None
        if query.updated_from:
            keep = self.updated_day[ids] >= query.updated_from.toordinal()
        if query.updated_to:
            day = self.updated_day[ids]
            keep = (day != NO_DAY) & (day <= query.updated_to.toordinal()) & (True if keep is None else keep)
        for name, op, number in query.ranges:
            values = (self.words if name == "words" else self.stats[name])[ids]
            test = {">": values > number, "<": values < number, ">=": values >= number, "<=": values <= number}
            passed = test.get(op, values == number)
            keep = passed if keep is None else keep & passed
        if query.text and keep is None:
            found = _bitmap(ids)
        if keep is not None:
            ids = ids[keep]
            scores = scores[keep] if scores is not None else None
            found = _bitmap(ids)
        return found, ids, scores

    def page(self, ids: np.ndarray, scores, query) -> list[int]:
        start = (query.page - 1) * query.per_page
        stop = start + query.per_page
        if start >= len(ids):
            return []
        sort = query.effective_sort
        if sort == "relevance":
            keys = [-ids, self.updated[ids], scores]
        elif sort == "updated":
            keys = [-ids, self.updated[ids]]
        elif sort == "posted":
            keys = [-ids, self.published[ids]]
        elif sort in ("kudos", "hits", "comments", "bookmarks", "words"):
            values = self.words if sort == "words" else self.stats[sort]
            keys = [-ids, -values[ids]]
        elif sort in ("title", "creator"):
            keys = [self._ordered(sort).rank[ids]]
        else:
            keys = [-ids]
        primary = keys[-1]
        if stop < len(ids):
            # Only works whose first key is within the first `stop` need ordering in full.
            cut = np.partition(primary, stop - 1)[stop - 1]
            near = primary <= cut
            ids, keys = ids[near], [k[near] for k in keys]
        order = np.lexsort(keys)
        return [int(i) for i in ids[order[start:stop]]]

    def facets(self, found: BitMap, ids: np.ndarray) -> dict[str, list[tuple[int, int]]]:
        from . import FACET_LIMIT

        if self._types_dirty:
            grouped: dict[str, list[int]] = {}
            for tag_id, tag_type in self.tag_type.items():
                grouped.setdefault(tag_type, []).append(tag_id)
            self.by_type = {t: np.array(sorted(pks), dtype=np.int64) for t, pks in grouped.items()}
            self.top_tag = max(self.tag_type, default=0)
            self._types_dirty = False
            self._sizes = None
        counts = None if len(ids) <= MATRIX_LIMIT else self._counts_by_intersection(found, FACET_LIMIT)
        if counts is None:
            counts = self._counts_by_matrix(found, ids)
        out = {}
        for tag_type in (t.value for t in TagType):
            pairs = counts.get(tag_type)
            if pairs is None:
                continue
            tag_ids, numbers = pairs
            nonzero = numbers > 0
            tag_ids, numbers = tag_ids[nonzero], numbers[nonzero]
            if len(tag_ids):
                order = np.lexsort((tag_ids, -numbers))[:FACET_LIMIT]
                out[tag_type] = [(int(tag_ids[i]), int(numbers[i])) for i in order]
        return out

    def _counts_by_matrix(self, found: BitMap, ids: np.ndarray) -> dict:
        counts = np.bincount(self.matrix[ids].ravel(), minlength=self.top_tag + 1)
        for work_id in found & self.overflowing:
            np.add.at(counts, self.overflow[work_id], 1)
        counts[0] = 0
        return {t: (pks, counts[pks]) for t, pks in self.by_type.items()}

    def _counts_by_intersection(self, found: BitMap, limit: int) -> dict | None:
        """Counts for the tags that can reach each group's top `limit`: count the
        biggest tags first, then every tag at least as big as the lowest count
        among them (no smaller tag can beat it). None when too many remain."""
        if self._sizes is None:
            # Tag sizes and the biggest tags per type, kept until a work is reloaded.
            self._sizes = {}
            for tag_type, pks in self.by_type.items():
                sizes = np.array([len(self.tags[int(t)]) for t in pks], dtype=np.int64)
                self._sizes[tag_type] = (sizes, np.argsort(-sizes, kind="stable")[:limit])
        out = {}
        for tag_type, pks in self.by_type.items():
            sizes, first = self._sizes[tag_type]
            numbers = {int(pks[i]): found.intersection_cardinality(self.tags[int(pks[i])]) for i in first}
            floor = sorted(numbers.values(), reverse=True)[min(limit, len(numbers)) - 1] if numbers else 0
            rest = np.flatnonzero(sizes >= max(floor, 1))
            if len(rest) > CANDIDATE_LIMIT:
                return None
            for i in rest:
                tag_id = int(pks[i])
                if tag_id not in numbers:
                    numbers[tag_id] = found.intersection_cardinality(self.tags[tag_id])
            chosen = np.array(list(numbers), dtype=np.int64)
            out[tag_type] = (chosen, np.array([numbers[t] for t in chosen.tolist()], dtype=np.int64))
        return out

    def search(self, query, viewer, facets: bool = True):
        from . import SearchResult

        with self.lock:
            found, ids, scores = self.matching(query, viewer)
            total = len(ids)
            page = self.page(ids, scores, query) if total else []
            counts = self.facets(found, ids) if facets and total else {}
        return SearchResult(ids=page, total=total, facets=counts)


# --- the process's shared index ---------------------------------------------------------
# Built in a thread, so no request waits for it (searches meanwhile go to the SQL
# reference). Tests build inline: their rows live in a transaction other threads can't see.
BUILD_IN_BACKGROUND = True
_shared: BitmapIndex | None = None
_building = threading.Lock()


def _build_shared(in_thread: bool):
    global _shared
    try:
        _shared = BitmapIndex().build()
        logger.info("search index built in %.1f s", _shared.build_seconds)
    except Exception:
        if not in_thread:
            raise
        logger.exception("building the search index failed; searches stay on SQL")
    finally:
        if in_thread:
            connection.close()
        _building.release()


def shared_index() -> BitmapIndex | None:
    """The process's index, or None while it is being built."""
    if _shared is None and _building.acquire(blocking=False):
        if BUILD_IN_BACKGROUND:
            threading.Thread(target=_build_shared, args=(True,), name="quire-search-index", daemon=True).start()
        else:
            _build_shared(False)
    return _shared


def build_shared() -> BitmapIndex:
    """Build the process's index now, in this thread, with its text sorts, and
    keep it as the shared one: what `quire.search.warmup.warm` calls in a
    server's master so every worker forked after starts with it."""
    global _shared
    with _building:
        index = BitmapIndex().build()
        for name in ("title", "creator"):
            index._ordered(name)
        _shared = index
    logger.info("search index made in %.1f s", index.build_seconds)
    return index


def reset_shared():
    """Forget the shared index (tests, whose rolled-back rows the log can't describe)."""
    global _shared
    _shared = None


class BitmapBackend:
    name = "bitmap"

    def __init__(self, index: BitmapIndex | None = None):
        self.index = index

    @classmethod
    def built(cls) -> "BitmapBackend":
        return cls(BitmapIndex().build())

    def search(self, query, viewer, facets: bool = True):
        index = self.index or shared_index()
        if index is not None:
            with index.lock:
                if index.refresh():
                    return index.search(query, viewer, facets=facets)
            if index is _shared:
                # Asleep longer than the log keeps: build afresh, answer from SQL meanwhile.
                reset_shared()
            else:
                index.build()
                return index.search(query, viewer, facets=facets)
        return SQLBackend().search(query, viewer, facets=facets)
