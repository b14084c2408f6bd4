"""Who is who: name keys, the actor base, and resolving a phrase to a canonical actor."""

from __future__ import annotations

import pytest

from dragoman.actors import load_base, name_key, resolve_phrase
from dragoman.nlp import Parse
from dragoman.pipeline import Pipeline
from dragoman.types import Actor, Article, Token


@pytest.fixture(scope="session")
def parse(nlp_pipeline: Pipeline) -> Parse:
    """The Parse stage of the session's pipeline (the model is loaded once)."""
    return next(s for s in nlp_pipeline.stages if isinstance(s, Parse))


def phrase(*words: tuple[str, str, str, str]) -> tuple[str, list[Token]]:
    """Hand-built tokens from (text, lemma, pos, ent_type), joined by spaces; "-" joins tight."""
    text = ""
    tokens: list[Token] = []
    for i, (word, lemma, pos, ent) in enumerate(words):
        if text and word != "-" and not text.endswith("-"):
            text += " "
        idx = len(text)
        text += word
        iob = "" if not ent else "I" if tokens and tokens[-1].ent_type == ent else "B"
        tag = {"PROPN": "NNP", "NOUN": "NN", "ADJ": "JJ", "DET": "DT"}.get(pos, "XX")
        tokens.append(Token(i, word, idx, lemma, pos, tag, "compound", len(words) - 1, ent, iob, 0))
    return text, tokens


def parsed_phrase(parse: Parse, words: str) -> tuple[str, list[Token]]:
    """The tokens of ``words`` as the real parse tags them, in the object of a sentence."""
    text = f"On Monday, the envoy spoke with {words} in private."
    start = text.index(words)
    article = parse(Article(article_id="actors", text=text))
    return text, [t for t in article.tokens if start <= t.idx < start + len(words)]


def test_name_key_folds_case_article_and_possessive() -> None:
    assert name_key("the Kremlin's") == "kremlin"
    assert name_key("The Kremlin") == "kremlin"
    assert name_key("A Syrian") == "syrian"
    assert name_key("  Russia ") == "russia"


def test_name_key_folds_accents_and_curly_quotes() -> None:
    assert name_key("Erdoğan") == "erdogan"
    assert name_key("Médecins Sans Frontières") == "medecins sans frontieres"
    assert name_key("Iran’s") == "iran"
    assert name_key("Kata’ib Hezbollah") == name_key("Kata'ib Hezbollah")


def test_name_key_keeps_hyphens_and_drops_dots() -> None:
    assert name_key("Al-Assad") == "al-assad"
    assert name_key("U.N. Security Council") == name_key("U N Security Council")


def test_load_base_knows_more_than_240_countries() -> None:
    countries = {e.actor_id for e in load_base().values() if e.kind == "country"}
    assert len(countries) > 240
    assert "country:SYR" in countries


def test_load_base_kinds_of_names() -> None:
    base = load_base()
    assert (base["russia"].country, base["russia"].kind) == ("RUS", "country")
    assert (base["syrian"].country, base["syrian"].kind) == ("SYR", "demonym")
    assert (base["damascus"].sector, base["damascus"].kind) == ("GOV", "capital")
    assert (base["kremlin"].country, base["kremlin"].kind) == ("RUS", "seat")
    assert base["hezbollah"].actor_id == "grp:hezbollah"


def test_resolve_phrase_empty() -> None:
    assert resolve_phrase([], "") == Actor(text="", name="")


def test_resolve_phrase_country_by_hand() -> None:
    text, tokens = phrase(("Russia", "Russia", "PROPN", "GPE"))
    actor = resolve_phrase(tokens, text)
    assert (actor.country, actor.sector, actor.actor_id) == ("RUS", None, "country:RUS")
    assert actor.name == "Russia" and not actor.person


