"""Read a MySQL dump (mysqldump or phpMyAdmin) as rows, streaming.

Pure Python, no Django: `rows(path)` yields `(table, {column: value})` for every
row of every INSERT, reading the file in chunks so memory stays bounded by the
longest single value, not by the dump. It understands what eFiction archives'
dumps hold: backticks, column lists or none (then the CREATE TABLE order),
multi-row INSERTs, MySQL string escapes (\\', \\\\, \\n, \\0, \\Z...) and
doubled quotes, NULL, numbers and hex literals, comments.

Encoding: a dump that declares latin1 (`SET NAMES latin1`, `CHARSET=latin1`) is
read as Windows-1252, which is what MySQL's "latin1" really is; anything else
is read as UTF-8, and a stray byte that is not UTF-8 is read as Windows-1252
rather than failing the whole migration on one old review.
"""

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

CHUNK = 1 << 20
SNIFF = 1 << 16
WINDOW = 1 << 16  # how far ahead a short token is looked for


def _cp1252_fallback(error: UnicodeDecodeError):
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("quire_cp1252_fallback", _cp1252_fallback)

_LATIN1_DECLARED = re.compile(rb"SET NAMES latin1|CHARSET\s*=\s*latin1", re.I)


def detect_encoding(path: Path) -> str:
    with open(path, "rb") as f:
        head = f.read(SNIFF)
    return "cp1252" if _LATIN1_DECLARED.search(head) else "utf-8"


_STATEMENT = re.compile(
    r"(?P<create>CREATE\s+TABLE(?:\s+IF\s+NOT\s+EXISTS)?)\s+`?(?P<ctable>[\w$]+)`?\s*\("
    r"|(?P<insert>(?:INSERT|REPLACE)(?:\s+(?:IGNORE|DELAYED|LOW_PRIORITY|HIGH_PRIORITY))*\s+INTO)\s+`?(?P<itable>[\w$]+)`?\s*",
    re.I,
)
_COLUMN_LIST = re.compile(r"\(\s*((?:`?[\w$]+`?\s*,\s*)*`?[\w$]+`?)\s*\)\s*", re.S)
_VALUES = re.compile(r"VALUES?\s*", re.I)
_COLUMN_DEF = re.compile(r"^\s*`?([\w$]+)`?\s+[a-zA-Z]", re.M)
_NOT_COLUMNS = {"primary", "key", "unique", "index", "constraint", "fulltext", "foreign", "check", "spatial"}
# Unrolled so a long chapter is one fast scan: runs of plain characters between escapes.
_STRING = re.compile(r"'([^'\\]*(?:(?:\\.|'')[^'\\]*)*)'", re.S)
_BARE = re.compile(r"NULL\b|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]*|[\w.]+", re.I)
_SPACE = re.compile(r"\s*")
_ESCAPE = re.compile(r"\\(.)|''", re.S)
_ESCAPES = {"0": "\0", "b": "\b", "n": "\n", "r": "\r", "t": "\t", "Z": "\x1a"}


def unescape(raw: str) -> str:
    def one(m: re.Match) -> str:
        ch = m.group(1)
        if ch is None:
            return "'"
        if ch in "%_":  # MySQL keeps the backslash before % and _
            return "\\" + ch
        return _ESCAPES.get(ch, ch)

    return _ESCAPE.sub(one, raw) if ("\\" in raw or "''" in raw) else raw


def _bare_value(token: str):
    upper = token.upper()
    if upper == "NULL":
        return None
    if re.fullmatch(r"[-+]?\d+", token):
        return int(token)
    if upper.startswith("0X"):
        return bytes.fromhex(token[2:]).decode("utf-8", errors="replace")
    try:
        return float(token)
    except ValueError:
        return token


class DumpError(ValueError):
    """The dump cannot be read; the message says where."""


