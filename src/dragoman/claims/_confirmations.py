"""Confirmations and denials that look back on an event told before them.

"Another report said that Hajri and Assad had also held talks. That report was not officially
announced, but pro-Damascus media confirmed that ..." The second sentence tells no event of its
own; it says who confirms the one before. Such a confirmation or denial is kept on the event as
one more source, with its cue ("confirmed", "denied"), so that one event shows who reported,
who confirmed and who denied it. A denial that nobody confirms makes the event ``denied``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from dragoman.nlp import SUBJECT_DEPS, Tree
from dragoman.types import Article, Event, Source, Token

CONFIRMING = frozenset("confirm corroborate verify acknowledge".split())
DENYING = frozenset("deny refute dismiss".split())


def _cue_verbs(article: Article, sentence: int) -> list[Token]:
    s = article.sentences[sentence]
    return [
        t
        for t in article.tokens[s.token_start : s.token_end]
        if t.pos == "VERB" and t.lemma.lower() in CONFIRMING | DENYING
    ]


def _tells_own_event(article: Article, events: list[Event], tree: Tree, verb: Token) -> bool:
    """Whether an event of the sentence sits inside what the verb confirms or denies."""
    span = {t.i for t in tree.subtree(verb)}
    for e in events:
        word = article.trigger_of(e)
        if word is not None and word.i in span and word.i != verb.i:
            return True
    return False


def link_confirmations(
    article: Article, tree: Tree, events: list[Event], make_source: Callable[[Token, str], Source]
) -> list[Event]:
    """Attach each back-looking confirmation or denial to the events of the sentence before.

    ``make_source(head_token, cue)`` builds the :class:`Source` for the confirming subject.
    """
    by_sentence: dict[int, list[int]] = {}
    for n, e in enumerate(events):
        word = article.trigger_of(e)
        if word is not None:
            by_sentence.setdefault(word.sent, []).append(n)
    out = list(events)
    for sent in range(len(article.sentences)):
        for verb in _cue_verbs(article, sent):
            own = [out[n] for n in by_sentence.get(sent, [])]
            if _tells_own_event(article, own, tree, verb):
                continue
            subj = tree.child(verb, SUBJECT_DEPS)
            if subj is None or subj.pos == "PRON":
                continue
            target = next(
                (p for p in range(sent - 1, max(-1, sent - 3), -1) if by_sentence.get(p)), None
            )
            if target is None:
                continue
            cue = verb.text
            source: Source = make_source(subj, cue)
            denied = verb.lemma.lower() in DENYING
            for n in by_sentence[target]:
                e = out[n]
                sources = (*e.claim.attribution, source)
                factuality = e.claim.factuality
                confirmed = any(
                    re.match(r"confirm|corroborat|verif|acknowledg", s.cue or "", re.I)
                    for s in sources
                )
                if denied and not confirmed:
                    factuality = "denied"
                out[n] = replace(
                    e, claim=replace(e.claim, attribution=sources, factuality=factuality)
                )
    return out
