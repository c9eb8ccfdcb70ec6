"""`score_corpus(folder)`: how well the analyzer reads stories whose right answers we know.

A corpus folder holds one gold JSON per work beside the work's text (the format is
documented in corpus/understanding/README.md). Each work is analysed the way Post from text
does it (`analyze` = `load` + `suggest`, with the corpus canon loaded) and compared with
its gold annotations. The figures are those of issue 13's table:

- summary_f1: mean token F1 of the found summary, over works that have one.
- notes_begin_found: share of works with beginning notes whose found beginning notes have
  token F1 >= NOTES_FOUND_F1 (0.5). "Found beginning notes" are the work's notes, the
  disclaimer and the first chapter's opening notes, joined: where the analyzer files an
  author's opening words among those three does not matter, that they are not lost in
  the summary or the story does.
- chapters_right_multi: share of multi-chapter works split into the gold number of chapters.
- relationship_recall_at_5, character_recall_at_10: gold tags among the first 5 / 10
  proposed (micro: over all gold tags of all works); character_precision_at_10: the share of
  the (up to) ten proposed characters that are gold; not_characters_offered: names the gold
  lists under "not_characters" (places, organisations, songs, catch-phrases) proposed as
  characters.
- fandom_first: share of works whose first proposed fandom is one of the gold fandoms.
- rating_exact: share of works whose rating is the gold one.
- content tags: micro precision/recall/F1 of the proposed content tags against the gold
  ones, counting only tags of the analyzer's vocabulary (CONTENT_VOCABULARY).
- story_text_f1: mean token F1 of all chapter bodies against the gold bodies (each gold
  chapter runs from its `first` words to its `last` words in the source, scene-break lines
  left out).

"Proposed" means what the work form would end up with: what the source states about a
tag type (a `Pairing:` header, an AO3 tag block) first, then the analyzer's suggestions.
Names are compared through the canon, so a stated "Stiles/Derek" matches the gold
"Derek Hale/Stiles Stilinski" when the canon lists those aliases.

`score_webis(path)` runs the content scan on each passage of the Webis trigger-warning
set and reports passage-level micro P/R/F1 for its eight labels (WEBIS_LABELS says which
analyzer tags stand for which label).

Pure Python, like the rest of this package.
"""
from __future__ import annotations

import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import analyze
from .canon import Canon
from .content import VOCABULARY
from .model import AnalyzeError, Chapter, Structure, Suggestions
from .suggest import suggest

NOTES_FOUND_F1 = 0.5
RATINGS = ("General Audiences", "Teen And Up Audiences", "Mature", "Explicit", "Not Rated")
ARCHIVE_WARNINGS = ("Graphic Depictions Of Violence", "Major Character Death", "Rape/Non-Con",
                    "Underage Sex")
# The vocabulary the gold uses: the analyzer's, plus the tags issue 13 adds to it.
CONTENT_VOCABULARY = frozenset(VOCABULARY) | {"War", "Misogyny", "Ableism"}

# Which analyzer tags (content tags or archive warnings) stand for each Webis label.
WEBIS_LABELS: dict[str, frozenset[str]] = {
    "violence": frozenset({"Graphic Violence", "Gun Violence", "Torture",
                           "Graphic Depictions Of Violence"}),
    "war": frozenset({"War"}),
    "death": frozenset({"Character Death", "Major Character Death"}),
    "abduction": frozenset({"Kidnapping"}),
    "misogyny": frozenset({"Misogyny"}),
    "homophobia": frozenset({"Homophobia"}),
    "racism": frozenset({"Racism"}),
    "ableism": frozenset({"Ableism"}),
}

_WORD = re.compile(r"\w+")
# A line that only marks a scene break: symbols, or oOo / xXx style markers.
_BREAK_LINE = re.compile(r"^\s*(?=\S{3}|[^\w\s])(?:[^\w\s]|[oOxX0_])+(?:\s+(?:[^\w\s]|[oOxX0_])+)*\s*$")
_RATING_WORDS = {
    "k": "General Audiences", "g": "General Audiences", "general": "General Audiences",
    "general audiences": "General Audiences", "k+": "Teen And Up Audiences",
    "t": "Teen And Up Audiences", "pg": "Teen And Up Audiences", "pg-13": "Teen And Up Audiences",
    "teen": "Teen And Up Audiences", "teen and up": "Teen And Up Audiences",
    "teen and up audiences": "Teen And Up Audiences", "m": "Mature", "ma": "Mature",
    "r": "Mature", "mature": "Mature", "e": "Explicit", "nc-17": "Explicit",
    "explicit": "Explicit", "not rated": "Not Rated", "unrated": "Not Rated",
}


