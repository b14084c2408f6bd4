"""The contract every pipeline stage keeps.

A stage turns an :class:`~dragoman.types.Article` into a richer one. It names the fields it
reads (``requires``) and the ones it fills in (``assigns``); :func:`check_order` verifies once,
when the pipeline is built, that every field a stage needs is filled in by an earlier one.
Stages that work better on batches (the spaCy parse) override :meth:`Stage.pipe`.
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
    """Raise :class:`ConfigError` when a stage needs a field no earlier stage fills in."""
    available = set(READER_FIELDS)
    for stage in stages:
        missing = stage.requires - available
        if missing:
            raise ConfigError(
                f"stage {stage.name!r} needs {', '.join(sorted(missing))}, "
                "which no earlier stage assigns: move it after the stage that does"
            )
        available |= stage.assigns
