"""What a pronoun stands for: one resolver for event participants and for sources.

"I" and "we" in quoted words are whoever says them (the subject of "said" in the same
sentence). A relative pronoun ("who", "which", "that") is the noun its clause describes
("the PKK, a designated terror group that has fought ...": the named one); "its" or "their"
before a noun is the subject of the clause that noun stands in, when that comes first ("Turkey
moved its troops"). Any other personal pronoun is the last word before it, in its sentence or
the three before, that can be meant: a person for he/she, a body for it, people or a group for
they.

What "can be meant" depends on the question. For an event's participant (:func:`antecedent`),
a subject or a named person; for a source (``speaking=True``), someone who can speak: a person
or a person's role for he/she, a body or group that speaks for it/they, agreeing in number.
"""

from __future__ import annotations

from collections.abc import Callable

from dragoman.actors import default_base
from dragoman.extract._triggers import SAYING_VERBS, governing_verb
from dragoman.nlp import SUBJECT_DEPS, Tree
from dragoman.types import Article, Token

#: What a personal pronoun refers to: a person, a thing or body, or people or a group.
PERSONAL = {
    **dict.fromkeys("he she him her his hers".split(), "person"),
    **dict.fromkeys("it its".split(), "thing"),
    **dict.fromkeys("they them their theirs".split(), "group"),
}
RELATIVE_WORDS = frozenset({"who", "whom", "which", "that"})
FIRST_PERSON = frozenset("i me my mine we us our ours".split())
#: How many sentences before the pronoun's own the search goes back.
WINDOW = 3
#: People who speak for themselves or for a body: "he" or "she" may stand for them.
PERSON_ROLES = frozenset(
    "minister president premier spokesman spokeswoman spokesperson official envoy ambassador "
    "diplomat leader commander general governor mayor senator secretary chief head king emir "
    "source witness resident activist analyst expert lawyer correspondent reporter".split()
)
#: Bodies and groups that speak: "it" or "they" may stand for them.
SPEAKER_NOUNS = frozenset(
    "government ministry administration army military police authority authorities embassy "
    "office presidency council committee agency media newspaper paper channel outlet group "
    "organisation organization party coalition alliance regime company rebels militants "
    "fighters forces officials sources activists residents witnesses diplomats observers "
    "analysts experts leaders reports report statement".split()
)


def antecedent(
    article: Article, tree: Tree, pronoun: Token, *, speaking: bool = False
) -> Token | None:
    """The word a pronoun stands for, or None; ``speaking``: among those who can speak."""
    word = pronoun.lower
    if pronoun.tag in {"WP", "WDT"} or word in RELATIVE_WORDS:
        for clause in tree.ancestors(pronoun):
            if clause.dep in {"relcl", "acl"}:
                noun = tree.head(clause)
                if noun is not None and noun.dep == "appos" and noun.pos != "PROPN":
                    return tree.head(noun)
                return noun
        return None
    if word in {"its", "their"} and pronoun.dep == "poss":
        noun = tree.head(pronoun)
        verb = governing_verb(tree, noun) if noun is not None else None
        verb = verb or (tree.head(noun) if noun is not None else None)
        subj = tree.subject(verb) if verb is not None and verb.pos == "VERB" else None
        if subj is not None and subj.pos != "PRON" and subj.i < pronoun.i:
            return subj
    if word in FIRST_PERSON:
        return _quoted_speaker(article, tree, pronoun)
    kind = PERSONAL.get(word)
    if kind is None:
        return None
    fits = _speaker(kind) if speaking else _participant(kind, tree)
    own = _clause_mates(tree, pronoun)
    # The pronoun's own sentence first, then the sentences before it: in each, a subject-like
    # participant, else (no subject to mean) a named body or state named as an object
    # ("Turkey, one of the bodies sponsoring the SNC, had been urging it to attend").
    own_start = article.sentences[pronoun.sent].token_start
    first = article.sentences[max(0, pronoun.sent - WINDOW)].token_start
    for lo, hi in ((own_start, pronoun.i), (first, own_start)):
        before = [t for t in reversed(article.tokens[lo:hi]) if t.i not in own]
        found = next((t for t in before if fits(t)), None)
        if found is None and not speaking and kind in {"thing", "group"}:
            found = next((t for t in before if _named_object(t, kind)), None)
        if found is not None:
            return found
    return None


