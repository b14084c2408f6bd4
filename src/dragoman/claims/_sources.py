"""What kind of source a source is: media, NGO, unnamed, official, person or organization.

One classifier for every source: those the attribution finder reads
(:mod:`dragoman.claims._speakers`) and those that confirm or deny an event told before
(:mod:`dragoman.claims._confirmations`). The kinds:

* ``media``: a known outlet (the actor base's MED sector) or a media word ("state media");
* ``ngo``: a known non-governmental organization;
* ``unnamed``: anonymous or vague sources ("local sources", "reports", "diplomats");
* ``official``: a state, a government, army, ministry or office, a spokesman, an official, or a
  person the article gives an office title ("Foreign Minister Sergei Lavrov ... Lavrov said");
* ``person``: a named person with no office in the article;
* ``organization``: any other named group, party, company or country.
"""

from __future__ import annotations

from collections.abc import Sequence

from dragoman.types import Actor, Token

UNNAMED_WORDS = frozenset(
    "source sources report reports witness witnesses resident residents activist activists "
    "observer observers diplomat diplomats people insider insiders someone".split()
)
MEDIA_WORDS = frozenset(
    "media newspaper paper agency tv television radio channel outlet press broadcaster daily "
    "website reporter reporters journalist journalists correspondent".split()
)
OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "IGO"})
OFFICIAL_WORDS = frozenset(
    "official officials minister ministry spokesman spokeswoman spokesperson government "
    "president statement authorities army military police embassy office presidency "
    "commander secretary envoy ambassador leader governor senator lawmaker mayor".split()
)


def source_kind(words: Sequence[Token], actor: Actor, titled: bool = False) -> str:
    """The kind of the source named by ``words``, resolved to ``actor``; ``titled``: the
    article gives this person an office title."""
    lemmas = {t.lemma.lower() for t in words} | {t.lower for t in words}
    if actor.sector == "MED" or lemmas & MEDIA_WORDS:
        return "media"
    if actor.sector == "NGO":
        return "ngo"
    if lemmas & UNNAMED_WORDS:
        return "unnamed"
    if actor.sector in OFFICIAL_SECTORS or lemmas & OFFICIAL_WORDS:
        return "official"
    if (actor.actor_id or "").startswith(("country:", "seat:")):
        return "official"  # a state speaks through its government
    if actor.person or any(t.ent_type == "PERSON" for t in words):
        return "official" if titled else "person"
    if actor.actor_id or actor.country or any(t.ent_type in {"ORG", "NORP"} for t in words):
        return "organization"
    last = words[-1]
    named = last.pos == "PROPN" or last.text[:1].isupper() and last.tag == "NN"
    return "person" if named else "unnamed"
