"""Table-driven checks on a corpus of hand-written fics in many fandoms and posting styles.

Each fic (corpus_a.py, corpus_b.py) states what a careful human tagger would expect,
without a canon (names as written, fandom as the author names it):

- structure: `title`, `chapters` (titles, None for untitled), `breaks` (scene breaks per
  chapter), `story_starts` / `story_ends`, and substrings of `summary`, `notes_begin`,
  `notes_end`, `disclaimer` (None: the part must be empty);
- `fandoms`: every one suggested with confidence >= 0.5, the first one on top; [] means
  nothing may be suggested with confidence >= 0.5;
- `characters`: the characters on the page (not those only talked about), suggested with
  confidence >= 0.5 (a suggestion matches when it holds all
  the expected words, so "Darcy" matches "Mr. Darcy"); `characters_strong`: those of them
  that must reach 0.8 (the leads); `not_characters`: never above 0.3 (or `noise_max`);
- `characters_hard`: the same, for names the analyzer still misses (expected failures:
  "All Might" at a sentence start, an all-caps AI name, a name only in an appositive);
- `relationships` / `not_relationships`: (A, "/" or "&", B), A and B matched like characters;
- `tags`: additional tags or archive warnings that must be suggested;
- `rating` (and `rating_evidence`, a substring of one quote).

Expectations the analyzer cannot reach yet are listed in XFAIL, never weakened.
"""
import re

import pytest

from quire.understanding import parse, suggest

from .corpus_a import FICS as FICS_A
from .corpus_b import FICS as FICS_B
from .helpers import lost_words, unquoted_evidence

FICS = FICS_A + FICS_B

# (fic id, aspect) -> why it still fails.
XFAIL: dict[tuple[str, str], str] = {
}

ASPECTS = ("structure", "fandoms", "characters", "characters_hard", "relationships", "tags",
           "rating", "evidence")
_CACHE: dict[str, tuple] = {}


def analysed(fic):
    if fic["id"] not in _CACHE:
        s = parse(fic["text"])
        _CACHE[fic["id"]] = (s, suggest(s))
    return _CACHE[fic["id"]]


def _words(name):
    return {w.lower() for w in re.findall(r"[^\W_]+", name)} - {"mr", "mrs", "miss", "ms"}


def _matches(expected, got):
    return _words(expected) <= _words(got) if _words(expected) else False


def _flat(text):
    return re.sub(r"\s+", " ", text or "").strip()


def _has(part, needles, what):
    if needles is None:
        assert not part, f"{what} should be empty, got {part!r}"
        return
    for n in needles:
        assert n in _flat(part), f"{what}: {n!r} not in {part!r}"


def check_structure(fic, s, _sg):
    assert s.title == fic.get("title"), s.title
    assert [c.title for c in s.chapters] == fic["chapters"]
    if "breaks" in fic:
        assert [c.scene_breaks for c in s.chapters] == fic["breaks"]
    first, last = _flat(s.chapters[0].text), _flat(s.chapters[-1].text)
    assert first.startswith(fic["story_starts"]), first[:120]
    assert last.endswith(fic["story_ends"]), last[-120:]
    for key in ("summary", "notes_begin", "notes_end", "disclaimer"):
        if key in fic:
            _has(getattr(s, key), fic[key], key)
    assert not lost_words(fic["text"], s)


def check_fandoms(fic, _s, sg):
    got = [f.name for f in sg.fandoms if f.confidence >= 0.5]
    if not fic["fandoms"]:
        assert not got, got
        return
    norm = [re.sub(r"^the ", "", g.lower()) for g in got]
    for f in fic["fandoms"]:
        assert re.sub(r"^the ", "", f.lower()) in norm, (f, got)
    assert norm[0] == re.sub(r"^the ", "", fic["fandoms"][0].lower()), got


def check_characters(fic, _s, sg):
    confident = [c.name for c in sg.characters if c.confidence >= 0.5]
    missing = [e for e in fic["characters"] if not any(_matches(e, g) for g in confident)]
    assert not missing, (missing, [(c.name, c.confidence) for c in sg.characters])
    strong = [c.name for c in sg.characters if c.confidence >= 0.8]
    weak = [e for e in fic.get("characters_strong", ()) if not any(_matches(e, g) for g in strong)]
    assert not weak, (weak, [(c.name, c.confidence) for c in sg.characters])
    noise = [c.name for c in sg.characters if c.confidence > fic.get("noise_max", 0.3)
             and any(c.name == n for n in fic.get("not_characters", ()))]
    assert not noise, noise


def check_characters_hard(fic, _s, sg):
    check_characters({"characters": fic["characters_hard"]}, _s, sg)


def _rel_match(spec, got, exact=True):
    a, sym, b = spec
    sep = "/" if sym == "/" else "&"
    if sep not in got:
        return False
    members = [m.strip() for m in got.split(sep)]
    if not exact:  # any relationship holding both: "A/B/C" rules out (A, B) too
        return any(_matches(a, m) for m in members) and any(_matches(b, m) for m in members)
    return len(members) == 2 and ((_matches(a, members[0]) and _matches(b, members[1]))
                                  or (_matches(a, members[1]) and _matches(b, members[0])))


def check_relationships(fic, _s, sg):
    got = [r.name for r in sg.relationships if r.confidence >= 0.5]
    for spec in fic.get("relationships", []):
        assert any(_rel_match(spec, g) for g in got), (spec, got)
    for spec in fic.get("not_relationships", []):
        assert not any(_rel_match(spec, r.name, exact=False) for r in sg.relationships), (spec, got)
    if fic.get("relationships") == []:
        assert not got, got


def check_tags(fic, _s, sg):
    got = {t.name for t in sg.additional_tags + sg.archive_warnings}
    missing = set(fic.get("tags", ())) - got
    assert not missing, (missing, got)


def check_rating(fic, _s, sg):
    assert sg.rating is not None
    assert sg.rating.name == fic["rating"], (sg.rating.name, sg.rating.evidence)
    if "rating_evidence" in fic:
        assert any(fic["rating_evidence"] in e for e in sg.rating.evidence), sg.rating.evidence


def check_evidence(fic, _s, sg):
    assert not unquoted_evidence(fic["text"], sg)


CASES = []
for _fic in FICS:
    for _aspect in ASPECTS:
        marks = ()
        if _aspect == "characters_hard":
            if "characters_hard" not in _fic:
                continue
            marks = (pytest.mark.xfail(strict=True, reason="names the analyzer cannot find yet: "
                                       + ", ".join(_fic["characters_hard"])),)
        if (_fic["id"], _aspect) in XFAIL:
            marks = (pytest.mark.xfail(strict=True, reason=XFAIL[(_fic["id"], _aspect)]),)
        CASES.append(pytest.param(_fic, _aspect, id=f"{_fic['id']}-{_aspect}", marks=marks))


@pytest.mark.parametrize("fic,aspect", CASES)
def test_corpus(fic, aspect):
    s, sg = analysed(fic)
    globals()[f"check_{aspect}"](fic, s, sg)


def test_corpus_is_varied():
    assert len(FICS) >= 15
    assert len({f["id"] for f in FICS}) == len(FICS)
