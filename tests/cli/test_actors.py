"""``dragoman actors``: import, show, explain, search, through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dragoman.cli._actors import actors


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty DRAGOMAN_HOME, so the user's own actor files do not leak in."""
    monkeypatch.setenv("DRAGOMAN_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(actors, list(args))
    return result.exit_code, result.output


def test_actors_cli_show_names_the_holder_on_the_date(home: Path) -> None:
    code_2018, out_2018 = run("show", "Syrian foreign minister", "--date", "2018-06-01")
    code_2021, out_2021 = run("show", "Syrian foreign minister", "--date", "2021-02-01")
    assert code_2018 == code_2021 == 0
    assert out_2018.startswith("Walid al-Moallem  SYR GOV")
    assert out_2021.startswith("Faisal al-Mekdad  SYR GOV")
    assert "foreign minister (SYR GOV)" in out_2021


def test_actors_cli_show_json(home: Path) -> None:
    code, out = run("show", "Lavrentiev", "--json", "--date", "2021-02-01")
    assert code == 0
    assert '"country": "RUS", "sector": "GOV", "person": true' in out


def test_actors_cli_show_unknown_exits_1(home: Path) -> None:
    code, out = run("show", "Zzyzx Quorble")
    assert code == 1 and "no actor matches" in out


def test_actors_cli_show_bad_date_exits_1(home: Path) -> None:
    code, out = run("show", "Assad", "--date", "yesterday")
    assert code == 1 and "bad date 'yesterday'" in out


def test_actors_cli_search_lists_matches(home: Path) -> None:
    code, out = run("search", "Mekdad")
    assert code == 0
    assert out.splitlines()[0].startswith("person:faisal-al-mekdad")


def test_actors_cli_import_changes_resolution(home: Path, tmp_path: Path) -> None:
    source = tmp_path / "extra.yaml"
    source.write_text(
        "actors:\n  - name: Oskar Brightwater\n    country: NOR\n    sector: NGO\n",
        encoding="utf-8",
    )
    assert run("show", "Oskar Brightwater")[0] == 1
    code, out = run("import", str(source))
    assert code == 0 and "imported 1 actor(s)" in out
    assert (home / "actors" / "extra.yaml").is_file()
    code, out = run("show", "Oskar Brightwater")
    assert code == 0 and out.startswith("Oskar Brightwater  NOR NGO")


def test_actors_cli_import_malformed_names_the_line(home: Path, tmp_path: Path) -> None:
    source = tmp_path / "broken.yaml"
    source.write_text("actors:\n  - name: X\n    sector: WARLORD\n", encoding="utf-8")
    code, out = run("import", str(source))
    assert code == 1
    assert "broken.yaml:2: unknown sector 'WARLORD'" in out
    assert not (home / "actors" / "broken.yaml").exists()


def test_actors_cli_import_changes_the_next_ingest(home: Path, tmp_path: Path) -> None:
    import dragoman

    text = "Oskar Brightwater met the Norwegian foreign minister in Oslo on Monday."
    record = {"id": "brightwater", "text": text, "published": "2024-05-06"}

    def brightwater(db: Path) -> tuple[str | None, str | None]:
        dragoman.ingest([record], db=db)
        (event,) = [e for e in dragoman.events(db=db) if e.type == "CONSULT"]
        (actor,) = [a for a in event.actor + event.recipient if "Brightwater" in a.text]
        return actor.country, actor.sector

    assert brightwater(tmp_path / "before.db") != ("CHE", "NGO")
    source = tmp_path / "extra.yaml"
    source.write_text(
        "actors:\n  - name: Oskar Brightwater\n    country: CHE\n    sector: NGO\n",
        encoding="utf-8",
    )
    assert run("import", str(source))[0] == 0
    assert brightwater(tmp_path / "after.db") == ("CHE", "NGO")


def test_actors_cli_explain_says_which_rule_entry_and_role(home: Path) -> None:
    code, out = run("explain", "Syrian foreign minister", "--date", "2018-06-01")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Walid al-Moallem  SYR GOV")
    assert "rule: the office 'foreign minister' of SYR (the words), its holder" in lines
    assert any(line.startswith("role on 2018-06-01: foreign minister SYR GOV") for line in lines)


def test_actors_cli_explain_names_the_cue_from_the_context_and_home(home: Path) -> None:
    context = "Turkey attacked Afrin in Syria. Turkey says so."
    code, out = run("explain", "Kurdish militias", "--date", "2018-02-19", "--context", context)
    assert code == 0
    assert "rule: a group description, of a country the context names" in out
    assert "context names: TUR 2, SYR 2" in out
    code, out = run(
        "explain",
        "the Foreign Secretary",
        "--date",
        "2019-05-01",
        "--context",
        "Syria bombed.",
        "--home",
        "GBR",
    )
    assert code == 0 and out.startswith("Jeremy Hunt  GBR GOV")
    assert "(the publisher's country)" in out


def test_actors_cli_explain_works_on_every_seed_actor(home: Path, shared: Path) -> None:
    gold = json.loads((shared / "gold" / "dev" / "seed-astana.json").read_text(encoding="utf-8"))
    seed = (shared / "seed" / "000_d7416dada62bf403.txt").read_text(encoding="utf-8")
    names = [a["names"][0] for a in gold["actors"].values() if a.get("names")]
    assert len(names) > 10
    for name in names:
        code, out = run("explain", name, "--date", "2021-02-01", "--context", seed)
        assert code == 0, name
        assert "rule: " in out or "no actor (" in out, name
