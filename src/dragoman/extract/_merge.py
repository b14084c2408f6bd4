"""One record per real event per article.

A title, a lead and the body often tell the same event two or three times. Mentions of the same
category with the same status whose participants overlap are merged into one record; its evidence
is the most explicit mention (most participants resolved, a verb over a noun, the body over the
title), empty argument lists are filled from the other mentions, and "secret" anywhere wins.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from dragoman.actors import STATE_SECTORS, default_base
from dragoman.stage import Stage
from dragoman.text import name_key
from dragoman.types import Actor, Article, Event


def _identity(actor: Actor) -> str:
    """The base's id of a participant, or the folded name it is told by."""
    return actor.actor_id or name_key(actor.name)


def participant_keys(actors: tuple[Actor, ...]) -> set[str]:
    keys = set()
    for a in actors:
        keys.add(_identity(a))
        # "Lavrentiev" and "Alexander Lavrentiev" are one person: the surname is a key too.
        if a.person and a.name.split():
            keys.add(name_key(a.name.split()[-1]))
    return keys


def explicitness(event: Event) -> tuple[int, int, int, float]:
    # Only participants the text names: a court a sentence implies makes no mention explicit.
    named = told(event.actor)
    resolved = sum(1 for a in named + event.recipient if a.country or a.person)
    both = int(bool(named) and bool(event.recipient))
    in_body = int(event.evidence.start > 0)
    return (both, resolved, in_body, event.confidence)


def _same_actor(x: Actor, y: Actor) -> bool:
    """One participant told two ways: same name or id; a description and a fuller one ("Kurdish
    militias", "local Kurdish militias"); a state and one of its organs ("Turkey", "the Turkish
    Armed Forces"); or a person and the government they speak for ("Assad" and "the Syrian
    capital" as SYR GOV)."""
    if participant_keys((x,)) & participant_keys((y,)):
        return True
    if _fuller(x, y) or _fuller(y, x):
        return True
    if _organ_of(x, y) or _organ_of(y, x):
        return True
    if x.person == y.person:
        return False
    # A person and the state they speak for, when the words name that state ("Damascus", "the
    # Syrian capital"), not a group whose country was only guessed from the article.
    state = y if x.person else x
    same = bool(x.country) and (x.country, x.sector) == (y.country, y.sector)
    return same and x.sector is not None and _names_a_state(state)


def _fuller(short: Actor, long: Actor) -> bool:
    """``long`` says what ``short`` says and more: the same head noun, every word of the shorter
    description in the longer ("major general" and "a Russian major general"), and no country
    that contradicts it. Names of people and entries of the base are left to their keys."""
    if short.person or long.person or (short.actor_id and long.actor_id):
        return False
    if short.country and long.country and short.country != long.country:
        return False
    a, b = name_key(short.name).split(), name_key(long.name).split()
    return len(a) >= 2 and len(a) < len(b) and a[-1] == b[-1] and set(a) <= set(b)


def _organ_of(state: Actor, organ: Actor) -> bool:
    """``state`` names a state ("Turkey", "Ankara") and ``organ`` is a state body of it: its
    government, army, police or courts ("Turkish Armed Forces")."""
    if organ.person or not state.country or state.country != organ.country:
        return False
    if organ.sector not in STATE_SECTORS - {"IGO"}:
        return False
    return _is_state(state)


def _is_state(actor: Actor) -> bool:
    """The base's entry for a state, its seat or its capital ("Turkey", "the Kremlin")."""
    return (actor.actor_id or "").startswith(("country:", "seat:", "capital:"))


def _names_a_state(actor: Actor) -> bool:
    if _is_state(actor):
        return True
    base = default_base()
    return any(base.named(w) is not None for w in [actor.text, *actor.text.split()])


def _covered(small: tuple[Actor, ...], large: tuple[Actor, ...]) -> bool:
    return all(any(_same_actor(x, y) for y in large) for x in small)


def complementary(a: Event, b: Event) -> bool:
    """Two halves of one event in one sentence: "500 people were killed in a bombing campaign
    by the regime" gives a victim without a doer and a doer without a victim."""
    if a.evidence.start != b.evidence.start:
        return False
    return (not told(a.actor) or not told(b.actor)) and (not a.recipient or not b.recipient)


