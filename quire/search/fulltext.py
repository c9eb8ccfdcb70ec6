"""The database's own full-text search over SearchDocument: FTS5 with bm25 on
SQLite, a weighted tsvector with a GIN index and ts_rank_cd on PostgreSQL.

`text` is in websearch form, as `query.parse_text` writes it: bare words,
"quoted phrases" and -negated words."""

import re

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import mark_safe

START, STOP = "\u27e6", "\u27e7"  # ⟦ ⟧: markers no story text is likely to hold
_TOKEN = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')
# Column weights, in SearchDocument's order: title, summary, notes, tags, creators, body.
BM25 = "bm25(search_fts, 10.0, 4.0, 2.0, 6.0, 6.0, 1.0)"


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def fts5_query(text: str) -> str:
    """websearch text → an FTS5 MATCH expression, every term quoted so no
    reader's punctuation can be read as FTS5 syntax."""
    positive: list[str] = []
    negative: list[str] = []
    for neg_phrase, phrase, neg_word, word in _TOKEN.findall(text):
        term = phrase if phrase else word
        term = term.strip()
        if not term:
            continue
        quoted = '"' + term.replace('"', '""') + '"'
        (negative if (neg_phrase or neg_word) else positive).append(quoted)
    if not positive:
        return '""'
    return " ".join(positive) + "".join(f" NOT {n}" for n in negative)


# The SQL below interpolates only constants (table and function names, one %s
# placeholder per id); every value a reader typed is a bound parameter.
def restrict(qs, text: str):
    """Only works matching `text`, each with its `relevance`. A join with the
    full-text table, so the engine drives the query from its index."""
    if _postgres():
        return qs.extra(  # noqa: S610
            tables=["search_searchdocument"],
            where=[
                "search_searchdocument.work_id = works_work.id",
                "search_searchdocument.vector @@ websearch_to_tsquery('english', %s)",
            ],
            params=[text],
            select={"relevance": "ts_rank_cd(search_searchdocument.vector, websearch_to_tsquery('english', %s))"},
            select_params=[text],
        )
    return qs.extra(  # noqa: S610
        tables=["search_fts"],
        where=["search_fts.rowid = works_work.id", "search_fts MATCH %s"],
        params=[fts5_query(text)],
        select={"relevance": BM25},
    )


def matches(text: str, among=None, scored: bool = True) -> list[tuple[int, float]]:
    """Works matching `text` with their scores, lower is better: the same numbers
    `restrict` ranks by, for backends that filter elsewhere. With `among` (a set
    of work ids, anything supporting `in`), SQLite leaves out works outside it,
    which saves scoring them: scoring is most of the cost of a common word
    (measured on the bench corpus at 170,000 works: 70 ms scoring all 2,028
    matches, 2.7 ms scoring the 116 among the filtered works). Unscored
    (`scored=False`, for sorts that don't use relevance) every score is 0."""
    with connection.cursor() as cursor:
        if _postgres():
            # `among` is not passed on: measured at 100,000 works, shipping the ids
            # (as `= ANY(array)` or a joined unnest) cost more than scoring every match.
            score = "-ts_rank_cd(vector, websearch_to_tsquery('english', %s))" if scored else "0.0"
            cursor.execute(
                f"SELECT work_id, {score} "  # noqa: S608 - a constant expression; the text is bound
                "FROM search_searchdocument WHERE vector @@ websearch_to_tsquery('english', %s)",
                [text, text] if scored else [text],
            )
            return cursor.fetchall()
        where = "search_fts MATCH %s"
        if among is not None:
            # SQLite tests the WHERE clause before it computes bm25 for the select
            # list, so a row outside `among` is never scored.
            connection.connection.create_function("quire_among", 1, among.__contains__)
            where += " AND quire_among(rowid)"
        score = BM25 if scored else "0.0"
        cursor.execute(f"SELECT rowid, {score} FROM search_fts WHERE {where}", [fts5_query(text)])  # noqa: S608
        return cursor.fetchall()


def relevance_order() -> str:
    # bm25 is better when lower; ts_rank_cd when higher.
    return "-relevance" if _postgres() else "relevance"


def _mark(raw: str) -> str:
    # Escaped first: only our own <mark> tags survive as HTML.
    html = escape(raw).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308


def snippets(ids: list[int], text: str) -> dict[int, str]:
    """A highlighted excerpt per work: where the words were found, title to chapter text."""
    if not ids or not text:
        return {}
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        if _postgres():
            cursor.execute(
                "SELECT work_id, ts_headline('english', left(summary || ' … ' || body, 200000), "  # noqa: S608
                "websearch_to_tsquery('english', %s), %s) FROM search_searchdocument "
                f"WHERE work_id IN ({placeholders})",
                [text, f"StartSel={START}, StopSel={STOP}, MaxWords=30, MinWords=12, MaxFragments=2", *ids],
            )
        else:
            cursor.execute(
                "SELECT rowid, snippet(search_fts, -1, %s, %s, '…', 24) FROM search_fts "  # noqa: S608
                f"WHERE search_fts MATCH %s AND rowid IN ({placeholders})",
                [START, STOP, fts5_query(text), *ids],
            )
        rows = cursor.fetchall()
    return {work_id: _mark(raw) for work_id, raw in rows if raw and START in raw}
