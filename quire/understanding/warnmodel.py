"""The learned warning models at analysis time: pure Python, a dict of word weights.

`warntrain` fits one logistic regression per Webis warning (violence, war, death,
abduction, misogyny, homophobia, racism, ableism) and writes data/warnings.json: a bias,
a Platt calibration (scale, shift) and a threshold per warning, and the weights of its
strongest features. Here a story is cut into passages about the size of the Webis ones
(a paragraph, or short paragraphs run together to a few hundred characters), each passage is scored for every warning,
and the passages above a warning's threshold are kept as its evidence. The probability is
calibrated on held-back works, so a passage at 0.7 is right about seven times in ten.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from .text import fragment, split_paragraphs
from .warnfeatures import LEVELS, LEXICON_NAMES, features, lexicons_of, words

_TOKEN_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")

WEIGHTS = Path(__file__).parent / "data" / "warnings.json"
PASSAGE_CHARS = 250      # a paragraph this long stands alone (Webis passages: median 446)
MAX_PASSAGE_CHARS = 1500


@dataclass(frozen=True)
class LabelParams:
    bias: float
    scale: float
    shift: float
    threshold: float


@dataclass
class Hit:
    """One passage that scored at or above a warning's threshold."""
    probability: float
    passage: str


@dataclass
class WarningScore:
    label: str
    best: float = 0.0                       # highest calibrated probability of any passage
    hits: list[Hit] = field(default_factory=list)   # passages at or above the threshold
    passages: int = 0


