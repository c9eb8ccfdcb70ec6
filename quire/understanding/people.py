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
from collections.abc import Callable
from dataclasses import dataclass, field

from . import weights as W
from .canon import Canon, CanonEntry
from .document import Document
from .gazetteer import PERSON_AFTER, PLACE_BEFORE, STOPWORDS, WEAK_PERSON_AFTER
from .model import Suggestion
from .names import Mention
from .nicknames import formal_names
from .notes import is_disclaimer
from .relationships import _NOT_PAIRING_LINE_RE, NOT_NAMES

# A work's name as authors write it: capitalised words, small joining words ("Pride and
# Prejudice", "Boku no Hero Academia"), a colon ("Avatar: The Last Airbender"); lists of
# several ("Harry Potter or the Avengers") are split afterwards.
_TOK = r"[A-Z0-9][\w'’&!-]*(?:\.[A-Z][\w'’-]*)*:?"
_FNAME = (r"(?P<x>[A-Z][\w'’&!-]*(?:\.[A-Z][\w'’-]*)*:?(?:,?\s+(?:" + _TOK +
          r"|of|the|and|&|in|on|or|nor|no|de|la|le|les|du|da|di|von|van)){0,7})")
_OWNED = (r"(?:belongs?\s+to|(?:is|are)\s+(?:the\s+)?(?:sole\s+)?property\s+of|(?:is|are)\s+owned\s+by|"
          r"(?:is|are)\s+(?:the\s+)?(?:creation|work)s?\s+of)")
NAMED_FANDOM_RES = [
    # (pattern, weight, parts it applies to)
    (re.compile(r"\b(?:do\s+not|don'?t|don’t|dont|never|didn'?t|did\s+not)\s+own\s+(?:any(?:thing|"
                r"\s+of)?\s+|the\s+rights\s+to\s+|the\s+characters?\s+(?:of|from|in)\s+|"
                r"the\s+)*" + _FNAME), 3.0, ("disclaimer", "notes", "summary")),
    # "X belongs to Y", "X and all related characters belong to Y", "X is property of Y".
    (re.compile(_FNAME + r"(?:\s+characters?)?(?:,?\s+(?:and|&)\s+(?:all|its|the|every|their)\b"
                r"[^.!?;\n]{0,50}?)?\s+" + _OWNED + r"\b"), 3.0, ("disclaimer", "notes")),
    (re.compile(_FNAME + r"\s+(?:(?:is|are)\s+not|isn'?t|isn’t|aren'?t|aren’t|ain'?t)\s+mine\b"),
     3.0, ("disclaimer", "notes")),
    (re.compile(r"\b(?:first|latest|new|another|this|a|an|little|second|third)\s+" + _FNAME +
                r"\s+(?:fic|fics|fanfic|fan\s?fic|fanfiction|fan\s?fiction|story|one-?shot|AU|"
                r"drabble)\b"), 2.0, ("notes", "summary", "disclaimer")),
    # "Fandom: X" header lines, as posted on journals and Tumblr.
    (re.compile(r"(?im)^[\s*_]*fandoms?[*_]*\s*:[*_\s]*(?P<x>[^\n;/]+?)[\s*_]*$"), 3.0,
     ("notes", "summary")),
    (re.compile(r"\b(?:the|this|in\s+the)\s+" + _FNAME + r"\s+(?:fandom|universe|verse)\b"), 2.0,
     ("notes", "summary")),
]
# A work that is no fan fiction at all: AO3's "Original Work".
ORIGINAL_RE = re.compile(r"\b(?:original\s+(?:story|work|fiction|novel|piece|universe)|no\s+fandom|"
                         r"not\s+(?:a\s+)?fan\s?fic(?:tion)?)\b", re.IGNORECASE)
_TRIM_RE = re.compile(r"(?:\s+(?:of|the|and|&|in|on|or|nor|no|de|la|le|les|du|da|di|von|van))+$|"
                      r"[:!.,’']+$")
_SPLIT_RE = re.compile(r"\s*,\s*(?:(?:and|or|nor|&)\s+)?|\s+(?:or|nor)\s+")
_GENERIC = STOPWORDS | {"fan", "fanfiction", "fanfic", "fic", "crossover", "ever", "all characters",
                        "characters", "everything", "anything", "nothing", "they", "these", "it"}


# "X belongs to", "X is not mine", "X and all related characters belong to": "X" is one
# work even with an "and" in it ("Percy Jackson and the Olympians belongs to ...").
_SINGULAR_RE = re.compile(r"\s(?:belongs|is|isn'?t|isn’t|ain'?t)\s|"
                          r"(?:\s+characters?)?,?\s+(?:and|&)\s+(?:all|its|every|their)\b")


