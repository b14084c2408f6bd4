"""The parse: spaCy at the edge, and plain helpers that walk the copied parse tree.

:mod:`dragoman.nlp._model` is the only module of dragoman that imports spaCy: :class:`Parse`
copies each ``Doc`` into plain :class:`~dragoman.types.Token`, :class:`~dragoman.types.Sentence`
and :class:`~dragoman.types.Mention` records. :class:`Tree` and the functions beside it walk
those records (children, subjects, noun phrases, the clause of a word) for every later stage.
"""

from dragoman.nlp._detector import Detector, SentenceTypes, load_detector
from dragoman.nlp._model import MENTION_LABELS, Parse, doc_to_parts, load_model
from dragoman.nlp._tree import (
    AUX_DEPS,
    NOMINAL_POS,
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    SUBJECT_SHARING_DEPS,
    Tree,
    attached,
    governors,
    noun_phrase,
    span_text,
)

__all__ = [
    "AUX_DEPS",
    "Detector",
    "MENTION_LABELS",
    "NOMINAL_POS",
    "OBJECT_DEPS",
    "PASSIVE_SUBJECT_DEPS",
    "SUBJECT_DEPS",
    "SUBJECT_SHARING_DEPS",
    "Parse",
    "SentenceTypes",
    "Tree",
    "attached",
    "doc_to_parts",
    "governors",
    "load_detector",
    "load_model",
    "noun_phrase",
    "span_text",
]
