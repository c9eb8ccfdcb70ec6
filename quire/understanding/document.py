"""The analysed document: a parsed story read once, for every tagger to share.

`parse` finds the parts (summary, notes, disclaimer, chapters); `analyse` then builds what
the taggers need from them exactly once: the parts as (kind, text) pairs, each part's
paragraphs, the sentence around any place in a part, the capitalised name mentions, and
the words the text writes in lower case. People, relationships, content and rating read
this document instead of scanning the raw text again each on its own.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from .model import Structure
from .names import Mention, common_words, find_mentions
from .text import fragment, sentence_bounds


@dataclass
class Document:
    structure: Structure
    # Every piece of text the taggers read, with its kind ('summary', 'notes', 'disclaimer',
    # 'story'); chapter titles are left out (a title names no character). Mentions and
    # evidence point into it by index.
    parts: list[tuple[str, str]]
    _sentences: dict[tuple[int, int, int], tuple[int, int]] = field(default_factory=dict, repr=False)

    @cached_property
    def mentions(self) -> list[Mention]:
        """Capitalised names with their context, in text order."""
        return find_mentions(self.parts)

    @cached_property
    def common(self) -> set[str]:
        """Lower-case words the text uses: 'Having' at a sentence start is one of them."""
        return common_words(self.parts)

    @cached_property
    def paragraphs(self) -> list[list[str]]:
        """Each part's paragraphs (blank-line separated), by part index."""
        return [[p for p in text.split("\n\n") if p.strip()] for _kind, text in self.parts]

    @cached_property
    def _paragraph_starts(self) -> list[list[int]]:
        out = []
        for _kind, text in self.parts:
            starts, at = [], 0
            for chunk in text.split("\n\n"):
                starts.append(at)
                at += len(chunk) + 2
            out.append(starts)
        return out

    def paragraph_of(self, part: int, offset: int) -> int:
        """Index (within its part, counting empty chunks) of the paragraph holding `offset`."""
        return bisect_right(self._paragraph_starts[part], offset) - 1

    def kind(self, part: int) -> str:
        return self.parts[part][0]

    def text(self, part: int) -> str:
        return self.parts[part][1]

    def sentence(self, part: int, start: int, end: int) -> tuple[int, int]:
        """Start and end of the sentence around text[start:end] of a part (remembered)."""
        key = (part, start, end)
        hit = self._sentences.get(key)
        if hit is None:
            hit = self._sentences[key] = sentence_bounds(self.parts[part][1], start, end)
        return hit

    def quote(self, part: int, start: int, end: int) -> str:
        """Verbatim evidence: the sentence around a match, trimmed to a readable length."""
        return fragment(self.parts[part][1], start, end)

    def of_kind(self, *kinds: str) -> list[tuple[int, str]]:
        """(index, text) of the parts of the given kinds."""
        return [(i, t) for i, (k, t) in enumerate(self.parts) if k in kinds]


def analyse(structure: Structure) -> Document:
    """The document every tagger reads: built once per `suggest`."""
    return Document(structure, [(k, t) for k, t in structure.parts() if k != "title"])
