"""When: time expressions resolved against the publication date.

:func:`resolve_date` turns "at the end of last week", "last Friday", "in July", "this summer",
"three days ago" or "22 February 2018" into a :class:`~dragoman.types.DateRange` with its
precision (day, week, month, year). Relative expressions need the publication date: without
it they keep their text and no dates. Our rules cover what news writes; dateparser (English
only, the publication date as its base) reads the other spellings of absolute dates.

Weeks run Monday to Sunday. A bare weekday is the latest one on or before publication unless
the event lies ahead; a bare month is the latest one for past events, the next one for future
events and the nearest one when the tense is unknown.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, Literal

from dragoman.errors import ConfigError
from dragoman.types import DateRange

Tense = Literal["past", "future"] | None

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3,
    "several": 3, "couple of": 2, "a couple of": 2,
}  # fmt: skip
SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}

MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
PART_RE = r"(?:early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of|earlier|later)"
NUM_RE = (
    r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"a\s+few|several|(?:a\s+)?couple\s+of)"
)
YEAR_RE = r"(?:1[89]\d\d|20\d\d)"

#: Expressions this module reads, for finding them in a sentence (longest alternatives first).
EXPRESSION = re.compile(
    rf"""\b(?:
        (?:{PART_RE}\s+)?(?:last|this|next|the\s+last|the\s+past)\s+(?:week|month|year)
      | (?:{PART_RE}\s+)?(?:(?:last|this|next)\s+)?{MONTH_RE}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?
        (?:,?\s+{YEAR_RE})?
      | \d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE}(?:,?\s+{YEAR_RE})?
      | (?:{PART_RE}\s+)?(?:(?:last|this|next)\s+)?{DAY_RE}
        (?:\s+(?:morning|afternoon|evening|night))?
      | (?:{PART_RE}\s+)?(?:(?:last|this|next|the)\s+)?(?:spring|summer|autumn|fall|winter)
        (?:\s+(?:of\s+)?{YEAR_RE})?
      | {NUM_RE}\s+(?:days?|weeks?|months?|years?)\s+ago
      | (?:in|over|during|within)\s+(?:the\s+)?(?:past\s+|last\s+)?{NUM_RE}\s+(?:days|weeks)
      | (?:{PART_RE}\s+)?{YEAR_RE}
      | today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)
      | \d{{4}}-\d{{2}}-\d{{2}}
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
#: Words before a number that make it not a year ("resolution 2254", "No. 2000").
NOT_A_YEAR = re.compile(
    r"(?:resolution|resolutions|no\.|number|article|flight|route|highway|room|#|version|"
    r"law|decree|page|code)\s*$",
    re.IGNORECASE,
)


def _day(d: date, text: str | None) -> DateRange:
    return DateRange(text, d, d, "day")


def _month(y: int, m: int, text: str | None) -> DateRange:
    return DateRange(text, date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), "month")


def _year(y: int, text: str | None) -> DateRange:
    return DateRange(text, date(y, 1, 1), date(y, 12, 31), "year")


def _week(d: date, text: str | None, part: str = "") -> DateRange:
    monday = d - timedelta(days=d.weekday())
    start, end = monday, monday + timedelta(days=6)
    if part in {"end", "late", "later"}:
        start = monday + timedelta(days=3)
    elif part in {"early", "beginning", "start"}:
        end = monday + timedelta(days=2)
    return DateRange(text, start, end, "week")


def _part(words: str) -> str:
    for p in ("end", "beginning", "start", "middle", "early", "mid", "late", "earlier", "later"):
        if re.search(rf"\b{p}\b", words):
            return p
    return ""


def _pick_year(month: int, day: int, published: date, tense: Tense, rel: str) -> int:
    """The year of a month (and day) given without one."""
    y = published.year
    this = (month, day) <= (published.month, published.day)
    if rel == "last":
        return y if month < published.month else y - 1
    if rel == "next":
        return y if month > published.month else y + 1
    if rel == "this":
        return y
    if tense == "past":
        return y if this else y - 1
    if tense == "future":
        return y if (month, day) >= (published.month, published.day) else y + 1
    candidates = [date(y - 1, month, 1), date(y, month, 1), date(y + 1, month, 1)]
    pivot = date(published.year, published.month, 1)
    return min(candidates, key=lambda c: abs((c - pivot).days)).year


