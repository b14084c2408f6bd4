"""The stage contract: order checked at start-up, the standard stages, streaming."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import ClassVar

import pytest

from dragoman.errors import ConfigError
from dragoman.pipeline import Pipeline, check_order
from dragoman.stage import Stage
from dragoman.types import Article


class Tokenise(Stage):
    name: ClassVar[str] = "tokenise"
    assigns: ClassVar[frozenset[str]] = frozenset({"tokens"})

    def __call__(self, article: Article) -> Article:
        return article


class FindEvents(Stage):
    name: ClassVar[str] = "find-events"
    requires: ClassVar[frozenset[str]] = frozenset({"tokens"})
    assigns: ClassVar[frozenset[str]] = frozenset({"events"})

    def __call__(self, article: Article) -> Article:
        return article


class Tally(Stage):
    """Records which articles it has seen, to show when the stream pulls them."""

    name: ClassVar[str] = "tally"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, article: Article) -> Article:
        self.seen.append(article.article_id)
        return replace(article, title=f"seen {article.article_id}")


def test_pipeline_check_order_accepts_stages_after_what_they_need() -> None:
    check_order([Tokenise(), FindEvents()])


def test_pipeline_check_order_refuses_a_stage_before_what_it_needs() -> None:
    with pytest.raises(ConfigError, match="'find-events' needs tokens"):
        check_order([FindEvents(), Tokenise()])
    with pytest.raises(ConfigError, match="tokens"):
        Pipeline([FindEvents()])


def test_pipeline_check_order_reader_fields_need_no_stage() -> None:
    class ReadsText(Stage):
        name: ClassVar[str] = "reads-text"
        requires: ClassVar[frozenset[str]] = frozenset({"text", "published"})

    check_order([ReadsText()])


def standard(nlp_pipeline: Pipeline) -> dict[str, Stage]:
    return {s.name: s for s in nlp_pipeline.stages}


@pytest.mark.parametrize(
    ("order", "message"),
    [
        (
            ["parse", "events", "merge", "claims", "intent", "geo", "dates", "mentions"],
            "stage 'merge' needs events.claim, events.date, events.intent, events.place .*: "
            "move 'merge' after 'claims'",
        ),
        (
            ["parse", "dates", "events", "claims", "intent", "geo", "merge", "mentions"],
            "stage 'dates' needs events.intent, events.trigger .*: move 'dates' after 'intent'",
        ),
        (
            ["parse", "events", "claims", "geo", "dates", "intent", "merge", "mentions"],
            "stage 'dates' needs events.intent .*: move 'dates' after 'intent'",
        ),
        (
            ["parse", "events", "intent", "claims", "geo", "dates", "merge", "mentions"],
            "stage 'intent' needs events.claim .*: move 'intent' after 'claims'",
        ),
        (
            ["parse", "geo", "events", "claims", "intent", "dates", "merge", "mentions"],
            "stage 'geo' needs events.trigger .*: move 'geo' after 'events'",
        ),
        (
            ["mentions", "parse", "events", "claims", "intent", "geo", "dates", "merge"],
            "stage 'mentions' needs mentions, tokens .*: move 'mentions' after 'parse'",
        ),
    ],
)
def test_pipeline_check_order_names_the_stage_to_move(
    nlp_pipeline: Pipeline, order: list[str], message: str
) -> None:
    stages = standard(nlp_pipeline)
    with pytest.raises(ConfigError, match=message):
        Pipeline([stages[name] for name in order])


def test_pipeline_check_order_events_made_anew_lose_what_was_filled_in(
    nlp_pipeline: Pipeline,
) -> None:
    stages = standard(nlp_pipeline)
    order = ["parse", "events", "claims", "intent", "geo", "dates", "events", "merge"]
    with pytest.raises(ConfigError, match="'merge' needs events.claim"):
        check_order([stages[name] for name in order])


def test_pipeline_check_order_refuses_an_unknown_field_path() -> None:
    class Typo(Stage):
        name: ClassVar[str] = "typo"
        requires: ClassVar[frozenset[str]] = frozenset({"events.plaec"})

    with pytest.raises(ConfigError, match="unknown field path.*events.plaec"):
        check_order([Typo()])


def test_pipeline_check_order_says_when_no_stage_fills_a_path(nlp_pipeline: Pipeline) -> None:
    stages = standard(nlp_pipeline)
    with pytest.raises(ConfigError, match="no stage of this pipeline fills it in"):
        check_order([stages["parse"], stages["events"], stages["merge"]])


def test_pipeline_standard_stage_names_in_order(nlp_pipeline: Pipeline) -> None:
    assert nlp_pipeline.names == [
        "parse",
        "events",
        "claims",
        "intent",
        "geo",
        "dates",
        "implicit",
        "merge",
        "mentions",
    ]
    check_order(nlp_pipeline.stages)


def test_pipeline_run_streams_a_generator_lazily() -> None:
    pulled: list[str] = []

    def articles() -> Iterator[Article]:
        for n in range(3):
            pulled.append(f"a{n}")
            yield Article(article_id=f"a{n}", text="Some text of an article.")

    tally = Tally()
    stream = Pipeline([tally]).run(articles())
    assert pulled == [] and tally.seen == []

    first = next(stream)
    assert first.title == "seen a0"
    assert pulled == ["a0"] and tally.seen == ["a0"]

    assert [a.article_id for a in stream] == ["a1", "a2"]
    assert tally.seen == ["a0", "a1", "a2"]


def test_pipeline_standard_run_keeps_ids_and_order(nlp_pipeline: Pipeline) -> None:
    texts = {
        "b": "Iran's foreign minister met his Iraqi counterpart in Baghdad on Sunday.",
        "a": "Russian forces attacked Kyiv with missiles overnight, officials said.",
    }
    out = list(nlp_pipeline.run(Article(article_id=k, text=v) for k, v in texts.items()))
    assert [a.article_id for a in out] == ["b", "a"]
    assert all(a.tokens and a.sentences for a in out)
    assert all(e.article_id == a.article_id for a in out for e in a.events)
