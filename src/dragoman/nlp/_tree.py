"""Walking a parsed article: children, subjects, objects, phrases, the clause of a word.

Plain functions over the :class:`~dragoman.types.Token` records of one article, so that
the extractor reads like the grammar it encodes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from dragoman.types import Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "dative"})
AUX_DEPS = frozenset({"aux", "auxpass"})
#: Clauses whose missing subject is their head's subject ("X tried to meet", "X met and agreed").
SUBJECT_SHARING_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp"})
#: Verbs whose object is asked or made to do what follows ("pressed the regime to stop").
ASKING_VERBS = frozenset(
    "urge ask beg implore press pressure push request encourage invite exhort order tell "
    "instruct direct command force compel".split()
)
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


class Tree:
    """Child lists for one article's tokens, built once and shared by every lookup."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self._children: list[list[int]] = [[] for _ in tokens]
        for t in tokens:
            if t.head != t.i:
                self._children[t.head].append(t.i)

    def children(self, t: Token, deps: frozenset[str] | None = None) -> Iterator[Token]:
        for i in self._children[t.i]:
            c = self.tokens[i]
            if deps is None or c.dep in deps:
                yield c

    def child(self, t: Token, deps: frozenset[str]) -> Token | None:
        return next(self.children(t, deps), None)

    def head(self, t: Token) -> Token | None:
        return None if t.head == t.i else self.tokens[t.head]

    def hangs_on(self, t: Token, deps: frozenset[str], lemmas: frozenset[str]) -> bool:
        """Whether ``t`` hangs by one of ``deps`` on a word whose lemma is one of ``lemmas``
        ("the government" as the object of "accuse", "protests" as the subject of "erupt")."""
        head = self.head(t)
        return t.dep in deps and head is not None and head.lemma.lower() in lemmas

    def ancestors(self, t: Token) -> Iterator[Token]:
        seen = 0
        while t.head != t.i and seen < 64:
            t = self.tokens[t.head]
            seen += 1
            yield t

    def subtree(self, t: Token) -> list[Token]:
        out = [t]
        stack = list(self._children[t.i])
        while stack:
            i = stack.pop()
            out.append(self.tokens[i])
            stack.extend(self._children[i])
        out.sort(key=lambda x: x.i)
        return out

    def conjuncts(self, t: Token) -> list[Token]:
        """``t`` and the words coordinated with it ("Russia, Iran and Turkey")."""
        out = [t]
        stack = [c for c in self.children(t, frozenset({"conj"}))]
        while stack:
            c = stack.pop(0)
            out.append(c)
            stack.extend(self.children(c, frozenset({"conj"})))
        return out

    def preps(self, t: Token, words: frozenset[str]) -> Iterator[tuple[str, Token]]:
        """Objects of the prepositions ``words`` attached to ``t``: ("with", Assad)."""
        for p in self.children(t, frozenset({"prep", "agent"})):
            if p.lower in words:
                for o in self.children(p, frozenset({"pobj", "pcomp"})):
                    yield p.lower, o

    def negated(self, t: Token) -> Token | None:
        return self.child(t, frozenset({"neg"}))

    def _active_head(self, verb: Token) -> bool:
        """Whether ``verb`` hangs on a finite active verb that has a subject."""
        head = self.head(verb)
        if head is None or head.tag not in {"VBD", "VBZ", "VBP"}:
            return False
        return self.child(head, SUBJECT_DEPS) is not None

    def _noun_holder(self, infinitive: Token) -> Token | None:
        """Who does what a noun's infinitive says: "Russia's plan to withdraw", "Russia has a
        responsibility to press", "Trump received an invitation to visit"; not the object's
        own act ("gave them permission to leave", "a call for X to go")."""
        noun = self.head(infinitive)
        if noun is None or noun.pos != "NOUN":
            return None
        owner = self.child(noun, frozenset({"poss"}))
        if owner is not None:
            return owner
        verb = self.head(noun)
        if noun.dep not in {"dobj", "obj"} or verb is None or verb.pos not in {"VERB", "AUX"}:
            return None
        if self.child(verb, frozenset({"dative", "iobj"})) is not None:
            return None
        return self.child(verb, SUBJECT_DEPS)

    def _asked_to(self, verb: Token, clause: Token) -> bool:
        """``clause`` is what ``verb`` asks someone to do, parsed as an adverbial infinitive
        ("press the regime to stop its offensive")."""
        infinitive = any(c.lower == "to" for c in self.children(clause, AUX_DEPS))
        return infinitive and verb.lemma.lower() in ASKING_VERBS

    def subject(self, verb: Token) -> Token | None:
        """The subject of ``verb``, borrowed from the clause it hangs on when it has none."""
        current: Token | None = verb
        for _ in range(6):
            if current is None:
                return None
            subj = self.child(current, SUBJECT_DEPS)
            if subj is not None:
                return subj
            # A reduced passive ("as agreed", "US-backed") names no doer; "X worked there and
            # donated" (a past tense tagged VBN) shares X.
            reduced = current.tag == "VBN" and self.child(current, AUX_DEPS) is None
            if reduced and not (current.dep == "conj" and self._active_head(current)):
                return None
            if current.dep == "relcl":
                # "the envoy, who travels to Damascus": the relative clause's noun.
                return self.head(current)
            if current.dep == "acl" and current.tag == "VBG":
                return self.head(current)
            if current.dep == "acl" and current.tag == "VB":
                return self._noun_holder(current)
            if current.dep not in SUBJECT_SHARING_DEPS:
                return None
            head = self.head(current)
            if head is not None and (
                current.dep == "xcomp" or (current.dep == "advcl" and self._asked_to(head, current))
            ):
                # "prompting the regime to retaliate": the object is who acts.
                controller = self.child(head, OBJECT_DEPS)
                if controller is not None and controller.i < current.i:
                    return controller
            controlled = current.dep in {"xcomp", "pcomp"}
            current = head
            # A gerund or infinitive hanging from a preposition: climb past the preposition.
            if current is not None and current.dep == "prep":
                current = self.head(current)
            if controlled and current is not None and self.child(current, SUBJECT_DEPS) is None:
                # "rebels were reported to have fired", "X was accused of shelling", "its
                # forces are aimed at intimidating": a passive's subject does the inner act.
                passive = self.child(current, PASSIVE_SUBJECT_DEPS)
                if passive is not None:
                    return passive
        return None


