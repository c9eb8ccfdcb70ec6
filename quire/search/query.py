"""What a reader asked for: a `Query`, read from a listing's GET parameters and
from AO3-style syntax typed into the search box (`words>1000`, `kudos>10`,
`sort:kudos`, `-tag`, `"a phrase"`)."""

import re
import shlex
from dataclasses import dataclass, field, replace
from datetime import date

from django.utils.translation import gettext_lazy, pgettext_lazy

from quire.works.tag_visibility import known_tags

SORTS = {
    "relevance": gettext_lazy("Best match"),
    "updated": gettext_lazy("Date updated"),
    "posted": gettext_lazy("Date posted"),
    "kudos": gettext_lazy("Kudos"),
    "hits": gettext_lazy("Hits"),
    "comments": gettext_lazy("Comments"),
    "bookmarks": gettext_lazy("Bookmarks"),
    "words": gettext_lazy("Word count"),
    "title": gettext_lazy("Title"),
    "creator": pgettext_lazy("sort by", "Creator"),
}
STAT_FIELDS = ("words", "kudos", "hits", "comments", "bookmarks")
CROSSOVER_CHOICES = {
    "": gettext_lazy("Include crossovers"),
    "exclude": gettext_lazy("Exclude crossovers"),
    "only": gettext_lazy("Only crossovers"),
}
COMPLETE_CHOICES = {
    "": gettext_lazy("All works"),
    "complete": gettext_lazy("Complete works only"),
    "in_progress": gettext_lazy("Works in progress only"),
}
ANONYMOUS_CHOICES = {"": gettext_lazy("Include anonymous works"), "exclude": gettext_lazy("Exclude anonymous works")}
PER_PAGE = 20
_COMPARISON = re.compile(r"^(words|kudos|hits|comments|bookmarks)\s*(>=|<=|>|<|=|:)\s*([\d,]+)$", re.I)


@dataclass(frozen=True)
class Query:
    """Everything that decides which works a list shows, and in what order.
    Tag ids are filter tags (canonical ids); `include` are all required."""

    text: str = ""  # full-text terms and phrases, in the search engine's websearch syntax
    include: tuple[int, ...] = ()
    exclude: tuple[int, ...] = ()
    crossover: str = ""
    complete: str = ""
    anonymous: str = ""  # "exclude": leave out works posted anonymously
    language: str = ""
    updated_from: date | None = None
    updated_to: date | None = None
    # (field, op, number) from `words>1000` etc.; op is one of > < >= <= =
    ranges: tuple[tuple[str, str, int], ...] = ()
    sort: str = ""
    page: int = 1
    per_page: int = PER_PAGE
    # Names typed that match no tag: nothing can match an unknown included tag.
    unknown_include: tuple[str, ...] = field(default=())
    # Only works approved into one of these collections (a collection's page and its children).
    collections: tuple[int, ...] = ()
    # False only where a reader asked to see, this once, what their mutes hide.
    mutes: bool = True

    @property
    def effective_sort(self) -> str:
        if self.sort in SORTS and (self.sort != "relevance" or self.text):
            return self.sort
        return "relevance" if self.text else "updated"

    def with_exclusions(self, tag_ids) -> "Query":
        extra = tuple(t for t in tag_ids if t not in self.exclude)
        return replace(self, exclude=self.exclude + extra) if extra else self


def tag_ids_named(names, viewer=None) -> tuple[list[int], list[str]]:
    """The filter tag ids for tag names (a synonym means its canonical tag), and the
    names not found. A tag `viewer` may not know of (used only on drafts, hidden or
    restricted works) counts as not found, so the answer never confirms it exists."""
    if not names:
        return [], []  # most listings name no tags: don't build the known-tags query
    ids: list[int] = []
    missing: list[str] = []
    known = known_tags(viewer)
    for name in names:
        tag = known.named(name).first()
        if tag is None:
            missing.append(name)
        else:
            ids.append(tag.synonym_of_id or tag.pk)
    return ids, missing