class WarnModel:
    def __init__(self, data: dict) -> None:
        self.labels: list[str] = sorted(data["labels"])
        self.params = [LabelParams(float(d["bias"]), float(d["scale"]), float(d["shift"]),
                                   float(d["threshold"]))
                       for d in (data["labels"][k] for k in self.labels)]
        # How grouped cross-validation says to join this warning's cue rules and model:
        # "model", "cue", "either", or "agree" (a cue hit needs the model's nod).
        self.combine = {k: data["labels"][k].get("combine", "model") for k in self.labels}
        # feature -> [(label index, weight)]: one dict lookup per feature for all warnings.
        by_feature: dict[str, list[tuple[int, float]]] = {}
        for i, name in enumerate(self.labels):
            for f, w in data["labels"][name]["weights"].items():
                by_feature.setdefault(f, []).append((i, float(w)))
        self.by_feature = {f: tuple(v) for f, v in by_feature.items()}
        # Word weights as rows of one matrix: a passage's score is a sum of rows, so a 1 MB
        # story costs one dict lookup per distinct word of each passage and a numpy sum.
        plain = sorted(f for f in by_feature if not f.startswith("@"))
        self._row = {f: i for i, f in enumerate(plain)}
        self._matrix = np.zeros((len(plain) + 1, len(self.labels)))   # last row: zeros
        for f, i in self._row.items():
            for li, w in self.by_feature[f]:
                self._matrix[i, li] = w
        self._lex_cache: dict[str, tuple[int, ...]] = {}
        # Lexicon features by how many of a lexicon's words a passage holds (0 .. top level):
        # the summed weights of the levels reached, and how many features that is.
        top = LEVELS[-1]
        self._lex_sum = np.zeros((len(LEXICON_NAMES), top + 1, len(self.labels)))
        self._lex_n = [sum(1 for level in LEVELS if level <= c) for c in range(top + 1)]
        for j, name in enumerate(LEXICON_NAMES):
            for c in range(top + 1):
                for level in LEVELS:
                    if level <= c:
                        for li, w in self.by_feature.get(f"@{name}:{level}", ()):
                            self._lex_sum[j, c, li] += w
        self._lex_index = np.arange(len(LEXICON_NAMES))
        self._bias = np.array([p.bias for p in self.params])
        self._scale = np.array([p.scale for p in self.params])
        self._shift = np.array([p.shift for p in self.params])

    def _lexicons(self, w: str) -> tuple[int, ...]:
        got = self._lex_cache.get(w)
        if got is None:
            got = tuple(LEXICON_NAMES.index(n) for n in lexicons_of(w))
            if len(self._lex_cache) < 200_000:
                self._lex_cache[w] = got
        return got

    def _probs(self, text: str) -> np.ndarray:
        """Calibrated probability per warning (in `labels` order) for one passage."""
        return self._batch([text])[0]

    def _batch(self, texts: list[str]) -> np.ndarray:
        """Calibrated probabilities, one row per passage: the same sums as over
        warnfeatures.features(text), with the numpy work done once for all passages."""
        missing = len(self._row)
        row = self._row.get
        cached = self._lex_cache.get
        top = LEVELS[-1]
        flat: list[int] = []
        starts: list[int] = []
        lexes: list[list[int]] = []
        counts: list[int] = []
        for text in texts:
            ws = words(text)
            starts.append(len(flat))
            flat += [row(w, missing) for w in ws]
            flat.append(missing)              # keeps every passage's slice non-empty
            lex = [0] * len(LEXICON_NAMES)
            for w in ws:
                got = cached(w)
                for j in (self._lexicons(w) if got is None else got):
                    lex[j] += 1
            lex = [min(c, top) for c in lex]
            lexes.append(lex)
            counts.append(len(ws) + sum(self._lex_n[c] for c in lex))
        if not texts:
            return np.zeros((0, len(self.labels)))
        sums = np.add.reduceat(self._matrix[flat], starts, axis=0)
        sums += self._lex_sum[self._lex_index, np.array(lexes)].sum(axis=1)
        n = np.array(counts, dtype=float)
        norm = np.where(n > 0, 1 / np.sqrt(np.maximum(n, 1)), 0.0)[:, None]
        z = np.clip(self._scale * (self._bias + sums * norm) + self._shift, -30, 30)
        return 1 / (1 + np.exp(-z))

    def probabilities(self, text: str) -> dict[str, float]:
        return dict(zip(self.labels, (float(p) for p in self._probs(text)), strict=True))

    def probabilities_slow(self, text: str) -> dict[str, float]:
        """The same from the feature set, as training sees it (for tests)."""
        fs = features(text)
        sums = [0.0] * len(self.labels)
        for f in fs:
            for i, w in self.by_feature.get(f, ()):
                sums[i] += w
        norm = 1 / math.sqrt(len(fs)) if fs else 0.0
        return {name: 1 / (1 + math.exp(-max(-30.0, min(30.0, p.scale * (p.bias + sums[i] * norm)
                                                         + p.shift))))
                for i, (name, p) in enumerate(zip(self.labels, self.params, strict=True))}

    def threshold(self, label: str) -> float:
        return self.params[self.labels.index(label)].threshold

    def evidence(self, passage: str, label: str) -> str:
        """The sentence of `passage` around its word (or word pair) that pushes hardest
        towards `label`, quoted verbatim."""
        i = self.labels.index(label)
        pars = [p for p in passage.split("\n\n") if p.strip()]
        if len(pars) > 1:   # the paragraph that scores highest, then its telling sentence
            passage = max(pars, key=lambda p: self._probs(p)[i])
        toks = [(m.start(), m.end(), m.group().lower().replace("’", "'"))
                for m in _TOKEN_RE.finditer(passage)]
        best, span = 0.0, None
        for j, (start, end, word) in enumerate(toks):
            grams = [(word, start, end)]
            if j + 1 < len(toks):
                grams.append((word + " " + toks[j + 1][2], start, toks[j + 1][1]))
            for g, s0, e0 in grams:
                for li, w in self.by_feature.get(g, ()):
                    if li == i and w > best:
                        best, span = w, (s0, e0)
        if span is None:
            return fragment(passage, 0, 1)
        return fragment(passage, *span)

    def scan(self, parts: list[tuple[str, str]]) -> dict[str, WarningScore]:
        scores = {name: WarningScore(name) for name in self.labels}
        thresholds = np.array([p.threshold for p in self.params])
        cut = passages(parts)
        for passage, probs in zip(cut, self._batch(cut), strict=True):
            for i in np.flatnonzero(probs >= thresholds):
                if anchored(self.labels[i], passage):
                    scores[self.labels[i]].hits.append(Hit(float(probs[i]), passage))
            for name, prob in zip(self.labels, probs.tolist(), strict=True):
                s = scores[name]
                s.passages += 1
                if prob > s.best:
                    s.best = prob
        for s in scores.values():
            s.hits.sort(key=lambda h: -h.probability)
        return scores


