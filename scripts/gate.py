#!/usr/bin/env python3
"""The quality gate: dragoman's figures on the dev gold and the extraction suite against the pinned
baseline.

    python scripts/gate.py                  measure and check (exit 1 when a figure is off)
    python scripts/gate.py --update         measure and pin the figures in the baseline
    python scripts/gate.py --update --allow-lower   ... even where a floor drops or a ceiling rises

The baseline (tests/quality_baseline.json) holds ``floors`` (figures that must not drop, such
as core_recall_full or wikievents.recall) and ``ceilings`` (counts that must not rise, such as
negation_errors or petrarch.unit_extra). The dev gold's figures are score_events.py's; the
others (``corpus.figure``) are benchmarks/extraction_suite.py's on the test splits, so that a
change that raises the dev gold and lowers the suite fails too.
Raising a floor or lowering a ceiling is always allowed; the other way needs ``--allow-lower``,
so that a regression is never pinned by accident. tests/test_quality_gate.py runs the same check.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BASELINE = REPO / "tests" / "quality_baseline.json"
SHARED = REPO.parent / "shared"

Figures = dict[str, Any]


class LowerError(ValueError):
    """An update would lower a floor or raise a ceiling without ``allow_lower``."""


def measure(shared: Path, workdir: Path, suite: bool = True) -> Figures:
    """The dev gold's figures (and, with ``suite``, the extraction suite's, as corpus.figure)."""
    figures = measure_dev(shared, workdir)
    if suite:
        figures.update(measure_suite(shared))
    return figures


def measure_suite(shared: Path) -> Figures:
    """benchmarks/extraction_suite.py on every corpus but the dev gold, flattened."""
    path = REPO / "benchmarks" / "extraction_suite.py"
    spec = importlib.util.spec_from_file_location("extraction_suite", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    others = [name for name in module.SUITE if name != "dev"]
    flat: Figures = module.flat(module.measure(shared, others))
    return flat


def measure_dev(shared: Path, workdir: Path, settings: Any = None) -> Figures:
    """Ingest the dev gold's articles, export, and score: the scorer's summary figures."""
    import dragoman

    db, events, articles = workdir / "gate.db", workdir / "ev.jsonl", workdir / "art.jsonl"
    dragoman.ingest(shared / "gold" / "dev" / "articles.jsonl", db=db, settings=settings)
    with events.open("w", encoding="utf-8") as out:
        dragoman.export(out, db=db, format="jsonl")
    with articles.open("w", encoding="utf-8") as out:
        dragoman.export(out, db=db, articles=True)
    scorer = [
        sys.executable,
        str(shared / "tools" / "score_events.py"),
        "--gold",
        str(shared / "gold" / "dev"),
        "--pred",
        str(events),
        "--articles",
        str(articles),
        "--json",
    ]
    done = subprocess.run(scorer, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"score_events.py exited {done.returncode}: {done.stderr.strip()}")
    summary: Figures = json.loads(done.stdout)["summary"]
    return summary


def check(baseline: Figures, measured: Figures) -> list[str]:
    """Every figure that breaks its floor or ceiling (a missing figure breaks it too)."""
    failed = []
    for name, floor in baseline.get("floors", {}).items():
        got = measured.get(name)
        if got is None or got < floor:
            failed.append(f"{name} = {got}, below its floor {floor}")
    for name, ceiling in baseline.get("ceilings", {}).items():
        got = measured.get(name)
        if got is None or got > ceiling:
            failed.append(f"{name} = {got}, above its ceiling {ceiling}")
    return failed


def update(
    baseline: Figures, measured: Figures, allow_lower: bool = False
) -> tuple[Figures, list[str]]:
    """The baseline with every pinned figure set to its measured value, and what changed.

    Raises :class:`LowerError` when a floor would drop or a ceiling rise, unless
    ``allow_lower``; a figure the scorer did not give is left as it is.
    """
    new = {
        **baseline,
        "floors": dict(baseline.get("floors", {})),
        "ceilings": dict(baseline.get("ceilings", {})),
    }
    changes, worse = [], []
    for kind, sign in (("floors", 1), ("ceilings", -1)):
        for name, old in new[kind].items():
            got = measured.get(name)
            if got is None or got == old:
                continue
            new[kind][name] = got
            changes.append(f"{kind[:-1]} {name}: {old} -> {got}")
            if (got - old) * sign < 0:
                worse.append(changes[-1])
    if worse and not allow_lower:
        raise LowerError(
            "refusing to loosen the gate (" + "; ".join(worse) + "); pass --allow-lower "
            "if this is meant"
        )
    return new, changes


def load(path: Path) -> Figures:
    baseline: Figures = json.loads(path.read_text(encoding="utf-8"))
    return baseline


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--update", action="store_true", help="pin the measured figures")
    ap.add_argument(
        "--allow-lower", action="store_true", help="with --update: let floors drop, ceilings rise"
    )
    ap.add_argument("--baseline", type=Path, default=BASELINE)
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (../shared)")
    args = ap.parse_args(argv)
    if not (args.shared / "gold" / "dev").is_dir():
        print(f"gate: no gold data at {args.shared / 'gold' / 'dev'}", file=sys.stderr)
        return 2
    baseline = load(args.baseline)
    with tempfile.TemporaryDirectory() as tmp:
        measured = measure(args.shared, Path(tmp))
    for name in [*baseline.get("floors", {}), *baseline.get("ceilings", {})]:
        print(f"{name:22} {measured.get(name)}")
    if not args.update:
        failed = check(baseline, measured)
        for line in failed:
            print("gate:", line, file=sys.stderr)
        return 1 if failed else 0
    try:
        new, changes = update(baseline, measured, args.allow_lower)
    except LowerError as exc:
        print(f"gate: {exc}", file=sys.stderr)
        return 1
    for line in changes or ["nothing changed"]:
        print("gate:", line)
    if changes:
        args.baseline.write_text(json.dumps(new, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