def one_attack(a: Event, b: Event) -> bool:
    """One doer's harm told twice in one sentence: "IS killed more than 60 civilians and injured
    staff at the hospital" is one attack with two sets of victims."""
    if a.type != "ASSAULT" or a.evidence.start != b.evidence.start:
        return False
    doers_a, doers_b = told(a.actor), told(b.actor)
    return bool(doers_a and doers_b) and (_covered(doers_a, doers_b) or _covered(doers_b, doers_a))


def told(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The participants the text names (not a court that a sentence implies)."""
    return tuple(a for a in actors if a.text)


#: Factualities that say the event happened; a lead "according to X" and the body's own voice
#: tell the same event.
AFFIRMED = frozenset({"asserted", "reported"})


#: Types whose two sides are told either way round ("Assad met Lavrentiev", "Lavrentiev met Assad").
SYMMETRIC = frozenset({"CONSULT", "COOPERATE"})


#: Asking: a speaker asks many things, and only whom they ask tells one request told twice from
#: two requests.
SAYINGS = frozenset({"REQUEST"})


def same_status(a: Event, b: Event) -> bool:
    fa, fb = a.claim.factuality, b.claim.factuality
    return fa == fb or (fa in AFFIRMED and fb in AFFIRMED)


def same_event(a: Event, b: Event) -> bool:
    if a.type != b.type or not same_status(a, b):
        return False
    if complementary(a, b) or one_attack(a, b):
        return True
    pa, pb = told(a.actor) + a.recipient, told(b.actor) + b.recipient
    if not pa or not pb:
        return False
    if a.type in SYMMETRIC:
        # Both must agree on who took part: a meeting with Assad is not one with Pedersen.
        return _covered(pa, pb) or _covered(pb, pa)
    # Role by role: who did it, and to whom, where both mentions say.
    roles = ((told(a.actor), told(b.actor)), (a.recipient, b.recipient))
    shared = [(x, y) for x, y in roles if x and y]
    if a.type in SAYINGS and not (a.recipient and b.recipient):
        return False  # one speaker's two requests are two, unless made of the same party
    return bool(shared) and all(_covered(x, y) or _covered(y, x) for x, y in shared)


def merge_group(group: list[Event]) -> Event:
    best = max(group, key=explicitness)
    # A doer the text names over one a judicial act implies ("the court" of a sentence).
    actor = told(best.actor) or next((e.actor for e in group if told(e.actor)), ())
    actor = actor or best.actor or next((e.actor for e in group if e.actor), ())
    recipient = best.recipient or next((e.recipient for e in group if e.recipient), ())
    if all(one_attack(best, e) for e in group if e is not best):
        # every victim of one attack, each once
        seen = {_identity(a) for a in recipient}
        for a in (a for e in group for a in e.recipient):
            if _identity(a) not in seen:
                seen.add(_identity(a))
                recipient += (a,)
    announced = best.claim.announced
    if any(e.claim.announced is False for e in group):
        announced = False
    elif announced is None and any(e.claim.announced for e in group):
        announced = True
    sources = best.claim.attribution or next(
        (e.claim.attribution for e in group if e.claim.attribution), ()
    )
    place = best.place or next((e.place for e in group if e.place), None)
    when = best.date or next((e.date for e in group if e.date), None)
    confidence = round(min(0.95, best.confidence + 0.1 * (len(group) - 1)), 3)
    return replace(
        best,
        actor=actor,
        recipient=recipient,
        place=place,
        date=when,
        confidence=confidence,
        claim=replace(best.claim, announced=announced, attribution=sources),
    )


def merge_events(events: tuple[Event, ...]) -> tuple[Event, ...]:
    groups: list[list[Event]] = []
    for ev in events:
        for group in groups:
            # Every mention of the group must be the same event: no chains of near-matches.
            if all(same_event(ev, other) for other in group):
                group.append(ev)
                break
        else:
            groups.append([ev])
    merged = [merge_group(g) if len(g) > 1 else g[0] for g in groups]
    merged.sort(key=lambda e: (e.evidence.start, e.trigger_start))
    return tuple(merged)


class MergeEvents(Stage):
    """Merges the repeated mentions of one event inside an article."""

    name: ClassVar[str] = "merge"
    requires: ClassVar[frozenset[str]] = frozenset(
        {"events.actor", "events.claim", "events.intent", "events.place", "events.date"}
    )
    assigns: ClassVar[frozenset[str]] = frozenset({"events.merged"})

    def __call__(self, article: Article) -> Article:
        return replace(article, events=merge_events(article.events))
