"""Small text helpers shared by the parser and the taggers."""
from __future__ import annotations

import re

_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_BLANK_RE = re.compile(r"\n[ \t\u00a0]*\n+")
# Dialogue in straight or curly quotes, bounded to one paragraph so a stray quote
# cannot swallow the rest of the text.
_QUOTE_RE = re.compile(r"\"[^\"\n]{0,600}\"|“[^”\n]{0,600}”")
_SENT_END = ".!?…"
_ABBREV = frozenset("mr mrs ms mx dr st prof capt sgt lt col gen jr sr vs mt ft".split())


def is_abbreviation(text: str, i: int) -> bool:
    """Whether the '.' at text[i] ends "Mr", "Dr" or an initial ("J.", "F."), not a sentence."""
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:i]
    return (len(word) == 1 and word.isupper()) or word.lower() in _ABBREV


def count_words(text: str) -> int:
    return len(_WORD_RE.findall(text))


def normalise_newlines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\ufeff", "")
    return text


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a pasted text.

    Blank lines separate paragraphs. Pastes from some sites have one paragraph per line and
    no blank line at all; then every non-empty line is a paragraph. Lines inside a
    blank-separated block are kept (poems, lyrics, text messages rely on them).
    """
    text = normalise_newlines(text)
    blocks = [b.strip() for b in _BLANK_RE.split(text)]
    blocks = [b for b in blocks if b]
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if len(blocks) <= 2 and len(lines) >= 6:
        return lines
    out = []
    for block in blocks:
        out.append("\n".join(ln.rstrip() for ln in block.split("\n")))
    return out


def mask_dialogue(par: str) -> str:
    """The paragraph with quoted speech blanked out (same length, so offsets still match)."""
    return _QUOTE_RE.sub(lambda m: " " * len(m.group()), par)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the sentence around text[start:end], inside one paragraph."""
    s = start
    while s > 0:
        c = text[s - 1]
        if c == "\n" or (c in " \t" and s >= 2 and text[s - 2] in _SENT_END + "\"”"):
            if c == "\n" or (text[s - 2] in _SENT_END and not (
                    text[s - 2] == "." and is_abbreviation(text, s - 2))) or (
                    s >= 3 and text[s - 3] in _SENT_END):
                break
        s -= 1
    e = end
    n = len(text)
    while e < n:
        c = text[e]
        if c == "\n":
            break
        e += 1
        if c in _SENT_END and (e >= n or text[e] in " \t\n\"”’'"):
            if c == "." and e < n and text[e] in " \t" and is_abbreviation(text, e - 1):
                continue
            while e < n and text[e] in _SENT_END + "\"”’'":
                e += 1
            break
    return s, e


def fragment(text: str, start: int, end: int, max_len: int = 200) -> str:
    """A verbatim piece of `text` around a match: its sentence, trimmed to about max_len."""
    s, e = sentence_bounds(text, start, end)
    if e - s > max_len:
        half = max(0, (max_len - (end - start)) // 2)
        s = max(s, start - half)
        e = min(e, end + half)
        # Do not cut a word in half: move inwards to whitespace.
        while s < start and s > 0 and not text[s - 1].isspace():
            s += 1
        while e > end and e < len(text) and not text[e].isspace():
            e -= 1
    return text[s:e].strip()


def squash_ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
