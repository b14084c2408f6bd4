"""Merging the repeated mentions of one event inside an article, on events built by hand."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dragoman.extract import MergeEvents, merge_events, same_event
from dragoman.types import Actor, Article, Claim, Event, Evidence, Source

LAVROV = Actor("Lavrov", "Sergei Lavrov", None, "RUS", "GOV", person=True)
ASSAD = Actor("Assad", "Bashar al-Assad", None, "SYR", "GOV", person=True)
PEDERSEN = Actor("Pedersen", "Geir Pedersen", "org:un", "IGO", "IGO", person=True)


def consult(
    actor: tuple[Actor, ...],
    recipient: tuple[Actor, ...],
    start: int,
    *,
    event_id: str | None = None,
    claim: Claim | None = None,
    confidence: float = 0.6,
    type_: str = "CONSULT",
) -> Event:
    return Event(
        event_id=event_id or f"ev_{start}",
        article_id="merge",
        type=type_,
        mode=None,
        actor=actor,
        recipient=recipient,
        evidence=Evidence(f"sentence at {start}", start, start + 40),
        trigger="met",
        trigger_start=start + 5,
        claim=claim or Claim(),
        confidence=confidence,
    )


def test_merge_events_same_participants_merge_into_the_most_explicit() -> None:
    title = consult((LAVROV,), (), 0, confidence=0.5)
    body = consult((LAVROV,), (ASSAD,), 120)
    (merged,) = merge_events((title, body))
    assert merged.event_id == body.event_id
    assert merged.evidence == body.evidence
    assert merged.actor == (LAVROV,)
    assert merged.recipient == (ASSAD,)
    assert merged.confidence == pytest.approx(0.7)


def test_merge_events_body_mention_beats_the_title() -> None:
    title = consult((LAVROV,), (ASSAD,), 0)
    body = consult((LAVROV,), (ASSAD,), 120)
    (merged,) = merge_events((title, body))
    assert merged.evidence.start == 120


def test_merge_events_surname_and_full_name_are_one_person() -> None:
    short = consult((replace(LAVROV, name="Lavrov"),), (ASSAD,), 40)
    full = consult((LAVROV,), (ASSAD,), 120)
    assert same_event(short, full)
    assert len(merge_events((short, full))) == 1


def test_merge_events_different_factuality_does_not_merge() -> None:
    met = consult((LAVROV,), (ASSAD,), 40)
    denied = consult((LAVROV,), (ASSAD,), 120, claim=Claim(factuality="denied"))
    assert not same_event(met, denied)
    assert merge_events((met, denied)) == (met, denied)


def test_merge_events_different_recipients_do_not_merge() -> None:
    with_assad = consult((LAVROV,), (ASSAD,), 40)
    with_pedersen = consult((LAVROV,), (PEDERSEN,), 120)
    assert not same_event(with_assad, with_pedersen)
    assert merge_events((with_assad, with_pedersen)) == (with_assad, with_pedersen)


def test_merge_events_different_types_do_not_merge() -> None:
    met = consult((LAVROV,), (ASSAD,), 40)
    agreed = consult((LAVROV,), (ASSAD,), 120, type_="AGREE")
    assert len(merge_events((met, agreed))) == 2


def test_merge_events_no_participants_do_not_merge() -> None:
    a, b = consult((), (), 40), consult((), (), 120)
    assert merge_events((a, b)) == (a, b)


def test_merge_events_secret_wins() -> None:
    public = consult((LAVROV,), (ASSAD,), 120, claim=Claim(announced=True))
    secret = consult((LAVROV,), (), 0, claim=Claim(announced=False), confidence=0.5)
    (merged,) = merge_events((secret, public))
    assert merged.evidence.start == 120
    assert merged.claim.announced is False


def test_merge_events_announced_fills_an_unknown() -> None:
    unknown = consult((LAVROV,), (ASSAD,), 120)
    public = consult((LAVROV,), (), 0, claim=Claim(announced=True), confidence=0.5)
    (merged,) = merge_events((public, unknown))
    assert merged.claim.announced is True


def test_merge_events_attribution_taken_from_another_mention() -> None:
    source = Source("state media", "state media", "media", "according to")
    best = consult((LAVROV,), (ASSAD,), 120)
    sourced = consult((LAVROV,), (), 0, claim=Claim((source,), "reported"), confidence=0.5)
    # Asserted and reported both say it happened: one event, keeping the source.
    (merged,) = merge_events((sourced, best))
    assert merged.claim.attribution == (source,)
    # A negated mention is another claim and stays apart.
    negated = replace(best, claim=Claim(factuality="negated"))
    assert len(merge_events((sourced, negated))) == 2


def test_merge_events_sorted_by_position() -> None:
    late = consult((LAVROV,), (ASSAD,), 300)
    early = consult((LAVROV,), (PEDERSEN,), 10)
    assert [e.evidence.start for e in merge_events((late, early))] == [10, 300]


def test_merge_events_stage_replaces_the_article_events() -> None:
    a = consult((LAVROV,), (ASSAD,), 40)
    b = consult((LAVROV,), (ASSAD,), 120)
    article = Article(article_id="merge", text="", events=(a, b))
    assert len(MergeEvents()(article).events) == 1
