"""`Canon`: the canonical fandoms, characters and relationships tags are matched against.

Built from plain records so the Django app can feed it from its tag tables, or from a CSV
`type,name,fandom,aliases` (aliases separated by "|"). Lookups go through dictionaries keyed
by lower-cased name forms, so matching cost does not grow with the size of the canon.
"""
from __future__ import annotations

import csv
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .model import AnalyzeError
from .names import TITLES


@dataclass(frozen=True)
class CanonEntry:
    type: str                 # fandom | character | relationship
    name: str
    fandom: str | None = None
    aliases: tuple[str, ...] = ()


def _key(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


@dataclass
class Canon:
    fandoms: list[CanonEntry] = field(default_factory=list)
    characters: list[CanonEntry] = field(default_factory=list)
    relationships: list[CanonEntry] = field(default_factory=list)

    def __init__(self, rows: Iterable[CanonEntry | Mapping[str, str] | Sequence[str]] = ()) -> None:
        self.fandoms, self.characters, self.relationships = [], [], []
        for row in rows:
            entry = _entry(row)
            {"fandom": self.fandoms, "character": self.characters,
             "relationship": self.relationships}.get(entry.type, []).append(entry)
        self._index()

    @classmethod
    def from_csv(cls, path: str | os.PathLike[str]) -> Canon:
        try:
            with open(path, newline="", encoding="utf-8-sig") as fh:
                return cls(list(csv.DictReader(fh)))
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise AnalyzeError(f"{path}: cannot read the canon CSV ({exc}). Give a UTF-8 CSV "
                               "with the columns type,name,fandom,aliases.") from None

    def _index(self) -> None:
        # fandom name/alias (lower) -> canonical fandom name
        self.fandom_by_name: dict[str, str] = {}
        for f in self.fandoms:
            for form in (f.name, *f.aliases):
                self.fandom_by_name.setdefault(_key(form), f.name)
        # Name forms -> characters. Full names and aliases are "full" matches; first and
        # last names are "part" matches that context must confirm.
        self.full: dict[str, list[CanonEntry]] = defaultdict(list)
        self.part: dict[str, list[CanonEntry]] = defaultdict(list)
        for c in self.characters:
            for form in (c.name, *c.aliases):
                self.full[_key(form)].append(c)
            # ...of the name and of its aliases: "Jim" is in "Jim Kirk", an alias of
            # James T. Kirk. Titles ("Captain Kirk", "Dr. McCoy") are no part of a name.
            for form in (c.name, *c.aliases):
                words = [w for w in form.split() if w.strip(".").lower() not in TITLES]
                if len(words) > 1:
                    for w in (words[0], words[-1]):
                        if len(w) > 2 and c not in self.part[_key(w)]:
                            self.part[_key(w)].append(c)
        # Family name first or last: fans write "Uzumaki Naruto" and "Naruto Uzumaki" alike.
        for c in self.characters:
            words = c.name.split()
            if len(words) == 2 and "(" not in c.name:
                flipped = _key(f"{words[1]} {words[0]}")
                if flipped not in self.full:
                    self.full[flipped].append(c)
        self.character_by_name = {c.name: c for c in self.characters}
        # Relationship member sets -> canonical relationship name, for ordering and tagging.
        self.relationship_by_members: dict[tuple[str, frozenset[str]], CanonEntry] = {}
        # Ship names fans write ("Drarry", "Sterek"): one-word aliases of a relationship.
        self.ship_names: dict[str, CanonEntry] = {}
        for r in self.relationships:
            kind = "/" if "/" in r.name else "&"
            members = frozenset(p.strip() for p in r.name.split(kind))
            self.relationship_by_members[(kind, members)] = r
            for alias in r.aliases:
                if " " not in alias.strip() and "/" not in alias and "&" not in alias:
                    self.ship_names.setdefault(_key(alias), r)
        self.max_name_words = max((len(k.split()) for k in self.full), default=1)

    def lookup(self, name: str) -> tuple[list[CanonEntry], bool]:
        """Characters a name may refer to, and whether the match is a full name or alias."""
        k = _key(name)
        if k in self.full:
            return self.full[k], True
        return self.part.get(k, []), False

    def members(self, entry: CanonEntry) -> tuple[str, list[str]]:
        """A relationship's kind ("/" or "&") and its people."""
        kind = "/" if "/" in entry.name else "&"
        return kind, [p.strip() for p in entry.name.split(kind)]

    def fandom(self, name: str) -> str | None:
        return self.fandom_by_name.get(_key(name))

    def relationship(self, kind: str, members: Iterable[str]) -> CanonEntry | None:
        return self.relationship_by_members.get((kind, frozenset(members)))


def _entry(row: CanonEntry | Mapping[str, str] | Sequence[str]) -> CanonEntry:
    if isinstance(row, CanonEntry):
        return row
    if isinstance(row, Mapping):
        typ, name = row.get("type", ""), row.get("name", "")
        fandom, aliases = row.get("fandom") or None, row.get("aliases") or ""
    else:
        typ, name = row[0], row[1]
        fandom = row[2] if len(row) > 2 and row[2] else None
        aliases = row[3] if len(row) > 3 else ""
    if isinstance(aliases, str):
        alias_t = tuple(a.strip() for a in aliases.split("|") if a.strip())
    else:
        alias_t = tuple(aliases)
    return CanonEntry((typ or "").strip().lower(), (name or "").strip(),
                      (fandom or "").strip() or None, alias_t)
