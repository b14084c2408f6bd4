"""Attribution benchmark: source and cue spans on PolNeAR, against the gold attributions.

    python benchmarks/attribution.py [--split test] [--limit N] [--misses N]

Reads ``../shared/data/polnear/data/<split>`` (text and brat ``.ann`` files; never copied into
the repository). An article annotated by several annotators is scored against one annotation:
the first annotator's file in name order. Each article is parsed by dragoman's Parse stage and
read by :func:`dragoman.attribution.find_attributions`; the spans it finds are compared with
the Source and Cue spans of the gold attributions (``E`` lines; a source-less attribution
gives a cue and no source). Spans are compared as sets per article (a span predicted or
annotated twice counts once). Three figures each for sources and cues:

* **overlap** (the headline): a predicted span matches a gold span when they share at least
  one token (the Parse stage's tokens), one to one (a maximum matching), the "partial match"
  of attribution work on PARC (Pareti 2016); precision is matched / predicted spans, recall
  matched / gold spans. PolNeAR's README defines no matching of its own.
* **exact**: the same character offsets, after trimming white space at either end.
* **token**: precision and recall over the tokens inside source (cue) spans, pooled.

The corpus is US election news (2016): its sources are mostly named politicians and pronouns,
its cues mostly "said"; it annotates thoughts and intentions as well as speech ("thinks",
"wants"), which a reader of news sourcing does not need, so recall has a ceiling below 1.
The rules were tuned on the train and dev splits; the test split was run to report.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dragoman.claims import find_attributions
from dragoman.nlp import Parse
from dragoman.settings import Settings
from dragoman.types import Article

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "data"

Frags = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Gold:
    article_id: str
    text: str
    sources: frozenset[Frags]
    cues: frozenset[Frags]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def read_ann(path: Path, text: str) -> tuple[frozenset[Frags], frozenset[Frags]]:
    """The Source and Cue spans of the attributions (``E`` lines) of one brat file."""
    spans: dict[str, Frags] = {}
    relations: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"T\d+\t", line):
            tid, info, *_ = line.split("\t")
            label, _, offsets = info.partition(" ")
            frags = []
            for part in offsets.split(";"):
                a, b = part.split()
                frags.append(_trim(text, int(a), int(b)))
            spans[tid] = tuple(f for f in frags if f[0] < f[1])
        elif re.match(r"E\d+\t", line):
            relations.append(line.split("\t")[1])
    sources: set[Frags] = set()
    cues: set[Frags] = set()
    for rel in relations:
        for arg in rel.split():
            role, _, tid = arg.partition(":")
            role = role.rstrip("0123456789")
            if role == "Source" and spans.get(tid):
                sources.add(spans[tid])
            elif role == "Cue" and spans.get(tid):
                cues.add(spans[tid])
    return frozenset(sources), frozenset(cues)


def load_split(split: str, data: Path = DATA, limit: int | None = None) -> list[Gold]:
    folder = data / split
    if not folder.is_dir():
        raise SystemExit(f"PolNeAR split not found: {folder} (../shared/data/polnear)")
    by_article: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((folder / "attributions").glob("*.ann")):
        by_article[re.sub(r"_[0-9a-f]{4}$", "", ann.stem)].append(ann)
    out: list[Gold] = []
    for article_id in sorted(by_article)[:limit]:
        text = (folder / "text" / f"{article_id}.txt").read_text(encoding="utf-8")
        sources, cues = read_ann(by_article[article_id][0], text)
        out.append(Gold(article_id, text, sources, cues))
    return out


def parse(golds: Iterable[Gold], settings: Settings) -> Iterator[Article]:
    stage = Parse(settings.model, batch_size=settings.batch_size)
    yield from stage.pipe(Article(article_id=g.article_id, text=g.text) for g in golds)


def quoted_chars(text: str) -> set[int]:
    """Character offsets inside a quotation (between an opening and its closing mark, within
    one paragraph): the words of whoever is quoted, annotated as one attribution's content."""
    inside: set[int] = set()
    for para in re.finditer(r"[^\n]+", text):
        opened: int | None = None
        for m in re.finditer(r"[“”\"]", para.group()):
            pos = para.start() + m.start()
            ch = m.group()
            is_open = ch == "“" or ch == '"' and (opened is None)
            if is_open and opened is None:
                opened = pos
            elif not is_open and opened is not None:
                inside.update(range(opened, pos))
                opened = None
    return inside


