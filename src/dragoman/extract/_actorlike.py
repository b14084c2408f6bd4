"""Whether a word can name someone who acts: a name, a group, a role, a pronoun."""

from __future__ import annotations

from dragoman.actors import default_base
from dragoman.nlp import Tree
from dragoman.text import name_key
from dragoman.types import Token

OF = frozenset({"of"})

#: Common nouns that name someone who can act (beyond the role words of the actor base).
ACTOR_NOUNS = frozenset(
    "committee council delegation coalition alliance group side sides leader leaders branch "
    "organisation organization agency union community country countries nation nations state "
    "states guarantor guarantors mediator militia militias movement bloc administration "
    "allies ally partner partners neighbour neighbor members member body team people "
    "forces bureau commission jury hacker hackers investigators inspectors hijackers captors "
    "guards agents".split()
)

#: Heads that count people rather than name them ("thousands of students"): the "of" object acts.
QUANTITY_NOUNS = frozenset(
    "thousand thousands hundred hundreds dozen dozens ten tens million millions number "
    "crowd crowds group groups some many scores one two three several most all each both "
    "none few any either neither".split()
    # measures of goods: "700 kg of medicine", "tonnes of grain", "truckloads of aid"
    + "kg kilogram kilograms kilo kilos ton tons tonne tonnes pound pounds litre litres liter "
    "liters gallon gallons barrel barrels box boxes crate crates bag bags sack sacks truckload "
    "truckloads planeload planeloads shipment consignment batch load loads".split()
)


def counted(tree: Tree, t: Token) -> Token:
    """What a count counts: "one of the men" -> "men", "thousands of protesters"; any other
    word is itself."""
    if t.lower in QUANTITY_NOUNS or t.lemma.lower() in QUANTITY_NOUNS:
        return next((o for _, o in tree.preps(t, OF)), t)
    return t


def actor_like(t: Token) -> bool:
    """Whether a word can name someone who acts (a name, a group, a role, a pronoun)."""
    if t.pos in {"PROPN", "PRON"} or t.ent_type in {"PERSON", "ORG", "GPE", "NORP"}:
        return True
    lemma = t.lemma.lower()
    return (
        lemma in ACTOR_NOUNS or t.lower in ACTOR_NOUNS or name_key(lemma) in default_base().agents
    )
