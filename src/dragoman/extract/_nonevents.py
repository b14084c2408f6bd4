"""Words that look like an event's trigger but tell none, or tell another kind of act.

A harm no one did (a fire, a crash, an accidental blast), a participle standing for people
("the wounded"), a naming verb that names rather than phones ("called them terrorists"), and a
deployment of peacekeepers (protection, not a show of force).
"""

from __future__ import annotations

from dragoman.nlp import OBJECT_DEPS, SUBJECT_DEPS, Tree
from dragoman.types import Token

#: What harms people with no one doing it to them.
MISHAP_NOUNS = frozenset(
    "fire blaze crash accident collision earthquake quake flood flooding storm landslide "
    "avalanche stampede heatwave wildfire tsunami hurricane cyclone typhoon".split()
)


#: Words that make a harm an accident.
ACCIDENTAL = frozenset({"accidental", "accidentally", "accidently", "inadvertent", "inadvertently"})
AMOD = frozenset({"amod"})


def by_mishap(tree: Tree, verb: Token) -> bool:
    """Whether a harm verb's own cause is an accident or a disaster ("were burned in a fire",
    "was killed in a car crash"): no one attacked anyone."""
    if any(s.lemma.lower() in MISHAP_NOUNS for s in tree.children(verb, SUBJECT_DEPS)):
        return True  # "the fire killed two people"
    if any(c.lower in ACCIDENTAL for c in tree.children(verb, frozenset({"advmod"}))):
        return True  # "the device detonated accidentally"
    head = tree.head(verb)
    if verb.dep == "advcl" and verb.tag == "VBG" and head is not None and by_mishap(tree, head):
        return True  # "... detonated accidentally, killing the three"
    causes = [o for _, o in tree.preps(verb, frozenset({"in", "by", "during"}))]
    if any(o.lemma.lower() in MISHAP_NOUNS or o.lower in MISHAP_NOUNS for o in causes):
        return True
    # "were killed in two accidental explosions"
    return any(m.lower in ACCIDENTAL for o in causes for m in tree.children(o, AMOD))


def used_as_noun(tree: Tree, verb: Token) -> bool:
    """A participle standing for the people it describes ("the wounded included ...", "of
    the 130 injured"), which tells no event of its own."""
    if verb.tag != "VBN" or tree.child(verb, frozenset({"aux", "auxpass"})) is not None:
        return False
    if verb.dep in {"nsubj", "nsubjpass", "dobj", "pobj"}:
        return tree.child(verb, frozenset({"det"})) is not None
    # "of the 130 injured", not "left eight dead and another 10 wounded" (the harm told)
    head = tree.head(verb)
    if verb.dep != "acl" or head is None or head.tag != "CD":
        return False
    det = tree.child(head, frozenset({"det"}))
    return det is not None and det.lower in {"the", "these", "those"}


def names_as(tree: Tree, verb: Token) -> bool:
    """Whether a naming verb names its object as something ("called them terrorists")."""
    return any(c.dep in {"oprd", "xcomp", "ccomp", "attr"} for c in tree.children(verb))


PEACEKEEPING = frozenset({"peacekeeping", "peacekeeper", "peacekeepers", "peace-keeping"})


def keeps_peace(tree: Tree, t: Token) -> bool:
    """Whether the forces a deployment moves are peacekeepers (in its objects or, for a noun,
    its own phrase)."""
    parts = (
        [t]
        if t.pos in {"NOUN", "PROPN"}
        else [c for c in tree.children(t) if c.dep in OBJECT_DEPS or c.dep == "prep"]
    )
    return any(
        w.lower in PEACEKEEPING or w.lemma.lower() in PEACEKEEPING
        for part in parts
        for w in tree.subtree(part)
    )
