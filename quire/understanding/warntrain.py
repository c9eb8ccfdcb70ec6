"""Train the passage-level warning models (`make train`): one logistic regression per
warning, on the Webis trigger-warning development passages, evaluated by grouped
cross-validation so every held-back passage comes from a work the model never saw.

    python -m quire.understanding.warntrain [--data ../shared/data/webis-trigger-warnings/dev.jsonl]
        [--out quire/understanding/data/warnings.json] [--limit N] [--no-eval]

Why this shape:
- Each Webis passage is labelled for ONE warning (a "war" passage says nothing about
  death), so each warning's model learns from that warning's passages only.
- numpy alone: the data are small (a few hundred passages a warning), plain gradient
  descent on presence features fits in a second, and inference needs no numpy at all
  (a dict of word weights), which keeps the analyzer importable and fast.
- Thresholds are picked on out-of-fold scores so that precision stays at or above
  TARGET_PRECISION: a warning we show should be right more often than not, and we prefer
  missing one to crying wolf. Scores are Platt-calibrated on the same out-of-fold scores,
  so the confidence the analyzer shows is an estimate of how often it is right.
- Fixed seeds and a fixed iteration count: the same data give byte-identical weights.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .warnfeatures import features

LABELS = ("violence", "war", "death", "abduction", "misogyny", "homophobia", "racism", "ableism")
# What counts as the analyzer finding each Webis warning: any of these tags or warnings.
WEBIS_FOUND = {
    "violence": ("Violence", "Graphic Violence", "Gun Violence", "Torture",
                 "Graphic Depictions Of Violence"),
    "war": ("War",),
    "death": ("Character Death", "Major Character Death"),
    "abduction": ("Kidnapping",),
    "misogyny": ("Misogyny",),
    "homophobia": ("Homophobia",),
    "racism": ("Racism",),
    "ableism": ("Ableism",),
}
DEFAULT_DATA = Path("../shared/data/webis-trigger-warnings/dev.jsonl")
DEFAULT_OUT = Path(__file__).parent / "data" / "warnings.json"
SEED = 13
FOLDS = 5
TARGET_PRECISION = 0.65   # thresholds chosen out of fold keep a margin over the 0.6 we promise
POLICY_PRECISION = 0.6    # the cue rules are not fitted to these passages: no margin needed
MIN_DF = 2
KEEP = 1500               # strongest weights kept per warning: the file stays small
L2 = 3e-4
BIAS_FEATURE = 1.0
EXTRA_WEIGHT = 0.3        # other warnings' clean passages, as negatives (see train_label)
EXTRA_MAX = 500
FALSE_ALARM = 0.02        # share of those clean passages a threshold may flag, out of fold


@dataclass(frozen=True)
class Passage:
    warning: str
    text: str
    work_id: str
    positive: bool


def load(path: Path, limit: int | None = None) -> list[Passage]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            out.append(Passage(row["warning"], row["text"], str(row["work_id"]),
                               sum(row["labels"]) >= 2))
    out.sort(key=lambda p: (p.warning, p.work_id, p.text))
    if limit:
        out = [p for w in LABELS for p in [q for q in out if q.warning == w][:limit]]
    return out


def group_folds(work_ids: list[str], k: int, seed: int) -> np.ndarray:
    """Fold number per passage; all passages of a work share a fold."""
    works = sorted(set(work_ids))
    order = np.random.default_rng(seed).permutation(len(works))
    fold_of = {works[i]: n % k for n, i in enumerate(order)}
    return np.array([fold_of[w] for w in work_ids])


def _matrix(feats: list[set[str]], vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(feats), len(vocab)), dtype=np.float64)
    for i, fs in enumerate(feats):
        idx = [vocab[f] for f in fs if f in vocab]
        if fs:
            x[i, idx] = 1.0 / math.sqrt(len(fs))   # same scaling as warnmodel.score
    return x


def _fit(x: np.ndarray, y: np.ndarray, sw: np.ndarray) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression, solved exactly by Newton's method in the space of
    the passages (w = X'a): a few hundred passages and tens of thousands of features make
    each step one small linear solve instead of thousands of gradient steps."""
    n = x.shape[0]
    xa = np.hstack([x, np.full((n, 1), BIAS_FEATURE)])
    k = xa @ xa.T
    a = np.zeros(n)
    for _ in range(50):
        z = np.clip(k @ a, -30, 30)
        p = 1 / (1 + np.exp(-z))
        r = sw * p * (1 - p) + 1e-9
        rhs = sw * (p - y) / n + L2 * a
        step = np.linalg.solve(r[:, None] * k / n + L2 * np.eye(n), rhs)
        a -= step
        if np.abs(step).max() < 1e-8:
            break
    w = xa.T @ a
    return w[:-1], float(w[-1] * BIAS_FEATURE)


