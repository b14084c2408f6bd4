"""Factuality benchmark: our factuality against MEANTIME's certainty, polarity and time.

    python benchmarks/factuality.py [--limit N] [--show N]

Reads ``../shared/data/meantime/intra_cross-doc_annotation`` (120 English Wikinews articles,
CC BY 4.0; never copied into the repository). Each document's tokens are joined back into
text (title, date line, then the body as one paragraph; ``` `` ``` and ``''`` become curly
quotes), keeping every token's character offsets.

Two measures:

1. **events**: dragoman's full pipeline (``standard_pipeline(Settings())``) runs over every
   article; an event whose trigger's first character falls inside a gold EVENT_MENTION's
   tokens is aligned to it, and its ``claim.factuality`` is compared with the gold.
2. **all mentions**: :meth:`dragoman.claims.FactualityReader.factuality` is asked directly about
   the token at the start of every gold EVENT_MENTION (its first anchor token), ``sourced``
   from :func:`dragoman.attribution.attribution_for`. This measures the factuality rules
   independently of our PLOVER trigger lexicon (the topics are business news: Airbus, Apple,
   GM, stocks), on mentions of any kind.

The mapping, gold to class (mentions whose certainty or polarity is UNDERSPECIFIED or missing
are left out and counted):

=============================================  ===========  ===============================
MEANTIME                                       class        dragoman factualities in it
=============================================  ===========  ===============================
polarity NEG (any certainty)                   negated      negated, denied
certainty POSSIBLE or PROBABLE, polarity POS   uncertain    hypothetical, alleged
certainty CERTAIN, polarity POS, time FUTURE   future       future
certainty CERTAIN, polarity POS, NON_FUTURE    certain      asserted, reported, historical
=============================================  ===========  ===============================

Agreement is the share of aligned mentions whose predicted class equals the gold class (with
Cohen's kappa, since most mentions are certain); the confusion table shows gold classes in
rows and ours in columns. MEANTIME marks as FUTURE what has not happened at the time of
writing, including what a modal makes uncertain ("could rise" is POSSIBLE + FUTURE): an
uncertain certainty wins over the time, as above.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from dragoman import Settings, standard_pipeline
from dragoman.claims import FactualityReader, attribution_for, find_attributions
from dragoman.nlp import Tree
from dragoman.types import Article

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "meantime"
CLASSES = ("certain", "negated", "uncertain", "future")
CLASS_OF = {
    "asserted": "certain",
    "reported": "certain",
    "historical": "certain",
    "negated": "negated",
    "denied": "negated",
    "hypothetical": "uncertain",
    "alleged": "uncertain",
    "future": "future",
}
NO_SPACE_BEFORE = frozenset(
    ", . ; : ! ? ) ] } % 's ' n't 're 've 'll 'd 'm ” ...".split() + ["'s", "’"]
)
NO_SPACE_AFTER = frozenset("( [ { $ “ # £ €".split())


@dataclass(frozen=True)
class Mention:
    start: int  # character offsets of the mention's tokens in the rebuilt text
    end: int
    first: int  # character offset of its first anchor token
    pred: str
    gold: str | None  # the gold class, None when underspecified


def gold_class(attrs: dict[str, str]) -> str | None:
    certainty, polarity, when = (attrs.get(k, "") for k in ("certainty", "polarity", "time"))
    if polarity == "NEG":
        return "negated"
    if polarity != "POS":
        return None
    if certainty in {"POSSIBLE", "PROBABLE"}:
        return "uncertain"
    if certainty != "CERTAIN":
        return None
    if when == "FUTURE":
        return "future"
    return "certain" if when == "NON_FUTURE" else None


def rebuild(tokens: list[tuple[str, int, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Text from (t_id, sentence, word) tokens, and each token's character span in it."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos = 0
    last_sentence = -1
    straight_open = False
    previous = ""
    for tid, sentence, word in tokens:
        word = {"``": "“", "''": "”"}.get(word, word)
        if word == '"':
            straight_open = not straight_open
        quote_joins = word == '"' and not straight_open or previous == '"' and straight_open
        if sentence != last_sentence and parts:
            sep = "\n\n" if sentence <= 2 else " "
        elif not parts or word in NO_SPACE_BEFORE or previous in NO_SPACE_AFTER or quote_joins:
            sep = ""
        else:
            sep = " "
        parts.append(sep)
        pos += len(sep)
        spans[tid] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        last_sentence, previous = sentence, word
    return "".join(parts), spans


def read_doc(path: Path) -> tuple[Article, list[tuple[int, int, int, str | None, str]]]:
    """The article, and its event mentions as (start, end, first, gold class, pred)."""
    root = ET.parse(path).getroot()
    tokens = [
        (t.get("t_id", ""), int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")
    ]
    text, spans = rebuild(tokens)
    dateline = " ".join(w for _, s, w in tokens if s == 1)
    published: date | None
    try:
        published = datetime.strptime(re.sub(r" ,", ",", dateline), "%B %d, %Y").date()
    except ValueError:
        published = None
    mentions = []
    for m in root.iter("EVENT_MENTION"):
        anchors = [spans[a.get("t_id", "")] for a in m.iter("token_anchor")]
        if anchors:
            first = anchors[0][0]
            start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
            mentions.append((start, end, first, gold_class(m.attrib), m.get("pred", "")))
    article = Article(article_id=root.get("doc_name", path.stem), text=text, published=published)
    return article, mentions


def documents(data: Path, limit: int | None) -> list[Path]:
    folder = data / "intra_cross-doc_annotation"
    if not folder.is_dir():
        raise SystemExit(f"MEANTIME not found: {folder} (../shared/data/meantime)")
    return sorted(folder.glob("*/*.xml"))[:limit]


class Table:
    """Agreement and a confusion table of gold classes against ours."""

    def __init__(self) -> None:
        self.pairs: Counter[tuple[str, str]] = Counter()
        self.skipped = 0
        self.factualities: Counter[str] = Counter()
        self.examples: list[tuple[str, str, str, str]] = []

    def add(self, gold: str | None, factuality: str, where: str, word: str) -> None:
        if gold is None:
            self.skipped += 1
            return
        ours = CLASS_OF[factuality]
        self.pairs[gold, ours] += 1
        self.factualities[factuality] += 1
        if gold != ours:
            self.examples.append((gold, factuality, word, where))

    def kappa(self) -> float:
        """Cohen's kappa: agreement beyond what the two class distributions give by chance."""
        n = sum(self.pairs.values())
        if not n:
            return 0.0
        observed = sum(self.pairs[c, c] for c in CLASSES) / n
        chance = sum(
            sum(self.pairs[c, o] for o in CLASSES) * sum(self.pairs[g, c] for g in CLASSES)
            for c in CLASSES
        ) / (n * n)
        return (observed - chance) / (1 - chance) if chance < 1 else 0.0

    def print(self, title: str, show: int) -> None:
        n = sum(self.pairs.values())
        agree = sum(v for (g, o), v in self.pairs.items() if g == o)
        print(f"\n{title}: {n} aligned mentions ({self.skipped} underspecified left out)")
        print(f"agreement {agree / n if n else 0.0:.3f} ({agree}/{n})")
        base = sum(v for (g, _), v in self.pairs.items() if g == "certain")
        print(
            f"(all 'certain' would agree on {base / n if n else 0.0:.3f}; kappa {self.kappa():.3f})"
        )
        print(f"{'gold/ours':12}" + "".join(f"{c:>10}" for c in CLASSES) + f"{'recall':>9}")
        for g in CLASSES:
            row = [self.pairs[g, o] for o in CLASSES]
            total = sum(row)
            recall = f"{self.pairs[g, g] / total:.2f}" if total else "-"
            print(f"{g:12}" + "".join(f"{v:10d}" for v in row) + f"{recall:>9}")
        print("our factualities:", dict(self.factualities.most_common()))
        for gold, factuality, word, where in self.examples[:show]:
            print(f"  gold {gold:9} ours {factuality:12} {word!r:16} {where}")


