"""scripts/build_actor_base.py: the dictionaries are read right and the shipped base is current."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

import pytest

from dragoman.actors import country_codes, read_actor_file

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "build_actor_base.py"
UPDATE = REPO / "src" / "dragoman" / "data" / "actors_update.yaml"
SHIPPED = REPO / "src" / "dragoman" / "data" / "actors.jsonl.gz"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_actor_base", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_build_actor_base_reads_tabari_dates(build: ModuleType) -> None:
    assert build.tabari_day("620101") == date(1962, 1, 1)
    assert build.tabari_day("070723") == date(2007, 7, 23)
    assert build.tabari_day("20041207") == date(2004, 12, 7)
    assert build.tabari_day("9008223") is None
    assert build.parse_code("SYRGOV >000717") == ("SYRGOV", date(2000, 7, 17), None)
    assert build.parse_code("AFGELI 620101-780427") == (
        "AFGELI",
        date(1962, 1, 1),
        date(1978, 4, 27),
    )


def test_build_actor_base_decodes_cameo_codes(build: ModuleType) -> None:
    countries = country_codes()
    assert build.decode("SYRGOVMIL", countries) == ("SYR", "GOV")
    assert build.decode("IGOUNOKID", countries) == ("IGO", "IGO")
    assert build.decode("IMGMUSALQ", countries) == (None, "REB")
    assert build.decode("MNCUSAMED", countries) == ("USA", "BUS")
    assert build.decode("SYRINSMUS", countries) == ("SYR", "REB")
    assert build.decode("ROMGOV", countries) == ("ROU", "GOV")


def test_build_actor_base_reads_phoenix_blocks(shared: Path, build: ModuleType) -> None:
    path = (
        shared
        / "data"
        / "cameo-petrarch"
        / "petrarch2"
        / "dictionaries"
        / "Phoenix.Countries.actors.txt"
    )
    blocks = {b.primary: b for b in build.read_tabari(path)}
    putin = blocks["VLADIMIR_PUTIN_"]
    assert "PUTIN_" in putin.synonyms
    assert ("RUSGOV", date(2008, 5, 8), None) in putin.codes


def test_build_actor_base_tells_people_from_bodies(build: ModuleType) -> None:
    def block(primary: str, *codes: str) -> object:
        return build.Block(primary, codes=[(c, date(2011, 10, 6), None) for c in codes])

    assert build.is_person(block("ASHTON_CARTER", "USAGOVMIL"))  # words joined by underscores
    assert not build.is_person(block("THE_ISLAMIC_STATE", "IMGSUNREB"))
    assert not build.is_person(block("SOVIET_OF_NATIONALITIES", "SUNLEG"))
    assert not build.is_person(block("TAWHID_BRIGADE", "SYRREB"))
    assert not build.is_person(block("TIMOR_LESTE", "TLS"))  # a country code alone: a place


def test_build_actor_base_reads_office_titles(shared: Path, build: ModuleType) -> None:
    info = shared / "data" / "cameo-petrarch" / "countryinfo" / "CountryInfo.120116.txt"
    offices = build.read_countryinfo(info)
    assert ("foreign minister", date(2006, 3, 1)) in offices[("SYR", "walid mualem")]


def test_build_actor_base_reads_agents(shared: Path, build: ModuleType) -> None:
    path = shared / "data" / "cameo-petrarch" / "petrarch2" / "dictionaries" / "Phoenix.agents.txt"
    agents = build.read_agents(path)
    assert agents["farmer"] == agents["farmers"] == "AGR"
    assert agents["warplane"] == "MIL"


def test_build_actor_base_shipped_file_is_current(shared: Path, build: ModuleType) -> None:
    source = shared / "data" / "cameo-petrarch"
    assert build.main(["--source", str(source), "--check"]) == 0


def test_build_actor_base_shipped_file_is_small_and_counted() -> None:
    assert SHIPPED.stat().st_size < 3_000_000
    with gzip.open(SHIPPED, "rt", encoding="utf-8") as fh:
        meta = json.loads(fh.readline())["meta"]
    assert meta["entries"]["update:person"] > 1000
    assert meta["entries"]["cameo:person"] > 10000


def test_build_actor_base_update_terms_do_not_overlap() -> None:
    """Two people never hold the same single-holder office for more than a month at once."""
    update = read_actor_file(UPDATE, country_codes(), source="update")
    terms: dict[tuple[str | None, str, str | None], list[tuple[date, date, str]]] = defaultdict(
        list
    )
    shared_offices = {
        "special envoy",
        "leader",
        "commander",
        "speaker",
        "deputy leader",
        "vice president",
        "senator",
        "deputy foreign minister",
        "gaza leader",
        "co chair of the constitutional committee",
    }
    for e in update.entries:
        for r in e.roles:
            if r.office and r.start and r.office not in shared_offices:
                terms[(r.org or r.country, r.office, r.target)].append(
                    (r.start, r.end or date.max, e.name)
                )
    clashes = []
    for key, spans in terms.items():
        spans.sort()
        for (_, end, name), (start, _, other) in zip(spans, spans[1:], strict=False):
            if name != other and end - start > timedelta(days=31):
                clashes.append((key, name, other))
    # 2010-11: both men claimed Côte d'Ivoire's presidency.
    assert clashes == [(("CIV", "president", None), "Laurent Gbagbo", "Alassane Ouattara")]
