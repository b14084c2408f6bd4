"""Time expressions resolved against the publication date."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from dragoman.dates import find_expressions, resolve_date
from dragoman.types import DateRange

MONDAY = date(2021, 2, 1)  # the seed article's publication day


def span(r: DateRange | None) -> tuple[str, str, str] | None:
    if r is None or r.start is None or r.end is None:
        return None
    return (r.start.isoformat(), r.end.isoformat(), r.precision)


def test_resolve_date_end_of_last_week_is_thursday_to_sunday() -> None:
    got = resolve_date("at the end of last week", MONDAY)
    assert span(got) == ("2021-01-28", "2021-01-31", "week")
    assert got is not None and got.text == "at the end of last week"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last Friday", ("2021-01-29", "2021-01-29", "day")),
        ("on Tuesday", ("2021-01-26", "2021-01-26", "day")),
        ("on Monday", ("2021-02-01", "2021-02-01", "day")),
        ("in July", ("2020-07-01", "2020-07-31", "month")),
        ("in 2018", ("2018-01-01", "2018-12-31", "year")),
        ("earlier this month", ("2021-02-01", "2021-02-01", "month")),
        ("three days ago", ("2021-01-29", "2021-01-29", "day")),
        ("early December", ("2020-12-01", "2020-12-31", "month")),
        ("late last July", ("2020-07-01", "2020-07-31", "month")),
        ("last June", ("2020-06-01", "2020-06-30", "month")),
        ("yesterday", ("2021-01-31", "2021-01-31", "day")),
        ("last week", ("2021-01-25", "2021-01-31", "week")),
        ("last year", ("2020-01-01", "2020-12-31", "year")),
        ("the summer", ("2020-06-01", "2020-08-31", "month")),
        ("22 February 2018", ("2018-02-22", "2018-02-22", "day")),
        ("February 22, 2018", ("2018-02-22", "2018-02-22", "day")),
        ("May 2010", ("2010-05-01", "2010-05-31", "month")),
    ],
)
def test_resolve_date_reads_past_expressions(text: str, expected: tuple[str, str, str]) -> None:
    assert span(resolve_date(text, MONDAY, "past")) == expected


def test_resolve_date_this_summer_is_the_coming_one() -> None:
    assert span(resolve_date("this summer", MONDAY)) == ("2021-06-01", "2021-08-31", "month")


def test_resolve_date_future_tense_looks_ahead() -> None:
    assert span(resolve_date("on Friday", MONDAY, "future")) == ("2021-02-05", "2021-02-05", "day")
    assert span(resolve_date("in July", MONDAY, "future")) == ("2021-07-01", "2021-07-31", "month")


def test_resolve_date_without_tense_takes_the_nearest_month() -> None:
    published = date(2013, 3, 22)
    assert span(resolve_date("June", published))[:2] == ("2013-06-01", "2013-06-30")  # type: ignore[index]
    assert span(resolve_date("October", published))[:2] == ("2012-10-01", "2012-10-31")  # type: ignore[index]


def test_resolve_date_without_publication_keeps_relative_text_unresolved() -> None:
    got = resolve_date("last Friday", None)
    assert got == DateRange("last Friday", None, None, "unknown")


def test_resolve_date_without_publication_still_reads_absolute_dates() -> None:
    assert span(resolve_date("in 2018", None)) == ("2018-01-01", "2018-12-31", "year")
    assert span(resolve_date("22 February 2018", None)) == ("2018-02-22", "2018-02-22", "day")


def test_resolve_date_returns_none_for_words_that_are_no_date() -> None:
    assert resolve_date("the talks", MONDAY) is None
    assert resolve_date("30 years", MONDAY) is None  # a duration, not "30 years ago"
    assert resolve_date("2254", MONDAY) is None
    assert span(resolve_date("2018", MONDAY)) == ("2018-01-01", "2018-12-31", "year")
    assert find_expressions("UN Security Council resolution 2018") == []  # a number here


def test_find_expressions_finds_relative_and_absolute_times() -> None:
    text = "He met them at the end of last week, three days ago and on Tuesday morning in 2018."
    found = [text[a:b] for a, b in find_expressions(text)]
    assert found == ["the end of last week", "three days ago", "Tuesday morning", "2018"]


def test_find_expressions_skips_the_verb_may() -> None:
    text = "The talks may resume in May."
    assert [text[a:b] for a, b in find_expressions(text)] == ["May"]


def test_timex_value_accuracy_on_te3_platinum(
    shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "timex.py"
    spec = importlib.util.spec_from_file_location("timex", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["timex"] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    assert module.main(["--data", str(shared / "data" / "tempeval3")]) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    ours = float(line.split("ours ")[1].split()[0])
    assert ours >= 0.90


def test_resolve_date_takes_an_iso_string_for_published() -> None:
    got = resolve_date("at the end of last week", "2021-02-01")
    assert got is not None
    assert (got.start, got.end, got.precision) == (date(2021, 1, 28), date(2021, 1, 31), "week")
