"""`suggest(structure, canon)`: every tag suggestion for a parsed story."""
from __future__ import annotations

from collections.abc import Callable

from . import weights as W
from .canon import Canon
from .content import archive_warnings, content_tags, engine
from .document import Document, analyse
from .model import Structure, Suggestion, Suggestions
from .people import People, _pick, suggest_people
from .rating import rate
from .relationships import ship_names, shown_relationships, suggest_relationships


def suggest(structure: Structure, canon: Canon | None = None) -> Suggestions:
    doc = analyse(structure)  # parts, mentions and sentences: read once, shared below
    people = suggest_people(doc, canon)
    strong = {f.name for f in people.fandoms if f.canonical and f.confidence >= 0.5}

    def resolve(name: str) -> tuple[str, bool]:
        # The person the character tagger already took this name for in this story first:
        # "Dean" in a Supernatural story is Dean Winchester even where another fandom's
        # Dean has "Dean" as his alias.
        known = people.resolve.get(name.lower())
        if known is not None and known in people.canonical_resolved:
            return known, True
        if canon is not None:
            cands, _full = canon.lookup(name)
            pick = _pick(cands, strong, people.top_fandom) if cands else None
            if pick is not None:
                return pick.name, True
        return people.resolve.get(name.lower(), name), False

    relationships, rejected = suggest_relationships(doc, resolve, canon)
    relationships = _with_shown(doc, people, resolve, canon, relationships, rejected)
    scores = engine().scan(doc.parts)
    tags = content_tags(scores, doc.parts)
    warnings = archive_warnings(scores)
    return Suggestions(
        fandoms=people.fandoms, characters=people.characters, relationships=relationships,
        archive_warnings=warnings, additional_tags=tags,
        rating=rate(scores, tags, doc, warnings), rejected_relationships=rejected)


def _with_shown(doc: Document, people: People, resolve: Callable[[str], tuple[str, bool]],
                canon: Canon | None, announced: list[Suggestion], rejected: list[Suggestion]
                ) -> list[Suggestion]:
    """The author's own pairings first; then ship names, then the pairs the story shows
    (central characters in romantic scenes, or always together), unless already there or
    ruled out."""
    central = [c.name for c in people.characters if c.confidence >= W.CENTRAL_MIN][:W.CENTRAL_MAX]
    out = list(announced)
    seen = {_members(s.name) for s in announced + rejected}
    extra = ship_names(doc, central, canon) + shown_relationships(
        doc, central, lambda m: resolve(m.name)[0], canon)
    for s in sorted(extra, key=lambda s: -s.confidence):
        key = _members(s.name)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _members(name: str) -> frozenset[str]:
    """The people of a relationship, whatever its kind: a pair the author calls "A/B" gets
    no guessed "A & B" beside it."""
    kind = "/" if "/" in name else "&"
    return frozenset(p.strip() for p in name.split(kind))
