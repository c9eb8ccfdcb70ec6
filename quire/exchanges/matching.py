"""Gift-exchange matching: who writes for whom. Pure Python + numpy/scipy, no Django.

What is matched. Every participant is two nodes: a *giver* (writes a gift, using one of
their offers) and a *receiver* (gets a gift for one of their requests). An assignment is
a bipartite matching giver -> receiver over the compatible pairs, never giver i -> receiver
i. Each giver writes at most one gift and each receiver gets at most one. The issue asks
for "every participant a writer and a recipient": that is a perfect matching, which in
graph terms is a *cycle cover* of the directed compatibility graph (every person has one
out-edge and one in-edge; the cycles can be of any length >= 2). When no cycle cover
exists, we still return the largest partial assignment: some givers have no recipient
and some receivers no writer, and `Result.unmatched_givers` / `unmatched_receivers`
report them (the moderator fixes them with pinch hits).

Objective, lexicographic:
 1. the number of matched pairs is maximum (a maximum matching, not a greedy pass);
 2. among those, the total request coverage is maximum (coverage of a pair = the best
    share of a request's tags that one of the giver's offers covers, 0..1);
 3. among those, reciprocal pairs (A writes for B and B writes for A) are avoided where
    another optimum is found: first by exchanging edges with another pair (the two
    cycles merge; size and coverage unchanged), then by a tiny per-edge penalty
    re-solved a few rounds, never trading away 1 or 2 (the penalties sum to less than
    one coverage unit). This part is a heuristic (the objective is quadratic); the
    brute-force test finds it optimal on every small instance it tries.

Solver. Hopcroft-Karp (scipy's `maximum_bipartite_matching`) first fixes the maximum
number of pairs in each connected component (fandoms split an exchange into pieces).
Then scipy's LAPJVsp (`min_weight_full_bipartite_matching`, sparse) finds the best
coverage among matchings of exactly that size: it needs a *full* matching, so each
component gets one dummy receiver per giver who must go without and one dummy giver per
receiver who must, linked to everyone; the real pairs then number exactly the maximum.
Chosen by measurement (`quire bench exchange`): the doubled big-M graph took 23 s on
5,000 participants and dense `linear_sum_assignment` 22 s (plus 200 MB of costs), this
4.5 s; networkx's min-cost flow is pure Python and far slower at this size.

Who cannot be matched, and why (`explain`): a receiver with no compatible giver at all
(names the request tag types nobody offers), and, from the maximum matching, the Hall
deficiency sets (König): the receivers reachable from an unmatched receiver by
alternating paths compete for fewer givers than they are, so one of them must go
without in every assignment."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import (
    connected_components,
    maximum_bipartite_matching,
    maximum_flow,
    min_weight_full_bipartite_matching,
)

AND, OR = "and", "or"
UNITS = 1000  # coverage 0..1 is scored in thousandths


@dataclass(frozen=True)
class Entry:
    """One request or offer: the participant it belongs to (0..n-1), its tags per tag
    type, and the tag types marked "any". A type left empty counts as "any" too."""

    participant: int
    tags: dict[str, frozenset] = field(default_factory=dict)
    any: frozenset = frozenset()


@dataclass(frozen=True)
class Rules:
    """The sign-up form's matching rules: for each tag type that counts, AND (the offer
    must hold every requested tag of that type) or OR (at least one in common)."""

    types: dict[str, str]


@dataclass
class Result:
    n: int
    giver_to_receiver: dict[int, int]  # matched pairs
    coverage: dict[int, float]  # receiver -> coverage of their request by their giver
    maximum: int  # the proven maximum number of pairs (Dinic's max flow, independent of the solver)
    reciprocal: int  # pairs A->B with B->A also assigned (counted once per pair)
    unmatched_givers: list[int]
    unmatched_receivers: list[int]
    edges: int

    @property
    def matched(self) -> int:
        return len(self.giver_to_receiver)

    @property
    def mean_coverage(self) -> float:
        return sum(self.coverage.values()) / len(self.coverage) if self.coverage else 0.0


# -- compatibility -------------------------------------------------------------------


def _type_matrix(entries: list[Entry], tag_type: str, index: dict) -> tuple[sparse.csr_matrix, np.ndarray]:
    rows, cols = [], []
    any_flags = np.zeros(len(entries), dtype=bool)
    for row, entry in enumerate(entries):
        tags = entry.tags.get(tag_type) or frozenset()
        if tag_type in entry.any or not tags:
            any_flags[row] = True
            continue
        for tag in tags:
            rows.append(row)
            cols.append(index.setdefault(tag, len(index)))
    return (rows, cols), any_flags


def _at(matrix: sparse.csr_matrix, candidates: sparse.csr_matrix) -> np.ndarray:
    """The values of `matrix` at each stored position of the canonical pattern
    `candidates` (data all 1), in its order; 0 where `matrix` has nothing. Adding the
    overlap to the pattern keeps exactly the pattern's positions, all in C."""
    both = (candidates + candidates.multiply(matrix)).tocsr()
    both.sum_duplicates()
    both.sort_indices()
    return both.data.astype(np.int64) - 1


