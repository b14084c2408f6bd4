"""A parsed noun phrase to an actor: the actor base's reading, and what the parse adds.

:func:`resolve_phrase` asks the actor base (:class:`~dragoman.actors.ActorBase`) about the
words of one argument, with the article's date and text; the parse adds what the base cannot
know: that an unknown name is a person's (the model's PERSON entity), and which words of it are
the name rather than a title ("Druze spiritual leader Bahjat al-Hajri" is Bahjat al-Hajri).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from dragoman.actors._base import ActorBase, default_base
from dragoman.actors._words import TITLE_WORDS
from dragoman.text import name_key
from dragoman.types import Actor, Token


def resolve_phrase(
    tokens: Sequence[Token],
    text: str,
    when: date | None = None,
    context: str | None = None,
    base: ActorBase | None = None,
    home: str | None = None,
) -> Actor:
    """The actor the words of one argument (a noun phrase of the parse) name.

    The base answers who (a known person, group or state on ``when``) or what (the country
    and sector of a description); a person the parse names and the base does not know keeps
    their name without titles, and another holder of a title than the base's ("an unknown
    President X") keeps only the title's country and sector.
    """
    if not tokens:
        return Actor(text="", name="")
    phrase = text[tokens[0].idx : tokens[-1].end]
    hit = (base or default_base()).resolve(phrase, when, context, home)
    named = person_name(tokens, text)
    if hit is not None and hit.person and not _may_be(hit, tokens):
        hit = Actor(phrase, "", country=hit.country, sector=hit.sector)
    if hit is None:
        return Actor(phrase, named or plain(phrase), person=named is not None)
    if named is not None and not hit.actor_id:
        # A name the base does not know: the parse says it is a person's, and when the phrase
        # ends in it, which words are the name ("Druze spiritual leader Bahjat al-Hajri").
        name = named if tokens[-1].ent_type == "PERSON" else hit.name or plain(phrase)
        return replace(hit, text=phrase, name=name, person=True)
    return replace(hit, text=phrase, name=hit.name or plain(phrase))


def person_name(tokens: Sequence[Token], text: str) -> str | None:
    """The words the parse tags as a person's name, titles before it dropped, or None."""
    person = [t for t in tokens if t.ent_type == "PERSON" and t.pos == "PROPN"]
    if not person:
        return None
    first, last = tokens.index(person[0]), tokens.index(person[-1])
    words = list(tokens[first : last + 1])
    while words and name_key(words[0].text) in TITLE_WORDS:
        words = words[1:]
    if not words:
        return None
    return re.sub(r"['’]s$", "", text[words[0].idx : tokens[last].end])


def plain(phrase: str) -> str:
    """A phrase as a name: without a leading article, a possessive or quotes."""
    name = re.sub(r"^(the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
    return re.sub(r"['’]s?$", "", name).strip("“”\"' ")


def _may_be(person: Actor, tokens: Sequence[Token]) -> bool:
    """Whether a phrase can name this one person: not a plural ("foreign ministers"), and a
    name in the phrase must be the person's own (an unknown "President X" is not whoever
    holds the office today)."""
    head = tokens[-1]
    if head.tag in {"NNS", "NNPS"} and head.ent_type != "PERSON":
        return False
    named = [t for t in tokens if t.ent_type == "PERSON" and t.pos == "PROPN"]
    if not named:
        return True
    known = {_part(w) for w in re.split(r"[\s\-‐]+", person.name)}
    return any(_part(t.text) in known for t in named)


def _part(word: str) -> str:
    return re.sub(r"^(al|el|ad|as|ash|ar) ", "", name_key(word))
