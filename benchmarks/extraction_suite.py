#!/usr/bin/env python3
"""Benchmark: the broad extraction suite, every corpus in one run and one table.

    python benchmarks/extraction_suite.py [--shared ../shared] [--json] [--only NAME ...]

What is measured, on text the code was not built on wherever there is a test split:

* ``dev``: the 17 dev gold articles (``../shared/gold/dev``), through ingest, export and
  ``tools/score_events.py``: full-match core recall and precision, F1, negation errors,
  duplicates, actor country and sector accuracy;
* ``gsr``: PLOVER's 322 coded sentences (``benchmarks/plover_gsr.py``): event-type accuracy,
  actor and recipient country accuracy;
* ``petrarch``: PETRARCH2's own validation records (``cameo-petrarch/
  petrarch2_reference_run.jsonl``), from raw text: the share of each record's gold PLOVER types
  that dragoman finds, and how many other types it codes, per file, beside PETRARCH2's own
  figures on the same records and measure (0.60 of 195 and 0.77 of 61);
* ``wikievents`` and ``rams``: the test splits through ``tools/score_external.py`` (recall,
  actor and recipient right; for WikiEvents a lower bound on precision);
* ``ngec``: NGEC's 500-document VOA holdout, positive judgements only (1,071 verbatim quotes,
  each labelled with one PLOVER type): the share of quotes in which the labelled type is found,
  and how many other types are found per quote. Quotes are fragments cut by an LLM; no
  arguments are scored;
* ``actors``: NGEC's actor-resolution cases (``benchmarks/actor_resolution.py``): the share of
  mentions given the expected country and sector.

Every corpus goes through the standard pipeline with the default settings (``--no-detector``: the
trigger rules alone, without the learned event-type detector); nothing here is tuned on. Speed
is not measured here (``benchmarks/throughput.py``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

from dragoman import Article, Settings, resolve_actor, standard_pipeline
from dragoman.records import article_record, event_record
from dragoman.types import Event

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
PETRARCH = "data/cameo-petrarch/petrarch2_reference_run.jsonl"
#: PETRARCH2's own figures on its validation files (the reference run's SOURCE.md).
PETRARCH2 = {"PETR.UnitTest.records.xml": 0.60, "PETR2_GSR_validation.xml": 0.77}
NGEC = "data/ngec-plover-llm-labels/holdout"
ACTOR_CASES = "data/ngec-actor-resolution/ngec_actor_resolution_cases.jsonl"

Figures = dict[str, Any]


def load_module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: The settings every corpus runs with (``main`` sets them from its flags).
SETTINGS = Settings()


def run(articles: Iterable[Article]) -> dict[str, list[Event]]:
    """The events of each article, by article id."""
    pipe = standard_pipeline(SETTINGS)
    return {a.article_id: list(a.events) for a in pipe.run(articles)}


# -- the corpora ------------------------------------------------------------------------------


def dev(shared: Path) -> Figures:
    gate = load_module(REPO / "scripts" / "gate.py", "gate")
    with tempfile.TemporaryDirectory() as tmp:
        got = gate.measure_dev(shared, Path(tmp), SETTINGS)
    keys = (
        "core_recall_full precision_full f1 negation_errors duplicates actor_country_acc "
        "actor_sector_acc"
    ).split()
    return {k: got[k] for k in keys}


def gsr(shared: Path) -> Figures:
    bench = load_module(HERE / "plover_gsr.py", "plover_gsr")
    records = bench.gold_records(shared)
    by_id = run(Article(article_id=r["id"], text=r["text"]) for r in records)
    typed = actor_ok = actor_n = recip_ok = recip_n = 0
    for r in records:
        gold_type = bench.REMAP.get(r["event"], r["event"])
        event = bench.primary(by_id.get(r["id"], []), bench.event_words(r))
        typed += event is not None and event.type == gold_type
        src, tgt = bench.codes(r.get("source")), bench.codes(r.get("target"))
        if src:
            actor_n += 1
            actor_ok += bool(event and bench.predicted_codes(event.actor) & src)
        if tgt:
            recip_n += 1
            recip_ok += bool(event and bench.predicted_codes(event.recipient) & tgt)
    return {
        "type_acc": ratio(typed, len(records)),
        "actor_country_acc": ratio(actor_ok, actor_n),
        "recipient_country_acc": ratio(recip_ok, recip_n),
    }


def petrarch(shared: Path) -> Figures:
    records = [
        json.loads(line)
        for line in (shared / PETRARCH).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    by_id = run(
        Article(article_id=f"petr-{n}", text=r["text"])
        for n, r in enumerate(records)
        if r.get("text")
    )
    out: Figures = {}
    for file, theirs in PETRARCH2.items():
        gold_n = found = extra = 0
        for n, r in enumerate(records):
            if r["file"] != file:
                continue
            gold = {g["plover"] for g in r.get("gold") or () if g.get("plover")}
            got = {e.type for e in by_id.get(f"petr-{n}", [])}
            gold_n += len(gold)
            found += len(gold & got)
            extra += len(got - gold)
        key = "unit" if file.startswith("PETR.Unit") else "gsr"
        out[f"{key}_found"] = ratio(found, gold_n)
        out[f"{key}_gold"] = gold_n
        out[f"{key}_extra"] = extra
        out[f"{key}_petrarch2"] = theirs
    return out


def external(shared: Path, name: str) -> Figures:
    """WikiEvents or RAMS test through the corpus scorer's own command line (records, score)."""
    scorer = shared / "tools" / "score_external.py"
    records = [
        json.loads(line)
        for line in tool(scorer, "records", "--set", name, "--split", "test").splitlines()
        if line.strip()
    ]
    articles = [Article(article_id=r["id"], text=r["text"]) for r in records]
    by_id = run(articles)
    with tempfile.TemporaryDirectory() as tmp:
        pred, arts = Path(tmp) / "pred.jsonl", Path(tmp) / "art.jsonl"
        write_jsonl(pred, (event_record(e) for events in by_id.values() for e in events))
        write_jsonl(arts, (article_record(a) for a in articles))
        args = ("score", "--set", name, "--split", "test", "--pred", str(pred))
        got = json.loads(tool(scorer, *args, "--articles", str(arts), "--json"))
    keys = ["recall", "actor_acc", "recipient_acc"]
    if name == "wikievents":
        keys.append("precision_lower_bound")
    return {k: got[k] for k in keys}


