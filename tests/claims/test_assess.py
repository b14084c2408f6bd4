"""Attribution, factuality and the announced flag, read from the parse of sentences we write."""

from __future__ import annotations

import pytest

from dragoman.pipeline import Pipeline
from dragoman.types import Article, Claim


def claim_of(pipeline: Pipeline, text: str, type_: str = "CONSULT") -> Claim:
    found = [e for e in pipeline(Article(article_id="claims", text=text)).events if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger) for e in found]
    return found[0].claim


def test_claim_asserted_without_cues(nlp_pipeline: Pipeline) -> None:
    claim = claim_of(nlp_pipeline, "Lavrov met Assad in Damascus on Monday.")
    assert claim == Claim(attribution=(), factuality="asserted", announced=None, cues=())


def test_claim_did_not_meet_is_negated(nlp_pipeline: Pipeline) -> None:
    claim = claim_of(nlp_pipeline, "Lavrov did not meet Assad in Damascus.")
    assert claim.factuality == "negated"
    assert claim.cues == ("not",)


def test_claim_would_launch_if_is_hypothetical(nlp_pipeline: Pipeline) -> None:
    text = "Turkey would launch an offensive if the Kurdish militias attacked."
    found = nlp_pipeline(Article(article_id="claims", text=text)).events
    by_trigger = {e.trigger: e.claim for e in found}
    assert by_trigger["offensive"].factuality == "hypothetical"
    assert by_trigger["offensive"].cues == ("would",)
    # What the "if" clause supposes did not happen either.
    assert by_trigger["attacked"].factuality == "hypothetical"
    assert by_trigger["attacked"].cues == ("if",)


def test_claim_will_visit_is_future(nlp_pipeline: Pipeline) -> None:
    claim = claim_of(nlp_pipeline, "Lavrov will visit Damascus next week.")
    assert claim.factuality == "future"
    assert claim.cues == ("will",)


def test_claim_allegedly_sacked_is_alleged(nlp_pipeline: Pipeline) -> None:
    text = "The minister was allegedly sacked by the president."
    claim = claim_of(nlp_pipeline, text, type_="SANCTION")
    assert claim.factuality == "alleged"
    assert claim.cues == ("allegedly",)


def test_claim_said_that_is_reported_with_its_source(nlp_pipeline: Pipeline) -> None:
    text = "Sergei Lavrov said that Turkish troops attacked Kurdish fighters near Afrin."
    claim = claim_of(nlp_pipeline, text, type_="ASSAULT")
    assert claim.factuality == "reported"
    (source,) = claim.attribution
    assert (source.name, source.cue) == ("Sergey Lavrov", "said")  # the actor base's canonical name
    assert source.kind == "official"


def test_claim_according_to_state_media_is_reported_by_media(nlp_pipeline: Pipeline) -> None:
    claim = claim_of(nlp_pipeline, "According to state media, Lavrov met Assad in Damascus.")
    assert claim.factuality == "reported"
    (source,) = claim.attribution
    assert (source.name, source.kind) == ("state media", "media")
    assert (source.cue or "").lower() == "according to"


def test_claim_denied_meeting_is_denied(nlp_pipeline: Pipeline) -> None:
    claim = claim_of(nlp_pipeline, "Syria denied meeting Israeli officials.")
    assert claim.factuality == "denied"
    assert claim.cues == ("denied",)


def test_claim_denied_that_clause_is_denied(nlp_pipeline: Pipeline) -> None:
    claim = claim_of(nlp_pipeline, "The ministry denied that Lavrov met Assad.")
    assert claim.factuality == "denied"


def test_claim_secretly_met_is_not_announced(nlp_pipeline: Pipeline) -> None:
    claim = claim_of(nlp_pipeline, "Lavrov secretly met Assad in Damascus.")
    assert claim.announced is False
    assert claim.factuality == "asserted"


def test_claim_announced_meeting_is_announced(nlp_pipeline: Pipeline) -> None:
    claim = claim_of(nlp_pipeline, "The Kremlin announced that Lavrov met Assad in Damascus.")
    assert claim.announced is True
    assert claim.factuality == "reported"
    # The Kremlin speaks for Russia.
    assert [(s.name, s.cue) for s in claim.attribution] == [("Russia", "announced")]