def compatibility(n: int, requests: list[Entry], offers: list[Entry], rules: Rules) -> sparse.csr_matrix:
    """The giver x receiver matrix of scores, 1 + coverage units (0 = incompatible): the
    best coverage any offer of the giver gives any request of the receiver.

    Sparse throughout: the candidate (request, offer) pairs come from the tag type that
    admits the fewest (pairs sharing a tag, plus "any" rows and columns); every type is
    then checked on those candidates only."""
    if not requests or not offers:
        return sparse.csr_matrix((n, n), dtype=np.int64)
    width = len(offers)
    per_type = []
    for tag_type, mode in rules.types.items():
        index: dict = {}
        (rr, rc), r_any = _type_matrix(requests, tag_type, index)
        (orows, ocols), o_any = _type_matrix(offers, tag_type, index)
        tags = max(len(index), 1)
        req = sparse.csr_matrix((np.ones(len(rr), dtype=np.int32), (rr, rc)), shape=(len(requests), tags))
        off = sparse.csr_matrix((np.ones(len(orows), dtype=np.int32), (orows, ocols)), shape=(width, tags))
        shared = (req @ off.T).tocsr()
        sizes = np.asarray(req.sum(axis=1)).ravel().astype(np.int64)
        admitted = shared.nnz + int(r_any.sum()) * width + int(o_any.sum()) * len(requests)
        per_type.append((admitted, mode, shared, sizes, r_any, o_any))
    _, _, shared, _, r_any, o_any = min(per_type, key=lambda t: t[0])
    # The candidates as one canonical CSR pattern (sorted, no duplicates), the order
    # _at gives values in.
    candidates = _pattern(shared).astype(np.int32)
    rows = np.nonzero(r_any)[0]
    if len(rows):
        candidates = candidates + sparse.csr_matrix(
            (np.ones(len(rows) * width, dtype=np.int32),
             (np.repeat(rows, width), np.tile(np.arange(width), len(rows)))),
            shape=candidates.shape)
    cols = np.nonzero(o_any)[0]
    if len(cols):
        candidates = candidates + sparse.csr_matrix(
            (np.ones(len(cols) * len(requests), dtype=np.int32),
             (np.repeat(np.arange(len(requests)), len(cols)), np.tile(cols, len(requests)))),
            shape=candidates.shape)
    candidates = candidates.tocsr()
    candidates.sum_duplicates()
    candidates.sort_indices()
    candidates.data[:] = 1  # overlapping "any" rows and columns summed to 2 or 3
    r_idx = np.repeat(np.arange(len(requests), dtype=np.int64), np.diff(candidates.indptr))
    o_idx = candidates.indices.astype(np.int64)
    req_owner = np.array([e.participant for e in requests], dtype=np.int64)[r_idx]
    off_owner = np.array([e.participant for e in offers], dtype=np.int64)[o_idx]
    ok = req_owner != off_owner
    covered = np.zeros(len(r_idx), dtype=np.int64)
    wanted = np.zeros(len(r_idx), dtype=np.int64)
    for _, mode, shared, sizes, r_any, o_any in per_type:
        common = _at(shared, candidates)
        size = sizes[r_idx]
        ra, oa = r_any[r_idx], o_any[o_idx]
        fits = (common >= 1) if mode == OR else (common >= size)
        ok &= ra | oa | fits
        # An "any" offer covers every requested tag of the type; an "any" request wants none.
        covered += np.where(ra, 0, np.where(oa, size, common))
        wanted += np.where(ra, 0, size)
    covered, wanted = covered[ok], wanted[ok]
    units = np.where(wanted > 0, (covered * UNITS) // np.maximum(wanted, 1), UNITS)
    g, r = off_owner[ok], req_owner[ok]
    s = units + 1  # +1 so a compatible pair with nothing in common stays an edge
    if not len(g):
        return sparse.csr_matrix((n, n), dtype=np.int64)
    # Best score per (giver, receiver): sort key and score packed in one integer
    # (scores < 2^11), keep the last of each key.
    packed = np.sort((g * n + r) << 11 | s)
    key, s = packed >> 11, packed & 2047
    last = np.r_[key[1:] != key[:-1], True]
    key, s = key[last], s[last]
    return sparse.csr_matrix((s, (key // n, key % n)), shape=(n, n))


# -- matching ------------------------------------------------------------------------


def _solve_component(weights: sparse.csr_matrix, size: int) -> np.ndarray:
    """Maximum-weight matching of exactly `size` pairs (the component's maximum, known from
    Hopcroft-Karp) on a component's giver x receiver weights (> 0 on edges). Dummies make it
    a full matching: one dummy receiver per giver who must go without and one dummy giver
    per receiver who must; they link to everyone, so the real pairs number exactly `size`.
    Returns the receiver per giver, -1 when unmatched."""
    givers, receivers = weights.shape
    spare_r, spare_g = givers - size, receivers - size
    w = weights.tocoo()
    # Costs to minimise are top - weight: all > 0 (scipy's sparse formats drop explicit
    # zeros), and a dummy costs like a real pair of weight 0.
    top = float(w.data.max()) + 1
    rows = [w.row, np.repeat(np.arange(givers), spare_r), givers + np.repeat(np.arange(spare_g), receivers)]
    cols = [w.col, receivers + np.tile(np.arange(spare_r), givers), np.tile(np.arange(receivers), spare_g)]
    data = [top - w.data.astype(float), np.full(givers * spare_r, top), np.full(receivers * spare_g, top)]
    full = sparse.csr_matrix((np.concatenate(data), (np.concatenate(rows), np.concatenate(cols))),
                             shape=(givers + spare_g, receivers + spare_r))
    row_ind, col_ind = min_weight_full_bipartite_matching(full)
    out = np.full(givers, -1, dtype=np.int64)
    real = (row_ind < givers) & (col_ind < receivers)
    out[row_ind[real]] = col_ind[real]
    return out


def _pattern(scores: sparse.csr_matrix) -> sparse.csr_matrix:
    return sparse.csr_matrix((np.ones(scores.nnz, dtype=np.int8), scores.indices, scores.indptr), shape=scores.shape)


def _solve(weights: sparse.csr_matrix) -> np.ndarray:
    """Maximum cardinality, then maximum weight, solved per connected component."""
    n = weights.shape[0]
    out = np.full(n, -1, dtype=np.int64)
    if weights.nnz == 0:
        return out
    # Hopcroft-Karp fixes each component's maximum number of pairs.
    receiver_of = maximum_bipartite_matching(_pattern(weights), perm_type="column")
    # Components of the bipartite graph: givers 0..n-1, receivers n..2n-1.
    both = sparse.bmat([[None, weights], [weights.T, None]]).tocsr()
    count, labels = connected_components(both, directed=False)
    giver_label, receiver_label = labels[:n], labels[n:]
    order_g = np.argsort(giver_label, kind="stable")
    order_r = np.argsort(receiver_label, kind="stable")
    bounds_g = np.searchsorted(giver_label[order_g], np.arange(count + 1))
    bounds_r = np.searchsorted(receiver_label[order_r], np.arange(count + 1))
    for c in range(count):
        gs = order_g[bounds_g[c]:bounds_g[c + 1]]
        rs = order_r[bounds_r[c]:bounds_r[c + 1]]
        if len(gs) == 0 or len(rs) == 0:
            continue
        size = int((receiver_of[gs] >= 0).sum())
        if size == 0:
            continue
        local = _solve_component(weights[gs][:, rs].tocsr(), size)
        hit = local >= 0
        out[gs[hit]] = rs[local[hit]]
    return out


def maximum_pairs(scores: sparse.csr_matrix) -> int:
    """The maximum number of pairs by an exact method independent of the solver's
    (Dinic's maximum flow: source -> givers -> receivers -> sink, unit capacities)."""
    n = scores.shape[0]
    if scores.nnz == 0:
        return 0
    coo = scores.tocoo()
    source, sink = 2 * n, 2 * n + 1
    ar = np.arange(n)
    rows = np.concatenate([np.full(n, source), coo.row, n + ar])
    cols = np.concatenate([ar, n + coo.col, np.full(n, sink)])
    graph = sparse.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(2 * n + 2, 2 * n + 2))
    return int(maximum_flow(graph, source, sink, method="dinic").flow_value)


def _reciprocals(assign: np.ndarray) -> list[tuple[int, int]]:
    pairs = []
    for g, r in enumerate(assign):
        if r > g and assign[r] == g:
            pairs.append((g, int(r)))
    return pairs


def _repair(assign: np.ndarray, scores: sparse.csr_matrix) -> np.ndarray:
    """Break reciprocal pairs by exchanging edges with another pair, keeping size and
    coverage exactly: for a pair x <-> y and some c -> d elsewhere, y -> x and c -> d
    become y -> d and c -> x when both exist and score the same in total (the two cycles
    merge into one)."""
    assign = assign.copy()
    incoming = scores.tocsc()
    for a, b in _reciprocals(assign):
        for x, y in ((a, b), (b, a)):  # replace y -> x
            if assign[y] != x or assign[x] != y:
                break  # already broken by an earlier exchange
            column = incoming[:, x]
            done = False
            for c, score_cx in zip(column.indices, column.data, strict=True):
                d = int(assign[c])
                if c in (x, y) or d < 0 or d in (x, y) or assign[d] == y:
                    continue
                score_yd = scores[y, d]
                if score_yd and score_yd + score_cx >= scores[y, x] + scores[c, d]:
                    assign[y], assign[c] = d, x
                    done = True
                    break
            if done:
                break
    return assign


def match_scores(scores: sparse.csr_matrix, rounds: int = 6) -> Result:
    """Match on a giver x receiver score matrix (0 = incompatible, else 1 + coverage units)."""
    n = scores.shape[0]
    scores = scores.tocsr().astype(np.int64)
    scores.setdiag(0)
    scores.eliminate_zeros()
    # Coverage scaled so that all reciprocal penalties together (< 2n) never outweigh one unit.
    scale = 2 * n + 1
    base = scores.copy()
    base.data = base.data * scale
    assign = best = _repair(_solve(base), scores)
    penalised: set[tuple[int, int]] = set()
    # Reciprocal pairs make the objective quadratic: first exchanges with other pairs
    # (cheap, exact in size and coverage); for what remains, rounds that penalise both
    # edges of every reciprocal pair seen so far (the solver then prefers to break
    # them), keeping the best round. A heuristic, never trading away size or coverage.
    for _ in range(rounds):
        pairs = _reciprocals(assign)
        if len(pairs) < len(_reciprocals(best)):
            best = assign
        if not pairs:
            break
        penalised.update(pairs)
        rows = [g for g, r in penalised] + [r for g, r in penalised]
        cols = [r for g, r in penalised] + [g for g, r in penalised]
        penalty = sparse.csr_matrix((np.ones(len(rows), dtype=np.int64), (rows, cols)), shape=(n, n))
        assign = _repair(_solve((base - penalty).tocsr()), scores)
    if len(_reciprocals(assign)) < len(_reciprocals(best)):
        best = assign
    assign = best
    giver_to_receiver = {g: int(r) for g, r in enumerate(assign) if r >= 0}
    coverage = {r: (int(scores[g, r]) - 1) / UNITS for g, r in giver_to_receiver.items()}
    receivers = set(giver_to_receiver.values())
    return Result(
        n=n,
        giver_to_receiver=giver_to_receiver,
        coverage=coverage,
        maximum=maximum_pairs(scores),
        reciprocal=len(_reciprocals(assign)),
        unmatched_givers=[g for g in range(n) if g not in giver_to_receiver],
        unmatched_receivers=[r for r in range(n) if r not in receivers],
        edges=int(scores.nnz),
    )


def match(n: int, requests: list[Entry], offers: list[Entry], rules: Rules) -> Result:
    return match_scores(compatibility(n, requests, offers, rules))


# -- explanations ---------------------------------------------------------------------


@dataclass
class Explanation:
    participant: int
    reason: str  # "no-giver", "no-recipient", "shortage"
    detail: str  # in English, for logs and benches; pages build their sentence from the fields below
    # no-giver: per request, the tag types nobody offers and the names asked for ({} when
    # no single offer satisfies all of its types together).
    missing: list[dict[str, list[str]]] = field(default_factory=list)
    # shortage: this many receivers can only be written for by this many givers.
    people: int = 0
    writers: int = 0


def _unoffered_types(request: Entry, offers: list[Entry], rules: Rules) -> list[str]:
    """Tag types of a request that no other participant's offer satisfies on its own."""
    missing = []
    for tag_type, mode in rules.types.items():
        wanted = request.tags.get(tag_type) or frozenset()
        if tag_type in request.any or not wanted:
            continue
        ok = False
        for offer in offers:
            if offer.participant == request.participant:
                continue
            have = offer.tags.get(tag_type) or frozenset()
            if tag_type in offer.any or not have or (wanted & have if mode == OR else wanted <= have):
                ok = True
                break
        if not ok:
            missing.append(tag_type)
    return missing


def explain(n: int, requests: list[Entry], offers: list[Entry], rules: Rules, scores: sparse.csr_matrix,
            result: Result) -> list[Explanation]:
    """Why each unmatched participant is unmatched under *every* maximum assignment, or
    that they lost out to a shortage (Hall deficiency: a group of receivers who only a
    smaller group of givers can write for)."""
    scores = scores.tocsr()
    incoming = scores.tocsc()
    out: list[Explanation] = []
    for r in result.unmatched_receivers:
        if incoming[:, r].nnz == 0:
            mine = [q for q in requests if q.participant == r]
            reasons, per_request = [], []
            for q in mine:
                missing = {t: sorted(map(str, q.tags.get(t, ()))) for t in _unoffered_types(q, offers, rules)}
                per_request.append(missing)
                label = ", ".join(f"{t}: {', '.join(names)}" for t, names in missing.items())
                reasons.append(label or "no single offer satisfies all of its tag types together")
            out.append(Explanation(r, "no-giver", "; ".join(reasons) or "no requests", missing=per_request))
            continue
        # Alternating BFS from r over (receiver -edge-> giver -matched-> receiver).
        receiver_of = result.giver_to_receiver
        seen_r, seen_g = {r}, set()
        queue = deque([r])
        while queue:
            x = queue.popleft()
            for g in incoming[:, x].indices:
                if g in seen_g:
                    continue
                seen_g.add(int(g))
                y = receiver_of.get(int(g))
                if y is not None and y not in seen_r:
                    seen_r.add(y)
                    queue.append(y)
        out.append(Explanation(r, "shortage",
                               f"{len(seen_r)} people, this one included, can only be written for by "
                               f"the same {len(seen_g)} writer(s)", people=len(seen_r), writers=len(seen_g)))
    for g in result.unmatched_givers:
        if scores[g].nnz == 0:
            out.append(Explanation(g, "no-recipient", "nobody requests anything their offers cover"))
    return out
