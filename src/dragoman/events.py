"""Finding events: triggers from the lexicon, actors and recipients from the dependency parse.

For each sentence, the trigger words (:mod:`dragoman.triggers`) are candidates. A verb takes its
subject as actor (the agent of a passive) and its object or the objects of the category's
prepositions as recipients; a noun takes its possessor, the subject of the verb that carries it
("X held talks"), and the objects of its prepositions. Coordinated words ("Russia, Iran and
Turkey") join the lists, and :mod:`dragoman.references` turns each head word into an actor.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from typing import ClassVar

from dragoman.lexicon import Lexicon, load_lexicon
from dragoman.references import actor_like, resolve_all
from dragoman.stage import Stage
from dragoman.syntax import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, Tree
from dragoman.triggers import (
    DEMAND,
    ISSUING_VERBS,
    PROPOSITIONAL,
    Candidate,
    demanded,
    find_candidates,
)
from dragoman.types import Actor, Article, Event, Evidence, Token

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


#: Categories whose target a purpose clause can name ("to drive out the fighters").
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
PURPOSE_NOUNS = frozenset("effort bid attempt push drive campaign operation".split())

#: Nouns for a struggle, never for who is fought ("waged a war", "fought an insurgency").
STRUGGLE_NOUNS = frozenset("war insurgency rebellion struggle conflict uprising jihad".split())


class Extractor:
    """Finds the events of one parsed article."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def article_events(self, article: Article) -> list[Event]:
        tree = Tree(article.tokens)
        events: list[Event] = []
        for n, sentence in enumerate(article.sentences):
            toks = article.tokens[sentence.token_start : sentence.token_end]
            for cand in find_candidates(self.lex, tree, toks):
                ev = self.build(article, tree, n, cand)
                if ev is not None:
                    events.append(replace(ev, actor=both_sides(ev.actor, events)))
        return events

    def build(self, article: Article, tree: Tree, sent: int, cand: Candidate) -> Event | None:
        category = self.lex.categories[cand.trigger.type]
        actors, recipients = self.arguments(tree, cand, category.recipient_preps)
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
        if not resolved_actors and not resolved_recipients:
            return None
        s = article.sentences[sent]
        key = f"{article.article_id}|{cand.trigger.type}|{cand.word.idx}"
        return Event(
            event_id="ev_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12],
            article_id=article.article_id,
            type=cand.trigger.type,
            mode=cand.trigger.mode,
            actor=tuple(resolved_actors),
            recipient=tuple(resolved_recipients),
            evidence=Evidence(article.text[s.start : s.end], s.start, s.end),
            trigger=cand.word.text,
            trigger_start=cand.word.idx,
            context=(),
            confidence=0.6 if cand.trigger.pos == "verb" else 0.5,
        )

    def arguments(
        self, tree: Tree, cand: Candidate, recipient_preps: frozenset[str]
    ) -> tuple[list[Token], list[Token]]:
        word, anchor = cand.word, cand.anchor
        actors: list[Token] = []
        recipients: list[Token] = []
        if cand.trigger is DEMAND:
            subj = tree.child(word, SUBJECT_DEPS)
            clause = demanded(tree, word)
            target = tree.child(clause, SUBJECT_DEPS) if clause is not None else None
            return self.expand(tree, [subj] if subj else []), self.expand(
                tree, [target] if target else []
            )
        if cand.trigger.pos == "verb":
            passive = tree.child(word, PASSIVE_SUBJECT_DEPS)
            if passive is not None:
                recipients.append(passive)
                for _, agent in tree.preps(word, frozenset({"by"})):
                    actors.append(agent)
            else:
                subj = tree.subject(word)
                if subj is not None:
                    actors.append(subj)
                obj = tree.child(word, OBJECT_DEPS) or self.misparsed_object(tree, word)
                if obj is not None and self.is_event_noun(obj):
                    # "fought an insurgency against the state": what was done, and its target.
                    recipients.extend(o for _, o in tree.preps(obj, recipient_preps))
                    obj = None
                if obj is not None and obj.lemma.lower() != (cand.trigger.with_word or ""):
                    recipients.append(obj)
                    # "condemned Israel's decision": whose decision it was.
                    owner = tree.child(obj, frozenset({"poss"}))
                    if owner is not None and not actor_like(obj):
                        recipients.append(owner)
            recipients.extend(o for _, o in tree.preps(word, recipient_preps))
            if cand.trigger.with_word or cand.trigger.type in PROPOSITIONAL:
                # "hold talks with X", "demanded an apology from X": the object's prepositions.
                for obj in tree.children(word, OBJECT_DEPS):
                    recipients.extend(o for _, o in tree.preps(obj, recipient_preps))
        else:
            word = cand.carrier
            owner = tree.child(word, frozenset({"poss"}))
            if owner is not None:
                actors.append(owner)
            for mod in tree.children(word, frozenset({"compound", "amod"})):
                if mod.ent_type in {"GPE", "NORP", "ORG", "PERSON"} and mod.i < word.i:
                    actors.append(mod)
            for _, agent in tree.preps(word, frozenset({"by"})):
                actors.append(agent)
            if not actors and anchor is not word:
                subj = tree.subject(anchor)
                if subj is not None:
                    actors.append(subj)
            head = tree.head(word)
            issued = head is not None and head.lemma.lower() in ISSUING_VERBS
            if not actors and issued and word.dep in OBJECT_DEPS:
                # "Italy announced a suspension of air links": who announced it acts.
                subj = tree.subject(head)  # type: ignore[arg-type]
                if subj is not None:
                    actors.append(subj)
            recipients.extend(o for _, o in tree.preps(word, recipient_preps))
            if anchor is not word:
                recipients.extend(o for _, o in tree.preps(anchor, recipient_preps))
        if not recipients and cand.trigger.type in HOSTILE_TYPES:
            recipients.extend(self.purpose_objects(tree, anchor))
        if not recipients and cand.trigger.type in {"ACCUSE", "REQUEST", "REJECT"}:
            # "expressed disappointment that X had not left": X is who it is aimed at.
            for clause in tree.children(word, frozenset({"ccomp", "acl"})):
                subj = tree.child(clause, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
                if subj is not None and any(
                    c.lower == "that" for c in tree.children(clause, frozenset({"mark"}))
                ):
                    recipients.append(subj)
        return self.expand(tree, actors), self.expand(tree, recipients)

    @staticmethod
    def purpose_objects(tree: Tree, anchor: Token) -> list[Token]:
        """Whom an attack is for: "launched a campaign ... in an effort to drive out the
        Kurdish fighters", "deployed troops to crush the rebels"."""
        purposes = [
            c
            for c in tree.children(anchor, frozenset({"xcomp", "advcl"}))
            if c.tag == "VB" and any(x.lower == "to" for x in tree.children(c))
        ]
        for _, effort in tree.preps(anchor, frozenset({"in"})):
            if effort.lemma.lower() in PURPOSE_NOUNS:
                purposes.extend(tree.children(effort, frozenset({"acl", "relcl"})))
        for verb in purposes:
            obj = tree.child(verb, OBJECT_DEPS)
            if obj is not None and actor_like(obj):
                return [obj]
        return []

    @staticmethod
    def is_event_noun(t: Token) -> bool:
        return t.lemma.lower() in STRUGGLE_NOUNS

    @staticmethod
    def misparsed_object(tree: Tree, verb: Token) -> Token | None:
        """A name after the verb that the parser hung on it as an adverb ("backs Assad")."""
        for c in tree.children(verb, frozenset({"advmod", "npadvmod", "oprd"})):
            if c.i > verb.i and c.pos == "PROPN" and c.ent_type in {"PERSON", "ORG", "GPE"}:
                return c
        return None

    @staticmethod
    def expand(tree: Tree, heads: list[Token]) -> list[Token]:
        out: list[Token] = []
        for h in heads:
            # "between X and Y": the preposition's object with its conjuncts.
            for c in tree.conjuncts(h):
                nominal = c.pos in {"NOUN", "PROPN", "PRON", "NUM"}
                # "Palestinian riots": a demonym standing for its people.
                demonym = c.pos == "ADJ" and c.ent_type in {"NORP", "GPE"}
                if (nominal or demonym) and c.i not in {x.i for x in out}:
                    out.append(c)
        return out


class ExtractEvents(Stage):
    """PLOVER events with actors, recipients and evidence, one per trigger."""

    name: ClassVar[str] = "events"
    requires: ClassVar[frozenset[str]] = frozenset({"tokens", "sentences", "mentions"})
    assigns: ClassVar[frozenset[str]] = frozenset({"events"})

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.extractor = Extractor(lexicon or load_lexicon())

    def __call__(self, article: Article) -> Article:
        return replace(article, events=tuple(self.extractor.article_events(article)))