def _split_names(name: str, one: bool = False) -> list[str]:
    """'Harry Potter or the Avengers' -> both; 'Pride and Prejudice' stays one, and so does
    any name with "and" when `one` (the author's verb is singular)."""
    out: list[str] = []
    for piece in _SPLIT_RE.split(name):
        halves = re.split(r"\s+(?:and|&)\s+", piece, maxsplit=1)
        if not one and len(halves) == 2 and max(len(re.sub(r"^the\s+", "", h).split()) for h in halves) >= 2:
            out.extend(halves)
        else:
            out.append(piece)
    return [re.sub(r"^the\s+", "", _TRIM_RE.sub("", n).strip()) if n.startswith("the ")
            else _TRIM_RE.sub("", n).strip() for n in out]


@dataclass
class People:
    fandoms: list[Suggestion]
    characters: list[Suggestion]
    top_fandom: str | None
    # name as written (lower-case) -> name to show: canonical or the fullest form seen.
    resolve: dict[str, str] = field(default_factory=dict)
    canonical_names: set[str] = field(default_factory=set)
    # canonical names some mention was resolved to (the characters shown are a subset)
    canonical_resolved: set[str] = field(default_factory=set)


def _named_fandoms(doc: Document, spans: set[tuple[int, int, int]] | None = None
                   ) -> dict[str, tuple[float, list[str]]]:
    """Fandoms the author names; `spans` collects where (part, start, end), so that those
    words are not taken for characters."""
    found: dict[str, tuple[float, list[str]]] = {}

    def add(name: str, weight: float, ev: str) -> None:
        score, evs = found.get(name, (0.0, []))
        found[name] = (score + weight, evs + ([ev] if ev not in evs else []))

    for pi, (kind, text) in enumerate(doc.parts):
        if kind == "story":
            continue
        for rx, weight, kinds in NAMED_FANDOM_RES:
            if kind not in kinds:
                continue
            for m in rx.finditer(text):
                one = bool(_SINGULAR_RE.match(text, m.end("x"), m.end()))
                names = [n for n in _split_names(m.group("x"), one)
                         if n and n.lower() not in _GENERIC and not n.lower().startswith("all ")]
                for name in names:
                    add(name, weight, doc.quote(pi, m.start(), m.end()))
                if names and spans is not None:
                    spans.add((pi, m.start("x"), m.end("x")))
        m = ORIGINAL_RE.search(text)
        if m and kind in ("notes", "summary"):
            add("Original Work", 3.0, doc.quote(pi, m.start(), m.end()))
    return found


def _confidence(score: float, top: float, scale: float = W.FANDOM_SCALE) -> float:
    raw = 1 - math.exp(-score / scale)
    if top > 0 and score < top:
        raw *= score / top
    return round(min(0.99, raw), 2)


def suggest_people(doc: Document, canon: Canon | None) -> People:
    spans: set[tuple[int, int, int]] = set()
    named = _named_fandoms(doc, spans)
    mentions = doc.mentions
    if canon is None:
        return _without_canon(doc, mentions, named, spans)
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
        kind = doc.kind(m.part)
        f = canon.fandom(m.name)
        if f and kind == "story":
            body_fandom[f] += W.FANDOM_NAMED_IN_STORY
            if len(evidence[f]) < 3:
                evidence[f].append(m.text)
        cands, full = _candidates(canon, m)
        if cands:
            resolved.append((m, cands, full))
    for f, s in body_fandom.items():
        scores[f] += min(s, W.FANDOM_NAMED_IN_STORY_CAP)
    # Characters that belong to one fandom only vote for it.
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for m, cands, _full in resolved:
        fandoms = {c.fandom for c in cands}
        if len(fandoms) == 1 and cands[0].fandom and not _by_nickname(canon, m):
            votes[cands[0].fandom][cands[0].name] += (W.CANON_ROLE_OR_PLACE if m.role_or_place
                                                      else W.CANON_MENTION)
    for f, chars in votes.items():
        scores[f] += sum(min(n, W.FANDOM_VOTE_CAP) * W.FANDOM_VOTE_PER_MENTION for n in chars.values())
        for cname in sorted(chars, key=chars.get, reverse=True)[:2]:  # type: ignore[arg-type]
            ev = next(m.text for m, c, _ in resolved if c[0].name == cname)
            if ev not in evidence[f]:
                evidence[f].append(ev)
    top = max(scores, key=scores.get) if scores else None  # type: ignore[arg-type]
    top_score = scores[top] if top else 0.0
    fandoms = [Suggestion(f, True, _confidence(s, top_score), evidence[f][:4])
               for f, s in scores.items() if s > 0 and evidence[f]]
    for name, (s, ev) in outside.items():
        fandoms.append(Suggestion(name, False, _confidence(s, top_score) * W.FANDOM_OUTSIDE_CANON,
                                  ev[:3]))
    fandoms.sort(key=lambda s: -s.confidence)
    strong = {f.name for f in fandoms if f.canonical and f.confidence >= 0.5} | ({top} if top else set())
    chars = _characters(doc, resolved, strong, top, lambda m: _by_nickname(canon, m))
    people = People(fandoms, chars, top)
    for m, cands, _ in resolved:
        pick = _pick(cands, strong, top)
        if pick is not None and not (_by_nickname(canon, m) and pick.fandom not in strong):
            people.resolve.setdefault(m.name.lower(), pick.name)
            people.canonical_resolved.add(pick.name)
    people.canonical_names = {c.name for c in chars}
    unknown = [m for m in mentions if not _candidates(canon, m)[0] and not canon.fandom(m.name)]
    extra = _without_canon(doc, unknown, named, spans, beside_canon=True)
    for s in extra.characters:  # names the canon does not know: shown, but not trusted
        s.confidence = round(min(s.confidence, W.UNKNOWN_TO_CANON_CAP), 2)
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
                # "Dean" is an alias of one Dean and the given name of another: both are
                # candidates, and the story's fandom decides between them.
                others = [c for c in canon.part.get(" ".join(t.lower().split()), []) if c not in cands]
                return cands + others, full and not others
        # "Jim" for James T. Kirk: a diminutive of a name the canon knows.
        if len(toks) == 1:
            formal = [c for f in formal_names(toks[0]) for c in canon.part.get(f, [])]
            if formal:
                canon.__dict__.setdefault("_by_nickname", set()).add(toks)
                return formal, False
    return [], False


