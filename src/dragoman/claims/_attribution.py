"""Who the article says a claim comes from: source, cue and content spans read from the parse.

:func:`find_attributions` reads every attribution of a parsed article (tokens and sentences
filled in by the Parse stage); :func:`attribution_for` answers, for one token (an event's
trigger), the sources whose content covers it, as :class:`~dragoman.types.Source` records.

What counts as an attribution, by the form of its content:

* **clause**: a cue verb and the clause it governs: "X said (that) ...", "..., X said.",
  "..., said X.", "X told reporters ...", "X was quoted as saying ...", "Reports have said ...";
  a reporting verb hung on the clause it reports ("Assad met Lavrov, the ministry said").
* **according**: "according to X", over the clause it modifies.
* **nominal**: a cue noun with a "that" clause: "the ministry's statement that ...",
  "a claim by X that ...".
* **object**: a verb of confirming, denying or announcing and its object ("the ministry denied
  the report", "Russia confirmed the strikes").
* **headline**: "Lavrov: Turkey must withdraw".
* **adverb**: "reportedly", with no source.
* **stance**: a position or intention rather than a report: "urged Congress to act", "called
  for talks", "criticized the decision". Found (PolNeAR annotates them), but they say nothing
  about where the news of an event comes from, so :func:`attribution_for` leaves them out.

A pronoun source ("he", "they", "who") is resolved to the last person or group that can speak
and agrees with it (:class:`dragoman.claims._speakers.Speakers`, which also gives every source
its name and kind); its span stays the pronoun, its ``name`` is the antecedent's.

Beyond one sentence, conservatively: a quotation left open at the end of a sentence continues
its source until it closes; a sentence of the same paragraph that is wholly a quotation
continues the quoted source before it; and a sentence of the same paragraph told in reported
style (past perfect, "would") continues a "said that" or "according to" before it.
"""

from __future__ import annotations

from collections.abc import Sequence

from dragoman.claims._cues import Attribution, Span
from dragoman.claims._finder import AttributionFinder
from dragoman.nlp import Tree
from dragoman.types import Article, Source

__all__ = ["Attribution", "Span", "attribution_for", "find_attributions", "sourcing"]


def find_attributions(article: Article, tree: Tree | None = None) -> list[Attribution]:
    """Every attribution in a parsed article, in text order of sentences.

    ``tree`` is the article's :class:`~dragoman.nlp.Tree` when the caller has built it.
    """
    if not article.tokens:
        return []
    return AttributionFinder(article, tree).run()


def sourcing(a: Attribution) -> bool:
    """Whether an attribution says where a report of events comes from, rather than a
    position or an intention ("criticized the decision", "vowed to fight")."""
    return a.form != "stance"


def attribution_for(
    article: Article, token_index: int, attributions: Sequence[Attribution] | None = None
) -> tuple[Source, ...]:
    """The sources whose content covers token ``token_index``, the innermost first.

    Pass ``attributions`` (from :func:`find_attributions`) when asking for many tokens of one
    article, so that the article is read once. Attributions of intentions ("vowed to fight")
    are not sources of the event; a pronoun whose antecedent was not found names no source,
    and "it was reported that" or "reportedly" gives the source "reports".
    """
    found = find_attributions(article) if attributions is None else attributions
    covering = sorted(
        (a for a in found if a.covers(token_index) and sourcing(a)),
        key=lambda a: a.token_end - a.token_start,
    )
    out: list[Source] = []
    for a in covering:
        if a.source is None:
            if a.cue_lemma not in {"report", "reportedly"}:
                continue
            src = Source(text=a.cue.text, name="reports", kind="unnamed", cue=a.cue.text)
        elif not a.name:
            continue
        else:
            src = a.to_source()
        if src not in out:
            out.append(src)
    return tuple(out)
