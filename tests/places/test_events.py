"""The place of each event: its clause's locative, then its paragraph's."""

from __future__ import annotations

from datetime import date

from dragoman.pipeline import Pipeline
from dragoman.places import LocateEvents
from dragoman.types import Article, Event


def located(pipeline: Pipeline, text: str) -> tuple[Event, ...]:
    article = pipeline(Article("geo-test", text, published=date(2021, 2, 1)))
    return LocateEvents()(article).events


def test_locate_events_takes_the_place_of_the_clause(nlp_pipeline: Pipeline) -> None:
    (ev,) = located(nlp_pipeline, "Turkish troops shelled Kurdish positions in Afrin on Tuesday.")
    assert ev.place is not None and ev.place.text == "Afrin" and ev.place.country == "SYR"


def test_locate_events_leaves_metonyms_as_actors(nlp_pipeline: Pipeline) -> None:
    (ev,) = located(nlp_pipeline, "Damascus rejected the proposal on Monday.")
    assert ev.place is None


def test_locate_events_reads_the_capital_phrase(nlp_pipeline: Pipeline) -> None:
    events = located(
        nlp_pipeline,
        "Alexander Lavrentiev met President Bashar al-Assad during a secret visit to the Syrian "
        "capital.",
    )
    assert events and all(e.place is not None and e.place.name == "Damascus" for e in events)


def test_locate_events_finds_names_the_model_misses(nlp_pipeline: Pipeline) -> None:
    (ev,) = located(nlp_pipeline, "The Russian officers in Hmeimim mediated between the Kurds.")
    assert ev.place is not None and ev.place.name == "Hmeimim Air Base"


def test_locate_events_inherits_the_paragraph_place(nlp_pipeline: Pipeline) -> None:
    events = located(
        nlp_pipeline,
        "Kurdish fighters clashed with government forces near Qamishli.\n\n"
        "The Kurdish forces later surrounded the regime troops.",
    )
    assert len(events) == 2
    assert all(e.place is not None and e.place.name == "Al Qāmishlī" for e in events)
