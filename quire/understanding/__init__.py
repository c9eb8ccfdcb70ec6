"""Story understanding for Quire: pure Python, no Django.

    doc = load("story.html")                 # or load(raw_bytes, "story.docx")
    structure = doc.structure                # or parse(pasted_text)
    suggestions = suggest(structure, Canon.from_csv("canon.csv"))
    to_json_dict(structure, suggestions)
"""
from __future__ import annotations

import os

from .canon import Canon, CanonEntry
from .content import VOCABULARY
from .loaders import MAX_BYTES, Document, load
from .model import AnalyzeError, Chapter, Structure, Suggestion, Suggestions
from .report import format_report, to_json_dict
from .structure import parse
from .suggest import suggest

__all__ = ["AnalyzeError", "Canon", "CanonEntry", "Chapter", "Document", "MAX_BYTES", "Structure",
           "Suggestion", "Suggestions", "VOCABULARY", "analyze", "format_report", "load", "parse",
           "suggest", "to_json_dict"]


def analyze(source: str | os.PathLike[str] | bytes, filename: str | None = None,
            canon: Canon | None = None) -> tuple[Document, Suggestions]:
    """Load a file (path or bytes), parse it and suggest tags."""
    doc = load(source, filename)
    return doc, suggest(doc.structure, canon)
