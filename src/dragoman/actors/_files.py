"""The user's actor files: YAML and CSV, checked field by field.

Users write entries in YAML (``actors:``, ``offices:``, ``agents:`` and ``descriptors:``
sections) or CSV (one role a row); :func:`read_actor_file` checks every field and refuses a file
with the line and the reason (:class:`~dragoman.errors.ConfigError`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from dragoman.actors._entries import (
    KINDS,
    SECTORS,
    SPECIAL_COUNTRIES,
    ActorFile,
    Descriptor,
    Entry,
    Role,
)
from dragoman.actors._words import office_key, parse_day
from dragoman.errors import ConfigError
from dragoman.text import name_key, slug


class _Checker:
    """Validates values and raises ConfigError naming the file, the line and the fix."""

    def __init__(self, path: str, countries: frozenset[str]) -> None:
        self.path = path
        self.countries = countries | SPECIAL_COUNTRIES

    def fail(self, line: int, reason: str) -> ConfigError:
        return ConfigError(f"{self.path}:{line}: {reason}")

    def country(self, value: Any, line: int) -> str | None:
        if value in (None, ""):
            return None
        code = str(value).strip().upper()
        if code not in self.countries:
            raise self.fail(line, f"unknown country code {value!r} (use ISO 3166 alpha-3 or IGO)")
        return code

    def sector(self, value: Any, line: int) -> str | None:
        if value in (None, ""):
            return None
        code = str(value).strip().upper()
        if code not in SECTORS:
            raise self.fail(line, f"unknown sector {value!r}; known: {' '.join(sorted(SECTORS))}")
        return code

    def day(self, value: Any, line: int, *, end: bool = False) -> date | None:
        if value in (None, ""):
            return None
        try:
            return parse_day(value, end=end)
        except ValueError as exc:
            raise self.fail(line, str(exc)) from None

    def text(self, value: Any, line: int, what: str) -> str:
        if not isinstance(value, (str, int, float)) or not str(value).strip():
            raise self.fail(line, f"{what} must be a non-empty text, got {value!r}")
        return str(value).strip()

    def kind(self, value: Any, line: int) -> str:
        kind = str(value or "person").strip().lower()
        if kind not in KINDS:
            raise self.fail(line, f"unknown kind {value!r}; use one of {', '.join(sorted(KINDS))}")
        return kind


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _scalar(node: yaml.Node, check: _Checker, what: str) -> str | None:
    """A scalar's text as written (dates and numbers stay text); None for an empty value."""
    if not isinstance(node, yaml.ScalarNode):
        raise check.fail(_line(node), f"{what} must be a single value")
    if node.tag == "tag:yaml.org,2002:null" or node.value in ("", "~"):
        return None
    return str(node.value)


