"""Stated intentions as events of their own: PLOVER's AGREE and THREATEN rules.

"Portugal will support Turkey's bid" reports no support yet; it reports that Portugal said it
would. PLOVER codes such a statement of intent to cooperate as AGREE, and one to do harm
("Turkey will launch an operation against the Kurds", "farmers said they would blockade Paris")
as THREATEN. This stage adds that statement as an event, asserted or reported like the sentence
that carries it, and keeps the intended act itself with its ``future`` factuality, so that
nothing is reported as done before it is.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import ClassVar

from dragoman.stage import Stage
from dragoman.types import Article, Event

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE", "REJECT"})


def stated_intent(event: Event) -> Event | None:
    """The AGREE or THREATEN event a future event's statement makes, if it makes one."""
    if event.claim.factuality != "future" or not event.actor:
        return None
    if event.type in COOPERATIVE:
        kind = "AGREE"
    elif event.type in HOSTILE:
        kind = "THREATEN"
    else:
        return None
    key = f"{event.event_id}|intent|{kind}"
    factuality = "reported" if event.claim.attribution else "asserted"
    return replace(
        event,
        event_id="ev_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12],
        type=kind,
        mode=None,
        context=(*event.context, f"intent:{event.type.lower()}"),
        claim=replace(event.claim, factuality=factuality),  # type: ignore[arg-type]
        confidence=max(0.1, event.confidence - 0.1),
    )


class StatedIntentions(Stage):
    """Adds an AGREE or THREATEN event for every stated intention to act."""

    name: ClassVar[str] = "intent"
    requires: ClassVar[frozenset[str]] = frozenset({"events"})
    assigns: ClassVar[frozenset[str]] = frozenset({"events"})

    def __call__(self, article: Article) -> Article:
        out: list[Event] = []
        for event in article.events:
            intent = stated_intent(event)
            if intent is not None:
                out.append(intent)
            out.append(event)
        return replace(article, events=tuple(out))
