"""The quality gate: figures on ../shared/gold/dev must hold the floors and ceilings pinned in
tests/quality_baseline.json (scripts/gate.py measures them and re-pins them)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from dragoman.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]


def load_gate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gate", REPO / "scripts" / "gate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gate = load_gate()

BASELINE = {
    "floors": {"core_recall_full": 0.5, "precision_full": 0.6, "body_checks_ok": 1.0},
    "ceilings": {"negation_errors": 2, "duplicates": 3},
    "note": "kept as it is",
}


@pytest.mark.slow
def test_quality_gate_dev_gold_holds_the_baseline(
    shared: Path, tmp_path: Path, nlp_pipeline: Pipeline
) -> None:
    baseline = json.loads((REPO / "tests" / "quality_baseline.json").read_text(encoding="utf-8"))
    assert baseline["floors"] and baseline["ceilings"]

    measured = gate.measure(shared, tmp_path)

    assert measured["documents"] == len(list((shared / "gold" / "dev").glob("*.json")))
    failed = gate.check(baseline, measured)
    assert not failed, "; ".join(failed) + f"\nmeasured: {measured}"


def test_gate_check_names_each_broken_figure() -> None:
    measured = {
        "core_recall_full": 0.4,
        "precision_full": 0.6,
        "body_checks_ok": None,
        "negation_errors": 3,
        "duplicates": 3,
    }
    assert gate.check(BASELINE, measured) == [
        "core_recall_full = 0.4, below its floor 0.5",
        "body_checks_ok = None, below its floor 1.0",
        "negation_errors = 3, above its ceiling 2",
    ]


def test_gate_update_raises_floors_and_lowers_ceilings_freely() -> None:
    measured = {"core_recall_full": 0.55, "precision_full": 0.6, "negation_errors": 0}

    new, changes = gate.update(BASELINE, measured)

    assert new["floors"] == {"core_recall_full": 0.55, "precision_full": 0.6, "body_checks_ok": 1.0}
    assert new["ceilings"] == {"negation_errors": 0, "duplicates": 3}
    assert new["note"] == "kept as it is"
    assert changes == ["floor core_recall_full: 0.5 -> 0.55", "ceiling negation_errors: 2 -> 0"]
    assert BASELINE["floors"]["core_recall_full"] == 0.5


@pytest.mark.parametrize(
    "measured",
    [{"core_recall_full": 0.45}, {"duplicates": 4}, {"precision_full": 0.7, "duplicates": 5}],
)
def test_gate_update_refuses_to_loosen_without_allow_lower(measured: dict) -> None:
    with pytest.raises(gate.LowerError, match="--allow-lower"):
        gate.update(BASELINE, measured)


def test_gate_update_loosens_with_allow_lower() -> None:
    new, changes = gate.update(
        BASELINE, {"core_recall_full": 0.45, "duplicates": 5}, allow_lower=True
    )
    assert new["floors"]["core_recall_full"] == 0.45
    assert new["ceilings"]["duplicates"] == 5
    assert changes == ["floor core_recall_full: 0.5 -> 0.45", "ceiling duplicates: 3 -> 5"]


def test_gate_update_unchanged_when_figures_equal_or_missing() -> None:
    new, changes = gate.update(BASELINE, {"core_recall_full": 0.5, "precision_full": None})
    assert new == BASELINE
    assert changes == []
