"""What the words of a mention say: its country, organization, office, whose office, sector.

:func:`read` reads a phrase ("Syria's foreign minister", "the UN envoy for Syria", "Kurdish
forces") word by word against the index: known names inside it (longest first), an office title
and whose it is, the target of an envoy, and the sector its role words give.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dragoman.actors._entries import Entry
from dragoman.actors._index import ActorIndex
from dragoman.actors._words import (
    DETERMINERS,
    FORMER,
    HONORIFICS,
    MEMBER_WORDS,
    NAME_PARTICLES,
    NOT_THE_OFFICE,
    OFFICE_KEYS,
    OFFICE_WORDS,
    PATRON_WORDS,
    PREPOSITIONS,
    TARGET_PREPS,
    office_sector,
)
from dragoman.text import Word


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
    plural: bool = False  # "foreign ministers": several holders, none of them one person


def strip_words(tokens: list[Word]) -> tuple[list[Word], bool]:
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


def key_of(tokens: list[Word]) -> str:
    return " ".join(t.key for t in tokens)


def proper(tokens: list[Word]) -> bool:
    """Every word capitalized, as in a name."""
    return bool(tokens) and all(t.capitalized or t.key in NAME_PARTICLES for t in tokens)


def acronym(token: Word) -> bool:
    return token.raw.isupper() and len(token.raw) <= 5


def _agent(
    base: ActorIndex, tokens: list[Word], named: frozenset[int] = frozenset()
) -> tuple[str | None, bool]:
    """The sector the role words give: the longest phrase in the head chunk (ties: rightmost).

    Words of a group's own name are not role words ("Islamic State", not "state").
    """
    chunk_end = next((i for i, t in enumerate(tokens) if t.key in PREPOSITIONS and i), len(tokens))
    for lo, hi in ((0, chunk_end), (chunk_end, len(tokens))):
        best: tuple[int, int, str, bool] | None = None
        for i in range(lo, hi):
            for j in range(min(hi, i + 5), i, -1):
                if named.intersection(range(i, j)):
                    continue
                sector = base.agents.get(key_of(tokens[i:j]))
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


def known_spans(
    base: ActorIndex, tokens: list[Word], when: date | None, blocked: frozenset[int] = frozenset()
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
                for e in base.find(key_of(piece), when)
                if (e.kind != "person" or proper(piece))
                and (
                    piece[0].capitalized
                    or (e.kind == "country" and len(piece[0].key) > 4)
                    # "the security council": our tables' bodies in lower case, two words up
                    or (size > 1 and e.kind == "group" and e.actor_id in base.table_ids)
                )
            ]
            if not found and size == 1 and piece[0].capitalized and not acronym(piece[0]):
                near = base.fuzzy(piece[0].key)
                found = [near] if near is not None else []
            if found:
                out.append((i, i + size, found[0]))
                used |= set(range(i, i + size))
    return sorted(out, key=lambda s: s[0])


#: Words that qualify a place rather than name a person ("Greater Manchester", "Upper Egypt").
QUALIFIERS = frozenset(
    "greater upper lower northern southern eastern western central north south east west "
    "new old inner outer metropolitan".split()
)


def surname_like(base: ActorIndex, tokens: list[Word], i: int, j: int, when: date | None) -> bool:
    """Whether a one-word place ends the mention after a capitalised word the base does not know
    (a given name): "Feliciano Valencia" is a person, not someone from Valencia."""
    if j != len(tokens) or j - i != 1 or i == 0:
        return False
    given = tokens[i - 1]
    if not given.capitalized or given.key in OFFICE_WORDS | HONORIFICS | DETERMINERS | QUALIFIERS:
        return False
    return not base.find(given.key, when)


def find_office(tokens: list[Word]) -> tuple[str, int, int] | None:
    """The longest office title in the words, unless "deputy", "former"... qualify it."""
    best: tuple[str, int, int] | None = None
    for i in range(len(tokens)):
        for j in range(min(len(tokens), i + 7), i, -1):
            office = OFFICE_KEYS.get(key_of(tokens[i:j]))
            if office:
                if not (i and tokens[i - 1].key in NOT_THE_OFFICE) and (
                    best is None or j - i > best[2] - best[1]
                ):
                    best = (office, i, j)
                break
    return best


def read(base: ActorIndex, tokens: list[Word], when: date | None) -> Reading:
    """Country, org, office (and whose) and sector from the words of a phrase."""
    r = Reading()
    found = find_office(tokens)
    lo, hi = (found[1], found[2]) if found else (len(tokens), len(tokens))
    if found:
        r.office = found[0]
        r.plural = tokens[hi - 1].key != found[0].split()[-1] and tokens[hi - 1].key.endswith("s")
    of_complement = found is not None and hi < len(tokens) and tokens[hi].key == "of"
    named: set[int] = set()
    for i, j, entry in known_spans(base, tokens, when, frozenset(range(lo, hi))):
        if entry.kind in {"country", "place"} and surname_like(base, tokens, i, j, when):
            continue  # "Feliciano Valencia", "George Washington": a name, not a place
        if entry.kind == "group" and j - i > 1:
            named.update(range(i, j))
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
    r.sector, r.agent_generic = _agent(base, tokens, frozenset(named))
    if r.sector is None and r.office:
        r.sector = office_sector(r.office)
    if r.sector == "GOV" and any(t.key in SHADOW for t in tokens):
        # "the shadow home secretary": the opposition's spokesperson, whom no office holder is
        r.office, r.holder, r.sector = None, None, "OPP"
    return r


#: Words that make an office the opposition's counterpart of it (Westminster's shadow cabinet).
SHADOW = frozenset({"shadow"})


def title_like(base: ActorIndex, tokens: list[Word], when: date | None) -> bool:
    """Words that can stand before a name: titles, ranks, honorifics, countries, bodies."""
    covered: set[int] = set()
    for i, j, entry in known_spans(base, tokens, when):
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
