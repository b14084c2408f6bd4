"""Finding events: triggers from the lexicon, actors and recipients from the dependency parse.

For each sentence, every verb or noun whose lemma is in the trigger lexicon is a candidate.
A verb takes its subject as actor (the agent of a passive) and its object or the objects of the
category's prepositions as recipients; a noun takes its possessor, the subject of the light verb
it is the object of ("X held talks"), and the objects of its prepositions. Coordinated words
("Russia, Iran and Turkey") and appositions ("his counterpart, Wang Yi") join the lists, and
third-person pronouns take the person last named as a subject.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import ClassVar

from dragoman.actors import ROLE_SECTORS, load_base, lookup, name_key, resolve_phrase
from dragoman.lexicon import Lexicon, Trigger, load_lexicon
from dragoman.stage import Stage
from dragoman.syntax import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    Tree,
    noun_phrase,
)
from dragoman.types import Actor, Article, Event, Evidence, Token

#: Verbs that carry a noun trigger without adding meaning of their own ("hold talks").
LIGHT_VERBS = frozenset(
    "hold conduct have carry make pay launch stage impose begin start continue resume join "
    "attend host organise organize sign reach strike set schedule arrange deliver "
    "provide send offer level issue express voice mount order lead wage undertake step "
    "intensify escalate complete conclude give extend call seek put place".split()
)
#: Verbs whose subject is the doer of the act named by their object ("announced a suspension").
ISSUING_VERBS = frozenset("announce declare order decide approve authorise authorize".split())
#: Prepositions that set a noun trigger in the clause of a verb ("said in a phone call").
SETTING_PREPS = frozenset({"in", "during", "at", "after", "following", "before", "via", "on"})
#: Categories whose object noun is what is asked, refused, agreed or threatened, not an event.
PROPOSITIONAL = frozenset({"REQUEST", "REJECT", "AGREE", "THREATEN"})
#: Nouns for texts that speak for whoever issued them ("the council's resolution demanded").
DOCUMENT_NOUNS = frozenset(
    "resolution statement report letter decree communique declaration order ruling "
    "announcement decision plan proposal".split()
)
#: Common nouns that name someone who can act (beyond the role words of the actor base).
ACTOR_NOUNS = frozenset(
    "committee council delegation coalition alliance group side sides leader leaders branch "
    "organisation organization agency union community country countries nation nations state "
    "states guarantor guarantors mediator militia militias movement bloc administration "
    "allies ally partner partners neighbour neighbor members member body team people "
    "forces".split()
)
#: Nouns that open a prepositional chain to the real event ("a round of talks").
PREP_CHAIN_NOUNS = frozenset("round series wave part string spate result course".split())
#: Verbs that report what someone says another must do ("Russia said Sudan must return ...").
SAYING_VERBS = frozenset(
    "say declare insist conclude state stress tell add argue reiterate".split()
)
DEMAND_MODALS = frozenset({"must", "should"})
DEMAND = Trigger("REQUEST", None, "must", "verb")

#: Heads that count people rather than name them ("thousands of students"): the "of" object acts.
QUANTITY_NOUNS = frozenset(
    "thousand thousands hundred hundreds dozen dozens ten tens million millions number "
    "crowd crowds group groups some many scores".split()
)
#: Nouns that are events only when a person or group takes part (not "a meeting room").
PEOPLE_NOUNS = frozenset(
    "people protesters protestors demonstrators residents students workers thousands hundreds "
    "dozens crowds supporters activists villagers citizens refugees women men youths".split()
)
OWN_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
APPOS = frozenset({"appos"})


@dataclass(frozen=True, slots=True)
class Candidate:
    trigger: Trigger
    word: Token  # the trigger word
    anchor: Token  # the verb that governs the clause (the trigger verb or the light verb)
    carrier: Token  # the noun whose dependents are the arguments ("mediation effort": effort)


def _children_text(tree: Tree, t: Token, deps: frozenset[str]) -> set[str]:
    return {c.lower for c in tree.children(t, deps)} | {
        c.lemma.lower() for c in tree.children(t, deps)
    }


def match_trigger(tree: Tree, t: Token, lex: Lexicon) -> Trigger | None:
    """The most specific lexicon entry that ``t`` and its dependents satisfy."""
    lemma = t.lemma.lower()
    if t.pos in {"VERB", "AUX"} or (t.pos == "NOUN" and t.tag.startswith("VB")):
        entries = lex.verbs.get(lemma, ())
        if not entries:
            return None
        parts = _children_text(tree, t, frozenset({"prt", "prep", "agent"}))
        objects = {w for c in tree.children(t, OBJECT_DEPS) for w in (c.lemma.lower(), c.lower)}
        for e in entries:
            if e.with_word and e.with_word not in parts and e.with_word not in objects:
                continue
            if e.needs_object and not objects:
                continue
            if e.needs_prep and e.needs_prep not in parts:
                continue
            return e
        return None
    if t.pos in {"NOUN", "PROPN"}:
        entries = lex.nouns.get(lemma, ()) or lex.nouns.get(t.lower, ())
        if not entries:
            return None
        mods = _children_text(tree, t, frozenset({"compound", "amod", "nmod"}))
        preps = _children_text(tree, t, frozenset({"prep"}))
        for e in entries:
            if e.with_word and e.with_word not in mods:
                continue
            if e.needs_prep and e.needs_prep not in preps:
                continue
            return e
    return None


class Extractor:
    """Finds the events of one parsed article."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def article_events(self, article: Article) -> list[Event]:
        tree = Tree(article.tokens)
        events: list[Event] = []
        for n, sentence in enumerate(article.sentences):
            toks = article.tokens[sentence.token_start : sentence.token_end]
            for cand in self.candidates(tree, toks):
                ev = self.build(article, tree, n, cand)
                if ev is not None:
                    events.append(ev)
        return events

    def candidates(self, tree: Tree, toks: Sequence[Token]) -> list[Candidate]:
        found: list[Candidate] = []
        for t in toks:
            if t.pos == "VERB" and t.lemma.lower() in SAYING_VERBS and self.demanded(tree, t):
                found.append(Candidate(DEMAND, t, t, t))
            trig = match_trigger(tree, t, self.lex)
            if trig is None:
                continue
            anchor = carrier = t
            if trig.pos == "noun":
                # "a mediation effort", "the peace talks process": the head noun carries it.
                while carrier.dep == "compound" and tree.tokens[carrier.head].pos == "NOUN":
                    carrier = tree.tokens[carrier.head]
                anchor = self.governing_verb(tree, carrier) or carrier
            found.append(Candidate(trig, t, anchor, carrier))
        # What is demanded, refused, agreed or threatened ("demanded an apology") is part of
        # that event, not an event of its own.
        asked = {c.word.i for c in found if c.trigger.type in PROPOSITIONAL}
        return [
            c
            for c in found
            if c.trigger.pos == "verb" or not self.asked_for(tree, c.carrier, asked)
        ]

    @staticmethod
    def demanded(tree: Tree, verb: Token) -> Token | None:
        """The clause a saying verb reports as an obligation of someone else, if any."""
        for clause in tree.children(verb, frozenset({"ccomp"})):
            modal = any(c.lower in DEMAND_MODALS for c in tree.children(clause, frozenset({"aux"})))
            if modal and tree.child(clause, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS) is not None:
                return clause
        return None

    @staticmethod
    def asked_for(tree: Tree, noun: Token, verbs: set[int]) -> bool:
        head = tree.head(noun)
        if head is None:
            return False
        if noun.dep in OBJECT_DEPS | {"conj"} and head.i in verbs:
            return True
        if noun.dep == "conj":
            return Extractor.asked_for(tree, head, verbs)
        if noun.dep == "pobj" and head.lower in {"for", "to"}:
            owner = tree.head(head)
            return owner is not None and owner.i in verbs
        return False

    @staticmethod
    def governing_verb(tree: Tree, noun: Token) -> Token | None:
        """The light verb a noun trigger is the object of ("held talks", "a round of talks")."""
        t = noun
        for _ in range(4):
            head = tree.head(t)
            if head is None:
                return None
            if t.dep in OBJECT_DEPS | {"nsubjpass"} and head.pos in {"VERB", "AUX"}:
                return head if head.lemma.lower() in LIGHT_VERBS else None
            if t.dep == "pobj" and head.dep == "prep":
                owner = tree.head(head)
                if owner is not None and owner.lemma.lower() in PREP_CHAIN_NOUNS:
                    t = owner
                    continue
                if owner is not None and owner.pos == "VERB" and head.lower in SETTING_PREPS:
                    return owner
            return None
        return None

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
        resolved_actors = self.resolve_all(article, tree, actors)
        resolved_recipients = self.resolve_all(article, tree, recipients)
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
            clause = self.demanded(tree, word)
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
                if obj is not None and obj.lemma.lower() != (cand.trigger.with_word or ""):
                    recipients.append(obj)
                    # "condemned Israel's decision": whose decision it was.
                    owner = tree.child(obj, frozenset({"poss"}))
                    if owner is not None and not self.actor_like(obj):
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
    def misparsed_object(tree: Tree, verb: Token) -> Token | None:
        """A name after the verb that the parser hung on it as an adverb ("backs Assad")."""
        for c in tree.children(verb, frozenset({"advmod", "npadvmod", "oprd"})):
            if c.i > verb.i and c.pos == "PROPN" and c.ent_type in {"PERSON", "ORG", "GPE"}:
                return c
        return None

    @staticmethod
    def actor_like(t: Token) -> bool:
        """Whether a word can name someone who acts (a name, a group, a role, a pronoun)."""
        if t.pos in {"PROPN", "PRON"} or t.ent_type in {"PERSON", "ORG", "GPE", "NORP"}:
            return True
        lemma = t.lemma.lower()
        return lemma in ACTOR_NOUNS or t.lower in ACTOR_NOUNS or lemma in ROLE_SECTORS

    @staticmethod
    def expand(tree: Tree, heads: list[Token]) -> list[Token]:
        out: list[Token] = []
        for h in heads:
            # "between X and Y": the preposition's object with its conjuncts.
            for c in tree.conjuncts(h):
                if c.pos in {"NOUN", "PROPN", "PRON", "NUM"} and c.i not in {x.i for x in out}:
                    out.append(c)
        return out

    def resolve_all(self, article: Article, tree: Tree, heads: list[Token]) -> list[Actor]:
        out: list[Actor] = []
        seen: set[str] = set()
        for h in heads:
            actor = self.resolve(article, tree, h)
            if actor is None or not actor.name:
                continue
            for one in self.split_modifiers(tree, h, actor):
                key = one.actor_id or f"{one.name.lower()}|{one.country}"
                if key not in seen:
                    seen.add(key)
                    out.append(one)
        return out

    @staticmethod
    def split_modifiers(tree: Tree, head: Token, actor: Actor) -> list[Actor]:
        """ "Hungarian and Romanian officials" are two actors: one per coordinated demonym."""
        out = [actor]
        for mod in tree.children(head, frozenset({"amod", "compound"})):
            for other in tree.conjuncts(mod)[1:]:
                entry = lookup(other.text)
                if entry is not None and entry.country and entry.country != actor.country:
                    out.append(
                        replace(actor, country=entry.country, actor_id=None, text=other.text)
                    )
        return out

    def resolve(self, article: Article, tree: Tree, head: Token) -> Actor | None:
        if head.lower in QUANTITY_NOUNS or head.lemma.lower() in QUANTITY_NOUNS:
            counted = next((o for _, o in tree.preps(head, frozenset({"of"}))), None)
            if counted is not None:
                return self.resolve(article, tree, counted)
        if head.pos == "PRON":
            antecedent = self.antecedent(article, tree, head)
            if antecedent is None or antecedent.pos == "PRON":
                return None
            actor = self.resolve(article, tree, antecedent)
            return replace(actor, text=head.text) if actor is not None else None
        if head.ent_type in {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}:
            return None
        if head.lemma.lower() in DOCUMENT_NOUNS:
            issuer = next(
                (
                    c
                    for c in tree.children(head, frozenset({"poss", "compound", "nmod"}))
                    if c.ent_type in {"ORG", "GPE", "NORP", "PERSON"} or c.pos == "PROPN"
                ),
                None,
            )
            return self.resolve(article, tree, issuer) if issuer is not None else None
        appos = next(
            (a for a in tree.children(head, APPOS) if a.ent_type in {"PERSON", "ORG"}), None
        )
        phrase = with_entity(article, noun_phrase(tree, head), head)
        if appos is not None:
            named = resolve_phrase(noun_phrase(tree, appos), article.text)
            described = resolve_phrase(phrase, article.text)
            # The description ("Qatar's emir") says more than a title in the name ("Sheikh").
            return replace(
                named,
                country=described.country or named.country,
                sector=described.sector or named.sector,
            )
        actor = resolve_phrase(phrase, article.text)
        if actor.country or actor.sector or actor.person or actor.actor_id:
            return actor
        if head.pos == "PROPN" or head.ent_type in {"PERSON", "ORG", "GPE", "NORP"}:
            return actor
        if head.lemma.lower() in ACTOR_NOUNS or head.lower in ACTOR_NOUNS:
            return actor
        return None

    @staticmethod
    def antecedent(article: Article, tree: Tree, pronoun: Token) -> Token | None:
        """What a pronoun stands for: a relative clause's noun, or an earlier subject.

        "he"/"she" take the last person named as a subject or entity; "it"/"its" the subject
        of the clause (for a possessive) or the last non-person subject; "they"/"their" the
        last plural or coordinated subject. The search goes back three sentences at most.
        """
        word = pronoun.lower
        if pronoun.tag in {"WP", "WDT"} or word in {"who", "whom", "which", "that"}:
            for clause in tree.ancestors(pronoun):
                if clause.dep in {"relcl", "acl"}:
                    return tree.head(clause)
            return None
        if word in {"its", "their"} and pronoun.dep == "poss":
            noun = tree.head(pronoun)
            verb = Extractor.governing_verb(tree, noun) if noun is not None else None
            verb = verb or (tree.head(noun) if noun is not None else None)
            subj = tree.subject(verb) if verb is not None and verb.pos == "VERB" else None
            if subj is not None and subj.pos != "PRON" and subj.i < pronoun.i:
                return subj
        if word in {"he", "she", "him", "her", "his", "hers"}:
            base = load_base()

            def fits(t: Token) -> bool:
                # The small model tags some surnames GPE: a name the actor base knows as a
                # country or capital is a place, any other proper-noun subject may be a person.
                if t.pos != "PROPN" or t.dep == "compound" or t.ent_type in {"NORP", "DATE", "ORG"}:
                    return False
                if t.ent_type == "GPE" and name_key(t.text) in base:
                    return False
                return t.dep in {"nsubj", "nsubjpass"} or t.ent_type == "PERSON"

        elif word in {"it", "its"}:

            def fits(t: Token) -> bool:
                return (
                    t.dep in {"nsubj", "nsubjpass"}
                    and t.pos in {"NOUN", "PROPN"}
                    and (t.ent_type != "PERSON" and t.tag in {"NN", "NNP"})
                )
        elif word in {"they", "them", "their", "theirs"}:

            def fits(t: Token) -> bool:
                return (
                    t.dep in {"nsubj", "nsubjpass"}
                    and t.pos in {"NOUN", "PROPN"}
                    and (
                        t.tag in {"NNS", "NNPS"}
                        or any(True for _ in tree.children(t, frozenset({"conj"})))
                    )
                )
        else:
            return None
        first_sentence = max(0, pronoun.sent - 3)
        start = article.sentences[first_sentence].token_start
        best: Token | None = None
        for t in article.tokens[start : pronoun.i]:
            if fits(t):
                best = t
        return best


def with_entity(article: Article, phrase: list[Token], head: Token) -> list[Token]:
    """The phrase widened to the whole named entity its head is in ("Faisal al - Mekdad")."""
    if not head.ent_type:
        return phrase
    tokens = article.tokens
    lo = head.i
    while lo > 0 and tokens[lo].ent_iob == "I" and tokens[lo - 1].ent_type == head.ent_type:
        lo -= 1
    hi = head.i
    while hi + 1 < len(tokens) and tokens[hi + 1].ent_iob == "I":
        hi += 1
    first = min(lo, phrase[0].i)
    last = max(hi, phrase[-1].i)
    return list(tokens[first : last + 1])


class ExtractEvents(Stage):
    """PLOVER events with actors, recipients and evidence, one per trigger."""

    name: ClassVar[str] = "events"
    requires: ClassVar[frozenset[str]] = frozenset({"tokens", "sentences", "mentions"})
    assigns: ClassVar[frozenset[str]] = frozenset({"events"})

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.extractor = Extractor(lexicon or load_lexicon())

    def __call__(self, article: Article) -> Article:
        return replace(article, events=tuple(self.extractor.article_events(article)))
