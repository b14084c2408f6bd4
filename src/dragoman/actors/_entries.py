"""The actor base's records: actors with dated roles, group descriptions, and the built file.

An :class:`Entry` is one actor (a person, a group, a place, a country) with its names and dated
:class:`Role`\\ s; an :class:`ActorFile` is what one layer of the base holds (entries, the role
words of ``agents``, group ``descriptors``). The built base ships as gzipped JSON lines
(:func:`write_built`, :func:`read_built`).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dragoman.actors._words import HEAD_OF_GOVERNMENT, HEAD_OF_STATE

#: Sector codes an actor or a role may carry (CAMEO agent codes; MED is media, HLH health).
SECTORS = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY IGO NGO MED REL CVL BUS ELI LEG EDU HLH LAB AGR REF CRM UAF "
    "ENV DEV HRI PRE".split()
)


#: Country codes beside ISO 3166 alpha-3: international bodies and non-governmental ones.
SPECIAL_COUNTRIES = frozenset({"IGO", "NGO"})


KINDS = frozenset({"person", "group", "place", "country"})


@dataclass(frozen=True, slots=True)
class Role:
    """A position held from ``start`` to ``end`` (None: open or unknown)."""

    office: str | None
    country: str | None
    sector: str | None
    start: date | None = None
    end: date | None = None
    org: str | None = None  # the actor id of the body the office belongs to
    target: str | None = None  # "special envoy for Syria" -> SYR

    def active(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(slots=True)
class Entry:
    actor_id: str
    name: str
    kind: str = "person"
    country: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    source: str = "user"  # user, update, cameo, table

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass(frozen=True, slots=True)
class Descriptor:
    """A group description ("Kurdish forces") that names an actor where a country is at hand."""

    words: tuple[str, ...]
    heads: tuple[str, ...]
    actor_id: str
    country: str | None = None
    start: date | None = None
    end: date | None = None


@dataclass(slots=True)
class ActorFile:
    entries: list[Entry] = field(default_factory=list)
    agents: dict[str, str] = field(default_factory=dict)
    descriptors: list[Descriptor] = field(default_factory=list)


def role_at(entry: Entry, when: date | None) -> Role | None:
    """The role an entry holds on ``when`` (most senior first), or its principal one."""
    roles = [r for r in entry.roles if r.sector != "ELI"]
    if not roles:
        return None
    if when is None:
        # No date: what the entry is now or was last (an open term first, then the latest).
        return max(roles, key=lambda r: (r.end is None, r.start or date.min, rank(r.office)))
    roles = [r for r in roles if r.active(when)]
    return max(roles, key=lambda r: (rank(r.office), r.start or date.min)) if roles else None


def rank(office: str | None) -> int:
    """How senior an office is, for picking a person's role and a surname's bearer."""
    if office in HEAD_OF_STATE:
        return 4
    if office in HEAD_OF_GOVERNMENT:
        return 3
    if office in {
        "foreign minister",
        "defence minister",
        "interior minister",
        "army chief",
        "secretary-general",
        "leader",
    }:
        return 2
    return 1 if office else 0


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def entry_record(e: Entry) -> dict[str, Any]:
    record: dict[str, Any] = {"id": e.actor_id, "name": e.name, "kind": e.kind}
    for key, value in (("country", e.country), ("sector", e.sector)):
        if value:
            record[key] = value
    if e.aliases:
        record["aliases"] = e.aliases
    if e.roles:
        record["roles"] = [
            [r.office, r.country, r.sector, iso(r.start), iso(r.end), r.org, r.target]
            for r in e.roles
        ]
    record["src"] = e.source
    return record


def entry_from_record(record: dict[str, Any]) -> Entry:
    roles = [
        Role(
            o,
            c,
            s,
            date.fromisoformat(a) if a else None,
            date.fromisoformat(b) if b else None,
            org,
            t,
        )
        for o, c, s, a, b, org, t in record.get("roles", ())
    ]
    return Entry(
        record["id"],
        record["name"],
        record["kind"],
        record.get("country"),
        record.get("sector"),
        record.get("aliases", []),
        roles,
        record["src"],
    )


def write_built(path: Path, meta: dict[str, Any], actors: ActorFile) -> None:
    """Gzipped JSON lines: a meta record, then agents, descriptors and actors (deterministic)."""
    lines = [json.dumps({"meta": meta}, ensure_ascii=False, sort_keys=True)]
    lines += [
        json.dumps({"agent": k, "sector": v}, ensure_ascii=False)
        for k, v in sorted(actors.agents.items())
    ]
    for d in actors.descriptors:
        lines.append(
            json.dumps(
                {
                    "descriptor": {
                        "words": d.words,
                        "heads": d.heads,
                        "actor": d.actor_id,
                        "country": d.country,
                        "start": iso(d.start),
                        "end": iso(d.end),
                    }
                },
                ensure_ascii=False,
            )
        )
    lines += [json.dumps(entry_record(e), ensure_ascii=False) for e in actors.entries]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh:
        fh.write(data)


def read_built(lines: Iterable[str]) -> tuple[dict[str, Any], ActorFile]:
    meta: dict[str, Any] = {}
    out = ActorFile()
    for line in lines:
        record = json.loads(line)
        if "meta" in record:
            meta = record["meta"]
        elif "agent" in record:
            out.agents[record["agent"]] = record["sector"]
        elif "descriptor" in record:
            d = record["descriptor"]
            out.descriptors.append(
                Descriptor(
                    tuple(d["words"]),
                    tuple(d["heads"]),
                    d["actor"],
                    d["country"],
                    date.fromisoformat(d["start"]) if d["start"] else None,
                    date.fromisoformat(d["end"]) if d["end"] else None,
                )
            )
        else:
            out.entries.append(entry_from_record(record))
    return meta, out
