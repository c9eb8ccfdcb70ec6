"""A small engine for weighted lexical cues, fast on long texts.

A cue is a regex that must start with a literal word stem ("overdos", "swallow"). The
text is tokenised once; only words starting with a known stem try their cues, anchored at
that word, so the cost grows with the number of hits, not with the number of rules.
Concepts are cues without a weight ("pills", "an ambulance"): combination rules ask for
several concepts close together ("pills" + "swallowed a handful" + "paramedics").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field

from .text import fragment

WORD_RE = re.compile(r"[a-z0-9]+")
_STEM_RE = re.compile(r"^[a-z0-9]{2,}(?![?*{])")
# Negation shortly before a cue in the same clause: "not a suicide attempt", "wasn't drunk".
NEG_RE = re.compile(r"(?:\bnot|\bno|\bnever|n't|n’t|\bwithout|\bhardly|\bnothing|\bnone|\bnor)\b"
                    r"[^.!?;:\n]{0,30}$")
AUTHOR_KINDS = ("notes", "summary", "disclaimer")


@dataclass(frozen=True)
class Cue:
    weight: float
    patterns: tuple[str, ...]
    negatable: bool = True


def cue(weight: float, *patterns: str, negatable: bool = True) -> Cue:
    return Cue(weight, patterns, negatable)


@dataclass(frozen=True)
class Combo:
    concepts: tuple[str, ...]
    weight: float
    window: int = 4000   # characters between the concepts' occurrences


@dataclass
class Score:
    score: float = 0.0
    evidence: list[tuple[float, str]] = field(default_factory=list)

    def add(self, weight: float, ev: list[str]) -> None:
        self.score += weight
        for e in ev:
            if e and all(e != x for _, x in self.evidence):
                self.evidence.append((weight, e))

    def quotes(self, n: int = 3) -> list[str]:
        return [e for _, e in sorted(self.evidence, key=lambda x: -x[0])[:n]]


@dataclass(frozen=True)
class _Entry:
    target: str
    index: int       # which pattern, for the per-pattern cap
    rx: re.Pattern[str]
    weight: float    # 0 for concepts
    negatable: bool


def _expand(pattern: str) -> list[str]:
    """'(?:a|b)c' -> ['ac', 'bc'], so that every alternative starts with a literal stem."""
    depth, alts, cur = 0, [], []
    for i, ch in enumerate(pattern[3:], 3):
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                alts.append("".join(cur))
                rest = pattern[i + 1:]
                if rest[:1] in ("?", "*", "+", "{"):
                    raise ValueError(f"cue {pattern!r} must start with a literal word stem")
                return [a + rest for a in alts]
            depth -= 1
        elif ch == "|" and depth == 0:
            alts.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    raise ValueError(f"unbalanced cue {pattern!r}")


class Engine:
    def __init__(self, rules: dict[str, list[Cue]], concepts: dict[str, tuple[str, ...]],
                 combos: dict[str, list[Combo]], cap: int = 3) -> None:
        self.by_stem: dict[str, list[_Entry]] = defaultdict(list)
        self.combos = combos
        self.cap = cap
        n = 0
        for target, cues in rules.items():
            for c in cues:
                for p in c.patterns:
                    self._add(target, n, p, c.weight, c.negatable)
                    n += 1
        for name, patterns in concepts.items():
            for p in patterns:
                self._add(name, n, p, 0.0, True)
                n += 1
        self.lengths = sorted({len(s) for s in self.by_stem})

    def _add(self, target: str, n: int, pattern: str, weight: float, negatable: bool) -> None:
        if pattern.startswith("(?:"):
            for alt in _expand(pattern):
                self._add(target, n, alt, weight, negatable)
            return
        m = _STEM_RE.match(pattern)
        if not m:
            raise ValueError(f"cue {pattern!r} must start with a literal word stem")
        self.by_stem[m.group()].append(
            _Entry(target, n, re.compile(pattern + r"(?![a-z])"), weight, negatable))

    def _entries(self, word: str) -> list[_Entry]:
        out: list[_Entry] = []
        for n in self.lengths:
            if n > len(word):
                break
            out.extend(self.by_stem.get(word[:n], ()))
        return out

    def scan(self, parts: list[tuple[str, str]]) -> dict[str, Score]:
        scores: dict[str, Score] = defaultdict(Score)
        used: dict[int, int] = defaultdict(int)
        for kind, text in parts:
            lower = text.lower()
            if len(lower) != len(text):  # rare letters whose lower case is longer
                lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
            hit_words = {}
            for w in set(WORD_RE.findall(lower)):
                ents = self._entries(w)
                if ents:
                    hit_words[w] = ents
            if not hit_words:
                continue
            places: dict[str, list[tuple[int, int]]] = defaultdict(list)
            boost = 1.5 if kind in AUTHOR_KINDS else 1.0
            for m in WORD_RE.finditer(lower):
                ents = hit_words.get(m.group())
                if not ents or (m.start() and lower[m.start() - 1].isalpha()):
                    continue
                for e in ents:
                    # Past the per-pattern cap (or enough places for a concept) a hit adds
                    # nothing: skip the work, which keeps long texts fast.
                    if e.weight == 0.0:
                        if len(places[e.target]) >= 200:
                            continue
                    elif used[e.index] >= self.cap:
                        continue
                    mm = e.rx.match(lower, m.start())
                    if mm is None:
                        continue
                    if e.negatable and NEG_RE.search(lower, max(0, m.start() - 45), m.start()):
                        continue
                    if e.weight == 0.0:
                        places[e.target].append((mm.start(), mm.end()))
                    else:
                        used[e.index] += 1
                        scores[e.target].add(e.weight * boost, [fragment(text, mm.start(), mm.end())])
            self._combos(text, places, scores)
        return scores

    def _combos(self, text: str, places: dict[str, list[tuple[int, int]]],
                scores: dict[str, Score]) -> None:
        for target, combos in self.combos.items():
            for combo in combos:
                lists = [places.get(c) for c in combo.concepts]
                if not all(lists):
                    continue
                found = 0
                for start, end in lists[0][:50]:  # type: ignore[index]
                    picks = [(start, end)]
                    for other in lists[1:]:
                        starts = [s for s, _ in other]  # type: ignore[union-attr]
                        i = bisect_left(starts, start - combo.window)
                        if i < len(starts) and starts[i] <= start + combo.window:
                            picks.append(other[i])  # type: ignore[index]
                        else:
                            break
                    if len(picks) == len(combo.concepts):
                        scores[target].add(combo.weight, [fragment(text, s, e) for s, e in picks])
                        found += 1
                        if found >= 2:
                            break
