"""The date of each event: the time its clause gives, else one told just before it.

:class:`DateEvents` gives each event the time expression attached to its trigger's clause
(resolved by :func:`~dragoman.dates.resolve_date`), else the last recent past time told in the
sentences just before, else, for a past event in the title or the first two sentences, the
publication day and the day before; else none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from typing import ClassVar

from dragoman.dates._expressions import Tense, find_expressions, resolve_date
from dragoman.nlp import attached, governors
from dragoman.stage import Stage
from dragoman.types import Article, DateRange, Event, Token


def tense_of(tokens: Sequence[Token], trigger: Token | None) -> Tense:
    """Past or future, from the trigger verb, its auxiliaries and the verb governing it."""
    if trigger is None:
        return None
    chain = [trigger]
    head = tokens[trigger.head]
    if head.i != trigger.i:
        chain.append(head)
    for t in chain:
        aux = [
            c
            for c in tokens[max(0, t.i - 4) : t.i]
            if c.head == t.i and c.dep in {"aux", "auxpass"}
        ]
        if any(a.lower == "to" for a in aux):
            return None  # "to run through June": the nearest June, whatever the main verb's tense
        if any(
            a.lower in {"will", "'ll", "shall"} or a.lemma == "be" and a.lower == "going"
            for a in aux
        ):
            return "future"
        if t.tag in {"VBD", "VBN"} or any(a.tag == "VBD" for a in aux):
            return "past"
    return None


#: How many paragraphs back an event with no time of its own may take the last past time told.
CARRY_PARAGRAPHS = 3
#: ... how many sentences back, and how old the time may be: older ones ("in 2015", "the
#: autumn of 2014") are background, not the time of the story.
CARRY_SENTENCES = 8
CARRY_DAYS = 31
#: Paragraphs (the title is 0) and sentences that tell the day's news: a past event there with
#: no time of its own happened on or just before the publication day.
LEAD_PARAGRAPHS = 1
LEAD_SENTENCES = 2


class DateEvents(Stage):
    """The date of each event: its sentence's time expression, else its paragraph's."""

    name: ClassVar[str] = "dates"
    requires: ClassVar[frozenset[str]] = frozenset(
        {"text", "published", "tokens", "sentences", "mentions", "events.trigger", "events.intent"}
    )
    assigns: ClassVar[frozenset[str]] = frozenset({"events.date"})

    def __call__(self, article: Article) -> Article:
        if not article.events:
            return article
        return replace(article, events=tuple(self.date(article, ev) for ev in article.events))

    def spans(self, article: Article, sent: int) -> list[tuple[int, int]]:
        """Time expressions of a sentence: ours and spaCy's DATE mentions, the longest of any
        that overlap."""
        s = article.sentences[sent]
        found = [
            (s.start + a, s.start + b) for a, b in find_expressions(article.text[s.start : s.end])
        ]
        found += [
            (m.start, m.end) for m in article.mentions if m.sentence == sent and m.label == "DATE"
        ]
        kept: list[tuple[int, int]] = []
        for a, b in sorted(found, key=lambda x: x[0] - x[1]):
            if not any(a < y and x < b for x, y in kept):
                kept.append((a, b))
        return sorted(kept)

    def date(self, article: Article, ev: Event) -> Event:
        """The time in the trigger's clause, else the nearest earlier one in the paragraph, else
        the last past one of the paragraphs just before; a lead with none: publication day."""
        trigger = article.trigger_of(ev)
        if trigger is None:
            return ev
        sent, tokens = trigger.sent, article.tokens
        tense = tense_of(tokens, trigger)
        if ev.stated is not None:
            tense = "past"  # a stated intention is dated when it was stated, not when it is due
        clause = governors(tokens, trigger)
        own = [
            (abs(a - ev.trigger_start), r)
            for a, head, r in self.resolved(article, sent, tense)
            if attached(tokens, head, clause)
        ]
        if own:
            return replace(ev, date=min(own, key=lambda x: x[0])[1])
        if tense == "future" or article.published is None:
            return ev
        paragraph = article.sentences[sent].paragraph
        recent = article.published - timedelta(days=CARRY_DAYS)
        for n in range(sent - 1, max(-1, sent - 1 - CARRY_SENTENCES), -1):
            p = article.sentences[n].paragraph
            if p < paragraph - CARRY_PARAGRAPHS:
                break
            past = [
                r
                for _, _, r in self.resolved(article, n, None)
                if r.end is not None and recent <= r.end <= article.published
            ]
            if past:
                return replace(ev, date=past[-1])
        if paragraph <= LEAD_PARAGRAPHS and sent <= LEAD_SENTENCES and tense == "past":
            start = article.published - timedelta(days=1)
            return replace(ev, date=DateRange(None, start, article.published, "day"))
        return ev

    def resolved(
        self, article: Article, sent: int, tense: Tense
    ) -> list[tuple[int, Token, DateRange]]:
        """The sentence's time expressions: start, the word they hang on, the range (with no
        dates for a relative one when the publication date is unknown)."""
        out = []
        words = article.sentence_tokens(sent)
        for a, b in self.spans(article, sent):
            r = resolve_date(article.text[a:b], article.published, tense)
            inside = [t for t in words if a <= t.idx < b]
            if r is None or not inside:
                continue
            idx = {t.i for t in inside}
            head = next((t for t in inside if t.head not in idx), inside[0])
            out.append((a, head, r))
        return out
