"""The date of each event: the time of its clause, and what it must not take."""

from __future__ import annotations

from datetime import date

from dragoman.dates import DateEvents
from dragoman.pipeline import Pipeline
from dragoman.types import Article, DateRange, Event
from tests.dates.test_expressions import MONDAY, span


def dated(pipeline: Pipeline, text: str, published: date | None = MONDAY) -> tuple[Event, ...]:
    return DateEvents()(pipeline(Article("dates-test", text, published=published))).events


def test_date_events_takes_the_time_of_the_clause(nlp_pipeline: Pipeline) -> None:
    (ev,) = dated(nlp_pipeline, "Turkish troops shelled Kurdish positions in Afrin on Tuesday.")
    assert span(ev.date) == ("2021-01-26", "2021-01-26", "day")


def test_date_events_leaves_relative_dates_unresolved_without_publication(
    nlp_pipeline: Pipeline,
) -> None:
    (ev,) = dated(nlp_pipeline, "Turkish troops shelled Kurdish positions on Tuesday.", None)
    assert ev.date == DateRange("Tuesday", None, None, "unknown")


def test_date_events_ignores_times_of_other_clauses(nlp_pipeline: Pipeline) -> None:
    events = dated(
        nlp_pipeline,
        "Intro.\n\nBackground.\n\nMore background.\n\n"
        "Erdogan criticised Washington over the deal that was brokered in 2018.",
    )
    criticised = [e for e in events if e.trigger == "criticised"]
    assert criticised and all(e.date is None for e in criticised)
