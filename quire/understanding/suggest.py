"""`suggest(structure, canon)`: every tag suggestion for a parsed story."""
from __future__ import annotations

from .canon import Canon
from .content import archive_warnings, content_tags, engine
from .document import analyse
from .model import Structure, Suggestions
from .people import _pick, suggest_people
from .rating import rate
from .relationships import suggest_relationships


def suggest(structure: Structure, canon: Canon | None = None) -> Suggestions:
    doc = analyse(structure)  # parts, mentions and sentences: read once, shared below
    people = suggest_people(doc, canon)
    strong = {f.name for f in people.fandoms if f.canonical and f.confidence >= 0.5}

    def resolve(name: str) -> tuple[str, bool]:
        if canon is not None:
            cands, _full = canon.lookup(name)
            pick = _pick(cands, strong, people.top_fandom) if cands else None
            if pick is not None:
                return pick.name, True
        return people.resolve.get(name.lower(), name), False

    relationships, rejected = suggest_relationships(doc, resolve, canon)
    scores = engine().scan(doc.parts)
    tags = content_tags(scores)
    return Suggestions(
        fandoms=people.fandoms, characters=people.characters, relationships=relationships,
        archive_warnings=archive_warnings(scores), additional_tags=tags,
        rating=rate(scores, tags, doc), rejected_relationships=rejected)