def run(paths: list[Path], show: int) -> tuple[Table, Table]:
    events, mentions = Table(), Table()
    docs = [read_doc(p) for p in paths]
    pipeline = standard_pipeline(Settings())
    outputs: Iterator[Article] = pipeline.run(a for a, _ in docs)
    for article, (_, gold) in zip(outputs, docs, strict=True):
        found = find_attributions(article)
        reader = FactualityReader(Tree(article.tokens))
        by_char = {t.idx: t for t in article.tokens}
        for e in article.events:
            hit = next((m for m in gold if m[0] <= e.trigger_start < m[1]), None)
            if hit is not None:
                events.add(hit[3], e.claim.factuality, article.article_id, e.trigger)
        for _start, _end, first, gold_cls, pred in gold:
            word = by_char.get(first)
            if word is None:
                mentions.skipped += 1
                continue
            sourced = bool(attribution_for(article, word.i, found))
            factuality, _ = reader.factuality(word, sourced)
            mentions.add(gold_cls, factuality, article.article_id, pred or word.text)
    return events, mentions


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA, help="MEANTIME's folder")
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument("--show", type=int, default=0, help="print N disagreements per measure")
    args = ap.parse_args(argv)
    paths = documents(args.data, args.limit)
    started = time.perf_counter()
    events, mentions = run(paths, args.show)
    print(f"MEANTIME: {len(paths)} documents, {time.perf_counter() - started:.0f} s")
    events.print("1. events the pipeline extracts, aligned to gold mentions", args.show)
    mentions.print(
        "2. every gold event mention, FactualityReader.factuality on its token", args.show
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
