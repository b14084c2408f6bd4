#!/usr/bin/env python3
"""Benchmark ``actor_resolution``: NGEC's actor-resolution cases against dragoman's actor base.

    python benchmarks/actor_resolution.py             figures (and the tables-only baseline)
    python benchmarks/actor_resolution.py --errors    also every case the base gets wrong

Reads ``../shared/data/ngec-actor-resolution/ngec_actor_resolution_cases.jsonl`` (mention,
optional context and date -> expected country and sector; not redistributable, so it stays in
``../shared``). The cases use PLOVER's codes; dragoman uses CAMEO's, so expectations are
translated before comparing: the UN's ``UNO`` and the EU's ``EUR`` are our ``IGO``; PLOVER's
JRN (journalists) is our MED (media), its MED (medical) our HLH, its PRM (paramilitaries) our
UAF; UNK, JNK and an empty code mean "no sector". ``query_wiki`` cases (Wikipedia titles) are
not about codes and are left out. A case whose mention resolves to nothing has no country and
no sector.

Figures: country accuracy over the cases that expect a country, sector accuracy over those
that expect a sector, both-right over those that expect both, and "nothing" over the cases
that expect no actor at all (nonsense mentions, unknown people with no context).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from dragoman.actors import ActorBase, ActorFile, builtin, table_entries
from dragoman.types import Actor

REPO = Path(__file__).resolve().parents[1]
CASES = (
    REPO.parent / "shared" / "data" / "ngec-actor-resolution" / "ngec_actor_resolution_cases.jsonl"
)
COUNTRY = {"UNO": "IGO", "EUR": "IGO"}
SECTOR = {"JRN": "MED", "MED": "HLH", "PRM": "UAF", "UNK": "", "JNK": "", "NON": ""}
METHODS = {"agent_to_code", "short_text_to_agent", "trf_agent_match"}
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y")

Resolver = Callable[[str, date | None, str | None], Actor | None]


#: When the cases were written. A case dated "Today" (or not at all) expects the world of
#: then: NGEC's code took the day the tests ran, and its own dated cases use this day
#: (``query_date`` 2022-06-01). dragoman's base runs to 2026, so "now" would be another world
#: (Assad, Kenyatta and Morrison out of office).
WRITTEN = date(2022, 6, 1)


def parse_date(text: str) -> date | None:
    text = text.strip()
    if not text or text.lower() == "today":
        return WRITTEN
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text.title(), fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unparsed date {text!r}")


def load_cases(path: Path) -> list[dict]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["method"] in METHODS:
            cases.append(case)
    return cases


def _holds(op: str, want: object, got: str) -> bool:
    if op == "Eq":
        return got == want
    if op == "NotEq":
        return got != want
    if op == "In":
        return got in want  # type: ignore[operator]
    raise ValueError(op)


def _want(field: str, spec: dict) -> tuple[str, object] | None:
    value = spec["value"]
    table = COUNTRY if field == "country" else SECTOR
    if isinstance(value, list):
        return spec["op"], [table.get(v, v) for v in value]
    if value == "????":
        return None
    return spec["op"], table.get(value, value)


def score(cases: list[dict], resolve: Resolver) -> tuple[dict[str, tuple[int, int]], list[str]]:
    tally = {k: [0, 0] for k in ("country", "sector", "both", "nothing")}
    errors = []
    for case in cases:
        args = case["args"] + ["", ""]
        text, context, when = args[0], args[1] or None, parse_date(args[2])
        asked = (case.get("kwargs") or {}).get("query_date")
        if asked:
            when = parse_date(asked)
        actor = resolve(text, when, context)
        got = {
            "country": (actor.country or "") if actor else "",
            "sector": (actor.sector or "") if actor else "",
        }
        expect = case["expect"]
        right: dict[str, bool] = {}
        for field, key in (("country", "country"), ("sector", "code_1")):
            if key in expect and (want := _want(field, expect[key])) is not None:
                right[field] = _holds(want[0], want[1], got[field])
                tally[field][0] += right[field]
                tally[field][1] += 1
        if len(right) == 2:
            tally["both"][0] += all(right.values())
            tally["both"][1] += 1
        if "__self__" in expect:
            ok = actor is None
            tally["nothing"][0] += ok
            tally["nothing"][1] += 1
            right["nothing"] = ok
        if not all(right.values()):
            wanted = {k: v["value"] for k, v in expect.items() if k in {"country", "code_1"}}
            errors.append(
                f"{case['args']!r}: got {got['country'] or '-'} {got['sector'] or '-'}"
                f" ({actor.name if actor else None}); want {wanted or 'nothing'}"
            )
    return {k: (v[0], v[1]) for k, v in tally.items()}, errors


def baseline_resolver() -> Resolver:
    """The tables-only baseline: the same resolver over a base of our country and organization
    tables and the role words alone, without the CAMEO/Phoenix actors or any dated role."""
    tables = ActorBase([ActorFile(entries=table_entries(), agents=builtin()[1].agents)])
    return lambda text, when, context: tables.resolve(text, when, context)


def report(name: str, figures: dict[str, tuple[int, int]]) -> str:
    parts = [f"{k} {r / n:.3f} ({r}/{n})" for k, (r, n) in figures.items() if n]
    return f"{name:10} " + "  ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--errors", action="store_true", help="list the cases the base misses")
    parser.add_argument("--no-baseline", action="store_true", help="skip the table-only figures")
    args = parser.parse_args(argv)
    if not args.cases.is_file():
        print(f"error: {args.cases} not found", file=sys.stderr)
        return 2
    cases = load_cases(args.cases)
    t0 = time.perf_counter()
    base = ActorBase.load()
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    figures, errors = score(cases, lambda t, d, c: base.resolve(t, d, c))
    per_case = (time.perf_counter() - t0) / max(1, len(cases))
    print(
        f"{len(cases)} cases (query_wiki cases left out); base loaded in {load_s:.2f} s, "
        f"{per_case * 1e6:.0f} µs a mention"
    )
    print(report("actorbase", figures))
    if not args.no_baseline:
        print(report("baseline", score(cases, baseline_resolver())[0]))
    if args.errors:
        print("\n".join(["", "misses:", *errors]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
