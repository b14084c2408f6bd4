"""Toponyms resolved in context."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from dragoman.places import distance_km as km
from dragoman.places import geocode, variants

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Hassakeh", 36.502, 40.748),
        ("Qamishly", 37.052, 41.231),
        ("Sweida", 32.709, 36.570),
        ("Deraa", 32.619, 36.102),
        ("Idleb", 35.931, 36.634),
        ("Khmeimim", 35.401, 35.949),
        ("Aleppo", 36.202, 37.134),
    ],
)
def test_geocode_resolves_syrian_transliterations(name: str, lat: float, lon: float) -> None:
    place = geocode(name)
    assert place is not None and place.country == "SYR"
    assert place.lat is not None and place.lon is not None
    assert km(place.lat, place.lon, lat, lon) < 25


def test_geocode_resolves_every_seed_place_within_25_km(shared: Path) -> None:
    gold = json.loads((shared / "gold" / "dev" / "seed-astana.json").read_text(encoding="utf-8"))
    for key, spot in gold["places"].items():
        for name in spot["names"]:
            place = geocode(name)
            assert place is not None, name
            assert place.lat is not None and place.lon is not None
            assert km(place.lat, place.lon, spot["lat"], spot["lon"]) < 25, (key, name, place)


def test_geocode_prefers_the_town_to_its_province() -> None:
    town = geocode("Idlib")
    province = geocode("Idlib province")
    assert town is not None and town.geonameid == 169389
    assert province is not None and province.geonameid == 169387


def test_geocode_reads_the_article_country_focus() -> None:
    texas = "Police in Paris, Lamar County, said the fire near Reno and Sumner, Texas, was arson."
    assert geocode("Paris") is not None and geocode("Paris").country == "FRA"  # type: ignore[union-attr]
    in_texas = geocode("Paris", context=texas)
    assert in_texas is not None and in_texas.country == "USA" and in_texas.admin1 == "Texas"


def test_geocode_takes_a_country_hint() -> None:
    place = geocode("Alexandria", country="USA")
    assert place is not None and place.country == "USA"


def test_geocode_keeps_the_words_used() -> None:
    place = geocode("the western Daraa region")
    assert place is not None and place.country == "SYR"
    assert place.text == "the western Daraa region"


def test_geocode_returns_none_for_unknown_names() -> None:
    assert geocode("Qwxzzyville") is None


def test_variants_strip_direction_then_feature_word() -> None:
    assert variants("western Daraa region") == ["western Daraa region", "Daraa region", "Daraa"]
    assert variants("Idlib's") == ["Idlib"]


def _benchmark(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def test_geocode_resolves_trnews_toponyms_within_161_km(shared: Path) -> None:
    bench = _benchmark("geoparse")
    docs = list(bench.gritta_xml(shared / "data" / "geoparsing-corpora" / "TR-News.xml"))
    result = bench.resolution(docs, {})
    assert result["acc161"] >= 0.70
