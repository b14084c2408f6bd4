"""The current schema as the queries see it, and the rows of articles, events and mentions.

The DDL lives in :mod:`dragoman.store._migrations` (frozen history); these table descriptions
and row conversions are what :mod:`dragoman.store._sql` reads and writes through.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from dragoman.records import event_record
from dragoman.types import Actor, Article, Event, Failure, Mention


def text_column(name: str) -> sa.ColumnClause[str]:
    return sa.column(name, sa.Text)


def int_column(name: str) -> sa.ColumnClause[int]:
    return sa.column(name, sa.Integer)


articles = sa.table(
    "articles",
    *map(text_column, ("article_id", "content_hash", "status", "reason", "title", "published")),
    *map(text_column, ("publisher", "url", "language", "origin", "text", "raw", "ingested_at")),
    int_column("n_events"),
)


mentions = sa.table(
    "mentions",
    *map(
        text_column, ("article_id", "text", "label", "actor_name", "actor_id", "country", "sector")
    ),
    text_column("actor_text"),
    *map(int_column, ("position", "start_char", "end_char", "sentence", "person")),
    *map(int_column, ("token_start", "token_end")),
)


events = sa.table(
    "events",
    *map(text_column, ("event_id", "article_id", "type", "mode", "factuality", "date_start")),
    *map(text_column, ("date_end", "place_name", "place_text", "record")),
    *map(int_column, ("announced", "evidence_start")),
)


event_arguments = sa.table(
    "event_arguments",
    *map(text_column, ("event_id", "role", "text", "name", "actor_id", "country", "sector")),
    int_column("position"),
)


event_sources = sa.table(
    "event_sources", *map(text_column, ("event_id", "name", "kind", "cue")), int_column("position")
)


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def delete_article(conn: Connection, article_id: str) -> None:
    """Remove an article row and everything hanging off it."""
    own_events = sa.select(events.c.event_id).where(events.c.article_id == article_id)
    conn.execute(sa.delete(event_arguments).where(event_arguments.c.event_id.in_(own_events)))
    conn.execute(sa.delete(event_sources).where(event_sources.c.event_id.in_(own_events)))
    conn.execute(sa.delete(events).where(events.c.article_id == article_id))
    conn.execute(sa.delete(mentions).where(mentions.c.article_id == article_id))
    conn.execute(sa.delete(articles).where(articles.c.article_id == article_id))


def insert_article(conn: Connection, article: Article, digest: str) -> None:
    """Write an ok article, its mentions, events, arguments and sources (batched)."""
    aid = article.article_id
    conn.execute(
        sa.insert(articles),
        {
            "article_id": aid,
            "content_hash": digest,
            "status": "ok",
            "reason": None,
            "title": article.title,
            "published": iso(article.published),
            "publisher": article.publisher,
            "url": article.url,
            "language": article.language,
            "origin": article.origin,
            "text": article.text,
            "raw": None,
            "n_events": len(article.events),
            "ingested_at": now(),
        },
    )
    rows = [
        {
            "article_id": aid,
            "position": i,
            "text": m.text,
            "start_char": m.start,
            "end_char": m.end,
            "label": m.label,
            "sentence": m.sentence,
            "actor_name": m.actor.name if m.actor else None,
            "actor_id": m.actor.actor_id if m.actor else None,
            "country": m.actor.country if m.actor else None,
            "sector": m.actor.sector if m.actor else None,
            "actor_text": m.actor.text if m.actor else None,
            "person": int(m.actor.person) if m.actor else None,
            "token_start": m.token_start,
            "token_end": m.token_end,
        }
        for i, m in enumerate(article.mentions)
    ]
    if rows:
        conn.execute(sa.insert(mentions), rows)
    if not article.events:
        return
    conn.execute(sa.insert(events), [event_row(aid, ev) for ev in article.events])
    arguments = [
        {
            "event_id": ev.event_id,
            "role": role,
            "position": i,
            "text": a.text,
            "name": a.name,
            "actor_id": a.actor_id,
            "country": a.country,
            "sector": a.sector,
        }
        for ev in article.events
        for role, actors in (("actor", ev.actor), ("recipient", ev.recipient))
        for i, a in enumerate(actors)
    ]
    if arguments:
        conn.execute(sa.insert(event_arguments), arguments)
    sources = [
        {"event_id": ev.event_id, "position": i, "name": s.name, "kind": s.kind, "cue": s.cue}
        for ev in article.events
        for i, s in enumerate(ev.claim.attribution)
    ]
    if sources:
        conn.execute(sa.insert(event_sources), sources)


def event_row(article_id: str, event: Event) -> dict[str, Any]:
    record = event_record(event)
    announced = event.claim.announced
    return {
        "event_id": event.event_id,
        "article_id": article_id,
        "type": event.type,
        "mode": event.mode,
        "factuality": event.claim.factuality,
        "announced": None if announced is None else int(announced),
        "date_start": record["date"]["start"],
        "date_end": record["date"]["end"],
        "place_name": event.place.name if event.place else None,
        "place_text": event.place.text if event.place else None,
        "evidence_start": event.evidence.start,
        "record": json.dumps(record, ensure_ascii=False),
    }


def article_from_row(row: Row[Any]) -> Article:
    return Article(
        article_id=row.article_id,
        text=row.text or "",
        title=row.title,
        published=parse_date(row.published),
        publisher=row.publisher,
        url=row.url,
        language=row.language,
        origin=row.origin,
    )


def failure_from_row(row: Row[Any]) -> Failure:
    return Failure(
        article_id=row.article_id, origin=row.origin or "", reason=row.reason or "", raw=row.raw
    )


def mention_from_row(row: Row[Any]) -> tuple[str, Mention]:
    actor = None
    if row.actor_name is not None:
        actor = Actor(
            text=row.actor_text if row.actor_text is not None else row.text,
            name=row.actor_name,
            actor_id=row.actor_id,
            country=row.country,
            sector=row.sector,
            person=bool(row.person),
        )
    mention = Mention(
        text=row.text,
        start=row.start_char,
        end=row.end_char,
        label=row.label,
        sentence=row.sentence,
        token_start=row.token_start or 0,
        token_end=row.token_end or 0,
        actor=actor,
    )
    return row.article_id, mention
