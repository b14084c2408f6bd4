"""The Python API: extract, ingest, events, export, and the summary an ingest returns."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import pytest

import dragoman
from dragoman.pipeline import Pipeline

MEETING = "Iran's foreign minister met his Iraqi counterpart in Baghdad on Sunday."

RECORDS = [
    {
        "id": "wire-tehran-baghdad",
        "title": "Iranian and Iraqi ministers meet",
        "published": "2024-03-04",
        "text": MEETING + " The two men discussed security on the border, officials said.",
    },
    {
        "id": "wire-kyiv-strike",
        "title": "Missiles hit Kyiv",
        "published": "2024-03-06",
        "text": "Russian forces attacked Kyiv with missiles and drones overnight, Ukrainian "
        "officials said on Wednesday.",
    },
    {"id": "wire-empty", "text": "   "},
]


def participants(event: dragoman.Event) -> set[str | None]:
    return {a.country for a in event.actor + event.recipient}


def test_api_extract_meeting_is_consult_with_both_sides(nlp_pipeline: Pipeline) -> None:
    found = dragoman.extract(MEETING, published="2024-03-04")

    assert all(isinstance(e, dragoman.Event) for e in found)
    consult = [e for e in found if e.type == "CONSULT"]
    assert len(consult) == 1
    assert {"IRN", "IRQ"} <= participants(consult[0])
    assert consult[0].evidence.sentence == MEETING
    assert consult[0].article_id == "text"


def test_api_extract_keeps_the_article_id(nlp_pipeline: Pipeline) -> None:
    found = dragoman.extract(MEETING, article_id="mine")
    assert found and {e.article_id for e in found} == {"mine"}


def test_api_ingest_records_keeps_ids_and_counts(db: Path, nlp_pipeline: Pipeline) -> None:
    summary = dragoman.ingest(RECORDS, db=db)

    assert isinstance(summary, dragoman.IngestSummary)
    assert (summary.ingested, summary.updated, summary.duplicates, summary.failed) == (2, 0, 0, 1)
    assert summary.seen == 3
    assert [f.article_id for f in summary.failures] == ["wire-empty"]
    assert summary.failures[0].reason.startswith("empty")
    stored = dragoman.events(db=db)
    assert summary.events == len(stored) > 0
    assert {e.article_id for e in stored} == {"wire-tehran-baghdad", "wire-kyiv-strike"}
    assert [f.article_id for f in dragoman.failures(db=db)] == ["wire-empty"]


def test_api_ingest_again_is_all_duplicates(db: Path, nlp_pipeline: Pipeline) -> None:
    dragoman.ingest(RECORDS, db=db)
    before = dragoman.stats(db=db)

    again = dragoman.ingest(RECORDS, db=db)

    assert (again.ingested, again.updated, again.duplicates, again.events) == (0, 0, 3, 0)
    assert dragoman.stats(db=db) == before


def test_api_events_filters(db: Path, nlp_pipeline: Pipeline) -> None:
    dragoman.ingest(RECORDS, db=db)

    consult = dragoman.events(db=db, types="consult")
    assert consult and {e.type for e in consult} == {"CONSULT"}
    one = dragoman.events(db=db, article="wire-kyiv-strike")
    assert one and {e.article_id for e in one} == {"wire-kyiv-strike"}
    assert dragoman.events(db=db, since="2024-03-05", until="2024-03-31") == one
    assert dragoman.events(db=db, types=["CONSULT"], article="wire-kyiv-strike") == []


def test_api_export_writes_records_to_a_text_stream(db: Path, nlp_pipeline: Pipeline) -> None:
    dragoman.ingest(RECORDS, db=db)

    out = io.StringIO()
    n = dragoman.export(out, db=db, format="jsonl")
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert n == len(records) == len(dragoman.events(db=db))
    assert {r["article_id"] for r in records} == {"wire-tehran-baghdad", "wire-kyiv-strike"}

    articles = io.StringIO()
    assert dragoman.export(articles, db=db, articles=True) == 2
    texts = {r["article_id"]: r["text"] for r in map(json.loads, articles.getvalue().splitlines())}
    for r in records:
        ev = r["evidence"]
        assert texts[r["article_id"]][ev["start"] : ev["end"]] == ev["sentence"]


@pytest.mark.parametrize(
    "filters",
    [
        {"types": "PARTY"},
        {"factuality": "certain"},
        {"since": "yesterday"},
        {"until": "2024-02-30"},
    ],
)
def test_api_events_invalid_filter_is_config_error(db: Path, filters: dict) -> None:
    with pytest.raises(dragoman.ConfigError):
        dragoman.events(db=db, **filters)


def test_api_export_unknown_format_is_config_error(db: Path) -> None:
    with pytest.raises(dragoman.ConfigError, match="xml"):
        dragoman.export(io.StringIO(), db=db, format="xml")


def test_api_extract_and_events_agree_on_every_field_of_the_seed(
    shared: Path, db: Path, nlp_pipeline: Pipeline
) -> None:
    """What the store gives back is what the pipeline found: every field of every event of the
    reference article, and every mention with the actor it names."""
    lines = (shared / "gold" / "dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    (record,) = [json.loads(x) for x in lines if json.loads(x)["id"] == "seed-astana"]
    dragoman.ingest(record, db=db)
    stored = dragoman.events(db=db)
    (article,) = dragoman.api.open_store(db).articles()

    found = nlp_pipeline(article)
    by_id = {e.event_id: e for e in stored}
    assert len(stored) == len(found.events) > 10 and set(by_id) == {
        e.event_id for e in found.events
    }
    for want in found.events:
        got = by_id[want.event_id]
        for name in dataclasses.fields(want):
            assert getattr(got, name.name) == getattr(want, name.name), (name.name, want.event_id)
    assert dragoman.extract(
        article.text, published=article.published, article_id=article.article_id
    ) == list(found.events)
    assert [m for _, m in dragoman.mentions(db=db)] == list(found.mentions)
