"""The corpus scorer (`quire bench understanding --corpus`): figures computed right, and the
repository's corpus well-formed. The analyzer is replaced by fixed answers here, so the
expected figures are worked out by hand and do not move when the analyzer improves."""
import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from quire.understanding import scoring
from quire.understanding.model import (
    AnalyzeError,
    Chapter,
    Metadata,
    Structure,
    Suggestion,
    Suggestions,
)

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "understanding"

CANON = """type,name,fandom,aliases
fandom,Harry Potter - J. K. Rowling,,Harry Potter
fandom,Sherlock (TV),,Sherlock
character,Harry Potter,Harry Potter - J. K. Rowling,Harry
character,Draco Malfoy,Harry Potter - J. K. Rowling,Draco
character,Ron Weasley,Harry Potter - J. K. Rowling,
relationship,Draco Malfoy/Harry Potter,Harry Potter - J. K. Rowling,
character,Sherlock Holmes,Sherlock (TV),Sherlock
character,John Watson,Sherlock (TV),John
relationship,John Watson/Sherlock Holmes,Sherlock (TV),
"""

TEXT_A = """A summary line here.

A/N: thanks beta.

Chapter 1

alpha beta gamma delta.

* * *

epsilon zeta.

Chapter 2

eta theta iota kappa.

A/N: bye now.
"""
GOLD_A = {
    "id": "A", "text": "a.txt", "style": "ffn", "summary": "A summary line here.",
    "notes_begin": "thanks beta.", "notes_end": "bye now.",
    "chapters": [{"title": "Chapter 1", "first": "alpha", "last": "zeta."},
                 {"title": "Chapter 2", "first": "eta theta", "last": "kappa."}],
    "fandoms": ["Harry Potter - J. K. Rowling"], "characters": ["Harry Potter", "Draco Malfoy"],
    "relationships": ["Draco Malfoy/Harry Potter"], "content_tags": ["Grief", "Blood"],
    "archive_warnings": [], "rating": "Teen And Up Audiences", "not_characters": ["Hogwarts", "the Ministry"],
}
TEXT_B = "Title: B\nFandom: Sherlock\n\nNotes: hello there friends\n\none two three four\n"
GOLD_B = {
    "id": "B", "text": "b.txt", "style": "header", "summary": None,
    "notes_begin": "hello there friends", "notes_end": None,
    "chapters": [{"title": None, "first": "one", "last": "four"}],
    "fandoms": ["Sherlock (TV)"], "characters": ["Sherlock Holmes", "John Watson"],
    "relationships": ["John Watson/Sherlock Holmes"], "content_tags": [],
    "archive_warnings": [], "rating": "Teen And Up Audiences",
}


class _Doc:
    def __init__(self, structure):
        self.structure = structure


def _s(*names):
    return [Suggestion(n) for n in names]


# What the fake analyzer answers for each work.
ANSWERS = {
    "a.txt": (
        Structure(summary="A summary line here", chapters=[
            Chapter("Chapter 1", "alpha beta gamma delta"), Chapter(None, "epsilon zeta"),
            Chapter("Chapter 2", "eta theta iota")]),
        Suggestions(fandoms=_s("Harry Potter"), characters=_s("Harry", "Ron Weasley", "The Ministry"),
                    relationships=_s("Harry/Draco"), additional_tags=_s("Grief", "Drug Use", "Fluff"),
                    rating=Suggestion("Mature"))),
    "b.txt": (
        Structure(summary="Oops", notes_begin="hello there", chapters=[Chapter(None, "one two three four")],
                  metadata=Metadata(fandoms=["Sherlock"], relationships=["Sherlock/John"], rating="T")),
        Suggestions(fandoms=_s("Harry Potter"), characters=_s(*[f"X{i}" for i in range(10)], "John Watson"),
                    archive_warnings=_s("Major Character Death"), rating=Suggestion("Explicit"))),
}


@pytest.fixture
def tiny(tmp_path, monkeypatch):
    for name, text, gold in (("a", TEXT_A, GOLD_A), ("b", TEXT_B, GOLD_B)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "canon.csv").write_text(CANON, encoding="utf-8")

    def fake_analyze(path, canon=None):
        assert canon is not None and canon.fandom("Sherlock") == "Sherlock (TV)"  # the folder's canon is loaded
        structure, suggestions = ANSWERS[Path(path).name]
        return _Doc(structure), suggestions

    monkeypatch.setattr(scoring, "analyze", fake_analyze)
    return tmp_path


