"""Finding the capitalised names a text mentions, with the context that tells people apart
from places, shows and parts in a play.

One pass of one regex over each part of the text; the result is a list of mentions that
the character and fandom taggers resolve against the canon (or use as written).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import FUNCTION_WORDS, PERSON_AFTER, PLACE_BEFORE, ROLE_BEFORE

# A capitalised word; "Tony-winning" is rejected later (lower-case after a hyphen), while
# "First-freaking-Last" (an expletive infix) is one name, First Last.
_CAP_RE = re.compile(r"(?<![\w'’/-])([A-Z][a-z]+(?:['’](?!s\b)[a-z]{2,})?|[A-Z]['’][A-Z][a-z]+|Mc[A-Z][a-z]+)"
                     r"(?:(-[a-z]+-)([A-Z][a-z]+))?(?:['’]s\b|['’](?=\s))?")
_PUNCT = "\"“”‘’'.,;:!?()[]*_—–-…"


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

    @property
    def name(self) -> str:
        return " ".join(self.tokens)

    @property
    def role_or_place(self) -> bool:
        return self.quoted or self.prev in ROLE_BEFORE or (
            self.prev in PLACE_BEFORE and self.next not in PERSON_AFTER)


def _initial(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"“‘'*_([":
        j -= 1
    return j < 0 or text[j] in ".!?…\n:;—–-" or (text[j] in "”\"" and j > 0 and text[j - 1] in ".!?,")


def find_mentions(parts: list[tuple[str, str]]) -> list[Mention]:
    out: list[Mention] = []
    for pi, (_kind, text) in enumerate(parts):
        run: list[tuple[str, int, int]] = []  # (token, start, end)
        for m in _CAP_RE.finditer(text):
            end = m.end()
            if end < len(text) - 1 and text[end] == "-" and text[end + 1].islower():
                _flush(run, text, pi, out)
                run = []
                continue
            tokens = [m.group(1)] + ([m.group(3)] if m.group(3) else [])
            possessive = m.group(0).endswith(("s", "'", "’")) and m.group(0) != m.group(1) \
                and not m.group(3)
            if run and text[run[-1][2]:m.start()] not in (" ",) :
                _flush(run, text, pi, out)
                run = []
            if m.group(3):  # infix form is a whole name by itself
                _flush(run, text, pi, out)
                run = []
                out.append(_mention(tuple(tokens), text, pi, m.start(), end))
                continue
            run.append((tokens[0], m.start(), m.start() + len(m.group(1))))
            if possessive:
                _flush(run, text, pi, out)
                run = []
        _flush(run, text, pi, out)
    return out


def _flush(run: list[tuple[str, int, int]], text: str, pi: int, out: list[Mention]) -> None:
    # Leading sentence starters ("But Ivy", "When Tom") are not part of the name.
    while run and run[0][0].lower() in FUNCTION_WORDS:
        run = run[1:]
    while run and run[-1][0].lower() in FUNCTION_WORDS:
        run = run[:-1]
    if not run:
        return
    out.append(_mention(tuple(t for t, _, _ in run), text, pi, run[0][1], run[-1][2]))


def _words_before(text: str, start: int) -> list[str]:
    return [w.strip(_PUNCT).lower() for w in text[max(0, start - 40):start].split()[-3:]]


def _mention(tokens: tuple[str, ...], text: str, pi: int, start: int, end: int) -> Mention:
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
    return Mention(tokens=tokens, text=text[start:end], part=pi, start=start,
                   initial=_initial(text, start), prev=prev, next=nxt, quoted=quoted)


def common_words(parts: list[tuple[str, str]]) -> set[str]:
    """Lower-case words the text uses in lower case: 'Having' at a sentence start is one."""
    words: set[str] = set()
    for _kind, text in parts:
        words.update(re.findall(r"\b[a-z][a-z'’]+\b", text))
    return words