def passages(parts: list[tuple[str, str]]) -> list[str]:
    """Story text cut into runs of whole paragraphs of about PASSAGE_CHARS characters (a
    very long paragraph stands alone, cut at MAX_PASSAGE_CHARS). Notes and summaries are
    the author's words about the story, not the story: the cue rules read them."""
    out: list[str] = []
    for kind, text in parts:
        if kind != "story":
            continue
        cur: list[str] = []
        size = 0
        for par in split_paragraphs(text):
            while len(par) > MAX_PASSAGE_CHARS:
                cut = par.rfind(" ", 0, MAX_PASSAGE_CHARS)
                cut = cut if cut > 0 else MAX_PASSAGE_CHARS
                out.append(par[:cut])
                par = par[cut:].lstrip()
            cur.append(par)
            size += len(par)
            if size >= PASSAGE_CHARS:
                out.append("\n\n".join(cur))
                cur, size = [], 0
        if cur:
            if out and size < PASSAGE_CHARS // 3 and len(out[-1]) + size < MAX_PASSAGE_CHARS:
                out[-1] += "\n\n" + "\n\n".join(cur)
            else:
                out.append("\n\n".join(cur))
    return out


# A racism hit must name what the prejudice is about: a race, a people, skin, a slur (the
# fantasy ones too; not "aliens" or "humans", which calm science fiction uses). Without
# this the racism model, which learned from passages of works tagged Racism only, flagged
# calm stories of our own test corpus; most positive development passages qualify.
ANCHORS: dict[str, re.Pattern[str]] = {
    "racism": re.compile(
        r"racis\w*|racial\w*|races?|slurs?|skin|skinned|colou?red|slave\w*|nigg\w*|negro\w*|"
        r"chink\w*|gook\w*|spic\w*|wetback\w*|beaner\w*|savage\w*|immigrant\w*|"
        r"foreigner\w*|ethnic\w*|segregat\w*|mudblood\w*|squib\w*|breed\w*|"
        r"asian\w*|mexican\w*|african\w*|indian\w*|jew\w*|arab\w*|chinese|japanese|korean|"
        r"darkie\w*|tribe\w*|natives?|uncivili[sz]ed|monkey\w*|apes?|halfblood\w*|"
        r"pureblood\w*|elves|elf|elvish|dwarf\w*|dwarves|goblin\w*|"
        r"orcs?|foreign|accent\w*|heritage|blacks|whites|black|white|brown"),
}


def anchored(label: str, passage: str) -> bool:
    rx = ANCHORS.get(label)
    return rx is None or any(rx.fullmatch(w) for w in words(passage))


_OVERRIDE: WarnModel | None = None
_OFF = False


@lru_cache(maxsize=1)
def _load() -> WarnModel | None:
    try:
        return WarnModel(json.loads(WEIGHTS.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None


def model() -> WarnModel | None:
    """The shipped model (None if its weights file is missing: the cue rules still work)."""
    if _OFF:
        return None
    return _OVERRIDE if _OVERRIDE is not None else _load()


def use(m: WarnModel | None, off: bool = False) -> None:
    """Measure with another model (grouped cross-validation) or with none (`off=True`, the
    cue rules alone); `use(None)` restores the shipped model."""
    global _OVERRIDE, _OFF
    _OVERRIDE, _OFF = m, off
