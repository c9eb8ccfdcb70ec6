"""How spam-like a new work or comment is, as a score with its reasons.

The interactions app already refuses what is plainly spam (only links, one word
repeated, the same text pasted twice). This scores what gets past that: links and
how dense they are, repetition inside the text and across the poster's earlier
posts, a brand-new account that posts links, and the vocabulary of adverts.
Above settings.SPAM_HOLD_SCORE the content waits for a moderator."""

import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from quire.interactions.spam import spam_reason
from quire.lib import text as textlib

_URL = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)
_WORD = re.compile(r"\w+", re.UNICODE)
ADVERT_WORDS = {
    "casino", "viagra", "cialis", "loan", "loans", "crypto", "bitcoin", "forex", "cheap", "discount",
    "buy", "sale", "promo", "coupon", "betting", "replica", "followers", "seo", "escort", "pharmacy",
}  # fmt: skip


@dataclass
class Score:
    points: int = 0
    reasons: list[str] = field(default_factory=list)

    def add(self, points: int, reason: str) -> None:
        self.points += points
        self.reasons.append(f"+{points} {reason}")


def _words(text: str) -> list[str]:
    plain = textlib.html_to_text(text) if "<" in text else text
    return [w.lower() for w in _WORD.findall(_URL.sub(" ", plain))]


def score_text(html_or_text: str, *, user=None, earlier_texts=(), compare: str | None = None,
               actor_key: str = "") -> Score:  # fmt: skip
    """`earlier_texts` are the poster's earlier posts, checked against `compare`
    (the part of the text that would repeat, e.g. a chapter) or the whole text."""
    score = Score()
    plain = textlib.html_to_text(html_or_text) if "<" in html_or_text else html_or_text
    links = len(_URL.findall(plain)) + len(re.findall(r"<a\s", html_or_text, re.IGNORECASE))
    words = [w.lower() for w in _WORD.findall(_URL.sub(" ", plain))]
    if actor_key and spam_reason(html_or_text, actor_key):
        score.add(60, "caught by the comment spam filter")
    if links:
        score.add(min(40, 10 * links), f"{links} link(s)")
        if links * 100 > max(len(words), 1) * 2:
            score.add(20, "more than two links per hundred words")
    if len(words) >= 20 and len(set(words)) / len(words) < 0.3:
        score.add(30, "the same few words over and over")
    adverts = sorted({w for w in words if w in ADVERT_WORDS})
    if adverts:
        score.add(min(30, 10 * len(adverts)), f"advert words: {', '.join(adverts)}")
    normalised = " ".join(_words(compare) if compare is not None else words)
    if normalised and any(" ".join(_words(t)) == normalised for t in earlier_texts):
        score.add(40, "the same text as an earlier post")
    if user is not None and links >= 3 and user.date_joined > timezone.now() - timedelta(days=1):
        score.add(10, "an account less than a day old posting several links")
    return score
