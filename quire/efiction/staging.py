"""The dump, staged in a throw-away SQLite file so the migration can take one
story at a time with its chapters and reviews, whatever order the dump lists
tables in, without holding the archive in memory."""

import json
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from . import sqldump

# eFiction table (without "fanfiction_" and any prefix before it) -> the column rows are looked up by.
TABLES = {
    "authors": "uid",
    "categories": "catid",
    "characters": "charid",
    "classes": "class_id",
    "classtypes": "classtype_id",
    "ratings": "rid",
    "stories": "sid",
    "chapters": "sid",
    "reviews": "item",
    "favorites": "uid",
    "series": "seriesid",
    "inseries": "sid",
    "coauthors": "sid",
}


def _key(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class Staging:
    def __init__(self):
        self._dir = tempfile.TemporaryDirectory(prefix="quire-efiction-")
        self.db = sqlite3.connect(Path(self._dir.name) / "staging.sqlite3")
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("CREATE TABLE row (tbl TEXT, k INTEGER, data TEXT)")

    def load(self, dump: Path, encoding: str | None = None, progress: Callable[[int], None] | None = None) -> None:
        batch = []
        for n, (table, row) in enumerate(sqldump.rows(dump, encoding), start=1):
            name = table.rsplit("fanfiction_", 1)[-1] if "fanfiction_" in table else None
            if name in TABLES:
                batch.append((name, _key(row.get(TABLES[name])), json.dumps(row, default=str)))
            if len(batch) >= 2000:
                self.db.executemany("INSERT INTO row VALUES (?, ?, ?)", batch)
                batch = []
            if progress and n % 5000 == 0:
                progress(n)
        self.db.executemany("INSERT INTO row VALUES (?, ?, ?)", batch)
        self.db.execute("CREATE INDEX row_key ON row (tbl, k)")
        self.db.commit()

    def all(self, table: str) -> Iterator[dict]:
        for (data,) in self.db.execute("SELECT data FROM row WHERE tbl = ? ORDER BY k, rowid", (table,)):
            yield json.loads(data)

    def of(self, table: str, key) -> list[dict]:
        rows = self.db.execute("SELECT data FROM row WHERE tbl = ? AND k = ? ORDER BY rowid", (table, _key(key)))
        return [json.loads(data) for (data,) in rows]

    def count(self, table: str) -> int:
        return self.db.execute("SELECT count(*) FROM row WHERE tbl = ?", (table,)).fetchone()[0]

    def close(self) -> None:
        self.db.close()
        self._dir.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
