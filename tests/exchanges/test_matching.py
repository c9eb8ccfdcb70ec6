"""The exchange matcher: compatibility rules, and optimality proven by brute force."""

import itertools
import random

import numpy as np
import pytest
from scipy import sparse

from quire.exchanges.matching import AND, OR, Entry, Rules, compatibility, explain, match, match_scores


def _all_matchings(edges: dict[int, dict[int, int]], n: int):
    """Every partial giver -> receiver matching over the edges (n <= 7)."""

    def extend(g, used, chosen):
        if g == n:
            yield dict(chosen)
            return
        yield from extend(g + 1, used, chosen)  # giver g writes nothing
        for r in edges.get(g, {}):
            if r not in used:
                chosen[g] = r
                yield from extend(g + 1, used | {r}, chosen)
                del chosen[g]

    yield from extend(0, frozenset(), {})


def _reciprocal(m):
    return sum(1 for g, r in m.items() if r > g and m.get(r) == g)


@pytest.mark.parametrize("seed", range(120))
def test_matching_is_optimal_against_brute_force(seed):
    rng = random.Random(seed)
    n = rng.randint(2, 7)
    density = rng.choice([0.25, 0.5, 0.8])
    dense = np.zeros((n, n), dtype=np.int64)
    for g, r in itertools.product(range(n), repeat=2):
        if g != r and rng.random() < density:
            dense[g, r] = rng.choice([1, 1001, rng.randint(1, 1001)])
    edges = {g: {int(r): int(dense[g, r]) for r in np.nonzero(dense[g])[0]} for g in range(n)}
    best = max((len(m), sum(edges[g][r] for g, r in m.items())) for m in _all_matchings(edges, n))
    fewest_reciprocal = min(_reciprocal(m) for m in _all_matchings(edges, n)
                            if (len(m), sum(edges[g][r] for g, r in m.items())) == best)

    result = match_scores(sparse.csr_matrix(dense))

    assert all(g != r and dense[g, r] > 0 for g, r in result.giver_to_receiver.items())
    assert len(set(result.giver_to_receiver.values())) == result.matched
    assert result.matched == best[0] == result.maximum
    assert sum(dense[g, r] for g, r in result.giver_to_receiver.items()) == best[1]
    assert result.reciprocal == fewest_reciprocal


def test_everyone_compatible_gets_a_cycle_without_reciprocal_pairs():
    n = 6
    result = match_scores(sparse.csr_matrix(np.ones((n, n), dtype=np.int64)))
    assert result.matched == 6 and result.reciprocal == 0
    assert result.unmatched_givers == [] and result.unmatched_receivers == []


def test_two_people_can_only_swap():
    result = match_scores(sparse.csr_matrix(np.array([[0, 5], [5, 0]])))
    assert result.giver_to_receiver == {0: 1, 1: 0} and result.reciprocal == 1


def _e(p, any_=(), **tags):
    return Entry(p, {k: frozenset(v) for k, v in tags.items()}, frozenset(any_))


def test_or_and_and_rules_and_any():
    rules_or = Rules({"fandom": OR, "character": OR})
    rules_and = Rules({"fandom": OR, "character": AND})
    requests = [_e(0, fandom={"F"}, character={"a", "b"})]
    offers = [_e(1, fandom={"F"}, character={"a"}), _e(2, fandom={"F"}, character={"a", "b", "c"}),
              _e(3, fandom={"G"}, character={"a", "b"}), _e(4, any_={"character"}, fandom={"F"})]
    or_scores = compatibility(5, requests, offers, rules_or).toarray()
    and_scores = compatibility(5, requests, offers, rules_and).toarray()
    # OR: 1 covers the fandom and one of two characters (2 of 3 tags), 2 and "any" all; the wrong fandom never.
    assert or_scores[1, 0] == 667 and or_scores[2, 0] == 1001 and or_scores[4, 0] == 1001
    assert or_scores[3, 0] == 0
    # AND: the partial offer no longer fits, the full ones still do.
    assert and_scores[1, 0] == 0 and and_scores[2, 0] == 1001 and and_scores[4, 0] == 1001


def test_nobody_matches_themselves_even_when_only_they_fit():
    requests = [_e(0, fandom={"F"}), _e(1, fandom={"G"})]
    offers = [_e(0, fandom={"F"}), _e(1, fandom={"G"})]
    result = match(2, requests, offers, Rules({"fandom": OR}))
    assert result.matched == 0
    # Positive control: a third person offering F gives 0 a writer.
    result = match(3, requests + [_e(2, fandom={"H"})], offers + [_e(2, fandom={"F"})], Rules({"fandom": OR}))
    assert result.giver_to_receiver.get(2) == 0


def test_explain_names_the_request_nobody_offers_and_the_shortage():
    rules = Rules({"fandom": OR})
    requests = [_e(0, fandom={"Rare"}), _e(1, fandom={"F"}), _e(2, fandom={"F"}), _e(3, fandom={"F"})]
    offers = [_e(0, fandom={"F"}), _e(1, fandom={"G"}), _e(2, fandom={"G"}), _e(3, fandom={"G"})]
    scores = compatibility(4, requests, offers, rules)
    result = match_scores(scores)
    reasons = explain(4, requests, offers, rules, scores, result)
    no_giver = [x for x in reasons if x.reason == "no-giver"]
    assert [x.participant for x in no_giver] == [0] and "Rare" in no_giver[0].detail
    # 1, 2 and 3 all want F, which only 0 offers: two of them go without in every assignment.
    shortage = [x for x in reasons if x.reason == "shortage"]
    assert len(shortage) == 2 and all("2 people" in x.detail and "same 1 writer" in x.detail for x in shortage)
    # Nobody asks for G, so 1, 2 and 3 have nobody to write for; 0 (offering F) does.
    assert {x.participant for x in reasons if x.reason == "no-recipient"} == {1, 2, 3}
    assert result.matched == result.maximum == 1
