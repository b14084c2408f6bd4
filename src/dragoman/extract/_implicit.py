"""Doers the text implies but does not name.

"Robinson was sentenced to seven years", "was found guilty of conspiracy in Boston", "dozens
were arrested": the text names no one who did it, yet only one kind of body can. A sentence or a
conviction is a court's; an arrest or a detention is the police's; a charge or an indictment is
the prosecutors'. Event coders (CAMEO, ACLED) code these with the state's judiciary or police as
the source; an event with no source cannot be counted in any dyad. The body is added with no
words of its own (``text`` is empty: nothing in the article says it) and with the country of the
event's place when one is known (none when the place is unknown).

"Israel should be asked to offer refuge, Egeland said": a request told as what someone should
be asked to do, with no asker, is the request of the one person or official who says it; that
actor keeps the words of the attribution as its text.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from dragoman.actors import default_base, dominant_country, resolve_actor
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


def implicit_body(article: Article, event: Event) -> Actor | None:
    """The court or police that did a judicial act nobody is said to have done, or None."""
    if event.actor or not event.recipient or event.mode not in BODIES:
        return None
    if event.mode in ONLY_BY and event.trigger.lower() not in ONLY_BY[event.mode]:
        return None
    name, sector = BODIES[event.mode]
    return Actor(text="", name=name, country=jurisdiction_of(article, event), sector=sector)


def jurisdiction_of(article: Article, event: Event) -> str | None:
    """The country of the event's place, when the article names that country; else the one
    it names most. A place read in another country than any the article speaks of ("east
    London" as the South African city) is a misreading, not a jurisdiction."""
    named = default_base().context_profile(article.text)
    place = event.place.country if event.place is not None else None
    if place is not None and (named[place] > 0 or not named):
        return place
    return dominant_country(default_base(), article.text) if named else place


def asking_speaker(article: Article, event: Event) -> Actor | None:
    """Who asks, in a request told as what someone should be asked to do, with no asker:
    the one named person or official who says it ("Israel should also be asked to offer
    refuge, Egeland said")."""
    if event.type != "REQUEST" or event.actor or not event.recipient:
        return None
    sources = event.claim.attribution
    if event.claim.factuality != "hypothetical" or len(sources) != 1:
        return None
    source = sources[0]
    if source.kind not in {"person", "official"} or not source.name:
        return None
    found = resolve_actor(source.name, article.published, article.text)
    if found is not None:
        return replace(found, text=source.text)
    return Actor(text=source.text, name=source.name, person=source.kind == "person")


def with_implicit_body(article: Article, event: Event) -> Event:
    body = implicit_body(article, event) or asking_speaker(article, event)
    return event if body is None else replace(event, actor=(body,))


class ImplicitAgents(Stage):
    """The court of a sentence, the police of an arrest, the prosecutors of a charge, when the
    text names no doer."""

    name: ClassVar[str] = "implicit"
    requires: ClassVar[frozenset[str]] = frozenset(
        {"text", "published", "events.actor", "events.claim", "events.place"}
    )
    assigns: ClassVar[frozenset[str]] = frozenset({"events.agent"})

    def __call__(self, article: Article) -> Article:
        events = tuple(with_implicit_body(article, e) for e in article.events)
        return replace(article, events=events)
