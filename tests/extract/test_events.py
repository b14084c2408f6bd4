"""Finding events through the real pipeline: triggers, actors, recipients, evidence, ids."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from dragoman.extract import ExtractEvents
from dragoman.pipeline import Pipeline
from dragoman.types import Actor, Article, Event


def events(pipeline: Pipeline, text: str, article_id: str = "events") -> tuple[Event, ...]:
    return pipeline(Article(article_id=article_id, text=text)).events


def only(found: tuple[Event, ...], type_: str) -> Event:
    matching = [e for e in found if e.type == type_]
    assert len(matching) == 1, [(e.type, e.trigger) for e in found]
    return matching[0]


def names(actors: tuple[Actor, ...]) -> list[str]:
    return [a.name for a in actors]


def test_extract_events_met_with_is_consult(nlp_pipeline: Pipeline) -> None:
    ev = only(events(nlp_pipeline, "Lavrov met with Assad in Damascus on Monday."), "CONSULT")
    # The actor base gives the canonical names behind the surnames.
    assert names(ev.actor) == ["Sergey Lavrov"]
    assert names(ev.recipient) == ["Bashar al-Assad"]
    assert [a.text for a in ev.actor + ev.recipient] == ["Lavrov", "Assad"]
    assert ev.trigger == "met"
    assert ev.mode is None


def test_extract_events_phone_talks_noun_is_consult_by_phone(nlp_pipeline: Pipeline) -> None:
    text = (
        "Lavrov's telephone talks with his Turkish counterpart, Mevlut Cavusoglu, "
        "covered the ceasefire."
    )
    ev = only(events(nlp_pipeline, text), "CONSULT")
    assert ev.mode == "phone"
    assert ev.trigger == "talks"
    assert names(ev.actor) == ["Sergey Lavrov"]
    (recipient,) = ev.recipient
    assert recipient.name == "Mevlüt Çavuşoğlu"  # canonical, with its accents
    # The apposition names him; "his Turkish counterpart" gives his country and sector.
    assert (recipient.country, recipient.sector, recipient.person) == ("TUR", "GOV", True)


def test_extract_events_passive_subject_is_the_recipient(nlp_pipeline: Pipeline) -> None:
    ev = only(events(nlp_pipeline, "The minister was sacked by the president."), "SANCTION")
    assert [(a.name, a.sector) for a in ev.recipient] == [("minister", "GOV")]
    assert [(a.name, a.sector) for a in ev.actor] == [("president", "GOV")]


def test_extract_events_coordinated_subjects_are_all_actors(nlp_pipeline: Pipeline) -> None:
    ev = only(events(nlp_pipeline, "Russia, Iran and Turkey condemned the strike."), "ACCUSE")
    assert [a.country for a in ev.actor] == ["RUS", "IRN", "TUR"]
    assert ev.mode == "disapprove"


def test_extract_events_demanded_apology_is_a_request_not_a_concession(
    nlp_pipeline: Pipeline,
) -> None:
    found = events(nlp_pipeline, "Iran demanded an apology.")
    assert [e.type for e in found] == ["REQUEST"]
    assert [a.country for a in found[0].actor] == ["IRN"]


def test_extract_events_request_recipient_from_the_object_preposition(
    nlp_pipeline: Pipeline,
) -> None:
    ev = only(events(nlp_pipeline, "Iran demanded an apology from Israel."), "REQUEST")
    assert [a.country for a in ev.recipient] == ["ISR"]


def test_extract_events_he_resolves_to_the_last_named_person(nlp_pipeline: Pipeline) -> None:
    text = (
        "Wang Yi flew to Tehran on Sunday. Sergei Lavrov arrived in Ankara on Monday. "
        "He met Mevlut Cavusoglu on Tuesday."
    )
    ev = only(events(nlp_pipeline, text), "CONSULT")
    (actor,) = ev.actor
    assert actor.text == "He"
    assert actor.name == "Sergey Lavrov"  # the base's canonical spelling of "Sergei"
    assert actor.person
    assert names(ev.recipient) == ["Mevlüt Çavuşoğlu"]


def test_extract_events_pronoun_without_antecedent_gives_no_event(nlp_pipeline: Pipeline) -> None:
    assert events(nlp_pipeline, "They met on Monday.") == ()


def test_extract_events_no_event_without_a_resolved_participant(nlp_pipeline: Pipeline) -> None:
    assert events(nlp_pipeline, "The weather was discussed at length.") == ()


def test_extract_events_object_noun_is_the_recipient(nlp_pipeline: Pipeline) -> None:
    text = "Lavrov met Foreign Minister Faisal al-Mekdad in Moscow."
    ev = only(events(nlp_pipeline, text), "CONSULT")
    (recipient,) = ev.recipient
    assert (recipient.name, recipient.sector, recipient.person) == ("Faisal al-Mekdad", "GOV", True)


def test_extract_events_hyphenated_name_as_subject(nlp_pipeline: Pipeline) -> None:
    text = "Foreign Minister Faisal al-Mekdad met Lavrov in Moscow."
    ev = only(events(nlp_pipeline, text), "CONSULT")
    assert names(ev.actor) == ["Faisal al-Mekdad"]


TEXT = (
    "Russia and Turkey hold talks\n"
    "\n"
    "Lavrov met with Assad in Damascus on Monday. Turkish troops shelled Kurdish fighters "
    "near Afrin.\n"
    "\n"
    "Iran condemned the shelling on Tuesday."
)


def test_extract_events_evidence_offsets_slice_the_article(nlp_pipeline: Pipeline) -> None:
    found = events(nlp_pipeline, TEXT)
    assert len(found) >= 3
    for ev in found:
        assert TEXT[ev.evidence.start : ev.evidence.end] == ev.evidence.sentence
        assert TEXT[ev.trigger_start : ev.trigger_start + len(ev.trigger)] == ev.trigger
        assert ev.evidence.start <= ev.trigger_start < ev.evidence.end
        assert ev.article_id == "events"
    sentences = {ev.evidence.sentence for ev in found}
    assert "Lavrov met with Assad in Damascus on Monday." in sentences
    assert "Iran condemned the shelling on Tuesday." in sentences


def test_extract_events_ids_are_stable_across_runs(nlp_pipeline: Pipeline) -> None:
    first = [e.event_id for e in events(nlp_pipeline, TEXT)]
    again = [e.event_id for e in events(nlp_pipeline, TEXT)]
    assert first == again
    assert len(set(first)) == len(first)
    assert all(re.fullmatch(r"ev_[0-9a-f]{12}", i) for i in first)
    other = [e.event_id for e in events(nlp_pipeline, TEXT, article_id="another")]
    assert not set(first) & set(other)


def test_extract_events_both_sides_are_the_parties_told_before(nlp_pipeline: Pipeline) -> None:
    text = (
        "Government troops surrounded rebel fighters near the town on Monday. "
        "Mediators later persuaded both sides to carry out a prisoner swap."
    )
    ev = only(events(nlp_pipeline, text), "RETREAT")
    assert len(ev.actor) == 2
    assert {a.sector for a in ev.actor} == {"MIL", "REB"}


def test_extract_events_purpose_clause_names_the_target(nlp_pipeline: Pipeline) -> None:
    text = "The army launched an offensive in the north in an effort to drive out the rebels."
    ev = only(events(nlp_pipeline, text), "ASSAULT")
    assert [a.sector for a in ev.recipient] == ["REB"]


def test_extract_events_we_in_a_quote_is_whoever_says_it(nlp_pipeline: Pipeline) -> None:
    text = "“We will never negotiate with the rebels,” the Malian defence minister said."
    (ev,) = [e for e in events(nlp_pipeline, text) if e.type == "CONSULT"]
    assert [a.country for a in ev.actor] == ["MLI"]
    assert ev.claim.factuality == "negated"


def test_extract_events_a_quote_spoken_elsewhere_keeps_its_we_unresolved(
    nlp_pipeline: Pipeline,
) -> None:
    text = "The minister spoke to reporters.\n\n“We phoned the hotline.”"
    assert not [e for e in events(nlp_pipeline, text) if e.trigger == "phoned"]


def test_extract_events_people_undergo_events(nlp_pipeline: Pipeline) -> None:
    ev = only(events(nlp_pipeline, "A man was shot dead by police in Lagos on Monday."), "ASSAULT")
    assert [a.sector for a in ev.recipient] == ["CVL"]
    assert [a.sector for a in ev.actor] == ["COP"]


def test_extract_events_free_needs_someone_freed(nlp_pipeline: Pipeline) -> None:
    assert not [
        e
        for e in events(nlp_pipeline, "The army vowed to free the east of the city from rebels.")
        if e.type == "RETREAT"
    ]
    freed = only(events(nlp_pipeline, "The rebels freed twelve hostages on Sunday."), "RETREAT")
    assert freed.recipient


def test_extract_events_fighting_alongside_is_cooperation(nlp_pipeline: Pipeline) -> None:
    found = events(nlp_pipeline, "Kurdish fighters fought alongside American troops in Raqqa.")
    assert [e.type for e in found] == ["COOPERATE"]


def test_extract_events_justice_verbs_and_nouns(nlp_pipeline: Pipeline) -> None:
    convicted = events(nlp_pipeline, "A Moscow court convicted the opposition leader on Monday.")
    assert [e.type for e in convicted] == ["SANCTION"]
    tried = events(nlp_pipeline, "Prosecutors will put the former minister on trial in Kyiv.")
    assert "ACCUSE" in {e.type for e in tried}


def test_extract_events_possessor_of_an_arrest_undergoes_it(nlp_pipeline: Pipeline) -> None:
    ev = only(events(nlp_pipeline, "Activists condemned Navalny's arrest."), "COERCE")
    assert names(ev.recipient) == ["Alexei Navalny"]
    assert [(a.text, a.name) for a in ev.actor] == [("", "police")]  # implied, not named
    ev = only(
        events(nlp_pipeline, "Rights groups condemned Iran's arrest of journalists."), "COERCE"
    )
    assert [a.country for a in ev.actor] == ["IRN"]


def test_extract_events_capturing_people_is_coercion_places_an_assault(
    nlp_pipeline: Pipeline,
) -> None:
    people = events(nlp_pipeline, "Kurdish forces captured three Islamic State commanders.")
    assert [e.type for e in people] == ["COERCE"]
    town = events(nlp_pipeline, "Kurdish forces captured the town of Manbij.")
    assert [e.type for e in town] == ["ASSAULT"]


def test_extract_events_called_for_someone_to_act(nlp_pipeline: Pipeline) -> None:
    text = "Diane Abbott called for Begum to be given the chance to have her case heard."
    ev = only(events(nlp_pipeline, text), "REQUEST")
    assert names(ev.actor) == ["Diane Abbott"] and names(ev.recipient) == ["Begum"]


def test_extract_events_asked_in_the_passive(nlp_pipeline: Pipeline) -> None:
    ev = only(events(nlp_pipeline, "Israel should also be asked to offer refuge."), "REQUEST")
    assert [a.country for a in ev.recipient] == ["ISR"]


def test_extract_events_told_someone_that_they_must(nlp_pipeline: Pipeline) -> None:
    text = "Macron told Erdogan that the ceasefire must be applied across the country."
    ev = only(events(nlp_pipeline, text), "REQUEST")
    assert [a.country for a in ev.recipient] == ["TUR"]


def test_extract_events_violence_is_an_event_without_named_participants(
    nlp_pipeline: Pipeline,
) -> None:
    ev = only(events(nlp_pipeline, "Dozens were arrested in Minsk on Sunday."), "COERCE")
    assert not ev.actor and not ev.recipient
    assert not events(nlp_pipeline, "The talks were held in Geneva on Sunday.")


@pytest.mark.parametrize(
    "text",
    [
        "The ministry refused to comment on the report.",
        "Forecasters warned of heavy storms in the north.",
        "The spokesman spoke at a press conference in Ankara.",
        "The suspect pleaded not guilty to all charges.",
    ],
)
def test_extract_events_expressions_that_are_no_event(nlp_pipeline: Pipeline, text: str) -> None:
    assert not events(nlp_pipeline, text)


def test_extract_events_found_guilty_is_a_conviction(nlp_pipeline: Pipeline) -> None:
    found = events(nlp_pipeline, "The student was found guilty of conspiracy in Boston.")
    assert [e.type for e in found] == ["SANCTION"]


def test_extract_events_a_vow_is_read_through_what_is_vowed(nlp_pipeline: Pipeline) -> None:
    fight = {e.type for e in events(nlp_pipeline, "The rebels vowed to attack the capital.")}
    assert "THREATEN" in fight and "ASSAULT" in fight
    help_ = {e.type for e in events(nlp_pipeline, "Japan vowed to support the Philippines.")}
    assert "AGREE" in help_ and "THREATEN" not in help_


def test_extract_events_detected_types_the_rules_miss_become_events(
    nlp_pipeline: Pipeline,
) -> None:
    text = "Kurdish leaders savaged the Turkish president over the border operation."
    parse = nlp_pipeline.stages[0]
    parsed = parse(Article(article_id="detected", text=text))
    assert not [e for e in ExtractEvents()(parsed).events if e.type == "ACCUSE"]
    told = replace(parsed, sentence_types=((("ACCUSE", 0.93),),))
    (ev,) = [e for e in ExtractEvents()(told).events if e.type == "ACCUSE"]
    assert ev.trigger == "savaged" and [a.country for a in ev.recipient] == ["TUR"]
    assert ev.confidence < 0.6


def test_extract_events_detected_types_keep_the_rules_reading_of_a_word(
    nlp_pipeline: Pipeline,
) -> None:
    parse = nlp_pipeline.stages[0]
    jailed = parse(Article(article_id="d1", text="A court jailed the activist for six years."))
    told = replace(jailed, sentence_types=((("ASSAULT", 0.95),),))
    assert {e.type for e in ExtractEvents()(told).events} == {"COERCE"}
    said = parse(Article(article_id="d2", text="The envoy said so on Monday."))
    told = replace(said, sentence_types=((("AID", 0.95),),))
    assert not ExtractEvents()(told).events  # "said" alone is no aid


def test_extract_events_a_judgement_said_of_someone_s_act_accuses_them(
    nlp_pipeline: Pipeline,
) -> None:
    (ev,) = [
        e
        for e in events(nlp_pipeline, "Turkey said Israel's decision was illegal.")
        if e.type == "ACCUSE"
    ]
    assert [a.country for a in ev.actor] == ["TUR"]
    assert [r.country for r in ev.recipient] == ["ISR"] and ev.mode == "disapprove"
    named = events(nlp_pipeline, "Moscow called the US strikes illegal.")
    assert [
        ([a.country for a in e.actor], [r.country for r in e.recipient])
        for e in named
        if e.type == "ACCUSE"
    ] == [(["RUS"], ["USA"])]
    assert not [e for e in named if e.type == "CONSULT"]  # naming someone is no phone call


@pytest.mark.parametrize(
    "text",
    [
        "Turkey said Israel's decision was not illegal.",  # negated
        "Turkey said no government should make the same mistake.",  # advice
        "Turkey said it was wrong to wait.",  # on no one
        "The decision by Israel was illegal.",  # nobody is said to judge
    ],
)
def test_extract_events_judgements_that_accuse_no_one(nlp_pipeline: Pipeline, text: str) -> None:
    assert not [e for e in events(nlp_pipeline, text) if e.type == "ACCUSE"]


def published_by(pipeline: Pipeline, text: str, publisher: str) -> tuple[Event, ...]:
    article = Article(article_id="statement", text=text, publisher=publisher)
    return next(iter(pipeline.run([article]))).events


def test_extract_events_we_in_a_statement_s_own_words_is_its_publisher(
    nlp_pipeline: Pipeline,
) -> None:
    text = "We call for an end to the Asad regime's attacks on civilians."
    (ask,) = [
        e
        for e in published_by(nlp_pipeline, text, "U.S. Department of State")
        if e.type == "REQUEST"
    ]
    assert [(a.country, a.sector) for a in ask.actor] == [("USA", "GOV")]
    assert [r.sector for r in ask.recipient] == ["GOV"]  # whose attacks are to end
    # a newspaper's "we", and quoted words whose speaker is not found, stay unresolved
    assert [
        e.actor for e in published_by(nlp_pipeline, text, "The Guardian") if e.type == "REQUEST"
    ] == [()]
    quoted = "“We call for an end to the attacks on civilians.”"
    assert not [
        e
        for e in published_by(nlp_pipeline, quoted, "U.S. Department of State")
        if e.type == "REQUEST"
    ]


def test_extract_events_condemning_or_rejecting_an_act_aims_at_its_owner(
    nlp_pipeline: Pipeline,
) -> None:
    found = {
        e.type: [r.country for r in e.recipient]
        for e in events(nlp_pipeline, "Turkey condemned the Israeli raid on the camp.")
    }
    assert found["ACCUSE"] == ["ISR"]
    found = {
        e.type: [r.country for r in e.recipient]
        for e in events(nlp_pipeline, "Iran rejected the American proposal.")
    }
    assert found["REJECT"] == ["USA"]


def test_extract_events_a_call_with_someone_is_a_phone_call(nlp_pipeline: Pipeline) -> None:
    text = "Kerry raised these concerns in a call with the Russian foreign minister."
    (ev,) = [e for e in events(nlp_pipeline, text) if e.type == "CONSULT"]
    assert ev.mode == "phone" and [r.country for r in ev.recipient] == ["RUS"]


def test_extract_events_charged_with_and_arrests_of(nlp_pipeline: Pipeline) -> None:
    charged = events(nlp_pipeline, "Juan Requesens was charged with treason on Monday.")
    assert [(e.type, e.mode) for e in charged] == [("ACCUSE", "allege")]
    assert [r.name for r in charged[0].recipient] == ["Juan Requesens"]
    (arrests,) = events(nlp_pipeline, "Arrests of political activists have accelerated.")
    assert arrests.type == "COERCE" and [r.text for r in arrests.recipient] == [
        "political activists"
    ]


def test_extract_events_a_victim_s_passive_names_the_attack_s_doer(
    nlp_pipeline: Pipeline,
) -> None:
    text = "Five civilians were wounded in an Israeli air strike on Gaza."
    wounded = [e for e in events(nlp_pipeline, text) if e.trigger == "wounded"]
    assert [[a.country for a in e.actor] for e in wounded] == [["ISR"]]
    ordered = events(nlp_pipeline, "The president ordered the troops withdrawn.")
    assert [a.text for e in ordered if e.type == "RETREAT" for a in e.actor] == ["president"]


def test_extract_events_supplying_any_kind_of_arms_is_military_aid(nlp_pipeline: Pipeline) -> None:
    ev = only(events(nlp_pipeline, "Iran supplied missiles to Russia in March."), "AID")
    assert (ev.mode, names(ev.actor), names(ev.recipient)) == ("military", ["Iran"], ["Russia"])


def test_extract_events_who_receives_aid_is_the_recipient(nlp_pipeline: Pipeline) -> None:
    text = "The Kurdish fighters received weapons from the United States last year."
    ev = only(events(nlp_pipeline, text), "AID")
    assert names(ev.actor) == ["United States"]
    assert [a.text for a in ev.recipient] == ["Kurdish fighters"]


def test_extract_events_participle_passive_names_doer_and_undergoer(
    nlp_pipeline: Pipeline,
) -> None:
    text = "The villages shelled by government troops lie near the border."
    ev = only(events(nlp_pipeline, text), "ASSAULT")
    assert [a.text for a in ev.actor] == ["government troops"]
    assert [a.text for a in ev.recipient] == ["villages"]


def test_extract_events_released_thing_is_no_retreat(nlp_pipeline: Pipeline) -> None:
    found = events(nlp_pipeline, "A video released by the rebels shows the damage.")
    assert "RETREAT" not in {e.type for e in found}


def test_extract_events_attack_noun_of_object_is_the_target(nlp_pipeline: Pipeline) -> None:
    text = "The massacre of 300 villagers by the militia was denied."
    ev = only(events(nlp_pipeline, text), "ASSAULT")
    assert [a.text for a in ev.actor] == ["militia"]
    assert [a.text for a in ev.recipient] == ["300 villagers"]


def test_extract_events_agreement_with_someone_is_had_by_the_clause_subject(
    nlp_pipeline: Pipeline,
) -> None:
    text = "Kerry was close to securing Russian help through an agreement with Lavrov."
    ev = only(events(nlp_pipeline, text), "AGREE")
    assert names(ev.actor) == ["John Kerry"]
    assert names(ev.recipient) == ["Sergey Lavrov"]


def test_extract_events_what_demonstrators_do_is_a_protest(nlp_pipeline: Pipeline) -> None:
    text = "Thousands of demonstrators converged on the capital on Sunday."
    ev = only(events(nlp_pipeline, text), "PROTEST")
    assert (ev.trigger, [a.text for a in ev.actor]) == ("converged", ["demonstrators"])
    assert not events(nlp_pipeline, "Demonstrators said they would return.")


def test_extract_events_a_noun_that_breaks_out_is_an_event(nlp_pipeline: Pipeline) -> None:
    ev = only(events(nlp_pipeline, "Heavy fighting broke out in the north on Monday."), "ASSAULT")
    assert ev.actor == () and ev.recipient == ()
    # A noun alone, with nobody named and nothing said to happen, is background.
    assert not events(nlp_pipeline, "The fighting is a tragedy.")


def test_extract_events_organised_by_names_who_holds_the_protest(nlp_pipeline: Pipeline) -> None:
    text = "Demonstrations organised by the opposition resumed on Tuesday in Nairobi."
    ev = only(events(nlp_pipeline, text), "PROTEST")
    assert [a.text for a in ev.actor] == ["opposition"]


def test_extract_events_coming_to_an_agreement_is_agreeing(nlp_pipeline: Pipeline) -> None:
    ev = only(events(nlp_pipeline, "Iran and Iraq have come to an agreement on water."), "AGREE")
    assert names(ev.actor + ev.recipient) == ["Iran", "Iraq"]


def test_extract_events_who_is_given_a_sentence_undergoes_it(nlp_pipeline: Pipeline) -> None:
    text = "The opposition leader was given a suspended sentence on Monday."
    ev = only(events(nlp_pipeline, text), "SANCTION")
    assert [a.text for a in ev.recipient] == ["opposition leader"]


def test_extract_events_one_of_the_men_released_is_someone_released(
    nlp_pipeline: Pipeline,
) -> None:
    ev = only(events(nlp_pipeline, "One of the men has since been released."), "RETREAT")
    assert [a.text for a in ev.recipient] == ["men"]


def test_extract_events_provided_someone_with_something_is_aid_to_them(
    nlp_pipeline: Pipeline,
) -> None:
    text = "The United States provided the Iraqi army with intelligence."
    ev = only(events(nlp_pipeline, text), "AID")
    assert names(ev.actor) == ["United States"]
    assert [a.text for a in ev.recipient] == ["Iraqi army"]


def test_extract_events_whose_citizenship_is_revoked_is_the_recipient(
    nlp_pipeline: Pipeline,
) -> None:
    text = "The minister revoked the citizenship of Shamima Begum."
    ev = only(events(nlp_pipeline, text), "SANCTION")
    assert [a.text for a in ev.recipient] == ["Shamima Begum"]


def test_extract_events_an_object_pronoun_is_not_its_own_subject(nlp_pipeline: Pipeline) -> None:
    text = "The council refused to go. Turkey, its sponsor, had been urging it to attend."
    ev = only(events(nlp_pipeline, text), "REQUEST")
    assert names(ev.actor) == ["Turkey"]
    assert [a.text for a in ev.recipient] == ["it"] and ev.recipient[0].name != "Turkey"


def test_extract_events_surrendered_to_someone_names_them(nlp_pipeline: Pipeline) -> None:
    text = "Several towns have surrendered to the forces of President Bashar al-Assad."
    ev = only(events(nlp_pipeline, text), "RETREAT")
    assert names(ev.recipient) == ["Bashar al-Assad"]


def test_extract_events_a_group_named_before_attacks_did_them(nlp_pipeline: Pipeline) -> None:
    ev = only(events(nlp_pipeline, "Taliban attacks on police posts killed nine."), "ASSAULT")
    assert names(ev.actor) == ["Taliban"]


def test_extract_events_a_city_before_talks_is_where_they_are_held(nlp_pipeline: Pipeline) -> None:
    assert not events(nlp_pipeline, "The Vienna talks were marked by anger.")
    assert not events(nlp_pipeline, "The Sochi peace conference has turned into a struggle.")
    ev = only(events(nlp_pipeline, "Russian talks with Turkey ended on Friday."), "CONSULT")
    assert names(ev.actor) == ["Russia"]


def test_extract_events_a_verb_entry_and_its_object_are_one_event(nlp_pipeline: Pipeline) -> None:
    found = events(nlp_pipeline, "The European Union imposed sanctions on Iran on Monday.")
    assert [e.type for e in found] == ["SANCTION"]


def test_extract_events_a_body_leading_talks_is_named_before_them(nlp_pipeline: Pipeline) -> None:
    text = "It came after the UN-led peace talks in Vienna ended late on Friday."
    ev = only(events(nlp_pipeline, text), "CONSULT")
    assert names(ev.actor) == ["United Nations"]


def test_extract_events_the_subject_of_a_light_verb_names_the_doer_of_its_noun(
    nlp_pipeline: Pipeline,
) -> None:
    ev = only(events(nlp_pipeline, "The Kremlin launched its air strikes in 2015."), "ASSAULT")
    assert [a.text for a in ev.actor] == ["Kremlin"]


@pytest.mark.parametrize(
    "text",
    [
        "The attack was carried out by Hamas militants.",
        "The attack is widely believed to have been carried out by Hamas militants.",
    ],
)
def test_extract_events_an_attack_carried_out_by_someone_is_theirs(
    nlp_pipeline: Pipeline, text: str
) -> None:
    ev = only(events(nlp_pipeline, text), "ASSAULT")
    assert names(ev.actor) == ["Hamas"]


def test_extract_events_a_battle_between_two_sides(nlp_pipeline: Pipeline) -> None:
    text = "A battle between government troops and the rebels broke out on Monday."
    ev = only(events(nlp_pipeline, text), "ASSAULT")
    # Both sides fight: neither is only the target.
    assert [a.text for a in ev.actor] == ["government troops", "rebels"]


def test_extract_events_a_participle_tagged_as_past_tense_with_its_agent(
    nlp_pipeline: Pipeline,
) -> None:
    text = "The alleged killer, Cherif Chekatt – shot dead by police – had a long record."
    ev = only(events(nlp_pipeline, text), "ASSAULT")
    assert [a.text for a in ev.actor] == ["police"]


def test_extract_events_an_arrest_in_a_country_is_done_by_that_state(
    nlp_pipeline: Pipeline,
) -> None:
    ev = only(events(nlp_pipeline, "Two journalists were arrested in Iran on Monday."), "COERCE")
    assert names(ev.actor) == ["Iran"]
    # A city is no jurisdiction to name: the police of its country are implied, not named.
    ev = only(events(nlp_pipeline, "Two journalists were arrested in Tehran on Monday."), "COERCE")
    assert [(a.text, a.name, a.country) for a in ev.actor] == [("", "police", "IRN")]


def test_extract_events_telling_or_ordering_someone_to_act_is_a_request(
    nlp_pipeline: Pipeline,
) -> None:
    found = events(nlp_pipeline, "The general ordered his troops to withdraw from the town.")
    request, retreat = only(found, "REQUEST"), only(found, "RETREAT")
    assert [a.text for a in request.recipient] == ["his troops"]
    assert retreat.claim.factuality == "hypothetical"  # ordered, not yet done
    ev = only(events(nlp_pipeline, "Trump told Erdogan to stop the offensive."), "REQUEST")
    assert names(ev.recipient) == ["Recep Tayyip Erdoğan"]
    # An order of a thing, with a purpose, is no request to anyone.
    text = "Putin ordered a daily humanitarian pause to allow civilians to leave."
    assert "REQUEST" not in {e.type for e in events(nlp_pipeline, text)}


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Pakistan and Russia have begun joint military drills near the border.", "COOPERATE"),
        ("China conducted joint drills this week with Russia and Iran.", "COOPERATE"),
        ("Russia is conducting military exercises in Alaska.", "MOBILIZE"),
    ],
)
def test_extract_events_exercises_with_others_are_cooperation_alone_a_show_of_force(
    nlp_pipeline: Pipeline, text: str, type_: str
) -> None:
    found = events(nlp_pipeline, text)
    assert [e.type for e in found] == [type_], [(e.type, e.trigger) for e in found]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("The United States cut off funding to UNESCO on Monday.", "UNESCO"),
        ("Saudi Arabia broke off relations with Qatar.", "Qatar"),
        ("China halted all coal imports from Australia.", "Australia"),
    ],
)
def test_extract_events_cutting_aid_ties_or_trade_is_a_sanction(
    nlp_pipeline: Pipeline, text: str, recipient: str
) -> None:
    ev = only(events(nlp_pipeline, text), "SANCTION")
    assert (ev.mode, [a.text for a in ev.recipient]) == ("discontinue", [recipient])


def test_extract_events_withdrawing_from_a_treaty_is_a_sanction_not_a_retreat(
    nlp_pipeline: Pipeline,
) -> None:
    treaty = events(nlp_pipeline, "In 2018 Donald Trump withdrew from the nuclear treaty.")
    assert [e.type for e in treaty] == ["SANCTION"]
    troops = events(nlp_pipeline, "Russia withdrew its troops from the border.")
    assert [e.type for e in troops] == ["RETREAT"]


def test_extract_events_a_missile_test_is_a_show_of_force_not_an_attack(
    nlp_pipeline: Pipeline,
) -> None:
    ev = only(
        events(nlp_pipeline, "North Korea test-fired two ballistic missiles on Sunday."), "MOBILIZE"
    )
    assert ev.mode == "weapons"
    assert not events(nlp_pipeline, "The children took part in a fire drill at the school.")


def test_extract_events_attacking_someone_for_something_is_criticism(
    nlp_pipeline: Pipeline,
) -> None:
    text = "Opposition leaders attacked the government for failing to control the violence."
    assert [e.type for e in events(nlp_pipeline, text)] == ["ACCUSE"]
    assert [e.type for e in events(nlp_pipeline, "Rebels attacked the town on Monday.")] == [
        "ASSAULT"
    ]


def test_extract_events_israeli_settlements_are_no_agreement(nlp_pipeline: Pipeline) -> None:
    text = "Israel approved new Israeli settlements in the West Bank."
    assert "AGREE" not in {e.type for e in events(nlp_pipeline, text) if e.trigger == "settlements"}
    ev = only(events(nlp_pipeline, "The two governments reached a settlement."), "AGREE")
    assert ev.trigger == "settlement"


def test_extract_events_it_may_mean_a_body_named_as_an_object(nlp_pipeline: Pipeline) -> None:
    text = "Turkey met the SNC on Monday and urged it to attend."
    ev = only(events(nlp_pipeline, text), "REQUEST")
    assert [(a.text, a.name) for a in ev.recipient] == [("it", "SNC")]


def test_extract_events_a_massacre_committed_by_someone_is_theirs(nlp_pipeline: Pipeline) -> None:
    text = "Huge massacres have been committed by the Turks in Afrin."
    ev = only(events(nlp_pipeline, text), "ASSAULT")
    assert [a.text for a in ev.actor] == ["Turks"]


def test_extract_events_evacuating_people_is_aid_evacuating_positions_a_retreat(
    nlp_pipeline: Pipeline,
) -> None:
    text = "The Red Cross evacuated hundreds of civilians from the town."
    ev = only(events(nlp_pipeline, text), "AID")
    assert (ev.mode, [a.text for a in ev.recipient]) == ("humanitarian", ["civilians"])
    army = events(nlp_pipeline, "The army evacuated its positions near the border.")
    assert [e.type for e in army] == ["RETREAT"]


def test_extract_events_who_answers_a_charge_is_charged(nlp_pipeline: Pipeline) -> None:
    ev = only(events(nlp_pipeline, "The former minister faces charges of corruption."), "ACCUSE")
    assert [a.name for a in ev.recipient] == ["former minister"]
    text = "The driver pleaded not guilty to charges of lying to federal investigators."
    ev = only(events(nlp_pipeline, text), "ACCUSE")
    # Whom the lies were told to is no one the charge is aimed at.
    assert [a.name for a in ev.recipient] == ["driver"]
    assert [(a.text, a.name) for a in ev.actor] == [("", "prosecutors")]  # implied


def test_extract_events_the_verb_s_of_phrase_is_not_the_object_s(nlp_pipeline: Pipeline) -> None:
    ev = only(events(nlp_pipeline, "The opposition accused the government of fraud."), "ACCUSE")
    assert [a.text for a in ev.recipient] == ["government"]
    ev = only(events(nlp_pipeline, "The Prince of Wales met the president."), "CONSULT")
    assert "Prince of Wales" in [a.text for a in ev.actor]


def test_extract_events_battles_and_dropped_bombs_are_assaults(nlp_pipeline: Pipeline) -> None:
    ev = only(events(nlp_pipeline, "Kurdish fighters battled Islamic State for months."), "ASSAULT")
    assert [a.name for a in ev.recipient] == ["Islamic State"]
    ev = only(events(nlp_pipeline, "Bombs were dropped on Aleppo every day."), "ASSAULT")
    # What was dropped is no one it was done to.
    assert [a.name for a in ev.recipient] == ["Aleppo"]


def test_extract_events_who_is_allowed_to_act_is_the_recipient(nlp_pipeline: Pipeline) -> None:
    text = "The interior minister allowed the opposition leader to hold a rally."
    ev = only(events(nlp_pipeline, text), "CONCEDE")
    assert [a.name for a in ev.recipient] == ["opposition leader"]
    # Letting a thing happen concedes nothing to anyone.
    text = "The minister urged them not to allow disagreements to harm cooperation."
    assert "CONCEDE" not in {e.type for e in events(nlp_pipeline, text)}


def test_extract_events_both_countries_are_the_two_named_before(nlp_pipeline: Pipeline) -> None:
    text = (
        "Jordan and Israel have closed their borders to refugees. "
        "Both countries say they will not allow any Syrians to cross."
    )
    refusal = only(events(nlp_pipeline, text), "REJECT")
    assert [a.country for a in refusal.actor] == ["JOR", "ISR"]
    assert [a.text for a in refusal.actor] == ["they", "they"]  # the words used stay


def test_extract_events_a_count_that_does_not_match_is_not_read(nlp_pipeline: Pipeline) -> None:
    text = "Russia met Iran in Geneva. The three countries condemned the attack."
    accuse = only(events(nlp_pipeline, text), "ACCUSE")
    assert [a.country for a in accuse.actor] != ["RUS", "IRN"]


def test_extract_events_the_two_leaders_are_the_two_people_named(nlp_pipeline: Pipeline) -> None:
    text = (
        "Carter spoke with Iraqi Prime Minister Haider al-Abadi on Monday. "
        "The two leaders condemned the bombing in Istanbul."
    )
    accuse = only(events(nlp_pipeline, text), "ACCUSE")
    assert [a.name for a in accuse.actor] == ["Ash Carter", "Haider al-Abadi"]


def test_extract_events_the_two_leaders_are_the_two_named_together(
    nlp_pipeline: Pipeline,
) -> None:
    text = (
        "Ash Carter met Iraqi Prime Minister Haider al-Abadi in Baghdad. "
        "Their talks were about the fight against Abu Bakr al-Baghdadi's fighters. "
        "The two leaders discussed the Mosul operation."
    )
    ev = next(e for e in events(nlp_pipeline, text) if e.trigger == "discussed")
    assert sorted(names(ev.actor)) == ["Ash Carter", "Haider al-Abadi"]


def test_extract_events_warning_someone_of_a_danger_is_no_threat(nlp_pipeline: Pipeline) -> None:
    told = "Neighbours warned the police of their fears about the man."
    assert not [e for e in events(nlp_pipeline, told) if e.type == "THREATEN"]
    advisory = "The State Department issued a travel warning for Lebanon."
    assert not [e for e in events(nlp_pipeline, advisory) if e.type == "THREATEN"]
    # "of" naming whose government it is leaves the threat a threat
    text = "Turkey warned the government of Bashar al-Assad that it would face consequences."
    threat = only(events(nlp_pipeline, text), "THREATEN")
    assert names(threat.actor) == ["Turkey"]


def test_extract_events_an_accident_is_no_attack(nlp_pipeline: Pipeline) -> None:
    for text in (
        "Seven militants were killed in two accidental explosions in Kandahar province.",
        "The device detonated accidentally, killing the three men on the spot.",
    ):
        assert not events(nlp_pipeline, text), text
    attack = "A bomb exploded in the market, killing ten people."
    assert [e.type for e in events(nlp_pipeline, attack)] == ["ASSAULT"]


def test_extract_events_the_wounded_as_people_tell_no_event(nlp_pipeline: Pipeline) -> None:
    for text in (
        "Of the 130 injured, 77 were women or children.",
        "However the wounded included the deputy head of the police.",
    ):
        assert not events(nlp_pipeline, text), text
    told = "More than 130 people injured in the attack were taken to hospital."
    assert [e.type for e in events(nlp_pipeline, told)] == ["ASSAULT"]


def test_extract_events_a_boycott_of_goods_is_a_sanction_of_a_meeting_a_refusal(
    nlp_pipeline: Pipeline,
) -> None:
    goods = only(events(nlp_pipeline, "Consumers boycotted French products."), "SANCTION")
    assert goods.mode == "embargo"
    assert names(goods.recipient) == ["France"]
    embargo = only(events(nlp_pipeline, "The EU imposed an embargo on Russian oil."), "SANCTION")
    assert [a.country for a in embargo.recipient] == ["RUS"]
    meeting = events(nlp_pipeline, "The opposition will boycott the election.")
    assert "SANCTION" not in {e.type for e in meeting}
    assert "REJECT" in {e.type for e in meeting}


def test_extract_events_one_of_a_group_named_beside_it_is_that_name(
    nlp_pipeline: Pipeline,
) -> None:
    text = "One of the rebels, Abu Omar, attacked the checkpoint."
    attack = only(events(nlp_pipeline, text), "ASSAULT")
    assert names(attack.actor) == ["Abu Omar"]


def test_extract_events_deepening_ties_is_engaging_in_them(nlp_pipeline: Pipeline) -> None:
    text = "Brazil is seeking to deepen a partnership with Chile."
    cooperate = only(events(nlp_pipeline, text), "COOPERATE")
    assert (names(cooperate.actor), names(cooperate.recipient)) == (["Brazil"], ["Chile"])


def test_extract_events_receiving_someone_is_hosting_a_visit(nlp_pipeline: Pipeline) -> None:
    visit = only(events(nlp_pipeline, "Putin received Erdogan in the Kremlin."), "CONSULT")
    assert (names(visit.actor), names(visit.recipient)) == (
        ["Vladimir Putin"],
        ["Recep Tayyip Erdoğan"],
    )
    arms = only(events(nlp_pipeline, "Syria received weapons from Iran."), "AID")
    assert (names(arms.actor), names(arms.recipient)) == (["Iran"], ["Syria"])


def test_extract_events_evidence_against_someone_accuses_them(nlp_pipeline: Pipeline) -> None:
    accuse = only(events(nlp_pipeline, "The US presented evidence against Russia."), "ACCUSE")
    assert (names(accuse.actor), names(accuse.recipient)) == (["United States"], ["Russia"])


def test_extract_events_a_description_takes_the_country_it_is_said_to_be_at(
    nlp_pipeline: Pipeline,
) -> None:
    text = (
        "Syria's army shelled Daraa again. In Daraa, generals at Russia's Hmeimim airbase "
        "attempted to mediate between the local committee and the Syrian army."
    )
    mediation = only(events(nlp_pipeline, text), "CONSULT")
    assert [(a.text, a.country) for a in mediation.actor] == [("generals", "RUS")]
    # a description's own words win over where it is
    text = "Syrian soldiers in Turkey attacked the camp."
    attack = only(events(nlp_pipeline, text), "ASSAULT")
    assert [a.country for a in attack.actor] == ["SYR"]


def test_extract_events_the_secretary_is_the_secretary_named_before(
    nlp_pipeline: Pipeline,
) -> None:
    text = (
        "Defense Secretary Ash Carter met Iraqi Prime Minister Haider al-Abadi in Baghdad. "
        "Iraq is at war with ISIL. Later the secretary visited troops in Mosul."
    )
    visit = next(e for e in events(nlp_pipeline, text) if e.trigger == "visited")
    assert [(a.text, a.name, a.country) for a in visit.actor] == [
        ("secretary", "Ash Carter", "USA")
    ]


def test_extract_events_a_state_publishers_bare_titles_are_its_own(
    nlp_pipeline: Pipeline,
) -> None:
    text = "The Foreign Secretary condemned Syria's President Assad for the attacks on Idlib."
    when = date(2019, 5, 1)
    release = Article(article_id="uk", text=text, publisher="UK Government", published=when)
    accuse = only(nlp_pipeline(release).events, "ACCUSE")
    assert [(a.name, a.country) for a in accuse.actor] == [("Jeremy Hunt", "GBR")]


def test_extract_events_a_friend_of_someone_is_the_friend(nlp_pipeline: Pipeline) -> None:
    text = "A court convicted a friend of the bombing suspect Dzokhar Tsarnaev on Monday."
    conviction = only(events(nlp_pipeline, text), "SANCTION")
    assert [(a.name, a.sector) for a in conviction.recipient] == [("friend", "CVL")]


def test_extract_events_an_unknown_person_is_what_their_apposition_says(
    nlp_pipeline: Pipeline,
) -> None:
    text = "Joe Smith, a Syrian rebel commander, attacked the town."
    attack = only(events(nlp_pipeline, text), "ASSAULT")
    assert [(a.name, a.country, a.sector) for a in attack.actor] == [("Joe Smith", "SYR", "REB")]


def test_extract_events_a_hyphenated_pair_of_states_is_both(nlp_pipeline: Pipeline) -> None:
    deal = only(events(nlp_pipeline, "The US-Turkish deal on Manbij collapsed."), "AGREE")
    assert [a.country for a in deal.actor + deal.recipient] == ["USA", "TUR"]


def test_extract_events_fighting_alongside_someone_is_no_attack(nlp_pipeline: Pipeline) -> None:
    text = "There is no trust left in the coalition forces who we have fought alongside."
    assert not [e for e in events(nlp_pipeline, text) if e.type == "ASSAULT"]


def test_extract_events_a_pronoun_means_a_name_of_its_own_sentence_first(
    nlp_pipeline: Pipeline,
) -> None:
    text = (
        "Russia was not willing to pressure Assad. Turkey, one of the bodies sponsoring the "
        "SNC, had been urging it to attend the conference."
    )
    ev = next(e for e in events(nlp_pipeline, text) if e.trigger == "urging")
    assert [a.name for a in ev.actor] == ["Turkey"]
    assert [a.text for a in ev.recipient] == ["it"]
    assert "Russia" not in [a.name for a in ev.recipient]


def test_extract_events_an_acronym_is_the_name_the_article_spells_out(
    nlp_pipeline: Pipeline,
) -> None:
    text = (
        "The Syrian Negotiations Commission (SNC) met in Riyadh on Monday. "
        "Turkey had been urging the SNC to attend the conference."
    )
    ev = only(events(nlp_pipeline, text), "REQUEST")
    assert [(a.text, a.country, a.sector) for a in ev.recipient] == [("SNC", "SYR", "OPP")]


def test_extract_events_who_claims_responsibility_did_the_attack(nlp_pipeline: Pipeline) -> None:
    text = (
        "The government condemned the bombings in the capital, for which the Taliban have "
        "claimed responsibility."
    )
    found = events(nlp_pipeline, text)
    assert "Taliban" in [a.name for a in only(found, "ACCUSE").recipient]
    assert "Taliban" in [a.name for a in only(found, "ASSAULT").actor]


def test_extract_events_claimed_responsibility_is_no_possibility(nlp_pipeline: Pipeline) -> None:
    ev = only(events(nlp_pipeline, "The Taliban claimed responsibility for the attack."), "ASSAULT")
    assert ev.claim.factuality in {"asserted", "reported"}


def test_extract_events_a_text_that_speaks_is_no_event(nlp_pipeline: Pipeline) -> None:
    found = events(nlp_pipeline, "The release said the two ministers discussed the attack.")
    assert "RETREAT" not in {e.type for e in found}


def test_extract_events_a_passive_conjunct_s_shared_subject_undergoes_it(
    nlp_pipeline: Pipeline,
) -> None:
    text = "The protesters gathered in the square and were arrested by police."
    ev = only(events(nlp_pipeline, text), "COERCE")
    assert [a.name for a in ev.recipient] == ["protesters"]
    assert [a.name for a in ev.actor] == ["police"]


def test_extract_events_terms_they_could_not_accept_are_refused(nlp_pipeline: Pipeline) -> None:
    text = "The rebels were offered terms they could not accept."
    found = events(nlp_pipeline, text)
    refusal = only(found, "REJECT")
    assert refusal.stated == "AGREE" and [a.name for a in refusal.actor] == ["rebels"]


def test_extract_events_harm_by_a_mishap_is_no_attack(nlp_pipeline: Pipeline) -> None:
    for text in (
        "Two children were burned in a fire at the camp.",
        "Five people were killed in a car crash near Kabul.",
        "The earthquake killed 300 people.",
    ):
        assert "ASSAULT" not in {e.type for e in events(nlp_pipeline, text)}, text
    assert "ASSAULT" in {e.type for e in events(nlp_pipeline, "Militants killed five soldiers.")}


def test_extract_events_a_thing_that_allows_concedes_nothing(nlp_pipeline: Pipeline) -> None:
    text = "Such a solution will allow all parties to focus on the threat."
    assert "CONCEDE" not in {e.type for e in events(nlp_pipeline, text)}
    text = "The minister allowed the opposition leader to hold a rally."
    assert "CONCEDE" in {e.type for e in events(nlp_pipeline, text)}


def test_extract_events_who_attends_takes_part_and_the_host_is_the_other_side(
    nlp_pipeline: Pipeline,
) -> None:
    text = "The UN envoy, Staffan de Mistura, will attend a Russian-sponsored peace conference."
    ev = only(events(nlp_pipeline, text), "CONSULT")
    assert [a.name for a in ev.actor] == ["Staffan de Mistura"]
    assert [a.country for a in ev.recipient] == ["RUS"]


def test_extract_events_voting_not_to_attend_is_a_refusal(nlp_pipeline: Pipeline) -> None:
    text = "The opposition voted on Saturday not to attend Vladimir Putin's conference in Sochi."
    refusal = only(events(nlp_pipeline, text), "REJECT")
    assert refusal.stated == "CONSULT"
    assert [a.name for a in refusal.actor] == ["opposition"]
    assert [a.name for a in refusal.recipient] == ["Vladimir Putin"]


def test_extract_events_who_fights_back_an_attack_is_its_target(nlp_pipeline: Pipeline) -> None:
    ev = only(events(nlp_pipeline, "The army repelled an attack by militants."), "ASSAULT")
    assert [a.name for a in ev.actor] == ["militants"]
    assert [a.name for a in ev.recipient] == ["army"]
    text = "Local militias are fighting against an incursion by the Turkish military."
    ev = only(events(nlp_pipeline, text), "ASSAULT")  # one event: the incursion
    assert ev.trigger == "incursion"
    assert [a.country for a in ev.actor] == ["TUR"]
    assert ev.recipient


def test_extract_events_an_apology_is_support_for_whom_it_is_made_to(
    nlp_pipeline: Pipeline,
) -> None:
    ev = only(events(nlp_pipeline, "Argentina apologized to Brazil for the incident."), "SUPPORT")
    assert [a.name for a in ev.recipient] == ["Brazil"]


def test_extract_events_failing_to_reach_agreement_is_a_refusal(nlp_pipeline: Pipeline) -> None:
    text = "Israelis and Palestinians failed to reach agreement on Sunday."
    refusal = only(events(nlp_pipeline, text), "REJECT")
    assert refusal.stated == "AGREE"


def test_extract_events_a_measure_of_goods_is_the_goods(nlp_pipeline: Pipeline) -> None:
    text = "Swiss doctors handed over 700 kg of medicine to the Red Crescent."
    ev = only(events(nlp_pipeline, text), "AID")
    assert [a.name for a in ev.recipient] == ["Red Crescent"]
    text = "The rebels will return weapons seized from the peacekeepers."
    assert "RETREAT" in {e.type for e in events(nlp_pipeline, text)}


def test_extract_events_placed_under_arrest_is_an_arrest_of_that_person(
    nlp_pipeline: Pipeline,
) -> None:
    text = "The opposition leader was placed under house arrest on Monday."
    ev = only(events(nlp_pipeline, text), "COERCE")
    assert [a.name for a in ev.recipient] == ["opposition leader"]
    text = "A US national has been put under investigation in Italy."
    ev = only(events(nlp_pipeline, text), "ACCUSE")
    assert [a.country for a in ev.recipient] == ["USA"]


def test_extract_events_deploying_peacekeepers_is_aid(nlp_pipeline: Pipeline) -> None:
    found = events(nlp_pipeline, "The UN will deploy peacekeepers to Mali.")
    assert {e.type for e in found} == {"AID", "AGREE"}  # the act, and the stated intention
    assert only(found, "AID").mode == "peacekeeping"
    found = events(nlp_pipeline, "Russia deployed troops to the border.")
    assert [e.type for e in found] == ["MOBILIZE"]


def test_extract_events_a_duration_of_an_event_is_the_event(nlp_pipeline: Pipeline) -> None:
    text = "French and Egyptian warships launched ten days of war games."
    ev = only(events(nlp_pipeline, text), "COOPERATE")
    assert {a.country for a in ev.actor} == {"FRA", "EGY"}
    ev = only(events(nlp_pipeline, "Russia and Iran held two days of talks in Moscow."), "CONSULT")
    assert {a.name for a in ev.actor} == {"Russia", "Iran"}


def test_extract_events_calling_someone_on_a_day_is_no_call_on_them(
    nlp_pipeline: Pipeline,
) -> None:
    found = events(nlp_pipeline, "Putin called Erdogan on Monday.")
    assert [e.type for e in found] == ["CONSULT"]
    found = events(nlp_pipeline, "The UN called on Russia to stop the bombing.")
    assert "REQUEST" in {e.type for e in found}


def test_extract_events_naming_or_owning_up_is_no_event_of_its_own(
    nlp_pipeline: Pipeline,
) -> None:
    assert events(nlp_pipeline, "The governor called them a terrorist matrix.") == ()
    found = events(nlp_pipeline, "The IRA accepted responsibility for the bombings.")
    assert "AGREE" not in {e.type for e in found}