def predicted(article: Article) -> tuple[set[Frags], set[Frags]]:
    """Source and cue spans of the outermost attributions: PolNeAR is univocal (a token takes
    part in one attribution at most), so a cue inside another attribution's content ("I think"
    inside a quotation) is not annotated there."""
    quoted = quoted_chars(article.text)
    found = [a for a in find_attributions(article) if a.cue.start not in quoted]
    sources: set[Frags] = set()
    cues: set[Frags] = set()
    for a in found:
        if any(b is not a and b.covers(a.cue_tokens[0]) for b in found):
            continue
        if a.source is not None:
            sources.add(((a.source.start, a.source.end),))
        cues.add(((a.cue.start, a.cue.end),))
    return sources, cues


def token_set(article: Article, frags: Frags) -> frozenset[int]:
    return frozenset(
        t.i
        for t in article.tokens
        if not t.text.isspace() and any(t.idx < b and t.end > a for a, b in frags)
    )


def max_matching(edges: list[list[int]]) -> int:
    """Size of a maximum one-to-one matching; ``edges[p]`` lists the gold spans p may match."""
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    return sum(augment(p, set()) for p in range(len(edges)))


class Tally:
    """Counts for one span kind (sources or cues) over all articles."""

    def __init__(self) -> None:
        self.c: Counter[str] = Counter()
        self.missed: Counter[str] = Counter()
        self.spurious: Counter[str] = Counter()

    def add(self, article: Article, gold: frozenset[Frags], pred: set[Frags]) -> None:
        c = self.c
        c["gold"] += len(gold)
        c["pred"] += len(pred)
        c["exact"] += len(gold & pred)
        gold_l, pred_l = sorted(gold), sorted(pred)
        gold_t = [token_set(article, g) for g in gold_l]
        pred_t = [token_set(article, p) for p in pred_l]
        edges = [[j for j, g in enumerate(gold_t) if p & g] for p in pred_t]
        c["overlap"] += max_matching(edges)
        all_gold = frozenset().union(*gold_t) if gold_t else frozenset()
        all_pred = frozenset().union(*pred_t) if pred_t else frozenset()
        c["tok_gold"] += len(all_gold)
        c["tok_pred"] += len(all_pred)
        c["tok_both"] += len(all_gold & all_pred)
        text = article.text
        for g, gt in zip(gold_l, gold_t, strict=True):
            if not gt & all_pred:
                self.missed[" ".join(text[a:b] for a, b in g).lower()] += 1
        for p, pt in zip(pred_l, pred_t, strict=True):
            if not pt & all_gold:
                self.spurious[" ".join(text[a:b] for a, b in p).lower()] += 1

    def prf(self, hit: str, pred: str = "pred", gold: str = "gold") -> tuple[float, float, float]:
        p = self.c[hit] / self.c[pred] if self.c[pred] else 0.0
        r = self.c[hit] / self.c[gold] if self.c[gold] else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    def rows(self) -> dict[str, tuple[float, float, float]]:
        return {
            "overlap": self.prf("overlap"),
            "exact": self.prf("exact"),
            "token": self.prf("tok_both", "tok_pred", "tok_gold"),
        }


def evaluate(articles: Iterable[Article], golds: Iterable[Gold]) -> dict[str, Tally]:
    tallies = {"source": Tally(), "cue": Tally()}
    for article, gold in zip(articles, golds, strict=True):
        sources, cues = predicted(article)
        tallies["source"].add(article, gold.sources, sources)
        tallies["cue"].add(article, gold.cues, cues)
    return tallies


def report(tallies: dict[str, Tally], misses: int) -> None:
    print(f"{'':8}{'match':9}{'P':>7}{'R':>7}{'F1':>7}   gold  predicted")
    for kind, tally in tallies.items():
        for n, (match, (p, r, f)) in enumerate(tally.rows().items()):
            counts = f"{tally.c['gold']:6d} {tally.c['pred']:10d}" if n == 0 else ""
            label = kind if n == 0 else ""
            print(f"{label:8}{match:9}{p:7.3f}{r:7.3f}{f:7.3f}   {counts}")
    if misses:
        for kind, tally in tallies.items():
            print(f"\nmost missed {kind} spans:", tally.missed.most_common(misses))
            print(f"most spurious {kind} spans:", tally.spurious.most_common(misses))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=["train", "dev", "test"])
    ap.add_argument("--data", type=Path, default=DATA, help="PolNeAR's data folder")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--misses", type=int, default=0, help="show the N most missed spans")
    args = ap.parse_args(argv)
    golds = load_split(args.split, args.data, args.limit)
    started = time.perf_counter()
    tallies = evaluate(parse(golds, Settings()), golds)
    print(
        f"PolNeAR {args.split}: {len(golds)} articles, "
        f"{time.perf_counter() - started:.0f} s (headline: overlap F1)"
    )
    report(tallies, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
