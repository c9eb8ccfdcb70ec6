"""The archive's canon: loading canonical tags from a CSV, and handing them to the
story analyzer.

CSV format (as in ../shared/acceptance/canon.csv): `type,name,fandom,aliases`, one
tag a row; `type` is fandom, character or relationship; `fandom` names the parent
fandom of a character or relationship; `aliases` are synonyms separated by `|`.
"""

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from quire.understanding.canon import Canon, CanonEntry

from .models import Tag, TagType

CANON_TYPES = {"fandom": TagType.FANDOM, "character": TagType.CHARACTER, "relationship": TagType.RELATIONSHIP}
COLUMNS = ["type", "name", "fandom", "aliases"]


class CanonFileError(Exception):
    """A canon CSV that cannot be loaded; the message names the file and line."""


@dataclass
class CanonRow:
    line: int
    type: str
    name: str
    fandom: str
    aliases: list[str]


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    synonyms: int = 0
    problems: list[str] = field(default_factory=list)


def read_canon_csv(path: Path) -> list[CanonRow]:
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise CanonFileError(
                    f"{path}, line 1: the header lacks {', '.join(missing)}; "
                    f"the first line must be {','.join(COLUMNS)}."
                )
            rows = []
            for record in reader:
                line = reader.line_num
                kind = (record["type"] or "").strip().lower()
                name = " ".join((record["name"] or "").split())
                if kind not in CANON_TYPES:
                    raise CanonFileError(
                        f"{path}, line {line}: type {record['type']!r} is not one of fandom, character, relationship."
                    )
                if not name:
                    raise CanonFileError(f"{path}, line {line}: the name is empty.")
                aliases = [" ".join(a.split()) for a in (record["aliases"] or "").split("|") if a.strip()]
                rows.append(CanonRow(line, kind, name, " ".join((record["fandom"] or "").split()), aliases))
            return rows
    except OSError as exc:
        raise CanonFileError(f"{path}: cannot be read ({exc.strerror}). Check the path.") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise CanonFileError(f"{path}: is not a UTF-8 CSV file ({exc}).") from None


def _canonical_tag(row: CanonRow, report: ImportReport) -> Tag | None:
    tag_type = CANON_TYPES[row.type]
    tag = Tag.objects.named(row.name).first()
    if tag is None:
        report.created += 1
        return Tag.objects.create(name=row.name, type=tag_type, canonical=True)
    if tag.type != tag_type:
        report.problems.append(f"line {row.line}: {row.name!r} is already a {tag.get_type_display()} tag; skipped.")
        return None
    if tag.canonical and tag.synonym_of_id is None:
        report.unchanged += 1
    else:
        tag.canonical, tag.synonym_of = True, None
        tag.save(update_fields=["canonical", "synonym_of"])
        report.updated += 1
    return tag


def _link_synonym(row: CanonRow, tag: Tag, alias: str, report: ImportReport) -> None:
    synonym = Tag.objects.named(alias).first()
    if synonym is None:
        Tag.objects.create(name=alias, type=tag.type, synonym_of=tag)
        report.synonyms += 1
    elif synonym.pk == tag.pk or synonym.synonym_of_id == tag.pk:
        return
    elif synonym.type != tag.type or synonym.canonical:
        report.problems.append(f"line {row.line}: alias {alias!r} is already the tag {synonym.name!r}; left alone.")
    else:
        synonym.synonym_of = tag
        synonym.save(update_fields=["synonym_of"])
        report.synonyms += 1


@transaction.atomic
def import_canon(rows: Iterable[CanonRow]) -> ImportReport:
    """Create or update canonical tags, their fandoms and synonyms. Running it
    twice changes nothing the second time."""
    report = ImportReport()
    rows = list(rows)
    # Fandoms first, so characters and relationships find their parents; every
    # canonical name before any alias, so a canonical tag wins a name over a synonym.
    rows.sort(key=lambda r: r.type != "fandom")
    canonical = [(row, _canonical_tag(row, report)) for row in rows]
    for row, tag in canonical:
        if tag is None or not row.fandom:
            continue
        parent = Tag.objects.of_type(TagType.FANDOM).named(row.fandom).first()
        if parent is None:
            parent = Tag.objects.create(name=row.fandom, type=TagType.FANDOM, canonical=True)
            report.created += 1
        tag.parents.add(parent)
    for row, tag in canonical:
        if tag is None:
            continue
        for alias in row.aliases:
            _link_synonym(row, tag, alias, report)
    return report


def canon_from_database() -> Canon:
    """The archive's canonical fandom, character and relationship tags as the analyzer's Canon."""
    tags = (
        Tag.objects.canonical()
        .filter(type__in=CANON_TYPES.values())
        .prefetch_related("synonyms", "parents")
    )
    entries = []
    for tag in tags:
        fandoms = [p.name for p in tag.parents.all() if p.type == TagType.FANDOM]
        entries.append(
            CanonEntry(
                type=tag.type,
                name=tag.name,
                fandom=fandoms[0] if fandoms else None,
                aliases=tuple(s.name for s in tag.synonyms.all()),
            )
        )
    return Canon(entries)
