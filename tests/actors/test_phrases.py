"""Who is who: name keys, the actor base, and resolving a phrase to a canonical actor."""

from __future__ import annotations

import pytest

from dragoman.actors import default_base, resolve_phrase
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


def test_named_knows_more_than_240_countries() -> None:
    base = default_base()
    countries = {e.actor_id for e in base.entries if e.actor_id in base.table_ids}
    assert len([c for c in countries if c.startswith("country:")]) > 240


def test_named_countries_demonyms_seats_and_groups_of_our_tables() -> None:
    base = default_base()
    named = {text: base.named(text) for text in ("Russia", "Syrian", "Syrians", "the Kremlin")}
    assert {t: e.actor_id for t, e in named.items() if e} == {
        "Russia": "country:RUS",
        "Syrian": "country:SYR",
        "Syrians": "country:SYR",
        "the Kremlin": "seat:RUS",
    }
    hezbollah = base.named("Hezbollah")
    assert hezbollah is not None and hezbollah.actor_id == "grp:hezbollah"
    assert base.named("Bashar al-Assad") is None  # people are not in the tables


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
