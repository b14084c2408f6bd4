"""Finding events: one event per trigger, with its actors, recipients and evidence.

For each sentence, the trigger words (:mod:`dragoman.extract._triggers`) are candidates; their
arguments come from the parse (:mod:`dragoman.extract._arguments`) and are resolved to actors
(:mod:`dragoman.extract._references`). A candidate that names nobody is no event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from dragoman.extract._actorlike import actor_like
from dragoman.extract._arguments import arguments
from dragoman.extract._lexicon import Lexicon, Trigger, load_lexicon
from dragoman.extract._references import resolve_all
from dragoman.extract._triggers import (
    SAYING_VERBS,
    Candidate,
    find_candidates,
)
from dragoman.nlp import SUBJECT_DEPS, Tree
from dragoman.stage import Stage
from dragoman.types import Actor, Article, Event, Evidence, Token, event_id

#: Nouns that are events only when a person or group takes part (not "a meeting room").
PEOPLE_NOUNS = frozenset(
    "people protesters protestors demonstrators residents students workers thousands hundreds "
    "dozens crowds supporters activists villagers citizens refugees women men youths".split()
)


#: "both sides", "the two parties": the two sides of the conflict told just before.
SIDES = re.compile(r"^(?:the\s+)?(?:(?:both|two)\s+)?(?:sides|parties|camps|rivals)$", re.I)


def both_sides(actors: tuple[Actor, ...], earlier: list[Event]) -> tuple[Actor, ...]:
    """Replace "both sides" by the two parties of the latest earlier event that had two."""
    if len(actors) != 1 or not SIDES.match(actors[0].text):
        return actors
    for ev in reversed(earlier[-8:]):
        if ev.actor and ev.recipient:
            return (ev.actor[0], ev.recipient[0])
    return actors


#: How sure the detector must be of a type the rules did not find for an event to be added
#: (measured on the dev splits; see docs/models.md).
DETECTED_FLOOR = 0.85

#: Categories told by someone's words: "X said ..." is itself the act.
STATEMENTS = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONCEDE"})


def main_verb_candidate(tree: Tree, toks: Sequence[Token], type_: str) -> Candidate | None:
    """The sentence's main verb as the trigger of an event the detector reads; for an act
    that is reported ("officials said troops shelled the town"), the reported verb."""
    root = next((t for t in toks if t.dep == "ROOT" and t.pos in {"VERB", "AUX"}), None)
    if root is None:
        return None
    if type_ not in STATEMENTS and root.lemma.lower() in SAYING_VERBS | {"report"}:
        inner = tree.child(root, frozenset({"ccomp"}))
        if inner is None or inner.pos != "VERB":
            return None  # "said" alone is no attack, aid or retreat
        root = inner
    trigger = Trigger(type_, None, root.lemma.lower(), "verb")
    return Candidate(trigger, root, root, root)


#: Verbs saying that what their subject names took place ("protests erupted", "clashes broke
#: out", "the fighting continued"): such a noun is an event though nobody is named.
OCCURRING_VERBS = frozenset(
    "erupt break spread continue resume begin start escalate intensify flare rage occur happen "
    "unfold take turn".split()
)


def occurring(tree: Tree, noun: Token) -> bool:
    return noun.pos == "NOUN" and tree.hangs_on(noun, frozenset({"nsubj"}), OCCURRING_VERBS)


#: Categories whose verb, said of a thing, is no one's act ("the plan allows", "the law permits").
THING_CAN_CAUSE = frozenset({"CONCEDE"})


class Extractor:
    """Finds the events of one parsed article."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def article_events(self, article: Article) -> list[Event]:
        tree = Tree(article.tokens)
        events: list[Event] = []
        for n, sentence in enumerate(article.sentences):
            toks = article.tokens[sentence.token_start : sentence.token_end]
            found = []
            for cand in find_candidates(self.lex, tree, toks):
                ev = self.build(article, tree, n, cand)
                if ev is not None:
                    found.append(replace(ev, actor=both_sides(ev.actor, events)))
            if n < len(article.sentence_types):
                found += self.detected(article, tree, n, toks, found)
            events += found
        return events

    def detected(
        self, article: Article, tree: Tree, sent: int, toks: Sequence[Token], have: list[Event]
    ) -> list[Event]:
        """Events of the types the learned detector reads in a sentence and the rules did not
        find there: told by the sentence's main verb, with its arguments. A verb the rules
        already read as a trigger keeps the rules' type: they are sharper on a word."""
        types = {e.type for e in have}
        triggers = {e.trigger_token for e in have}
        out = []
        for type_, prob in article.sentence_types[sent]:
            if type_ in types or type_ not in self.lex.categories or prob < DETECTED_FLOOR:
                continue
            cand = main_verb_candidate(tree, toks, type_)
            if cand is None or cand.word.i in triggers:
                continue
            ev = self.build(article, tree, sent, cand)
            if ev is not None:
                out.append(replace(ev, confidence=round(0.3 + 0.3 * prob, 3)))
        return out

    def build(self, article: Article, tree: Tree, sent: int, cand: Candidate) -> Event | None:
        category = self.lex.categories[cand.trigger.type]
        actors, recipients = arguments(tree, cand, category.recipient_preps)
        if (
            category.people_subject
            and cand.trigger.pos == "verb"
            and not any(
                t.lemma.lower() in PEOPLE_NOUNS
                or t.lower in PEOPLE_NOUNS
                or t.tag in {"NNS", "NNPS", "CD"}
                for t in actors
            )
        ):
            return None
        if cand.trigger.type in THING_CAN_CAUSE and cand.trigger.pos == "verb":
            subj = tree.child(cand.word, SUBJECT_DEPS)
            if subj is not None and subj.pos == "NOUN" and not actor_like(subj):
                return None  # "such a solution will allow all parties to focus": no one yields
        resolved_actors = resolve_all(article, tree, actors)
        resolved_recipients = resolve_all(article, tree, recipients)
        # One word both doing and undergoing ("fighters ... fighters") is a parse artefact.
        own = {a.text for a in resolved_actors}
        resolved_recipients = [r for r in resolved_recipients if r.text not in own]
        if (
            cand.trigger.type == "CONSULT"
            and resolved_recipients
            and all(a.sector == "MED" for a in resolved_recipients)
        ):
            return None  # speaking to the press is not consulting anyone
        bare = (category.bare_verbs and cand.trigger.pos == "verb") or (
            (category.bare_verbs or category.people_subject) and occurring(tree, cand.carrier)
        )
        if not resolved_actors and not resolved_recipients and not bare:
            return None
        if cand.trigger.pos == "judgement" and not (resolved_actors and resolved_recipients):
            # A judgement nobody is said to pass is the article's own; one on no one ("it is
            # wrong to ...") accuses no one.
            return None
        s = article.sentences[sent]
        return Event(
            event_id=event_id(article.article_id, cand.trigger.type, cand.word.idx),
            article_id=article.article_id,
            type=cand.trigger.type,
            mode=cand.trigger.mode,
            actor=tuple(resolved_actors),
            recipient=tuple(resolved_recipients),
            evidence=Evidence(article.text[s.start : s.end], s.start, s.end),
            trigger=cand.word.text,
            trigger_start=cand.word.idx,
            trigger_token=cand.word.i,
            context=(),
            confidence=0.6 if cand.trigger.pos == "verb" else 0.5,
        )


class ExtractEvents(Stage):
    """PLOVER events with actors, recipients and evidence, one per trigger."""

    name: ClassVar[str] = "events"
    requires: ClassVar[frozenset[str]] = frozenset(
        {"text", "published", "tokens", "sentences", "mentions"}
    )
    assigns: ClassVar[frozenset[str]] = frozenset({"events", "events.trigger", "events.actor"})

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.extractor = Extractor(lexicon or load_lexicon())

    def __call__(self, article: Article) -> Article:
        return replace(article, events=tuple(self.extractor.article_events(article)))
