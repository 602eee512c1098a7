"""Garbage collection held off while charts are imported and drawn."""

import gc
from contextlib import contextmanager


@contextmanager
def collection_paused():
    """No automatic garbage collection meanwhile. Importing matplotlib and drawing charts
    make objects by the hundred thousand, and the collector's passes over them cost tenths
    of a second while a person waits (about 0.3 s of a report). What they leave is
    collected on a later pass."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
