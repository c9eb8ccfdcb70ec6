"""Cached fragments of what every reader sees the same way: a work's blurb in a list,
the facts and tag links at the top of its page.

A fragment is keyed by the work's id and `version` (a new one whenever what the
fragment shows changes: see `WorkQuerySet.touch`), so a change never has to find and
delete the old fragments: nobody asks for their key again. The key also holds
everything else the fragment depends on besides the work:

- the language and time zone it was rendered in (words, dates);
- the reader's spoiler preference (warnings and additional tags folded away);
- for an anonymous work, whether this reader may see its creators (its creators and
  moderators may; no one else), so a creator's byline is never handed to a stranger.

What differs from reader to reader in any other way (counts that change on every
click, their own kudos or bookmark, edit links) stays outside the cached part of
the template. Templates mark the part with `{% fragment "blurb" work %}`
(works_tags.py); a list calls `prime_blurbs` first to fetch a whole page of blurbs
in one round trip, and the tags, creators and series of only the works that missed.
"""

from collections.abc import Sequence

from django.core.cache import caches
from django.db.models import prefetch_related_objects
from django.utils import timezone, translation

from .models import Creatorship, Work, listing_prefetches


def fragment_cache():
    return caches["fragments"]


def _reveals_creators(work: Work, user) -> bool:
    if not work.anonymous:
        return True
    known = getattr(work, "_reveals_creators", None)
    if known is not None:
        return known
    return work.creators_visible_to(user) is not None


def fragment_key(kind: str, work: Work, user, hide_spoilers: bool) -> str:
    return ":".join((
        kind, str(work.pk), str(work.version), translation.get_language() or "-",
        timezone.get_current_timezone_name(), "s" if hide_spoilers else "-",
        "c" if _reveals_creators(work, user) else "a",
    ))  # fmt: skip


def prime_blurbs(works: Sequence[Work], user, hide_spoilers: bool) -> None:
    """Fetch the cached blurbs of `works` in one round trip, and what a blurb shows
    (tags, creators, series) for the rest, whose blurbs the template renders and caches."""
    if not works:
        return
    _note_creators(works, user)
    keys = {fragment_key("blurb", work, user, hide_spoilers): work for work in works}
    found = fragment_cache().get_many(list(keys))
    for key, html in found.items():
        keys[key]._fragments = {key: html}  # type: ignore[attr-defined]  # read by FragmentNode
    missing = [work for key, work in keys.items() if key not in found]
    if missing:
        prefetch_related_objects(missing, *listing_prefetches())


def _note_creators(works: Sequence[Work], user) -> None:
    """Whether `user` is a creator of each anonymous work, in one query for the page
    (their blurb's key depends on it, and the creators are not fetched for cached blurbs)."""
    anonymous = [w for w in works if w.anonymous]
    if not anonymous:
        return
    if not (user and user.is_authenticated):
        mine: set[int] = set()
    elif user.can_moderate:
        mine = {w.pk for w in anonymous}
    else:
        credits = Creatorship.objects.filter(work__in=[w.pk for w in anonymous], pseud__user=user, accepted=True)
        mine = set(credits.values_list("work_id", flat=True))
    for work in anonymous:
        work._reveals_creators = work.pk in mine  # type: ignore[attr-defined]


def render_fragment(kind: str, work: Work, user, hide_spoilers: bool, render) -> str:
    """The cached fragment, or `render()` cached under its key."""
    key = fragment_key(kind, work, user, hide_spoilers)
    primed = getattr(work, "_fragments", None)
    if primed and key in primed:
        return primed[key]
    cache = fragment_cache()
    html = cache.get(key)
    if html is None:
        if not hasattr(work, "_prefetched_objects_cache"):
            prefetch_related_objects([work], *listing_prefetches())
        html = render()
        cache.set(key, html)
    return html
