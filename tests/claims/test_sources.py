"""The kind of a source, from its words and the actor base."""

from __future__ import annotations

from dragoman.actors import default_base
from dragoman.claims import source_kind
from dragoman.types import Actor, Token


def words(*specs: tuple[str, str, str]) -> list[Token]:
    """Tokens from (text, lemma, ent_type); offsets and tree do not matter to source_kind."""
    return [
        Token(i, text, 0, lemma, "NOUN", "NN", "nsubj", i, ent, "B" if ent else "", 0)
        for i, (text, lemma, ent) in enumerate(specs)
    ]


def kind(text: str, *specs: tuple[str, str, str], titled: bool = False) -> str:
    """The kind of a source written ``text``, as the actor base resolves it."""
    actor = default_base().resolve(text) or Actor(text, text)
    return source_kind(words(*specs), actor, titled)


def test_source_kind_media_by_name_and_by_word() -> None:
    assert kind("Reuters", ("Reuters", "Reuters", "ORG")) == "media"
    assert kind("state media", ("state", "state", ""), ("media", "medium", "")) == "media"
    assert kind("the newspaper", ("newspaper", "newspaper", "")) == "media"


def test_source_kind_ngo_by_name() -> None:
    tokens = (("Human", "Human", "ORG"), ("Rights", "Rights", "ORG"), ("Watch", "Watch", "ORG"))
    assert kind("Human Rights Watch", *tokens) == "ngo"


def test_source_kind_unnamed() -> None:
    sources = (("diplomatic", "diplomatic", ""), ("sources", "source", ""))
    assert kind("diplomatic sources", *sources) == "unnamed"
    assert kind("someone", ("someone", "someone", "")) == "unnamed"


def test_source_kind_official() -> None:
    assert kind("ministry", ("ministry", "ministry", "")) == "official"
    lavrov = (("Sergei", "Sergei", "PERSON"), ("Lavrov", "Lavrov", "PERSON"))
    assert kind("Sergei Lavrov", *lavrov) == "official"
    assert kind("Russia", ("Russia", "Russia", "GPE")) == "official"
    assert kind("the Kremlin", ("Kremlin", "Kremlin", "ORG")) == "official"


def test_source_kind_person_unless_titled() -> None:
    person = (("Jan", "Jan", "PERSON"), ("Novak", "Novak", "PERSON"))
    assert kind("Jan Novak", *person) == "person"
    assert kind("Jan Novak", *person, titled=True) == "official"


def test_source_kind_organization() -> None:
    assert kind("Hezbollah", ("Hezbollah", "Hezbollah", "ORG")) == "organization"
    assert kind("Acme", ("Acme", "Acme", "ORG")) == "organization"
