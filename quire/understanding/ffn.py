"""FanFiction.Net story pages saved from the browser: what the info line states.

FFN writes one line under the summary, parts separated by " - ":
    Rated: Fiction T - English - Romance/Drama - [Ana R., Bea S.] Cole T. - Chapters: 3 -
    Words: 5,120 - ... - Updated: <span data-xutime=…> - Published: <span data-xutime=…> -
    Status: Complete - id: 12345
Characters in square brackets are a pairing. Genres have no tag type of their own on an
archive, so they become additional tags. The fandom is the last link of the breadcrumb
above the story ("Books > Some Fandom"); a crossover names both ("A + B Crossover").
"""
from __future__ import annotations

import re
from datetime import UTC, datetime

from .htmlparse import Node, sel
from .model import Metadata

GENRES = {"Adventure", "Angst", "Crime", "Drama", "Family", "Fantasy", "Friendship", "General", "Horror",
          "Humor", "Hurt/Comfort", "Mystery", "Parody", "Poetry", "Romance", "Sci-Fi", "Spiritual",
          "Supernatural", "Suspense", "Tragedy", "Western"}
_KEYED = re.compile(r"^(Rated|Chapters|Words|Reviews|Favs|Follows|Updated|Published|Status|id)\s*:\s*(.*)$", re.I)


def _dates(info: Node) -> dict[str, str]:
    """{"updated": iso, "published": iso}: FFN gives each date as a Unix time on the span
    after its label."""
    out: dict[str, str] = {}
    last: str | None = None
    for c in info.children:
        if isinstance(c, str):
            m = re.findall(r"(Updated|Published)\s*:", c)
            if m:
                last = m[-1].lower()
        elif "data-xutime" in c.attrs and last:
            try:
                out[last] = datetime.fromtimestamp(int(c.attrs["data-xutime"]), tz=UTC).date().isoformat()
            except (ValueError, OverflowError, OSError):
                pass
            last = None
    return out


def _genres(text: str) -> list[str] | None:
    """ "Adventure/Hurt/Comfort" -> ["Adventure", "Hurt/Comfort"]; None when not genres."""
    out: list[str] = []
    rest = text.strip()
    while rest:
        match = next((g for g in sorted(GENRES, key=len, reverse=True) if rest.startswith(g)), None)
        if match is None:
            return None
        out.append(match)
        rest = rest[len(match):].lstrip("/").strip()
    return out or None


def metadata(root: Node, top: Node | None) -> Metadata:
    meta = Metadata(source="ffn")
    if top is None:
        return meta
    author = top.find(lambda n: n.tag == "a" and "/u/" in n.attrs.get("href", ""))
    if author is not None and author.text():
        meta.creators = [author.text()]
    info = top.find(lambda n: n.tag == "span" and "xgray" in n.classes)
    if info is not None:
        _info_line(info, meta)
    crumbs = root.find(sel(id="pre_story_links"))
    if crumbs is not None:
        links = [a.text() for a in crumbs.iter() if a.tag == "a" and a.text()]
        if links:
            last = links[-1]
            if last.endswith(" Crossover") and " + " in last:
                meta.fandoms = [f.strip() for f in last[: -len(" Crossover")].split(" + ") if f.strip()]
            else:
                meta.fandoms = [last]
    if meta.source_id:
        meta.source_url = f"https://www.fanfiction.net/s/{meta.source_id}"
    return meta


def _info_line(info: Node, meta: Metadata) -> None:
    parts = [p.strip() for p in info.text().split(" - ")]
    loose: list[str] = []
    for part in parts:
        m = _KEYED.match(part)
        if not m:
            loose.append(part)
            continue
        key, value = m.group(1).lower(), m.group(2).strip()
        if key == "rated":
            meta.rating = value.replace("Fiction", "").strip() or None
        elif key == "chapters":
            meta.expected_chapters = int(re.sub(r"\D", "", value) or 0) or None
        elif key == "words":
            meta.words = int(re.sub(r"\D", "", value) or 0) or None
        elif key == "status":
            meta.complete = value.lower().startswith("complete")
        elif key == "id":
            meta.source_id = re.sub(r"\D", "", value) or None
    dates = _dates(info)
    meta.published = dates.get("published")
    meta.updated = dates.get("updated") or meta.published
    if meta.complete is None:
        meta.complete = False
        if meta.expected_chapters == 1:
            meta.complete = True  # a one-shot is whole
    if meta.complete is False:
        meta.expected_chapters = None  # FFN's count is chapters so far, not the planned total
    # Loose parts in order: language, then genres (optional), then characters (optional).
    if loose:
        meta.language = loose.pop(0)
    genres = _genres(loose[0]) if loose else None
    if genres:
        meta.additional_tags = genres
        loose.pop(0)
    if loose:
        _characters(loose[0], meta)


def _characters(text: str, meta: Metadata) -> None:
    for group in re.findall(r"\[([^\]]+)\]", text):
        names = [n.strip() for n in group.split(",") if n.strip()]
        if len(names) > 1:
            meta.relationships.append("/".join(names))
    for name in re.split(r",|\[|\]", text):
        name = name.strip()
        if name and name not in meta.characters:
            meta.characters.append(name)
