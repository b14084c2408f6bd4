"""The Python API. The CLI (and later the HTTP API) are thin shells over these functions.

>>> import dragoman
>>> summary = dragoman.ingest(["articles/"], db="events.db")
>>> for event in dragoman.events(db="events.db", types=["CONSULT"]):
...     print(event.type, [a.name for a in event.actor])
>>> dragoman.extract("Russia's foreign minister met his Turkish counterpart on Tuesday.")
"""

from __future__ import annotations

import csv
import gc
import io
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

from dragoman.actors import default_base
from dragoman.errors import ConfigError
from dragoman.ingest import read
from dragoman.pipeline import Pipeline, build
from dragoman.records import article_record, event_record, mention_record
from dragoman.settings import Settings
from dragoman.store import EventFilter, Store, open_store
from dragoman.types import FACTUALITIES, PLOVER_TYPES, Article, Event, Failure, Mention

log = logging.getLogger(__name__)

Input = str | os.PathLike[str] | Mapping[str, Any]
DbArg = str | os.PathLike[str] | Store | None


@dataclass(slots=True)
class IngestSummary:
    """What an ingest did: counts, and the failures with their reasons."""

    ingested: int = 0
    updated: int = 0
    duplicates: int = 0
    failed: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.ingested + self.updated + self.duplicates + self.failed


def sample_path() -> Path:
    """The bundled sample corpus: short wire stories written for dragoman."""
    return Path(str(resources.files("dragoman").joinpath("samples/articles.jsonl")))


def standard_pipeline(settings: Settings | None = None) -> Pipeline:
    """The standard pipeline for ``settings``, built once per process."""
    return _pipeline(settings or Settings())


@lru_cache(maxsize=4)
def _pipeline(settings: Settings) -> Pipeline:
    pipe = build(settings)
    default_base()  # the actor base, loaded now rather than inside the first article
    # The model, lexicon and actor base live as long as the process: moving them out of the
    # garbage collector's reach spares every later collection from walking them (about 15 %
    # of the time of a long article, measured in benchmarks/throughput.py).
    gc.freeze()
    return pipe


def _open(db: DbArg, settings: Settings) -> tuple[Store, bool]:
    if isinstance(db, Store):
        return db, False
    return open_store(db if db is not None else settings.db), True


def ingest(
    inputs: Input | Iterable[Input],
    db: DbArg = None,
    settings: Settings | None = None,
    progress: Callable[[int], object] | None = None,
) -> IngestSummary:
    """Read articles (paths, folders, ``-`` for stdin, or records), extract events, store them.

    Bad inputs are stored as failed with their reason and the batch goes on; an article already
    stored with the same text is skipped as a duplicate. ``progress`` is called with 1 for each
    input handled.
    """
    settings = settings or Settings()
    if isinstance(inputs, (str, os.PathLike, Mapping)):
        inputs = [inputs]
    store, owned = _open(db, settings)
    summary = IngestSummary()
    try:
        pending: list[Article] = []
        for item in read(list(inputs), settings):
            if isinstance(item, Failure):
                status = store.save_failure(item)
                if status == "failed":
                    summary.failed += 1
                    summary.failures.append(item)
                else:
                    summary.duplicates += 1
                if progress:
                    progress(1)
                continue
            pending.append(item)
            if len(pending) >= settings.batch_size:
                _process(pending, store, settings, summary, progress)
                pending = []
        _process(pending, store, settings, summary, progress)
    finally:
        if owned:
            store.close()
    return summary


def _process(
    batch: list[Article],
    store: Store,
    settings: Settings,
    summary: IngestSummary,
    progress: Callable[[int], object] | None,
) -> None:
    if not batch:
        return
    for article in standard_pipeline(settings).run(batch):
        status = store.save(article)
        if status == "ingested":
            summary.ingested += 1
            summary.events += len(article.events)
        elif status == "updated":
            summary.updated += 1
            summary.events += len(article.events)
        else:
            summary.duplicates += 1
        if progress:
            progress(1)


def _split(values: str | Iterable[str] | None) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        values = values.split(",")
    return tuple(v.strip() for v in values if v and v.strip())


def _date(value: str | date | None, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"--{name} needs a date as YYYY-MM-DD, got {value!r}") from exc


def make_filter(
    types: str | Iterable[str] | None = None,
    actor: str | None = None,
    place: str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    article: str | None = None,
    factuality: str | Iterable[str] | None = None,
    source_kind: str | Iterable[str] | None = None,
    limit: int | None = None,
) -> EventFilter:
    """Check and normalise filter values (types upper-cased, dates parsed)."""
    type_list = tuple(t.upper() for t in _split(types))
    unknown = [t for t in type_list if t not in PLOVER_TYPES]
    if unknown:
        raise ConfigError(
            f"unknown event type {', '.join(unknown)}; PLOVER types are {', '.join(PLOVER_TYPES)}"
        )
    fact_list = tuple(f.lower() for f in _split(factuality))
    bad = [f for f in fact_list if f not in FACTUALITIES]
    if bad:
        raise ConfigError(f"unknown factuality {', '.join(bad)}; use {', '.join(FACTUALITIES)}")
    return EventFilter(
        types=type_list,
        actor=actor,
        place=place,
        since=_date(since, "since"),
        until=_date(until, "until"),
        article=article,
        factuality=fact_list,
        source_kind=tuple(k.lower() for k in _split(source_kind)),
        limit=limit,
    )


def events(db: DbArg = None, settings: Settings | None = None, **filters: Any) -> list[Event]:
    """Stored events matching ``filters`` (see :func:`make_filter` for the names)."""
    settings = settings or Settings()
    flt = make_filter(**filters)
    store, owned = _open(db, settings)
    try:
        return list(store.events(flt))
    finally:
        if owned:
            store.close()


