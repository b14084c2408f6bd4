"""The actor knowledge base: who is who, with dated roles, and the Python API over it.

The base is three layers, later ones overriding earlier ones (same ``id``: merged, the later
layer's fields win; same name: the later layer's actor comes first):

1. the tables ``data/countries.tsv`` (countries, demonyms, capitals and seats of government as
   metonyms) and ``data/organizations.tsv`` (international bodies, armed groups, parties, media);
2. the built base ``data/actors.jsonl.gz`` (``scripts/build_actor_base.py``: the CAMEO/Phoenix
   dictionaries and ``data/actors_update.yaml``, our terms of office from 2016 on);
3. the user's files imported with :func:`import_actors` into :func:`user_dir`.

>>> from dragoman.actorbase import resolve_actor
>>> resolve_actor("Syrian foreign minister", date="2018-06-01").name
'Walid al-Moallem'
"""

from __future__ import annotations

import csv
import gzip
import io
import logging
import os
import shutil
import tempfile
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from dragoman import actorresolve
from dragoman.actorfile import (
    ActorFile,
    Descriptor,
    Entry,
    Role,
    read_actor_file,
    read_built,
)
from dragoman.actorwords import (
    FOREIGN,
    HEAD_OF_GOVERNMENT,
    HEAD_OF_STATE,
    name_key,
    office_key,
    parse_day,
    tokenize,
)
from dragoman.errors import ConfigError
from dragoman.types import Actor

log = logging.getLogger(__name__)

SOURCE_RANK = {"user": 0, "update": 1, "table": 2, "cameo": 3}
KIND_RANK = {"country": 0, "group": 1, "person": 2, "place": 3}
ARABIC_ARTICLES = frozenset("al el ad ar as ash at az".split())
TITLE_WORDS = (
    actorresolve.OFFICE_WORDS
    | actorresolve.HONORIFICS
    | frozenset(
        "mr mrs general gen lt col field marshal prince princess king queen emir sultan".split()
    )
)
#: A body's own top offices, most senior first ("the UN chief" is its secretary-general).
TOP_OFFICES = tuple(
    office_key(o) or o
    for o in (
        "secretary-general",
        "president",
        "director-general",
        "chairperson",
        "chairman",
        "managing director",
        "executive director",
        "commissioner-general",
        "high commissioner for refugees",
        "high commissioner for human rights",
        "prosecutor",
        "commander",
    )
)
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "HKG", "MAC", "KHM"})


def user_dir() -> Path:
    """Where imported actor files live: ``$DRAGOMAN_HOME/actors`` or the XDG data folder."""
    home = os.environ.get("DRAGOMAN_HOME")
    if home:
        return Path(home) / "actors"
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "dragoman" / "actors"


def _split(cell: str) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


def _plurals(demonym: str) -> list[str]:
    if demonym.endswith(("s", "sh", "ch", "ese", "x", "z")):
        return []
    return [demonym + "s"]


