"""Reading the attributions of one parsed article: sources, cues and contents from the parse.

One :class:`AttributionFinder` per article reads every sentence's attributions (clauses,
"according to", cue nouns, confirmed or denied objects, headlines, "reportedly", stances), then
carries them over open quotations and reported-style sentences of the same paragraph. See
:mod:`dragoman.claims._attribution` for what each form is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from dragoman.claims._cues import (
    CLAUSE_CUES,
    CLOSING,
    CONTENT_PREPS,
    CUE_LEFT,
    CUE_NOUNS,
    CUE_VERBS,
    OBJECT_SOURCES,
    OPENING,
    QUOTE_MARKS,
    REPORTING,
    SAYING,
    SET_OFF,
    STANCE_CUES,
    STATEMENT_WORDS,
    Attribution,
    Span,
    span_of,
    wholly_quoted,
)
from dragoman.claims._speakers import Speakers, trim
from dragoman.nlp import Tree
from dragoman.types import Article, Token


class AttributionFinder:
    """Reads the attributions of one article; one instance per article."""

    def __init__(self, article: Article, tree: Tree | None = None) -> None:
        self.article = article
        self.tokens = article.tokens
        self.tree = tree or Tree(article.tokens)
        self.speakers = Speakers(article, self.tree)

    # -- spans -------------------------------------------------------------------------------

    def cue_words(self, verb: Token) -> list[Token]:
        """The cue verb with the auxiliaries, negation and adverbs right before it ("has not
        said", "is expected"), and its particle, a following colon, a day and "in a statement"
        right after it ("said Tuesday in a statement:")."""
        toks, tree = self.tokens, self.tree
        lo = verb.i
        while lo > 0 and toks[lo - 1].head == verb.i and toks[lo - 1].dep in CUE_LEFT:
            lo -= 1
        hi = verb.i
        while hi + 1 < len(toks):
            nxt = toks[hi + 1]
            if nxt.head == verb.i and (nxt.dep == "prt" or nxt.ent_type == "DATE"):
                hi += 1
            elif nxt.text == ":" and nxt.head == verb.i:
                hi += 1
                break
            elif nxt.dep == "prep" and nxt.head == verb.i and nxt.lower == "in":
                obj = tree.child(nxt, frozenset({"pobj"}))
                if obj is None or obj.lemma.lower() not in STATEMENT_WORDS:
                    break
                hi = max(t.i for t in tree.subtree(nxt))
            else:
                break
        return list(toks[lo : hi + 1])

    def clause(self, head: Token, without: Iterable[Token] = ()) -> list[Token]:
        """The words of ``head``'s clause, less the subtrees of ``without``."""
        drop = {t.i for w in without for t in self.tree.subtree(w)}
        return [t for t in self.tree.subtree(head) if t.i not in drop]

    # -- sources -----------------------------------------------------------------------------

    def subject(self, verb: Token) -> Token | None:
        """Who a cue verb's words belong to: its subject, the agent of a passive, the subject of
        "was quoted as saying", or the subject it shares ("smiled and said", ", adding that")."""
        tree = self.tree
        current = verb
        for _ in range(5):
            subj = tree.child(current, frozenset({"nsubj", "csubj"}))
            if subj is not None:
                return subj
            for _, agent in tree.preps(current, frozenset({"by"})):
                if current is verb:
                    return agent
            passive = tree.child(current, frozenset({"nsubjpass"}))
            if passive is not None:
                return passive if current.lemma.lower() in {"quote", "cite"} else None
            head = tree.head(current)
            if head is None:
                return None
            shares = current.dep == "xcomp" or current.dep == "advcl" and current.tag == "VBG"
            # "smiled and said"; not "... would face consequences and said", a misparse.
            shares = shares or current.dep == "conj" and head.dep in {"ROOT", "conj", "parataxis"}
            if shares:
                current = head
            elif current.dep == "pcomp" and head.lower == "as" and tree.head(head) is not None:
                current = tree.head(head)  # type: ignore[assignment]
            else:
                return None
        return None

    # -- attributions ------------------------------------------------------------------------

    def make(
        self,
        source: Token | None,
        cue: Sequence[Token],
        content: Sequence[Token],
        form: str,
        lemma: str,
        source_words: Sequence[Token] | None = None,
    ) -> Attribution | None:
        content = trim(sorted((t for t in content if t.pos != "SPACE"), key=lambda t: t.i))
        if not content or content[0].pos == "PUNCT" and content[0].text not in QUOTE_MARKS:
            return None
        text = self.article.text
        lo, hi = self.with_quotes(content[0].i, content[-1].i)
        words = source_words or (self.speakers.extent(source) if source is not None else None)
        name, kind = self.speakers.describe(source) if source is not None else ("", "unnamed")
        return Attribution(
            source=span_of(text, words) if words else None,
            cue=span_of(text, cue),
            content=Span(
                self.tokens[lo].idx,
                self.tokens[hi].end,
                text[self.tokens[lo].idx : self.tokens[hi].end],
            ),
            name=name,
            kind=kind,
            token_start=lo,
            token_end=hi + 1,
            form=form,
            cue_lemma=lemma,
            cue_tokens=(cue[0].i, cue[-1].i + 1),
            source_tokens=(words[0].i, words[-1].i + 1) if words else None,
        )

    def with_quotes(self, lo: int, hi: int) -> tuple[int, int]:
        """Widen a content range over the quotation marks right around it."""
        toks = self.tokens
        if lo > 0 and toks[lo - 1].text in {"“", '"', "‘"}:
            lo -= 1
        while hi + 1 < len(toks) and toks[hi + 1].text in {",", ".", "”", '"', "’"}:
            if toks[hi + 1].text in {",", "."} and not (
                hi + 2 < len(toks) and toks[hi + 2].text in {"”", '"'}
            ):
                break
            hi += 1
        return lo, hi

    def verbal(self, verb: Token) -> Attribution | None:
        tree, lemma = self.tree, verb.lemma.lower()
        cue = self.cue_words(verb)
        subject = self.subject(verb)
        content: list[Token] = []
        form = "clause"
        for c in tree.children(verb, frozenset({"ccomp", "parataxis"})):
            if c.dep == "ccomp" or c.i > verb.i:
                content.extend(tree.subtree(c))
        head = tree.head(verb)
        if not content and lemma in CLAUSE_CUES and head is not None and self.set_off(verb, head):
            content = self.clause(head, [verb])
        if not content and lemma in SAYING and subject is not None:
            content = self.quotation(verb, subject)
        if not content:
            content, form, cue = self.stance(verb, cue)
        if not content:
            return None
        return self.make(subject, cue, content, form, lemma)

    def stance(self, verb: Token, cue: list[Token]) -> tuple[list[Token], str, list[Token]]:
        """Content that is not a clause: an object ("denied the report": form ``object`` for
        the verbs of OBJECT_SOURCES), or a position or intention (form ``stance``): an
        infinitive ("urged Congress to act"), an object ("criticized the decision"), a
        prepositional phrase ("called for talks"); the preposition joins the cue."""
        tree, lemma = self.tree, verb.lemma.lower()
        xcomp = tree.child(verb, frozenset({"xcomp"}))
        obj = tree.child(verb, frozenset({"dobj", "dative"}))
        if xcomp is not None:
            return (
                tree.subtree(xcomp) + (tree.subtree(obj) if obj is not None else []),
                "stance",
                cue,
            )
        if obj is not None:
            more = [t for c in tree.children(verb, frozenset({"oprd"})) for t in tree.subtree(c)]
            form = "object" if lemma in OBJECT_SOURCES else "stance"
            return tree.subtree(obj) + more, form, cue
        for prep in tree.children(verb, frozenset({"prep"})):
            if prep.lower in CONTENT_PREPS and prep.i > verb.i:
                if prep.i != verb.i + 1 and lemma not in STANCE_CUES:
                    break
                words = [t for t in tree.subtree(prep) if t is not prep]
                return words, "stance", [*cue, prep] if prep.i == cue[-1].i + 1 else cue
        return [], "stance", cue

    def set_off(self, verb: Token, head: Token) -> bool:
        """A cue set off from the clause it reports: "..., the ministry said", "...,” said X.",
        "X, he said, Y"."""
        words = [t for t in self.tree.subtree(verb) if t.pos != "PUNCT"]
        before = self.tokens[words[0].i - 1].text if words[0].i > 0 else ""
        after = self.tokens[words[-1].i + 1].text if words[-1].i + 1 < len(self.tokens) else ""
        if verb.dep in {"parataxis", "ccomp"} and verb.i > head.i:
            return before in SET_OFF
        return verb.dep == "parataxis" and after in SET_OFF

    def quotation(self, verb: Token, subject: Token) -> list[Token]:
        """The quotation a bare "X said" stands beside: just before it ("“...,” X said",
        opened in an earlier sentence of the paragraph if need be), after it in its sentence
        ("X said: “...”"), the sentence before when that ends a quote, or the next one when
        this one ends with a colon."""
        sents, n = self.article.sentences, verb.sent
        s = sents[n]
        toks = self.tokens
        near = {t.i for t in self.tree.subtree(subject)} | {c.i for c in self.cue_words(verb)}
        i = min(near | {verb.i}) - 1
        while i >= s.token_start and toks[i].text in {",", "—", "–"}:
            i -= 1
        if i >= s.token_start and toks[i].text in {"”", '"'}:
            close = i
            for m in range(n, max(-1, n - 6), -1):
                if m < n and sents[m].paragraph != sents[m + 1].paragraph:
                    break
                lo = sents[m].token_start
                hi = close if m == n else sents[m].token_end
                opening = [
                    t.i
                    for t in toks[lo:hi]
                    if t.text in {"“", '"'} and OPENING.match(self.article.text[t.idx : t.idx + 2])
                ]
                if opening:
                    return list(toks[opening[-1] : close + 1])
            return list(toks[s.token_start : close + 1])
        after = [t for t in toks[verb.i + 1 : s.token_end] if t.text in {"“", '"'}]
        if after:
            return list(toks[after[0].i : s.token_end])
        if n > 0 and (sents[n - 1].paragraph == s.paragraph or verb.i - s.token_start < 4):
            prev = sents[n - 1]
            text = self.article.text[prev.start : prev.end].rstrip()
            if text.endswith(("”", '"', "”.", '".')):
                return list(toks[prev.token_start : prev.token_end])
        if n + 1 < len(sents) and self.article.text[s.start : s.end].rstrip().endswith(":"):
            nxt = sents[n + 1]
            if OPENING.match(self.article.text[nxt.start : nxt.end]):
                return list(toks[nxt.token_start : nxt.token_end])
        return []

    def according(self, word: Token) -> Attribution | None:
        tree = self.tree
        nxt = self.tokens[word.i + 1] if word.i + 1 < len(self.tokens) else None
        if nxt is None or nxt.lower != "to":
            return None
        source = next((o for o in tree.children(nxt, frozenset({"pobj"}))), None)
        clause = word
        for up in tree.ancestors(word):
            clause = up
            if up.pos in {"VERB", "AUX"} or up.dep == "ROOT":
                break
        if clause is word:
            return None
        content = [
            t for t in self.clause(clause, [word]) if not (t.pos == "PUNCT" and t.i + 1 == word.i)
        ]
        return self.make(source, [word, nxt], content, "according", "according")

    def nominal(self, noun: Token) -> Attribution | None:
        tree = self.tree
        clause = next(
            (
                c
                for c in tree.children(noun, frozenset({"acl", "ccomp"}))
                if c.i > noun.i
                and any(m.lower == "that" for m in tree.children(c, frozenset({"mark"})))
            ),
            None,
        )
        if clause is None:
            return None
        source = tree.child(noun, frozenset({"poss"}))
        if source is None:
            for _, obj in tree.preps(noun, frozenset({"by", "from", "of"})):
                source = obj
        return self.make(source, [noun], tree.subtree(clause), "nominal", noun.lemma.lower())

    def adverb(self, word: Token) -> Attribution | None:
        head = self.tree.head(word)
        if head is None:
            return None
        return self.make(None, [word], self.clause(head, [word]), "adverb", "reportedly")

    def headline(self, n: int) -> Attribution | None:
        """ "Lavrov: Turkey must withdraw": a line opening with a short name (capitalized), a
        colon, and what the name says."""
        sents = self.article.sentences
        s = sents[n]
        if n and sents[n - 1].paragraph == s.paragraph:
            return None
        toks = self.tokens[s.token_start : s.token_end]
        colon = next((t for t in toks[:7] if t.text == ":"), None)
        if colon is None or colon.i == s.token_start:
            return None
        before = toks[: colon.i - s.token_start]
        after = [t for t in toks[colon.i - s.token_start + 1 :] if t.pos != "SPACE"]
        if len(after) < 2 or any(t.pos in {"VERB", "AUX", "ADP", "PRON"} for t in before):
            return None
        if before[-1].pos not in {"PROPN", "NOUN"}:
            return None
        if all(t.ent_type in {"GPE", "LOC", "DATE"} or t.text.isupper() for t in before):
            return None  # a dateline: "DAMASCUS:", "Beirut:"
        inside = range(before[0].i, before[-1].i + 1)
        head = next((t for t in before if t.head not in inside or t.head == t.i), before[-1])
        if not head.text[:1].isupper():
            return None  # "The toll: 25 dead"
        return self.make(head, [colon], after, "headline", ":", source_words=before)

    def sentence(self, n: int) -> list[Attribution]:
        s = self.article.sentences[n]
        found: list[Attribution] = []
        lead = self.headline(n)
        if lead is not None:
            found.append(lead)
        for t in self.tokens[s.token_start : s.token_end]:
            lemma = t.lemma.lower()
            a: Attribution | None = None
            if t.pos == "VERB" and lemma in CUE_VERBS:
                a = self.verbal(t)
            elif t.lower == "according":
                a = self.according(t)
            elif t.pos == "NOUN" and lemma in CUE_NOUNS:
                a = self.nominal(t)
            elif t.lower == "reportedly":
                a = self.adverb(t)
            if a is not None:
                found.append(a)
        return found

    # -- beyond one sentence -----------------------------------------------------------------

    def quote_balance(self, start: int, end: int) -> int:
        text = self.article.text[start:end]
        return len(OPENING.findall(text)) - len(CLOSING.findall(text))

    def extend(self, a: Attribution, n: int) -> Attribution:
        s = self.article.sentences[n]
        return replace(
            a,
            content=Span(a.content.start, s.end, self.article.text[a.content.start : s.end]),
            token_end=s.token_end,
        )

    def carry(self, by_sentence: list[list[Attribution]]) -> list[Attribution]:
        """Continue a sentence's attribution over an open quotation, over the wholly quoted
        sentences that follow a quotation in its paragraph, and over the sentences in reported
        style that follow a "said that" or "according to" in its paragraph."""
        sents = self.article.sentences
        out: list[Attribution] = []
        n = 0
        while n < len(sents):
            here = by_sentence[n]
            sourcing = [x for x in here if x.form != "stance"]
            if not sourcing:
                out.extend(here)
                n += 1
                continue
            # The attribution whose content runs furthest carries on.
            a = max(sourcing, key=lambda x: (x.token_end, x.token_end - x.token_start))
            out.extend(x for x in here if x is not a)
            m = n + 1
            open_quote = self.quote_balance(a.content.start, sents[n].end) > 0
            quoted = self.quote_balance(a.content.start, a.content.end) >= 0 and bool(
                OPENING.search(a.content.text)
            )
            while m < len(sents) and m - n <= 12:
                s = sents[m]
                text = self.article.text[s.start : s.end]
                if open_quote:
                    open_quote = self.quote_balance(a.content.start, s.end) > 0
                elif s.paragraph != sents[m - 1].paragraph or by_sentence[m]:
                    break
                elif quoted and wholly_quoted(text):
                    pass
                elif a.cue_lemma in REPORTING and a.form in {"clause", "according"}:
                    if not self.reported_style(m):
                        break
                else:
                    break
                a = self.extend(a, m)
                m += 1
            out.append(a)
            for k in range(n + 1, m):
                out.extend(by_sentence[k])
            n = m if m > n + 1 else n + 1
        return out

    def reported_style(self, n: int) -> bool:
        """A sentence told as someone's account: its main verb in the past perfect or "would"."""
        s = self.article.sentences[n]
        roots = [t for t in self.tokens[s.token_start : s.token_end] if t.dep == "ROOT"]
        if len(roots) != 1 or self.article.text[s.end - 1 : s.end] == "?":
            return False
        aux = {c.lower for c in self.tree.children(roots[0], frozenset({"aux", "auxpass"}))}
        return ("had" in aux and roots[0].tag == "VBN") or "would" in aux

    def run(self) -> list[Attribution]:
        by_sentence = [self.sentence(n) for n in range(len(self.article.sentences))]
        return self.carry(by_sentence)
