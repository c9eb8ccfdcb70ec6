"""Look-alike usernames: the key two names share when a reader could take one for the other.

`skeleton(name)` follows Unicode TR 39's skeleton (each character replaced by the
prototype it is confusable with, from Unicode's confusables.txt), taken after NFKC
and case folding, so `ａlice` (fullwidth), `аlice` (Cyrillic а), `ALICE` and
`aIice` (capital I) all come out as `alice`.

Our own rule on top of TR 39: punctuation and symbols are dropped from the
skeleton, so `Alice.`, `a.lice` and `alice_` clash with `alice`. Sign-up allows
`@ . + - _` in names, and a trailing dot or underscore is exactly what an
impersonator adds. Accents are kept (TR 39 keeps them): `zoë` and `zoe` may
both exist.

Confusables are mapped before case folding (TR 39 maps capital I to l, which
folding would first turn into i), so the skeleton catches what a reader sees;
names that differ only in case are caught separately, by the case-insensitive
unique constraint on usernames.

The confusables data comes from the `confusable-homoglyphs` package, which ships
confusables.txt as JSON with each pair stored in both directions. confusables.txt
maps every source character to one prototype, and a prototype is never itself a
source, so each group of linked characters is a star around its prototype; we
recover the prototype as the group's multi-character sequence if it has one
(sources are single characters), else its most-linked member.
"""

import functools
import json
import unicodedata
from importlib import resources

# Format marks the data file wraps right-to-left sequences in; not part of any glyph.
_MARKS = dict.fromkeys(map(ord, "\u200e\u200f"), None)


@functools.cache
def _prototypes() -> dict[str, str]:
    raw = json.loads(resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8"))
    links: dict[str, set[str]] = {}
    for key, entries in raw.items():
        a = key.translate(_MARKS)
        for entry in entries:
            b = entry["c"].translate(_MARKS)
            if a and b and a != b:
                links.setdefault(a, set()).add(b)
                links.setdefault(b, set()).add(a)
    mapping: dict[str, str] = {}
    seen: set[str] = set()
    for start in links:
        if start in seen:
            continue
        group, todo = set(), [start]
        while todo:
            node = todo.pop()
            if node not in group:
                group.add(node)
                todo.extend(links[node] - group)
        seen |= group
        prototype = max(group, key=lambda n: (len(n) > 1, len(links[n]), n.isascii(), -ord(n[0])))
        for node in group:
            if len(node) == 1 and node != prototype:
                mapping[node] = prototype
    return mapping


def _map(text: str) -> str:
    table = _prototypes()
    return unicodedata.normalize("NFD", "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFD", text)))


def normalise(name: str) -> str:
    """The form a username is stored in (what Django's `normalize_username` does: NFKC)."""
    return unicodedata.normalize("NFKC", name)


def skeleton(name: str) -> str:
    """The key under which look-alike names collide (see the module's docstring)."""
    folded = _map(_map(normalise(name)).casefold())
    kept = (ch for ch in folded if unicodedata.category(ch)[0] in "LNM")
    return unicodedata.normalize("NFC", "".join(kept))
