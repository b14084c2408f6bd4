"""The spaCy edge: the only module that imports spaCy.

It loads the pinned English pipeline (installed from PyPI, never downloaded), parses articles in
batches, and copies what later stages need (tokens, sentences, entity mentions) into plain core
types, so that nothing downstream touches a spaCy object.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any, ClassVar

from dragoman.errors import ModelError
from dragoman.stage import Stage
from dragoman.types import Article, Mention, Sentence, Token

log = logging.getLogger(__name__)

#: Entity labels kept as mentions; numbers, money and the like are not actors or places.
MENTION_LABELS = frozenset(
    {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "DATE", "TIME"}
)
PARAGRAPH_BREAKS = "paragraph_breaks"


def _paragraph_breaks(doc: Any) -> Any:
    """Start a sentence after every line break: titles, datelines and paragraphs stand alone."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_model(name: str) -> Any:
    """Load an installed spaCy pipeline package by import name, with paragraph-aware sentences."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=_paragraph_breaks)
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
    log.debug("loaded spaCy model %s %s", nlp.meta.get("name"), nlp.meta.get("version"))
    return nlp


def doc_to_parts(doc: Any) -> tuple[tuple[Token, ...], tuple[Sentence, ...], tuple[Mention, ...]]:
    """Copy a spaCy ``Doc`` into tokens, sentences and mentions."""
    text = doc.text
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
            lemma=t.lemma_,
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
            text=ent.text,
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
    assigns: ClassVar[frozenset[str]] = frozenset({"tokens", "sentences", "mentions"})

    def __init__(self, model: str, batch_size: int = 32, n_process: int = 1) -> None:
        self.nlp = load_model(model)
        self.batch_size = batch_size
        self.n_process = n_process

    def __call__(self, article: Article) -> Article:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(
            pairs, as_tuples=True, batch_size=self.batch_size, n_process=self.n_process
        ):
            tokens, sentences, mentions = doc_to_parts(doc)
            yield replace(article, tokens=tokens, sentences=sentences, mentions=mentions)
