"""`quire bench exchange [--small]`: gift-exchange matching on generated sign-ups.

Fandoms and characters are Zipf-distributed (a few huge fandoms, a long tail of rare
ones, as in Yuletide-like exchanges). Each size runs in a child process of its own so
the peak memory (ru_maxrss) is that run's alone. `maximum` is the proven maximum number
of pairs from Dinic's maximum flow (scipy's maximum_flow), a method independent of the
Hopcroft-Karp and min-weight matching that make the assignment."""

import json
import resource
import subprocess
import sys
import time

import numpy as np

from quire.exchanges.matching import OR, Entry, Rules, compatibility, match_scores

SIZES = (500, 2000, 5000)
SMALL_SIZES = (100, 500)


def _zipf(rng, count: int, size: int, s: float = 1.1) -> np.ndarray:
    weights = 1.0 / np.arange(1, count + 1) ** s
    return rng.choice(count, size=size, p=weights / weights.sum())


def generate(n: int, seed: int = 17) -> tuple[list[Entry], list[Entry], Rules]:
    """n participants, 1-3 requests (a fandom and 1-3 of its characters) and 1-3 offers
    (a fandom and 2-6 characters, or any character) each."""
    rng = np.random.default_rng(seed)
    fandoms = max(40, n // 4)
    cast = rng.integers(4, 40, size=fandoms)  # characters per fandom
    requests: list[Entry] = []
    offers: list[Entry] = []
    for p in range(n):
        for kind, out in (("request", requests), ("offer", offers)):
            for fandom in _zipf(rng, fandoms, int(rng.integers(1, 4))):
                f = int(fandom)
                if kind == "offer" and rng.random() < 0.2:
                    out.append(Entry(p, {"fandom": frozenset({f})}, frozenset({"character"})))
                    continue
                k = int(rng.integers(1, 4) if kind == "request" else rng.integers(2, 7))
                chars = {(f, int(c)) for c in _zipf(rng, int(cast[f]), k, s=1.0)}
                out.append(Entry(p, {"fandom": frozenset({f}), "character": frozenset(chars)}))
    return requests, offers, Rules({"fandom": OR, "character": OR})


def run_one(n: int) -> dict:
    requests, offers, rules = generate(n)
    start = time.perf_counter()
    scores = compatibility(n, requests, offers, rules)
    result = match_scores(scores)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    return {"participants": n, "matched": result.matched, "maximum": result.maximum,
            "coverage": round(result.mean_coverage, 4), "seconds": round(seconds, 2),
            "peak_mb": round(peak_mb, 1), "edges": result.edges, "reciprocal": result.reciprocal}


def run(small: bool, report=print) -> dict:
    rows = []
    for n in SMALL_SIZES if small else SIZES:
        report(f"exchange: matching {n:,} participants …")
        child = subprocess.run([sys.executable, "-m", "quire.bench.exchange", str(n)],  # noqa: S603 (our own module)
                               capture_output=True, text=True, check=False)
        if child.returncode != 0:
            raise RuntimeError(f"exchange bench for {n} participants failed:\n{child.stderr[-2000:]}")
        row = json.loads(child.stdout.strip().splitlines()[-1])
        report(f"  {row['matched']:,} matched of a proven maximum {row['maximum']:,} "
               f"({row['edges']:,} compatible pairs), mean coverage {row['coverage']:.3f}, "
               f"{row['reciprocal']} reciprocal pairs, {row['seconds']} s, peak {row['peak_mb']} MB")
        rows.append({k: row[k] for k in ("participants", "matched", "maximum", "coverage", "seconds", "peak_mb")})
    return {"exchange": rows}


if __name__ == "__main__":
    print(json.dumps(run_one(int(sys.argv[1]))))
