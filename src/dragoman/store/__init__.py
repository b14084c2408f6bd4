"""Where events are kept: the :class:`Store` interface and its SQLAlchemy implementation.

``open_store("dragoman.db")`` opens (or creates) a SQLite file; a SQLAlchemy URL such as
``postgresql+psycopg://...`` opens that database instead. Either way pending schema migrations
run on open.
"""

from dragoman.store._base import EventFilter, SaveStatus, Store
from dragoman.store._migrations import MIGRATIONS, Migration
from dragoman.store._sql import SQLStore, open_store

__all__ = [
    "MIGRATIONS",
    "EventFilter",
    "Migration",
    "SQLStore",
    "SaveStatus",
    "Store",
    "open_store",
]