class _Reader:
    def __init__(self, f):
        self.f = f
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.consumed = 0  # characters dropped from the front of the buffer

    def fill(self) -> bool:
        if self.eof:
            return False
        chunk = self.f.read(CHUNK)
        if not chunk:
            self.eof = True
            return False
        if self.pos > CHUNK:
            self.consumed += self.pos
            self.buf = self.buf[self.pos :]
            self.pos = 0
        self.buf += chunk
        return True

    def match(self, pattern: re.Pattern, *, unbounded: bool = False) -> re.Match | None:
        """Match at pos, with enough of the file read that the match is whole.

        Short tokens (numbers, keywords, a column list) need only a window ahead;
        a string (`unbounded`) may run past any window, so no match there means
        "read more", up to the end of the file."""
        while len(self.buf) - self.pos < WINDOW and self.fill():
            pass
        while True:
            m = pattern.match(self.buf, self.pos)
            at_end = m is not None and m.end() + 1 > len(self.buf)
            if (at_end or (m is None and unbounded)) and self.fill():
                continue
            return m

    def peek(self) -> str:
        self.skip_space()
        return self.buf[self.pos] if self.pos < len(self.buf) else ""

    def skip_space(self) -> None:
        while True:
            self.pos = _SPACE.match(self.buf, self.pos).end()
            if self.pos < len(self.buf) or not self.fill():
                return

    def where(self) -> str:
        return f"character {self.consumed + self.pos}"


def rows(path: Path | str, encoding: str | None = None) -> Iterator[tuple[str, dict]]:
    """Every row of every INSERT in the dump, in file order, as (table, {column: value})."""
    path = Path(path)
    encoding = encoding or detect_encoding(path)
    columns_of: dict[str, list[str]] = {}
    errors = "quire_cp1252_fallback" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else "replace"
    with open(path, encoding=encoding, errors=errors, newline="") as f:
        r = _Reader(f)
        while True:
            m = _STATEMENT.search(r.buf, r.pos)
            if m is None:
                # Keep a tail in case a keyword straddles the chunk boundary.
                r.pos = max(r.pos, len(r.buf) - 200)
                if not r.fill():
                    return
                continue
            if m.end() + 2000 > len(r.buf) and not r.eof:
                r.fill()
                continue
            r.pos = m.end()
            if m.group("create"):
                table = m.group("ctable")
                columns_of[table] = _read_create(r)
                continue
            table = m.group("itable")
            columns = columns_of.get(table)
            cm = r.match(_COLUMN_LIST)
            if cm and r.buf[cm.end() : cm.end() + 6].upper().startswith("VALUE"):
                columns = [c.strip(" `\n\t") for c in cm.group(1).split(",")]
                r.pos = cm.end()
            vm = r.match(_VALUES)
            if vm is None:
                continue  # INSERT ... SELECT and the like carry no rows
            r.pos = vm.end()
            for values in _read_tuples(r):
                if columns is None:
                    raise DumpError(f"{table}: INSERT without columns and no CREATE TABLE before it ({r.where()})")
                if len(values) != len(columns):
                    raise DumpError(f"{table}: a row has {len(values)} values for {len(columns)} columns ({r.where()})")
                yield table, dict(zip(columns, values, strict=True))


def _read_create(r: _Reader) -> list[str]:
    while True:
        end = r.buf.find("\n)", r.pos)
        if end == -1:
            end = r.buf.find(");", r.pos)
        if end != -1 or not r.fill():
            break
    body = r.buf[r.pos : end if end != -1 else len(r.buf)]
    r.pos = end + 2 if end != -1 else len(r.buf)
    return [name for name in _COLUMN_DEF.findall(body) if name.lower() not in _NOT_COLUMNS]


def _read_tuples(r: _Reader) -> Iterator[list]:
    while True:
        if r.peek() != "(":
            raise DumpError(f"expected '(' to start a row ({r.where()})")
        r.pos += 1
        values = []
        while True:
            ch = r.peek()
            if ch == "'":
                m = r.match(_STRING, unbounded=True)
                if m is None:
                    raise DumpError(f"unterminated string ({r.where()})")
                values.append(unescape(m.group(1)))
            else:
                m = r.match(_BARE)
                if m is None:
                    raise DumpError(f"unreadable value {r.buf[r.pos : r.pos + 20]!r} ({r.where()})")
                values.append(_bare_value(m.group(0)))
            r.pos = m.end()
            ch = r.peek()
            r.pos += 1
            if ch == ",":
                continue
            if ch == ")":
                break
            raise DumpError(f"expected ',' or ')' after a value, found {ch!r} ({r.where()})")
        yield values
        ch = r.peek()
        r.pos += 1
        if ch == ",":
            continue
        if ch in (";", ""):
            return
        raise DumpError(f"expected ',' or ';' after a row, found {ch!r} ({r.where()})")
