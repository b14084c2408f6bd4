"""The words and records of attribution: cue words, quotation marks, spans and attributions.

Shared by the finder (:mod:`dragoman.claims._finder`) and the lookups of
:mod:`dragoman.claims._attribution`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dragoman.types import Source, Token

#: Verbs that report what someone says, writes, thinks or shows, with a clause as content.
CLAUSE_CUES = frozenset(
    "say tell add state announce report claim confirm deny insist warn allege write tweet post "
    "note explain argue acknowledge admit declare reveal disclose suggest predict respond reply "
    "answer recall conclude assert stress emphasize emphasise indicate estimate complain concede "
    "maintain contend testify boast joke quip mention observe comment repeat reiterate accuse "
    "charge inform assure remind caution hint lament ask wonder question agree brief read "
    "believe think know feel fear hope expect worry doubt suspect understand assume guess figure "
    "realize realise recognize imagine show find speculate point vow pledge promise threaten "
    "signal counter retort".split()
)
#: Verbs of stance and intention, whose content is an object, an infinitive or a prepositional
#: phrase: "called for talks", "criticized the decision", "wants to run". They attribute a
#: position, not a report of an event.
STANCE_CUES = frozenset(
    "call cite want describe criticize criticise offer support plan endorse propose demand urge "
    "discuss encourage reject consider talk speak refuse decline express denounce seek condemn "
    "blame oppose echo praise highlight liken compare mock label advocate refer reference "
    "intend applaud welcome dismiss decry lambast".split()
)
CUE_VERBS = CLAUSE_CUES | STANCE_CUES
#: Verbs of speaking that stand beside a quotation ("Clinton said." after a quoted sentence).
SAYING = frozenset("say add tell write explain reply respond ask answer recall".split())
QUOTE_MARKS = frozenset({"“", '"', "‘"})
SET_OFF = frozenset({",", "”", '"', "—", "–", "-", ":"})
#: Prepositions that carry a stance's content: "called for", "pointed to", "talked about".
CONTENT_PREPS = frozenset("for on about to with against of at".split())
#: Cue verbs whose object is the reported event itself: "denied the report", "confirmed the
#: strikes". Other objects ("criticized the decision") are positions, not sources.
OBJECT_SOURCES = frozenset(
    "announce deny confirm report reveal disclose claim acknowledge admit allege".split()
)
#: Nouns that report a source's words when a "that" clause follows.
CUE_NOUNS = frozenset(
    "statement claim announcement assertion allegation report denial admission warning promise "
    "pledge suggestion insistence accusation belief argument comment remark testimony "
    "assurance confirmation view".split()
)
#: Cue lemmas of the reporting kind whose clause may govern the next sentences of a paragraph.
REPORTING = frozenset("say report tell claim allege according".split())
#: Links of the words before a cue verb that belong to its cue span ("has not said").
CUE_LEFT = frozenset({"aux", "auxpass", "neg", "advmod"})
#: "said in a statement", "told in an interview": where the words were said, part of the cue.
STATEMENT_WORDS = frozenset("statement interview email tweet speech letter post release".split())
OPENING = re.compile(r"“|(?:^|(?<=[\s(\[—–-]))\"(?=\S)")
CLOSING = re.compile(r"”|(?<=\S)\"")


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into the article's text, and the words between them."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution: who (source), the words that attribute (cue), and what (content)."""

    source: Span | None  # None where the text names no source ("it was reported that")
    cue: Span
    content: Span
    name: str  # the source's name: article dropped, a pronoun resolved; "" with no source
    kind: str  # media, official, person, organization, ngo, unnamed
    token_start: int  # the content's token range [token_start, token_end)
    token_end: int
    form: str  # clause, according, nominal, object, headline, adverb, stance
    cue_lemma: str  # "say", "according", "statement", "reportedly", ":"
    cue_tokens: tuple[int, int]  # the cue's and the source's token ranges [start, end)
    source_tokens: tuple[int, int] | None

    def covers(self, i: int) -> bool:
        """Whether token ``i`` lies in the content (not in its own source or cue words)."""
        if not self.token_start <= i < self.token_end:
            return False
        for rng in (self.source_tokens, self.cue_tokens):
            if rng is not None and rng[0] <= i < rng[1]:
                return False
        return True

    def to_source(self) -> Source:
        text = self.source.text if self.source is not None else ""
        return Source(text=text, name=self.name, kind=self.kind, cue=self.cue.text)


def wholly_quoted(text: str) -> bool:
    """Whether a sentence is one quotation: it opens with a quote mark and closes the quote at
    its end."""
    text = text.strip()
    return (
        bool(OPENING.match(text))
        and text.rstrip(".").endswith(("”", '"'))
        and len(OPENING.findall(text)) == 1
    )


def span_of(text: str, tokens: Sequence[Token]) -> Span:
    return Span(tokens[0].idx, tokens[-1].end, text[tokens[0].idx : tokens[-1].end])
