"""Event and article records: the FORMAT.md §1 shape, and back to core types."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from dragoman.records import article_record, event_from_record, event_record
from dragoman.types import Actor, Article, Claim, DateRange, Event, Evidence, Place, Source

#: The keys FORMAT.md §1 lists for one event record.
FORMAT_KEYS = {
    "event_id",
    "article_id",
    "type",
    "mode",
    "context",
    "actor",
    "recipient",
    "place",
    "date",
    "attribution",
    "factuality",
    "announced",
    "evidence",
    "confidence",
}

SENTENCE = "Accompanied by generals, he met with president Bashar al-Assad in Damascus."


def full_event() -> Event:
    return Event(
        event_id="ev_3f9c1a000000",
        article_id="records",
        type="CONSULT",
        mode="visit",
        actor=(Actor("he", "Alexander Lavrentiev", "per:lavrentiev", "RUS", "GOV"),),
        recipient=(Actor("president Bashar al-Assad", "Bashar al-Assad", None, "SYR", "GOV"),),
        evidence=Evidence(SENTENCE, 512, 512 + len(SENTENCE)),
        trigger="met",
        trigger_start=540,
        claim=Claim(
            attribution=(Source("Asharq al-Awsat", "Asharq al-Awsat", "media", "according to"),),
            factuality="reported",
            announced=False,
        ),
        place=Place("Damascus", "Damascus", 170654, "SYR", "Damascus", 33.5102, 36.2913),
        date=DateRange("at the end of last week", date(2021, 1, 28), date(2021, 1, 31), "week"),
        context=("diplomatic",),
        confidence=0.82,
    )


def bare_event() -> Event:
    return Event(
        event_id="ev_000000000001",
        article_id="records",
        type="ACCUSE",
        mode=None,
        actor=(Actor("Iran", "Iran", "country:IRN", "IRN", None),),
        recipient=(),
        evidence=Evidence("Iran condemned the strike.", 0, 26),
        trigger="condemned",
        trigger_start=5,
    )


def test_event_record_has_every_format_key() -> None:
    rec = event_record(full_event())
    assert set(rec) >= FORMAT_KEYS
    assert set(rec["evidence"]) == {"sentence", "start", "end"}
    assert set(rec["actor"][0]) == {"text", "name", "actor_id", "country", "sector", "person"}
    assert set(rec["date"]) == {"text", "start", "end", "precision"}
    assert set(rec["attribution"][0]) == {"text", "name", "kind", "cue"}


def test_event_record_values() -> None:
    rec = event_record(full_event())
    assert rec["type"] == "CONSULT" and rec["mode"] == "visit"
    assert rec["context"] == ["diplomatic"]
    assert rec["recipient"][0]["name"] == "Bashar al-Assad"
    assert rec["date"] == {
        "text": "at the end of last week",
        "start": "2021-01-28",
        "end": "2021-01-31",
        "precision": "week",
    }
    assert rec["place"]["geonameid"] == 170654
    assert rec["factuality"] == "reported"
    assert rec["announced"] is False
    assert rec["evidence"] == {"sentence": SENTENCE, "start": 512, "end": 512 + len(SENTENCE)}
    assert rec["confidence"] == 0.82


def test_event_record_is_json() -> None:
    rec = event_record(full_event())
    assert json.loads(json.dumps(rec)) == rec


def test_event_record_without_place_or_date() -> None:
    rec = event_record(bare_event())
    assert rec["place"] is None
    assert rec["date"] == {"text": None, "start": None, "end": None, "precision": "unknown"}
    assert rec["attribution"] == []
    assert rec["recipient"] == []
    assert rec["announced"] is None


def test_event_record_rounds_confidence() -> None:
    rec = event_record(replace(bare_event(), confidence=0.123456))
    assert rec["confidence"] == 0.123


def test_event_from_record_round_trips() -> None:
    event = full_event()
    assert event_from_record(event_record(event)) == event


def test_event_from_record_round_trips_without_place_or_date() -> None:
    event = bare_event()
    assert event_from_record(event_record(event)) == event


def test_event_from_record_round_trips_through_json() -> None:
    event = full_event()
    assert event_from_record(json.loads(json.dumps(event_record(event)))) == event


def test_event_from_record_date_text_without_interval() -> None:
    event = replace(bare_event(), date=DateRange("recently", None, None))
    assert event_from_record(event_record(event)) == event


def test_article_record_shape() -> None:
    article = Article(
        article_id="records",
        text="Iran condemned the strike.",
        title="Iran condemns strike",
        published=date(2024, 3, 6),
        publisher="Wire",
        url="https://example.org/a",
    )
    assert article_record(article) == {
        "article_id": "records",
        "title": "Iran condemns strike",
        "published": "2024-03-06",
        "publisher": "Wire",
        "url": "https://example.org/a",
        "text": "Iran condemned the strike.",
    }


def test_article_record_missing_metadata_is_null() -> None:
    rec = article_record(Article(article_id="bare", text="Iran condemned the strike."))
    assert rec == {
        "article_id": "bare",
        "title": None,
        "published": None,
        "publisher": None,
        "url": None,
        "text": "Iran condemned the strike.",
    }