@dataclass
class LabelModel:
    bias: float
    weights: dict[str, float]

    def logits(self, feats: list[set[str]]) -> np.ndarray:
        return np.array([self.bias + sum(self.weights.get(f, 0.0) for f in fs) /
                         math.sqrt(len(fs)) if fs else self.bias for fs in feats])


def train_label(feats: list[set[str]], y: np.ndarray, extra: Sequence[set[str]] = ()
                ) -> LabelModel:
    """`extra`: passages used as down-weighted negatives (other warnings' passages that
    their annotators found clean), so the model learns what ordinary narrative looks like
    and does not lean on the writing style of one warning's sample."""
    sw = np.concatenate([np.ones(len(feats)), np.full(len(extra), EXTRA_WEIGHT)])
    y = np.concatenate([y, np.zeros(len(extra))])
    feats = list(feats) + list(extra)
    df: dict[str, int] = {}
    for fs in feats:
        for f in fs:
            df[f] = df.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in df.items() if c >= MIN_DF))}
    w, b = _fit(_matrix(feats, vocab), y, sw)
    names = sorted(vocab, key=vocab.__getitem__)
    top = sorted(range(len(names)), key=lambda i: (-abs(w[i]), names[i]))[:KEEP]
    return LabelModel(round(b, 5), {names[i]: round(float(w[i]), 5) for i in sorted(top)})


def platt(logits: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """p = sigmoid(a * logit + c), fitted by Newton's method with Platt's smoothed targets."""
    pos, neg = float(y.sum()), float(len(y) - y.sum())
    t = np.where(y > 0, (pos + 1) / (pos + 2), 1 / (neg + 2))
    a, c = 1.0, 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(a * logits + c, -30, 30)))
        g = np.array([((p - t) * logits).sum(), (p - t).sum()])
        r = p * (1 - p) + 1e-9
        h = np.array([[(r * logits * logits).sum(), (r * logits).sum()],
                      [(r * logits).sum(), r.sum()]]) + 1e-6 * np.eye(2)
        step = np.linalg.solve(h, g)
        a, c = a - step[0], c - step[1]
        if abs(step).max() < 1e-9:
            break
    return float(a), float(c)


def pick_threshold(probs: np.ndarray, y: np.ndarray, target: float = TARGET_PRECISION) -> float:
    """The threshold with the best F1 among those whose precision reaches `target`
    (never below 0.5: a shown warning must be more likely right than wrong)."""
    best, best_f1 = 1.01, -1.0
    for thr in sorted(set(np.round(probs, 4))):
        if thr < 0.5:
            continue
        pred = probs >= thr
        tp = int((pred & (y > 0)).sum())
        fp = int((pred & (y == 0)).sum())
        fn = int((~pred & (y > 0)).sum())
        if tp == 0 or tp / (tp + fp) < target:
            continue
        f1 = 2 * tp / (2 * tp + fp + fn)
        if f1 > best_f1:
            best, best_f1 = float(thr), f1
    return best


