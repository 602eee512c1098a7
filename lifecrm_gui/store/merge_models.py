"""Models of the merge tables (store/merge_schema.py creates them)."""

from peewee import DateTimeField, ForeignKeyField, TextField

from .models import BaseModel, Client, new_uuid, now


class MergeLog(BaseModel):
    """One merge of another LifeCRM database: which database (its database_uuid
    setting) holding what (a digest of its rows), and what it did."""
    uuid = TextField(unique=True, default=new_uuid)
    source_uuid = TextField()
    source_digest = TextField()
    source_path = TextField(default="")
    merged_at = DateTimeField(default=now)
    backup_path = TextField(null=True)
    summary = TextField(default="{}")  # JSON

    class Meta:
        table_name = "merge_log"
        indexes = ((("source_uuid", "source_digest"), True),)


class MergeConflict(BaseModel):
    """A field where the incoming record and ours both hold a value and differ;
    `ours` and `theirs` are JSON. Status: open, kept (ours), taken (theirs)."""
    merge = ForeignKeyField(MergeLog, backref="conflicts", on_delete="CASCADE")
    client = ForeignKeyField(Client, on_delete="CASCADE")
    field = TextField()
    ours = TextField(null=True)
    theirs = TextField()
    status = TextField(default="open", index=True)
    resolved_at = DateTimeField(null=True)

    class Meta:
        table_name = "merge_conflict"
        indexes = ((("client", "field", "theirs"), True),)


class MergeAlias(BaseModel):
    """An incoming client's UUID that was matched to one of our clients."""
    uuid = TextField(primary_key=True)
    client = ForeignKeyField(Client, on_delete="CASCADE")
    merge = ForeignKeyField(MergeLog, null=True, on_delete="SET NULL")

    class Meta:
        table_name = "merge_alias"


MERGE_MODELS = (MergeLog, MergeConflict, MergeAlias)