def parse_text(text: str, viewer=None) -> dict:
    """Split typed search syntax into the parts of a Query: free text, ranges,
    sort and excluded tags. `-word` excludes the tag of that name when there is
    one, else it is a negated search term."""
    try:
        tokens = shlex.split(text)
    except ValueError:  # an unbalanced quote: read the words as they are
        tokens = text.replace('"', " ").split()
    terms, ranges, exclude_names, include_names, sort = [], [], [], [], ""
    for token in tokens:
        match = _COMPARISON.match(token)
        lower = token.lower()
        if match:
            name, op, number = match.groups()
            op = "=" if op == ":" else op
            ranges.append((name.lower(), op, int(number.replace(",", ""))))
        elif lower.startswith("sort:") and lower[5:].strip() in SORTS:
            sort = lower[5:].strip()
        elif lower.startswith("tag:") and len(token) > 4:
            include_names.append(token[4:])
        elif token.startswith("-") and len(token) > 1:
            exclude_names.append(token[1:])
        elif token.strip():
            terms.append(token)
    exclude_ids, negated_terms = tag_ids_named(exclude_names, viewer)
    include_ids, unknown = tag_ids_named(include_names, viewer)
    words = [f'"{t}"' if " " in t else t for t in terms]
    words += [f'-"{t}"' if " " in t else f"-{t}" for t in negated_terms]
    return {
        "text": " ".join(words) if terms else "",
        "ranges": ranges,
        "sort": sort,
        "exclude": exclude_ids,
        "include": include_ids,
        "unknown_include": unknown,
    }


# Ids and page numbers: plain ASCII digits, and few enough of them to fit any
# database integer ("²" is a digit to str.isdigit, and 10**20 overflows SQLite).
_MAX_DIGITS = 9


def _small_int(value: str) -> int | None:
    if value.isascii() and value.isdigit() and len(value) <= _MAX_DIGITS:
        return int(value)
    return None


def _ints(values) -> list[int]:
    numbers = (_small_int(str(v).strip()) for v in values)
    return [n for n in numbers if n is not None]


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    return _small_int((value or "").replace(",", "").strip())


def _names(value: str | None) -> list[str]:
    return [" ".join(n.split()) for n in (value or "").split(",") if n.strip()]


def query_from_params(
    params, base_include: tuple[int, ...] = (), viewer=None, collections: tuple[int, ...] = ()
) -> Query:
    """A Query from a listing's GET parameters (the filter sidebar's form), with
    tag names resolved as `viewer` may know them (None: as a guest)."""
    if any("\x00" in v for values in params.lists() for v in values[1]):
        # A NUL ends an SQLite string early and PostgreSQL refuses it outright:
        # no field of this form can mean anything with one in it.
        params = params.copy()
        for key, values in list(params.lists()):
            params.setlist(key, [v.replace("\x00", "") for v in values])
    parsed = parse_text(params.get("q", ""), viewer)
    include = list(base_include) + _ints(params.getlist("include")) + parsed["include"]
    named, unknown = tag_ids_named(_names(params.get("include_names")), viewer)
    include += named
    exclude = _ints(params.getlist("exclude")) + parsed["exclude"]
    exclude += tag_ids_named(_names(params.get("exclude_names")), viewer)[0]
    ranges = list(parsed["ranges"])
    words_from, words_to = _int(params.get("words_from")), _int(params.get("words_to"))
    if words_from is not None:
        ranges.append(("words", ">=", words_from))
    if words_to is not None:
        ranges.append(("words", "<=", words_to))
    page = _int(params.get("page")) or 1
    return Query(
        text=parsed["text"],
        include=tuple(dict.fromkeys(include)),
        exclude=tuple(dict.fromkeys(t for t in exclude if t not in include)),
        crossover=params.get("crossover", "") if params.get("crossover") in CROSSOVER_CHOICES else "",
        complete=params.get("complete", "") if params.get("complete") in COMPLETE_CHOICES else "",
        anonymous=params.get("anonymous", "") if params.get("anonymous") in ANONYMOUS_CHOICES else "",
        language=(params.get("language") or "").strip()[:16],
        updated_from=_date(params.get("updated_from")),
        updated_to=_date(params.get("updated_to")),
        ranges=tuple(ranges),
        sort=params.get("sort") if params.get("sort") in SORTS else parsed["sort"],
        page=max(1, page),
        unknown_include=tuple(parsed["unknown_include"] + unknown),
        # A collection's page passes its ids; a saved search keeps them as `collection=`.
        collections=tuple(collections) or tuple(dict.fromkeys(_ints(params.getlist("collection")))),
    )
