"""Database sessions for threads: peewee keeps one connection per thread, so work run
on a worker thread opens its own and closes it when done."""

from lifecrm_gui.store.models import database


def thread_connection():
    """A context manager for work on a worker thread: `with thread_connection(): ...`."""
    return database.connection_context()


def database_path() -> str:
    return str(database.obj.database) if database.obj is not None else ""
