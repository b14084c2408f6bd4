"""Merging the repeated mentions of one event inside an article, on events built by hand."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dragoman.extract import MergeEvents, merge_events, same_event
from dragoman.types import Actor, Article, Claim, Event, Evidence, Source

LAVROV = Actor("Lavrov", "Sergei Lavrov", None, "RUS", "GOV", person=True)
ASSAD = Actor("Assad", "Bashar al-Assad", None, "SYR", "GOV", person=True)
PEDERSEN = Actor("Pedersen", "Geir Pedersen", "org:un", "IGO", "IGO", person=True)
TURKEY = Actor("Turkey", "Turkey", "country:TUR", "TUR", None)
TURKISH_ARMY = Actor("Turkish Armed Forces", "Turkish Armed Forces", "mil:tur", "TUR", "MIL")
MILITIAS = Actor("Kurdish militias", "Kurdish militias", None, "SYR", "REB")
LOCAL_MILITIAS = Actor("local Kurdish militias", "local Kurdish militias", None, "SYR", "REB")
PEOPLE = Actor("people", "people", None, "GBR", "CVL")
TWELVE = Actor("12 people", "12 people", None, "GBR", "CVL")


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


def test_merge_events_a_state_and_its_army_and_a_fuller_description_are_one_party() -> None:
    incursion = consult((TURKISH_ARMY,), (LOCAL_MILITIAS,), 40, type_="ASSAULT")
    campaign = consult((TURKEY,), (MILITIAS,), 400, type_="ASSAULT")
    assert same_event(incursion, campaign)
    (merged,) = merge_events((incursion, campaign))
    assert merged.actor == (TURKISH_ARMY,)


def test_merge_events_a_bare_noun_is_too_vague_to_be_a_fuller_ones_party() -> None:
    police = Actor("police", "police", None, "GBR", "COP")
    detained = consult((police,), (PEOPLE,), 40, type_="COERCE")
    arrested = consult((police,), (TWELVE,), 400, type_="COERCE")
    assert not same_event(detained, arrested)


def test_merge_events_roles_are_compared_role_by_role() -> None:
    # Turkey attacking the Kurds is not the Kurds attacking Turkey's army
    attack = consult((TURKEY,), (MILITIAS,), 40, type_="ASSAULT")
    counter = consult((MILITIAS,), (TURKISH_ARMY,), 400, type_="ASSAULT")
    assert not same_event(attack, counter)
    # a meeting is told either way round
    assert same_event(consult((LAVROV,), (ASSAD,), 40), consult((ASSAD,), (LAVROV,), 400))


def test_merge_events_two_requests_of_one_speaker_need_the_same_party_asked() -> None:
    urged = consult((LAVROV,), (ASSAD,), 40, type_="REQUEST")
    recommended = consult((LAVROV,), (), 400, type_="REQUEST")
    assert not same_event(urged, recommended)
    assert same_event(urged, consult((LAVROV,), (ASSAD,), 400, type_="REQUEST"))


def test_merge_events_one_doers_harms_in_one_sentence_are_one_attack() -> None:
    civilians = Actor("civilians", "civilians", None, "SYR", "CVL")
    staff = Actor("hospital staff", "hospital staff", None, "SYR", "HLH")
    killed = consult((TURKEY,), (civilians,), 40, type_="ASSAULT")
    injured = replace(consult((TURKEY,), (staff,), 40, type_="ASSAULT"), trigger_start=70)
    (merged,) = merge_events((killed, injured))
    assert merged.recipient == (civilians, staff)
    # in two sentences they stay two
    elsewhere = consult((TURKEY,), (staff,), 400, type_="ASSAULT")
    assert len(merge_events((killed, elsewhere))) == 2