def test_resolve_phrase_seat_of_government_by_hand() -> None:
    text, tokens = phrase(("the", "the", "DET", ""), ("Kremlin", "Kremlin", "PROPN", "ORG"))
    actor = resolve_phrase(tokens, text)
    assert (actor.text, actor.name, actor.country, actor.sector) == (
        "the Kremlin",
        "Russia",
        "RUS",
        "GOV",
    )


def test_resolve_phrase_capital_is_the_government_by_hand() -> None:
    text, tokens = phrase(("Damascus", "Damascus", "PROPN", "GPE"))
    actor = resolve_phrase(tokens, text)
    assert (actor.country, actor.sector) == ("SYR", "GOV")


def test_resolve_phrase_demonym_and_role_by_hand() -> None:
    text, tokens = phrase(("Syrian", "syrian", "ADJ", "NORP"), ("troops", "troop", "NOUN", ""))
    actor = resolve_phrase(tokens, text)
    assert (actor.name, actor.country, actor.sector, actor.person) == (
        "Syrian troops",
        "SYR",
        "MIL",
        False,
    )


def test_resolve_phrase_titled_person_by_hand() -> None:
    text, tokens = phrase(
        ("Foreign", "Foreign", "PROPN", ""),
        ("Minister", "Minister", "PROPN", ""),
        ("Faisal", "Faisal", "PROPN", "PERSON"),
        ("al", "al", "PROPN", "PERSON"),
        ("-", "-", "PROPN", "PERSON"),
        ("Mekdad", "Mekdad", "PROPN", "PERSON"),
    )
    assert text == "Foreign Minister Faisal al-Mekdad"
    actor = resolve_phrase(tokens, text)
    assert actor.person
    assert actor.name == "Faisal al-Mekdad"
    assert actor.sector == "GOV"
    assert actor.text == text


def test_resolve_phrase_armed_group_by_hand() -> None:
    text, tokens = phrase(
        ("Hezbollah", "Hezbollah", "PROPN", "ORG"), ("fighters", "fighter", "NOUN", "")
    )
    actor = resolve_phrase(tokens, text)
    assert (actor.actor_id, actor.name, actor.country, actor.sector) == (
        "grp:hezbollah",
        "Hezbollah",
        "LBN",
        "REB",
    )


def test_resolve_phrase_international_body_by_hand() -> None:
    text, tokens = phrase(
        ("the", "the", "DET", ""),
        ("UN", "UN", "PROPN", "ORG"),
        ("Security", "Security", "PROPN", "ORG"),
        ("Council", "Council", "PROPN", "ORG"),
    )
    actor = resolve_phrase(tokens, text)
    assert (actor.actor_id, actor.country, actor.sector) == ("org:unsc", "IGO", "IGO")


def test_resolve_phrase_unknown_noun_keeps_its_words_without_codes_by_hand() -> None:
    text, tokens = phrase(("the", "the", "DET", ""), ("weather", "weather", "NOUN", ""))
    actor = resolve_phrase(tokens, text)
    assert actor == Actor(text="the weather", name="weather")


@pytest.mark.parametrize(
    ("words", "country", "sector"),
    [
        ("Russia", "RUS", None),
        ("the Kremlin", "RUS", "GOV"),
        ("Damascus", "SYR", "GOV"),
        ("Syrian troops", "SYR", "MIL"),
        ("Hezbollah", "LBN", "REB"),
        ("the UN Security Council", "IGO", "IGO"),
    ],
)
def test_resolve_phrase_parsed(parse: Parse, words: str, country: str, sector: str | None) -> None:
    text, tokens = parsed_phrase(parse, words)
    actor = resolve_phrase(tokens, text)
    assert (actor.country, actor.sector) == (country, sector)
    assert actor.text == words
    assert not actor.person


def test_resolve_phrase_parsed_titled_person(parse: Parse) -> None:
    text, tokens = parsed_phrase(parse, "Foreign Minister Faisal al-Mekdad")
    actor = resolve_phrase(tokens, text)
    assert actor.person
    assert actor.name == "Faisal al-Mekdad"
    assert actor.sector == "GOV"
