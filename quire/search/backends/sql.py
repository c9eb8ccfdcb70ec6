"""The reference search backend: plain SQL through the ORM, plus the database's
own full-text index (FTS5 on SQLite, tsvector + GIN on PostgreSQL)."""

from collections import defaultdict

from django.apps import apps
from django.db import connection
from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Collate, Lower

from quire.tags.models import FilterTagging, TagType
from quire.works.models import Creatorship, Work

from .. import fulltext

FACET_TYPES = [t.value for t in TagType]
_OPS = {">": "gt", "<": "lt", ">=": "gte", "<=": "lte", "=": "exact"}


def stats_available() -> bool:
    """Kudos, hits, comments and bookmarks live in interactions.WorkStats once that app has it."""
    try:
        apps.get_model("interactions", "WorkStats")
    except LookupError:
        return False
    return True


def collection_work_ids(collection_ids):
    """Works approved into any of these collections. The collections app sits above
    search, so its item model is looked up by name rather than imported."""
    items = apps.get_model("quire_collections", "CollectionItem").objects
    return items.approved().filter(collection_id__in=collection_ids, work__isnull=False).values("work_id")


def _stat(name: str):
    if name == "words":
        return F("word_count")
    if stats_available():
        return Coalesce(F(f"stats__{name}"), Value(0))
    return Value(0, output_field=IntegerField())


class SQLBackend:
    name = "sql"

    def filtered(self, query, viewer):
        """The works matching `query` for `viewer`, unordered."""
        qs = Work.objects.visible_to(viewer, mutes=query.mutes).posted()
        if query.unknown_include:
            return qs.none()
        if query.collections:
            qs = qs.filter(pk__in=collection_work_ids(query.collections))
        # `IN (works filed under the tag)` lets the database start from the tag's
        # index instead of testing every visible work (a rare tag is then instant).
        for tag_id in query.include:
            qs = qs.filter(pk__in=FilterTagging.objects.filter(tag_id=tag_id).values("work_id"))
        if query.exclude:
            qs = qs.filter(~Exists(FilterTagging.objects.filter(work_id=OuterRef("pk"), tag_id__in=query.exclude)))
        if query.crossover:
            qs = qs.annotate(fandoms=Coalesce(_fandom_count(), Value(0)))
            qs = qs.filter(fandoms__gt=1) if query.crossover == "only" else qs.filter(fandoms__lte=1)
        if query.complete == "complete":
            qs = qs.filter(expected_chapters__isnull=False, chapter_count__gte=F("expected_chapters"))
        elif query.complete == "in_progress":
            qs = qs.filter(Q(expected_chapters__isnull=True) | Q(chapter_count__lt=F("expected_chapters")))
        if query.anonymous == "exclude":
            qs = qs.filter(anonymous=False)
        if query.language:
            qs = qs.filter(language=query.language)
        if query.updated_from:
            qs = qs.filter(updated_at__date__gte=query.updated_from)
        if query.updated_to:
            qs = qs.filter(updated_at__date__lte=query.updated_to)
        for index, (name, op, number) in enumerate(query.ranges):
            alias = f"range_{index}"
            qs = qs.alias(**{alias: _stat(name)}).filter(**{f"{alias}__{_OPS[op]}": number})
        if query.text:
            qs = fulltext.restrict(qs, query.text)
        return qs

    def ordered(self, qs, query):
        sort = query.effective_sort
        if sort == "relevance":
            return qs.order_by(fulltext.relevance_order(), F("updated_at").desc(nulls_last=True), "-pk")
        if sort == "updated":
            return qs.order_by(F("updated_at").desc(nulls_last=True), "-pk")
        if sort == "posted":
            return qs.order_by(F("published_at").desc(nulls_last=True), "-pk")
        if sort in ("kudos", "hits", "comments", "bookmarks", "words"):
            return qs.annotate(sort_value=_stat(sort)).order_by("-sort_value", "-pk")
        if sort == "title":
            return qs.order_by(codepoint_order(Lower("title")), "pk")
        if sort == "creator":
            return qs.annotate(creator_name=_creator_sort_name()).order_by(codepoint_order(F("creator_name")), "pk")
        return qs.order_by("-pk")

    def search(self, query, viewer, facets: bool = True):
        from . import SearchResult

        qs = self.filtered(query, viewer)
        total = qs.count()
        start = (query.page - 1) * query.per_page
        ids = []
        if total:
            ids = list(self.ordered(qs, query).values_list("pk", flat=True)[start : start + query.per_page])
        counts = self.facets(qs, query) if facets and total else {}
        return SearchResult(ids=ids, total=total, facets=counts)

    def facets(self, qs, query) -> dict[str, list[tuple[int, int]]]:
        from . import FACET_LIMIT

        # The filtered query compiled on its own, so the full-text join's table
        # names stay as written (as a nested queryset Django would re-alias them).
        sql, params = qs.order_by().values("pk").query.sql_with_params()
        rows = (
            FilterTagging.objects.filter(work_id__in=RawSQL(sql, params))  # noqa: S611
            .values_list("tag_id", "tag__type")
            .annotate(n=Count("id"))
        )
        by_type: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for tag_id, tag_type, n in rows:
            by_type[tag_type].append((tag_id, n))
        return {t: sorted(by_type[t], key=lambda p: (-p[1], p[0]))[:FACET_LIMIT] for t in FACET_TYPES if by_type[t]}


def codepoint_order(expression):
    """Text ordered by code point on both databases (SQLite's BINARY, PostgreSQL's
    "C"), so title and creator sorts agree everywhere and any backend can
    reproduce them with Python's own string order."""
    return Collate(expression, "C" if connection.vendor == "postgresql" else "BINARY")


def _fandom_count():
    """How many fandoms a work is tagged with directly (meta tags don't make a crossover)."""
    return Subquery(
        FilterTagging.objects.filter(work_id=OuterRef("pk"), inherited=False, tag__type=TagType.FANDOM)
        .order_by()
        .values("work_id")
        .annotate(n=Count("id"))
        .values("n")[:1],
        output_field=IntegerField(),
    )


def _creator_sort_name():
    first = (
        Creatorship.objects.filter(work_id=OuterRef("pk"), accepted=True)
        .annotate(lower=codepoint_order(Lower("pseud__name")))
        .order_by("lower", "pk")
        .values("lower")[:1]
    )
    return Case(When(anonymous=True, then=Value("anonymous")), default=Coalesce(Subquery(first), Value("")))
