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

import gzip
import io
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from dragoman.actors._entries import ActorFile, Entry, Role, read_built
from dragoman.actors._files import read_actor_file
from dragoman.actors._index import ActorIndex
from dragoman.actors._reading import read, strip_words
from dragoman.actors._resolve import resolve as resolve_mention
from dragoman.actors._resolve import resolve_how
from dragoman.actors._words import parse_day
from dragoman.errors import ConfigError
from dragoman.tables import countries, organizations, split_cell
from dragoman.text import name_key, name_words
from dragoman.types import Actor

log = logging.getLogger(__name__)


def user_dir() -> Path:
    """Where imported actor files live: ``$DRAGOMAN_HOME/actors`` or the XDG data folder."""
    home = os.environ.get("DRAGOMAN_HOME")
    if home:
        return Path(home) / "actors"
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "dragoman" / "actors"


def _plurals(demonym: str) -> list[str]:
    if demonym.endswith(("s", "sh", "ch", "ese", "x", "z")):
        return []
    return [demonym + "s"]


def table_entries() -> list[Entry]:
    """Countries (with demonyms), their seats of government, and the organizations table."""
    out: list[Entry] = []
    for row in countries():
        iso3, name = row["iso3"], row["name"]
        demonyms = split_cell(row["demonyms"])
        aliases = split_cell(row["aliases"]) + demonyms + [p for d in demonyms for p in _plurals(d)]
        out.append(Entry(f"country:{iso3}", name, "country", iso3, None, aliases, [], "table"))
        seats = split_cell(row["capitals"]) + split_cell(row["seats"])
        if seats:
            out.append(
                Entry(f"seat:{iso3}", seats[0], "place", iso3, "GOV", seats[1:], [], "table")
            )
    for row in organizations():
        out.append(
            Entry(
                row["actor_id"],
                row["name"],
                "group",
                row["country"] or None,
                row["sector"] or None,
                split_cell(row["aliases"]),
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


class ActorBase(ActorIndex):
    """The whole base: the index, and the reading of mentions against it."""

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

    def lookup(self, name: str, date: date | str | None = None) -> list[Entry]:
        """Entries a name, alias or office title names on ``date``.

        "Bashar al-Assad", "Assad" and "Syrian president" (on 2021-02-01) all give Bashar
        al-Assad's entry; a title of a known office gives its holder on that date.
        """
        when = as_date(date)
        found = self.find(name_key(name), when)
        if found:
            return found
        tokens, _ = strip_words(name_words(name))
        reading = read(self, tokens, when)
        if reading.office and reading.holder:
            return [
                e for e, _ in self.holders(reading.holder, reading.office, when, reading.target)
            ]
        if len(tokens) == 1:
            return self.surname(tokens[0].key, when, None)
        return []

    def resolve(
        self,
        text: str,
        date: date | str | None = None,
        context: str | None = None,
        home: str | None = None,
    ) -> Actor | None:
        """The actor a mention names on ``date``; see :func:`resolve_actor`."""
        return resolve_mention(self, text, as_date(date), context, home)

    def explain(
        self,
        text: str,
        date: date | str | None = None,
        context: str | None = None,
        home: str | None = None,
    ) -> Explanation:
        """Why a mention resolves as it does: the rule, the entry and its role on the date,
        and the countries the context names (``dragoman actors explain``)."""
        when = as_date(date)
        actor, rule = resolve_how(self, text, when, context, home)
        entry = self.by_id.get(actor.actor_id or "") if actor is not None else None
        role = self.state(entry, when)[2] if entry is not None else None
        named = self.context_profile(context).most_common(5) if context else []
        return Explanation(actor, rule, entry, role, named, home)


@dataclass(frozen=True, slots=True)
class Explanation:
    """What :meth:`ActorBase.explain` found out about one mention."""

    actor: Actor | None
    rule: str  # which rule of the resolver decided, in words
    entry: Entry | None  # the base's entry, when the actor is one
    role: Role | None  # the entry's role on the date, when it held one
    context_countries: list[tuple[str, int]]  # the countries the context names, most first
    home: str | None


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
    home: str | None = None,
) -> Actor | None:
    """The actor a mention names on ``date`` (the article's publication date), or None.

    ``context`` is the text around the mention (the article): it gives the country of people the
    base does not know and of descriptions ("the government delegation"), and picks among
    namesakes. ``resolve_actor("Syrian foreign minister", date="2018-06-01")`` is Walid
    al-Moallem, on ``"2021-02-01"`` Faisal al-Mekdad. ``home`` (an ISO3 code) is the country
    whose offices a title with no country names: the publisher's, when a state body publishes.
    """
    return (base or default_base()).resolve(text, date, context, home)


@lru_cache(maxsize=256)
def publisher_actor(publisher: str) -> Actor | None:
    """The body a publisher's name names ("UK Government" -> GBR GOV, "The Guardian" -> GBR
    MED), read alone, once per name: what a state body's release or a news outlet is."""
    return resolve_actor(publisher)


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
