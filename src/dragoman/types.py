"""The core types every stage reads and fills in.

An :class:`Article` travels through the pipeline; each stage returns a new, richer copy of it
(``dataclasses.replace``). Nothing here imports a heavy library: the spaCy parse is copied into
plain :class:`Token` and :class:`Sentence` records at the edge (``dragoman.nlp``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

Factuality = Literal[
    "asserted", "reported", "alleged", "denied", "negated", "hypothetical", "future", "historical"
]
FACTUALITIES: tuple[str, ...] = (
    "asserted",
    "reported",
    "alleged",
    "denied",
    "negated",
    "hypothetical",
    "future",
    "historical",
)
Precision = Literal["day", "week", "month", "year", "unknown"]


def content_hash(text: str) -> str:
    """A stable fingerprint of an article's kept text (white space folded)."""
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def event_id(*parts: object) -> str:
    """A stable event id from what identifies an event (its article, type and trigger offset;
    for a stated intention, the event it states and its kind): ``ev_`` and 12 hex digits."""
    key = "|".join(str(p) for p in parts)
    return "ev_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class Token:
    """One word of the parse, copied out of spaCy so that stages stay plain Python."""

    i: int  # index in the article
    text: str
    idx: int  # character offset in the article's text
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the syntactic head (itself for a root)
    ent_type: str = ""
    ent_iob: str = ""
    sent: int = 0  # index of the sentence holding it

    @property
    def end(self) -> int:
        return self.idx + len(self.text)

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as character and token ranges into its article; ``paragraph`` counts blocks."""

    start: int
    end: int
    token_start: int
    token_end: int
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity or noun phrase the text uses for someone or somewhere."""

    text: str
    start: int  # character offsets in the article's text
    end: int
    label: str  # spaCy entity label (PERSON, GPE, ORG, NORP, ...) or NOUN for noun phrases
    sentence: int
    token_start: int
    token_end: int
    actor: Actor | None = None  # who the mention names, when it names someone the base knows


@dataclass(frozen=True, slots=True)
class Actor:
    """Who did something, or to whom: the words used and what they resolve to."""

    text: str
    name: str
    actor_id: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3 (CAMEO style), or "IGO"
    sector: str | None = None  # CAMEO/PLOVER sector code (GOV, MIL, REB, ...)
    person: bool = False


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened, geocoded when the gazetteer knows the name."""

    text: str
    name: str
    geonameid: int | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class DateRange:
    """When an event happened: an interval and how precise it is; unknown leaves both ends None."""

    text: str | None
    start: date | None
    end: date | None
    precision: Precision = "unknown"


@dataclass(frozen=True, slots=True)
class Source:
    """Who the article says a claim comes from (a named outlet, an official, "local sources")."""

    text: str
    name: str
    kind: str  # media, official, unnamed, report, ...
    cue: str | None = None  # said, told, according to, confirmed, denied ...


@dataclass(frozen=True, slots=True)
class Claim:
    """How the article knows about an event: its sources, how sure it is, whether it was public."""

    attribution: tuple[Source, ...] = ()
    factuality: Factuality = "asserted"
    announced: bool | None = None
    cues: tuple[str, ...] = ()  # the words that decided the factuality (for explanation)


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence an event was read from, with character offsets into the kept text."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event: who did what to whom, where, when, according to whom."""

    event_id: str
    article_id: str
    type: str
    mode: str | None
    actor: tuple[Actor, ...]
    recipient: tuple[Actor, ...]
    evidence: Evidence
    trigger: str
    trigger_start: int
    claim: Claim = field(default_factory=Claim)
    place: Place | None = None
    date: DateRange | None = None
    context: tuple[str, ...] = ()
    confidence: float = 0.5
    trigger_token: int | None = None  # the trigger word's index in the article's tokens
    stated: str | None = None  # for a stated intention (AGREE, THREATEN, REJECT): the act's type


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, and everything the pipeline learns about it."""

    article_id: str
    text: str
    title: str | None = None
    published: date | None = None
    publisher: str | None = None
    url: str | None = None
    language: str | None = None
    origin: str | None = None  # the file or stream it was read from
    tokens: tuple[Token, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    #: per sentence, the event types the learned detector reads in it, with probabilities
    sentence_types: tuple[tuple[tuple[str, float], ...], ...] = ()

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        s = self.sentences[index]
        return self.tokens[s.token_start : s.token_end]

    def trigger_of(self, event: Event) -> Token | None:
        """The token of an event's trigger word (None when the article holds no parse)."""
        i = event.trigger_token
        if i is None or not 0 <= i < len(self.tokens) or self.tokens[i].idx != event.trigger_start:
            return None
        return self.tokens[i]


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not become an article, and why; it is stored, never dropped."""

    article_id: str
    origin: str
    reason: str
    raw: str | None = None  # what could be kept of the input, for inspection
