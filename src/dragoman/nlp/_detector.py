"""The learned event-type detector: which PLOVER types each sentence reports, by probability.

A spaCy ``textcat_multilabel`` component trained by ``scripts/train_detector.py`` (model card:
``docs/models.md``) and shipped in ``data/detector/``: its weights and a small JSON of labels,
thresholds and the component's config. It reads the ``tok2vec`` output (``doc.tensor``) of the
already loaded English pipeline, so it adds no embedding of its own and nothing is downloaded.
It is built beside the pipeline, not inside it: it runs on the sentences handed to it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from dragoman.errors import ModelError

log = logging.getLogger(__name__)

#: Per sentence: the types over their threshold, with their probability, most probable first.
SentenceTypes = tuple[tuple[str, float], ...]


def artefact_path() -> Path:
    return Path(str(resources.files("dragoman").joinpath("data", "detector")))


class Detector:
    """Event-type probabilities for the sentences of parsed docs."""

    def __init__(self, textcat: Any, meta: dict[str, Any]) -> None:
        self.textcat = textcat
        self.labels: list[str] = list(textcat.labels)
        self.threshold = float(meta.get("threshold", 0.5))
        self.thresholds = {t: float(v) for t, v in (meta.get("thresholds") or {}).items()}

    def predict(self, spans: Sequence[Any]) -> list[dict[str, float]]:
        """One ``{type: probability}`` per span of a doc the pipeline's tok2vec has run on."""
        out: list[dict[str, float]] = [{} for _ in spans]
        keep = [i for i, s in enumerate(spans) if len(s)]
        if keep:
            scores = self.textcat.predict([spans[i] for i in keep])
            for i, row in zip(keep, scores.tolist(), strict=True):
                out[i] = dict(zip(self.labels, row, strict=True))
        return out

    def types(self, probs: dict[str, float]) -> SentenceTypes:
        """The types over their thresholds, most probable first."""
        over = [
            (t, round(p, 3))
            for t, p in probs.items()
            if p >= self.thresholds.get(t, self.threshold)
        ]
        return tuple(sorted(over, key=lambda x: -x[1]))


def load_detector(nlp: Any, path: Path | None = None) -> Detector:
    """The detector for a loaded English pipeline that has a ``tok2vec`` component."""
    path = path or artefact_path()
    try:
        meta = json.loads((path / "detector.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read the event-type detector at {path}: {exc}") from exc
    if "tok2vec" not in nlp.pipe_names:
        raise ModelError(
            f"the event-type detector reads a tok2vec; {nlp.meta.get('name')} has none"
        )
    textcat = nlp.create_pipe(
        "textcat_multilabel", name="plover_detector", config={"model": meta["model"]}
    )
    textcat.from_disk(path / "textcat_multilabel", exclude=["vocab"])
    log.debug("loaded the event-type detector from %s", path)
    return Detector(textcat, meta)
