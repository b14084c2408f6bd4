"""Confirmations and denials that look back on the event told in the sentence before."""

from __future__ import annotations

from dragoman.pipeline import Pipeline
from dragoman.types import Article, Event


def consults(pipeline: Pipeline, text: str) -> list[Event]:
    events = pipeline(Article(article_id="confirm", text=text)).events
    return [e for e in events if e.type == "CONSULT"]


def test_link_confirmations_adds_the_confirming_source(nlp_pipeline: Pipeline) -> None:
    text = (
        "Local sources said that the governor and the militia commander held talks. "
        "The report was not officially announced, but state media confirmed that the two "
        "men had spoken about the checkpoints."
    )
    (event,) = consults(nlp_pipeline, text)
    cues = [(s.cue, s.kind) for s in event.claim.attribution]
    assert ("said", "unnamed") in cues
    assert ("confirmed", "media") in cues
    assert event.claim.factuality == "reported"
    assert event.claim.announced is False


def test_link_confirmations_a_denial_makes_the_event_denied(nlp_pipeline: Pipeline) -> None:
    text = (
        "Opposition websites said the two envoys met in Amman last week. "
        "The foreign ministry denied the report on Sunday."
    )
    (event,) = consults(nlp_pipeline, text)
    assert event.claim.factuality == "denied"
    assert [s.cue for s in event.claim.attribution][-1] == "denied"


def test_link_confirmations_leaves_a_sentence_with_its_own_event(nlp_pipeline: Pipeline) -> None:
    text = (
        "The two envoys met in Amman last week. "
        "The ministry confirmed that the prime minister visited Baghdad."
    )
    events = consults(nlp_pipeline, text)
    first = next(e for e in events if e.trigger == "met")
    assert all(s.cue != "confirmed" for s in first.claim.attribution)
