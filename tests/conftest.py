"""Fixtures shared by the test modules.

``../shared`` (the gold data, the scorer, the seed article) sits beside the repository: at
/work/shared for developers, beside the fresh clone in CI. It is not part of the repository, so
tests that read it skip, with the reason, where it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import dragoman
from dragoman.pipeline import Pipeline
from dragoman.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """The ``../shared`` folder; skips the test where it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found: the gold data is not part of the repository ({SHARED})")
    return SHARED


@pytest.fixture(scope="session")
def nlp_pipeline() -> Pipeline:
    """The standard pipeline, spaCy loaded once for the whole session."""
    return dragoman.standard_pipeline(Settings())


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A SQLite database file path in a fresh temporary folder (created on first use)."""
    return tmp_path / "events.db"
