"""Relationships as authors announce them: "A/B" (also "A x B", "[A, B]") for a romantic or
sexual pairing, "a friendship between A and B" or "A & B" for a platonic bond.

A pairing named only to rule it out ("Not A/B", "no A/B", "this isn't an A/B fic") is
recorded as rejected and never suggested; "eventual A/B" is suggested, quoting "eventual".
"""
from __future__ import annotations

import re
from collections.abc import Callable

from . import weights as W
from .canon import Canon
from .document import Document
from .model import Suggestion

# Qualifiers authors put before a pairing are not part of a name ("Not A/B", "Past A/B").
_QUALIFIER = (r"(?!(?:Not|No|And|Or|The|With|Maybe|Eventual|Eventually|Endgame|Slight|Past|"
              r"Implied|Mostly|Some|Background|Minor|Side|Also|Plus|Pre|Former)\b)")
NAME = _QUALIFIER + r"[A-Z][\w'’.-]*[\w](?:[ ][A-Z][\w'’-]*[\w])?"
ROMANCE_RES = [
    re.compile(rf"(?<![\w/])({NAME})\s?/\s?({NAME})(?:\s?/\s?({NAME}))?(?![\w/])"),
    re.compile(rf"(?<![\w/])({NAME}) x ({NAME})(?![\w/])"),
    re.compile(rf"\[({NAME}),\s*({NAME})(?:,\s*({NAME}))?\]"),
]
FRIEND_RES = [
    re.compile(rf"\b(?:friendship|friends|bond|sisterhood|brotherhood|partnership|rivalry)\s+"
               rf"(?:between|of|with)\s+({NAME})\s+(?:and|&)\s+({NAME})"),
    re.compile(rf"\b({NAME})\s+(?:and|&)\s+({NAME})['’]s?\s+(?:friendship|bond|sisterhood|"
               r"brotherhood)"),
    re.compile(rf"(?<![\w&])({NAME})\s?&\s?({NAME})(?![\w&])"),
]
NEGATION_RE = re.compile(
    r"\b(?:not|no|never|non|anti|isn'?t|isn’t|won'?t|won’t|aren'?t|without|nor|zero|none)\b"
    r"[\w\s,'’-]{0,30}$", re.IGNORECASE)
EVENTUAL_RE = re.compile(r"\b(?:eventual(?:ly)?|slow[- ]burn|future|endgame)\b[\w\s-]{0,12}$",
                         re.IGNORECASE)
# Pieces of "A/N", "and/or", "R&R" and alike are never names.
NOT_NAMES = {"A", "N", "R", "AN", "Not", "No", "And", "Or", "The", "Chapter", "Ch", "Part",
             # FFN genres, written "Angst/Hurt/Comfort"
             "Angst", "Hurt", "Comfort", "Romance", "Humor", "Humour", "Drama", "Fluff", "Tragedy",
             "Friendship", "Family", "Adventure", "Horror", "Mystery", "Parody", "Poetry",
             "Suspense", "Fantasy", "General", "Spiritual", "Crime", "Western", "Sci-Fi", "Smut"}
# Header lines whose slashes are not pairings.
_NOT_PAIRING_LINE_RE = re.compile(r"[\s*_]*(?:genres?|categor(?:y|ies))[*_]*\s*:",
                                  re.IGNORECASE)


def suggest_relationships(doc: Document, resolve: Callable[[str], tuple[str, bool]],
                          canon: Canon | None) -> tuple[list[Suggestion], list[Suggestion]]:
    found: dict[str, Suggestion] = {}
    rejected: dict[str, Suggestion] = {}
    for pi, (kind, text) in enumerate(doc.parts):
        weight = W.PAIRING_BY_AUTHOR if kind in ("notes", "summary") else W.PAIRING_IN_STORY
        author = kind in ("notes", "summary", "title")
        for rx in ROMANCE_RES + FRIEND_RES:
            sym = "&" if rx in FRIEND_RES else "/"
            # In prose only the unmistakable forms count ("A/B", "friendship between A and
            # B"); "A & B" there is mostly a shop sign or a law firm. Skipping the rest also
            # keeps long texts fast.
            if not author and not (rx is FRIEND_RES[0] or (rx is ROMANCE_RES[0] and "/" in text)):
                continue
            for m in rx.finditer(text):
                names = [g for g in m.groups() if g]
                if any(n in NOT_NAMES or n.split()[0] in NOT_NAMES for n in names):
                    continue
                if author and _NOT_PAIRING_LINE_RE.match(text, text.rfind("\n", 0, m.start()) + 1):
                    continue
                _record(doc, pi, m, names, sym, weight, resolve, canon, found, rejected)
    for key in rejected:
        found.pop(key, None)
    out = sorted(found.values(), key=lambda s: -s.confidence)
    return out, list(rejected.values())


def _record(doc: Document, pi: int, m: re.Match[str], names: list[str], sym: str, weight: float,
            resolve: Callable[[str], tuple[str, bool]], canon: Canon | None,
            found: dict[str, Suggestion], rejected: dict[str, Suggestion]) -> None:
    members = [resolve(n) for n in names]
    full = [n for n, _ in members]
    if len(set(full)) < len(full):
        return
    canonical = all(c for _, c in members)
    entry = canon.relationship(sym, full) if canon is not None else None
    if entry is not None:
        name, canonical = entry.name, True
    else:
        name, canonical = ("/" if sym == "/" else " & ").join(full), False
    key = sym + "|" + "|".join(sorted(full))
    text = doc.text(pi)
    s, _e = doc.sentence(pi, m.start(), m.end())
    before = text[s:m.start()]
    ev = doc.quote(pi, m.start(), m.end())
    if NEGATION_RE.search(before):
        rejected.setdefault(key, Suggestion(name, canonical, 0.0, [ev]))
        return
    conf = weight
    eventual = EVENTUAL_RE.search(before)
    if eventual:
        ev = text[s + eventual.start():m.end()].strip()
        conf = max(conf - W.PAIRING_EVENTUAL, W.PAIRING_EVENTUAL_FLOOR)
    prev = found.get(key)
    if prev is None:
        found[key] = Suggestion(name, canonical, conf, [ev])
    else:
        prev.confidence = round(min(0.99, max(prev.confidence, conf) + W.PAIRING_REPEATED), 2)
        if ev not in prev.evidence and len(prev.evidence) < 3:
            prev.evidence.append(ev)
