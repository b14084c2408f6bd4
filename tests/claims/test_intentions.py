"""Stated intentions: PLOVER's AGREE, THREATEN and REJECT rules."""

from __future__ import annotations

from dragoman.claims import stated_kind
from dragoman.pipeline import Pipeline
from dragoman.types import Actor, Article, Claim, Event, Evidence


def event(type_: str, factuality: str, cues: tuple[str, ...] = ()) -> Event:
    return Event(
        event_id="ev_1",
        article_id="a",
        type=type_,
        mode=None,
        actor=(Actor(text="Syria", name="Syria", country="SYR"),),
        recipient=(),
        evidence=Evidence("x", 0, 1),
        trigger="x",
        trigger_start=0,
        claim=Claim(factuality=factuality, cues=cues),  # type: ignore[arg-type]
    )


def test_stated_kind_promise_to_cooperate_is_agree() -> None:
    assert stated_kind(event("RETREAT", "future", ("will",))) == "AGREE"


def test_stated_kind_intended_harm_is_threaten() -> None:
    assert stated_kind(event("ASSAULT", "future", ("will",))) == "THREATEN"


def test_stated_kind_conditional_promise_is_threaten() -> None:
    assert stated_kind(event("RETREAT", "future", ("will", "unless"))) == "THREATEN"


def test_stated_kind_refusal_is_reject() -> None:
    assert stated_kind(event("AGREE", "negated", ("not", "will"))) == "REJECT"


def test_stated_kind_plain_negation_is_nothing() -> None:
    assert stated_kind(event("CONSULT", "negated", ("not",))) is None
    assert stated_kind(event("CONSULT", "asserted")) is None


def test_stated_intentions_keep_the_intended_act_as_future(nlp_pipeline: Pipeline) -> None:
    text = (
        "The Turkish president said that Turkey will launch a military operation against the PKK."
    )
    events = nlp_pipeline(Article(article_id="intent", text=text)).events
    by_type = {e.type: e for e in events}
    assert by_type["THREATEN"].claim.factuality in {"asserted", "reported"}
    assert by_type["THREATEN"].claim.announced is True
    assert by_type["ASSAULT"].claim.factuality == "future"
    assert [a.country for a in by_type["THREATEN"].actor] == ["TUR"]


def test_stated_intentions_none_for_an_act_told_in_the_passive(nlp_pipeline: Pipeline) -> None:
    text = "The town will be attacked by the rebels."
    found = nlp_pipeline(Article(article_id="passive", text=text)).events
    assert [(e.type, e.claim.factuality) for e in found] == [("ASSAULT", "future")]
    active = nlp_pipeline(Article(article_id="active", text="The rebels will attack the town."))
    assert {e.type for e in active.events} == {"ASSAULT", "THREATEN"}


def test_stated_intentions_none_for_what_others_expect_or_hope(nlp_pipeline: Pipeline) -> None:
    for text in (
        "Analysts expect that Turkey will attack Afrin.",
        "The opposition is losing hope that the president will back down.",
    ):
        found = nlp_pipeline(Article(article_id="expected", text=text)).events
        assert {e.type for e in found} <= {"ASSAULT", "CONCEDE"}, text
        assert all(e.claim.factuality == "future" for e in found)


def test_no_willingness_to_act_negates_the_act(nlp_pipeline: Pipeline) -> None:
    text = "The government showed no willingness to back down."
    found = nlp_pipeline(Article(article_id="unwilling", text=text)).events
    assert [(e.type, e.claim.factuality) for e in found] == [("CONCEDE", "negated")]


def test_a_promise_to_harm_is_one_threat_not_an_agreement(nlp_pipeline: Pipeline) -> None:
    article = nlp_pipeline(
        Article(article_id="vow", text="Russia vowed to shoot down any American planes.")
    )
    types = sorted(e.type for e in article.events)
    assert types == ["ASSAULT", "THREATEN"]
    (threat,) = [e for e in article.events if e.type == "THREATEN"]
    assert threat.stated == "ASSAULT" and [a.name for a in threat.actor] == ["Russia"]


def test_a_promise_to_cooperate_is_one_agreement_with_the_act_s_recipient(
    nlp_pipeline: Pipeline,
) -> None:
    text = "Iran promised to meet the inspectors next week."
    article = nlp_pipeline(Article(article_id="promise", text=text))
    (agree,) = [e for e in article.events if e.type == "AGREE"]
    assert agree.trigger == "promised" and agree.stated == "CONSULT"
    assert [a.name for a in agree.recipient] == ["inspectors"]
    (meet,) = [e for e in article.events if e.type == "CONSULT"]
    assert meet.claim.factuality == "future"


def test_a_vow_is_a_promise(nlp_pipeline: Pipeline) -> None:
    text = "The president vowed to build a new hospital in the city."
    article = nlp_pipeline(Article(article_id="vow2", text=text))
    assert [e.type for e in article.events] == ["AGREE"]
