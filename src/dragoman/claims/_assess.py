"""The claims stage: according to whom, how sure, and whether each event was announced.

Rules over the parse, read from the event's trigger upwards: the sources whose content covers
the trigger (:mod:`dragoman.claims._attribution`), its factuality
(:mod:`dragoman.claims._factuality`), whether it was announced
(:mod:`dragoman.claims._announced`), and the confirmations and denials told after it
(:mod:`dragoman.claims._confirmations`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from dragoman.claims._announced import (
    announced_in,
    carry_announcements,
    own_release,
    public_statement,
)
from dragoman.claims._attribution import attribution_for, find_attributions
from dragoman.claims._confirmations import link_confirmations
from dragoman.claims._factuality import FactualityReader
from dragoman.claims._speakers import Speakers
from dragoman.nlp import Tree
from dragoman.stage import Stage
from dragoman.types import Article, Claim, Event, Source, Token


class ClaimReader:
    """Works out the claim of each event from its sentence's parse."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.tree = Tree(article.tokens)
        self.found = find_attributions(article, self.tree)
        self.facts = FactualityReader(self.tree)

    def word(self, event: Event) -> Token | None:
        return self.article.trigger_of(event)

    def attribution(self, word: Token) -> tuple[Source, ...]:
        """Who the article says the event's clause comes from (see :mod:`._attribution`)."""
        return attribution_for(self.article, word.i, self.found)

    def claim(self, event: Event) -> Claim:
        word = self.word(event)
        if word is None:
            return event.claim
        sources = self.attribution(word)
        factuality, cues = self.facts.factuality(word, bool(sources))
        announced = announced_in(event.evidence.sentence)
        if announced is None and public_statement(event, factuality, sources):
            announced = True
        if announced is None and factuality in {"asserted", "reported"}:
            # "We agreed ..." in a ministry's own release: the release announces it
            announced = own_release(self.article, event) or None
        return Claim(
            attribution=sources,
            factuality=factuality,  # type: ignore[arg-type]
            announced=announced,
            cues=cues,
        )


class AssessClaims(Stage):
    """Fills in each event's attribution, factuality and announced flag."""

    name: ClassVar[str] = "claims"
    requires: ClassVar[frozenset[str]] = frozenset(
        {"text", "tokens", "sentences", "events.trigger", "events.actor"}
    )
    assigns: ClassVar[frozenset[str]] = frozenset({"events.claim"})

    def __call__(self, article: Article) -> Article:
        if not article.events:
            return article
        reader = ClaimReader(article)
        events = [replace(e, claim=reader.claim(e)) for e in article.events]
        speakers = Speakers(article, reader.tree)
        events = link_confirmations(article, reader.tree, events, speakers.source)
        return replace(article, events=tuple(carry_announcements(article, events)))
