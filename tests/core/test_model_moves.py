"""Blocks and mutes moved from interactions to accounts, and the search change log
from search to works (issue 11). An archive that already has rows migrates in
place: the rows are read through the new models, with no copy and no rename."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from quire.accounts.models import Block, Mute
from quire.works.models import WorkChange
from tests.factories import make_user, make_work

BEFORE = [
    ("accounts", "0007_merge_20261201_2039"),
    ("interactions", "0008_merge_20261201_2039"),
    ("works", "0005_merge_20261201_2039"),
    ("search", "0003_search_change"),
]

# Migrations run their own schema changes: this test commits, like the worker tests.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_rows_written_before_the_moves_are_read_after_them():
    author, reader = make_user("author"), make_user("reader")
    work = make_work(author, "Kept")
    latest = [key for key in MigrationExecutor(connection).loader.graph.leaf_nodes() if key[0] in dict(BEFORE)]
    old = _migrate(BEFORE)
    try:
        assert "block" in old.all_models["interactions"]  # the control: the old models are back
        old.get_model("interactions", "Block").objects.create(blocker_id=author.pk, blocked_id=reader.pk)
        old.get_model("interactions", "Mute").objects.create(muter_id=reader.pk, muted_id=author.pk)
        old.get_model("search", "SearchChange").objects.create(work_id=work.pk)
    finally:
        _migrate(latest)
    assert Block.objects.filter(blocker=author, blocked=reader).exists()
    assert Mute.objects.filter(muter=reader, muted=author).exists()
    assert WorkChange.objects.filter(work_id=work.pk).exists()
    assert {Block._meta.db_table, Mute._meta.db_table, WorkChange._meta.db_table} == {
        "interactions_block",
        "interactions_mute",
        "search_searchchange",
    }
