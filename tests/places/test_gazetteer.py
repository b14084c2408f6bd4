"""The gazetteer: name keys, transliteration skeletons, the index and the curated supplement."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.errors import ConfigError
from dragoman.places import (
    Gazetteer,
    gazetteer_path,
    load_gazetteer,
    place_key,
    skeleton,
    supplement_rows,
    version_key,
)
from dragoman.places import distance_km as km


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_name_key_drops_accents_apostrophes_and_every_article() -> None:
    assert place_key("Dar‘ā") == "dara"
    assert place_key("Ţafas") == "tafas"
    assert place_key("Al-Qāmishlī") == "qamishli"
    assert place_key("Ma'arrat al-Nu'man") == place_key("Maʿarrat an-Nuʿman") == "maarrat numan"


def test_name_key_strips_arabic_articles() -> None:
    assert place_key("As-Suwayda") == "suwayda"
    assert place_key("Deir ez-Zor") == "deir zor"
    assert place_key("Al Hasakah") == place_key("al-Hasakah") == "hasakah"
    assert place_key("El") == "el"  # an article alone stays


@pytest.mark.parametrize(
    "spellings",
    [
        ("Hassakeh", "Al-Hasakah", "Hasaka", "Hasakah"),
        ("Qamishli", "Qamishly", "Al-Qamishli", "Qamishlo"),
        ("Suweida", "Sweida", "As-Suwayda", "Suwayda"),
        ("Deraa", "Daraa", "Dar'a"),
        ("Idleb", "Idlib"),
        ("Hmeimim", "Khmeimim"),
    ],
)
def test_skeleton_meets_transliterations(spellings: tuple[str, ...]) -> None:
    assert len({skeleton(place_key(s)) for s in spellings}) == 1


def test_lookup_finds_every_transliteration_of_a_syrian_city(gaz: Gazetteer) -> None:
    for spelling in ("Hassakeh", "Al-Hasakah", "Hasaka"):
        cities = [m.place for m in gaz.lookup(spelling) if m.place.kind == "city"]
        assert 173811 in {p.geonameid for p in cities}, spelling


def test_lookup_matches_skeletons_only_when_fuzzy(gaz: Gazetteer) -> None:
    assert gaz.lookup("Hassakeh", fuzzy=False) == ()
    fuzzy = gaz.lookup("Hassakeh")
    assert fuzzy and all(m.fuzzy and m.similarity >= 0.75 for m in fuzzy)
    assert not any(m.place.name == "Austin" for m in gaz.lookup("Ossetian"))


def test_lookup_knows_the_supplement_air_base(gaz: Gazetteer) -> None:
    (base,) = [m.place for m in gaz.lookup("Khmeimim") if m.place.kind == "airbase"]
    assert base.country == "SYR"
    assert km(base.lat, base.lon, 35.4011, 35.9486) < 5  # Hmeimim, south-east of Latakia


def test_lookup_reads_demonyms_as_their_country(gaz: Gazetteer) -> None:
    (irish,) = gaz.lookup("Irish")
    assert irish.place.kind == "country" and irish.place.country == "IRL"
    assert irish.quality == 0


def test_lookup_skips_airport_codes(gaz: Gazetteer) -> None:
    assert not any(m.place.name == "Damascus" for m in gaz.lookup("DAM"))


def test_country_has_geonames_point_and_id(gaz: Gazetteer) -> None:
    usa = gaz.country("USA")
    assert usa is not None and usa.geonameid == 6252001
    assert (usa.lat, usa.lon) == (39.76, -98.5)
    syria = gaz.country("SYR")
    assert syria is not None and (syria.lat, syria.lon) == (35.0, 38.0)


def test_divisions_are_placed_inside_their_country(gaz: Gazetteer) -> None:
    (idlib,) = [m.place for m in gaz.lookup("Idlib Governorate") if m.place.kind == "admin1"]
    assert idlib.geonameid == 169387 and idlib.admin1_code == "SY.12"
    assert km(idlib.lat, idlib.lon, 35.8, 36.6) < 60


def test_capital_phrases_name_the_capital(gaz: Gazetteer) -> None:
    names = {m.place.name for m in gaz.lookup("Syrian capital")}
    assert names == {"Damascus"}


def test_counts_hold_every_kind(gaz: Gazetteer) -> None:
    counts = gaz.counts()
    assert counts["city"] > 200_000
    assert counts["admin1"] > 3_000
    assert counts["country"] > 230
    assert counts["names"] > 500_000
    assert counts["region"] >= 50


def test_gazetteer_file_carries_its_version_key(gaz: Gazetteer) -> None:
    assert gaz.path == gazetteer_path()
    assert version_key() in gaz.path.name
    (stored,) = gaz.con.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    assert stored == version_key()


def test_load_gazetteer_names_the_setting_when_the_cache_is_not_writable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("DRAGOMAN_CACHE", str(blocker / "cache"))
    load_gazetteer.cache_clear()
    try:
        with pytest.raises(ConfigError, match="DRAGOMAN_CACHE"):
            load_gazetteer()
    finally:
        monkeypatch.undo()
        load_gazetteer.cache_clear()


def test_supplement_rows_are_well_formed() -> None:
    rows = list(supplement_rows())
    assert len(rows) > 80
    for row in rows:
        assert row["name"] and row["kind"], row
        lat, lon = float(row["lat"]), float(row["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, row
        assert not row["country"] or len(row["country"]) == 3, row
        if row["kind"] == "alias":
            assert row["admin1"] in {"admin1", "city"}, row
