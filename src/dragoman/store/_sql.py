"""The :class:`Store` over SQLAlchemy Core: SQLite by default, any SQLAlchemy URL otherwise.

The queries stay portable (no SQLite-only SQL); what SQLite needs is set up once, per
connection, in :func:`_sqlite_setup`: foreign keys, WAL, Unicode-aware ``lower()``, and SQLAlchemy
emitting ``BEGIN`` itself so that migrations run in real transactions. Events are stored as
their JSON record (:func:`dragoman.records.event_record`) plus the columns the filters need.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, Row

from dragoman.errors import ConfigError, MigrationError, StoreError
from dragoman.records import event_from_record
from dragoman.store._base import (
    ALL_EVENTS,
    ARTICLE_STATUSES,
    NO_SOURCE,
    EventFilter,
    SaveStatus,
    Store,
)
from dragoman.store._migrations import (
    MIGRATIONS,
    WRITE_OPTION,
    Migration,
    begin_write,
    current_version,
    migrate,
)
from dragoman.store._rows import (
    article_from_row,
    articles,
    delete_article,
    event_arguments,
    event_sources,
    events,
    failure_from_row,
    insert_article,
    mention_from_row,
    mentions,
    now,
)
from dragoman.types import Article, Event, Failure, Mention

logger = logging.getLogger(__name__)

RAW_LIMIT = 10_000  # characters of a failed input kept for inspection
_BATCH = 500  # rows fetched at a time when streaming
_T = TypeVar("_T")


def open_store(
    db: str | os.PathLike[str], *, migrations: Sequence[Migration] = MIGRATIONS
) -> SQLStore:
    """Open (creating if need be) the database ``db`` and bring its schema up to date.

    ``db`` is a file path (a SQLite file; its folder is created) or a SQLAlchemy URL (anything
    with ``://``). ``migrations`` is for tests and tools; the default is dragoman's schema.
    """
    url, where = _resolve(db)
    connect_args = {"timeout": 30} if url.get_backend_name() == "sqlite" else {}
    try:
        engine = sa.create_engine(url, connect_args=connect_args)
    except ImportError as exc:
        raise StoreError(f"{where}: the database driver is not installed ({exc})") from exc
    if engine.dialect.name == "sqlite":
        _sqlite_setup(engine)
    try:
        version = migrate(engine, where, migrations)
    except MigrationError:
        engine.dispose()
        raise
    except sa.exc.SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"{where}: cannot open the database: {_reason(exc)}") from exc
    return SQLStore(engine, where, version)


def _resolve(db: str | os.PathLike[str]) -> tuple[sa.URL, str]:
    """The SQLAlchemy URL for ``db`` and how messages should name it (no password)."""
    spec = os.fspath(db)
    if "://" in spec:
        try:
            url = sa.make_url(spec)
        except sa.exc.ArgumentError as exc:
            raise StoreError(f"{spec!r} is not a database URL: {exc}") from exc
        return url, url.render_as_string(hide_password=True)
    path = os.path.abspath(os.path.expanduser(spec))
    if os.path.isdir(path):
        raise StoreError(
            f"{path} is a folder, not a database file: give a file path such as "
            f"{os.path.join(path, 'dragoman.db')}"
        )
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{path}: cannot create the folder for the database: {exc}") from exc
    return sa.URL.create("sqlite", database=path), path


def _lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _sqlite_setup(engine: Engine) -> None:
    """Per-connection SQLite settings (the one SQLite-specific part of the store)."""

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN itself (see _on_begin)
        dbapi_conn.create_function("lower", 1, _lower, deterministic=True)  # Unicode-aware
        cursor = dbapi_conn.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _reason(exc: sa.exc.SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig) if orig is not None else str(exc).splitlines()[0]


def _icontains(column: sa.ColumnElement[str], needle: str) -> sa.ColumnElement[bool]:
    return sa.func.lower(column).contains(needle.lower(), autoescape=True)


def _nulls_last(column: sa.ColumnElement[Any]) -> sa.ColumnElement[int]:
    return sa.case((column.is_(None), 1), else_=0)


class SQLStore(Store):
    """A :class:`Store` on one SQLAlchemy engine; build it with :func:`open_store`."""

    def __init__(self, engine: Engine, where: str, schema_version: int) -> None:
        self._engine = engine
        self._where = where
        self._schema_version = schema_version
        self._closed = False

    def __repr__(self) -> str:
        return f"SQLStore({self._where!r})"

    @property
    def location(self) -> str:
        """The database's path or URL (password hidden)."""
        return self._where

    @contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        self._check_open()
        try:
            yield
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"{self._where}: cannot {action}: {_reason(exc)}") from exc

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError(f"{self._where}: the store is closed")

    def save(self, article: Article) -> SaveStatus:
        aid, digest = article.article_id, article.content_hash
        with self._guard(f"save article {aid!r}"), begin_write(self._engine) as conn:
            row = conn.execute(
                sa.select(articles.c.status, articles.c.content_hash).where(
                    articles.c.article_id == aid
                )
            ).first()
            if row is not None and row.status == "ok" and row.content_hash == digest:
                return "duplicate"
            twin = conn.scalar(
                sa.select(articles.c.article_id)
                .where(
                    articles.c.content_hash == digest,
                    articles.c.status == "ok",
                    articles.c.article_id != aid,
                )
                .limit(1)
            )
            if twin is not None:
                logger.info("article %r has the same text as %r: kept once", aid, twin)
                return "duplicate"
            if row is not None:
                delete_article(conn, aid)
            insert_article(conn, article, digest)
        return "updated" if row is not None and row.status == "ok" else "ingested"

    def save_failure(self, failure: Failure) -> SaveStatus:
        aid = failure.article_id
        with self._guard(f"record the failure of {aid!r}"), begin_write(self._engine) as conn:
            row = conn.execute(
                sa.select(articles.c.status, articles.c.reason).where(articles.c.article_id == aid)
            ).first()
            if row is not None and row.status == "ok":
                logger.info("article %r is stored; its failure (%s) is not", aid, failure.reason)
                return "duplicate"
            if row is not None and row.reason == failure.reason:
                return "duplicate"
            if row is not None:
                delete_article(conn, aid)
            conn.execute(
                sa.insert(articles),
                {
                    "article_id": aid,
                    "content_hash": None,
                    "status": "failed",
                    "reason": failure.reason,
                    "origin": failure.origin,
                    "raw": failure.raw[:RAW_LIMIT] if failure.raw is not None else None,
                    "n_events": 0,
                    "ingested_at": now(),
                },
            )
        return "failed"

    def events(self, flt: EventFilter = ALL_EVENTS) -> Iterator[Event]:
        return self._stream(event_query(flt), "read events", self._event)

    def _event(self, row: Row[Any]) -> Event:
        try:
            return event_from_record(json.loads(row.record))
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreError(
                f"{self._where}: event {row.event_id!r} has an unreadable record: {exc!r}"
            ) from exc

    def articles(self, article_id: str | None = None, status: str = "ok") -> Iterator[Article]:
        if status not in ARTICLE_STATUSES:
            raise ConfigError(f"article status must be 'ok' or 'failed', not {status!r}")
        query = sa.select(articles).where(articles.c.status == status)
        if article_id is not None:
            query = query.where(articles.c.article_id == article_id)
        query = query.order_by(
            _nulls_last(articles.c.published), articles.c.published, articles.c.article_id
        )
        return self._stream(query, "read articles", article_from_row)

    def mentions(self, article_id: str | None = None) -> Iterator[tuple[str, Mention]]:
        query = sa.select(mentions)
        if article_id is not None:
            query = query.where(mentions.c.article_id == article_id)
        query = query.order_by(mentions.c.article_id, mentions.c.position)
        return self._stream(query, "read mentions", mention_from_row)

    def failures(self) -> Iterator[Failure]:
        query = (
            sa.select(articles)
            .where(articles.c.status == "failed")
            .order_by(articles.c.ingested_at, articles.c.article_id)
        )
        return self._stream(query, "read failures", failure_from_row)

    def _stream(
        self, query: sa.Select[Any], action: str, convert: Callable[[Row[Any]], _T]
    ) -> Iterator[_T]:
        self._check_open()  # now, not at the first next()
        return self._rows(query, action, convert)

    def _rows(
        self, query: sa.Select[Any], action: str, convert: Callable[[Row[Any]], _T]
    ) -> Iterator[_T]:
        with self._guard(action), self._engine.connect() as conn:
            for row in conn.execution_options(yield_per=_BATCH).execute(query):
                yield convert(row)

    def stats(self) -> dict[str, Any]:
        count = sa.func.count().label("n")
        with self._guard("read statistics"), self._engine.connect() as conn:
            by_status: dict[str, int] = dict(
                conn.execute(sa.select(articles.c.status, count).group_by(articles.c.status)).all()
            )
            first, last = conn.execute(
                sa.select(
                    sa.func.min(articles.c.published), sa.func.max(articles.c.published)
                ).where(articles.c.status == "ok")
            ).one()

            def tally(column: sa.ColumnClause[str]) -> dict[str, int]:
                query = sa.select(column, count).group_by(column).order_by(count.desc(), column)
                return dict(conn.execute(query).all())

            by_type = tally(events.c.type)
            by_factuality = tally(events.c.factuality)
            version = current_version(conn)
        return {
            "articles": by_status.get("ok", 0),
            "failed": by_status.get("failed", 0),
            "events": sum(by_type.values()),
            "by_type": by_type,
            "by_factuality": by_factuality,
            "schema_version": version,
            "first_published": first,
            "last_published": last,
        }

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._engine.dispose()