def _by_nickname(canon: Canon, m: Mention) -> bool:
    """Whether `m` reached the canon only through the table of diminutives."""
    return m.tokens in canon.__dict__.get("_by_nickname", ())


def _pick(cands: list[CanonEntry], strong: set[str], top: str | None) -> CanonEntry | None:
    if len(cands) == 1:
        return cands[0]
    for pool in ([c for c in cands if c.fandom == top], [c for c in cands if c.fandom in strong]):
        if len(pool) == 1:
            return pool[0]
    return None  # "Houston" with three Houstons: ambiguous, left out


def _characters(doc: Document, resolved: list[tuple[Mention, list[CanonEntry], bool]],
                strong: set[str], top: str | None,
                nicknamed: Callable[[Mention], bool] = lambda m: False) -> list[Suggestion]:
    count: dict[str, float] = defaultdict(float)
    ev: dict[str, list[str]] = defaultdict(list)
    fandom_of: dict[str, str | None] = {}
    for m, cands, _full in resolved:
        c = _pick(cands, strong, top)
        if c is None or (nicknamed(m) and c.fandom not in strong):
            continue
        fandom_of[c.name] = c.fandom
        weight = W.CANON_ROLE_OR_PLACE if m.role_or_place else W.CANON_MENTION
        if m.next in PERSON_AFTER:
            weight += W.CANON_ACTS  # "Brooklyn said": a person, whatever the name looks like
        if doc.kind(m.part) in ("notes", "summary"):
            weight += W.CANON_IN_NOTES
        count[c.name] += weight
        if m.text not in ev[c.name] and len(ev[c.name]) < 3:
            ev[c.name].append(m.text)
    out = []
    for name, n in count.items():
        conf = 1 - math.exp(-n / W.CANON_SCALE)
        if fandom_of[name] not in strong:
            conf *= W.OTHER_FANDOM  # a character of a fandom the story is not in
        out.append(Suggestion(name, True, round(min(conf, 0.99), 2), ev[name]))
    out.sort(key=lambda s: (-s.confidence, -count[s.name]))
    return out


_HEADER_LINE_RE = re.compile(r"[\s*_]*(?:characters?|pairings?|relationships?|ships?)[*_]*\s*:",
                             re.IGNORECASE)
_VERB_ED_RE = re.compile(r"^[a-z]{3,}ed$")


def _acts(m: Mention) -> bool:
    """A person's context: a title or honorific, spoken to, speaking, doing, owning ("and
    Hermione's laugh"; at a sentence start "Bombshell's opening night" may be a show's)."""
    return (m.person or (m.next in PERSON_AFTER and m.next not in WEAK_PERSON_AFTER)
            or bool(_VERB_ED_RE.match(m.next)) or (m.possessive and not m.initial)
            or m.text.endswith(("'s", "’s")))


def _usable(doc: Document, m: Mention, spans: set[tuple[int, int, int]]) -> bool:
    """Mentions that are no evidence for a character: the disclaimer's owners and titles,
    genres ("Genre: Romance/Hurt/Comfort", "Hurt/Comfort")."""
    kind, text = doc.parts[m.part]
    if kind == "disclaimer":
        return False
    if kind == "story":
        return True
    if any(pi == m.part and s <= m.start < e for pi, s, e in spans):
        return False
    if m.paired and (m.name in NOT_NAMES or _on_line(text, m, _NOT_PAIRING_LINE_RE)):
        return False
    a, b = doc.sentence(m.part, m.start, m.start + len(m.text))
    return not is_disclaimer(text[a:b])


