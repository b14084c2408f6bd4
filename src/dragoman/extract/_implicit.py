"""Doers that a judicial act names by itself.

"Robinson was sentenced to seven years", "was found guilty of conspiracy in Boston", "dozens
were arrested": the text names no one who did it, yet only one kind of body can. A sentence or a
conviction is a court's; an arrest or a detention is the police's; a charge or an
indictment is the prosecutors'. Event coders (CAMEO, ACLED)
code these with the state's judiciary or police as the source; an event with no source cannot be
counted in any dyad. The body is added with no words of its own (``text`` is empty: nothing in
the article says it) and with the country of the event's place when one is known; an event that
already has an actor, or whose place is unknown, keeps what it has, apart from the body itself.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from dragoman.stage import Stage
from dragoman.types import Actor, Article, Event

#: For a PLOVER mode (and, where the mode covers more, the trigger's words), the body that does
#: it: its name and sector. Captures, seizures and imprisonment are left alone: fighters capture
#: and "jailed" is told of arrests and of sentences alike.
BODIES: dict[str, tuple[str, str]] = {
    "convict": ("court", "JUD"),
    "arrest": ("police", "COP"),
    "allege": ("prosecutors", "JUD"),
}
#: For a mode that covers acts of others too, the words that only that body does: the police
#: arrest and detain (fighters capture, and "jailed" is told of sentences too); prosecutors
#: charge and indict (anyone accuses).
ONLY_BY: dict[str, frozenset[str]] = {
    "arrest": frozenset(
        "arrest arrested arrests arresting detain detained detains detaining detention "
        "detentions".split()
    ),
    "allege": frozenset(
        "charge charged charges charging indict indicted indicts indicting indictment "
        "indictments".split()
    ),
}


def implicit_body(event: Event) -> Actor | None:
    """The court or police that did a judicial act nobody is said to have done, or None."""
    if event.actor or not event.recipient or event.mode not in BODIES:
        return None
    if event.mode in ONLY_BY and event.trigger.lower() not in ONLY_BY[event.mode]:
        return None
    name, sector = BODIES[event.mode]
    country = event.place.country if event.place is not None else None
    return Actor(text="", name=name, country=country, sector=sector)


def with_implicit_body(event: Event) -> Event:
    body = implicit_body(event)
    return event if body is None else replace(event, actor=(body,))


class ImplicitAgents(Stage):
    """The court of a sentence, the police of an arrest, the prosecutors of a charge, when the
    text names no doer."""

    name: ClassVar[str] = "implicit"
    requires: ClassVar[frozenset[str]] = frozenset({"events.actor", "events.place"})
    assigns: ClassVar[frozenset[str]] = frozenset({"events.agent"})

    def __call__(self, article: Article) -> Article:
        return replace(article, events=tuple(with_implicit_body(e) for e in article.events))
