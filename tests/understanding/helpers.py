"""Shared checks for the analyzer tests: the acceptance rules, applied to our own texts."""
import re
from collections import Counter

LABEL_WORDS = {"a/n", "an", "author's", "authors", "note", "notes", "disclaimer", "summary",
               "title", "end"}


def words(text):
    return re.findall(r"[A-Za-z0-9']+(?:/[A-Za-z0-9']+)?", text or "")


def lost_words(source, structure, markers=()):
    """Words of `source` missing from every part of `structure` (labels and markers aside)."""
    out = " ".join([text for _, text in structure.parts()] + [structure.title or ""])
    lost = Counter(w.lower() for w in words(source)) - Counter(w.lower() for w in words(out))
    return {w: n for w, n in lost.items() if w not in LABEL_WORDS and w not in markers}


def flat(text):
    return re.sub(r"\s+", " ", text)


def unquoted_evidence(source, suggestions):
    """Suggestions whose evidence is missing or not a verbatim quote of the source."""
    src = flat(source)
    bad = []
    items = (suggestions.fandoms + suggestions.characters + suggestions.relationships
             + suggestions.archive_warnings + suggestions.additional_tags + [suggestions.rating])
    for s in items:
        if not s.evidence or any(flat(e) not in src for e in s.evidence):
            bad.append(s.name)
    return bad
