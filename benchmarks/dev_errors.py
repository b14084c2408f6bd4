#!/usr/bin/env python3
"""Error analysis on the dev gold: every missed core event and every unmatched prediction, by class.

    python benchmarks/dev_errors.py [--shared ../shared] [--show N] [--doc ID]

Ingests ``../shared/gold/dev`` as the quality gate does, then reads the predictions with the
scorer's own matching (``tools/score_events.py``) and sorts the errors into classes:

* a missed core event is ``no trigger`` (no predicted event of an accepted type on its evidence
  sentence), ``actor`` or ``recipient`` (the type is found, an argument does not match), or
  ``factuality`` (found and matched, but given a status the gold does not allow);
* a prediction that matches no gold event is ``wrong type`` (a gold event is on its sentence,
  of another type), ``extra`` (its sentence holds a gold event of its type that another
  prediction already stands for), ``negation`` (a non-event told as one), or ``non-event`` (no
  gold event on its sentence).

It prints the counts per class and ``--show`` examples of each. The dev gold is for finding
error classes, not for fitting sentences: a fix must name a class, not a sentence.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

import dragoman

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "score_events", shared / "tools" / "score_events.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predictions(shared: Path) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "dev.db"
        dragoman.ingest(shared / "gold" / "dev" / "articles.jsonl", db=db)
        out = io.StringIO()
        dragoman.export(out, db=db, format="jsonl")
    return [json.loads(line) for line in out.getvalue().splitlines()]


def names(entities: list[dict[str, Any]]) -> str:
    return ", ".join(
        f"{e['name']} [{e.get('country') or '?'} {e.get('sector') or '?'}]" for e in entities
    )


def analyse(shared: Path, doc: str | None) -> tuple[Counter[str], dict[str, list[str]]]:
    sc = scorer(shared)
    gold = sc.load_gold(shared / "gold" / "dev")
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in predictions(shared):
        by_doc[p["article_id"]].append(p)
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for doc_id, g in gold.items():
        if doc and doc_id != doc:
            continue
        actors, events = g["actors"], g["events"]
        preds = by_doc.get(doc_id, [])
        full = {
            id(p): [e for e in events if sc.trigger_match(p, e) and sc.args_match(p, e, actors)]
            for p in preds
        }
        for e in events:
            if not e["core"] or any(e in full[id(p)] for p in preds):
                continue
            typed = [p for p in preds if sc.trigger_match(p, e)]
            if not typed:
                same = [p for p in preds if sc.evidence_ok(p, e["evidence"])]
                cls = "missed: no trigger"
                got = "; ".join(f"{p['type']} {p['trigger']['text']}" for p in same) or "nothing"
            else:
                p = typed[0]
                pa = sc.as_list(p.get("actor"))
                if e["actor"] and not sc.matched_keys(pa, e["actor"], actors):
                    cls = "missed: actor"
                else:
                    cls = "missed: recipient"
                got = f"{p['type']} actor {names(p['actor'])} / recipient {names(p['recipient'])}"
            counts[cls] += 1
            want = f"{'/'.join(e['type'])} actor {e['actor']} recipient {e['recipient']}"
            examples[cls].append(
                f"{doc_id}: {e['evidence'][0][:110]!r}\n      want {want}\n      got  {got}"
            )
        for p in preds:
            if full[id(p)]:
                continue
            neg = [
                n
                for n in g.get("negatives", [])
                if p["type"] in n["type"] and sc.evidence_ok(p, [n["evidence"]])
            ]
            here = [e for e in events if sc.evidence_ok(p, e["evidence"])]
            if neg:
                cls = (
                    "wrong: negation"
                    if p["factuality"] not in neg[0]["allowed_factuality"]
                    else "neutral: flagged"
                )
            elif not here:
                cls = "wrong: non-event"
            elif not any(p["type"] in e["type"] for e in here):
                cls = "wrong: type"
            else:
                cls = "wrong: arguments or extra"
            counts[cls] += 1
            said = f"{p['type']} {p['trigger']['text']!r} ({p['factuality']})"
            examples[cls].append(
                f"{doc_id}: {said} in {p['evidence']['sentence'][:100]!r}\n"
                f"      actor {names(p['actor'])} / recipient {names(p['recipient'])}"
            )
    return counts, examples


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--show", type=int, default=5, help="examples per class")
    ap.add_argument("--doc", help="one gold document")
    args = ap.parse_args(argv)
    counts, examples = analyse(args.shared, args.doc)
    for cls, n in sorted(counts.items()):
        print(f"{cls:28} {n}")
    for cls in sorted(examples):
        print(f"\n== {cls}")
        for line in examples[cls][: args.show]:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
