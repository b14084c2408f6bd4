"""Who a source is: its words, its name, its kind, and whom a pronoun source stands for.

Used by :mod:`dragoman.claims._attribution` for the sources it finds and by the confirmations
(:meth:`Speakers.source`). A source's **span** is all the words the text gives it ("Brian Fallon,
a spokesman for the campaign,"); its **name** is the noun phrase without clauses or
appositions, resolved by :func:`dragoman.actors.resolve_phrase` (titles dropped from a person's
name); its **kind** is :func:`dragoman.claims._sources.source_kind`'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dragoman.actors import resolve_phrase
from dragoman.claims._sources import OFFICIAL_WORDS, source_kind
from dragoman.extract import antecedent
from dragoman.nlp import Tree
from dragoman.types import Actor, Article, Source, Token

#: Links left out of a source's name: clauses, appositions, coordinations, the possessive 's.
PHRASE_DROP = frozenset({"relcl", "acl", "appos", "advcl", "punct", "cc", "conj", "prep", "case"})
PRONOUN_TAGS = frozenset({"PRP", "WP", "WDT", "DT"})


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
        """Who a pronoun source stands for (:func:`dragoman.extract.antecedent`, among those
        who can speak)."""
        return antecedent(self.article, self.tree, pronoun, speaking=True)

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

    def source(self, head: Token, cue: str) -> Source:
        """The source a noun (the subject of "confirmed", "denied") stands for."""
        words = self.phrase(head)
        name, kind = self.describe(head)
        text = self.article.text[words[0].idx : words[-1].end]
        return Source(text=text, name=name or text, kind=kind, cue=cue)

    def kind(self, words: Sequence[Token], actor: Actor) -> str:
        return source_kind(words, actor, self.titled(words))

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
