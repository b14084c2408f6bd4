"""Finding events: PLOVER triggers, their arguments, and one record per event per article.

:class:`ExtractEvents` finds one event per trigger of the lexicon (``data/triggers.yaml``) with
its actors and recipients from the parse; :class:`MergeEvents` merges the mentions of one event
in one article once claims, places and dates are known.
"""

from dragoman.extract._events import ExtractEvents, Extractor
from dragoman.extract._implicit import ImplicitAgents, implicit_body
from dragoman.extract._lexicon import Category, Lexicon, Trigger, load_lexicon, parse_lexicon
from dragoman.extract._merge import MergeEvents, merge_events, same_event
from dragoman.extract._pronouns import antecedent
from dragoman.extract._triggers import governing_verb

__all__ = [
    "Category",
    "ExtractEvents",
    "Extractor",
    "ImplicitAgents",
    "Lexicon",
    "MergeEvents",
    "Trigger",
    "antecedent",
    "governing_verb",
    "implicit_body",
    "load_lexicon",
    "merge_events",
    "parse_lexicon",
    "same_event",
]
