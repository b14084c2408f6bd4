"""Name folding: each rule of dragoman.text.name_key, and the gazetteer's article option."""

from __future__ import annotations

import pytest

from dragoman.text import acronym_definition, is_latin, name_key, name_words, slug


def test_name_key_quotes_and_dashes_are_straightened() -> None:
    assert name_key("the Kremlin’s") == name_key("the Kremlin's") == "kremlin"
    assert name_key("Abu Mohammed al‑Jolani") == name_key("Abu Mohammed al-Jolani")


def test_name_key_splits_words_at_hyphens_slashes_and_punctuation() -> None:
    assert name_key("al-Qaeda") == "al qaida"
    assert name_key("Hezbollah/Amal (Lebanon)") == "hezbollah amal lebanon"


def test_name_key_drops_a_final_possessive() -> None:
    assert name_key("Syria's") == "syria"
    assert name_key("the rebels'") == "rebels"
    assert [w.possessive for w in name_words("Assad's envoy")] == [True, False]


def test_name_key_folds_case_accents_letters_and_dots() -> None:
    assert name_key("KREMLIN") == "kremlin"
    assert name_key("Erdoğan") == "erdogan"
    assert name_key("Støre") == "store"
    assert name_key("Weiß") == "weiss"
    assert name_key("U.S.") == name_key("US") == "us"


@pytest.mark.parametrize("spelling", ["Mohammed", "Mohamed", "Muhammad", "Mohammad"])
def test_name_key_variants_of_one_given_name_meet(spelling: str) -> None:
    assert name_key(f"{spelling} bin Salman") == "muhammad bin salman"


def test_name_key_drops_a_leading_the_of_a_longer_name_only() -> None:
    assert name_key("The Hague") == "hague"
    assert name_key("the") == "the"
    assert name_key("Deir ez-Zor") == "deir ez zor"


def test_name_key_drop_articles_drops_every_article_word() -> None:
    assert name_key("As-Suwayda", drop_articles=True) == "suwayda"
    assert name_key("Deir ez-Zor", drop_articles=True) == "deir zor"
    assert name_key("Al-Hasakah", drop_articles=True) == name_key("Hasakah", drop_articles=True)
    assert name_key("El", drop_articles=True) == "el"


def test_slug_and_is_latin() -> None:
    assert slug("Bashar al-Assad") == "bashar-al-assad"
    assert is_latin("Ḥamāh") and is_latin("Sanaʿa")
    assert not is_latin("دمشق")


def test_acronym_definition_reads_the_name_spelled_out_before_it() -> None:
    text = "Kurdish groups and the Syrian Negotiations Commission (SNC) said the talks failed."
    assert acronym_definition(text, "SNC") == "Syrian Negotiations Commission"
    text = "the Organisation for the Prohibition of Chemical Weapons (OPCW) said"
    assert (
        acronym_definition(text, "OPCW") == "Organisation for the Prohibition of Chemical Weapons"
    )


def test_acronym_definition_none_when_not_defined_or_not_an_acronym() -> None:
    assert acronym_definition("The SNC met on Monday.", "SNC") is None
    assert acronym_definition("the Democratic Union party (PYD)", "PYD") is None
    assert acronym_definition("a word (word)", "word") is None
