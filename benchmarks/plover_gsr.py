"""Benchmark: PLOVER's gold-standard sentences, each run as an article.

Prints event-type accuracy and actor / recipient country accuracy. The gold file uses the
older PLOVER labels; they are remapped as the issue says (DEMAND -> REQUEST,
DISAPPROVE / INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT).

A sentence's predicted event is the one whose trigger word the gold marks as the event text
(``EVT:`` in the markup), else the first event found; a sentence with no event counts as wrong.

    python benchmarks/plover_gsr.py [--shared ../shared] [--errors]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from dragoman import Article, Settings, standard_pipeline
from dragoman.types import Event

REMAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
GSR = "data/plover-gsr/gold_standard_records/PLOVER_GSR_CAMEO.txt"


def gold_records(shared: Path) -> list[dict]:
    records = json.loads((shared / GSR).read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") != "DOCUMENT" and r.get("text")]


def event_words(record: dict) -> set[str]:
    info = record.get("textInfo")
    markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
    words = re.findall(r"\(EVT:\s*([^)]*)\)", markup)
    return {w.lower() for phrase in words for w in phrase.split()}


def codes(actors: list[dict] | None) -> set[str]:
    if not isinstance(actors, list):
        return set()
    return {str(a["code"]).upper() for a in actors if isinstance(a, dict) and a.get("code")}


def predicted_codes(actors: tuple) -> set[str]:
    """The gold's ``code`` is a country, or for bodies without one their kind (IGO, NGO)."""
    out = set()
    for a in actors:
        if a.country:
            out.add(a.country)
        if a.sector in {"IGO", "NGO"} and a.country in {None, "IGO"}:
            out.add(a.sector)
    return out


def primary(events: list[Event], words: set[str]) -> Event | None:
    for e in events:
        if e.trigger.lower() in words:
            return e
    return events[0] if events else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--errors", action="store_true", help="print the sentences typed wrong")
    a = ap.parse_args(argv)
    if not (a.shared / GSR).exists():
        print(f"plover_gsr: {a.shared / GSR} not found", file=sys.stderr)
        return 2
    records = gold_records(a.shared)
    articles = [Article(article_id=r["id"], text=r["text"]) for r in records]
    pipe = standard_pipeline(Settings())
    by_id = {art.article_id: list(art.events) for art in pipe.run(articles)}

    n = typed = found = any_typed = 0
    actor_n = actor_ok = recip_n = recip_ok = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for r in records:
        gold_type = REMAP.get(r["event"], r["event"])
        events = by_id.get(r["id"], [])
        event = primary(events, event_words(r))
        n += 1
        found += event is not None
        any_typed += any(e.type == gold_type for e in events)
        got = event.type if event else "-"
        typed += got == gold_type
        if got != gold_type:
            confusion[(gold_type, got)] += 1
            if a.errors:
                print(f"{gold_type:9} got {got:9} | {r['text']}")
        gold_src, gold_tgt = codes(r.get("source")), codes(r.get("target"))
        if gold_src:
            actor_n += 1
            actor_ok += bool(event and predicted_codes(event.actor) & gold_src)
        if gold_tgt:
            recip_n += 1
            recip_ok += bool(event and predicted_codes(event.recipient) & gold_tgt)

    print(f"sentences                 {n}")
    print(f"with an event             {found / n:.3f}")
    print(f"event-type accuracy       {typed / n:.3f}")
    print(f"type among any event      {any_typed / n:.3f}")
    print(f"actor country accuracy    {actor_ok / actor_n:.3f}  ({actor_n} with a gold source)")
    print(f"recipient country acc.    {recip_ok / recip_n:.3f}  ({recip_n} with a gold target)")
    print("most frequent confusions (gold -> got):")
    for (g, p), k in confusion.most_common(10):
        print(f"  {g:9} -> {p:9} {k}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
