"""Finding the capitalised names a text mentions, with the context that tells people apart
from places, shows and parts in a play.

One pass of one regex over each part of the text; the result is a list of mentions that
the character and fandom taggers resolve against the canon (or use as written).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import (
    ARTICLES,
    FUNCTION_WORDS,
    PERSON_AFTER,
    PERSON_BEFORE,
    PLACE_BEFORE,
    ROLE_BEFORE,
    WEAK_PERSON_AFTER,
)
from .text import is_abbreviation

_U = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_L = "a-z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.islower())
# A capitalised word, accents allowed ("Padmé", "Éponine"); "Obi-Wan" is one word. A stutter
# ("N-Naruto") is skipped. After the word: an infix ("Wren-bloody-Talbot" is Wren Talbot),
# or a lower-case suffix ("Naruto-kun", "Jae-won", but "Tony-winning", decided in
# `_suffix`), or a possessive. After a slash only in a pairing ("Harry/Ginny"): a letter
# before the slash, not a path or a link ("/s/123/Title").
_CAP_RE = re.compile(
    rf"(?<![\w'’-])(?<![\W\d_]/)(?<!^/)(?:([{_U}])-(?=\1))?"
    rf"(Ma?c[{_U}][{_L}]+|[{_U}][{_L}]+(?:['’](?!s\b)[{_L}]{{2,}})?(?:-[{_U}][{_L}]+)*|"
    rf"[{_U}]['’][{_U}][{_L}]+)"
    rf"(?:(-[{_L}]+-)([{_U}][{_L}]+)|-([{_L}]+)\b(?!-))?(?:['’]s\b|['’](?=\s))?")
# Japanese honorifics and alike: "Naruto-kun" is Naruto, and a person.
HONORIFICS = frozenset("kun chan san sama sensei senpai sempai dono hime tan chin kouhai kohai "
                       "nii nee niisan neesan oniisan oneesan teme baka sunbae hyung noona oppa "
                       "unnie eonni ssi ji".split())
# "Post-war", "Tony-winning", "London-born": a modifier, not a name.
_NOT_SYLLABLE = frozenset("war era like type free born made wide side less ish based ward fold "
                          "ever over up down off out in on hour day year man men".split())
_PREFIXES = frozenset("post pre anti non self half semi ex mid neo pseudo ultra super sub co "
                      "re un inter intra multi pan pro".split())
# Titles before a name: the name is a person's; the title is not part of it.
TITLES = frozenset("mr mrs ms miss mx dr doctor professor prof captain capt uncle aunt auntie "
                   "lady lord sir dame madam madame sheriff nana nan grandma grandpa granny "
                   "detective inspector sergeant sgt agent officer general commander colonel "
                   "lieutenant major admiral senator master mistress father mother sister "
                   "brother king queen prince princess count countess duke duchess monsieur "
                   "mademoiselle señor señora signor signora herr frau".split())
_PUNCT = "\"“”‘’'.,;:!?()[]*_—–-…"


_NEXT_RE = re.compile(r"([^\w.!?…\n]{1,4})([\w'’-]+)")
_DOING_RE = re.compile(r"(?:already |just |never |not |still )?(?:[a-z]{2,}(?:ed|ing|ught)|(?:tak|giv|"
                       r"eat|writt|gott|fall|forgott|spok|brok|chos|beat|driv|stol|wok|shak|hidd|"
                       r"bitt|be)en)\b")
_INITIALS_RE = re.compile(r" (?:[A-Z]\. )+")
_POSSESSIVE_RE = re.compile(r"['’]s(?!\w)")
# "Molly was still there, knitting by the fire": a subject busy doing something.
_BUSY_RE = re.compile(r"\s+(?:was|were|is)\s[^.!?;:\n\"“”,]{0,40},\s+[a-z]{2,}ing\b")


@dataclass
class Mention:
    tokens: tuple[str, ...]
    text: str          # verbatim span, for evidence
    part: int          # index into the list of text parts
    start: int
    initial: bool      # at the start of a sentence (capitalised anyway)
    prev: str          # lower-cased word before the name
    next: str          # lower-cased word after the name
    quoted: bool       # the name alone inside quotes: a title ("Cabaret")
    person: bool = False  # a title before, an honorific after, or spoken to: a person
    paired: bool = False  # next to "/" or "&": named in a pairing
    possessive: bool = False  # "Hermione's laugh": someone owns something

    @property
    def article(self) -> bool:
        """'the Burrow', 'the Ministry': a place or a thing, seldom a person."""
        return self.prev in ARTICLES

    @property
    def name(self) -> str:
        return " ".join(self.tokens)

    @property
    def role_or_place(self) -> bool:
        return self.quoted or self.prev in ROLE_BEFORE or (
            self.prev in PLACE_BEFORE and (self.next not in PERSON_AFTER
                                           or self.next in WEAK_PERSON_AFTER))


def _initial(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"“‘'*_([":
        j -= 1
    if j >= 0 and text[j] == "." and is_abbreviation(text, j):
        return False  # "Mr. Darcy", "Alfred F. Jones"
    return j < 0 or text[j] in ".!?…\n:;—–-" or (text[j] in "”\"" and j > 0 and text[j - 1] in ".!?,")


def _suffix(name: str, suffix: str) -> str | None:
    """What a lower-case hyphen suffix makes of a name: 'h' (honorific), 'n' (part of the
    name, "Jae-won"), or None (a modifier: "Tony-winning")."""
    if suffix in HONORIFICS:
        return "h"
    if (len(suffix) <= 4 and len(name) <= 6 and suffix not in _NOT_SYLLABLE
            and name.lower() not in _PREFIXES):
        return "n"
    return None


def find_mentions(parts: list[tuple[str, str]]) -> list[Mention]:
    out: list[Mention] = []
    for pi, (_kind, text) in enumerate(parts):
        run: list[tuple[str, int, int]] = []  # (token, start, end)
        for m in _CAP_RE.finditer(text):
            end = m.end()
            word = m.group(2)
            suffix = m.group(5)
            kind = _suffix(word, suffix) if suffix else None
            if suffix and kind is None:
                _flush(run, text, pi, out)
                run = []
                continue
            if kind == "n":
                word = f"{word}-{suffix}"
            tokens = [word] + ([m.group(4)] if m.group(4) else [])
            possessive = m.group(0)[-1:] in ("s", "'", "’") and m.group(0) != word \
                and not m.group(4) and not kind
            gap = text[run[-1][2]:m.start()] if run else " "
            if gap != " " and not _INITIALS_RE.fullmatch(gap):  # "Alfred F. Jones" is one name
                _flush(run, text, pi, out)
                run = []
            if m.group(4) or kind == "h":  # infix or honorific: a whole name by itself
                _flush(run, text, pi, out)
                run = []
                out.append(_mention(tuple(tokens), text, pi, m.start(), end, person=kind == "h"))
                continue
            w_end = m.start(2) + len(m.group(2)) + (len(suffix) + 1 if kind == "n" else 0)
            run.append((tokens[0], m.start(), w_end))
            if possessive:
                _flush(run, text, pi, out)
                run = []
        _flush(run, text, pi, out)
    return _with_shouted(parts, out)


# A name shouted in capitals ("HARRY!", "DEAN WINCHESTER"): two letters or more, alone.
_SHOUT_RE = re.compile(rf"(?<![\w'’-])[{_U}]{{2,}}(?:[ ][{_U}]{{2,}})*(?![\w'’-])")


def _with_shouted(parts: list[tuple[str, str]], out: list[Mention]) -> list[Mention]:
    """Add the names shouted in capitals, but only those the text also writes the ordinary
    way ("DEAN!" where "Dean" appears too): "FBI", "NO" and "STOP" never do."""
    seen = {t.lower(): t for m in out for t in m.tokens}  # "MCCOY" is written "McCoy"
    extra: list[Mention] = []
    for pi, (_kind, text) in enumerate(parts):
        for m in _SHOUT_RE.finditer(text):
            words = [seen.get(w.lower()) for w in m.group().split()]
            if all(words):
                extra.append(_mention(tuple(w for w in words if w), text, pi, m.start(), m.end()))
    if not extra:
        return out
    return sorted(out + extra, key=lambda m: (m.part, m.start))


def _flush(run: list[tuple[str, int, int]], text: str, pi: int, out: list[Mention]) -> None:
    # Leading sentence starters ("But Ivy", "When Tom") are not part of the name, nor are
    # titles ("Uncle Iroh", "Lady Catherine"): the mention starts after them.
    while run and run[0][0].lower() in FUNCTION_WORDS:
        run = run[1:]
    while run and run[-1][0].lower() in FUNCTION_WORDS:
        run = run[:-1]
    while len(run) > 1 and run[0][0].lower() in TITLES:
        run = run[1:]
    if not run:
        return
    out.append(_mention(tuple(t for t, _, _ in run), text, pi, run[0][1], run[-1][2]))


def _words_before(text: str, start: int) -> list[str]:
    return [w.strip(_PUNCT).lower() for w in text[max(0, start - 40):start].split()[-3:]]


def _mention(tokens: tuple[str, ...], text: str, pi: int, start: int, end: int,
             person: bool = False) -> Mention:
    before_words = [w for w in _words_before(text, start) if w]
    after_words = text[end:end + 30].split(None, 1)
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    quoted = before in "\"“" and after in "\"”"
    prev = before_words[-1] if before_words else ""
    # "the part of Roxie", "the role of X": the word before "of" decides.
    if prev in ("of", "a", "the", "new") and len(before_words) > 1 \
            and before_words[-2] in ROLE_BEFORE:
        prev = before_words[-2]
    nxt = after_words[0].strip(_PUNCT).lower() if after_words else ""
    if not nxt:  # '"Jae-won," said Marisol'; "Éponine, leaning in the doorway" is a person
        m = _NEXT_RE.match(text, end)
        if m:
            nxt = m.group(2).lower()
            person = person or (m.group(1).strip() == "," and nxt.endswith("ing"))
    # "had taken", "was trying": the name is the subject of a full verb.
    if nxt in ("was", "were", "had", "is", "has") and len(after_words) > 1 and \
            _DOING_RE.match(after_words[1]):
        person = True
    # "Molly was still there, knitting": the subject of a clause that goes on "-ing".
    if _BUSY_RE.match(text, end):
        person = True
    # "Mr. Darcy", "Uncle Iroh"; "Kick, Ania!" (spoken to); "said Harry".
    person = person or prev in TITLES or (
        text[max(0, start - 2):start] == ", " and after in "!?" and after != "") or (
        prev in PERSON_BEFORE and text[start - 1:start] == " ")
    # "the awning of Ichiraku", "the mistress of Netherfield": a place.
    if prev == "of" and len(before_words) > 2 and before_words[-3] == "the":
        prev = "the"
    near = text[max(0, start - 3):start] + text[end:end + 3]
    paired = "/" in near or "&" in near
    return Mention(tokens=tokens, text=text[start:end], part=pi, start=start,
                   initial=_initial(text, start), prev=prev, next=nxt, quoted=quoted,
                   person=person, paired=paired,
                   possessive=bool(_POSSESSIVE_RE.match(text, end)))


def common_words(parts: list[tuple[str, str]]) -> set[str]:
    """Lower-case words the text uses in lower case: 'Having' at a sentence start is one."""
    words: set[str] = set()
    for _kind, text in parts:
        words.update(re.findall(r"\b[a-z][a-z'’]+\b", text))
    return words