def span_text(text: str, tokens: Sequence[Token]) -> str:
    if not tokens:
        return ""
    return text[tokens[0].idx : tokens[-1].end]


NP_DEPS = frozenset(
    {"compound", "amod", "poss", "case", "nmod", "det", "nummod", "quantmod", "npadvmod"}
)


def _hyphen(t: Token) -> bool:
    """A hyphen inside a name ("Secretary-General") that the tokenizer split off."""
    return t.dep == "punct" and t.text in {"-", "–"}


QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "``", "''", "«", "»"})


def _quote(t: Token) -> bool:
    return t.text in QUOTE_MARKS


#: Verbs told as "VERB someone of something": the of-phrase is the verb's, not the person's.
OF_FRAME_VERBS = frozenset(
    "accuse strip convict acquit clear suspect deprive rob warn inform notify remind assure "
    "absolve".split()
)


def _verb_of_frame(tree: Tree, noun: Token) -> bool:
    return tree.hangs_on(noun, frozenset({"dobj", "nsubjpass"}), OF_FRAME_VERBS)


def _np_tokens(tree: Tree, head: Token) -> list[Token]:
    keep = [head]
    # Quotation marks around a name inside the phrase ("the 'Islamic State' militant group")
    # keep the phrase whole; :func:`noun_phrase` trims those at its ends.
    keep += [c for c in tree.children(head, frozenset({"punct"})) if c.i < head.i and _quote(c)]
    stack = [c for c in tree.children(head) if (c.dep in NP_DEPS or _hyphen(c)) and c.i < head.i]
    while stack:
        c = stack.pop()
        keep.append(c)
        stack.extend(
            x
            for x in tree.children(c)
            if x.dep in NP_DEPS
            or _hyphen(x)
            # "Hungarian and Romanian officials": coordinated modifiers stay in the phrase.
            or (c.dep in {"amod", "compound"} and x.dep in {"cc", "conj"})
        )
    # "envoy for Syria", "head of the opposition delegation": one short of/for phrase; not
    # the verb's own of-phrase ("accused the government of fraud", "stripped Begum of her
    # citizenship") that the parser hung on its object.
    # A closing quotation mark may stand between ("the “highest levels” of the court").
    closing = next(
        (c for c in tree.children(head, frozenset({"punct"})) if c.i == head.i + 1 and _quote(c)),
        None,
    )
    after = head.i + 2 if closing is not None else head.i + 1
    for p in tree.children(head, frozenset({"prep"})):
        if p.lower == "of" and _verb_of_frame(tree, head):
            break
        if p.lower in {"of", "for", "to"} and p.i == after:
            for o in tree.children(p, frozenset({"pobj"})):
                keep.extend([closing] if closing is not None else [])
                keep.append(p)
                keep.extend(_np_tokens(tree, o))
            break
    return keep


def noun_phrase(tree: Tree, head: Token) -> list[Token]:
    """The head noun with its pre-modifiers ("Russia's special envoy"), without clauses."""
    keep = sorted(_np_tokens(tree, head), key=lambda x: x.i)
    # Keep a contiguous run around the head.
    start = keep.index(head)
    lo = start
    while lo > 0 and keep[lo - 1].i == keep[lo].i - 1:
        lo -= 1
    hi = start
    while hi + 1 < len(keep) and keep[hi + 1].i == keep[hi].i + 1:
        hi += 1
    run = keep[lo : hi + 1]

    def quoted_inside(r: list[Token]) -> bool:  # a quotation mark that closes inside the run
        return _quote(r[0]) and any(_quote(x) for x in r[1:])

    while run and run[0].pos in {"DET", "PUNCT"} and not quoted_inside(run):
        run = run[1:]
    while run and run[-1].pos == "PUNCT":
        run = run[:-1]
    return run or [head]


def governors(tokens: Sequence[Token], t: Token) -> set[int]:
    """``t`` and the words it hangs on, up to the root: the clause an event is told in."""
    out = {t.i}
    while tokens[t.head].i != t.i and t.head not in out:
        t = tokens[t.head]
        out.add(t.i)
    return out


def attached(tokens: Sequence[Token], t: Token, clause: set[int]) -> bool:
    """Whether ``t`` reaches ``clause`` before it reaches the verb of another clause, or that
    verb only describes a word of the clause ("the resolution, which was approved on Saturday,
    called for ...")."""
    for _ in range(10):
        if t.i in clause:
            return True
        head = tokens[t.head]
        if t.pos in {"VERB", "AUX"} or head.i == t.i:
            return (
                t.dep in {"relcl", "acl"} and head.head in clause and head.dep.startswith("nsubj")
            )
        t = head
    return False
