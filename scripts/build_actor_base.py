#!/usr/bin/env python3
"""Build dragoman's actor base from the CAMEO/Phoenix dictionaries and our own update file.

    python scripts/build_actor_base.py                 write src/dragoman/data/actors.jsonl.gz
    python scripts/build_actor_base.py --check         exit 1 when the shipped file is stale

Reads (facts only: names, aliases, CAMEO country and sector codes, dated roles, office titles):
``../shared/data/cameo-petrarch/petrarch2/dictionaries/Phoenix.{Countries,International,
MilNonState}.actors.txt`` and ``Phoenix.agents.txt``, ``countryinfo/CountryInfo.120116.txt``
(office titles for the dated roles), and ``src/dragoman/data/actors_update.yaml`` (terms from 2016
to today, which the 2014-2016 dictionaries lack). The output is deterministic, so a rebuild of
unchanged inputs gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from dragoman.actors import GROUP_WORDS as BODY_WORDS  # "Tawhid Brigade", "Abn Amro Bank"
from dragoman.actors import (
    OFFICE_KEYS,
    SECTORS,
    ActorFile,
    Entry,
    Role,
    office_key,
    read_actor_file,
    write_built,
)
from dragoman.text import name_key, slug

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "dragoman" / "data"
DEFAULT_SOURCE = REPO.parent / "shared" / "data" / "cameo-petrarch"
OUTPUT = DATA / "actors.jsonl.gz"
UPDATE = DATA / "actors_update.yaml"
DICTIONARIES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)

#: Old CAMEO country codes and their ISO 3166 successors.
OLD_CODES = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "KOS": "XKX", "BAH": "BHS"}
#: CAMEO sector chunks folded into ours (religions to REL, insurgents and separatists to REB).
SECTOR_MAP = {
    "INS": "REB",
    "SEP": "REB",
    "RAD": "REB",
    "MNC": "BUS",
    "NGM": "NGO",
    **dict.fromkeys(
        "MUS CHR JEW BUD HIN CTH SHI SUN ORT PRO MOS JAN SIK ZRO CON ITH TAO DOX ALE BAH".split(),
        "REL",
    ),
}
#: Words that mark an alias as a group ("Assad regime") rather than a person's name.
GROUP_WORDS = frozenset(
    "government regime forces army administration ministry officials troops "
    "loyalists supporters camp militia cabinet family clan".split()
)
PARTICLES = frozenset("al el bin ibn de la le van von der den da do dos du di y of and the".split())
DICTIONARY_DATE = date(2014, 1, 30)  # when Phoenix.Countries was generated


@dataclass
class Block:
    """One TABARI record: a phrase, its synonyms, its codes (with date restrictions)."""

    primary: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, date | None, date | None]] = field(default_factory=list)
    comment: str = ""


CODE_RE = re.compile(r"\[([^\]]*)\]")


def tabari_day(text: str, *, end: bool = False) -> date | None:
    """A TABARI date: YYMMDD (YY <= 30 is 20YY) or YYYYMMDD; None when malformed."""
    text = text.strip()
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy <= 30 else 1900 + yy}{text[2:]}"
    if len(text) != 8 or not text.isdigit():
        return None
    y, m, d = int(text[:4]), int(text[4:6]), int(text[6:])
    try:
        return date(y, m, min(d, 28) if d > 28 and m == 2 else d)
    except ValueError:
        try:
            return date(y, m, 30)
        except ValueError:
            return None


def parse_code(spec: str) -> tuple[str, date | None, date | None] | None:
    """``SYRGOV 031001-060630`` -> ("SYRGOV", start, end); ``>date`` and ``<date`` likewise."""
    parts = spec.split(None, 1)
    if not parts or parts[0] in {"---", "~"}:
        return None
    code, rest = parts[0], (parts[1] if len(parts) > 1 else "").replace(" ", "")
    if not rest:
        return code, None, None
    if rest.startswith(">"):
        return code, tabari_day(rest[1:]), None
    if rest.startswith("<"):
        return code, None, tabari_day(rest[1:], end=True)
    if "-" in rest:
        a, b = rest.split("-", 1)
        return code, tabari_day(a), tabari_day(b, end=True)
    return None


def read_tabari(path: Path) -> Iterator[Block]:
    block: Block | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        content, _, comment = raw.partition("#")
        if not content.strip():
            continue
        codes = [c for c in (parse_code(s) for s in CODE_RE.findall(content)) if c]
        text = CODE_RE.sub(" ", content)
        if text.strip().startswith("+"):
            if block is not None:
                block.synonyms.append(text.strip()[1:])
                block.codes += codes
        elif content[:1].isspace() and not text.strip():
            if block is not None:
                block.codes += codes
        else:
            if block is not None:
                yield block
            block = Block(text.strip(), [], codes, comment.strip())
    if block is not None:
        yield block


def display(phrase: str) -> str:
    """``BASHAR_AL_ASSAD_`` -> ``Bashar al Assad``; parenthesised acronyms dropped."""
    words = re.sub(r"\([^)]*\)?", " ", phrase.replace("_", " ")).split()
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i and lw in PARTICLES:
            out.append(lw)
        elif (
            len(w) <= 4 and "." in w or (w.isupper() and len(w) <= 3 and i == 0 and len(words) == 1)
        ):
            out.append(w)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def decode(code: str, countries: frozenset[str]) -> tuple[str | None, str | None]:
    """A CAMEO actor code -> (country, sector): ``SYRGOVMIL`` -> (SYR, GOV), ``IGOUNO`` -> IGO."""
    code = code.strip("~").upper()
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    country: str | None = None
    sector: str | None = None
    first = OLD_CODES.get(chunks[0], chunks[0]) if chunks else ""
    rest = chunks[1:]
    if first in countries:
        country = first
    elif first == "IGO":
        return "IGO", "IGO"
    elif first in {"NGO", "MNC", "IMG"}:
        sector = {"NGO": "NGO", "MNC": "BUS", "IMG": "REB"}[first]
        if (
            rest
            and OLD_CODES.get(rest[0], rest[0]) in countries
            and SECTOR_MAP.get(rest[0]) != "REL"
        ):
            country = OLD_CODES.get(rest[0], rest[0])
        return country, sector
    else:
        rest = chunks
    for chunk in rest:
        mapped = SECTOR_MAP.get(chunk, chunk)
        if mapped in SECTORS:
            sector = mapped
            break
    return country, sector


def is_person(block: Block) -> bool:
    if "CountryInfo" in block.comment or "IGOrulers" in block.comment:
        return True
    # A dated block named like a person: two to four words, no group word, not "the ..." or
    # "... of ..." ("The Islamic State", "Soviet of Nationalities").
    shown = display(block.primary)
    words = name_key(shown).split()
    # dated, and in some role more than a country ("Timor Leste" is coded TLS alone)
    dated = any((s or e) for _, s, e in block.codes) and any(len(c) > 3 for c, _, _ in block.codes)
    unlike = GROUP_WORDS | BODY_WORDS | {"the", "of", "and", "jaysh", "jaish", "liwa", "harakat"}
    written = set(shown.lower().split())  # name_key drops a leading "the"
    return dated and 2 <= len(words) <= 4 and not unlike & (set(words) | written)


# -- CountryInfo: office titles ---------------------------------------------------------------

LEADER_TAG = re.compile(r"^\s*<([A-Za-z][^/>]*)>\s*$")
RANGE_RE = re.compile(
    r"\[\s*(?:([A-Z]{3,}[A-Z]*)\s+)?(<|>)?\s*(\d{6,8})?\s*(?:-\s*(\d{6,8}))?\s*\]"
)


PLACE_TAGS = ("Nationality", "Capital", "MajorCities", "Regions")
REGION_WORDS = re.compile(r"\s+(?:State|Province|Governorate|Oblast)$")
COMPASS = frozenset(
    "north south east west northern southern eastern western central upper lower "
    "new greater".split()
)


def read_places(path: Path) -> dict[str, list[str]]:
    """Country -> names of its people, capital, major cities and regions (CountryInfo)."""
    places: dict[str, list[str]] = defaultdict(list)
    country, tag = "", ""
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.search(r"<CountryCode>(\w+)</CountryCode>", raw)
        if m:
            country = OLD_CODES.get(m[1], m[1])
            continue
        stripped = raw.split("#", 1)[0].strip()
        m = re.match(r"^<(/?)(\w+)>$", stripped)
        if m:
            tag = "" if m[1] else m[2]
            continue
        if tag in PLACE_TAGS and stripped and country:
            name = display(stripped)
            places[country].append(name)
            short = REGION_WORDS.sub("", name)
            if short != name and len(short) >= 4 and name_key(short) not in COMPASS:
                places[country].append(short)
    return places


def read_countryinfo(path: Path) -> dict[tuple[str, str], list[tuple[str, date | None]]]:
    """(country, name key) -> [(office, start)] from the Leaders and Government blocks."""
    offices: dict[tuple[str, str], list[tuple[str, date | None]]] = defaultdict(list)
    country = ""
    section = ""
    tag = ""
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)
        m = re.search(r"<CountryCode>(\w+)</CountryCode>", raw)
        if m:
            country = OLD_CODES.get(m[1], m[1])
            continue
        stripped = line[0].strip()
        if stripped in {"<Leaders>", "<Government>"}:
            section, tag = stripped[1:-1], ""
            continue
        if stripped in {"</Leaders>", "</Government>"}:
            section = ""
            continue
        if not section:
            continue
        lt = LEADER_TAG.match(line[0])
        if section == "Leaders" and lt:
            tag = lt[1]
            continue
        if stripped.startswith("</") or not stripped:
            continue
        names = re.findall(r"\{([^}]*)\}", stripped) or [stripped.split("[", 1)[0]]
        ranges = RANGE_RE.findall(stripped)
        if section == "Leaders":
            titles = [tag] * len(ranges)
        else:
            titles = [t.strip() for t in (line[1] if len(line) > 1 else "").split("&")]
            if len(titles) != len(ranges):
                titles = [titles[0]] * len(ranges) if len(titles) == 1 else []
        for title, (_, op, start, _end) in zip(titles, ranges, strict=False):
            office = office_key(title.strip('" ').lower())
            if not office:
                continue
            day = tabari_day(start) if start and op != "<" else None
            for name in names:
                offices[(country, name_key(name.replace("_", " ")))].append((office, day))
    return offices


# -- assembling -------------------------------------------------------------------------------


def country_codes() -> frozenset[str]:
    with (DATA / "countries.tsv").open(encoding="utf-8") as fh:
        return frozenset(row["iso3"] for row in csv.DictReader(fh, delimiter="\t"))


def block_entries(
    block: Block,
    countries: frozenset[str],
    offices: dict[tuple[str, str], list[tuple[str, date | None]]],
    ids: dict[str, int],
    people: frozenset[str] = frozenset(),
) -> list[Entry]:
    """One Phoenix block as entries: the actor, and its group-like aliases split off."""
    name = display(block.primary)
    if not name_key(name):
        return []
    default: tuple[str | None, str | None] = (None, None)
    roles: list[Role] = []
    for code, start, end in block.codes:
        country, sector = decode(code, countries)
        if start is None and end is None:
            default = (country, sector)
        elif country or sector:
            roles.append(Role(None, country, sector, start, end))
    if default == (None, None) and not roles:
        return []
    person = is_person(block) or name_key(name) in people
    aliases = [display(s) for s in block.synonyms if name_key(display(s))]
    split_off = [a for a in aliases if person and GROUP_WORDS & set(name_key(a).split())]
    aliases = [a for a in aliases if a not in split_off]
    keys = {name_key(n) for n in [name, *aliases]}
    named_roles = []
    for r in roles:
        found = [
            o
            for k in sorted(keys)
            for o, s in offices.get((r.country or "", k), ())
            if s is not None and r.start is not None and abs((s - r.start).days) <= 31
        ]
        named_roles.append(replace(r, office=found[0]) if found else r)
    country, sector = default
    if not default[0] and roles:
        country = roles[-1].country
    kind = "person" if person else "group"
    if not person and not roles and sector is None and country:
        kind = "place"
    base = f"cameo:{slug(name)}"
    ids[base] += 1
    actor_id = base if ids[base] == 1 else f"{base}-{ids[base]}"
    out = [Entry(actor_id, name, kind, country, sector, aliases, named_roles, "cameo")]
    for alias in split_off:
        gid = f"cameo:{slug(alias)}"
        ids[gid] += 1
        out.append(
            Entry(
                gid if ids[gid] == 1 else f"{gid}-{ids[gid]}",
                alias,
                "group",
                country,
                (roles[-1].sector if roles else sector) or "GOV",
                [],
                [],
                "cameo",
            )
        )
    return out


def read_agents(path: Path) -> dict[str, str]:
    """Phoenix.agents.txt: noun phrases -> sector (substitution sets and plurals expanded)."""
    subs: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        content = raw.split("#", 1)[0].strip()
        m = re.match(r"^(!\w+!)\s*=\s*(.+)$", content)
        if m:
            subs[m[1]] = [w.strip() for w in m[2].split(",")]
            continue
        m = re.match(r"^(.+?)\s*(\{[^}]*\})?\s*\[~?([A-Z~]+)\]", content)
        if not m:
            continue
        phrase, irregular, code = m[1], m[2], m[3].strip("~")
        sector = next(
            (
                SECTOR_MAP.get(c, c)
                for c in (code[i : i + 3] for i in range(0, len(code), 3))
                if SECTOR_MAP.get(c, c) in SECTORS
            ),
            None,
        )
        if sector is None:
            continue
        forms = [phrase]
        for sub, words in subs.items():
            forms = (
                [
                    f.replace(sub, w + ("_" if not f.endswith(sub) else ""))
                    for f in forms
                    for w in (words if sub in f else [""])
                ]
                if any(sub in f for f in forms)
                else forms
            )
        if irregular:
            forms += [w for w in irregular.strip("{}").split() if w]
        for form in forms:
            key = name_key(form.replace("_", " "))
            if key:
                agents.setdefault(key, sector)
                if not key.endswith("s"):
                    agents.setdefault(plural(key), sector)
    return agents


def plural(key: str) -> str:
    if key.endswith(("men", "people", "police", "personnel", "staff")):
        return key
    if re.search(r"(s|x|ch|sh)$", key):
        return key + "es"
    if re.search(r"[^aeiou]y$", key):
        return key[:-1] + "ies"
    if key.endswith("man"):
        return key[:-3] + "men"
    return key + "s"


def merge_update(entries: list[Entry], update: ActorFile) -> list[Entry]:
    """Our update wins: a person it names absorbs the dictionary entries sharing a name.

    Dictionary roles from the period the update covers are dropped (their open ends are only
    'still in office in 2014'); older ones stay, an open one closed where the update begins.
    """
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(entries):
        if e.kind == "person":
            for n in e.names:
                by_key[name_key(n)].append(i)
    absorbed: set[int] = set()
    for u in update.entries:
        if u.kind != "person":
            continue
        hits = {i for n in u.names for i in by_key.get(name_key(n), ())}
        home = u.country or next((r.country for r in u.roles if r.country), None)
        hits = {
            i
            for i in hits
            if entries[i].country in {home, None, "IGO"}
            or any(r.country == home for r in entries[i].roles)
        }
        first = min((r.start for r in u.roles if r.start), default=None)
        for i in sorted(hits):
            old = entries[i]
            absorbed.add(i)
            u.aliases += [a for a in old.names if name_key(a) not in {name_key(x) for x in u.names}]
            for r in old.roles:
                if first is None or (r.start is not None and r.start >= first):
                    continue
                if r.end is None or r.end > first:
                    r = replace(r, end=first)
                u.roles.append(r)
            if u.country is None:
                u.country = old.country
        u.roles.sort(key=lambda r: (r.start or date.min, r.office or ""))
    kept = [e for i, e in enumerate(entries) if i not in absorbed]
    return kept + update.entries


def build(source: Path, update_path: Path = UPDATE) -> tuple[dict[str, object], ActorFile]:
    countries = country_codes()
    dictionaries = source / "petrarch2" / "dictionaries"
    offices = read_countryinfo(source / "countryinfo" / "CountryInfo.120116.txt")
    ids: dict[str, int] = defaultdict(int)
    entries: list[Entry] = []
    counts: dict[str, int] = {}
    people = frozenset(k for _, k in offices)
    for name in DICTIONARIES:
        blocks = list(read_tabari(dictionaries / name))
        counts[name] = len(blocks)
        for block in blocks:
            entries += block_entries(block, countries, offices, ids, people)
    info = source / "countryinfo" / "CountryInfo.120116.txt"
    for iso3, names in sorted(read_places(info).items()):
        if iso3 in countries:
            entries.append(
                Entry(
                    f"cameo:places:{iso3}",
                    f"places of {iso3}",
                    "place",
                    iso3,
                    None,
                    sorted(set(names)),
                    [],
                    "cameo",
                )
            )
    update = read_actor_file(update_path, countries, source="update")
    agents = read_agents(dictionaries / "Phoenix.agents.txt")
    agents.update(update.agents)
    generic = set(agents) | set(OFFICE_KEYS)
    for e in entries:
        e.aliases = [a for a in e.aliases if name_key(a) not in generic]
    entries = [e for e in entries if name_key(e.name) not in generic or e.aliases]
    merged = merge_update(entries, update)
    kinds: dict[str, int] = defaultdict(int)
    for e in merged:
        kinds[f"{e.source}:{e.kind}"] += 1
    meta: dict[str, object] = {
        "sources": {
            "cameo-petrarch": "openeventdata petrarch2 676801c, CountryInfo 07c9c54",
            "update": update_path.name,
        },
        "blocks": counts,
        "entries": dict(sorted(kinds.items())),
        "roles": sum(len(e.roles) for e in merged),
        "agents": len(agents),
        "dictionary_date": DICTIONARY_DATE.isoformat(),
    }
    return meta, ActorFile(merged, agents, update.descriptors)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--source",
        type=Path,
        default=DEFAULT_SOURCE,
        help="the cameo-petrarch folder (default ../shared/data/cameo-petrarch)",
    )
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument(
        "--check",
        action="store_true",
        help="build to a temporary file and exit 1 when the output differs",
    )
    args = parser.parse_args(argv)
    if not args.source.is_dir():
        print(f"error: {args.source} not found (pass --source)", file=sys.stderr)
        return 2
    meta, actors = build(args.source)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "actors.jsonl.gz"
            write_built(fresh, meta, actors)
            same = args.output.is_file() and fresh.read_bytes() == args.output.read_bytes()
        print("up to date" if same else f"{args.output} is stale: rebuild it")
        return 0 if same else 1
    write_built(args.output, meta, actors)
    print(
        f"wrote {args.output} ({args.output.stat().st_size:,} bytes): {meta['entries']}, "
        f"{meta['roles']} roles, {meta['agents']} agent phrases"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