def test_tiny_corpus_figures_are_the_hand_computed_ones(tiny):
    r = scoring.score_corpus(tiny)
    assert r["works"] == 2
    # A's summary matches word for word; B has none but got one invented.
    assert r["summary_f1"] == 1.0 and r["works_with_summary"] == 1 and r["summary_invented"] == 1
    # A's notes were not found (F1 0); B's "hello there" against "hello there friends": P 1, R 2/3, F1 0.8.
    assert r["notes_begin_found"] == 0.5 and r["notes_begin_f1"] == 0.4
    # A (multi-chapter) got 3 chapters for 2; B (one chapter) got 1.
    assert r["chapters_right_multi"] == 0.0 and r["chapters_right_single"] == 1.0
    # "Harry/Draco" and the stated "Sherlock/John" both map through the canon aliases.
    assert r["relationship_recall_at_5"] == 1.0 and r["relationships_gold"] == 2
    # A: Harry (alias) found, Draco not; B: John Watson is 11th, outside the top 10.
    assert r["character_recall_at_10"] == 0.25 and r["characters_gold"] == 4
    # One right among A's three and B's ten proposals; "The Ministry" is a place A's gold lists.
    assert r["character_precision_at_10"] == round(1 / 13, 3)
    assert r["not_characters_offered"] == 1 and r["works_offering_not_characters"] == 1.0
    # B's stated fandom "Sherlock" comes before the wrong suggestion.
    assert r["fandom_first"] == 1.0
    # A: Mature for Teen; B: the stated "T" wins over the suggested Explicit.
    assert r["rating_exact"] == 0.5
    # Grief right, Drug Use wrong, Blood missed; "Fluff" is outside the vocabulary.
    assert r["content_tags"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert r["archive_warnings"]["fp"] == 1 and r["archive_warnings"]["f1"] == 0.0
    # A: gold has 10 words (the * * * line left out), found 9 of them: F1 18/19; B: 1.0.
    assert r["story_text_f1"] == round((18 / 19 + 1.0) / 2, 3)
    assert set(r["by_style"]) == {"ffn", "header"} and r["by_style"]["ffn"]["works"] == 1
    assert r["by_fandom"]["Sherlock (TV)"]["rating_exact"] == 1.0
    text = scoring.format_score(r)
    assert "relationship recall at 5" in text and "header" in text and "Sherlock (TV)" in text


def test_a_gold_marker_missing_from_the_text_is_reported_with_the_file(tiny):
    gold = dict(GOLD_B, chapters=[{"title": None, "first": "one", "last": "five"}])
    (tiny / "b.json").write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(AnalyzeError, match=r"b\.json: chapter 1: last words 'five' not found"):
        scoring.score_corpus(tiny)


def test_webis_rows_count_one_decision_each(tmp_path, monkeypatch):
    rows = [("violence", [1, 1, 0], "p1"), ("death", [1, 1, 1], "p1"), ("war", [0, 0, 1], "p2"),
            ("racism", [0, 1, 1], "p3")]
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(json.dumps({"warning": w, "labels": lab, "text": t}) for w, lab, t in rows))
    found = {"p1": {"Graphic Depictions Of Violence"}, "p2": {"War"}, "p3": set()}
    monkeypatch.setattr(scoring, "passage_tags", lambda text: found[text])
    r = scoring.score_webis(path)
    # violence: tp; death: fn; war: fp (one annotator only); racism: fn.
    assert (r["tp"], r["fp"], r["fn"]) == (1, 1, 2)
    assert r["by_label"]["war"]["fp"] == 1 and r["by_label"]["violence"]["tp"] == 1
    assert r["f1"] == round(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3), 3)


def test_the_webis_mapping_answers_with_analyzer_tags():
    vocab = scoring.CONTENT_VOCABULARY | set(scoring.ARCHIVE_WARNINGS)
    assert set(scoring.WEBIS_LABELS) == {"violence", "war", "death", "abduction", "misogyny",
                                         "homophobia", "racism", "ableism"}
    for label, tags in scoring.WEBIS_LABELS.items():
        assert tags and tags <= vocab, label


# ------------------------------------------------------------ the repository's corpus

def _corpus():
    golds = scoring.load_gold(CORPUS)
    with open(CORPUS / "canon.csv", newline="", encoding="utf-8") as fh:
        canon = list(csv.DictReader(fh))
    return golds, canon


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no corpus folder")
def test_every_gold_file_is_well_formed():
    golds, canon = _corpus()
    names = {t: {r["name"] for r in canon if r["type"] == t} for t in ("fandom", "character", "relationship")}
    vocab = scoring.CONTENT_VOCABULARY
    ids = Counter(g["id"] for _p, g in golds)
    assert not [i for i, n in ids.items() if n > 1], "duplicate ids"
    for path, gold in golds:
        source = (path.parent / gold["text"]).read_text(encoding="utf-8")
        bodies = scoring.gold_chapter_texts(source, gold["chapters"])  # raises on a missing marker
        assert all(b.strip() for b in bodies), path
        for key in ("summary", "notes_begin", "notes_end"):
            if gold.get(key):  # gold text is taken from the source (labels aside)
                assert scoring.tokens(gold[key]) <= scoring.tokens(source), (path, key)
        assert gold["style"] in {"ffn", "ao3", "header", "plain"}, path
        assert set(gold["fandoms"]) <= names["fandom"], path
        assert set(gold["characters"]) <= names["character"], (path, set(gold["characters"]) - names["character"])
        assert set(gold["relationships"]) <= names["relationship"], (path, gold["relationships"])
        assert set(gold["content_tags"]) <= vocab, (path, set(gold["content_tags"]) - vocab)
        assert set(gold["archive_warnings"]) <= set(scoring.ARCHIVE_WARNINGS), path
        assert gold["rating"] in scoring.RATINGS, path
        assert all(n in source for n in gold.get("not_characters", [])), path
