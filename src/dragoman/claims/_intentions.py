"""Stated intentions as events of their own: PLOVER's AGREE and THREATEN rules.

"Portugal will support Turkey's bid" reports no support yet; it reports that Portugal said it
would. PLOVER codes such a statement of intent to cooperate as AGREE, and one to do harm
("Turkey will launch an operation against the Kurds", "farmers said they would blockade Paris")
as THREATEN. This stage adds that statement as an event, asserted or reported like the sentence
that carries it, and keeps the intended act itself with its ``future`` factuality, so that
nothing is reported as done before it is.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from dragoman.claims._announced import public_statement
from dragoman.claims._factuality import DECIDING_VERBS
from dragoman.stage import Stage
from dragoman.types import Article, Event, event_id

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE", "REJECT"})


#: What makes a negated act a refusal: a will not to ("will not attend"), a refusing verb, or
#: a decision not to ("voted not to attend", which the factuality reader adds to the cues).
REFUSING = frozenset({"will", "would", "wo", "refuse", "decline"}) | DECIDING_VERBS
#: Not being able to accept or agree, or failing to, is refusing to ("could not accept the
#: terms", "failed to reach agreement").
UNABLE = frozenset({"can", "could", "ca", "cannot", "fail"})


def stated_kind(event: Event) -> str | None:
    """AGREE, THREATEN or REJECT: what stating this future or refused event amounts to.

    A promise to cooperate is AGREE and one to harm THREATEN; a promise made on a condition
    ("will withdraw its force unless ...") is a threat whatever it promises; refusing to
    cooperate ("will not accept", "refused to meet") is REJECT.
    """
    factuality, cues = event.claim.factuality, {c.lower() for c in event.claim.cues}
    if factuality == "future":
        if "unless" in cues or event.type in HOSTILE:
            return "THREATEN"
        if event.type in COOPERATIVE:
            return "AGREE"
    if factuality == "negated" and cues & REFUSING and event.type in COOPERATIVE | {"AGREE"}:
        return "REJECT"
    if factuality == "negated" and cues & UNABLE and event.type == "AGREE":
        return "REJECT"  # "terms they could not accept", "we cannot agree to this"
    return None


def stated_intent(event: Event, passive: bool = False) -> Event | None:
    """The AGREE, THREATEN or REJECT event an event's statement makes, if it makes one.

    An act told in the passive ("the fight will be aided by", "the town will be attacked") is
    a forecast about its doer, not their own statement of intent: it makes none.
    """
    kind = stated_kind(event)
    if kind is None or not event.actor or passive:
        return None
    factuality = "reported" if event.claim.attribution else "asserted"
    if event.type == kind:
        return None
    return replace(
        event,
        event_id=event_id(event.event_id, "intent", kind),
        type=kind,
        mode=None,
        stated=event.type,
        claim=replace(
            event.claim,
            factuality=factuality,  # type: ignore[arg-type]
            announced=True
            if event.claim.announced is None
            and public_statement(replace(event, type=kind), factuality, event.claim.attribution)
            else event.claim.announced,
        ),
        confidence=round(max(0.1, event.confidence - 0.1), 3),
    )


class StatedIntentions(Stage):
    """Adds an AGREE or THREATEN event for every stated intention to act."""

    name: ClassVar[str] = "intent"
    requires: ClassVar[frozenset[str]] = frozenset({"events.actor", "events.claim"})
    assigns: ClassVar[frozenset[str]] = frozenset({"events.intent"})

    def __call__(self, article: Article) -> Article:
        out: list[Event] = []
        passive = {t.head for t in article.tokens if t.dep == "auxpass"}
        promises = {e.trigger_token for e in article.events if e.type == "AGREE"}
        # A promise's trigger token -> the act promised and what promising it amounts to.
        told: dict[int | None, tuple[Event, str]] = {}
        for event in article.events:
            intent = stated_intent(event, event.trigger_token in passive)
            if intent is not None and expected(article, event):
                intent = None  # "analysts expect Turkey will attack": nobody's promise
            promise = promised_by(article, event, promises)
            if intent is not None and promise is not None:
                # "pledged to deport them", "vowed to shoot down any plane": the promise is
                # the statement; one event tells it, a threat when the act is harm.
                told[promise] = (event, intent.type)
                if intent.type == "AGREE":
                    intent = None
            if intent is not None:
                out.append(intent)
            out.append(event)
        kept: list[Event] = []
        for event in out:
            promised = told.get(event.trigger_token)
            if promised is None or event.type != "AGREE" or event.stated is not None:
                kept.append(event)
                continue
            act, kind = promised
            if kind == "AGREE":
                recipient = event.recipient or act.recipient
                kept.append(replace(event, stated=act.type, recipient=recipient))
            # else the promise is a threat or a refusal, told by that event alone
        return replace(article, events=tuple(kept))


#: Words of what others expect, hope or fear: an act told as their content is no statement
#: of its doer's ("hope that Maduro will back down", "analysts expect Turkey will attack").
EXPECTING = frozenset(
    "expect hope fear believe think predict anticipate doubt suspect speculate worry "
    "expectation hope fear prospect speculation likely unlikely possible".split()
)
#: Links climbed from an act to the word whose content it is.
CONTENT_DEPS = frozenset({"ccomp", "acl", "xcomp", "advcl", "conj", "pcomp", "pobj", "prep"})


def expected(article: Article, event: Event) -> bool:
    """Whether the act is told as what someone other than its doer expects, hopes or fears."""
    if event.trigger_token is None:
        return False
    token = article.tokens[event.trigger_token]
    for _ in range(5):
        if token.dep not in CONTENT_DEPS or token.head == token.i:
            return False
        token = article.tokens[token.head]
        if token.lemma.lower() in EXPECTING:
            return True
    return False


def promised_by(article: Article, event: Event, promises: set[int | None]) -> int | None:
    """The trigger token of the AGREE verb whose infinitive this event's trigger is ("pledged
    to deport"), or None."""
    if event.trigger_token is None or event.type == "AGREE":
        return None
    token = article.tokens[event.trigger_token]
    if token.dep != "xcomp" or token.head not in promises:
        return None
    return token.head
