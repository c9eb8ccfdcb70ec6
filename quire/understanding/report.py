"""Output: the JSON contract of `quire analyze --json`, and a report for people."""
from __future__ import annotations

from typing import Any

from .model import Chapter, Structure, Suggestion, Suggestions

SUGGESTION_LISTS = ("fandoms", "characters", "relationships", "archive_warnings", "additional_tags")


def _item(s: Suggestion) -> dict[str, Any]:
    return {"name": s.name, "canonical": s.canonical, "confidence": round(s.confidence, 2),
            "evidence": list(s.evidence)}


def _chapter(ch: Chapter) -> dict[str, Any]:
    out: dict[str, Any] = {"title": ch.title, "text": ch.text, "scene_breaks": ch.scene_breaks,
                           "words": ch.words}
    # Extension: notes that sit between chapters (only present when there are some).
    for key in ("summary", "notes_begin", "notes_end"):
        if getattr(ch, key):
            out[key] = getattr(ch, key)
    return out


def to_json_dict(structure: Structure, suggestions: Suggestions) -> dict[str, Any]:
    out: dict[str, Any] = {
        "summary": structure.summary,
        "notes_begin": structure.notes_begin,
        "notes_end": structure.notes_end,
        "disclaimer": structure.disclaimer,
        "chapters": [_chapter(ch) for ch in structure.chapters],
        "suggestions": {name: [_item(s) for s in getattr(suggestions, name)]
                        for name in SUGGESTION_LISTS},
    }
    out["suggestions"]["rating"] = _item(suggestions.rating) if suggestions.rating else None
    if structure.title:  # extension: the work's title when the source states it
        out["title"] = structure.title
    return out


def _short(text: str | None, n: int = 160) -> str:
    if not text:
        return "-"
    flat = " ".join(text.split())
    return flat if len(flat) <= n else flat[: n - 1] + "…"


def format_report(structure: Structure, suggestions: Suggestions, name: str | None = None) -> str:
    lines: list[str] = []
    if name:
        lines.append(f"Analysis of {name}")
    if structure.title:
        lines.append(f"Title:       {structure.title}")
    lines += [f"Summary:     {_short(structure.summary)}",
              f"Notes:       {_short(structure.notes_begin)}",
              f"Disclaimer:  {_short(structure.disclaimer)}",
              f"End notes:   {_short(structure.notes_end)}",
              f"Chapters:    {len(structure.chapters)} ({structure.words} words)"]
    for i, ch in enumerate(structure.chapters, 1):
        lines.append(f"  {i}. {ch.title or '(untitled)'}: {ch.words} words, "
                     f"{ch.scene_breaks} scene breaks")
    lines.append("")
    labels = {"fandoms": "Fandoms", "characters": "Characters", "relationships": "Relationships",
              "archive_warnings": "Archive warnings", "additional_tags": "Additional tags"}
    for key, label in labels.items():
        items = getattr(suggestions, key)
        lines.append(f"{label}:" + ("" if items else " none"))
        for s in items:
            mark = "" if s.canonical else " (not canonical)"
            lines.append(f"  {s.confidence:4.2f}  {s.name}{mark}  — “{_short(s.evidence[0], 70)}”"
                         if s.evidence else f"  {s.confidence:4.2f}  {s.name}{mark}")
    if suggestions.rejected_relationships:
        lines.append("Ruled out by the author: "
                     + ", ".join(s.name for s in suggestions.rejected_relationships))
    r = suggestions.rating
    if r:
        lines.append(f"Rating: {r.name} ({r.confidence:.2f})"
                     + (f" — “{_short(r.evidence[0], 70)}”" if r.evidence else ""))
    return "\n".join(lines) + "\n"