# ---------------------------------------------------------------- small measures

def tokens(text: str | None) -> Counter[str]:
    return Counter(_WORD.findall((text or "").lower()))


def token_f1(found: str | None, gold: str | None) -> float:
    """Bag-of-words F1 (lower-cased \\w+ tokens). Both empty counts as 1.0."""
    f, g = tokens(found), tokens(gold)
    if not f and not g:
        return 1.0
    common = sum((f & g).values())
    if not common:
        return 0.0
    p, r = common / sum(f.values()), common / sum(g.values())
    return 2 * p * r / (p + r)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "tp": tp, "fp": fp, "fn": fn}


def _join(chunks: Iterable[str | None]) -> str | None:
    kept = [c for c in chunks if c and c.strip()]
    return "\n\n".join(kept) if kept else None


_CHAPTER_PREFIX = re.compile(r"^\s*(?:chapter|part)\s+[\w-]+\s*(?:[:.\-–—]\s*|$)", re.IGNORECASE)


def _title(title: str | None) -> str:
    """A chapter title without its "Chapter 3:" / "Chapter Three -" prefix, lower-cased:
    AO3 shows "Chapter 3: Title", the author may have typed either."""
    return " ".join(_WORD.findall(_CHAPTER_PREFIX.sub("", title or "").lower()))


def gold_chapter_texts(source: str, chapters: list[dict[str, Any]]) -> list[str]:
    """Each gold chapter's body: from its `first` words to its `last` words, searched in
    order through the source, without scene-break lines. A missing marker is a gold error."""
    out, pos = [], 0
    for i, ch in enumerate(chapters, 1):
        start = source.find(ch["first"], pos)
        if start < 0:
            raise ValueError(f"chapter {i}: first words {ch['first']!r} not found")
        end = source.find(ch["last"], start)
        if end < 0:
            raise ValueError(f"chapter {i}: last words {ch['last']!r} not found after its first words")
        end += len(ch["last"])
        span = source[start:end]
        out.append("\n".join(line for line in span.splitlines() if not _BREAK_LINE.match(line)))
        pos = end
    return out


# ---------------------------------------------------------------- names through the canon

class _Names:
    """Canonical forms of fandom, character, relationship and rating names."""

    def __init__(self, canon: Canon | None) -> None:
        self.canon = canon

    def fandom(self, name: str) -> str:
        return (self.canon.fandom(name) if self.canon else None) or name.strip()

    def character(self, name: str) -> str:
        name = name.strip()
        if self.canon is None or name in self.canon.character_by_name:
            return name
        cands, full = self.canon.lookup(name)
        return cands[0].name if full and len({c.name for c in cands}) == 1 else name

    def relationship(self, name: str) -> tuple[str, frozenset[str]]:
        kind = "&" if "&" in name and "/" not in name else "/"
        parts = re.split(r"\s*/\s*|\s+&\s+|\s+x\s+|(?<=[a-z])x(?=[A-Z])", name.strip())
        return kind, frozenset(self.character(p) for p in parts if p.strip())

    def rating(self, name: str | None) -> str | None:
        if not name:
            return None
        return _RATING_WORDS.get(name.strip().lower(), name.strip())


def _plain(name: str) -> str:
    """A name compared loosely: lower-cased words, without a leading "the"."""
    words = _WORD.findall(name.lower())
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _proposed(stated: list[str], suggested: list[str], norm) -> list:
    out: list = []
    for n in [*stated, *suggested]:
        k = norm(n)
        if k not in out:
            out.append(k)
    return out


# ---------------------------------------------------------------- one work

