"""`quire bench exchange`: the figures it reports and its last line."""

import json

import pytest
from django.core.management import call_command

from quire.bench.exchange import run_one


def test_generated_exchange_is_matched_to_the_proven_maximum():
    row = run_one(200)
    assert row["participants"] == 200
    assert 0 < row["matched"] == row["maximum"] <= 200
    assert 0 < row["coverage"] <= 1 and row["peak_mb"] > 0


@pytest.mark.slow
def test_bench_command_ends_with_the_json_line(capsys):
    call_command("bench", "exchange", "--small")
    last = capsys.readouterr().out.strip().splitlines()[-1]
    rows = json.loads(last)["exchange"]
    assert [r["participants"] for r in rows] == [100, 500]
    assert set(rows[0]) == {"participants", "matched", "maximum", "coverage", "seconds", "peak_mb"}
    assert all(r["matched"] == r["maximum"] for r in rows)
