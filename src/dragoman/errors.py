"""dragoman's exceptions: one tree, so callers can catch :class:`DragomanError` and nothing else.

DragomanError
├── ConfigError      a setting or option has a value dragoman cannot use
├── InputError       an input cannot be read as an article (the batch records it and goes on)
├── ModelError       the spaCy model is missing or not the pinned one
└── StoreError       the database cannot be opened, migrated or written
    └── MigrationError  the database schema is newer than this dragoman or a migration failed

Messages name the value that is wrong and, where there is one, the fix.
"""

from __future__ import annotations


class DragomanError(Exception):
    """Base class of every error dragoman raises on purpose."""


class ConfigError(DragomanError):
    """A setting, option or filter value that cannot be used."""


class InputError(DragomanError):
    """An input that cannot be read as an article."""


class ModelError(DragomanError):
    """The NLP model cannot be loaded."""


class StoreError(DragomanError):
    """The database cannot be opened, read or written."""


class MigrationError(StoreError):
    """The schema cannot be brought to the version this dragoman needs."""