def _mapping(node: yaml.Node, check: _Checker, what: str) -> list[tuple[str, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        raise check.fail(_line(node), f"{what} must be a mapping of key: value")
    return [(str(k.value), v) for k, v in node.value]


def _sequence(node: yaml.Node, check: _Checker, what: str) -> list[yaml.Node]:
    if not isinstance(node, yaml.SequenceNode):
        raise check.fail(_line(node), f"{what} must be a list")
    return list(node.value)


def _strings(node: yaml.Node, check: _Checker, what: str) -> list[str]:
    if isinstance(node, yaml.ScalarNode):
        return [check.text(node.value, _line(node), what)]
    return [
        check.text(_scalar(n, check, what), _line(n), what) for n in _sequence(node, check, what)
    ]


ROLE_FIELDS = ("office", "country", "sector", "org", "target", "start", "end")


def _role(node: yaml.Node, check: _Checker, default_country: str | None) -> Role:
    line = _line(node)
    values: dict[str, Any] = {}
    if isinstance(node, yaml.SequenceNode):
        items = [_scalar(n, check, "a role field") for n in node.value]
        if not 1 <= len(items) <= 3:
            raise check.fail(line, "a role list reads [office, start, end]")
        values = dict(zip(("office", "start", "end"), items, strict=False))
    else:
        for key, value in _mapping(node, check, "a role"):
            if key not in ROLE_FIELDS:
                raise check.fail(_line(value), f"unknown role field {key!r}; use {ROLE_FIELDS}")
            values[key] = _scalar(value, check, key)
    start = check.day(values.get("start"), line)
    end = check.day(values.get("end"), line, end=True)
    if start and end and end < start:
        raise check.fail(line, f"role ends ({end}) before it starts ({start})")
    office = values.get("office")
    return Role(
        office=office_key(check.text(office, line, "office")) if office not in (None, "") else None,
        country=check.country(values.get("country"), line)
        or (None if values.get("org") else default_country),
        sector=check.sector(values.get("sector"), line),
        start=start,
        end=end,
        org=str(values["org"]) if values.get("org") else None,
        target=check.country(values.get("target"), line),
    )


ENTRY_FIELDS = ("id", "name", "aliases", "kind", "country", "sector", "roles")


def _entry(node: yaml.Node, check: _Checker, source: str) -> Entry:
    fields = dict(_mapping(node, check, "an actor"))
    for key, value in fields.items():
        if key not in ENTRY_FIELDS:
            raise check.fail(_line(value), f"unknown actor field {key!r}; use {ENTRY_FIELDS}")
    if "name" not in fields:
        raise check.fail(_line(node), "an actor needs a name")
    name = check.text(_scalar(fields["name"], check, "name"), _line(fields["name"]), "name")
    line = _line(node)
    kind = check.kind(_scalar(fields["kind"], check, "kind") if "kind" in fields else None, line)
    country = (
        check.country(_scalar(fields["country"], check, "country"), line)
        if ("country" in fields)
        else None
    )
    sector = (
        check.sector(_scalar(fields["sector"], check, "sector"), line)
        if ("sector" in fields)
        else None
    )
    roles = (
        [_role(n, check, country) for n in _sequence(fields["roles"], check, "roles")]
        if ("roles" in fields)
        else []
    )
    aliases = _strings(fields["aliases"], check, "an alias") if "aliases" in fields else []
    actor_id = (
        check.text(_scalar(fields["id"], check, "id"), line, "id")
        if "id" in fields
        else f"{'person' if kind == 'person' else kind}:{slug(name)}"
    )
    return Entry(actor_id, name, kind, country, sector, aliases, roles, source)


def _holders(
    holder: str, office_node: yaml.Node, office: str, check: _Checker
) -> Iterator[tuple[str, Role, int]]:
    """``Name | start | end`` lines under ``offices: {SYR: {foreign minister: [...]}}``."""
    org = holder if ":" in holder else None
    country = None if org else check.country(holder, _line(office_node))
    for n in _sequence(office_node, check, f"the holders of {office!r}"):
        line = _line(n)
        text = check.text(_scalar(n, check, "a holder"), line, "a holder")
        parts = [p.strip() for p in text.split("|")]
        if len(parts) > 4 or not parts[0]:
            raise check.fail(
                line, "a holder reads 'Name | start | end' (end empty while in office)"
            )
        parts += [""] * (4 - len(parts))
        start = check.day(parts[1], line)
        end = check.day(parts[2], line, end=True)
        if start and end and end < start:
            raise check.fail(line, f"{parts[0]}: term ends ({end}) before it starts ({start})")
        role = Role(office_key(office), country, check.sector(parts[3], line), start, end, org)
        yield parts[0], role, line


def parse_yaml(text: str, path: str, countries: frozenset[str], source: str = "user") -> ActorFile:
    check = _Checker(path, countries)
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise check.fail(line, f"not valid YAML: {problem}") from None
    out = ActorFile()
    if root is None:
        return out
    holders: list[tuple[str, Role]] = []
    for section, node in _mapping(root, check, "the file"):
        if section == "actors":
            out.entries += [_entry(n, check, source) for n in _sequence(node, check, "actors")]
        elif section == "offices":
            for holder, offices in _mapping(node, check, "offices"):
                for office, names in _mapping(offices, check, f"offices of {holder}"):
                    holders += [(n, r) for n, r, _ in _holders(holder, names, office, check)]
        elif section == "agents":
            for phrase, value in _mapping(node, check, "agents"):
                text = _scalar(value, check, "a sector") or ""
                code = "" if text.lower() in {"-", "none"} else check.sector(text, _line(value))
                out.agents[name_key(phrase)] = code or ""
        elif section == "descriptors":
            for n in _sequence(node, check, "descriptors"):
                out.descriptors.append(_descriptor(n, check))
        else:
            raise check.fail(
                _line(node),
                f"unknown section {section!r}; use actors, offices, agents, descriptors",
            )
    _link(out, holders, source)
    return out


def _link(out: ActorFile, holders: list[tuple[str, Role]], source: str) -> None:
    """Office holders join the actor of the same name (or alias), or become new people."""
    by_name: dict[str, Entry] = {}
    for e in out.entries:
        for n in e.names:
            by_name.setdefault(name_key(n), e)
    for name, role in holders:
        entry = by_name.get(name_key(name))
        if entry is None:
            entry = Entry(
                f"person:{slug(name)}", name, "person", role.country, None, [], [], source
            )
            by_name[name_key(name)] = entry
            out.entries.append(entry)
        entry.roles.append(role)
    for e in out.entries:
        e.roles.sort(key=lambda r: (r.start or date.min, r.office or ""))


def _descriptor(node: yaml.Node, check: _Checker) -> Descriptor:
    values = dict(_mapping(node, check, "a descriptor"))
    line = _line(node)
    if "actor" not in values or "words" not in values or "heads" not in values:
        raise check.fail(line, "a descriptor needs words, heads and actor")
    return Descriptor(
        words=tuple(name_key(w) for w in _strings(values["words"], check, "a word")),
        heads=tuple(name_key(w) for w in _strings(values["heads"], check, "a head")),
        actor_id=check.text(_scalar(values["actor"], check, "actor"), line, "actor"),
        country=check.country(_scalar(values["country"], check, "country"), line)
        if "country" in values
        else None,
        start=check.day(_scalar(values["start"], check, "start"), line)
        if "start" in values
        else None,
        end=check.day(_scalar(values["end"], check, "end"), line, end=True)
        if "end" in values
        else None,
    )


CSV_COLUMNS = (
    "id",
    "name",
    "aliases",
    "kind",
    "country",
    "sector",
    "office",
    "org",
    "target",
    "start",
    "end",
)


def parse_csv(text: str, path: str, countries: frozenset[str], source: str = "user") -> ActorFile:
    """One role a row; rows with the same id (or name) make one actor. ``aliases`` split on |."""
    check = _Checker(path, countries)
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    if "name" not in header:
        raise check.fail(1, f"a CSV actor file needs a 'name' column; columns: {CSV_COLUMNS}")
    unknown = [c for c in header if c not in CSV_COLUMNS]
    if unknown:
        raise check.fail(1, f"unknown column(s) {', '.join(unknown)}; use {', '.join(CSV_COLUMNS)}")
    out = ActorFile()
    by_id: dict[str, Entry] = {}
    for row in reader:
        line = reader.line_num
        if None in row:
            raise check.fail(line, "more cells than columns (quote cells that hold commas)")
        name = check.text(row.get("name"), line, "name")
        kind = check.kind(row.get("kind"), line)
        country = check.country(row.get("country"), line)
        actor_id = (row.get("id") or "").strip() or f"{kind}:{slug(name)}"
        entry = by_id.get(actor_id)
        if entry is None:
            entry = Entry(
                actor_id, name, kind, country, check.sector(row.get("sector"), line), [], [], source
            )
            by_id[actor_id] = entry
            out.entries.append(entry)
        entry.aliases += [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        if any(row.get(c) for c in ("office", "start", "end", "org", "target")):
            start = check.day(row.get("start"), line)
            end = check.day(row.get("end"), line, end=True)
            if start and end and end < start:
                raise check.fail(line, f"role ends ({end}) before it starts ({start})")
            office = office_key(row.get("office") or "")
            entry.roles.append(
                Role(
                    office,
                    country or entry.country,
                    check.sector(row.get("sector"), line),
                    start,
                    end,
                    (row.get("org") or "").strip() or None,
                    check.country(row.get("target"), line),
                )
            )
    return out


def read_actor_file(path: str | Path, countries: frozenset[str], source: str = "user") -> ActorFile:
    """Read and check a YAML (.yaml, .yml) or CSV (.csv) actor file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read actor file {p}: {exc}") from exc
    suffix = p.suffix.lower()
    if suffix in {".yaml", ".yml"}:
        return parse_yaml(text, str(p), countries, source)
    if suffix == ".csv":
        return parse_csv(text, str(p), countries, source)
    raise ConfigError(f"actor file {p} must end in .yaml, .yml or .csv")