def _weekday(name: str, published: date, tense: Tense, rel: str) -> date:
    target = WEEKDAYS[name]
    back = (published.weekday() - target) % 7
    if rel == "last":
        return published - timedelta(days=back or 7)
    if rel == "next" or tense == "future":
        ahead = (target - published.weekday()) % 7
        return published + timedelta(days=ahead or (7 if rel == "next" else 0))
    return published - timedelta(days=back)


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _relative(t: str, published: date, tense: Tense, text: str, part: str) -> DateRange | None:
    """Expressions that need the publication date; ``part`` is "early", "end" and the like."""
    if re.fullmatch(r"(?:today|tonight|this (?:morning|afternoon|evening))", t):
        return _day(published, text)
    if t in {"yesterday", "last night"}:
        return _day(published - timedelta(days=1), text)
    if t == "tomorrow":
        return _day(published + timedelta(days=1), text)
    m = re.search(rf"^(?:over |within )?(?:the )?(past |last )?({NUM_RE}) (day|week)s$", t)
    if m:
        # "killed in eight days of bombing": the days up to publication; "will resume in three
        # days": the day it is due.
        n = (_number(m.group(2)) or 1) * (7 if m.group(3) == "week" else 1)
        if tense == "future" and not m.group(1):
            return _day(published + timedelta(days=n), text)
        return DateRange(text, published - timedelta(days=n), published, "week" if n > 1 else "day")
    m = re.search(rf"({NUM_RE})\s+(day|week|month|year)s?\s+ago$", t)
    if m:
        n = _number(m.group(1)) or 1
        unit = m.group(2)
        if unit == "day":
            return _day(published - timedelta(days=n), text)
        if unit == "week":
            return _week(published - timedelta(weeks=n), text)
        if unit == "month":
            y, mo = divmod(published.year * 12 + published.month - 1 - n, 12)
            return _month(y, mo + 1, text)
        return _year(published.year - n, text)
    m = re.search(r"\b(last|this|next|past)\s+(week|month|year)$", t)
    if m:
        rel, unit = m.group(1), m.group(2)
        shift = {"last": -1, "past": -1, "this": 0, "next": 1}[rel]
        if unit == "week":
            return _week(published + timedelta(weeks=shift), text, part)
        if unit == "month":
            y, mo = divmod(published.year * 12 + published.month - 1 + shift, 12)
            r = _month(y, mo + 1, text)
            if part == "earlier" and shift == 0:
                return DateRange(text, r.start, published, "month")
            return r
        r = _year(published.year + shift, text)
        if part == "earlier" and shift == 0:
            return DateRange(text, r.start, published, "year")
        return r
    m = re.search(rf"\b(?:(last|this|next)\s+)?({DAY_RE})\b", t)
    if m:
        return _day(_weekday(m.group(2), published, tense, m.group(1) or ""), text)
    m = re.search(r"\b(?:(last|this|next|the)\s+)?(spring|summer|autumn|fall|winter)$", t)
    if m:
        first, last = SEASONS[m.group(2)]
        rel = m.group(1) or ""
        y = published.year
        started = published.month >= first if first != 12 else published.month in {12, 1, 2}
        if rel == "last" or (tense == "past" and not started and rel != "this"):
            y -= 1
        elif rel == "next" or (tense == "future" and published.month > (last if last > 2 else 14)):
            y += 1
        if first == 12:
            return DateRange(
                text, date(y, 12, 1), date(y + 1, 2, calendar.monthrange(y + 1, 2)[1]), "month"
            )
        end = date(y, last, calendar.monthrange(y, last)[1])
        return DateRange(text, date(y, first, 1), end, "month")
    m = re.search(
        rf"^({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?$|^(\d{{1,2}})(?:st|nd|rd|th)?"
        rf"\s+(?:of\s+)?({MONTH_RE})$",
        t,
    )
    if m:
        month = MONTHS[(m.group(1) or m.group(4)).rstrip(".")]
        day = int(m.group(2) or m.group(3))
        y = _pick_year(month, day, published, tense, "")
        if day <= calendar.monthrange(y, month)[1]:
            return _day(date(y, month, day), text)
    m = re.search(rf"\b(?:(last|this|next)\s+)?({MONTH_RE})$", t)
    if m:
        month = MONTHS[m.group(2).rstrip(".")]
        return _month(_pick_year(month, 1, published, tense, m.group(1) or ""), month, text)
    return None


