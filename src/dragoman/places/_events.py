"""The place of each event: where its sentence says it happened, else where its paragraph is.

:class:`LocateEvents` gives each event the place its sentence names in a locative position
("in X", "near X", "at X", "headed to X", "the town of X"), else the nearest place of its
paragraph, else the last one named in the three paragraphs before (at most eight sentences
away), else none. Subjects, possessives and objects ("Damascus said", "Syria's Assad") are
actors, not places, and demonyms ("Syrian") are never event places.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import ClassVar

from dragoman.actors import default_base
from dragoman.nlp import governors
from dragoman.places._build import load_gazetteer
from dragoman.places._gazetteer import Gazetteer
from dragoman.places._geocode import (
    DIRECTIONS,
    FEATURE_WORDS,
    TOWNS,
    article_focus,
    best_feature,
    to_place,
)
from dragoman.stage import Stage
from dragoman.types import Article, Event, Mention, Place, Token

#: Prepositions whose object is where something happened.
LOCATIVE_PREPS = frozenset(
    "in at near inside outside around across throughout within outskirts".split()
)
#: Prepositions of motion: a place after a verb ("headed to Geneva"), not after a noun
#: ("the envoy to Syria") unless the noun is a journey ("a visit to Damascus").
MOTION_PREPS = frozenset("to into towards toward from".split())
MOTION_NOUNS = frozenset("visit trip journey travel return arrival flight tour".split())
#: Nouns through which "of" leads to a place ("the town of Manbij", "east of the Euphrates").
PLACE_NOUNS = frozenset(
    (
        "town city village province governorate region district area outskirts countryside "
        "suburbs suburb capital border enclave part parts east west north south centre center "
        "north-east north-west south-east south-west northeast northwest southeast southwest "
        "heart streets neighbourhood neighborhood district areas regions towns cities villages "
        "vicinity edge coast shores port island islands"
    ).split()
)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Names the model tags as something else, or misses, count as places only when they are
#: divisions, curated features or towns at least this big ("Nato" is also a hamlet).
MIN_UNTAGGED_POPULATION = 20_000
#: How many paragraphs back, and sentences away, an event with no place of its own may take
#: the nearest place named.
CARRY_PARAGRAPHS = 3
CARRY_SENTENCES = 8


def _locative(tokens: Sequence[Token], t: Token) -> int | None:
    """Where ``t`` is said to be a place: the index of its preposition (or place noun), or None.

    "in X", "near X", "to X" after a verb of motion, "the town of X", "the X countryside",
    "X and Y" after one of these; a subject, an object or a possessive is not a place.
    """
    for _ in range(8):
        head = tokens[t.head]
        if head.i == t.i:
            return None
        if t.dep in {"compound", "amod", "nmod"}:
            if head.lower not in PLACE_NOUNS and head.ent_type not in PLACE_LABELS:
                return None
            t = head
            continue
        if t.dep in {"appos", "conj"} or (t.dep == "poss" and head.lower in PLACE_NOUNS):
            t = head
            continue
        if t.dep == "pobj":
            prep, owner = head.lower, tokens[head.head]
            if prep == "of" and owner.lower in PLACE_NOUNS:
                return owner.i
            if prep in MOTION_PREPS:
                motion = owner.pos in {"VERB", "AUX"} or owner.lemma.lower() in MOTION_NOUNS
                return head.i if motion else None
            return head.i if prep in LOCATIVE_PREPS else None
        return None
    return None


@dataclass(frozen=True, slots=True)
class Found:
    place: Place
    sentence: int
    anchor: int  # the preposition (or noun) that makes it a location
    country_level: bool
    words: range  # its tokens


class LocateEvents(Stage):
    """The place of each event, from its sentence, else from its paragraph."""

    name: ClassVar[str] = "geo"
    requires: ClassVar[frozenset[str]] = frozenset(
        {"text", "tokens", "sentences", "mentions", "events.trigger"}
    )
    assigns: ClassVar[frozenset[str]] = frozenset({"events.place"})

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or load_gazetteer()

    def __call__(self, article: Article) -> Article:
        if not article.events:
            return article
        found = self.places(article)
        by_sentence: dict[int, list[Found]] = {}
        for f in found:
            by_sentence.setdefault(f.sentence, []).append(f)
        events = tuple(self.locate(article, ev, by_sentence) for ev in article.events)
        return replace(article, events=events)

    def places(self, article: Article) -> list[Found]:
        """Every place in a locative position in the article, resolved in its context."""
        focus = article_focus(article.text)
        tokens = article.tokens
        out: list[Found] = []
        for m in self.candidates(article):
            anchor = self.anchor(tokens, m)
            if anchor is None:
                continue
            phrase = self.widen(article.text, m)
            feature = best_feature(phrase, self.gaz, focus, demonyms=False)
            if feature is not None:
                broad = feature.kind in {"country", "continent"}
                words = range(m.token_start, m.token_end)
                out.append(Found(to_place(phrase, feature), m.sentence, anchor, broad, words))
        return out

    def candidates(self, article: Article) -> list[Mention]:
        """GPE, LOC and FAC mentions, and names the model missed that the gazetteer knows."""
        out = [m for m in article.mentions if m.label in PLACE_LABELS]
        taken = {i for m in article.mentions for i in range(m.token_start, m.token_end)}
        for m in article.mentions:
            if m.label in {"NORP", "ORG", "PERSON"} and self.known(m.text):
                out.append(m)
            capital = re.match(r"\s+capital\b", article.text[m.end : m.end + 9])
            if m.label == "NORP" and capital:
                end = m.end + capital.end()
                out.append(replace(m, text=article.text[m.start : end], end=end, label="GAZ"))
        tokens = article.tokens
        for t in tokens:
            if t.i in taken or t.pos != "PROPN" or not t.text[:1].isupper():
                continue
            if self.known(t.text):
                out.append(Mention(t.text, t.idx, t.end, "GAZ", t.sent, t.i, t.i + 1))
        return out

    def known(self, text: str) -> bool:
        """A place the gazetteer knows by a main name or curated alias, not a demonym nor an
        organization of the actor base, and no hamlet."""
        matches = self.gaz.lookup(text, fuzzy=False)
        if not matches or any(m.quality == 0 for m in matches):
            return False
        entry = default_base().named(text)
        if entry is not None and entry.kind == "group":
            return False
        return any(
            m.quality >= 2
            and (m.place.kind not in TOWNS or m.place.population >= MIN_UNTAGGED_POPULATION)
            for m in matches
        )

    @staticmethod
    def anchor(tokens: Sequence[Token], m: Mention) -> int | None:
        inside = range(m.token_start, m.token_end)
        heads = [tokens[i] for i in inside if tokens[i].head not in inside or tokens[i].head == i]
        if not heads:
            return None
        return _locative(tokens, heads[-1])

    @staticmethod
    def widen(text: str, m: Mention) -> str:
        """The mention with a direction before it and a feature word after it, if any."""
        before = text[max(0, m.start - 30) : m.start]
        after = text[m.end : m.end + 25]
        start, end = m.start, m.end
        d = re.search(rf"(?:{DIRECTIONS})(?:\s+of(?:\s+the)?)?\s+$", before, re.IGNORECASE)
        if d:
            start -= len(d.group(0))
        f = re.match(rf"\s+(?:{'|'.join(FEATURE_WORDS)})\b", after, re.IGNORECASE)
        if f:
            end += len(f.group(0))
        return text[start:end]

    def locate(self, article: Article, ev: Event, by_sentence: dict[int, list[Found]]) -> Event:
        """The sentence's place (in the trigger's clause first, a town before the region it is
        in, a town or region before a country, then the nearest), else the paragraph's nearest,
        else the last one named in the paragraphs just before."""
        trigger = article.trigger_of(ev)
        if trigger is None:
            return ev
        sent, tokens = trigger.sent, article.tokens
        here = by_sentence.get(sent, [])
        if here:
            clause = governors(tokens, trigger)
            at = trigger.i

            named = {i for f in here for i in f.words}

            def rank(f: Found) -> tuple[bool, bool, bool, int]:
                attached = tokens[f.anchor].head in clause or f.anchor in clause
                within = tokens[f.anchor].head in named  # "Raqqa in northern Syria"
                return (not attached, within, f.country_level, abs(f.anchor - at))

            return replace(ev, place=min(here, key=rank).place)
        paragraph = article.sentences[sent].paragraph
        near = [
            f
            for n, fs in by_sentence.items()
            for f in fs
            if paragraph - CARRY_PARAGRAPHS <= article.sentences[n].paragraph <= paragraph
            and (article.sentences[n].paragraph == paragraph or n < sent)
            and abs(n - sent) <= CARRY_SENTENCES
        ]
        if near:

            def distance(f: Found) -> tuple[int, int, bool, int]:
                other = article.sentences[f.sentence].paragraph != paragraph
                return (other, abs(f.sentence - sent), f.sentence > sent, -f.anchor)

            return replace(ev, place=min(near, key=distance).place)
        return ev
