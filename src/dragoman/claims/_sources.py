"""What kind of source a source is: media, NGO, unnamed, official or organization.

Used for the sources of confirmations and denials (:mod:`dragoman.claims._confirmations`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dragoman.actors import load_base, name_key
from dragoman.nlp import Tree, noun_phrase
from dragoman.types import Article, Source, Token

UNNAMED_WORDS = frozenset(
    "source sources report reports witness witnesses resident residents activist activists "
    "observer observers diplomat diplomats people".split()
)
MEDIA_WORDS = frozenset(
    "media newspaper paper agency tv television radio channel outlet press broadcaster daily "
    "website".split()
)
OFFICIAL_WORDS = frozenset(
    "official officials minister ministry spokesman spokeswoman spokesperson government "
    "president statement authorities army military police embassy office presidency "
    "commander secretary envoy ambassador leader".split()
)


def source_kind(tokens: Sequence[Token], name: str) -> str:
    lemmas = {t.lemma.lower() for t in tokens} | {t.lower for t in tokens}
    entry = load_base().get(name_key(name))
    if entry is not None and entry.sector == "MED":
        return "media"
    if entry is not None and entry.sector == "NGO":
        return "ngo"
    if lemmas & MEDIA_WORDS:
        return "media"
    if lemmas & UNNAMED_WORDS:
        return "unnamed"
    if lemmas & OFFICIAL_WORDS or any(t.ent_type == "PERSON" for t in tokens):
        return "official"
    if entry is not None:
        return "official" if entry.kind in {"country", "capital", "seat"} else "organization"
    if any(t.ent_type == "ORG" for t in tokens):
        return "organization"
    return "unnamed"


def make_source(tree: Tree, article: Article, head: Token, cue: str) -> Source:
    phrase = noun_phrase(tree, head)
    text = article.text[phrase[0].idx : phrase[-1].end]
    name = re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)
    return Source(text=text, name=name, kind=source_kind(phrase, name), cue=cue)
