"""The full-text index over SearchDocument, in each database's own way:
an external-content FTS5 table kept in step by triggers on SQLite, a generated
weighted tsvector column with a GIN index on PostgreSQL."""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, summary, notes, tags, creators, body,
        content='search_searchdocument', content_rowid='work_id', tokenize='porter unicode61'
    )""",
    """CREATE TRIGGER search_fts_ai AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, title, summary, notes, tags, creators, body)
        VALUES (new.work_id, new.title, new.summary, new.notes, new.tags, new.creators, new.body);
    END""",
    """CREATE TRIGGER search_fts_ad AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, notes, tags, creators, body)
        VALUES ('delete', old.work_id, old.title, old.summary, old.notes, old.tags, old.creators, old.body);
    END""",
    """CREATE TRIGGER search_fts_au AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, notes, tags, creators, body)
        VALUES ('delete', old.work_id, old.title, old.summary, old.notes, old.tags, old.creators, old.body);
        INSERT INTO search_fts(rowid, title, summary, notes, tags, creators, body)
        VALUES (new.work_id, new.title, new.summary, new.notes, new.tags, new.creators, new.body);
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_fts_au",
    "DROP TRIGGER IF EXISTS search_fts_ad",
    "DROP TRIGGER IF EXISTS search_fts_ai",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES = [
    """ALTER TABLE search_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(tags, '') || ' ' || coalesce(creators, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(summary, '') || ' ' || coalesce(notes, '')), 'C') ||
        setweight(to_tsvector('english', left(coalesce(body, ''), 300000)), 'D')
    ) STORED""",
    "CREATE INDEX search_document_vector ON search_searchdocument USING GIN (vector)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
