"""Numbered schema migrations, each applied once in its own transaction and recorded.

A migration is ``(number, name, apply)``; ``apply`` receives a SQLAlchemy ``Connection`` inside
the transaction. Numbers run 1, 2, 3 ... and a migration, once released, is never edited: a
change to the schema is a new migration appended to :data:`MIGRATIONS`. The DDL here is frozen
history; :mod:`dragoman.store.sql` describes the current schema for its queries.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from dragoman.errors import MigrationError

logger = logging.getLogger(__name__)

WRITE_OPTION = "dragoman_write"  # execution option marking a connection that will write


class Migration(NamedTuple):
    number: int
    name: str
    apply: Callable[[Connection], None]


def _schema_migrations(metadata: sa.MetaData) -> sa.Table:
    return sa.Table(
        "schema_migrations",
        metadata,
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("applied_at", sa.Text, nullable=False),
    )


SCHEMA_MIGRATIONS = _schema_migrations(sa.MetaData())


def _initial(conn: Connection) -> None:
    md = sa.MetaData()
    sa.Table(
        "articles",
        md,
        sa.Column("article_id", sa.Text, primary_key=True),
        sa.Column("content_hash", sa.Text, index=True),
        sa.Column("status", sa.Text, nullable=False),  # 'ok' | 'failed'
        sa.Column("reason", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Text, index=True),  # ISO date
        sa.Column("publisher", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("language", sa.Text),
        sa.Column("origin", sa.Text),
        sa.Column("text", sa.Text),
        sa.Column("raw", sa.Text),
        sa.Column("n_events", sa.Integer, nullable=False, default=0),
        sa.Column("ingested_at", sa.Text, nullable=False),
    )
    sa.Table(
        "mentions",
        md,
        sa.Column(
            "article_id",
            sa.Text,
            sa.ForeignKey("articles.article_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("sentence", sa.Integer, nullable=False),
    )
    sa.Table(
        "events",
        md,
        sa.Column("event_id", sa.Text, primary_key=True),
        sa.Column(
            "article_id",
            sa.Text,
            sa.ForeignKey("articles.article_id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("type", sa.Text, nullable=False, index=True),
        sa.Column("mode", sa.Text),
        sa.Column("factuality", sa.Text, nullable=False),
        sa.Column("announced", sa.Integer),  # NULL, 0 or 1
        sa.Column("date_start", sa.Text),  # ISO dates
        sa.Column("date_end", sa.Text),
        sa.Column("place_name", sa.Text),
        sa.Column("place_text", sa.Text),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("record", sa.Text, nullable=False),  # records.event_record as JSON
    )
    sa.Table(
        "event_arguments",
        md,
        sa.Column(
            "event_id",
            sa.Text,
            sa.ForeignKey("events.event_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("role", sa.Text, primary_key=True),  # 'actor' | 'recipient'
        sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("actor_id", sa.Text),
        sa.Column("country", sa.Text),
        sa.Column("sector", sa.Text),
    )
    sa.Table(
        "event_sources",
        md,
        sa.Column(
            "event_id",
            sa.Text,
            sa.ForeignKey("events.event_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("cue", sa.Text),
    )
    md.create_all(conn)


def _mention_actors(conn: Connection) -> None:
    """Who each named mention is: the actor it resolves to (name, id, country, sector)."""
    for column in ("actor_name", "actor_id", "country", "sector"):
        conn.execute(sa.text(f"ALTER TABLE mentions ADD COLUMN {column} TEXT"))


def _mention_words(conn: Connection) -> None:
    """The words of a mention's actor and whether it is a person, and the mention's token
    range, so that a stored mention comes back as it was extracted."""
    conn.execute(sa.text("ALTER TABLE mentions ADD COLUMN actor_text TEXT"))
    conn.execute(sa.text("ALTER TABLE mentions ADD COLUMN person INTEGER"))
    for column in ("token_start", "token_end"):
        conn.execute(sa.text(f"ALTER TABLE mentions ADD COLUMN {column} INTEGER"))


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial", _initial),
    Migration(2, "mention actors", _mention_actors),
    Migration(3, "mention persons and token ranges", _mention_words),
)


def _check_sequence(migrations: Sequence[Migration]) -> None:
    numbers = [m.number for m in migrations]
    if numbers != list(range(1, len(numbers) + 1)):
        raise MigrationError(f"migrations must be numbered 1, 2, 3 ... in order, got {numbers}")


def current_version(conn: Connection) -> int:
    """The highest applied migration, 0 for a database without the table."""
    if not sa.inspect(conn).has_table("schema_migrations"):
        return 0
    return conn.scalar(sa.select(sa.func.max(SCHEMA_MIGRATIONS.c.version))) or 0


@contextmanager
def begin_write(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write; SQLite takes the write lock up front (``BEGIN IMMEDIATE``,
    see :mod:`dragoman.store.sql`) so that two writers wait for each other instead of failing."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            yield conn


def migrate(engine: Engine, where: str, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply the pending migrations in order and return the schema version reached.

    ``where`` names the database in messages. Raises :class:`MigrationError` when the database
    is newer than ``migrations`` know or a migration fails (its transaction is rolled back).
    """
    _check_sequence(migrations)
    known = len(migrations)
    with begin_write(engine) as conn:
        SCHEMA_MIGRATIONS.create(conn, checkfirst=True)
        version = current_version(conn)
    if version > known:
        raise MigrationError(
            f"{where}: database schema version {version} is newer than this dragoman "
            f"(knows up to {known}): upgrade dragoman"
        )
    for migration in migrations[version:]:
        with begin_write(engine) as conn:
            if current_version(conn) >= migration.number:
                continue  # another process applied it meanwhile
            try:
                migration.apply(conn)
            except sa.exc.SQLAlchemyError as exc:
                raise MigrationError(
                    f"{where}: migration {migration.number} ({migration.name}) failed: "
                    f"{getattr(exc, 'orig', None) or exc}"
                ) from exc
            conn.execute(
                SCHEMA_MIGRATIONS.insert(),
                {
                    "version": migration.number,
                    "name": migration.name,
                    "applied_at": datetime.now(UTC).isoformat(timespec="seconds"),
                },
            )
        version = migration.number
        logger.info("%s: applied migration %d (%s)", where, version, migration.name)
    return version
