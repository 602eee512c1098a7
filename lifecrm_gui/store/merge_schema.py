"""Schema step for merging field databases: the log of merges, the review list of
conflicting fields, and the aliases by which incoming client UUIDs map to clients
of this database."""

MERGE_TABLES = """
CREATE TABLE merge_log (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    source_uuid TEXT NOT NULL,
    source_digest TEXT NOT NULL,
    source_path TEXT NOT NULL DEFAULT '',
    merged_at DATETIME NOT NULL,
    backup_path TEXT,
    summary TEXT NOT NULL DEFAULT '{}'
);
CREATE UNIQUE INDEX merge_log_source ON merge_log (source_uuid, source_digest);

CREATE TABLE merge_conflict (
    id INTEGER PRIMARY KEY,
    merge_id INTEGER NOT NULL REFERENCES merge_log (id) ON DELETE CASCADE,
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    ours TEXT,
    theirs TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    resolved_at DATETIME
);
CREATE UNIQUE INDEX merge_conflict_value ON merge_conflict (client_id, field, theirs);
CREATE INDEX merge_conflict_status ON merge_conflict (status);

CREATE TABLE merge_alias (
    uuid TEXT PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    merge_id INTEGER REFERENCES merge_log (id) ON DELETE SET NULL
);
CREATE INDEX merge_alias_client_id ON merge_alias (client_id)
"""


def migrate(conn) -> None:
    """Create the merge tables on a sqlite3 connection (run inside the migration's transaction)."""
    for statement in MERGE_TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)
