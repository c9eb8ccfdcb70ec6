"""Fandoms and characters: from what the author says (disclaimer, notes) and from the
names the story uses, resolved against a canon when one is given.

Order of reasoning: fandoms named by the author and fandoms whose characters appear get
scores; the best fandom then settles names shared across fandoms ("Tom") and lowers the
confidence of characters from other fandoms (a part in another musical, a namesake).
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from .canon import Canon, CanonEntry
from .gazetteer import PERSON_AFTER, STOPWORDS
from .model import Suggestion
from .names import Mention, common_words
from .text import fragment

_FNAME = r"(?P<x>[A-Z][\w'’:&!.-]*(?:\s+(?:[A-Z0-9][\w'’:&!.-]*|of|the|and|&|in|on)){0,5})"
NAMED_FANDOM_RES = [
    # (pattern, weight, parts it applies to)
    (re.compile(r"\b(?:do\s+not|don'?t|don’t|dont|never|didn'?t|did\s+not)\s+own\s+(?:any(?:thing|"
                r"\s+of)?\s+|the\s+rights\s+to\s+|the\s+characters?\s+(?:of|from|in)\s+|"
                r"the\s+)*" + _FNAME), 3.0, ("disclaimer", "notes", "summary")),
    (re.compile(_FNAME + r"\s+(?:belongs?|is\s+the\s+property|are\s+the\s+property|is\s+owned|"
                r"are\s+owned)\s+(?:to|of|by)\b"), 3.0, ("disclaimer", "notes")),
    (re.compile(_FNAME + r"\s+(?:is|are)\s+not\s+mine\b"), 3.0, ("disclaimer", "notes")),
    (re.compile(r"\b(?:first|latest|new|another|this|a|an|little|second|third)\s+" + _FNAME +
                r"\s+(?:fic|fics|fanfic|fan\s?fic|fanfiction|fan\s?fiction|story|one-?shot|AU|"
                r"drabble)\b"), 2.0, ("notes", "summary", "disclaimer")),
    # "Fandom: X" header lines, as posted on journals and Tumblr.
    (re.compile(r"(?im)^fandoms?\s*:\s*(?P<x>[^\n,;/]+?)\s*$"), 3.0, ("notes", "summary")),
    (re.compile(r"\b(?:the|this|in\s+the)\s+" + _FNAME + r"\s+(?:fandom|universe|verse)\b"), 2.0,
     ("notes", "summary")),
]
_TRIM_RE = re.compile(r"(?:\s+(?:of|the|and|&|in|on|or))+$|[:!.’']+$")
_GENERIC = STOPWORDS | {"fan", "fanfiction", "fanfic", "fic", "crossover", "ever"}


@dataclass
class People:
    fandoms: list[Suggestion]
    characters: list[Suggestion]
    top_fandom: str | None
    # name as written (lower-case) -> name to show: canonical or the fullest form seen.
    resolve: dict[str, str] = field(default_factory=dict)
    canonical_names: set[str] = field(default_factory=set)


def _named_fandoms(parts: list[tuple[str, str]]) -> dict[str, tuple[float, list[str]]]:
    found: dict[str, tuple[float, list[str]]] = {}
    for kind, text in parts:
        for rx, weight, kinds in NAMED_FANDOM_RES:
            if kind not in kinds:
                continue
            for m in rx.finditer(text):
                name = _TRIM_RE.sub("", m.group("x")).strip()
                if not name or name.lower() in _GENERIC:
                    continue
                score, ev = found.get(name, (0.0, []))
                found[name] = (score + weight, ev + [fragment(text, m.start(), m.end())])
    return found


def _confidence(score: float, top: float, scale: float = 2.5) -> float:
    raw = 1 - math.exp(-score / scale)
    if top > 0 and score < top:
        raw *= score / top
    return round(min(0.99, raw), 2)


def suggest_people(parts: list[tuple[str, str]], mentions: list[Mention],
                   canon: Canon | None) -> People:
    named = _named_fandoms(parts)
    if canon is None:
        return _without_canon(parts, mentions, named)
    scores: dict[str, float] = defaultdict(float)
    evidence: dict[str, list[str]] = defaultdict(list)
    outside: dict[str, tuple[float, list[str]]] = {}
    for name, (score, ev) in named.items():
        canonical = canon.fandom(name)
        if canonical:
            scores[canonical] += score
            evidence[canonical].extend(ev)
        else:
            outside[name] = (score, ev)
    # Resolve each mention to candidate characters; count fandom-name mentions too.
    resolved: list[tuple[Mention, list[CanonEntry], bool]] = []
    body_fandom: dict[str, float] = defaultdict(float)
    for m in mentions:
        kind = parts[m.part][0]
        f = canon.fandom(m.name)
        if f and kind == "story":
            body_fandom[f] += 0.5
            if len(evidence[f]) < 3:
                evidence[f].append(m.text)
        cands, full = _candidates(canon, m)
        if cands:
            resolved.append((m, cands, full))
    for f, s in body_fandom.items():
        scores[f] += min(s, 1.0)
    # Characters that belong to one fandom only vote for it.
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for m, cands, _full in resolved:
        fandoms = {c.fandom for c in cands}
        if len(fandoms) == 1 and cands[0].fandom:
            votes[cands[0].fandom][cands[0].name] += 0.3 if m.role_or_place else 1.0
    for f, chars in votes.items():
        scores[f] += sum(min(n, 5.0) * 0.3 for n in chars.values())
        for cname in sorted(chars, key=chars.get, reverse=True)[:2]:  # type: ignore[arg-type]
            ev = next(m.text for m, c, _ in resolved if c[0].name == cname)
            if ev not in evidence[f]:
                evidence[f].append(ev)
    top = max(scores, key=scores.get) if scores else None  # type: ignore[arg-type]
    top_score = scores[top] if top else 0.0
    fandoms = [Suggestion(f, True, _confidence(s, top_score), evidence[f][:4])
               for f, s in scores.items() if s > 0 and evidence[f]]
    for name, (s, ev) in outside.items():
        fandoms.append(Suggestion(name, False, _confidence(s, top_score) * 0.8, ev[:3]))
    fandoms.sort(key=lambda s: -s.confidence)
    strong = {f.name for f in fandoms if f.canonical and f.confidence >= 0.5} | ({top} if top else set())
    chars = _characters(parts, resolved, strong, top)
    people = People(fandoms, chars, top)
    for m, cands, _ in resolved:
        pick = _pick(cands, strong, top)
        if pick is not None:
            people.resolve.setdefault(m.name.lower(), pick.name)
    people.canonical_names = {c.name for c in chars}
    unknown = [m for m in mentions if not _candidates(canon, m)[0] and not canon.fandom(m.name)]
    extra = _without_canon(parts, unknown, named)
    for s in extra.characters:  # names the canon does not know: shown, but not trusted
        s.confidence = round(min(s.confidence, 0.4), 2)
        people.characters.append(s)
    for k, v in extra.resolve.items():
        people.resolve.setdefault(k, v)
    return people


def _candidates(canon: Canon, m: Mention) -> tuple[list[CanonEntry], bool]:
    memo = canon.__dict__.setdefault("_memo", {})
    hit = memo.get(m.tokens)
    if hit is None:
        hit = memo[m.tokens] = _lookup_tokens(canon, m.tokens)
    return hit


def _lookup_tokens(canon: Canon, toks: tuple[str, ...]) -> tuple[list[CanonEntry], bool]:
    for size in range(min(len(toks), canon.max_name_words), 1, -1):
        for i in range(len(toks) - size + 1):
            cands, full = canon.lookup(" ".join(toks[i:i + size]))
            if cands and full:
                return cands, True
    if len(toks) <= 2:
        for t in toks:
            cands, full = canon.lookup(t)
            if cands:
                return cands, full
    return [], False


def _pick(cands: list[CanonEntry], strong: set[str], top: str | None) -> CanonEntry | None:
    if len(cands) == 1:
        return cands[0]
    for pool in ([c for c in cands if c.fandom == top], [c for c in cands if c.fandom in strong]):
        if len(pool) == 1:
            return pool[0]
    return None  # "Houston" with three Houstons: ambiguous, left out


def _characters(parts: list[tuple[str, str]], resolved: list[tuple[Mention, list[CanonEntry], bool]],
                strong: set[str], top: str | None) -> list[Suggestion]:
    count: dict[str, float] = defaultdict(float)
    ev: dict[str, list[str]] = defaultdict(list)
    fandom_of: dict[str, str | None] = {}
    for m, cands, _full in resolved:
        c = _pick(cands, strong, top)
        if c is None:
            continue
        fandom_of[c.name] = c.fandom
        weight = 0.3 if m.role_or_place else 1.0
        if m.next in PERSON_AFTER:
            weight += 0.5  # "Brooklyn said": a person, whatever the name looks like
        if parts[m.part][0] in ("notes", "summary"):
            weight += 0.5
        count[c.name] += weight
        if m.text not in ev[c.name] and len(ev[c.name]) < 3:
            ev[c.name].append(m.text)
    out = []
    for name, n in count.items():
        conf = 1 - math.exp(-n / 1.5)
        if fandom_of[name] not in strong:
            conf *= 0.35  # a character of a fandom the story is not in: a part, a namesake
        out.append(Suggestion(name, True, round(min(conf, 0.99), 2), ev[name]))
    out.sort(key=lambda s: (-s.confidence, -count[s.name]))
    return out


def _without_canon(parts: list[tuple[str, str]], mentions: list[Mention],
                   named: dict[str, tuple[float, list[str]]]) -> People:
    best = max((s for s, _ in named.values()), default=0.0)
    fandoms = sorted((Suggestion(n, False, _confidence(s, best), ev[:3]) for n, (s, ev) in named.items()),
                     key=lambda s: -s.confidence)
    fandom_words = {w.lower() for n in named for w in n.split()}
    fandom_names = {n.lower() for n in named}
    common = common_words(parts)
    stats: dict[str, list[Mention]] = defaultdict(list)
    mid_tokens = {t for m in mentions if not m.initial for t in m.tokens}
    mid_tokens |= {m.tokens[0] for m in mentions if len(m.tokens) == 1 and m.next in PERSON_AFTER}
    for m in mentions:
        toks = m.tokens
        if m.initial and len(toks) > 1 and toks[0] not in mid_tokens and toks[1] in mid_tokens:
            toks = toks[1:]  # "Ask Jory" at a sentence start: "Ask" is an ordinary word
        name = " ".join(toks)
        if len(toks) > 3 or any(t.lower() in STOPWORDS for t in toks) or name.lower() in fandom_names:
            continue
        if len(toks) == 1 and (toks[0].lower() in fandom_words or toks[0].lower() in common):
            continue
        stats[name].append(m)
    # "Ivy" and "Ivy Lynn": first or last name of exactly one fuller name joins it.
    full_forms: dict[str, set[str]] = defaultdict(set)
    for name in stats:
        toks = name.split()
        if len(toks) > 1:
            full_forms[toks[0]].add(name)
            full_forms[toks[-1]].add(name)
    merged: dict[str, list[Mention]] = defaultdict(list)
    resolve: dict[str, str] = {}
    for name, ms in stats.items():
        target = name
        if " " not in name and len(full_forms.get(name, ())) == 1:
            target = next(iter(full_forms[name]))
        merged[target].extend(ms)
        resolve[name.lower()] = target
    chars = []
    for name, ms in merged.items():
        mid = sum(1 for m in ms if not m.initial)
        person = sum(1 for m in ms if m.next in PERSON_AFTER or m.text.endswith(("'s", "’s")))
        roles = sum(1 for m in ms if m.role_or_place)
        if mid == 0 and person == 0:
            continue  # only ever at sentence starts: an ordinary word
        n = len(ms) - roles * 0.7 + person * 0.5
        conf = 1 - math.exp(-max(n, 0.1) / 2.5)
        if roles * 2 >= len(ms):
            conf *= 0.4
        ev = list(dict.fromkeys(m.text for m in ms))[:3]
        chars.append(Suggestion(name, False, round(min(conf, 0.95), 2), ev))
    chars.sort(key=lambda s: -s.confidence)
    return People(fandoms, chars, fandoms[0].name if fandoms else None, resolve)
