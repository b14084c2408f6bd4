"""Time expression benchmark: DATE value accuracy on TE3-Platinum, given the document date.

    python benchmarks/timex.py [--limit N] [--show-errors]

Reads ``../shared/data/tempeval3/Evaluation/te3-platinum`` (evaluation data, never copied into
the repository). Every DATE expression whose gold value is a day, an ISO week, a month or a
year (2013-03-22, 2013-W11, 2012-07, 2009) is resolved from its gold span against the
document creation time; it counts when the resolved range equals the gold value's range
exactly. The tense comes from the verb the expression hangs on (spaCy's parse). Beside our
figure, dateparser's period output alone (``RETURN_TIME_AS_PERIOD``, ``PREFER_DAY_OF_MONTH``
first, the creation time as ``RELATIVE_BASE``) on the same spans.
"""

from __future__ import annotations

import argparse
import calendar
import re
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from dragoman.dates import resolve_date, tense_of
from dragoman.nlp import doc_to_parts, load_model
from dragoman.settings import Settings

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "tempeval3"
VALUE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?")


@dataclass(frozen=True)
class Timex:
    text: str
    start: int
    value: str


def value_range(value: str) -> tuple[date, date]:
    m = VALUE.fullmatch(value)
    if m is None:
        raise ValueError(value)
    y = int(m.group(1))
    if m.group(4):
        monday = date.fromisocalendar(y, int(m.group(4)), 1)
        return monday, monday + timedelta(days=6)
    if m.group(3):
        d = date(y, int(m.group(2)), int(m.group(3)))
        return d, d
    if m.group(2):
        mo = int(m.group(2))
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    return date(y, 1, 1), date(y, 12, 31)


def read_tml(path: Path) -> tuple[date, str, list[Timex]]:
    """The creation date, the plain text of <TEXT> and its DATE timexes with offsets."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="([\d-]+)"', raw) or re.search(
        r'value="([\d-]+)"[^>]*functionInDocument="CREATION_TIME"', raw
    )
    if dct is None:
        raise ValueError(f"{path}: no creation time")
    body = raw[raw.index("<TEXT>") + 6 : raw.index("</TEXT>")]
    text_parts: list[str] = []
    timexes: list[Timex] = []
    pos = 0
    for m in re.finditer(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>|<[^>]+>", body, re.S):
        text_parts.append(body[pos : m.start()])
        if m.group(1) is not None:
            attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
            inner = re.sub(r"<[^>]+>", "", m.group(2))
            offset = sum(len(p) for p in text_parts)
            if attrs.get("type") == "DATE" and VALUE.fullmatch(attrs.get("value", "")):
                timexes.append(Timex(inner, offset, attrs["value"]))
            text_parts.append(inner)
        pos = m.end()
    text_parts.append(body[pos:])
    return date.fromisoformat(dct.group(1)[:10]), "".join(text_parts), timexes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="documents")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args(argv)
    folder = args.data / "Evaluation" / "te3-platinum"
    if not folder.is_dir():
        print(f"no TE3-Platinum folder at {folder}", file=sys.stderr)
        return 2
    import dateparser

    nlp = load_model(Settings().model)
    ours = base = n = 0
    for path in sorted(folder.glob("*.tml"))[: args.limit]:
        dct, text, timexes = read_tml(path)
        tokens, _, _ = doc_to_parts(nlp(text))
        parser = dateparser.DateDataParser(
            languages=["en"],
            settings={
                "RETURN_TIME_AS_PERIOD": True,
                "PREFER_DAY_OF_MONTH": "first",
                "RELATIVE_BASE": datetime(dct.year, dct.month, dct.day),
            },
        )
        for tx in timexes:
            n += 1
            gold = value_range(tx.value)
            at = next((t for t in tokens if t.idx <= tx.start < t.end), None)
            verb = at
            while verb is not None and verb.pos not in {"VERB", "AUX"} and verb.head != verb.i:
                verb = tokens[verb.head]
            got = resolve_date(tx.text, dct, tense_of(tokens, verb))
            ok = got is not None and (got.start, got.end) == gold
            ours += ok
            data = parser.get_date_data(tx.text)
            if data.date_obj is not None:
                d = data.date_obj.date()
                period = {"year": str(d.year), "month": f"{d.year}-{d.month:02d}"}.get(
                    data.period or "day", d.isoformat()
                )
                if data.period == "week":
                    period = f"{d.isocalendar().year}-W{d.isocalendar().week:02d}"
                base += value_range(period) == gold
            if args.show_errors and not ok:
                print(f"  {path.name}: {tx.text!r} gold {tx.value} got {got}")
    print(
        f"TE3-Platinum DATE values: {n}  ours {ours / n:.3f} ({ours}/{n})  "
        f"dateparser period output {base / n:.3f} ({base}/{n})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
