"""Reading a mention: names, titles, offices, appositions, descriptions and the article around it.

:func:`resolve` turns the words an article uses for an actor into an :class:`~dragoman.types.Actor`,
in this order (the first that answers wins):

1. the whole mention is a known name ("the Kremlin", "Lavrentiev", "HTS");
2. a known name ends it, after titles ("Armenian Prime Minister Nikol Pashinyan"): the person,
   with the title's sector when the title states one;
3. it names an office ("Syria's foreign minister", "the UN envoy for Syria"): the holder on the
   date, found through the dated roles;
4. a group description ("Kurdish forces") names an actor in the article's country;
5. composition: a country (name, demonym, capital, city or a group's home) and a sector from the
   role words ("Pakistani Army" -> PAK MIL, "Mexican authorities" -> MEX GOV);
6. an unknown person's name takes its country and sector from the words beside it in the context
   ("Druze spiritual leader Bahjat al-Hajri" -> REL; the article's country -> SYR).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from dragoman.actorfile import Entry, Role
from dragoman.actorwords import (
    HEAD_OF_GOVERNMENT,
    HEAD_OF_STATE,
    MANY_HOLDERS,
    NOT_THE_OFFICE,
    OFFICE_KEYS,
    Token,
    name_key,
    office_sector,
    tokenize,
)
from dragoman.types import Actor

if TYPE_CHECKING:
    from dragoman.actorbase import ActorBase

DETERMINERS = frozenset(
    "the a an some several many few other these those this that its their his her our your all "
    "both any each more most over about around nearly almost least at dozen dozens hundreds "
    "thousands scores number numbers group groups team teams members member one majority band "
    "bands of largest biggest top senior current new two three four five six seven eight nine "
    "ten twenty".split()
)
FORMER = frozenset("former ex retired onetime erstwhile".split())
PRONOUNS = frozenset(
    "he she him her his hers they them their theirs it its we our i me you who whom which "
    "that this these those someone somebody anyone everyone nobody".split()
)
HONORIFICS = frozenset(
    "mr mrs ms miss dr sir dame sayyed sayed sayyid haji hajji alhaji mullah "
    "mawlana excellency highness majesty hon honourable honorable sheikh "
    "sheik shaykh".split()
)
PREPOSITIONS = frozenset(
    "of in at from for to on with against across near by under inside outside within based".split()
)
TARGET_PREPS = frozenset("to for on toward towards against".split())
#: Words for the members or heads of a body: with a named group, the group's sector wins.
MEMBER_WORDS = frozenset(
    "official officials spokesman spokeswoman spokesperson member members officer officers "
    "source sources representative representatives delegation leader leaders head chief director "
    "commander commanders fighter fighters gunman gunmen militant militants force forces troops "
    "personnel staff agent agents unit units wing president chairman chair speaker "
    "secretary".split()
)
STATE_SECTORS = frozenset("GOV MIL SPY COP JUD LEG IGO".split())
GROUP_WORDS = frozenset(
    "party council front army forces force movement brigade brigades union league committee "
    "organization organisation group network coalition alliance agency ministry court bank "
    "company corporation university college institute association society fleet guard "
    "command police service services office department authority division battalion regiment "
    "platoon company".split()
)
PATRON_WORDS = frozenset(
    "backed supported sponsored funded trained armed allied aligned proxy proxies".split()
)
OFFICE_WORDS = frozenset(w for phrase in OFFICE_KEYS for w in phrase.split())
NAME_PARTICLES = frozenset("al el bin ibn de van von da di du le la y and of".split())


@dataclass(slots=True)
class Reading:
    """What the words of a mention say."""

    country: str | None = None
    sector: str | None = None
    org: Entry | None = None
    office: str | None = None
    holder: str | None = None  # a country code or an org id the office belongs to
    target: str | None = None
    agent_generic: bool = False


def _strip(tokens: list[Token]) -> tuple[list[Token], bool]:
    """Leading determiners, quantities and honorifics dropped; former/ex noted."""
    former = False
    while tokens:
        k = tokens[0].key
        if k in FORMER:
            former = True
        elif not (k in DETERMINERS or k.isdigit() or k in HONORIFICS):
            break
        tokens = tokens[1:]
    rest = [t for t in tokens if t.key not in FORMER]
    return rest, former or len(rest) != len(tokens)


def _key(tokens: list[Token]) -> str:
    return " ".join(t.key for t in tokens)


def _proper(tokens: list[Token]) -> bool:
    """Every word capitalized, as in a name."""
    return bool(tokens) and all(t.capitalized or t.key in NAME_PARTICLES for t in tokens)


def _acronym(token: Token) -> bool:
    return token.raw.isupper() and len(token.raw) <= 5


def _agent(base: ActorBase, tokens: list[Token]) -> tuple[str | None, bool]:
    """The sector the role words give: the longest phrase in the head chunk (ties: rightmost)."""
    chunk_end = next((i for i, t in enumerate(tokens) if t.key in PREPOSITIONS and i), len(tokens))
    for lo, hi in ((0, chunk_end), (chunk_end, len(tokens))):
        best: tuple[int, int, str, bool] | None = None
        for i in range(lo, hi):
            for j in range(min(hi, i + 5), i, -1):
                sector = base.agents.get(_key(tokens[i:j]))
                if sector is not None:
                    cand = (j - i, j, sector, j - i == 1 and tokens[i].key in MEMBER_WORDS)
                    if best is None or cand[:2] > best[:2]:
                        best = cand
                    break
        if best is not None:
            if best[3]:
                # "opposition delegation", "rebel commander": the side, not the generic head.
                side = [base.agents.get(t.key) for t in tokens[lo : best[1] - 1]]
                if "OPP" in side or "REB" in side:
                    return ("OPP" if "OPP" in side else "REB"), False
            return best[2], best[3]
    return None, False


def _spans(
    base: ActorBase, tokens: list[Token], when: date | None, blocked: frozenset[int] = frozenset()
) -> list[tuple[int, int, Entry]]:
    """Known names inside the mention (not over ``blocked`` words), longest first, in order."""
    used: set[int] = set(blocked)
    out: list[tuple[int, int, Entry]] = []
    n = len(tokens)
    for size in range(min(n, 6), 0, -1):
        for i in range(0, n - size + 1):
            if used & set(range(i, i + size)):
                continue
            piece = tokens[i : i + size]
            found = [
                e
                for e in base.find(_key(piece), when)
                if (e.kind != "person" or _proper(piece))
                and (piece[0].capitalized or (e.kind == "country" and len(piece[0].key) > 4))
            ]
            if not found and size == 1 and piece[0].capitalized and not _acronym(piece[0]):
                near = base.fuzzy(piece[0].key)
                found = [near] if near is not None else []
            if found:
                out.append((i, i + size, found[0]))
                used |= set(range(i, i + size))
    return sorted(out, key=lambda s: s[0])


def _office(tokens: list[Token]) -> tuple[str, int, int] | None:
    """The longest office title in the words, unless "deputy", "former"... qualify it."""
    best: tuple[str, int, int] | None = None
    for i in range(len(tokens)):
        for j in range(min(len(tokens), i + 7), i, -1):
            office = OFFICE_KEYS.get(_key(tokens[i:j]))
            if office:
                if not (i and tokens[i - 1].key in NOT_THE_OFFICE) and (
                    best is None or j - i > best[2] - best[1]
                ):
                    best = (office, i, j)
                break
    return best


def read(base: ActorBase, tokens: list[Token], when: date | None) -> Reading:
    """Country, org, office (and whose) and sector from the words of a phrase."""
    r = Reading()
    found = _office(tokens)
    lo, hi = (found[1], found[2]) if found else (len(tokens), len(tokens))
    if found:
        r.office = found[0]
    of_complement = found is not None and hi < len(tokens) and tokens[hi].key == "of"
    for i, j, entry in _spans(base, tokens, when, frozenset(range(lo, hi))):
        country = base.state(entry, when)[0]
        if j < len(tokens) and tokens[j].key in PATRON_WORDS:
            continue  # "US-backed forces" are not American
        targeted = i > 0 and tokens[i - 1].key in TARGET_PREPS
        if targeted and entry.kind in {"country", "place"}:
            r.target = r.target or country
            continue
        if entry.kind == "group" and r.org is None and not targeted:
            r.org = entry
        if r.country is None and country and not targeted:
            r.country = country
        whose = entry.actor_id if entry.kind == "group" else country
        heads = j == len(tokens) or tokens[j].key in PREPOSITIONS
        before = j <= lo and not of_complement
        if (
            found
            and r.holder is None
            and not targeted
            and whose
            and (before or (of_complement and i > hi and heads))
        ):
            r.holder = whose
    r.sector, r.agent_generic = _agent(base, tokens)
    if r.sector is None and r.office:
        r.sector = office_sector(r.office)
    return r


def _title_like(base: ActorBase, tokens: list[Token], when: date | None) -> bool:
    """Words that can stand before a name: titles, ranks, honorifics, countries, bodies."""
    covered: set[int] = set()
    for i, j, entry in _spans(base, tokens, when):
        if entry.kind in {"country", "place", "group"}:
            covered |= set(range(i, j))
    for i, t in enumerate(tokens):
        if i in covered or not t.capitalized:
            continue
        k = t.key
        if not (
            k in base.agents
            or k in OFFICE_WORDS
            or k in HONORIFICS
            or k in DETERMINERS
            or k in FORMER
            or k in NOT_THE_OFFICE
            or k in PREPOSITIONS
        ):
            return False
    return True


# -- the article around a mention ------------------------------------------------------------


def dominant_country(base: ActorBase, context: str | None) -> str | None:
    """The country the context names most (the first named among equals)."""
    if not context:
        return None
    counts = base.context_profile(context)
    if not counts:
        return None
    top = max(counts.values())
    return next(c for c, n in counts.items() if n == top)


def _context_names(context: str, surname: str) -> list[str]:
    """Longer names in the context that end with ``surname`` ("Geir Pedersen" for Pedersen)."""
    return _name_index(context).get(surname.rstrip(".'’"), [])


_NAME_WORD = re.compile(r"[A-Z][\w'’.]*|al|el|bin|ibn|de|van|von|da")
_NAME_RUN = re.compile(r"(?:(?:[A-Z][\w'’.]*|al|el|bin|ibn|de|van|von|da)(?:[-\s]+|$))+")


@lru_cache(maxsize=8)
def _name_index(context: str) -> dict[str, list[str]]:
    """Every run of name-like words in the context, indexed by its possible surnames: built
    once per article, so that looking up each mention does not scan the text again."""
    index: dict[str, set[str]] = {}
    for run in _NAME_RUN.finditer(context):
        words = [w for w in re.split(r"[-\s]+", run[0].strip()) if w]
        seps = re.findall(r"[-\s]+", run[0].strip())
        words = [w.rstrip(".'’") if i == len(words) - 1 else w for i, w in enumerate(words)]
        for j in range(1, len(words)):
            surname = words[j].rstrip(".'’")
            if not re.fullmatch(r"[\w'’.]+", surname):
                continue
            for k in range(1, min(3, j) + 1):
                parts = [*words[j - k : j], surname]
                joins = seps[j - k : j]
                name = parts[0] + "".join(
                    (" " if " " in sep or "\n" in sep else sep) + w
                    for sep, w in zip(joins, parts[1:], strict=True)
                )
                if name[:1].isupper():
                    index.setdefault(surname, set()).add(name)
    return {k: sorted(v, key=len, reverse=True) for k, v in index.items()}


def _describe_in_context(
    base: ActorBase, name: str, context: str, when: date | None, depth: int = 0
) -> Reading:
    """What the words beside ``name`` in the context say ("head of the ... branch, NAME")."""
    out = Reading()
    for m in re.finditer(re.escape(name), context):
        start = max(context.rfind(". ", 0, m.start()), context.rfind("\n", 0, m.start())) + 1
        before = context[start : m.start()]
        cut = re.split(r"\b(?:said|says|told|that|and|by|with|when|after|of)\b", before)[-1]
        after = context[m.end() : m.end() + 120]
        appos = re.match(r"\s*,\s*(?:the\s+|a\s+)?([^,.;]+?)\s*[,.;]", after)
        for words in (tokenize(cut)[-8:], tokenize(appos[1]) if appos else []):
            if words:
                reading = read(base, list(words), when)
                out.country = out.country or reading.country
                out.sector = out.sector or reading.sector
        if out.sector:
            break
        # "Ali was sacked and replaced by NAME": the successor takes the predecessor's role.
        succ = re.search(r"(\b[A-Z][\w'’-]+)\b[^.]*\b(?:replaced|succeeded)\s+by\s*$", before)
        if succ and depth == 0:
            prev = _context_names(context, succ[1])
            inherited = _describe_in_context(
                base, prev[0] if prev else succ[1], context, when, depth + 1
            )
            out.country = out.country or inherited.country
            out.sector = out.sector or inherited.sector
    return out


# -- resolution ------------------------------------------------------------------------------


def _actor(text: str, entry: Entry, country: str | None, sector: str | None) -> Actor:
    return Actor(
        text=text,
        name=entry.name,
        actor_id=entry.actor_id,
        country=country,
        sector=sector,
        person=entry.kind == "person",
    )


def _entry_actor(
    base: ActorBase,
    text: str,
    entry: Entry,
    when: date | None,
    former: bool = False,
    title: Reading | None = None,
) -> Actor:
    country, sector, role = base.state(entry, when)
    if title is not None and entry.kind == "person":
        country = country or title.country
        # The title states the role at the time of writing, unless the base knows the role then.
        if title.sector and not title.agent_generic and (when is None or role is None):
            sector = title.sector
    if entry.kind == "place" and name_key(text) != name_key(entry.name):
        return Actor(text=text, name=_plain(text), country=country, sector=sector)
    if former and (entry.kind == "person" or sector in STATE_SECTORS):
        sector = "ELI"
    return _actor(text, entry, country, sector)


def _pick(base: ActorBase, found: list[Entry], when: date | None, context: str | None) -> Entry:
    if len(found) > 1 and context:
        counts = base.context_profile(context)
        for e in found:
            if base.state(e, when)[0] in counts:
                return e
    return found[0]


def _holder(
    base: ActorBase, reading: Reading, when: date | None, context: str | None, text: str
) -> Actor | None:
    """The person holding the office the mention names, on ``when``."""
    if not reading.office or not reading.holder:
        return None
    found = base.holders(reading.holder, reading.office, when, reading.target)
    if len(found) > 1 and reading.office in MANY_HOLDERS:
        named = [
            (e, r)
            for e, r in found
            if context and (e.name in context or any(a in context for a in e.aliases if len(a) > 4))
        ]
        found = named if len(named) == 1 else []
    if not found:
        return None
    entry, role = found[0]
    return _actor(text, entry, role.country, role.sector)


def resolve(
    base: ActorBase, text: str, when: date | None = None, context: str | None = None
) -> Actor | None:
    """The actor a mention names (see the module's docstring for the order of the rules)."""
    text = " ".join(text.split())
    if not re.search(r"[^\W\d_]", text):
        return None
    if "," in text:
        return _apposition(base, text, when, context)
    tokens, former = _strip(tokenize(text))
    if not tokens or (len(tokens) == 1 and tokens[0].key in PRONOUNS and tokens[0].raw != "US"):
        return None
    whole = [
        e for e in base.find(_key(tokens), when) if tokens[0].capitalized or e.kind != "person"
    ]
    if whole and whole[0].source == "cameo" and whole[0].kind == "group" and _office(tokens):
        # A dictionary phrase that is a title ("UN Secretary General"): its holder if known.
        held = _holder(base, read(base, tokens, when), when, context, text)
        if held is not None:
            return held
    if whole:
        return _entry_actor(base, text, _pick(base, whole, when, context), when, former)
    named = _titled_name(base, text, tokens, when, former, context)
    if named is not None:
        return named
    reading = read(base, tokens, when)
    if not reading.holder and reading.office and context and not reading.org:
        reading.holder = dominant_country(base, context)
    if reading.office and not former:
        held = _holder(base, reading, when, context, text)
        if held is not None:
            return held
    described = _descriptor(base, text, tokens, when, context, reading)
    if described is not None:
        return described
    return _compose(base, text, tokens, when, context, reading, former)


def _surname(base: ActorBase, token: Token, when: date | None, context: str | None) -> list[Entry]:
    k = token.key
    if (
        not token.capitalized
        or _acronym(token)
        or base.find(k, when)
        or k in base.agents
        or k in OFFICE_WORDS
        or k in HONORIFICS
    ):
        return []
    return base.surname(token.key, when, context)


def _titled_name(
    base: ActorBase,
    text: str,
    tokens: list[Token],
    when: date | None,
    former: bool,
    context: str | None,
) -> Actor | None:
    """Titles then a known name: the name's actor, the title's sector and country."""
    if len(tokens) == 1 and tokens[0].capitalized:
        if context:
            for longer in _context_names(context, tokens[0].raw):
                if longer.casefold() == text.casefold():
                    continue
                # No context on the way down: the fuller name is read on its own, once.
                hit = resolve(base, longer, when, None)
                if hit is not None and hit.person:
                    return Actor(text, hit.name, hit.actor_id, hit.country, hit.sector, True)
        found = _surname(base, tokens[0], when, context)
        if found:
            return _entry_actor(base, text, _pick(base, found, when, context), when, former)
        return None
    for i in range(1, len(tokens)):
        suffix = tokens[i:]
        if not suffix[0].capitalized:
            continue
        # A full name may follow any description ending in a title ("Chechen leader Ramzan
        # Kadyrov"); a lone surname only titles ("President Duterte", not "Jam Kamal Khan").
        last = tokens[i - 1]
        titled = not last.capitalized or last.key in base.agents or last.key in OFFICE_WORDS
        if not (_title_like(base, tokens[:i], when) or (len(suffix) > 1 and titled)):
            continue
        found = [e for e in base.find(_key(suffix), when) if e.kind in {"person", "group"}]
        if not found and len(suffix) == 1:
            found = _surname(base, suffix[0], when, context)
        if not found:
            continue
        title = read(base, tokens[:i], when)
        entry = _pick(base, found, when, context)
        if entry.kind == "group" and title.office:
            return None  # "the leader of Islamic State" is the office holder, not the group
        e_country = base.state(entry, when)[0]
        if title.country and e_country and title.country != e_country and entry.kind == "group":
            return None
        return _entry_actor(base, text, entry, when, former, title)
    return None


def _descriptor(
    base: ActorBase,
    text: str,
    tokens: list[Token],
    when: date | None,
    context: str | None,
    reading: Reading,
) -> Actor | None:
    keys = {t.key for t in tokens}
    country = reading.country or dominant_country(base, context)
    for d in base.descriptors:
        if not (set(d.words) & keys and set(d.heads) & keys):
            continue
        if d.country and d.country != country:
            continue
        if when and ((d.start and when < d.start) or (d.end and when > d.end)):
            continue
        entry = base.by_id.get(d.actor_id)
        if entry is not None:
            return _entry_actor(base, text, entry, when)
    return None


def _compose(
    base: ActorBase,
    text: str,
    tokens: list[Token],
    when: date | None,
    context: str | None,
    reading: Reading,
    former: bool,
) -> Actor | None:
    country, sector, org = reading.country, reading.sector, reading.org
    actor_id = name = None
    if org is not None:
        org_country, org_sector, _ = base.state(org, when)
        country = country or org_country
        if (
            sector is None
            or reading.agent_generic
            or (org_sector not in STATE_SECTORS and sector in {"MIL", "UAF", "REB", "CVL"})
        ):
            sector = org_sector
            actor_id, name = org.actor_id, org.name
    person = False
    if country is None and sector is None and org is None:
        if not _proper(tokens):
            return None
        person = 2 <= len(tokens) <= 4 and not {t.key for t in tokens} & GROUP_WORDS
        if context:
            said = _describe_in_context(base, text, context, when)
            country = said.country or dominant_country(base, context)
            sector = said.sector
        if country is None and sector is None:
            return None
        name = text
    elif country is None and context and sector is not None and reading.target is None:
        country = dominant_country(base, context)
    if former and sector in STATE_SECTORS | {None}:
        sector = "ELI"
    return Actor(
        text=text,
        name=name or _plain(text),
        actor_id=actor_id,
        country=country,
        sector=sector,
        person=person,
    )


def _plain(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE).strip(" '\"")


def _apposition(base: ActorBase, text: str, when: date | None, context: str | None) -> Actor | None:
    """ "Harry Tseng, Taiwan's deputy foreign minister": the named part, filled from the other."""
    first, _, rest = text.partition(",")
    a = resolve(base, first, when, context)
    b = resolve(base, rest.strip(" ,"), when, context)
    if a is None or b is None:
        found = a or b
        return (
            None
            if found is None
            else Actor(text, found.name, found.actor_id, found.country, found.sector, found.person)
        )
    named, described = (
        (b, a) if (b.actor_id or b.person) and not (a.actor_id or a.person) else (a, b)
    )
    sector = named.sector if named.actor_id else described.sector or named.sector
    return Actor(
        text=text,
        name=named.name,
        actor_id=named.actor_id,
        country=named.country or described.country,
        sector=sector or described.sector,
        person=named.person,
    )


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
