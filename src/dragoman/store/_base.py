"""The storage interface: what the pipeline and the API ask of a database, whatever it is.

:class:`Store` is the one contract; :mod:`dragoman.store.sql` implements it over SQLAlchemy
(SQLite by default, PostgreSQL by URL). :class:`EventFilter` carries the query options the CLI
and the HTTP API accept, already parsed.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from types import TracebackType
from typing import Any, Literal

from dragoman.types import Article, Event, Failure, Mention

SaveStatus = Literal["ingested", "duplicate", "updated", "failed"]
ARTICLE_STATUSES: tuple[str, ...] = ("ok", "failed")
NO_SOURCE = "none"  # the ``source_kind`` value that selects events with no attribution


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to read; every condition given must hold (values within one are any-of).

    ``since``/``until`` keep events whose date range overlaps ``[since, until]``; an event
    without a date falls back to its article's published date, and one with neither is left
    out whenever ``since`` or ``until`` is given.
    """

    types: tuple[str, ...] = ()  # PLOVER types
    actor: str | None = None  # case-insensitive substring of an actor's or recipient's name/text
    place: str | None = None  # case-insensitive substring of the place's name or text
    since: date | None = None
    until: date | None = None
    article: str | None = None  # article id
    factuality: tuple[str, ...] = ()
    source_kind: tuple[str, ...] = ()  # attribution source kinds; "none": no attribution
    limit: int | None = None


ALL_EVENTS = EventFilter()


class Store(ABC):
    """An event database: articles with their events, and the inputs that failed."""

    @abstractmethod
    def save(self, article: Article) -> SaveStatus:
        """Store an article, its mentions and events in one transaction.

        Returns ``"ingested"`` (new, or replacing a failed row), ``"updated"`` (same id, new
        text: the old events are replaced) or ``"duplicate"`` (the same text is already stored,
        under this id or another; nothing is written).
        """

    @abstractmethod
    def save_failure(self, failure: Failure) -> SaveStatus:
        """Record an input that failed: ``"failed"``, or ``"duplicate"`` when the same failure
        is already there or a good article holds that id (which is never overwritten)."""

    @abstractmethod
    def events(self, flt: EventFilter = ALL_EVENTS) -> Iterator[Event]:
        """Events matching ``flt``, by article published date, article id, evidence start."""

    @abstractmethod
    def articles(self, article_id: str | None = None, status: str = "ok") -> Iterator[Article]:
        """Stored articles with their kept text and metadata (no tokens, mentions or events).

        ``status`` is ``"ok"`` or ``"failed"``; a failed row comes back with empty text (its raw
        input is in :meth:`failures`).
        """

    @abstractmethod
    def mentions(self, article_id: str | None = None) -> Iterator[tuple[str, Mention]]:
        """(article id, mention) for every stored entity mention, with the actor it names."""

    @abstractmethod
    def failures(self) -> Iterator[Failure]:
        """Every recorded failure, oldest first."""

    @abstractmethod
    def stats(self) -> dict[str, Any]:
        """Counts for a summary, JSON-ready.

        Keys: ``articles`` (ok), ``failed``, ``events``, ``by_type``, ``by_factuality``,
        ``schema_version``, ``first_published`` and ``last_published`` (ISO dates or None).
        """

    @abstractmethod
    def close(self) -> None:
        """Release the connections; the store cannot be used afterwards."""

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
