"""`quire backup` and `quire restore`: a snapshot taken while the site serves comes
back into an empty data directory (SQLite) or an empty database (PostgreSQL, when
QUIRE_DATABASE_URL is postgres) with every work, chapter, comment, kudos and account."""

import json
import sqlite3
import subprocess
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from quire.interactions import feedback
from tests.core.conftest import QUIRE, quire_env
from tests.factories import make_user, make_work
from tests.interactions.conftest import add_chapter

real_commits = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SUMMARY = "import json; from tests.core.test_backup import summary; print(json.dumps(summary()))"


def summary() -> dict:
    """What a person would check is all there, as plain data."""
    from quire.accounts.models import User
    from quire.interactions.models import Comment, Kudos
    from quire.works.models import Chapter, Work

    return {
        "accounts": sorted(User.objects.values_list("username", flat=True)),
        "works": sorted(Work.objects.values_list("title", flat=True)),
        "chapters": sorted([c.work.title, c.position, c.text] for c in Chapter.objects.select_related("work")),
        "comments": sorted([c.work.title, c.user.username if c.user else c.guest_name, c.text] for c in
                           Comment.objects.select_related("work", "user")),
        "kudos": sorted([k.work.title, k.user.username if k.user else "guest"] for k in
                        Kudos.objects.select_related("work", "user")),
    }  # fmt: skip


def fill_archive():
    amara, corin, dove = make_user("amara"), make_user("corin"), make_user("dove")
    lights = make_work(amara, "Harbour Lights", chapters=["The lamps came on one by one."])
    add_chapter(lights, "By morning the boats were home.")
    roads = make_work(dove, "Salt Roads", chapters=["The road ran white to the sea."])
    feedback.post_comment(lights, lights.chapters.first(), "The lamps! I loved the lamps.", user=corin,
                          actor_key=f"user:{corin.pk}")  # fmt: skip
    feedback.leave_kudos(lights, corin)
    feedback.leave_kudos(roads, amara)
    feedback.leave_kudos(roads, guest_key="guest-1")
    return summary()


@pytest.fixture
def restore_target(tmp_path):
    """Environment for a Quire whose database is empty: a new data directory on
    SQLite, a new database on PostgreSQL (dropped afterwards)."""
    empty_dir = tmp_path / "empty-data"
    empty_dir.mkdir()
    if connection.vendor != "postgresql":
        yield quire_env(empty_dir)
        return
    import psycopg

    s = connection.settings_dict
    name = f"{s['NAME']}_restored"[:63]
    url = f"postgres://{s['USER']}:{s['PASSWORD'] or ''}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"
    admin = f"host={s['HOST'] or '127.0.0.1'} port={s['PORT'] or 5432} user={s['USER']} dbname=postgres"
    if s["PASSWORD"]:
        admin += f" password={s['PASSWORD']}"
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')
    yield quire_env(empty_dir, QUIRE_DATABASE_URL=url)
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def quire(*args, env):
    return subprocess.run([*QUIRE, *args], env=env, capture_output=True, text=True)


@real_commits
def test_a_backup_restores_into_an_empty_archive_with_everything_in_it(tmp_path, restore_target):
    before = fill_archive()
    assert len(before["chapters"]) == 3 and before["comments"] and len(before["kudos"]) == 3
    out = StringIO()
    call_command("backup", str(tmp_path / "archive.backup"), stdout=out)
    assert f"Backup written to {tmp_path / 'archive.backup'}" in out.getvalue()
    assert not list(tmp_path.glob(".*.partial"))

    restored = quire("restore", str(tmp_path / "archive.backup"), env=restore_target)
    assert restored.returncode == 0, restored.stderr
    assert "Restored" in restored.stdout
    after = quire("shell", "-c", SUMMARY, env=restore_target)
    assert after.returncode == 0, after.stderr
    assert json.loads(after.stdout.strip().splitlines()[-1]) == before

    # A second restore would overwrite that archive: refused, naming the file, unless --force.
    again = quire("restore", str(tmp_path / "archive.backup"), env=restore_target)
    assert again.returncode == 1
    assert "already holds an archive" in again.stderr and "archive.backup was not restored" in again.stderr
    assert "--force" in again.stderr and "Traceback" not in again.stderr
    forced = quire("restore", "--force", str(tmp_path / "archive.backup"), env=restore_target)
    assert forced.returncode == 0, forced.stderr
    after = quire("shell", "-c", SUMMARY, env=restore_target)
    assert json.loads(after.stdout.strip().splitlines()[-1]) == before


@pytest.mark.django_db
def test_restore_refuses_what_is_not_a_backup_with_a_clear_message(tmp_path):
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("Shopping: bread, lamp oil.\n")
    with pytest.raises(CommandError, match=r"notes.txt is not a Quire backup"):
        call_command("restore", str(not_a_backup))
    with pytest.raises(CommandError, match=r"There is no backup file at .*missing.backup"):
        call_command("restore", str(tmp_path / "missing.backup"))
    with pytest.raises(CommandError, match=r"the directory .*nowhere does not exist"):
        call_command("backup", str(tmp_path / "nowhere" / "a.backup"))


def test_a_sqlite_backup_taken_while_a_writer_holds_the_lock_is_consistent(data_dir, tmp_path):
    """The site keeps writing during a backup: the backup neither waits for the
    writer nor catches its half-done change."""
    env = quire_env(data_dir)
    db = sqlite3.connect(data_dir / "quire.sqlite3", isolation_level=None)
    db.execute("CREATE TABLE probe (note TEXT)")
    db.execute("INSERT INTO probe VALUES ('committed')")
    db.execute("BEGIN IMMEDIATE")
    db.execute("UPDATE probe SET note = 'half-done'")
    try:
        made = quire("backup", str(tmp_path / "live.backup"), env=env)
    finally:
        db.execute("ROLLBACK")
        db.close()
    assert made.returncode == 0, made.stderr
    assert "pages (100%)" in made.stdout  # progress for long runs
    copy = sqlite3.connect(tmp_path / "live.backup")
    assert copy.execute("SELECT note FROM probe").fetchall() == [("committed",)]
    copy.close()