def oof_logits(feats: list[set[str]], y: np.ndarray, groups: list[str], k: int, seed: int,
               extra: Sequence[tuple[set[str], str]] = ()) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold logits of the passages, and of the extra negatives (from held-out works
    too: how often the model would cry wolf on ordinary narrative)."""
    folds = group_folds(list(groups) + [g for _, g in extra], k, seed)
    extra_folds = folds[len(groups):]
    folds = folds[:len(groups)]
    out = np.zeros(len(y))
    extra_out = np.full(len(extra), -30.0)
    for f in range(k):
        tr, te = folds != f, folds == f
        if not te.any() or y[tr].min() == y[tr].max():
            continue
        ex = [fs for (fs, _), ef in zip(extra, extra_folds, strict=True) if ef != f]
        m = train_label([feats[i] for i in np.where(tr)[0]], y[tr], ex)
        out[te] = m.logits([feats[i] for i in np.where(te)[0]])
        held = np.where(extra_folds == f)[0]
        if len(held):
            extra_out[held] = m.logits([extra[i][0] for i in held])
    return out, extra_out


POLICIES = ("model", "cue", "either", "agree")
AGREE_LOW = 0.3   # "agree": a cue hit counts when the model gives the passage at least this
MIN_CUE_HITS = 5  # fewer cue hits than this on a warning's passages: too few to judge the cues


def decide(policy: str, cue: bool, prob: float, threshold: float) -> bool:
    """Whether a passage gets the warning, from the cue rules' verdict and the model's."""
    model = prob >= threshold
    if policy == "cue":
        return cue
    if policy == "either":
        return cue or model
    if policy == "agree":
        return model or (cue and prob >= AGREE_LOW)
    return model


def pick_policy(cues: np.ndarray, probs: np.ndarray, y: np.ndarray, threshold: float) -> str:
    """How to join cue rules and model for one warning: the way with the best out-of-fold
    F1 among those that keep precision at POLICY_PRECISION. When none does: the model alone
    if the cue rules were seen to cry wolf here, else the cue rules (hand-written and too
    rarely set off by these passages to judge, as for misogyny)."""
    best, best_f1 = ("model" if int(cues.sum()) >= MIN_CUE_HITS else "cue"), -1.0
    for policy in POLICIES:
        pred = np.array([decide(policy, bool(c), float(p), threshold) for c, p in zip(cues, probs, strict=True)])
        tp = int((pred & (y > 0)).sum())
        fp = int((pred & (y == 0)).sum())
        fn = int((~pred & (y > 0)).sum())
        if tp == 0 or tp / (tp + fp) < POLICY_PRECISION:
            continue
        f1 = 2 * tp / (2 * tp + fp + fn)
        if f1 > best_f1 + 1e-9:
            best, best_f1 = policy, f1
    return best


def fit_full(feats: list[set[str]], y: np.ndarray, groups: list[str], seed: int = SEED,
             cues: np.ndarray | None = None, extra: Sequence[tuple[set[str], str]] = ()
             ) -> dict[str, object]:
    """The exported model of one warning: weights on all passages; calibration, threshold
    and the way to join the cue rules from grouped out-of-fold scores (of this warning's
    passages only: the extra negatives train, they do not calibrate)."""
    lo, extra_lo = oof_logits(feats, y, groups, FOLDS, seed, extra)
    a, c = platt(lo, y)
    probs = 1 / (1 + np.exp(-np.clip(a * lo + c, -30, 30)))
    threshold = pick_threshold(probs, y)
    if len(extra_lo):
        # Ordinary passages from other works must rarely set it off (FALSE_ALARM at most).
        extra_p = 1 / (1 + np.exp(-np.clip(a * extra_lo + c, -30, 30)))
        threshold = max(threshold, float(np.quantile(extra_p, 1 - FALSE_ALARM)) + 1e-4)
    policy = pick_policy(cues, probs, y, threshold) if cues is not None else "model"
    model = train_label(feats, y, [fs for fs, _ in extra])
    return {"bias": model.bias, "scale": round(a, 5), "shift": round(c, 5),
            "threshold": round(threshold, 4), "combine": policy, "weights": model.weights}


def cue_verdicts(passages: list[Passage]) -> np.ndarray:
    """Whether the cue rules alone flag each passage for its own warning."""
    from .content import archive_warnings, content_tags, engine

    out = []
    for p in passages:
        scores = engine().scan([("story", p.text)])
        names = {s.name for s in content_tags(scores) + archive_warnings(scores)}
        out.append(bool(names & set(WEBIS_FOUND[p.warning])))
    return np.array(out)


def extra_negatives(passages: list[Passage], label: str) -> list[tuple[set[str], str]]:
    """Other warnings' passages their annotators found clean, with their work ids."""
    if EXTRA_WEIGHT <= 0:
        return []
    pool = [p for p in passages if p.warning != label and not p.positive]
    rng = np.random.default_rng(SEED)
    keep = sorted(rng.permutation(len(pool))[:EXTRA_MAX])   # a fixed sample keeps it quick
    return [(features(pool[i].text), pool[i].work_id) for i in keep]


