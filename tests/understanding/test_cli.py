"""The `analyze` command, the seed stories, purity (no Django) and speed."""
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from quire.understanding import Canon, load, suggest, to_json_dict
from quire.understanding.bench import run_bench
from quire.understanding.cli import main

from .helpers import lost_words, unquoted_evidence

SHARED = Path(__file__).parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
ROOT = Path(__file__).parents[2]


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_json_output_follows_the_contract(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Disclaimer: I don't own Driftwood.\n\nChapter 1\n\nThe tide was early.\n\n"
                     "***\n\nThe boats were late.", encoding="utf-8")
    code, out, err = run("analyze", str(story), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"summary", "notes_begin", "notes_end", "disclaimer", "chapters", "suggestions"}
    assert data["chapters"] == [{"title": "Chapter 1", "text": "The tide was early.\n\nThe boats were late.",
                                 "scene_breaks": 1, "words": 8}]
    assert set(data["suggestions"]) == {"fandoms", "characters", "relationships", "archive_warnings",
                                        "additional_tags", "rating"}
    assert data["suggestions"]["fandoms"][0]["name"] == "Driftwood"


def test_human_report(tmp_path):
    story = tmp_path / "story.md"
    story.write_text("Hope you enjoy this little fic!\n\nMarek fed the geese. Marek laughed.", "utf-8")
    code, out, _ = run("analyze", str(story))
    assert code == 0
    assert "Notes:       Hope you enjoy this little fic!" in out
    assert "Rating:" in out


@pytest.mark.parametrize("setup,expected", [
    (lambda p: None, "no such file"),
    (lambda p: p.write_bytes(b""), "is empty"),
    (lambda p: p.write_bytes(b"\x00\x01\x02\x03" * 300), "binary"),
])
def test_errors_name_the_file_exit_2_and_print_no_traceback(tmp_path, setup, expected):
    path = tmp_path / "bad.txt"
    setup(path)
    code, out, err = run("analyze", str(path), "--json")
    assert code == 2 and out == ""
    assert str(path) in err and expected in err
    assert "Traceback" not in err


def test_bad_canon_file_is_an_error_not_a_crash(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("The end.", "utf-8")
    code, _, err = run("analyze", str(story), "--canon", str(tmp_path / "missing.csv"))
    assert code == 2 and "missing.csv" in err


def test_command_line_module_runs(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("Ada opened the window.", "utf-8")
    proc = subprocess.run([sys.executable, "-m", "quire.understanding.cli", "analyze", "--json", str(story)],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["chapters"][0]["text"] == "Ada opened the window."


def test_package_imports_nothing_from_django():
    code = ("import quire.understanding, quire.understanding.cli, sys; "
            "bad = [m for m in sys.modules if m.startswith('django')]; assert not bad, bad")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed stories not present beside the project")
@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
def test_seed_stories_lose_nothing_and_quote_their_evidence(seed):
    text = seed.read_text(encoding="utf-8")
    canon_path = SHARED / "acceptance" / "canon.csv"
    canon = Canon.from_csv(canon_path) if canon_path.exists() else None
    doc = load(seed)
    sug = suggest(doc.structure, canon)
    assert lost_words(text, doc.structure, markers={"..."}) == {}
    assert unquoted_evidence(text, sug) == []
    assert len(doc.structure.chapters) == 1
    assert sug.rating.name not in ("General Audiences", "Not Rated")
    assert sug.fandoms[0].name.startswith("Smash")
    data = to_json_dict(doc.structure, sug)
    assert data["chapters"][0]["text"] == doc.structure.chapters[0].text


def test_bench_is_fast_enough_on_a_smaller_text():
    result = run_bench(target_bytes=200_000, repeat=1)
    # A fifth of the 1 MB budget of one second, with room for a loaded test machine.
    assert result["with_canon"]["total_s"] < 0.6
    assert result["with_canon"]["peak_mb"] < 300
