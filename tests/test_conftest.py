"""The shared-data fixture: absent data fails a test in CI and skips it elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import locate_shared


def test_locate_shared_fails_in_ci_when_absent(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match="CI needs it"):
        locate_shared(tmp_path / "missing", {"CI": "true"})


def test_locate_shared_skips_outside_ci_when_absent(tmp_path: Path) -> None:
    with pytest.raises(pytest.skip.Exception, match="not found"):
        locate_shared(tmp_path / "missing", {})


def test_locate_shared_gives_the_folder_when_present(tmp_path: Path) -> None:
    assert locate_shared(tmp_path, {"CI": "true"}) == tmp_path