def event_query(flt: EventFilter) -> sa.Select[Any]:
    """The SELECT for :meth:`SQLStore.events`: every condition of ``flt``, portable SQL."""
    if flt.limit is not None and flt.limit < 0:
        raise ConfigError(f"limit must be 0 or more, not {flt.limit}")
    e, published = events.c, articles.c.published
    query = sa.select(e.event_id, e.record).select_from(
        events.join(articles, articles.c.article_id == e.article_id)
    )
    if flt.types:
        query = query.where(e.type.in_(flt.types))
    if flt.factuality:
        query = query.where(e.factuality.in_(flt.factuality))
    if flt.article is not None:
        query = query.where(e.article_id == flt.article)
    if flt.actor:
        args = event_arguments.c
        query = query.where(
            sa.select(args.event_id)
            .where(
                args.event_id == e.event_id,
                sa.or_(_icontains(args.name, flt.actor), _icontains(args.text, flt.actor)),
            )
            .exists()
        )
    if flt.place:
        query = query.where(
            sa.or_(_icontains(e.place_name, flt.place), _icontains(e.place_text, flt.place))
        )
    # An event's interval; a missing end borrows the other, and no date at all the published one.
    start = sa.func.coalesce(e.date_start, e.date_end, published)
    end = sa.func.coalesce(e.date_end, e.date_start, published)
    if flt.since is not None:
        query = query.where(end >= flt.since.isoformat())
    if flt.until is not None:
        query = query.where(start <= flt.until.isoformat())
    if flt.source_kind:
        query = query.where(_source_kind(flt.source_kind))
    query = query.order_by(
        _nulls_last(published), published, e.article_id, e.evidence_start, e.event_id
    )
    if flt.limit is not None:
        query = query.limit(flt.limit)
    return query


def _source_kind(kinds: tuple[str, ...]) -> sa.ColumnElement[bool]:
    src = event_sources.c
    own = sa.select(src.event_id).where(src.event_id == events.c.event_id)
    named = [k for k in kinds if k != NO_SOURCE]
    either: list[sa.ColumnElement[bool]] = []
    if named:
        either.append(own.where(src.kind.in_(named)).exists())
    if NO_SOURCE in kinds:
        either.append(~own.exists())
    return sa.or_(*either)
