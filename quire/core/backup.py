"""Backups: a consistent snapshot of the whole archive while it is serving, and
bringing one back into an empty database.

SQLite: the online backup API copies the database page by page through a
connection; if another connection writes meanwhile, SQLite starts the copy over,
so the file is always one committed state. PostgreSQL: `pg_dump` in its custom
format, which reads inside one repeatable-read transaction, and `pg_restore`.
A backup is written beside its destination and renamed into place only when
complete, so an interrupted backup never leaves a half-written file under the
name you gave.
"""

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

from django.db import connection

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
PAGES_PER_STEP = 1024  # 4 MB at SQLite's default page size: small steps let writers in between


class BackupError(Exception):
    """A backup or restore that can't go ahead; the message says why, naming the file."""


Progress = Callable[[str], None]


def _percent_reporter(progress: Progress, verb: str):
    last = {"shown": -1}

    def report(status, remaining, total):
        if not total:
            return
        percent = int(100 * (total - remaining) / total)
        if percent >= last["shown"] + 10 or remaining == 0:
            last["shown"] = percent
            progress(f"{verb} {total - remaining} of {total} pages ({percent}%)")

    return report


def _partial(path: Path) -> Path:
    return path.with_name(f".{path.name}.partial")


def _kind_of(path: Path) -> str:
    with path.open("rb") as f:
        head = f.read(16)
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    return "unknown"


def _pg_env(settings_dict) -> dict:
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return env


def _pg_args(settings_dict) -> list[str]:
    args = []
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    return [*args, "--dbname", str(settings_dict["NAME"])]


def _pg_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} was not found. Install PostgreSQL's client tools (on Debian: apt-get install postgresql-client)."
        )
    return path


def _run_pg_tool(args: list[str], env: dict, progress: Progress, failure: str) -> None:
    """Run pg_dump or pg_restore with --verbose, passing each step on as progress."""
    process = subprocess.Popen(args, env=env, stderr=subprocess.PIPE, text=True, errors="replace")  # noqa: S603
    errors = []
    for line in process.stderr:
        line = line.rstrip()
        if not line:
            continue
        if "error" in line.lower() or "fatal" in line.lower():
            errors.append(line)
        progress(line)
    if process.wait() != 0:
        detail = errors[-1] if errors else f"exit code {process.returncode}"
        raise BackupError(f"{failure}: {detail}")


def existing_tables() -> list[str]:
    connection.ensure_connection()
    return connection.introspection.table_names()


# --- backup ---------------------------------------------------------------------------------


def backup(destination: Path, progress: Progress = print) -> Path:
    """Write a snapshot of the configured database to `destination`."""
    destination = Path(destination).resolve()
    if destination.is_dir():
        raise BackupError(f"{destination} is a directory; give the backup file's name, e.g. {destination}/quire.backup")
    if not destination.parent.is_dir():
        raise BackupError(f"Can't write {destination}: the directory {destination.parent} does not exist.")
    partial = _partial(destination)
    try:
        if connection.vendor == "sqlite":
            _backup_sqlite(partial, progress)
        else:
            _backup_postgresql(partial, progress)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, destination)
    return destination


def _backup_sqlite(partial: Path, progress: Progress) -> None:
    connection.ensure_connection()
    source = connection.connection
    partial.unlink(missing_ok=True)
    target = sqlite3.connect(partial)
    try:
        source.backup(target, pages=PAGES_PER_STEP, progress=_percent_reporter(progress, "Copied"))
        # The copy keeps WAL mode; a single file is easier to move and restore.
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()


def _backup_postgresql(partial: Path, progress: Progress) -> None:
    settings_dict = connection.settings_dict
    args = [_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--verbose", "--file", str(partial)]
    _run_pg_tool([*args, *_pg_args(settings_dict)], _pg_env(settings_dict), progress, "pg_dump failed")


# --- restore --------------------------------------------------------------------------------


def restore(source: Path, *, force: bool = False, progress: Progress = print) -> None:
    """Bring the backup in `source` back into the configured database, which must be
    empty unless `force` (then everything in it is replaced)."""
    source = Path(source).resolve()
    if not source.is_file():
        raise BackupError(f"There is no backup file at {source}.")
    kind = _kind_of(source)
    if kind == "unknown":
        raise BackupError(f"{source} is not a Quire backup (neither an SQLite database nor a pg_dump archive).")
    vendor = "sqlite" if connection.vendor == "sqlite" else "postgresql"
    if kind != vendor:
        names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
        raise BackupError(
            f"{source} is a {names[kind]} backup, but this archive uses {names[vendor]}. "
            f"Point QUIRE_DATABASE_URL at a {names[kind]} database to restore it."
        )
    tables = existing_tables()
    if tables and not force:
        raise BackupError(
            f"The database {connection.settings_dict['NAME']} already holds an archive ({len(tables)} tables), "
            f"so {source} was not restored. Restore into an empty data directory or database, "
            "or add --force to replace everything in it."
        )
    if vendor == "sqlite":
        _restore_sqlite(source, progress)
    else:
        _restore_postgresql(source, force=bool(tables), progress=progress)


def _restore_sqlite(source: Path, progress: Progress) -> None:
    backup_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        try:
            check = backup_db.execute("PRAGMA quick_check").fetchone()[0]
            has_migrations = backup_db.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'django_migrations'"
            ).fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise BackupError(f"{source} can't be read as a database ({exc}).") from None
        if check != "ok":
            raise BackupError(f"{source} is damaged (SQLite's check says: {check}); it was not restored.")
        if not has_migrations:
            raise BackupError(f"{source} is an SQLite database but not a Quire archive; it was not restored.")
        connection.ensure_connection()
        target = connection.connection
        backup_db.backup(target, pages=PAGES_PER_STEP, progress=_percent_reporter(progress, "Restored"))
        # The backup carries the journal mode it was written with; the site runs in WAL.
        target.execute("PRAGMA journal_mode=WAL")
    finally:
        backup_db.close()
    connection.close()


def _restore_postgresql(source: Path, *, force: bool, progress: Progress) -> None:
    settings_dict = connection.settings_dict
    connection.close()
    args = [_pg_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", "--verbose"]
    if force:
        args += ["--clean", "--if-exists"]
    args += [*_pg_args(settings_dict), str(source)]
    _run_pg_tool(args, _pg_env(settings_dict), progress, f"pg_restore could not restore {source}")