def load_gold(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    works = []
    for path in sorted(folder.rglob("*.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise AnalyzeError(f"{path}: not a readable gold JSON file ({exc}).") from None
        if isinstance(gold, dict) and "text" in gold and "chapters" in gold:
            works.append((path, gold))
    return works


def score_work(source_path: Path, gold: dict[str, Any], canon: Canon | None) -> dict[str, Any]:
    """The comparison of one work: every raw count the corpus figures are made from."""
    source = source_path.read_text(encoding="utf-8")
    error = None
    try:
        doc, sugg = analyze(source_path, canon=canon)
        st: Structure = doc.structure
    except Exception as exc:  # noqa: BLE001 - an analyzer bug on one work is a score of zero, not a stopped bench
        error = f"{type(exc).__name__}: {exc}"
        st, sugg = Structure(), Suggestions()
    meta = st.metadata
    names = _Names(canon)
    chapters = st.chapters
    w: dict[str, Any] = {"id": gold.get("id", source_path.stem), "style": gold.get("style", "?"),
                         "fandoms": gold.get("fandoms", [])}
    if error:
        w["error"] = error

    if gold.get("summary"):
        w["summary_f1"] = token_f1(st.summary, gold["summary"])
    else:
        w["summary_invented"] = bool(st.summary)
    found_notes = _join([st.notes_begin, st.disclaimer, chapters[0].notes_begin if chapters else None])
    if gold.get("notes_begin"):
        w["notes_begin_f1"] = token_f1(found_notes, gold["notes_begin"])
    found_end = _join([chapters[-1].notes_end if chapters else None, st.notes_end])
    if gold.get("notes_end"):
        w["notes_end_f1"] = token_f1(found_end, gold["notes_end"])

    gold_chapters = gold["chapters"]
    w["chapters_gold"], w["chapters_found"] = len(gold_chapters), len(chapters)
    if len(chapters) == len(gold_chapters) and any(c.get("title") for c in gold_chapters):
        w["titles_gold"] = len(gold_chapters)
        w["titles_right"] = sum(_title(c.title) == _title(g.get("title"))
                                for c, g in zip(chapters, gold_chapters, strict=True))
    bodies = gold_chapter_texts(source, gold_chapters)
    w["story_f1"] = token_f1(_join(c.text for c in chapters), "\n\n".join(bodies))

    def stated(kind: str) -> list[str]:
        return list(getattr(meta, kind)) if meta is not None else []

    fandoms = _proposed(stated("fandoms"), [s.name for s in sugg.fandoms], names.fandom)
    w["fandom_first"] = bool(fandoms) and fandoms[0] in {names.fandom(f) for f in gold["fandoms"]}
    w["fandom_found"] = fandoms[0] if fandoms else None

    characters = _proposed(stated("characters"), [s.name for s in sugg.characters], names.character)[:10]
    gold_chars = [names.character(c) for c in gold.get("characters", [])]
    w["characters_hit"] = [c for c in gold_chars if c in characters]
    w["characters_missed"] = [c for c in gold_chars if c not in characters]
    w["characters_top10"] = characters
    if "not_characters" in gold:  # places, organisations, songs, catch-phrases named in the text
        offered = {_plain(c) for c in characters}
        w["not_characters_offered"] = [n for n in gold["not_characters"] if _plain(n) in offered]

    rels = _proposed(stated("relationships"), [s.name for s in sugg.relationships], names.relationship)[:5]
    gold_rels = gold.get("relationships", [])
    w["relationships_hit"] = [r for r in gold_rels if names.relationship(r) in rels]
    w["relationships_missed"] = [r for r in gold_rels if names.relationship(r) not in rels]

    rating = names.rating(meta.rating if meta is not None and meta.rating else
                          (sugg.rating.name if sugg.rating else None))
    w["rating_found"], w["rating_right"] = rating, rating == gold.get("rating")

    found_tags = {n for n in [*stated("additional_tags"), *(s.name for s in sugg.additional_tags)]
                  if n in CONTENT_VOCABULARY}
    gold_tags = set(gold.get("content_tags", []))
    w["tags_tp"], w["tags_fp"] = sorted(found_tags & gold_tags), sorted(found_tags - gold_tags)
    w["tags_fn"] = sorted(gold_tags - found_tags)
    found_warn = {n for n in [*stated("warnings"), *(s.name for s in sugg.archive_warnings)]
                  if n in ARCHIVE_WARNINGS}
    gold_warn = set(gold.get("archive_warnings", [])) & set(ARCHIVE_WARNINGS)
    w["warnings_tp"], w["warnings_fp"] = sorted(found_warn & gold_warn), sorted(found_warn - gold_warn)
    w["warnings_fn"] = sorted(gold_warn - found_warn)
    return w


# ---------------------------------------------------------------- the corpus

def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


def summarize(works: list[dict[str, Any]]) -> dict[str, Any]:
    """The issue's figures over a list of per-work results."""
    with_summary = [w["summary_f1"] for w in works if "summary_f1" in w]
    with_notes = [w["notes_begin_f1"] for w in works if "notes_begin_f1" in w]
    with_end = [w["notes_end_f1"] for w in works if "notes_end_f1" in w]
    multi = [w for w in works if w["chapters_gold"] > 1]
    chars_hit = sum(len(w["characters_hit"]) for w in works)
    chars_all = chars_hit + sum(len(w["characters_missed"]) for w in works)
    chars_offered = sum(len(w["characters_top10"]) for w in works)
    rels_hit = sum(len(w["relationships_hit"]) for w in works)
    rels_all = rels_hit + sum(len(w["relationships_missed"]) for w in works)
    out: dict[str, Any] = {
        "works": len(works),
        "analyzer_errors": sum("error" in w for w in works),
        "summary_f1": _mean(with_summary), "works_with_summary": len(with_summary),
        "summary_invented": sum(w.get("summary_invented", False) for w in works),
        "notes_begin_found": _mean([float(f >= NOTES_FOUND_F1) for f in with_notes]),
        "notes_begin_f1": _mean(with_notes), "works_with_notes_begin": len(with_notes),
        "notes_end_found": _mean([float(f >= NOTES_FOUND_F1) for f in with_end]),
        "works_with_notes_end": len(with_end),
        "chapters_right_multi": _mean([float(w["chapters_found"] == w["chapters_gold"]) for w in multi]),
        "multi_chapter_works": len(multi),
        "chapters_right_single": _mean([float(w["chapters_found"] == 1) for w in works
                                        if w["chapters_gold"] == 1]),
        "chapter_titles_right": (round(sum(w["titles_right"] for w in works if "titles_gold" in w)
                                       / sum(w["titles_gold"] for w in works if "titles_gold" in w), 3)
                                 if any("titles_gold" in w for w in works) else None),
        "relationship_recall_at_5": round(rels_hit / rels_all, 3) if rels_all else None,
        "relationships_gold": rels_all,
        "character_recall_at_10": round(chars_hit / chars_all, 3) if chars_all else None,
        "characters_gold": chars_all,
        "character_precision_at_10": (round(chars_hit / chars_offered, 3) if chars_offered else None),
        "not_characters_offered": sum(len(w.get("not_characters_offered", [])) for w in works),
        "works_offering_not_characters": _mean([float(bool(w["not_characters_offered"])) for w in works
                                                if "not_characters_offered" in w]),
        "fandom_first": _mean([float(w["fandom_first"]) for w in works]),
        "rating_exact": _mean([float(w["rating_right"]) for w in works]),
        "story_text_f1": _mean([w["story_f1"] for w in works]),
    }
    tags = prf(*(sum(len(w[k]) for w in works) for k in ("tags_tp", "tags_fp", "tags_fn")))
    out["content_tags"] = tags
    out["content_tags_f1"] = tags["f1"]
    out["archive_warnings"] = prf(*(sum(len(w[k]) for w in works)
                                    for k in ("warnings_tp", "warnings_fp", "warnings_fn")))
    return out


def score_corpus(folder: str | Path, canon_path: str | Path | None = None) -> dict[str, Any]:
    """Score every work in `folder`; the canon is `canon_path`, else `folder/canon.csv` if any."""
    folder = Path(folder)
    if not folder.is_dir():
        raise AnalyzeError(f"{folder}: not a folder. Give the corpus folder (it holds one JSON per work).")
    if canon_path is None and (folder / "canon.csv").is_file():
        canon_path = folder / "canon.csv"
    canon = Canon.from_csv(canon_path) if canon_path else None
    t0 = time.process_time()
    works = []
    for gold_path, gold in load_gold(folder):
        try:
            works.append(score_work(gold_path.parent / gold["text"], gold, canon))
        except (AnalyzeError, ValueError, KeyError) as exc:
            raise AnalyzeError(f"{gold_path}: {exc}") from None
    if not works:
        raise AnalyzeError(f"{folder}: no gold JSON files with \"text\" and \"chapters\" found.")
    result = summarize(works)
    result["canon"] = str(canon_path) if canon_path else None
    result["by_style"] = {s: summarize([w for w in works if w["style"] == s])
                          for s in sorted({w["style"] for w in works})}
    by_fandom: dict[str, list] = defaultdict(list)
    for w in works:
        for f in w["fandoms"]:
            by_fandom[f].append(w)
    result["by_fandom"] = {f: summarize(ws) for f, ws in sorted(by_fandom.items())}
    result["per_work"] = works
    result["cpu_s"] = round(time.process_time() - t0, 2)
    return result


# ---------------------------------------------------------------- Webis passages

def passage_tags(text: str) -> set[str]:
    """Every content tag and archive warning the analyzer finds in one passage of story text."""
    words = len(text.split())
    structure = Structure(chapters=[Chapter(title=None, text=text, words=words)])
    s: Suggestions = suggest(structure, None)
    return {x.name for x in (*s.additional_tags, *s.archive_warnings)}


def score_webis(path: str | Path) -> dict[str, Any]:
    """Passage-level micro P/R/F1 over the Webis rows (one row = one passage asked about one
    label; positive when at least two of three annotators said so)."""
    path = Path(path)
    try:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise AnalyzeError(f"{path}: cannot read the Webis passages ({exc}).") from None
    t0 = time.process_time()
    cache: dict[str, set[str]] = {}
    counts = {label: [0, 0, 0] for label in WEBIS_LABELS}  # tp, fp, fn
    for row in rows:
        label = row["warning"]
        if label not in WEBIS_LABELS:
            continue
        if row["text"] not in cache:
            cache[row["text"]] = passage_tags(row["text"])
        predicted = bool(cache[row["text"]] & WEBIS_LABELS[label])
        positive = sum(row["labels"]) >= 2
        if predicted and positive:
            counts[label][0] += 1
        elif predicted:
            counts[label][1] += 1
        elif positive:
            counts[label][2] += 1
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    out: dict[str, object] = dict(prf(*total))
    out["passages"] = len(rows)
    out["by_label"] = {label: prf(*c) for label, c in counts.items()}
    out["cpu_s"] = round(time.process_time() - t0, 2)
    return out


# ---------------------------------------------------------------- readable output

_COLUMNS = [("works", "works", "{}"), ("summary_f1", "sumF1", "{:.2f}"),
            ("notes_begin_found", "notes", "{:.2f}"), ("chapters_right_multi", "chap", "{:.2f}"),
            ("relationship_recall_at_5", "rel@5", "{:.2f}"),
            ("character_recall_at_10", "chr@10", "{:.2f}"), ("fandom_first", "fandom", "{:.2f}"),
            ("rating_exact", "rating", "{:.2f}"), ("content_tags_f1", "tagsF1", "{:.2f}"),
            ("story_text_f1", "textF1", "{:.3f}")]


def _row(label: str, fig: dict[str, Any]) -> str:
    cells = [("-" if fig.get(k) is None else fmt.format(fig[k])).rjust(max(6, len(h)))
             for k, h, fmt in _COLUMNS]
    return f"{label[:34]:<34} " + " ".join(cells)


def _header(label: str) -> str:
    return f"{label:<34} " + " ".join(h.rjust(max(6, len(h))) for _k, h, _f in _COLUMNS)


def format_score(corpus: dict[str, Any] | None, webis: dict[str, Any] | None = None) -> str:
    lines: list[str] = []
    if corpus is not None:
        c = corpus
        t = c["content_tags"]
        lines += [
            f"Story understanding on {c['works']} works (canon: {c['canon'] or 'none'})"
            + (f"; the analyzer failed on {c['analyzer_errors']}: "
               + ", ".join(f"{w['id']} ({w['error']})" for w in c["per_work"] if "error" in w)
               if c["analyzer_errors"] else ""),
            f"  summary found (token F1, {c['works_with_summary']} works)   {c['summary_f1']}",
            f"  beginning notes found (F1 >= {NOTES_FOUND_F1}, {c['works_with_notes_begin']} works)"
            f"  {c['notes_begin_found']}  (mean F1 {c['notes_begin_f1']})",
            f"  multi-chapter works split right ({c['multi_chapter_works']})    {c['chapters_right_multi']}",
            f"  chapter titles right (where split right) {c['chapter_titles_right']}",
            f"  relationship recall at 5 ({c['relationships_gold']})         {c['relationship_recall_at_5']}",
            f"  character recall at 10 ({c['characters_gold']})          {c['character_recall_at_10']}"
            f"  (precision {c['character_precision_at_10']}; places, groups, songs, catch-phrases offered as"
            f" characters: {c['not_characters_offered']}, in {c['works_offering_not_characters']} of the works)",
            f"  fandom first                          {c['fandom_first']}",
            f"  rating exactly right                  {c['rating_exact']}",
            f"  content tags micro-F1                 {t['f1']} (P {t['precision']}, R {t['recall']})",
            f"  archive warnings micro-F1             {c['archive_warnings']['f1']}",
            f"  story text token F1                   {c['story_text_f1']}",
            "", _header("by style"),
        ]
        lines += [_row(s, fig) for s, fig in c["by_style"].items()]
        lines += ["", _header("by fandom")]
        lines += [_row(f, fig) for f, fig in c["by_fandom"].items()]
    if webis is not None:
        lines += ["", f"Webis passages ({webis['passages']}): micro-F1 {webis['f1']} "
                      f"(P {webis['precision']}, R {webis['recall']})"]
        lines += [f"  {label:<11} F1 {v['f1']:.2f}  P {v['precision']:.2f}  R {v['recall']:.2f}  "
                  f"(tp {v['tp']}, fp {v['fp']}, fn {v['fn']})" for label, v in webis["by_label"].items()]
    return "\n".join(lines)