def _absolute(t: str, text: str) -> DateRange | None:
    """Expressions that carry their year."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        return _day(date(int(m.group(1)), int(m.group(2)), int(m.group(3))), text)
    m = re.search(rf"^({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({YEAR_RE})$", t) or re.search(
        rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_RE}),?\s+({YEAR_RE})$", t
    )
    if m:
        a, b, y = m.groups()
        month_word, day = (a, b) if not a.isdigit() else (b, a)
        month, d, year = MONTHS[month_word.rstrip(".")], int(day), int(y)
        if d <= calendar.monthrange(year, month)[1]:
            return _day(date(year, month, d), text)
        return None
    m = re.search(rf"\b({MONTH_RE}),?\s+(?:of\s+)?({YEAR_RE})$", t)
    if m:
        return _month(int(m.group(2)), MONTHS[m.group(1).rstrip(".")], text)
    m = re.search(rf"\b(?:(spring|summer|autumn|fall|winter)\s+(?:of\s+)?)?({YEAR_RE})$", t)
    if m and (m.group(1) or re.fullmatch(rf"(?:{PART_RE}\s+)?(?:in\s+)?{YEAR_RE}", t)):
        y = int(m.group(2))
        if m.group(1):
            first, last = SEASONS[m.group(1)]
            if first == 12:
                return DateRange(
                    text, date(y, 12, 1), date(y + 1, 2, calendar.monthrange(y + 1, 2)[1]), "month"
                )
            end = date(y, last, calendar.monthrange(y, last)[1])
            return DateRange(text, date(y, first, 1), end, "month")
        return _year(y, text)
    return None


def normalise(text: str) -> str:
    t = " ".join(text.lower().replace("’", "'").split())
    t = re.sub(r"^(?:(?:at|on|in|during|since|by|from|of|for|until)\s+)+", "", t)
    t = re.sub(r"^the\s+(?=(?:last|past|end|beginning|start|middle)\b)", "", t)
    t = re.sub(r"^the\s+(?=\w+\s+of\s+)", "", t)
    t = re.sub(rf"^{DAY_RE},?\s+(?=\d|{MONTH_RE})", "", t)  # "Saturday 31 August 2013"
    t = re.sub(r"\bmid-", "mid ", t)
    t = re.sub(r"\b(?:fiscal|financial|calendar|school|academic)\s+(?=year\b)", "", t)
    t = re.sub(r"\s+of\s+(?=(?:last|this|next|the)\b)", " ", t)
    t = re.sub(r"\bthe\s+year$", "this year", t)
    t = re.sub(r"\bearly\s+last\b|\blate\s+last\b", "last", t)
    t = re.sub(r"\b(?:early|mid|late|earlier|later|end|beginning|start|middle)\s+(?=[a-z])", "", t)
    return t.strip(" ,.")


@lru_cache(maxsize=4096)
def resolve_date(text: str, published: date | str | None, tense: Tense = None) -> DateRange | None:
    """The interval ``text`` names, read against the publication date; None if not a date.

    ``published`` is a date or an ISO date string. Relative expressions with no publication
    date keep their text, with no start or end.
    """
    if isinstance(published, str):
        try:
            published = date.fromisoformat(published[:10])
        except ValueError as exc:
            raise ConfigError(f"published must be a date as YYYY-MM-DD, got {published!r}") from exc
    t = normalise(text)
    if not t:
        return None
    part = _part(" ".join(text.lower().split()))
    found = _absolute(t, text)
    if found is not None:
        return found
    if published is None:
        return DateRange(text, None, None, "unknown") if EXPRESSION.search(text) else None
    return _relative(t, published, tense, text, part) or _dateparser(text, published)


def _dateparser(text: str, published: date) -> DateRange | None:
    """Other spellings of dates (dateparser, period output): numeric dates, and month names with
    numbers; never durations ("30 years"), which it would read as "30 years ago"."""
    if not re.search(rf"\d{{1,4}}[/.\-]\d{{1,2}}|\b{MONTH_RE}\s*\d|\d\s*{MONTH_RE}", text, re.I):
        return None
    parsed = _parser(published).get_date_data(text)
    when: datetime | None = parsed.date_obj
    period = parsed.period
    if when is None:
        return None
    d = when.date()
    if period == "year":
        return _year(d.year, text)
    if period == "month":
        return _month(d.year, d.month, text)
    if period == "week":
        return _week(d, text)
    return _day(d, text)


@lru_cache(maxsize=64)
def _parser(published: date) -> Any:
    import dateparser

    return dateparser.DateDataParser(
        languages=["en"],
        settings={
            "RETURN_TIME_AS_PERIOD": True,
            "PREFER_DAY_OF_MONTH": "first",
            "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        },
    )


def find_expressions(text: str) -> list[tuple[int, int]]:
    """Character spans of the time expressions in ``text`` (numbers that are not years left out)."""
    spans = []
    for m in EXPRESSION.finditer(text):
        if re.fullmatch(rf"{YEAR_RE}", m.group(0)) and NOT_A_YEAR.search(text[: m.start()]):
            continue
        if re.fullmatch(r"may", m.group(0), re.IGNORECASE) and m.group(0) != "May":
            continue
        if (
            re.fullmatch(rf"(?:{MONTH_RE})", m.group(0), re.IGNORECASE)
            and not m.group(0)[0].isupper()
        ):
            continue
        spans.append((m.start(), m.end()))
    return spans
