"""Where: toponyms resolved in context.

:func:`geocode` picks, among the gazetteer's features for a name, the one the context supports:
the countries and divisions the article talks about (its focus), then the name's own standing
(a country or a division before a town, a feature's main name before an alternate name, a
populous place before a hamlet). A town that shares its name with its own division ("Idlib",
"Aleppo") is the town, unless the words say "province".

"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from dragoman.places._build import load_gazetteer
from dragoman.places._gazetteer import Gazetteer, GazPlace, Match, place_key
from dragoman.types import Place

#: Words that say which part of a place is meant; stripped when the whole phrase is unknown.
DIRECTIONS = (
    r"(?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|"
    r"upper|lower|greater|rural|outer|inner|northern|southern"
)
DIRECTION_PREFIX = re.compile(
    rf"^(?:the\s+)?(?:{DIRECTIONS})(?:\s+of(?:\s+the)?)?\s+", re.IGNORECASE
)
#: Words after a name that say what kind of place it is ("Idlib province", "Hmeimim airbase").
FEATURE_WORDS = (
    "province governorate region district state county city town village area countryside "
    "suburbs suburb outskirts airbase airport base border crossing camp enclave valley plain "
    "plains mountains municipality oblast prefecture neighbourhood neighborhood"
).split()
DIVISION_WORDS = frozenset("province governorate district state county oblast".split())
FEATURE_SUFFIX = re.compile(rf"\s+(?:{'|'.join(FEATURE_WORDS)})$", re.IGNORECASE)
#: A national capital ("Washington", "Kingston") before other places of its name.
CAPITAL_PRIOR = 2.5
KIND_PRIOR = {
    "country": 4.0,
    "continent": 3.0,
    "capital": CAPITAL_PRIOR,
    "admin1": 1.5,
    "city": 0.0,
    "admin2": -0.5,
}
TOWNS = frozenset({"city", "capital"})
SUPPLEMENT_PRIOR = 2.5


@dataclass(frozen=True, slots=True)
class Focus:
    """What an article is about, geographically: the country and admin1 each name points to."""

    votes: tuple[tuple[str, str, float, str | None], ...]  # (name key, country, weight, admin1)

    def without(self, key: str) -> tuple[dict[str, float], frozenset[str]]:
        """Country shares (the largest is 1) and admin1 codes, leaving out the name ``key``."""
        weights: dict[str, float] = defaultdict(float)
        admin1 = set()
        for k, country, weight, code in self.votes:
            if k != key:
                weights[country] += weight
                if code:
                    admin1.add(code)
        top = max(weights.values(), default=0.0)
        shares = {c: w / top for c, w in weights.items()} if top else {}
        return shares, frozenset(admin1)


CAPITALISED = re.compile(
    r"\b[A-Z][\w'’\-]*(?:\s+(?:(?:al|el|de|of|the|ad|as|ar)[-\s])?[A-Z][\w'’\-]*){0,3}"
)


def _prior(m: Match) -> float:
    p = m.place
    score = math.log10(p.population + 10)
    score += KIND_PRIOR.get(p.kind, SUPPLEMENT_PRIOR)
    score += {3: 1.0, 2: 0.8, 1: 0.0, 0: -0.5}[m.quality]
    if m.fuzzy:
        score -= 1.5 + 3 * (1 - m.similarity)
    return score


@lru_cache(maxsize=64)
def article_focus(context: str) -> Focus:
    """Countries and admin1 divisions the capitalised names of ``context`` point to."""
    gaz = load_gazetteer()
    votes = []
    for phrase, n in Counter(m.group(0) for m in CAPITALISED.finditer(context[:30_000])).items():
        matches = gaz.lookup(phrase, fuzzy=False)
        if not matches:
            continue
        p = max(matches, key=_prior).place
        weight = {"country": 2.0, "admin1": 1.5}.get(p.kind, 1.0 if p.population > 20_000 else 0)
        if p.country is None or not weight:
            continue
        code = p.admin1_code if p.kind in TOWNS | {"admin1"} else None
        votes.append((place_key(phrase), p.country, weight * min(n, 3), code))
    return Focus(tuple(votes))


def _score(
    m: Match, shares: dict[str, float], admin1: frozenset[str], country: str | None
) -> float:
    score = _prior(m)
    p = m.place
    if country and p.country == country:
        score += 4.0
    if p.country:
        score += 3.0 * shares.get(p.country, 0.0)
    if p.kind in TOWNS | {"admin2"} and p.admin1_code in admin1:
        score += 2.5
    return score


def _drop_own_divisions(matches: Sequence[Match], division_asked: bool) -> list[Match]:
    """A town and the division named after it: the town, unless "province" was said."""
    if division_asked:
        return list(matches)
    towns = [m.place for m in matches if m.place.kind in TOWNS]

    def named_after_town(d: GazPlace) -> bool:
        return any(
            t.country == d.country
            and t.admin1_code == d.admin1_code
            and t.population >= 0.1 * d.population
            for t in towns
        )

    return [
        m
        for m in matches
        if m.place.kind not in {"admin1", "admin2"} or not named_after_town(m.place)
    ]


def variants(text: str) -> list[str]:
    """The phrase, then without a leading direction, then without a feature word."""
    phrase = re.sub(r"['’]s?$", "", " ".join(text.split())).strip()
    phrase = re.sub(r"^the\s+", "", phrase, flags=re.IGNORECASE)
    out = [phrase]
    bare = DIRECTION_PREFIX.sub("", phrase)
    out.append(bare)
    out.append(FEATURE_SUFFIX.sub("", bare))
    return list(dict.fromkeys(v for v in out if v))


def to_place(text: str, p: GazPlace) -> Place:
    return Place(
        text=text,
        name=p.name,
        geonameid=p.geonameid,
        country=p.country,
        admin1=p.admin1,
        lat=round(p.lat, 5),
        lon=round(p.lon, 5),
    )


def best_feature(
    text: str,
    gaz: Gazetteer,
    focus: Focus | None = None,
    country: str | None = None,
    demonyms: bool = True,
) -> GazPlace | None:
    """The feature ``text`` names, chosen with ``focus`` and ``country``; None if unknown."""
    division_asked = bool(re.search(r"\b(?:" + "|".join(DIVISION_WORDS) + r")\b", text, re.I))
    shares, admin1 = focus.without(place_key(text)) if focus is not None else ({}, frozenset())
    for v in variants(text):
        matches = list(gaz.lookup(v))
        if not demonyms:
            matches = [m for m in matches if m.quality > 0]
        matches = _drop_own_divisions(matches, division_asked)
        if matches:
            return max(matches, key=lambda m: _score(m, shares, admin1, country)).place
    return None


def geocode(text: str, context: str | None = None, country: str | None = None) -> Place | None:
    """The place ``text`` names, read in ``context`` (the article) and ``country`` (alpha-3).

    >>> geocode("Hassakeh").country
    'SYR'
    """
    focus = article_focus(context) if context else None
    feature = best_feature(text, load_gazetteer(), focus, country)
    return to_place(text, feature) if feature is not None else None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (the haversine formula, Earth radius 6,371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(a))
