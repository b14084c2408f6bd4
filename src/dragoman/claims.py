"""According to whom, and how sure: attribution, factuality and whether an event was announced.

Rules over the parse, read from the event's trigger upwards:

* **negated**: a negation on the trigger or the verb carrying it ("did not set a meeting"),
  "no talks", "failed to", "refused to", "without";
* **hypothetical**: a conditional modal (would, could, might, may), an "if" clause, what someone
  tries to avert or prevent, "on the verge of", "the possibility of";
* **future**: "will", "plans to", "is seeking to", "is set to";
* **denied**: inside what a source denies; **alleged**: "allegedly", "accused of";
* **reported**: a source is cited ("X said", "according to X", "reports said").

``announced`` is false where the text calls an event secret or not officially announced
(a sentence like "None of these developments were officially declared" covers the events of
its paragraph; "That report was not officially announced" the sentence before), and true where
it says the event was announced, public or televised.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from dragoman.actors import load_base, name_key
from dragoman.attribution import attribution_for, find_attributions
from dragoman.confirmations import link_confirmations
from dragoman.stage import Stage
from dragoman.syntax import Tree, noun_phrase
from dragoman.triggers import governing_verb
from dragoman.types import Article, Claim, Event, Source, Token

HYPOTHETICAL_MODALS = frozenset("would could might may should must can ought".split())
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
#: Adjectives of readiness: "is willing to withdraw", "is ready to contribute troops".
READY_WORDS = frozenset("willing ready prepared poised set determined eager keen".split())
FUTURE_VERBS = frozenset(
    "plan intend seek aim prepare expect hope want vow pledge promise threaten decide propose "
    "offer schedule mull consider weigh".split()
)
#: Verbs saying an event took place or took effect: negated with the event as subject
#: ("the ceasefire did not hold", "the talks never took place"), they negate it.
OCCURRENCE_VERBS = frozenset(
    "hold happen occur materialise materialize apply affect cover begin start last proceed "
    "take go resume continue".split()
)
NEGATING_VERBS = frozenset("fail refuse decline neglect".split())
NEGATING_NOUNS = frozenset("failure refusal inability absence lack".split())
PREVENTING = frozenset("avert prevent avoid stop forestall deter halt thwart block".split())
POSSIBILITY = frozenset(
    "verge brink possibility risk prospect threat danger chance issue question rumour rumor "
    "speculation idea proposal hope notion".split()
)
#: Links from a word to the word it hangs from that stay inside one clause.
LINK_DEPS = frozenset(
    {
        "dobj",
        "obj",
        "pobj",
        "prep",
        "pcomp",
        "xcomp",
        "acomp",
        "agent",
        "attr",
        "dative",
        "compound",
        "nsubjpass",
        "advcl",
        "conj",
        "acl",
        "amod",
        "npadvmod",
    }
)
ALLEGING_WORDS = frozenset({"allegedly", "purportedly", "supposedly"})
REPORTING_VERBS = frozenset(
    "say tell report confirm claim state announce add write quote allege insist assert reveal "
    "disclose note explain believe deny acknowledge argue suggest estimate understand".split()
)
UNNAMED_WORDS = frozenset(
    "source sources report reports witness witnesses resident residents activist activists "
    "observer observers diplomat diplomats people".split()
)
MEDIA_WORDS = frozenset(
    "media newspaper paper agency tv television radio channel outlet press broadcaster daily "
    "website".split()
)
OFFICIAL_WORDS = frozenset(
    "official officials minister ministry spokesman spokeswoman spokesperson government "
    "president statement authorities army military police embassy office presidency "
    "commander secretary envoy ambassador leader".split()
)
SECRET = re.compile(
    r"\b(secret(ly)?|unannounced|covert(ly)?|clandestine(ly)?|behind closed doors)\b", re.I
)
NOT_ANNOUNCED = re.compile(
    r"\b(not|never|n't|none|neither|nor)\b[^.;]{0,30}\b(officially\s+)?(announced|declared|disclosed|publici[sz]ed|"
    r"made public|confirmed officially)\b|\bdid(n't| not) announce\b",
    re.I,
)
COVERS_PARAGRAPH = re.compile(r"^\s*(none|all|neither|each|any) of (these|those|the above)", re.I)
COVERS_PREVIOUS = re.compile(
    r"^\s*(that|this|the)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(report|meeting|visit|talks?|move|call|decision|order|step|announcement|deal)\b",
    re.I,
)
#: Categories that are statements: made in public unless the text says otherwise.
STATEMENT_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN"})
ANNOUNCED = re.compile(
    r"\b(announced|officially|publicly|in a (joint )?statement|televised|press conference|"
    r"told reporters|spoke to (the )?(media|press|reporters)|"
    r"state (tv|television|media) (said|reported))\b",
    re.I,
)


def public_statement(event: Event, factuality: str, sources: tuple[Source, ...]) -> bool:
    """A condemnation, demand, refusal or threat by a named actor is made in public, unless
    only unnamed sources know of it."""
    if event.type not in STATEMENT_TYPES or factuality not in {"asserted", "reported"}:
        return False
    if sources and all(s.kind == "unnamed" for s in sources):
        return False
    return any(a.person or a.country or a.actor_id for a in event.actor)


def source_kind(tokens: Sequence[Token], name: str) -> str:
    lemmas = {t.lemma.lower() for t in tokens} | {t.lower for t in tokens}
    entry = load_base().get(name_key(name))
    if entry is not None and entry.sector == "MED":
        return "media"
    if entry is not None and entry.sector == "NGO":
        return "ngo"
    if lemmas & MEDIA_WORDS:
        return "media"
    if lemmas & UNNAMED_WORDS:
        return "unnamed"
    if lemmas & OFFICIAL_WORDS or any(t.ent_type == "PERSON" for t in tokens):
        return "official"
    if entry is not None:
        return "official" if entry.kind in {"country", "capital", "seat"} else "organization"
    if any(t.ent_type == "ORG" for t in tokens):
        return "organization"
    return "unnamed"


def make_source(tree: Tree, article: Article, head: Token, cue: str) -> Source:
    phrase = noun_phrase(tree, head)
    text = article.text[phrase[0].idx : phrase[-1].end]
    name = re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)
    return Source(text=text, name=name, kind=source_kind(phrase, name), cue=cue)


class ClaimReader:
    """Works out the claim of each event from its sentence's parse."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.tree = Tree(article.tokens)
        self.by_char = {t.idx: t for t in article.tokens}
        self.found = find_attributions(article, self.tree)

    def word(self, event: Event) -> Token | None:
        return self.by_char.get(event.trigger_start)

    def path(self, word: Token) -> list[tuple[Token, bool]]:
        """The trigger and the words it hangs from, up to its clause's verb.

        Each word comes with whether its negation and modals bear on the event: the trigger,
        the light verb carrying a noun trigger ("did not set a meeting"), and the verbs of
        an infinitive chain ("did not try to meet"). A verb that only takes the event as its
        object ("did not announce the trip") bears on it through its meaning alone (avert,
        plan, fail, deny), not through its negation.
        """
        tree = self.tree
        anchor = governing_verb(tree, word) if word.pos != "VERB" else None
        out = [(word, True)]
        t = word
        governs = True
        for head in tree.ancestors(word):
            if head.sent != word.sent or t.dep in {"ccomp", "parataxis"}:
                # The verb that reports the clause matters only when it denies it.
                if head.lemma.lower() == "deny" and head.sent == word.sent:
                    out.append((head, False))
                break
            if t.dep not in LINK_DEPS:
                break
            governs = governs and (t.dep in {"xcomp", "acomp"} or head is anchor)
            out.append((head, governs))
            if head.pos in {"VERB", "AUX"} and t.dep not in {"xcomp", "acomp"}:
                break
            t = head
        return out

    def factuality(self, word: Token, sourced: bool) -> tuple[str, tuple[str, ...]]:
        tree = self.tree
        path = self.path(word)
        for t, governs in path:
            neg = tree.negated(t)
            if governs and neg is not None and t.pos in {"VERB", "AUX", "NOUN", "ADJ"}:
                modals = [c.text for c in tree.children(t, frozenset({"aux"})) if c.tag == "MD"]
                return "negated", (neg.text, *modals)
            if t is not word and t.lemma.lower() in NEGATING_VERBS | NEGATING_NOUNS:
                return "negated", (t.lemma.lower(),)
            if t.lower == "without":
                return "negated", (t.text,)
        det = tree.child(word, frozenset({"det"}))
        if det is not None and det.lower == "no":
            return "negated", (det.text,)
        head = tree.head(word)
        if word.dep in {"nsubj", "nsubjpass"} and head is not None:
            neg = tree.negated(head)
            if neg is not None and head.lemma.lower() in OCCURRENCE_VERBS:
                return "negated", (neg.text,)
        modal = mark = None
        for t, governs in path:
            children = tree.children(t, frozenset({"aux", "auxpass", "advmod", "mark"}))
            for c in children if governs else ():
                if c.tag == "MD" and c.lower in FUTURE_MODALS | HYPOTHETICAL_MODALS:
                    modal = modal or c
                if c.lower in {"if", "unless", "whether"}:
                    mark = mark or c
                if c.lower in ALLEGING_WORDS:
                    return "alleged", (c.text,)
        if modal is not None or mark is not None:
            return self.modality(path, modal, mark)
        for t, _ in path:
            if t is word:
                continue
            lemma = t.lemma.lower()
            if lemma in PREVENTING | POSSIBILITY:
                return "hypothetical", (t.text,)
            if lemma in FUTURE_VERBS and t.pos == "VERB":
                return "future", (t.text,)
            if t.lower in READY_WORDS and t.pos == "ADJ":
                return "future", (t.text,)
            if lemma == "accuse":
                return "alleged", (t.text,)
            if lemma == "deny":
                return "denied", (t.text,)
        return ("reported", ()) if sourced else ("asserted", ())

    def modality(
        self, path: list[tuple[Token, bool]], modal: Token | None, mark: Token | None
    ) -> tuple[str, tuple[str, ...]]:
        """Future or hypothetical, from the modal and the conditional of the event's clause.

        "would" in reported speech ("they said they would boycott") is the future seen from
        the past; a condition ("unless", "if") keeps its word among the cues, so that a
        conditional promise can be read as a threat.
        """
        cues = tuple(w.text for w in (modal, mark) if w is not None)
        if mark is not None and mark.lower in {"if", "whether"}:
            return "hypothetical", cues
        if modal is None or modal.lower in FUTURE_MODALS:
            return "future", cues
        top = path[-1][0]
        head = self.tree.head(top)
        reported = top.dep == "ccomp" and head is not None and head.lemma.lower() in REPORTING_VERBS
        if modal.lower == "would" and reported:
            return "future", cues
        return "hypothetical", cues

    def attribution(self, word: Token) -> tuple[Source, ...]:
        """Who the article says the event's clause comes from (:mod:`dragoman.attribution`)."""
        return attribution_for(self.article, word.i, self.found)

    def claim(self, event: Event) -> Claim:
        word = self.word(event)
        if word is None:
            return event.claim
        sources = self.attribution(word)
        factuality, cues = self.factuality(word, bool(sources))
        announced = self.announced_in(event.evidence.sentence)
        if announced is None and self.public_statement(event, factuality, sources):
            announced = True
        return Claim(
            attribution=sources,
            factuality=factuality,  # type: ignore[arg-type]
            announced=announced,
            cues=cues,
        )

    @staticmethod
    def public_statement(event: Event, factuality: str, sources: tuple[Source, ...]) -> bool:
        return public_statement(event, factuality, sources)

    @staticmethod
    def announced_in(sentence: str) -> bool | None:
        if SECRET.search(sentence) or NOT_ANNOUNCED.search(sentence):
            return False
        if ANNOUNCED.search(sentence):
            return True
        return None

    def carry_announcements(self, events: list[Event]) -> list[Event]:
        """Apply "none of these were officially declared" or "the move was announced by the
        minister" to the events such a sentence looks back on."""
        art = self.article
        out = list(events)
        for n, s in enumerate(art.sentences):
            text = art.text[s.start : s.end]
            if NOT_ANNOUNCED.search(text):
                value = False
            elif ANNOUNCED.search(text) and COVERS_PREVIOUS.search(text):
                value = True
            else:
                continue
            if COVERS_PARAGRAPH.search(text):
                # Opening a paragraph it looks back on the one before; closing one, on its own.
                opens = n == 0 or art.sentences[n - 1].paragraph != s.paragraph
                wanted = s.paragraph - 1 if opens else s.paragraph
                scope = range(
                    next((i for i, x in enumerate(art.sentences) if x.paragraph == wanted), n), n
                )
            elif COVERS_PREVIOUS.search(text):
                scope = range(max(0, n - 1), n)
            else:
                continue
            starts = {art.sentences[i].start for i in scope}
            out = [
                replace(e, claim=replace(e.claim, announced=value))
                if e.evidence.start in starts and (value is False or e.claim.announced is None)
                else e
                for e in out
            ]
        return out


class AssessClaims(Stage):
    """Fills in each event's attribution, factuality and announced flag."""

    name: ClassVar[str] = "claims"
    requires: ClassVar[frozenset[str]] = frozenset({"events", "tokens", "sentences"})
    assigns: ClassVar[frozenset[str]] = frozenset({"events"})

    def __call__(self, article: Article) -> Article:
        if not article.events:
            return article
        reader = ClaimReader(article)
        events = [replace(e, claim=reader.claim(e)) for e in article.events]
        events = link_confirmations(
            article,
            reader.tree,
            events,
            lambda head, cue: make_source(reader.tree, article, head, cue),
        )
        return replace(article, events=tuple(reader.carry_announcements(events)))