def _named_object(t: Token, kind: str) -> bool:
    if t.dep not in {"dobj", "pobj", "dative"} or t.pos != "PROPN":
        return False
    if t.ent_type not in {"ORG", "GPE", "NORP"}:
        return False
    return (t.tag == "NNPS") == (kind == "group") or t.ent_type == "NORP"


def _clause_mates(tree: Tree, pronoun: Token) -> set[int]:
    """Whom an object pronoun cannot mean: the subject of its own verb ("Turkey had been
    urging it to attend": "it" is not Turkey; that would be "itself")."""
    verb = tree.head(pronoun)
    if pronoun.dep not in {"dobj", "dative", "iobj"} or verb is None:
        return set()
    subj = tree.subject(verb)
    return {c.i for c in tree.conjuncts(subj)} if subj is not None else set()


def _quoted_speaker(article: Article, tree: Tree, pronoun: Token) -> Token | None:
    """Who says "I" or "we": the subject of a verb of saying in the pronoun's own sentence
    ("“We will not leave,” the commander said"), never a first-person subject nor one whose
    words hold the pronoun. A quotation whose speaker is named in another sentence is left
    alone: measured on the dev gold, reaching there brought more wrong speakers than right."""
    for verb in article.sentence_tokens(pronoun.sent):
        if verb.pos != "VERB" or verb.lemma.lower() not in SAYING_VERBS:
            continue
        subj = tree.child(verb, SUBJECT_DEPS)
        if subj is None or subj.lower in FIRST_PERSON:
            continue
        if pronoun.i not in {t.i for t in tree.subtree(subj)}:
            return subj
    return None


def _participant(kind: str, tree: Tree) -> Callable[[Token], bool]:
    """Who an event's pronoun may mean: for he/she a proper-noun subject or a named person
    (not a name the actor base knows as a place: the small model tags some surnames GPE);
    for it a singular subject; for they a plural or coordinated subject."""
    if kind == "person":
        base = default_base()

        def person(t: Token) -> bool:
            if t.pos != "PROPN" or t.dep == "compound" or t.ent_type in {"NORP", "DATE", "ORG"}:
                return False
            if t.ent_type == "GPE" and base.named(t.text) is not None:
                return False
            return t.dep in {"nsubj", "nsubjpass"} or t.ent_type == "PERSON"

        return person
    if kind == "thing":
        return lambda t: (
            t.dep in {"nsubj", "nsubjpass"}
            and t.pos in {"NOUN", "PROPN"}
            and (t.ent_type != "PERSON" and t.tag in {"NN", "NNP"})
        )
    return lambda t: (
        t.dep in {"nsubj", "nsubjpass"}
        and t.pos in {"NOUN", "PROPN"}
        and (t.tag in {"NNS", "NNPS"} or any(True for _ in tree.children(t, frozenset({"conj"}))))
    )


def _speaker(kind: str) -> Callable[[Token], bool]:
    """Who a source's pronoun may mean: a person or a person's role for he/she; a body or group
    that speaks for it (singular) and they (plural)."""

    def fits(t: Token) -> bool:
        if t.dep == "compound" or t.pos not in {"PROPN", "NOUN"}:
            return False
        lemma = t.lemma.lower()
        personal = t.ent_type == "PERSON" or (lemma in PERSON_ROLES and t.tag == "NN")
        if kind == "person":
            return personal
        if personal:
            return False
        plural = t.tag in {"NNS", "NNPS"} or t.ent_type == "NORP"
        speaks = t.ent_type in {"ORG", "GPE", "NORP"} or lemma in SPEAKER_NOUNS | PERSON_ROLES
        return speaks and (plural if kind == "group" else not plural)

    return fits
