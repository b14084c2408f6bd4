"""Event records: the JSON contract of ``shared/gold/FORMAT.md`` §1, to and from core types.

The export, the store and the HTTP API all speak this one shape, so it is built in one place.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dragoman.types import (
    Actor,
    Article,
    Claim,
    DateRange,
    Event,
    Evidence,
    Mention,
    Place,
    Source,
)


def actor_record(actor: Actor) -> dict[str, Any]:
    return {
        "text": actor.text,
        "name": actor.name,
        "actor_id": actor.actor_id,
        "country": actor.country,
        "sector": actor.sector,
        "person": actor.person,
    }


def place_record(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "text": place.text,
        "name": place.name,
        "geonameid": place.geonameid,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
    }


def date_record(when: DateRange | None) -> dict[str, Any]:
    if when is None:
        return {"text": None, "start": None, "end": None, "precision": "unknown"}
    return {
        "text": when.text,
        "start": when.start.isoformat() if when.start else None,
        "end": when.end.isoformat() if when.end else None,
        "precision": when.precision,
    }


def source_record(source: Source) -> dict[str, Any]:
    return {"text": source.text, "name": source.name, "kind": source.kind, "cue": source.cue}


def event_record(event: Event) -> dict[str, Any]:
    """The export shape of one event: the fields of FORMAT.md §1, and what dragoman adds so that
    a stored event comes back whole (``person`` on each actor, the factuality ``cues``, the
    trigger's token index, ``stated``: the type of the act a stated intention is about)."""
    return {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "type": event.type,
        "mode": event.mode,
        "context": list(event.context),
        "actor": [actor_record(a) for a in event.actor],
        "recipient": [actor_record(a) for a in event.recipient],
        "place": place_record(event.place),
        "date": date_record(event.date),
        "attribution": [source_record(s) for s in event.claim.attribution],
        "factuality": event.claim.factuality,
        "cues": list(event.claim.cues),
        "announced": event.claim.announced,
        "evidence": {
            "sentence": event.evidence.sentence,
            "start": event.evidence.start,
            "end": event.evidence.end,
        },
        "trigger": {
            "text": event.trigger,
            "start": event.trigger_start,
            "token": event.trigger_token,
        },
        "stated": event.stated,
        "confidence": round(event.confidence, 3),
    }


def _actor(rec: dict[str, Any]) -> Actor:
    return Actor(
        text=rec["text"],
        name=rec["name"],
        actor_id=rec.get("actor_id"),
        country=rec.get("country"),
        sector=rec.get("sector"),
        person=bool(rec.get("person", False)),
    )


def _iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def event_from_record(rec: dict[str, Any]) -> Event:
    """Rebuild an :class:`Event` from its record (the inverse of :func:`event_record`)."""
    place = rec.get("place")
    when = rec.get("date") or {}
    trigger = rec.get("trigger") or {}
    ev = rec["evidence"]
    return Event(
        event_id=rec["event_id"],
        article_id=rec["article_id"],
        type=rec["type"],
        mode=rec.get("mode"),
        context=tuple(rec.get("context") or ()),
        actor=tuple(_actor(a) for a in rec.get("actor") or ()),
        recipient=tuple(_actor(a) for a in rec.get("recipient") or ()),
        place=Place(**place) if place else None,
        date=DateRange(
            text=when.get("text"),
            start=_iso(when.get("start")),
            end=_iso(when.get("end")),
            precision=when.get("precision") or "unknown",
        )
        if when.get("start") or when.get("text")
        else None,
        claim=Claim(
            attribution=tuple(Source(**s) for s in rec.get("attribution") or ()),
            factuality=rec.get("factuality") or "asserted",
            announced=rec.get("announced"),
            cues=tuple(rec.get("cues") or ()),
        ),
        evidence=Evidence(sentence=ev["sentence"], start=ev["start"], end=ev["end"]),
        trigger=trigger.get("text", ""),
        trigger_start=trigger.get("start", ev["start"]),
        trigger_token=trigger.get("token"),
        stated=rec.get("stated"),
        confidence=float(rec.get("confidence", 0.5)),
    )


def article_record(article: Article) -> dict[str, Any]:
    """The ``export --articles`` shape: the kept text the evidence offsets point into."""
    return {
        "article_id": article.article_id,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "publisher": article.publisher,
        "url": article.url,
        "text": article.text,
    }


def mention_record(article_id: str, mention: Mention) -> dict[str, Any]:
    """The ``export --mentions`` shape: a named mention and the actor it resolves to."""
    return {
        "article_id": article_id,
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "label": mention.label,
        "sentence": mention.sentence,
        "actor": actor_record(mention.actor) if mention.actor else None,
    }
