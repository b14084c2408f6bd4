"""Whether an event was announced: secret, not officially declared, or made in public.

``announced`` is false where the text calls an event secret or not officially announced
(a sentence like "None of these developments were officially declared" covers the events of
its paragraph; "That report was not officially announced" the sentence before), and true where
it says the event was announced, public or televised, or where the event is a statement a named
actor made (:func:`public_statement`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from dragoman.actors import publisher_actor
from dragoman.types import Article, Event, Source

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


def own_release(article: Article, event: Event) -> bool:
    """Whether the event is the publishing body's own act, told in its own release (a
    ministry's "We agreed ..."), which the release itself announces. A news outlet's own
    acts are not announcements."""
    body = publisher_actor(article.publisher) if article.publisher else None
    if body is None or body.sector in {None, "MED"}:
        return False
    return any(a.name == body.name for a in event.actor)


def announced_in(sentence: str) -> bool | None:
    """False where the sentence says secret or not announced, True where it says announced."""
    if SECRET.search(sentence) or NOT_ANNOUNCED.search(sentence):
        return False
    if ANNOUNCED.search(sentence):
        return True
    return None


def carry_announcements(article: Article, events: list[Event]) -> list[Event]:
    """Apply "none of these were officially declared" or "the move was announced by the
    minister" to the events such a sentence looks back on."""
    art = article
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
