"""The learned event-type detector: the shipped artefact loads, reads sentences, thresholds."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.errors import ModelError
from dragoman.nlp import Parse, load_detector, load_model
from dragoman.pipeline import Pipeline
from dragoman.settings import Settings
from dragoman.types import Article


@pytest.fixture(scope="session")
def parse(nlp_pipeline: Pipeline) -> Parse:
    return next(s for s in nlp_pipeline.stages if isinstance(s, Parse))


def test_load_detector_ships_all_sixteen_plover_types(parse: Parse) -> None:
    assert parse.detector is not None
    assert len(parse.detector.labels) == 16 and "ASSAULT" in parse.detector.labels
    assert all(0 < t < 1 for t in parse.detector.thresholds.values())


def test_parse_gives_each_sentence_its_detected_types(parse: Parse) -> None:
    text = (
        "Government aircraft bombed rebel positions near the city, killing twelve fighters.\n"
        "The football club signed a new goalkeeper on Friday."
    )
    article = parse(Article(article_id="det", text=text))
    assert len(article.sentence_types) == len(article.sentences) == 2
    attack, football = article.sentence_types
    assert attack and attack[0][0] == "ASSAULT"
    assert [p for _, p in attack] == sorted((p for _, p in attack), reverse=True)
    assert not football


def test_detector_probabilities_cover_every_label_and_types_keep_thresholds(
    parse: Parse,
) -> None:
    det = parse.detector
    assert det is not None
    doc = parse.nlp("Police arrested dozens of protesters in the capital.")
    (probs,) = det.predict(list(doc.sents))
    assert set(probs) == set(det.labels) and all(0 <= p <= 1 for p in probs.values())
    over = dict(det.types(probs))
    assert all(p >= det.thresholds.get(t, det.threshold) for t, p in over.items())
    assert det.predict([doc[0:0]]) == [{}]


def test_parse_without_the_detector_gives_no_types() -> None:
    bare = Parse(Settings().model, detector=False)
    article = bare(Article(article_id="bare", text="Troops shelled the town."))
    assert bare.detector is None and article.sentence_types == ()


def test_load_detector_missing_artefact_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=str(tmp_path)):
        load_detector(load_model(Settings().model), tmp_path)