def test_claim_that_meeting_not_announced_covers_the_sentence_before(
    nlp_pipeline: Pipeline,
) -> None:
    text = (
        "Erdogan visited Baku on Friday. Lavrov met Assad in Damascus on Monday. "
        "That meeting was not officially announced."
    )
    found = nlp_pipeline(Article(article_id="claims", text=text)).events
    assert {e.trigger: e.claim.announced for e in found} == {"visited": None, "met": False}


def test_claim_no_sign_of_interest_in_talks_is_negated(nlp_pipeline: Pipeline) -> None:
    text = "The regime has shown no sign of interest in talks with the opposition."
    assert claim_of(nlp_pipeline, text).factuality == "negated"


def test_claim_an_invitation_to_visit_is_future(nlp_pipeline: Pipeline) -> None:
    text = (
        "The Turkish president extended an invitation to visit Ankara to his Iranian counterpart."
    )
    assert claim_of(nlp_pipeline, text).factuality == "future"


def test_claim_what_someone_is_urged_or_begged_to_do_is_hypothetical(
    nlp_pipeline: Pipeline,
) -> None:
    claim = claim_of(nlp_pipeline, "The UN urged Russia to withdraw its troops.", "RETREAT")
    assert (claim.factuality, claim.cues) == ("hypothetical", ("urged",))
    text = "Egeland said this week, begging Jordan to reopen its border."
    assert claim_of(nlp_pipeline, text, "RETREAT").factuality == "hypothetical"
    done = "Russia withdrew its troops after the UN urged it."
    assert claim_of(nlp_pipeline, done, "RETREAT").factuality == "asserted"


def test_claim_an_attack_said_to_be_imminent_is_future(nlp_pipeline: Pipeline) -> None:
    text = "Erdogan warned that a Turkish military operation against the YPG is imminent."
    claim = claim_of(nlp_pipeline, text, "ASSAULT")
    assert (claim.factuality, claim.cues) == ("future", ("imminent",))


def test_claim_fears_of_an_attack_are_hypothetical(nlp_pipeline: Pipeline) -> None:
    text = "Residents voiced fears of an attack by the militants."
    assert claim_of(nlp_pipeline, text, "ASSAULT").factuality == "hypothetical"


def test_claim_acts_named_inside_what_is_asked_still_happen(nlp_pipeline: Pipeline) -> None:
    text = "The ministry called for an end to the regime's attacks on Aleppo."
    assert claim_of(nlp_pipeline, text, "ASSAULT").factuality == "asserted"


@pytest.mark.parametrize(
    ("text", "type_", "cue"),
    [
        # an attack that is the subject of a condition
        (
            "If the Turkish attack is launched, the Kurds will move their forces to Afrin.",
            "ASSAULT",
            "If",
        ),
        # what someone has the responsibility to do
        (
            "Russia has a special responsibility to press the regime to stop.",
            "REQUEST",
            "responsibility",
        ),
    ],
)
def test_claim_a_condition_or_a_responsibility_is_hypothetical(
    nlp_pipeline: Pipeline, text: str, type_: str, cue: str
) -> None:
    claim = claim_of(nlp_pipeline, text, type_)
    assert (claim.factuality, claim.cues) == ("hypothetical", (cue,))


@pytest.mark.parametrize(
    ("text", "type_", "factuality"),
    [
        ("The West could not protect the Kurds from a Turkish assault.", "ASSAULT", "hypothetical"),
        (
            "Erdogan said Turkey would stall its offensive against the Kurds.",
            "ASSAULT",
            "future",
        ),
        (
            "That is at stake when we talk about an attack by the Turkish army.",
            "ASSAULT",
            "hypothetical",
        ),
        ("They talked about the attack on the convoy by the rebels.", "ASSAULT", "asserted"),
        (
            "The regime has shown no signs of interest in a dialogue with the Kurds.",
            "CONSULT",
            "negated",
        ),
    ],
)
def test_claim_prevented_delayed_discussed_or_unwanted_acts(
    nlp_pipeline: Pipeline, text: str, type_: str, factuality: str
) -> None:
    assert claim_of(nlp_pipeline, text, type_).factuality == factuality


def test_claim_an_act_called_out_is_not_asked_for(nlp_pipeline: Pipeline) -> None:
    text = "Zelenskyy called out the Hungarian leader's recent visit to Moscow."
    assert claim_of(nlp_pipeline, text, "CONSULT").factuality == "asserted"
