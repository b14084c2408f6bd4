"""The mentions stage: every named person, group or country an article names, as an actor.

Events carry the actors they involve; this stage keeps the others too (someone "replaced by" a
new official, a party named in passing), so that an article's actors can be listed and linked
whether or not an event holds them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from dragoman.actors._phrases import resolve_phrase
from dragoman.stage import Stage
from dragoman.types import Article

#: Entity labels that can name an actor.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


class ResolveMentions(Stage):
    """Every named person, group or country the article mentions, resolved to an actor.

    Events carry the actors they involve; this keeps the others too (someone "replaced by" a
    new official, a party named in passing), so that an article's actors can be listed and
    linked whether or not an event holds them.
    """

    name: ClassVar[str] = "mentions"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "published", "tokens", "mentions"})
    assigns: ClassVar[frozenset[str]] = frozenset({"mentions.actor"})

    def __call__(self, article: Article) -> Article:
        resolved = []
        for m in article.mentions:
            if m.label not in ACTOR_LABELS:
                resolved.append(m)
                continue
            words = list(article.tokens[m.token_start : m.token_end])
            while words and words[0].pos == "DET":
                words = words[1:]
            actor = (
                resolve_phrase(words, article.text, article.published, article.text)
                if words
                else None
            )
            # A place's country alone does not make it an actor ("Aleppo", "Geneva").
            known = actor is not None and (actor.person or actor.sector or actor.actor_id)
            resolved.append(replace(m, actor=actor if known else None))
        return replace(article, mentions=tuple(resolved))
