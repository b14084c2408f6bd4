"""Fixtures shared by the test modules.

``../shared`` (the gold data, the scorer, the seed article) sits beside the repository: at
/work/shared for developers, beside the fresh clone in CI. It is not part of the repository:
a test that reads it skips, with the reason, where it is absent, except in CI (``CI`` set),
where it fails, since a skipped gate in CI is a gate that does not exist.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pytest

import dragoman
from dragoman.pipeline import Pipeline
from dragoman.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def locate_shared(folder: Path, environ: Mapping[str, str]) -> Path:
    """``folder`` when it exists; else the test fails where ``CI`` is set and skips elsewhere."""
    if not folder.is_dir():
        reason = f"../shared not found: the gold data is not part of the repository ({folder})"
        if environ.get("CI"):
            pytest.fail(reason + "; CI needs it (unset CI to skip these tests)")
        pytest.skip(reason)
    return folder


@pytest.fixture
def shared() -> Path:
    """The ``../shared`` folder; where it is absent the test fails in CI and skips elsewhere."""
    return locate_shared(SHARED, os.environ)


@pytest.fixture(scope="session")
def nlp_pipeline() -> Pipeline:
    """The standard pipeline, spaCy loaded once for the whole session."""
    return dragoman.standard_pipeline(Settings())


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A SQLite database file path in a fresh temporary folder (created on first use)."""
    return tmp_path / "events.db"
