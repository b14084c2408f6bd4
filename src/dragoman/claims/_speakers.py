"""Who a source is: its words, its name, its kind, and whom a pronoun source stands for.

Used by :mod:`dragoman.claims._attribution` for the sources it finds. A source's **span** is all the
words the text gives it ("Brian Fallon, a spokesman for the campaign,"); its **name** is the
noun phrase without clauses or appositions, resolved by :func:`dragoman.actors.resolve_phrase`
(titles dropped from a person's name); its **kind** is one of:

* ``media``: a known outlet (the actor base's MED sector) or a media word ("state media");
* ``ngo``: a known non-governmental organization;
* ``unnamed``: anonymous or vague sources ("local sources", "reports", "diplomats");
* ``official``: a government, army, ministry or office, a spokesman, an official, or a person
  the article gives an office title ("Foreign Minister Sergei Lavrov ... Lavrov said");
* ``person``: a named person with no office in the article;
* ``organization``: any other named group, party, company or country.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dragoman.actors import resolve_phrase
from dragoman.nlp import Tree
from dragoman.types import Actor, Article, Token

UNNAMED_WORDS = frozenset(
    "source sources report reports witness witnesses resident residents activist activists "
    "observer observers diplomat diplomats people insider insiders someone".split()
)
MEDIA_WORDS = frozenset(
    "media newspaper paper agency tv television radio channel outlet press broadcaster daily "
    "website reporter reporters journalist journalists correspondent".split()
)
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
OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "IGO"})
OFFICIAL_WORDS = frozenset(
    "official officials minister ministry spokesman spokeswoman spokesperson government "
    "president statement authorities army military police embassy office presidency "
    "commander secretary envoy ambassador leader governor senator lawmaker mayor".split()
)
#: Links left out of a source's name: clauses, appositions, coordinations, the possessive 's.
PHRASE_DROP = frozenset({"relcl", "acl", "appos", "advcl", "punct", "cc", "conj", "prep", "case"})
PRONOUN_TAGS = frozenset({"PRP", "WP", "WDT", "DT"})
RELATIVE = frozenset({"relcl", "acl"})


def hyphen(t: Token) -> bool:
    return t.dep == "punct" and t.text in {"-", "–"}


def trim(run: list[Token]) -> list[Token]:
    """Without punctuation and white space at either end (a closing bracket stays)."""
    while len(run) > 1 and (run[-1].pos in {"PUNCT", "SPACE"} and run[-1].text != ")"):
        run = run[:-1]
    while len(run) > 1 and run[0].pos in {"PUNCT", "SPACE"}:
        run = run[1:]
    return run


def contiguous(tokens: Iterable[Token], anchor: Token) -> list[Token]:
    """The run of consecutive tokens around ``anchor``, in text order."""
    tokens = list(tokens)
    ids = {t.i for t in tokens}
    lo = hi = anchor.i
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    return sorted((t for t in tokens if lo <= t.i <= hi), key=lambda t: t.i)


class Speakers:
    """Names, kinds and pronoun antecedents of the sources of one parsed article."""

    def __init__(self, article: Article, tree: Tree) -> None:
        self.article = article
        self.tokens = article.tokens
        self.tree = tree

    def phrase(self, head: Token) -> list[Token]:
        """A source's name: the noun with its modifiers and of-phrase, without clauses,
        appositions or coordinated names."""
        keep = [head]
        stack = [c for c in self.tree.children(head) if c.dep not in PHRASE_DROP or hyphen(c)]
        for p in self.tree.children(head, frozenset({"prep"})):
            if p.lower in {"of", "for", "at", "with", "from", "in"} and p.i > head.i:
                stack.append(p)
        while stack:
            c = stack.pop()
            keep.append(c)
            stack.extend(
                x for x in self.tree.children(c) if x.dep not in {"relcl", "punct"} or hyphen(x)
            )
        return trim(contiguous(keep, head))

    def extent(self, head: Token) -> list[Token]:
        """All the words naming a source, as the text gives them: with its apposition,
        relative clause or parenthesis ("Brian Fallon, a spokesman for the campaign")."""
        return trim(contiguous(self.tree.subtree(head), head))

    def speaker(self, pronoun: Token) -> Token | None:
        """Who a pronoun source stands for: the noun a relative clause describes ("Trump, who
        said"), else the last one, in this sentence or the three before, that can speak and
        agrees in number: a person for he/she, a body for it, people or a group for they."""
        word = pronoun.lower
        if word in {"who", "which", "that", "whom"}:
            clause = next((a for a in self.tree.ancestors(pronoun) if a.dep in RELATIVE), None)
            return self.tree.head(clause) if clause is not None else None
        if word not in {"he", "she", "it", "they"}:
            return None

        def fits(t: Token) -> bool:
            if t.dep == "compound" or t.pos not in {"PROPN", "NOUN"}:
                return False
            lemma = t.lemma.lower()
            if word in {"he", "she"}:
                return t.ent_type == "PERSON" or lemma in PERSON_ROLES and t.tag == "NN"
            if t.ent_type == "PERSON" or lemma in PERSON_ROLES and t.tag == "NN":
                return False
            plural = t.tag in {"NNS", "NNPS"} or t.ent_type == "NORP"
            speaks = t.ent_type in {"ORG", "GPE", "NORP"} or lemma in SPEAKER_NOUNS | PERSON_ROLES
            return speaks and (plural if word == "they" else not plural)

        first = self.article.sentences[max(0, pronoun.sent - 3)].token_start
        return next((t for t in reversed(self.tokens[first : pronoun.i]) if fits(t)), None)

    def describe(self, head: Token) -> tuple[str, str]:
        """The name and kind of a source; a pronoun takes its antecedent's."""
        if head.pos == "PRON" or head.tag in PRONOUN_TAGS:
            found = self.speaker(head)
            if found is None or found.pos == "PRON":
                return "", "unnamed"
            head = found
        words = self.phrase(head)
        actor = resolve_phrase(words, self.article.text)
        described = [
            t for a in self.tree.children(head, frozenset({"appos"})) for t in self.tree.subtree(a)
        ]
        return actor.name, self.kind([*words, *described], actor)

    def kind(self, words: Sequence[Token], actor: Actor) -> str:
        lemmas = {t.lemma.lower() for t in words} | {t.lower for t in words}
        if actor.sector == "MED" or lemmas & MEDIA_WORDS:
            return "media"
        if actor.sector == "NGO":
            return "ngo"
        if lemmas & UNNAMED_WORDS:
            return "unnamed"
        if actor.sector in OFFICIAL_SECTORS or lemmas & OFFICIAL_WORDS:
            return "official"
        if actor.person or any(t.ent_type == "PERSON" for t in words):
            return "official" if self.titled(words) else "person"
        if actor.actor_id or actor.country or any(t.ent_type in {"ORG", "NORP"} for t in words):
            return "organization"
        last = words[-1]
        named = last.pos == "PROPN" or last.text[:1].isupper() and last.tag == "NN"
        return "person" if named else "unnamed"

    def titled(self, words: Sequence[Token]) -> bool:
        """Whether the article gives this person an office title somewhere ("Foreign Minister
        Sergei Lavrov ... Lavrov said")."""
        surname = next((t.text for t in reversed(words) if t.pos == "PROPN"), None)
        if surname is None:
            return False
        for t in self.tokens:
            if t.text == surname:
                before = self.tokens[max(0, t.i - 4) : t.i]
                if any(b.lemma.lower() in OFFICIAL_WORDS for b in before):
                    return True
        return False