def _on_line(text: str, m: Mention, rx: re.Pattern[str]) -> bool:
    """Whether the line holding the mention starts with `rx` ("Pairing:", "Genre:")."""
    return bool(rx.match(text, text.rfind("\n", 0, m.start) + 1))


def _in_header(doc: Document, m: Mention) -> bool:
    kind, text = doc.parts[m.part]
    return kind != "story" and _on_line(text, m, _HEADER_LINE_RE)


def _without_canon(doc: Document, mentions: list[Mention],
                   named: dict[str, tuple[float, list[str]]],
                   spans: set[tuple[int, int, int]] | None = None,
                   beside_canon: bool = False) -> People:
    """Characters from the names as written. `beside_canon`: the canon knows none of these
    names, so a name must at least once be someone (speak, act, be spoken to, be announced
    as a character) to be offered: "Skyhold" and "Beacon Hills" never do."""
    best = max((s for s, _ in named.values()), default=0.0)
    fandoms = sorted((Suggestion(n, False, _confidence(s, best), ev[:3]) for n, (s, ev) in named.items()),
                     key=lambda s: -s.confidence)
    # A name that is the fandom's whole name ("Sherlock", "Smash", "Naruto") needs a person's
    # context: it may be the show. A name that is only part of it ("Harry" of "Harry
    # Potter", "Percy" of "Percy Jackson") is judged like any other: only the disclaimer's
    # and the notes' naming of the fandom are no evidence (see `_usable`).
    fandom_names = {n.lower() for n in named}
    common = doc.common
    spans = spans or set()
    stats: dict[str, list[Mention]] = defaultdict(list)
    mid_tokens = {t for m in mentions if not m.initial for t in m.tokens}
    mid_tokens |= {m.tokens[0] for m in mentions if len(m.tokens) == 1 and _acts(m)}
    for m in mentions:
        toks = m.tokens
        if m.initial and len(toks) > 1 and toks[0] not in mid_tokens and toks[1] in mid_tokens:
            toks = toks[1:]  # "Ask Jory" at a sentence start: "Ask" is an ordinary word
        name = " ".join(toks)
        if len(toks) > 3 or any(t.lower() in STOPWORDS for t in toks):
            continue
        if len(toks) == 1 and toks[0].lower() in common:
            continue
        if not _usable(doc, m, spans):
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
        person = sum(1 for m in ms if _acts(m) and not m.article)
        # "handed it to Ginny", "at Hogwarts": a place only if the name seldom does
        # something as a person does (owning is not enough: "Hogwarts's towers").
        doing = sum(1 for m in ms if _acts(m) and not m.article and not m.possessive)
        bare = sum(1 for m in ms if m.role_or_place and not m.article and not m.quoted
                   and m.prev in PLACE_BEFORE)
        places = sum(1 for m in ms if m.article or (m.role_or_place and (
            doing < bare or m.quoted or m.prev not in PLACE_BEFORE)))
        weak = sum(1 for m in ms if m.next in WEAK_PERSON_AFTER and not m.article)
        if mid == 0 and person == 0 and " " not in name:
            continue  # only ever at sentence starts: an ordinary word
        announced = sum(1 for m in ms if m.paired or _in_header(doc, m))
        if beside_canon and person == 0 and not announced:
            continue
        if person == 0 and not announced and name.lower() in fandom_names:
            continue  # "Smash", "Supernatural": the show, not a person
        story = sum(1 for m in ms if doc.kind(m.part) == "story")
        n = (len(ms) - places * W.PLACE_DISCOUNT + person * W.PERSON_BONUS
             + weak * W.WEAK_PERSON_BONUS + min(announced, W.ANNOUNCED_CAP) * W.ANNOUNCED_BONUS)
        conf = 1 - math.exp(-max(n, W.TEXT_MIN_EVIDENCE) / W.TEXT_SCALE)
        if places * 2 >= len(ms):
            conf *= W.MOSTLY_PLACE
        if " " not in name and len(full_forms.get(name, ())) > 1:
            conf *= W.AMBIGUOUS_SURNAME  # "Weasley" of Ron, Ginny and Molly Weasley: which one?
        if story == 0:  # named only in the notes: a ship name, a title, a place
            conf = min(conf, W.NOTES_ONLY_ANNOUNCED_CAP if announced else W.NOTES_ONLY_CAP)
        ev = list(dict.fromkeys(m.text for m in ms))[:3]
        chars.append(Suggestion(name, False, round(min(conf, W.TEXT_MAX), 2), ev))
    chars.sort(key=lambda s: -s.confidence)
    return People(fandoms, chars, fandoms[0].name if fandoms else None, resolve)
