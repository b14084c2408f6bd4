"""Benchmark: articles per second end to end into SQLite, against bare spaCy on the same texts.

Takes N articles from ../shared/data/bbc-news (every k-th file, so all five sections are in),
then, in one process and on the same texts:

1. bare spaCy: ``nlp.pipe`` over the texts with the same model and batch size;
2. dragoman: ``dragoman.ingest`` of the same files into a fresh SQLite database
   (reading, cleaning, parsing, events, claims, merging, storing);
3. bare spaCy again, so that a machine that slows down or speeds up during the run shows.

It prints both rates, the ratio dragoman / spaCy (against the mean of the two spaCy runs),
and the process's peak resident memory after each step. Both sides load the model before
the clock starts.

    python benchmarks/throughput.py [--n 500] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from dragoman import Settings, ingest, standard_pipeline
from dragoman.nlp import load_model


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pick(folder: Path, n: int) -> list[Path]:
    files = sorted(folder.glob("*/*.txt"))
    step = max(1, len(files) // n)
    return files[::step][:n]


def bare_spacy(nlp, texts: list[str], batch_size: int) -> float:  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - began


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=500, help="articles (default 500)")
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    a = ap.parse_args(argv)
    folder = a.shared / "data" / "bbc-news"
    if not folder.is_dir():
        print(f"throughput: {folder} not found", file=sys.stderr)
        return 2
    files = pick(folder, a.n)
    texts = [f.read_bytes().decode("utf-8", errors="replace") for f in files]
    words = sum(len(t.split()) for t in texts)
    settings = Settings(progress=False)
    nlp = load_model(settings.model)
    standard_pipeline(settings)  # build (and load) before the clock starts
    print(f"articles {len(files)}, words {words}, batch size {settings.batch_size}")
    print(f"peak memory after loading        {peak_mib():8.0f} MiB")

    first = bare_spacy(nlp, texts, settings.batch_size)
    print(f"bare spaCy nlp.pipe        {len(texts) / first:8.1f} articles/s")
    print(f"peak memory after spaCy          {peak_mib():8.0f} MiB")

    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        summary = ingest([str(f) for f in files], db=Path(tmp) / "bench.db", settings=settings)
        ours = time.perf_counter() - began
    print(
        f"dragoman end to end        {len(files) / ours:8.1f} articles/s "
        f"({summary.ingested} stored, {summary.updated} replacing a same-named file, "
        f"{summary.duplicates} duplicates, "
        f"{summary.failed} failed, {summary.events} events)"
    )
    print(f"peak memory after dragoman       {peak_mib():8.0f} MiB")

    second = bare_spacy(nlp, texts, settings.batch_size)
    print(f"bare spaCy nlp.pipe again  {len(texts) / second:8.1f} articles/s")
    baseline = (first + second) / 2
    print(f"ratio dragoman / spaCy     {baseline / ours:8.2f}")
    one_article(nlp, texts)
    return 0


def one_article(nlp, texts: list[str], words: int = 1000, runs: int = 5) -> None:  # type: ignore[no-untyped-def]
    """``dragoman.extract`` on one long article against ``nlp(text)`` on it (best of ``runs``).

    Articles of ~1,000, ~2,000 and ~4,000 words show whether the cost grows with length
    the way the parse does (a quadratic step would make the ratio climb).
    """
    from dragoman import extract

    for size in (words, 2 * words, 4 * words):
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < size:
            parts.append(texts[len(parts) % len(texts)])
        text = "\n\n".join(parts)
        parse = min(_timed(lambda t=text: nlp(t)) for _ in range(runs))
        ours = min(_timed(lambda t=text: extract(t)) for _ in range(runs))
        print(
            f"one article of {len(text.split()):5} words: spaCy parse {parse * 1000:7.1f} ms, "
            f"dragoman.extract {ours * 1000:7.1f} ms, ratio {ours / parse:5.2f}"
        )


def _timed(fn) -> float:  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    fn()
    return time.perf_counter() - began


if __name__ == "__main__":
    sys.exit(main())