@pytest.mark.skipif(not CORPUS.is_dir(), reason="no corpus folder")
def test_the_canon_without_aliases_is_the_canon_without_its_people_aliases():
    _golds, canon = _corpus()
    with open(CORPUS / "canon-without-aliases.csv", newline="", encoding="utf-8") as fh:
        bare = list(csv.DictReader(fh))
    expected = [dict(r, aliases=r["aliases"] if r["type"] == "fandom" else "") for r in canon]
    assert bare == expected


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no corpus folder")
def test_the_corpus_is_as_broad_as_issue_13_asks():
    golds, _canon = _corpus()
    assert len(golds) >= 60
    assert len({f for _p, g in golds for f in g["fandoms"]}) >= 30
    assert {g["style"] for _p, g in golds} == {"ffn", "ao3", "header", "plain"}
    assert sum(len(g["chapters"]) > 1 for _p, g in golds) >= 20
    assert sum(bool(g["content_tags"]) for _p, g in golds) >= 15
    assert sum(not g["content_tags"] for _p, g in golds) >= 15


# ------------------------------------------------------------ the command

def _bench(*args, **options):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("bench", "understanding", *args, stdout=out, stderr=StringIO(), **options)
    return out.getvalue().strip().splitlines()


def test_bench_understanding_prints_the_corpus_and_webis_figures(tiny, tmp_path, monkeypatch):
    from quire.understanding import bench

    monkeypatch.setattr(bench, "run_bench", lambda: {"bytes": 1})  # the 1 MB timing is tested elsewhere
    monkeypatch.setattr(scoring, "passage_tags", lambda text: {"War"})
    webis = tmp_path / "webis.jsonl"
    webis.write_text(json.dumps({"warning": "war", "labels": [1, 1, 0], "text": "x"}))
    lines = _bench(corpus=str(tiny), webis=str(webis))
    text = "\n".join(lines)
    assert "Story understanding on 2 works" in text and "by style" in text and "by fandom" in text
    assert "Webis passages (1): micro-F1 1.0" in text
    result = json.loads(lines[-1])["understanding"]
    assert result["bytes"] == 1 and result["corpus"]["works"] == 2 and result["webis"]["tp"] == 1
    assert len(result["corpus"]["per_work"]) == 2

    only_json = _bench(corpus=str(tiny), webis=str(webis), json=True)
    assert len(only_json) == 1 and json.loads(only_json[0])["understanding"]["corpus"]["fandom_first"] == 1.0


def test_bench_understanding_refuses_a_missing_corpus_folder(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no such folder"):
        _bench(corpus=str(tmp_path / "nowhere"))


def test_an_analyzer_crash_on_one_work_scores_it_zero_and_names_it(tiny, monkeypatch):
    good = scoring.analyze

    def crash_on_b(path, canon=None):
        if Path(path).name == "b.txt":
            raise RuntimeError("boom")
        return good(path, canon)

    monkeypatch.setattr(scoring, "analyze", crash_on_b)
    r = scoring.score_corpus(tiny)
    assert r["analyzer_errors"] == 1 and r["works"] == 2
    assert r["rating_exact"] == 0.0 and r["fandom_first"] == 0.5  # B lost its right rating and fandom
    assert "the analyzer failed on 1: B (RuntimeError: boom)" in scoring.format_score(r)


def test_the_default_bench_run_scores_the_corpus_folder_when_it_exists(tiny, tmp_path, monkeypatch):
    from quire.core.management.commands import bench as command
    from quire.understanding import bench

    monkeypatch.setattr(bench, "run_bench", lambda: {"bytes": 1})
    monkeypatch.setattr(command, "DEFAULT_WEBIS", tmp_path / "absent.jsonl")
    monkeypatch.setattr(command, "DEFAULT_UNDERSTANDING_CORPUS", tiny)
    assert command._understanding(False, None, None)["corpus"]["works"] == 2
    monkeypatch.setattr(command, "DEFAULT_UNDERSTANDING_CORPUS", tmp_path / "absent")
    assert "corpus" not in command._understanding(False, None, None)  # no folder: the speed bench alone