def evaluate(passages: list[Passage], seed: int = SEED) -> dict[str, dict[str, float]]:
    """Nested grouped CV: outer folds hold back whole works; calibration and threshold are
    chosen on inner folds of the outer training part only."""
    result: dict[str, dict[str, float]] = {}
    totals = [0, 0, 0]
    for label in LABELS:
        ps = [p for p in passages if p.warning == label]
        feats = [features(p.text) for p in ps]
        y = np.array([1.0 if p.positive else 0.0 for p in ps])
        groups = [p.work_id for p in ps]
        folds = group_folds(groups, FOLDS, seed)
        extra = extra_negatives(passages, label)
        tp = fp = fn = 0
        for f in range(FOLDS):
            tr = np.where(folds != f)[0]
            te = np.where(folds == f)[0]
            held = {groups[i] for i in te}
            sub = fit_full([feats[i] for i in tr], y[tr], [groups[i] for i in tr], seed + 1,
                           extra=[e for e in extra if e[1] not in held])
            m = LabelModel(sub["bias"], sub["weights"])  # type: ignore[arg-type]
            lo = m.logits([feats[i] for i in te])
            p = 1 / (1 + np.exp(-(float(sub["scale"]) * lo + float(sub["shift"]))))  # type: ignore[arg-type]
            pred = p >= float(sub["threshold"])  # type: ignore[arg-type]
            yt = y[te] > 0
            tp += int((pred & yt).sum())
            fp += int((pred & ~yt).sum())
            fn += int((~pred & yt).sum())
        result[label] = _prf(tp, fp, fn)
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
    result["micro"] = _prf(*totals)
    return result


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "tp": tp, "fp": fp, "fn": fn}


def train(passages: list[Passage], seed: int = SEED, only: str | None = None
          ) -> dict[str, object]:
    labels = {}
    for label in LABELS:
        if only not in (None, label):
            continue
        ps = [p for p in passages if p.warning == label]
        if not ps:
            continue
        y = np.array([1.0 if p.positive else 0.0 for p in ps])
        labels[label] = fit_full([features(p.text) for p in ps], y, [p.work_id for p in ps], seed,
                                 cue_verdicts(ps), extra_negatives(passages, label))
    return {"about": "Passage-level warning models trained by quire.understanding.warntrain "
                     "on the Webis trigger-warning development passages (MIT); weights only.",
            "seed": seed, "target_precision": TARGET_PRECISION, "labels": labels}


def dump(model: dict[str, object], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n",
                   encoding="utf-8")


def evaluate_analyzer(passages: list[Passage], with_model: bool, seed: int = SEED,
                      only: str | None = None) -> dict[str, dict[str, float]]:
    """The whole analyzer (parse + suggest) on each passage, scored against its one label.
    With the model, each fold of works is analysed by models trained on the other folds."""
    from . import warnmodel
    from .structure import parse
    from .suggest import suggest

    folds = group_folds([p.work_id for p in passages], FOLDS, seed)
    counts = {label: [0, 0, 0] for label in LABELS if only in (None, label)}
    try:
        for f in range(FOLDS if with_model else 1):
            if with_model:
                held = [p for p, k in zip(passages, folds, strict=True)
                        if k == f and only in (None, p.warning)]
                trained = train([p for p, k in zip(passages, folds, strict=True) if k != f], seed + 1,
                                only)
                warnmodel.use(warnmodel.WarnModel(trained))
            else:
                held = [p for p in passages if only in (None, p.warning)]
                warnmodel.use(None, off=True)
            for p in held:
                sug = suggest(parse(p.text))
                names = {s.name for s in sug.additional_tags + sug.archive_warnings}
                hit = bool(names & set(WEBIS_FOUND[p.warning]))
                c = counts[p.warning]
                if hit and p.positive:
                    c[0] += 1
                elif hit:
                    c[1] += 1
                elif p.positive:
                    c[2] += 1
    finally:
        warnmodel.use(None)
    result = {label: _prf(*c) for label, c in counts.items()}
    result["micro"] = _prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return result


def _print(scores: dict[str, dict[str, float]]) -> None:
    for label, s in scores.items():
        print(f"{label:11s} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
              f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']})", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--limit", type=int, default=None, help="passages per warning (a quick slice)")
    ap.add_argument("--no-eval", action="store_true", help="skip the grouped cross-validation")
    ap.add_argument("--only", choices=LABELS, help="with --compare: measure one warning")
    ap.add_argument("--compare", action="store_true",
                    help="only measure the whole analyzer on the passages: cue rules alone, "
                         "then cue rules + model (grouped CV); writes nothing")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"Training data not found: {args.data}. It lives in ../shared/data; "
              "the committed weights stay as they are.", file=sys.stderr)
        return 2
    passages = load(args.data, args.limit)
    if args.compare:
        for title, flag in (("cue rules alone", False), ("cue rules + model", True)):
            print(f"== {title}")
            _print(evaluate_analyzer(passages, flag, only=args.only))
        return 0
    if not args.no_eval:
        print("== model alone, nested grouped cross-validation")
        _print(evaluate(passages))
    dump(train(passages), args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
