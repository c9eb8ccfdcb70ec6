"""Relationships as authors announce them: "A/B" (also "A x B", "[A, B]") for a romantic or
sexual pairing, "a friendship between A and B" or "A & B" for a platonic bond.

A pairing named only to rule it out ("Not A/B", "no A/B", "this isn't an A/B fic") is
recorded as rejected and never suggested; "eventual A/B" is suggested, quoting "eventual".
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from itertools import combinations, permutations

from . import weights as W
from .canon import Canon
from .document import Document
from .model import Suggestion
from .names import Mention

# Qualifiers authors put before a pairing are not part of a name ("Not A/B", "Past A/B").
_QUALIFIER = (r"(?!(?:Not|No|And|Or|The|With|Maybe|Eventual|Eventually|Endgame|Slight|Past|"
              r"Implied|Mostly|Some|Background|Minor|Side|Also|Plus|Pre|Former)\b)")
NAME = _QUALIFIER + r"[A-Z][\w'’.-]*[\w](?:[ ][A-Z][\w'’-]*[\w])?"
ROMANCE_RES = [
    re.compile(rf"(?<![\w/])({NAME})\s?/\s?({NAME})(?:\s?/\s?({NAME}))?(?![\w/])"),
    re.compile(rf"(?<![\w/])({NAME}) x ({NAME})(?![\w/])"),
    re.compile(rf"\[({NAME}),\s*({NAME})(?:,\s*({NAME}))?\]"),
    # "IwaizumixOikawa", "AshxMisty": the notation without spaces.
    re.compile(r"(?<![\w/])([A-Z][a-z]{2,})x([A-Z][a-z]{2,})(?![\w/])"),
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


# --- Relationships the story shows -------------------------------------------------------
# Romantic or sexual moments: a pair whose names stand near them often is a pairing even
# when the author never wrote "A/B".
# Matched on the lower-cased paragraph (faster than IGNORECASE on long texts).
# Only acts between two people count: "husband" or "married" often name a third.
ROMANCE_CUE_RE = re.compile(
    r"\b(?:kiss(?:ed|es|ing)?|fell in love|in love with|love you|mak(?:e|es|ing) out|made out|"
    r"cuddl\w*|snuggl\w*|caress\w*|nuzzl\w*|first date|on a date|hand in hand|"
    r"(?:held|holding|hold|took|taking|squeezed|squeezing) (?:his|her|their|[a-z'’-]+['’]s) hand|"
    r"holding hands|slept together|making love|made love)\b")
_WORD_RE = re.compile(r"(?<![\w'’-])[A-Z][\w'’]{3,}(?![\w'’-])")


def shown_relationships(doc: Document, central: list[str], who: Callable[[Mention], str | None],
                        canon: Canon | None) -> list[Suggestion]:
    """Pairs of the story's central characters, ranked by the romantic scenes they share
    (a paragraph with a romantic cue, its neighbours naming both) and, for "&", by how
    often they share a paragraph at all. Canonical relationships are named as the canon
    names them."""
    keep = set(central)
    present: dict[tuple[int, int], set[str]] = defaultdict(set)
    spots: dict[tuple[int, int], list[tuple[int, str]]] = defaultdict(list)  # (offset, person)
    where: dict[tuple[int, int, str], Mention] = {}
    names: dict[tuple[str, ...], str | None] = {}  # a name as written -> its character
    story = {i for i, _t in doc.of_kind("story")}
    for m in doc.mentions:
        if m.part in story:
            name = names[m.tokens] if m.tokens in names else names.setdefault(m.tokens, who(m))
            if name in keep:
                j = doc.paragraph_of(m.part, m.start)
                present[(m.part, j)].add(name)
                spots[(m.part, j)].append((m.start, name))
                where.setdefault((m.part, j, name), m)
    romance: dict[tuple[str, str], int] = defaultdict(int)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    quotes: dict[tuple[str, str], list[str]] = defaultdict(list)
    quotes_shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for pi, text in doc.of_kind("story"):
        at = 0
        for j, para in enumerate(text.split("\n\n")):
            here = present.get((pi, j), set())
            for pair in combinations(sorted(here), 2):
                shared[pair] += 1
                if len(quotes_shared[pair]) < 2:
                    m = where[(pi, j, pair[1])]
                    quotes_shared[pair].append(doc.quote(pi, m.start, m.start + len(m.text)))
            if len(here) > 1:
                credited: set[tuple[str, str]] = set()
                for cue in ROMANCE_CUE_RE.finditer(para.lower()):
                    lovers = _pair_at(doc, pi, at + cue.start(), at + cue.end(), spots[(pi, j)])
                    if lovers is None or lovers in credited:
                        continue
                    credited.add(lovers)  # one scene per paragraph and pair
                    romance[lovers] += 1
                    if len(quotes[lovers]) < 3:
                        quotes[lovers].append(doc.quote(pi, at + cue.start(), at + cue.end()))
            at += len(para) + 2
    out: list[Suggestion] = []
    rank = {n: i for i, n in enumerate(central)}
    for pair in sorted(set(romance) | set(shared), key=lambda p: (-romance[p], -shared[p])):
        slash = canon.relationship("/", pair) if canon is not None else None
        amp = canon.relationship("&", pair) if canon is not None else None
        r = romance[pair]
        if r >= W.ROMANCE_MIN_SCENES or (r >= 1 and slash is not None):
            conf = min(W.ROMANCE_MAX, W.ROMANCE_BASE + W.ROMANCE_PER_SCENE * r)
            if slash is not None:
                conf = min(W.ROMANCE_MAX, conf + W.CANON_PAIR_BONUS)
            name = slash.name if slash is not None else "/".join(pair)
            out.append(Suggestion(name, slash is not None, round(conf, 2), quotes[pair]))
        elif shared[pair] >= W.FRIENDS_MIN_SCENES and (amp is not None or max(rank[p] for p in pair) <= 1):
            name = amp.name if amp is not None else " & ".join(pair)
            conf = W.FRIENDS_CANON if amp is not None else W.FRIENDS_GUESS
            out.append(Suggestion(name, amp is not None, conf, quotes_shared.get(pair, [])))
    return out


def _pair_at(doc: Document, pi: int, start: int, end: int, spots: list[tuple[int, str]]
             ) -> tuple[str, str] | None:
    """The two people a romantic cue at text[start:end] is about: the nearest two distinct
    people in its sentence ("Dean kissed Cas, and Sam looked away" is Dean and Cas), or in
    its paragraph when the sentence names fewer than two."""
    s, e = doc.sentence(pi, start, end)
    for pool in ([p for p in spots if s <= p[0] < e], spots):
        picked: list[str] = []
        for _d, name in sorted((abs(off - start), name) for off, name in pool):
            if name not in picked:
                picked.append(name)
            if len(picked) == 2:
                return (min(picked), max(picked))
    return None


_WISH_RE = re.compile(r"\b(?:would|wish|if only|should have|could have)\b", re.IGNORECASE)


def ship_names(doc: Document, central: list[str], canon: Canon | None) -> list[Suggestion]:
    """Ship names in the author's words (notes, summary): a canon alias ("Drarry",
    "Sterek"), "AxB" notation, or a blend of two central characters' names ("Steddie" of
    Steve and Eddie, "KakaIru" of Kakashi and Iruka)."""
    out: dict[str, Suggestion] = {}
    given = {n: [t.lower() for t in re.findall(r"[^\W\d_]+", n) if len(t) > 2] for n in central}
    for pi, text in doc.of_kind("notes", "summary"):
        for m in _WORD_RE.finditer(text):
            word = m.group().rstrip("'’s") if m.group().endswith(("'s", "’s")) else m.group()
            entry = canon.ship_names.get(word.lower()) if canon is not None else None
            if entry is not None:
                name, canonical = entry.name, True
            else:
                pair = _blend(word, given)
                if pair is None:
                    continue
                rel = canon.relationship("/", pair) if canon is not None else None
                name, canonical = (rel.name, True) if rel is not None else ("/".join(sorted(pair)), False)
            s, e = doc.sentence(pi, m.start(), m.end())
            if NEGATION_RE.search(text[s:m.start()]) or _WISH_RE.search(text[s:e]):
                continue  # "No Destiel, sorry!", "If it were mine, Zutara would be canon."
            if name not in out:
                out[name] = Suggestion(name, canonical, W.SHIP_NAME, [doc.quote(pi, m.start(), m.end())])
    return list(out.values())


def _blend(word: str, given: dict[str, list[str]]) -> tuple[str, str] | None:
    """The two central characters whose names `word` blends, if exactly one pair fits:
    the start of one name and the end ("Ste|ddie") or the start ("Kaka|Iru") of another."""
    w = word.lower()
    if len(w) < 5:
        return None
    fits: set[tuple[str, str]] = set()
    for a, b in permutations(given, 2):
        for x in given[a]:
            for y in given[b]:
                if w in (x, y):
                    continue
                for i in range(2, min(len(x), len(w) - 2) + 1):
                    if x[:i] != w[:i]:
                        break
                    tail = w[i:]
                    if y.endswith(tail) or y.startswith(tail):
                        fits.add((min(a, b), max(a, b)))
    return next(iter(fits)) if len(fits) == 1 else None