def export(
    out: IO[str],
    db: DbArg = None,
    format: str = "jsonl",
    articles: bool = False,
    settings: Settings | None = None,
    mentions: bool = False,
    **filters: Any,
) -> int:
    """Write event records (or the kept article texts, or the resolved mentions) to ``out``.

    Formats: ``jsonl`` (one FORMAT.md record a line) and ``csv`` (one row a record, lists
    joined with ``; ``). ``articles`` writes ``{article_id, title, published, text}`` records;
    ``mentions`` writes every named person, group or place an article mentions with the actor
    it resolves to. Returns the number of records written.
    """
    settings = settings or Settings()
    if format not in {"jsonl", "csv"}:
        raise ConfigError(f"unknown export format {format!r}; use jsonl or csv")
    if articles and mentions:
        raise ConfigError("export either --articles or --mentions, not both")
    store, owned = _open(db, settings)
    try:
        records: Iterator[dict[str, Any]]
        if articles:
            kind, records = "articles", (article_record(a) for a in store.articles())
        elif mentions:
            article = filters.get("article")
            kind = "mentions"
            records = (mention_record(aid, m) for aid, m in store.mentions(article))
        else:
            kind = "events"
            records = (event_record(e) for e in store.events(make_filter(**filters)))
        if format == "jsonl":
            n = 0
            for rec in records:
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
            return n
        return _write_csv(out, records, kind)
    finally:
        if owned:
            store.close()


def mentions(
    db: DbArg = None, article: str | None = None, settings: Settings | None = None
) -> list[tuple[str, Mention]]:
    """(article id, mention) for the stored mentions, each with the actor it names, if any."""
    store, owned = _open(db, settings or Settings())
    try:
        return list(store.mentions(article))
    finally:
        if owned:
            store.close()


CSV_EVENT_COLUMNS = (
    "event_id article_id type mode actor actor_country actor_sector recipient recipient_country "
    "recipient_sector place place_country lat lon date_start date_end date_precision "
    "factuality announced attribution source_kind evidence evidence_start evidence_end confidence"
).split()


def _join(values: Iterable[Any]) -> str:
    return "; ".join("" if v is None else str(v) for v in values)


def csv_row(rec: dict[str, Any]) -> dict[str, Any]:
    place = rec.get("place") or {}
    when = rec.get("date") or {}
    return {
        "event_id": rec["event_id"],
        "article_id": rec["article_id"],
        "type": rec["type"],
        "mode": rec["mode"],
        "actor": _join(a["name"] for a in rec["actor"]),
        "actor_country": _join(a["country"] for a in rec["actor"]),
        "actor_sector": _join(a["sector"] for a in rec["actor"]),
        "recipient": _join(a["name"] for a in rec["recipient"]),
        "recipient_country": _join(a["country"] for a in rec["recipient"]),
        "recipient_sector": _join(a["sector"] for a in rec["recipient"]),
        "place": place.get("name"),
        "place_country": place.get("country"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "date_start": when.get("start"),
        "date_end": when.get("end"),
        "date_precision": when.get("precision"),
        "factuality": rec["factuality"],
        "announced": rec["announced"],
        "attribution": _join(s["name"] for s in rec["attribution"]),
        "source_kind": _join(s["kind"] for s in rec["attribution"]),
        "evidence": rec["evidence"]["sentence"],
        "evidence_start": rec["evidence"]["start"],
        "evidence_end": rec["evidence"]["end"],
        "confidence": rec["confidence"],
    }


ARTICLE_COLUMNS = ["article_id", "title", "published", "publisher", "url", "text"]
MENTION_COLUMNS = "article_id text start end label sentence actor_name actor_id country sector"


def _flat_mention(rec: dict[str, Any]) -> dict[str, Any]:
    actor = rec.get("actor") or {}
    row = {k: v for k, v in rec.items() if k != "actor"}
    row.update(
        actor_name=actor.get("name"),
        actor_id=actor.get("actor_id"),
        country=actor.get("country"),
        sector=actor.get("sector"),
    )
    return row


def _write_csv(out: IO[str], records: Iterator[dict[str, Any]], kind: str) -> int:
    columns, row = {
        "articles": (ARTICLE_COLUMNS, lambda r: r),
        "mentions": (MENTION_COLUMNS.split(), _flat_mention),
        "events": (CSV_EVENT_COLUMNS, csv_row),
    }[kind]
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    n = 0
    for rec in records:
        writer.writerow(row(rec))
        n += 1
    return n


def extract(
    text: str,
    published: str | date | None = None,
    settings: Settings | None = None,
    **metadata: Any,
) -> list[Event]:
    """Events of one article's text, without a database.

    ``metadata`` may hold ``article_id``, ``title``, ``publisher``, ``url``, ``language``.
    """
    article = Article(
        article_id=str(metadata.pop("article_id", "text")),
        text=text,
        published=_date(published, "published"),
        **{k: v for k, v in metadata.items() if k in {"title", "publisher", "url", "language"}},
    )
    return list(standard_pipeline(settings)(article).events)


def failures(db: DbArg = None, settings: Settings | None = None) -> list[Failure]:
    store, owned = _open(db, settings or Settings())
    try:
        return list(store.failures())
    finally:
        if owned:
            store.close()


def stats(db: DbArg = None, settings: Settings | None = None) -> dict[str, Any]:
    store, owned = _open(db, settings or Settings())
    try:
        return store.stats()
    finally:
        if owned:
            store.close()


def records_text(events_: Iterable[Event]) -> str:
    """Event records as JSON Lines (handy in notebooks and tests)."""
    buf = io.StringIO()
    for e in events_:
        buf.write(json.dumps(event_record(e), ensure_ascii=False) + "\n")
    return buf.getvalue()
