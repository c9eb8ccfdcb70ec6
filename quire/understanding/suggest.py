"""`suggest(structure, canon)`: every tag suggestion for a parsed story."""
from __future__ import annotations

from .canon import Canon
from .content import archive_warnings, content_tags, engine
from .model import Structure, Suggestions
from .names import find_mentions
from .people import _pick, suggest_people
from .rating import rate
from .relationships import suggest_relationships


def suggest(structure: Structure, canon: Canon | None = None) -> Suggestions:
    parts = [(k, t) for k, t in structure.parts() if k != "title"]
    mentions = find_mentions(parts)
    people = suggest_people(parts, mentions, canon)
    strong = {f.name for f in people.fandoms if f.canonical and f.confidence >= 0.5}

    def resolve(name: str) -> tuple[str, bool]:
        if canon is not None:
            cands, _full = canon.lookup(name)
            pick = _pick(cands, strong, people.top_fandom) if cands else None
            if pick is not None:
                return pick.name, True
        return people.resolve.get(name.lower(), name), False

    relationships, rejected = suggest_relationships(parts, resolve, canon)
    scores = engine().scan(parts)
    tags = content_tags(scores, parts)
    return Suggestions(
        fandoms=people.fandoms, characters=people.characters, relationships=relationships,
        archive_warnings=archive_warnings(scores), additional_tags=tags,
        rating=rate(scores, tags, parts), rejected_relationships=rejected)