def tool(script: Path, *args: str) -> str:
    """What one of ../shared/tools prints; it fails loudly."""
    done = subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{script.name} {args[0]} exited {done.returncode}: {done.stderr}")
    return done.stdout


def ngec(shared: Path) -> Figures:
    folder = shared / NGEC
    types = {}
    for line in (folder / "holdout_verify_batch_event_types.tsv").read_text().splitlines()[1:]:
        batch, event_type, *_ = line.split("\t")
        types[batch] = event_type
    quotes: list[tuple[str, str]] = []
    for path in sorted((folder / "holdout_verify").glob("hverify_*.json")):
        for judgement in json.loads(path.read_text(encoding="utf-8")):
            if judgement.get("label") == 1 and judgement.get("quote"):
                quotes.append((judgement["quote"], types[path.stem]))
    by_id = run(Article(article_id=f"q{n}", text=q) for n, (q, _t) in enumerate(quotes))
    found = extra = 0
    by_type: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for n, (_q, event_type) in enumerate(quotes):
        got = {e.type for e in by_id.get(f"q{n}", [])}
        by_type[event_type] += 1
        hits[event_type] += event_type in got
        found += event_type in got
        extra += len(got - {event_type})
    out: Figures = {"type_recall": ratio(found, len(quotes)), "quotes": len(quotes)}
    out["extra_per_quote"] = ratio(extra, len(quotes))
    out["by_type"] = {t: ratio(hits[t], n) for t, n in sorted(by_type.items())}
    return out


def actors(shared: Path) -> Figures:
    """NGEC's actor-resolution cases (``benchmarks/actor_resolution.py``): country and sector."""
    module = load_module(HERE / "actor_resolution.py", "actor_resolution")
    cases = module.load_cases(shared / ACTOR_CASES)
    tally, _errors = module.score(cases, resolve_actor)
    return {
        "country_acc": ratio(*tally["country"]),
        "sector_acc": ratio(*tally["sector"]),
        "cases": len(cases),
    }


SUITE: dict[str, Callable[[Path], Figures]] = {
    "dev": dev,
    "gsr": gsr,
    "petrarch": petrarch,
    "wikievents": lambda shared: external(shared, "wikievents"),
    "rams": lambda shared: external(shared, "rams"),
    "ngec": ngec,
    "actors": actors,
}


# -- running and printing --------------------------------------------------------------------


def ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


def measure(shared: Path, only: Iterable[str] = ()) -> dict[str, Figures]:
    """Every corpus's figures (or those named in ``only``), with the seconds each took."""
    out: dict[str, Figures] = {}
    for name, fn in SUITE.items():
        if only and name not in only:
            continue
        began = time.perf_counter()
        out[name] = fn(shared)
        out[name]["seconds"] = round(time.perf_counter() - began, 1)
    return out


def flat(results: dict[str, Figures]) -> dict[str, Any]:
    """``corpus.figure`` -> value, the shape the quality gate pins."""
    return {
        f"{name}.{key}": value
        for name, figures in results.items()
        for key, value in figures.items()
        if isinstance(value, int | float) and key != "seconds"
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--only", nargs="*", choices=sorted(SUITE), default=[])
    ap.add_argument(
        "--no-detector", action="store_true", help="the trigger rules alone, without the detector"
    )
    args = ap.parse_args(argv)
    global SETTINGS
    SETTINGS = Settings(detector=not args.no_detector)
    if not (args.shared / "gold" / "dev").is_dir():
        print(f"extraction_suite: no shared data at {args.shared}", file=sys.stderr)
        return 2
    results = measure(args.shared, args.only)
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    for name, figures in results.items():
        cells = [f"{k} {v}" for k, v in figures.items() if k not in {"by_type", "seconds"}]
        print(f"{name:11} " + "  ".join(cells) + f"  ({figures['seconds']} s)")
        if "by_type" in figures:
            print(" " * 12 + "  ".join(f"{t} {v}" for t, v in figures["by_type"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
