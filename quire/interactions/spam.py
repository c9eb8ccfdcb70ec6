"""Comment rate limits and an obvious-spam filter.

The rate limit counts in Django's cache with `add` and `incr` only, so it works
the same on LocMem (one process) and Redis (many). The spam filter only catches
what is plainly spam: a comment that is nothing but links, one word or phrase
said over and over, or the same text pasted again by the same person.
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from quire.lib import text as textlib
from quire.lib.ratelimit import Window

_URL = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)
_WORD = re.compile(r"\w+", re.UNICODE)


def _limits() -> tuple[int, int]:
    # Read at call time, never at import, so tests and settings overrides apply.
    return (
        settings.COMMENT_RATE,
        settings.COMMENT_RATE_WINDOW,
    )


def _window(actor_key: str) -> Window:
    limit, seconds = _limits()
    return Window(f"quire:comment-rate:{actor_key}", limit, seconds)


def seconds_until_allowed(actor_key: str) -> int:
    """0 if `actor_key` may comment now; otherwise how long to wait."""
    return _window(actor_key).seconds_blocked()


def record_comment(actor_key: str) -> None:
    _window(actor_key).hit()


def rate_message(seconds: int) -> str:
    return ngettext(
        "You're commenting too quickly. Please wait %(seconds)d second and try again: "
        "your text is still in the box below.",
        "You're commenting too quickly. Please wait %(seconds)d seconds and try again: "
        "your text is still in the box below.",
        seconds,
    ) % {"seconds": seconds}


def spam_reason(text: str, actor_key: str) -> str | None:
    """Why `text` looks like spam, in words for the commenter, or None."""
    plain = textlib.html_to_text(text)
    links = _URL.findall(plain) + re.findall(r"<a\s", text, re.IGNORECASE)
    without_links = _URL.sub(" ", plain)
    words = [w.lower() for w in _WORD.findall(without_links)]
    if links and len(words) < 3:
        return _("This comment looks like spam: it is only links. Please say something about the work.")
    if len(words) >= 8 and len(set(words)) <= 2:
        return _("This comment looks like spam: it repeats the same words over and over.")
    fingerprint = hashlib.sha256(" ".join(words).encode()).hexdigest()[:32]
    key = f"quire:comment-text:{actor_key}:{fingerprint}"
    if words and cache.get(key):
        return _("This comment looks like spam: you already posted the same text. Please write something new.")
    return None


def remember_text(text: str, actor_key: str) -> None:
    words = [w.lower() for w in _WORD.findall(_URL.sub(" ", textlib.html_to_text(text)))]
    fingerprint = hashlib.sha256(" ".join(words).encode()).hexdigest()[:32]
    cache.set(f"quire:comment-text:{actor_key}:{fingerprint}", 1, timeout=24 * 3600)
