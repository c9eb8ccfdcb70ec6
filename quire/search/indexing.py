"""Keeping the search text fresh.

A work's SearchDocument is rebuilt in the same transaction as the change that
makes it stale (the work saved, a chapter saved or deleted, its tags re-filed,
a creator credited), so a posted or edited work is found by the very next
search, and a rolled-back change leaves the index as it was. Every such change
goes through `quire.works.freshness.works_changed`, which sends the event this
module receives (connected in `SearchConfig.ready`).
"""

import re
from collections.abc import Iterable
from html import unescape

from django.utils.html import strip_tags

from quire.works.models import ChapterState, Work

from .models import SearchDocument

# Keep one document within what every full-text engine indexes comfortably.
BODY_MAX = 1_000_000
_SPACE = re.compile(r"\s+")


def _plain(html: str) -> str:
    # Text, not HTML: entities decoded (`&amp;` → `&`), since the snippet
    # escapes everything it shows (`fulltext._mark`) and would escape them twice.
    return _SPACE.sub(" ", unescape(strip_tags(html.replace("<", " <")))).strip()


def document_fields(work, chapters, tag_names, creator_names) -> dict:
    body = " ".join(_plain(c.text_html) for c in chapters)[:BODY_MAX]
    return {
        "title": work.title,
        "summary": _plain(work.summary_html),
        "notes": _plain(work.notes_begin_html + " " + work.notes_end_html),
        "tags": " ; ".join(tag_names),
        # An anonymous work must not be findable by its creator's name.
        "creators": "" if work.anonymous else " ".join(creator_names),
        "body": body,
    }


def on_works_changed(sender, work_ids, **kwargs):
    reindex_works(work_ids)


def reindex_works(work_ids: Iterable[int]) -> None:
    """Rebuild these works' search text from the database (deleted works are skipped:
    their document went with them)."""
    work_ids = set(work_ids)
    if not work_ids:
        return
    works = Work.objects.filter(pk__in=work_ids).prefetch_related("tags", "creatorships__pseud", "chapters")
    for work in works:
        chapters = sorted(
            (c for c in work.chapters.all() if c.state == ChapterState.PUBLISHED), key=lambda c: c.position
        )
        creators = [c.pseud.name for c in work.creatorships.all() if c.accepted]
        fields = document_fields(work, chapters, [t.name for t in work.tags.all()], creators)
        SearchDocument.objects.update_or_create(work_id=work.pk, defaults=fields)

