"""The contract every pipeline stage keeps.

A stage turns an :class:`~dragoman.types.Article` into a richer one. It names the field paths
it reads (``requires``) and the ones it fills in (``assigns``): an article's own fields
(``tokens``, ``events``) or a field of each of its events or mentions (``events.claim``,
``mentions.actor``). :func:`check_order` verifies once, when the pipeline is built, that every
path a stage reads is filled in by an earlier stage, and says which stage to move when not.
A stage that makes the events (or the mentions) anew assigns ``events`` (``mentions``): what
earlier stages filled in on the old ones is gone. Stages that work better on batches (the spaCy
parse) override :meth:`Stage.pipe`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import ClassVar

from dragoman.errors import ConfigError
from dragoman.types import Article

#: Fields a reader fills in before any stage runs.
READER_FIELDS = frozenset(
    {"article_id", "text", "title", "published", "publisher", "url", "language"}
)
#: Every field path a stage may read or fill, and what it holds.
FIELD_PATHS: dict[str, str] = {
    **{name: "the article's own field, from its reader" for name in READER_FIELDS},
    "tokens": "the parsed words",
    "sentences": "sentences and paragraphs",
    "mentions": "named entities",
    "sentence_types": "the event types the learned detector reads in each sentence",
    "mentions.actor": "the actor each named mention is",
    "events": "the events, one per trigger",
    "events.trigger": "each event's trigger word (its token)",
    "events.actor": "each event's actors and recipients",
    "events.claim": "each event's sources, factuality and announcement",
    "events.intent": "the AGREE/THREATEN/REJECT events that stated intentions make",
    "events.place": "each event's place",
    "events.date": "each event's date",
    "events.agent": "doers implied but not named (the court of a sentence)",
    "events.merged": "one record per real event per article",
}
#: Paths that make a list anew: the paths below them are empty again after.
COLLECTIONS = ("events", "mentions")


class Stage:
    name: ClassVar[str] = "stage"
    requires: ClassVar[frozenset[str]] = frozenset()
    assigns: ClassVar[frozenset[str]] = frozenset()

    def __call__(self, article: Article) -> Article:
        raise NotImplementedError(f"stage {self.name!r} must implement __call__ or pipe")

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self(article)


def check_order(stages: Sequence[Stage]) -> None:
    """Raise :class:`ConfigError` when a stage reads a path no earlier stage fills in, naming
    the stage to move and the stage it must come after (or an unknown path, or none at all)."""
    available = set(READER_FIELDS)
    for n, stage in enumerate(stages):
        unknown = (stage.requires | stage.assigns) - FIELD_PATHS.keys()
        if unknown:
            raise ConfigError(
                f"stage {stage.name!r} declares unknown field path(s) "
                f"{', '.join(sorted(unknown))}; known: {', '.join(FIELD_PATHS)}"
            )
        missing = sorted(stage.requires - available)
        if missing:
            path = missing[0]
            later = next((s.name for s in stages[n + 1 :] if path in s.assigns), None)
            where = (
                f"move {stage.name!r} after {later!r}"
                if later is not None
                else "no stage of this pipeline fills it in: add one that assigns it"
            )
            raise ConfigError(
                f"stage {stage.name!r} needs {', '.join(missing)} "
                f"({FIELD_PATHS[path]}), which no earlier stage fills in: {where}"
            )
        for collection in COLLECTIONS:
            if collection in stage.assigns:
                available -= {p for p in available if p.startswith(collection + ".")}
        available |= stage.assigns
