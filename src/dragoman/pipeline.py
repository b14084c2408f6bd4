"""The pipeline, assembled in one place: the stages in the order they run.

    parse      spaCy: sentences, tokens, dependency parse, entity mentions
    events     PLOVER triggers with actors and recipients from the parse
    claims     attribution, factuality and whether the event was announced
    intent     stated intentions as AGREE / THREATEN events (PLOVER's rule)
    geo        the event's place, geocoded with the offline gazetteer
    dates      the event's date range, resolved against the publication date
    implicit   the court of a sentence, the police of an arrest, when no doer is named
    merge      one record per real event per article
    mentions   every named person, group and country, resolved to an actor

Every stage takes an Article and returns a richer one; :func:`build` checks that each stage's
inputs are filled in by an earlier stage before anything runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from dragoman.actors import ResolveMentions
from dragoman.claims import AssessClaims, StatedIntentions
from dragoman.dates import DateEvents
from dragoman.extract import ExtractEvents, ImplicitAgents, MergeEvents
from dragoman.nlp import Parse
from dragoman.places import LocateEvents
from dragoman.settings import Settings
from dragoman.stage import Stage, check_order
from dragoman.types import Article


class Pipeline:
    """Stages run in order over a stream of articles; batches flow through spaCy."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        check_order(stages)
        self.stages = tuple(stages)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def run(self, articles: Iterable[Article]) -> Iterator[Article]:
        stream: Iterable[Article] = articles
        for stage in self.stages:
            stream = stage.pipe(stream)
        yield from stream

    def __call__(self, article: Article) -> Article:
        return next(self.run([article]))


def build(settings: Settings) -> Pipeline:
    """The standard pipeline for ``settings``."""
    return Pipeline(
        [
            Parse(
                settings.model,
                batch_size=settings.batch_size,
                n_process=settings.n_process,
                detector=settings.detector,
            ),
            ExtractEvents(),
            AssessClaims(),
            StatedIntentions(),
            LocateEvents(),
            DateEvents(),
            ImplicitAgents(),
            MergeEvents(),
            ResolveMentions(),
        ]
    )
