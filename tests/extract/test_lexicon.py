"""The trigger lexicon: the bundled file, how entries read, and what a malformed one raises."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dragoman.errors import ConfigError
from dragoman.extract import Trigger, load_lexicon, parse_lexicon
from dragoman.types import PLOVER_TYPES


def entries(table: dict[str, tuple[Trigger, ...]], lemma: str, type_: str) -> list[Trigger]:
    return [t for t in table.get(lemma, ()) if t.type == type_]


def test_load_lexicon_bundled_covers_all_plover_types() -> None:
    lex = load_lexicon()
    assert set(lex.categories) == {*PLOVER_TYPES, "NONE"}
    assert len(PLOVER_TYPES) == 16
    for type_ in PLOVER_TYPES:
        has_verb = any(t.type == type_ for ts in lex.verbs.values() for t in ts)
        has_noun = any(t.type == type_ for ts in lex.nouns.values() for t in ts)
        assert has_verb or has_noun, f"{type_} has no trigger"


def test_load_lexicon_bundled_category_flags() -> None:
    cats = load_lexicon().categories
    assert cats["CONSULT"].symmetric
    assert {"with", "between"} <= cats["CONSULT"].recipient_preps
    assert not cats["ACCUSE"].symmetric
    assert cats["PROTEST"].people_subject
    assert not cats["CONSULT"].people_subject
    assert all(isinstance(p, str) for c in cats.values() for p in c.recipient_preps)


def test_load_lexicon_bundled_single_word_verb() -> None:
    (meet,) = [t for t in load_lexicon().verbs["meet"] if t.with_word is None]
    assert meet == Trigger("CONSULT", None, "meet", "verb")
    assert meet.specificity == 0


def test_load_lexicon_bundled_obj_entry_needs_an_object() -> None:
    (call,) = [t for t in entries(load_lexicon().verbs, "call", "CONSULT") if t.needs_object]
    assert call == Trigger("CONSULT", "phone", "call", "verb", needs_object=True)
    assert call.specificity == 1


def test_load_lexicon_bundled_prep_entry_needs_the_preposition() -> None:
    (rhetoric,) = entries(load_lexicon().nouns, "rhetoric", "ACCUSE")
    assert rhetoric == Trigger("ACCUSE", "disapprove", "rhetoric", "noun", needs_prep="against")
    (call_for,) = entries(load_lexicon().nouns, "call", "REQUEST")
    assert call_for.needs_prep == "for" and call_for.with_word is None


def test_load_lexicon_bundled_two_word_verb_keys_on_the_first_word() -> None:
    verbs = load_lexicon().verbs
    assert Trigger("CONSULT", None, "meet", "verb", with_word="with") in verbs["meet"]
    assert Trigger("CONSULT", None, "hold", "verb", with_word="talks") in verbs["hold"]
    assert Trigger("REQUEST", None, "call", "verb", with_word="for") in verbs["call"]


def test_load_lexicon_bundled_two_word_noun_keys_on_the_second_word() -> None:
    nouns = load_lexicon().nouns
    assert Trigger("CONSULT", "phone", "call", "noun", with_word="phone") in nouns["call"]
    air = [t for t in nouns["strike"] if t.with_word == "air"]
    assert [(t.type, t.mode) for t in air] == [("ASSAULT", "heavy-weapons")]


def test_load_lexicon_bundled_entries_most_specific_first() -> None:
    lex = load_lexicon()
    for table in (lex.verbs, lex.nouns):
        for triggers in table.values():
            ranks = [t.specificity for t in triggers]
            assert ranks == sorted(ranks, reverse=True)
    assert lex.verbs["meet"][0].with_word == "with"


def test_parse_lexicon_reads_entries_built_by_hand() -> None:
    lex = parse_lexicon(
        {
            "CONSULT": {
                "symmetric": True,
                "recipient_preps": ["with"],
                "verbs": {"meet": None, "meet with": None, "call +obj": "phone"},
                "nouns": {"phone call": "phone", "talk +with": None},
            },
            "PROTEST": {"people_subject": True, "verbs": {"rally": "demo"}},
        }
    )
    assert set(lex.categories) == {"CONSULT", "PROTEST"}
    assert lex.categories["CONSULT"].recipient_preps == frozenset({"with"})
    assert lex.categories["PROTEST"].recipient_preps == frozenset()
    assert lex.categories["PROTEST"].people_subject
    assert lex.verbs["meet"] == (
        Trigger("CONSULT", None, "meet", "verb", with_word="with"),
        Trigger("CONSULT", None, "meet", "verb"),
    )
    assert lex.verbs["call"] == (Trigger("CONSULT", "phone", "call", "verb", needs_object=True),)
    assert lex.verbs["rally"] == (Trigger("PROTEST", "demo", "rally", "verb"),)
    assert lex.nouns["call"] == (Trigger("CONSULT", "phone", "call", "noun", with_word="phone"),)
    assert lex.nouns["talk"] == (Trigger("CONSULT", None, "talk", "noun", needs_prep="with"),)


def test_parse_lexicon_unknown_category_names_it() -> None:
    with pytest.raises(ConfigError, match="'GOSSIP'"):
        parse_lexicon({"GOSSIP": {"verbs": {"chat": None}}})


def test_parse_lexicon_unquoted_on_in_recipient_preps() -> None:
    data = yaml.safe_load("REQUEST:\n  recipient_preps: [to, on]\n  verbs:\n    urge: null\n")
    assert data["REQUEST"]["recipient_preps"] == ["to", True]
    with pytest.raises(ConfigError, match="recipient_preps of REQUEST"):
        parse_lexicon(data)


def test_parse_lexicon_three_word_entry() -> None:
    with pytest.raises(ConfigError, match="'sit down with'"):
        parse_lexicon({"CONSULT": {"verbs": {"sit down with": None}}})


def test_load_lexicon_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "triggers.yaml"
    path.write_text('CONCEDE:\n  verbs:\n    apologise: null\n  nouns:\n    "apology": null\n')
    lex = load_lexicon(str(path))
    assert lex.verbs["apologise"] == (Trigger("CONCEDE", None, "apologise", "verb"),)
    assert set(lex.categories) == {"CONCEDE"}


def test_load_lexicon_unreadable_yaml(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("CONSULT:\n  verbs: [meet\n")
    with pytest.raises(ConfigError, match="cannot read the trigger lexicon"):
        load_lexicon(str(path))


def test_parse_lexicon_category_not_a_mapping() -> None:
    with pytest.raises(ConfigError, match="CONCEDE"):
        parse_lexicon({"CONCEDE": ["apologise", "apology"]})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"REJECT": {"verbs": {"boycott": None}}, "PROTEST": {"verbs": {"boycott": "boycott"}}},
            "'boycott' \\(verb\\) in PROTEST can never fire: REJECT's 'boycott'",
        ),
        (
            {"CONCEDE": {"verbs": {"call off": None}}, "RETREAT": {"verbs": {"call off": "ease"}}},
            "'call off' \\(verb\\) in RETREAT can never fire: CONCEDE's 'call off'",
        ),
        (
            {"COERCE": {"verbs": {"seize +obj": "seize"}}, "ASSAULT": {"verbs": {"seize": None}}},
            None,
        ),
        (
            {"ASSAULT": {"verbs": {"seize": None}}, "COERCE": {"verbs": {"seize +obj": None}}},
            None,
        ),
        (
            {"COERCE": {"verbs": {"seize +obj": None}}, "ASSAULT": {"verbs": {"seize +obj": None}}},
            "'seize \\+obj' \\(verb\\) in ASSAULT can never fire",
        ),
        (
            {"CONSULT": {"nouns": {"talks": None, "peace talks": None}}},
            None,
        ),
    ],
)
def test_parse_lexicon_refuses_entries_that_can_never_fire(data: dict, message: str | None) -> None:
    if message is None:
        parse_lexicon(data)  # a bare entry after a more specific one still fires on its own
    else:
        with pytest.raises(ConfigError, match=message):
            parse_lexicon(data)


def test_parse_lexicon_actor_entry_asks_for_someone() -> None:
    lex = parse_lexicon({"RETREAT": {"verbs": {"free +actor": "release"}}})
    (free,) = lex.verbs["free"]
    assert free.needs_actor and not free.needs_object and free.specificity == 1


def test_parse_lexicon_none_section_lists_expressions_that_are_no_event() -> None:
    lex = parse_lexicon(
        {"THREATEN": {"verbs": {"warn": None}}, "NONE": {"verbs": {"warn of": None}}}
    )
    assert [t.type for t in lex.verbs["warn"]] == ["NONE", "THREATEN"]


def test_parse_lexicon_reads_judgements_as_one_word_each() -> None:
    lex = parse_lexicon({"ACCUSE": {"judgements": {"Illegal": "disapprove"}}})
    trig = lex.judgements["illegal"]
    assert (trig.type, trig.mode, trig.pos) == ("ACCUSE", "disapprove", "judgement")
    assert "unacceptable" in load_lexicon().judgements


@pytest.mark.parametrize(
    "data",
    [
        {"ACCUSE": {"judgements": ["illegal"]}},
        {"ACCUSE": {"judgements": {"act of war": None}}},
        {"ACCUSE": {"judgements": {"wrong": None}}, "REJECT": {"judgements": {"wrong": None}}},
    ],
)
def test_parse_lexicon_malformed_judgements_are_refused(data: dict) -> None:
    with pytest.raises(ConfigError, match="judgement"):
        parse_lexicon(data)


def test_parse_lexicon_word_class_spells_out_one_entry_per_lemma() -> None:
    lex = parse_lexicon(
        {
            "CLASSES": {"arms": ["weapon", "Missile"]},
            "AID": {"verbs": {"supply $arms": "military"}},
        }
    )
    assert [t.with_word for t in lex.verbs["supply"]] == ["weapon", "missile"]
    assert all(t.type == "AID" and t.mode == "military" for t in lex.verbs["supply"])
    assert "CLASSES" not in lex.categories


def test_load_lexicon_bundled_word_classes_reach_every_member() -> None:
    verbs = load_lexicon().verbs
    assert {"weapon", "ammunition", "missile"} <= {t.with_word for t in verbs["supply"]}
    assert {"troop", "soldier"} <= {t.with_word for t in entries(verbs, "send", "MOBILIZE")}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"CLASSES": ["weapon"]}, "CLASSES"),
        ({"CLASSES": {"arms": []}}, "CLASSES"),
        ({"CLASSES": {"arms": ["small arms"]}}, "CLASSES"),
        ({"AID": {"verbs": {"supply $arms": None}}}, r"'supply \$arms'"),
        (
            {"CLASSES": {"a": ["x"], "b": ["y"]}, "AID": {"verbs": {"$a $b": None}}},
            "one word class",
        ),
    ],
)
def test_parse_lexicon_malformed_word_classes_are_refused(data: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_lexicon(data)


def test_parse_lexicon_reads_entries_in_lower_case() -> None:
    lex = parse_lexicon({"NONE": {"nouns": {"Israeli settlement": None}}})
    (entry,) = lex.nouns["settlement"]
    assert entry.with_word == "israeli"
