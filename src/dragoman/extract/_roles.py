"""Who plays which part in a few fixed constructions of news about conflict and justice.

"X claimed responsibility for the attack" names the attack's doer; "X faces charges of ..." names
who is charged; "the army repelled an attack" names the attack's target; "was placed under house
arrest" names who is arrested. Each reader takes a trigger word and returns the token that plays
the part, or None; :mod:`dragoman.extract._arguments` decides when to ask.
"""

from __future__ import annotations

from dragoman.extract._triggers import RESISTING
from dragoman.nlp import OBJECT_DEPS, Tree
from dragoman.types import Token

#: Nouns for a charge brought against someone, and the verbs by which the charged answer it.
CHARGE_NOUNS = frozenset("charge indictment accusation allegation".split())
ANSWERING_VERBS = frozenset("face deny contest dispute reject fight answer admit plead".split())


def claimant(tree: Tree, word: Token) -> Token | None:
    """Who claimed responsibility for an attack told in the same sentence ("the attacks, for
    which IS has claimed responsibility", "killing 12; the Taliban claimed responsibility"):
    the subject of "claim responsibility", when the sentence has one such claim."""
    root = next((a for a in tree.ancestors(word) if a.head == a.i), word)
    claims = [
        t
        for t in tree.subtree(root)
        if t.lemma.lower() == "claim"
        and any(o.lower == "responsibility" for o in tree.children(t, OBJECT_DEPS))
    ]
    if len(claims) != 1:
        return None
    subj = tree.subject(claims[0])
    return subj if subj is not None and subj.pos != "PRON" else None


def _taking(tree: Tree, noun: Token, preps: frozenset[str]) -> Token | None:
    """The word a noun is the object of, directly or through one of ``preps``."""
    head = tree.head(noun)
    if head is not None and noun.dep == "pobj" and head.lower in preps:
        return tree.head(head)
    return head if noun.dep in OBJECT_DEPS else None


def defendant(tree: Tree, noun: Token) -> Token | None:
    """Who answers a charge: the subject of "faced/denied/contested charges", or of "pleaded
    (not) guilty to the charges"."""
    head = _taking(tree, noun, frozenset({"to", "against"}))
    if head is not None and head.pos == "ADJ" and noun.dep == "pobj":  # "pleaded not guilty to"
        head = tree.head(head)
    if head is None or head.lemma.lower() not in ANSWERING_VERBS:
        return None
    return tree.subject(head)


def resisting(tree: Tree, noun: Token) -> Token | None:
    """The verb of fighting back an attack noun is the object of ("repelled an assault",
    "fighting against an incursion"), or None."""
    head = _taking(tree, noun, frozenset({"against"}))
    if head is None or head.lemma.lower() not in RESISTING:
        return None
    return head


#: Verbs that put someone under a measure ("placed under arrest", "put under investigation").
PLACING_VERBS = frozenset("place put keep hold".split())


def placed_under(tree: Tree, noun: Token) -> Token | None:
    """The verb that puts someone "under" a noun trigger ("was placed under house arrest")."""
    prep = tree.head(noun)
    if prep is None or noun.dep != "pobj" or prep.lower != "under":
        return None
    verb = tree.head(prep)
    if verb is None or verb.lemma.lower() not in PLACING_VERBS:
        return None
    return verb
