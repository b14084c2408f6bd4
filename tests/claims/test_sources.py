"""The kind of a source, from its words and the actor base."""

from __future__ import annotations

from dragoman.claims import source_kind
from dragoman.types import Token


def words(*specs: tuple[str, str, str]) -> list[Token]:
    """Tokens from (text, lemma, ent_type); offsets and tree do not matter to source_kind."""
    return [
        Token(i, text, 0, lemma, "NOUN", "NN", "nsubj", i, ent, "B" if ent else "", 0)
        for i, (text, lemma, ent) in enumerate(specs)
    ]


def test_source_kind_media_by_name_and_by_word() -> None:
    assert source_kind(words(("Reuters", "Reuters", "ORG")), "Reuters") == "media"
    assert source_kind(words(("state", "state", ""), ("media", "medium", "")), "state media") == (
        "media"
    )
    assert source_kind(words(("newspaper", "newspaper", "")), "the newspaper") == "media"


def test_source_kind_ngo_by_name() -> None:
    tokens = words(
        ("Human", "Human", "ORG"), ("Rights", "Rights", "ORG"), ("Watch", "Watch", "ORG")
    )
    assert source_kind(tokens, "Human Rights Watch") == "ngo"


def test_source_kind_unnamed() -> None:
    tokens = words(("diplomatic", "diplomatic", ""), ("sources", "source", ""))
    assert source_kind(tokens, "diplomatic sources") == "unnamed"
    assert source_kind(words(("someone", "someone", "")), "someone") == "unnamed"


def test_source_kind_official() -> None:
    assert source_kind(words(("ministry", "ministry", "")), "ministry") == "official"
    person = words(("Sergei", "Sergei", "PERSON"), ("Lavrov", "Lavrov", "PERSON"))
    assert source_kind(person, "Sergei Lavrov") == "official"
    assert source_kind(words(("Russia", "Russia", "GPE")), "Russia") == "official"


def test_source_kind_organization() -> None:
    assert source_kind(words(("Hezbollah", "Hezbollah", "ORG")), "Hezbollah") == "organization"
    assert source_kind(words(("Acme", "Acme", "ORG")), "Acme") == "organization"