def table_entries() -> list[Entry]:
    """Countries (with demonyms), their seats of government, and the organizations table."""
    root = resources.files("dragoman").joinpath("data")
    out: list[Entry] = []
    with root.joinpath("countries.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            iso3, name = row["iso3"], row["name"]
            demonyms = _split(row["demonyms"])
            aliases = _split(row["aliases"]) + demonyms + [p for d in demonyms for p in _plurals(d)]
            out.append(Entry(f"country:{iso3}", name, "country", iso3, None, aliases, [], "table"))
            seats = _split(row["capitals"]) + _split(row["seats"])
            if seats:
                out.append(
                    Entry(f"seat:{iso3}", seats[0], "place", iso3, "GOV", seats[1:], [], "table")
                )
    with root.joinpath("organizations.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            out.append(
                Entry(
                    row["actor_id"],
                    row["name"],
                    "group",
                    row["country"] or None,
                    row["sector"] or None,
                    _split(row["aliases"]),
                    [],
                    "table",
                )
            )
    return out


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    return frozenset(e.country for e in table_entries() if e.kind == "country" and e.country)


def builtin() -> tuple[dict[str, object], ActorFile]:
    """The shipped base built by ``scripts/build_actor_base.py`` (empty when not built)."""
    path = resources.files("dragoman").joinpath("data", "actors.jsonl.gz")
    if not path.is_file():
        log.warning("actor base data/actors.jsonl.gz is missing: run scripts/build_actor_base.py")
        return {}, ActorFile()
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        return read_built(fh)


class ActorBase:
    """Entries indexed by folded name, surname and office; lookups are dictionary reads."""

    def __init__(self, layers: list[ActorFile]) -> None:
        self.by_id: dict[str, Entry] = {}
        self.agents: dict[str, str] = {}
        self.descriptors: list[Descriptor] = []
        for layer in layers:
            for e in layer.entries:
                self._add(e)
            for phrase, code in layer.agents.items():
                if code:
                    self.agents[phrase] = code
                else:
                    self.agents.pop(phrase, None)
            self.descriptors = [*layer.descriptors, *self.descriptors]
        self.entries = [self._complete(e) for e in self.by_id.values()]
        self.by_id = {e.actor_id: e for e in self.entries}
        self.names: dict[str, list[Entry]] = defaultdict(list)
        self.surnames: dict[str, list[Entry]] = defaultdict(list)
        self.offices: dict[tuple[str, str], list[tuple[Entry, Role]]] = defaultdict(list)
        for e in self.entries:
            self._index(e)
        for found in (*self.names.values(), *self.surnames.values()):
            found.sort(key=self._static_rank)
        self._profiles: dict[str, Counter[str]] = {}
        self._near: dict[str, set[str]] = defaultdict(set)
        for k, found in self.names.items():
            if " " not in k and len(k) >= 5 and any(e.source == "table" for e in found):
                for d in {k, *_deletes(k)}:
                    self._near[d].add(k)

    @classmethod
    def load(cls, user: Path | None = None, *, with_builtin: bool = True) -> ActorBase:
        """The tables, the built base and every actor file in ``user`` (default: user_dir())."""
        layers = [ActorFile(entries=table_entries())]
        if with_builtin:
            layers.append(builtin()[1])
        folder = user if user is not None else user_dir()
        for path in user_files(folder):
            layers.append(read_actor_file(path, country_codes(), source="user"))
        return cls(layers)

    # -- building ---------------------------------------------------------------------------

    def _add(self, e: Entry) -> None:
        old = self.by_id.get(e.actor_id)
        if old is None:
            self.by_id[e.actor_id] = e
            return
        keys = {name_key(n) for n in e.names}
        self.by_id[e.actor_id] = Entry(
            e.actor_id,
            e.name,
            e.kind if e.source == "user" or e.kind != "person" else old.kind,
            e.country or old.country,
            e.sector or old.sector,
            e.aliases + [n for n in old.names if name_key(n) not in keys],
            e.roles or old.roles,
            e.source,
        )

    def _complete(self, e: Entry) -> Entry:
        """Roles get their sector (from the office or its body) and country."""
        roles = []
        for r in e.roles:
            org = self.by_id.get(r.org) if r.org else None
            country = r.country or (org.country if org else None) or e.country
            sector = (
                r.sector or (org.sector if org else None) or actorresolve.office_sector(r.office)
            )
            roles.append(replace(r, country=country, sector=sector))
        if roles != e.roles:
            e = replace(e, roles=roles)
        if e.kind == "person" and e.country is None and roles:
            e = replace(
                e,
                country=next(
                    (r.country for r in reversed(roles) if r.country not in {None, "IGO", "NGO"}),
                    None,
                ),
            )
        return e

    def _index(self, e: Entry) -> None:
        keys: set[str] = set()
        folded = [k for k in map(name_key, e.names) if k]
        for k in folded:
            keys.add(k)
            if e.kind == "person":
                loose = " ".join(w for w in k.split() if w not in ARABIC_ARTICLES)
                if loose:
                    keys.add(loose)
        for k in keys:
            self.names[k].append(e)
        if e.kind == "person":
            for surname in {_surname(k, e.country) for k in folded}:
                if surname and surname not in keys:
                    self.surnames[surname].append(e)
        for r in e.roles:
            if r.office:
                holder = r.org or r.country
                if holder:
                    self.offices[(holder, r.office)].append((e, r))

    @staticmethod
    def _static_rank(e: Entry) -> tuple[int, int, int]:
        return (SOURCE_RANK.get(e.source, 9), KIND_RANK.get(e.kind, 9), -len(e.roles))

    # -- lookups ----------------------------------------------------------------------------

    def find(self, key: str, when: date | None = None) -> list[Entry]:
        """Entries named ``key`` (already folded), those in office on ``when`` first."""
        found = self.names.get(key)
        if not found:
            loose = " ".join(w for w in key.split() if w not in ARABIC_ARTICLES)
            found = self.names.get(loose) if loose != key else None
            found = [e for e in found or () if e.kind == "person"]
        if not found:
            return []
        if when is None or len(found) == 1:
            return list(found)
        return sorted(
            found,
            key=lambda e: (
                self._static_rank(e)[0],
                actorresolve.role_at(e, when) is None,
                self._static_rank(e)[1:],
            ),
        )

    def lookup(self, name: str, date: date | str | None = None) -> list[Entry]:
        """Entries a name, alias or office title names on ``date``.

        "Bashar al-Assad", "Assad" and "Syrian president" (on 2021-02-01) all give Bashar
        al-Assad's entry; a title of a known office gives its holder on that date.
        """
        when = as_date(date)
        found = self.find(name_key(name), when)
        if found:
            return found
        tokens, _ = actorresolve._strip(tokenize(name))
        reading = actorresolve.read(self, tokens, when)
        if reading.office and reading.holder:
            return [
                e for e, _ in self.holders(reading.holder, reading.office, when, reading.target)
            ]
        if len(tokens) == 1:
            return self.surname(tokens[0].key, when, None)
        return []

    def surname(self, key: str, when: date | None, context: str | None) -> list[Entry]:
        """The one person ``key`` can be a surname of (in office on ``when``, named in context)."""
        bearers = self.surnames.get(key) or []
        if len(bearers) > 5:
            return []  # a common name ("Khan", "Ali"): a surname alone does not say who
        found = [e for e in bearers if e.source in {"user", "update"}]
        if not found:
            return []
        best = min(SOURCE_RANK.get(e.source, 9) for e in found)
        found = [e for e in found if SOURCE_RANK.get(e.source, 9) == best]
        if when is not None and len(found) > 1:
            active = [e for e in found if actorresolve.role_at(e, when) is not None]
            found = active or found
        if len(found) > 1 and context:
            counts = self.context_profile(context)
            found = [e for e in found if self.state(e, when)[0] in counts] or found
        if len(found) > 1:
            ranks = sorted(
                found,
                key=lambda e: (
                    -actorresolve.rank(
                        (actorresolve.role_at(e, when) or Role(None, None, None)).office
                    )
                ),
            )
            top = actorresolve.rank(
                (actorresolve.role_at(ranks[0], when) or Role(None, None, None)).office
            )
            second = actorresolve.rank(
                (actorresolve.role_at(ranks[1], when) or Role(None, None, None)).office
            )
            return [ranks[0]] if top > second else []
        return found

    def holders(
        self, holder: str, office: str, when: date | None, target: str | None = None
    ) -> list[tuple[Entry, Role]]:
        """Who held ``office`` of ``holder`` (a country code or an org id) on ``when``.

        With no date, the current holders (open terms). Latest term first.
        """
        offices = [office]
        if office == "leader" and ":" in holder:
            # "the UN chief", "the IAEA head": the body's own top office.
            offices += [o for o in TOP_OFFICES if (holder, o) in self.offices]
        for group in (HEAD_OF_STATE, HEAD_OF_GOVERNMENT, FOREIGN):
            if office in group:
                offices += [o for o in group if o != office]
        for o in offices:
            terms = self.offices.get((holder, o), [])
            if target:
                terms = [t for t in terms if t[1].target == target]
            if when is not None:
                terms = [t for t in terms if t[1].active(when)]
            else:
                terms = [t for t in terms if t[1].end is None] or sorted(
                    terms, key=lambda t: t[1].end or date.max
                )[-1:]
            if terms:
                return sorted(terms, key=lambda t: t[1].start or date.min, reverse=True)
        return []

    def state(self, e: Entry, when: date | None) -> tuple[str | None, str | None, Role | None]:
        """(country, sector, role) of an entry on ``when``: its role then, or what it was.

        A person out of office after a term is an elite (ELI) of their country; before their
        first known term they have their default codes.
        """
        if not e.roles:
            return e.country, e.sector, None
        role = actorresolve.role_at(e, when)
        if role is not None:
            return role.country or e.country, role.sector or e.sector, role
        roles = [r for r in e.roles if r.sector != "ELI"]
        if when is None or not roles:
            last = e.roles[-1]
            return e.country or last.country, e.sector or last.sector, None
        if all(r.start and when < r.start for r in roles):
            first = min(roles, key=lambda r: r.start or date.min)
            return e.country or first.country, e.sector or first.sector, None
        past = max(
            (r for r in roles if r.end and r.end < when),
            key=lambda r: r.end or date.min,
            default=roles[-1],
        )
        if e.kind == "person":
            home = e.country if e.country not in {None, "IGO"} else past.country
            return home, "ELI", None
        return past.country or e.country, past.sector or e.sector, None

    def context_profile(self, context: str) -> Counter[str]:
        """Countries named in a context (names, demonyms, capitals, cities), counted."""
        cached = self._profiles.get(context)
        if cached is not None:
            return cached
        counts: Counter[str] = Counter()
        tokens = tokenize(context)
        i = 0
        while i < len(tokens):
            for size in (4, 3, 2, 1):
                piece = tokens[i : i + size]
                if len(piece) < size or not piece[0].capitalized:
                    continue
                found = self.names.get(" ".join(t.key for t in piece))
                hit = next((e for e in found or () if e.kind in {"country", "place"}), None)
                if hit is not None and hit.country:
                    counts[hit.country] += 1
                    i += size - 1
                    break
            i += 1
        if len(self._profiles) > 256:
            self._profiles.clear()
        self._profiles[context] = counts
        return counts

    def search(self, text: str, limit: int = 20) -> list[Entry]:
        """Entries with a name containing ``text`` (folded): exact, then prefix, then inside."""
        key = name_key(text)
        if not key:
            return []
        scored: dict[str, tuple[int, tuple[int, int, int], Entry]] = {}
        for k, found in self.names.items():
            if key not in k:
                continue
            score = 0 if k == key else 1 if k.startswith(key) else 2
            for e in found:
                old = scored.get(e.actor_id)
                cand = (score, self._static_rank(e), e)
                if old is None or cand[:2] < old[:2]:
                    scored[e.actor_id] = cand
        ranked = sorted(scored.values(), key=lambda s: (s[0], s[1], s[2].name))
        return [s[2] for s in ranked[:limit]]

    def resolve(
        self, text: str, date: date | str | None = None, context: str | None = None
    ) -> Actor | None:
        """The actor a mention names on ``date``; see :func:`resolve_actor`."""
        return actorresolve.resolve(self, text, as_date(date), context)

    def fuzzy(self, key: str) -> Entry | None:
        """The one country or place a misspelt word names ("Kazahks", "Dehli"), if any."""
        if len(key) < 5:
            return None
        near = {k for d in {key, *_deletes(key)} for k in self._near.get(d, ())}
        found = {
            e.country: e
            for k in near
            if k[0] == key[0] and _one_edit(key, k, len(key) >= 8)
            for e in self.names.get(k, ())
            if e.source == "table" and e.country and e.kind in {"country", "place"}
        }
        return next(iter(found.values())) if len(found) == 1 else None


def _deletes(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def _one_edit(a: str, b: str, any_edit: bool) -> bool:
    """Two neighbours swapped ("Kazahks"); with ``any_edit`` also one letter added, dropped or
    changed (long words only: short names one letter apart are often other names)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
        return swapped or (any_edit and len(diff) == 1)
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any_edit and any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _surname(key: str, country: str | None) -> str | None:
    words = [w for w in key.split() if w not in ARABIC_ARTICLES]
    while words and words[0] in TITLE_WORDS:
        words = words[1:]
    if len(words) < 2:
        return None
    word = words[0] if country in FAMILY_NAME_FIRST else words[-1]
    return word if len(word) >= (2 if country in FAMILY_NAME_FIRST else 4) else None


def as_date(value: date | str | None) -> date | None:
    """A date, an ISO text (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) or None."""
    if value is None or isinstance(value, date):
        return value
    try:
        return parse_day(value)
    except ValueError as exc:
        raise ConfigError(f"bad date {value!r}: write YYYY-MM-DD") from exc


def user_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.suffix.lower() in {".yaml", ".yml", ".csv"} and p.is_file()
    )


def _signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in user_files(folder))


@lru_cache(maxsize=2)
def _cached(folder: str, signature: tuple[tuple[str, int, int], ...]) -> ActorBase:
    return ActorBase.load(Path(folder))


def default_base() -> ActorBase:
    """The base with the user's files, loaded once (again when the user's files change)."""
    folder = user_dir()
    return _cached(str(folder), _signature(folder))


def resolve_actor(
    text: str,
    date: date | str | None = None,
    context: str | None = None,
    base: ActorBase | None = None,
) -> Actor | None:
    """The actor a mention names on ``date`` (the article's publication date), or None.

    ``context`` is the text around the mention (the article): it gives the country of people the
    base does not know and of descriptions ("the government delegation"), and picks among
    namesakes. ``resolve_actor("Syrian foreign minister", date="2018-06-01")`` is Walid
    al-Moallem, on ``"2021-02-01"`` Faisal al-Mekdad.
    """
    return (base or default_base()).resolve(text, date, context)


def import_actors(path: str | Path, folder: Path | None = None) -> int:
    """Check an actor file (YAML or CSV) and copy it into the user's folder; its actors count.

    A malformed file raises :class:`~dragoman.errors.ConfigError` naming the line and the
    reason, and nothing is copied. Importing a file of the same name again replaces it.
    """
    source = Path(path)
    parsed = read_actor_file(source, country_codes(), source="user")
    ids = {e.actor_id for e in parsed.entries}
    known = {e.actor_id for e in table_entries()}
    for e in parsed.entries:
        for r in e.roles:
            if r.org and r.org not in ids | known and not r.org.startswith(("person:", "cameo:")):
                log.info("%s: role of %s names body %r not in the tables", source, e.name, r.org)
    target = folder if folder is not None else user_dir()
    target.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.NamedTemporaryFile("wb", dir=target, delete=False, suffix=".part") as tmp,
        source.open("rb") as fh,
    ):
        shutil.copyfileobj(fh, tmp)
    Path(tmp.name).replace(target / source.name)
    _cached.cache_clear()
    return len(parsed.entries)


def describe(entry: Entry) -> str:
    """A few lines about an entry, for ``dragoman actors show``."""
    out = io.StringIO()
    out.write(
        f"{entry.name}  [{entry.actor_id}]  {entry.kind}, "
        f"{entry.country or '-'} {entry.sector or ''}".rstrip()
        + "\n"
    )
    if entry.aliases:
        out.write(
            "  aliases: "
            + "; ".join(entry.aliases[:12])
            + (" ..." if len(entry.aliases) > 12 else "")
            + "\n"
        )
    for r in entry.roles:
        span = f"{r.start or '?'} .. {r.end or ''}".rstrip()
        what = r.office or "-"
        if r.target:
            what += f" for {r.target}"
        out.write(f"  {span:24} {what} ({r.country or '-'} {r.sector or '-'})\n")
    return out.getvalue()
