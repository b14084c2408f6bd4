"""The actor base's index: entries by folded name, surname and office, and what they were when.

:class:`ActorIndex` merges the layers of the base (later layers win), completes each role with
its country and sector, and answers dictionary lookups: who bears a name or a surname, who held
an office on a date, what an entry was on a date, which countries a text names. Reading a whole
mention is :mod:`dragoman.actors._resolve`'s work.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date

from dragoman.actors._entries import ActorFile, Descriptor, Entry, Role, rank, role_at
from dragoman.actors._words import (
    FOREIGN,
    HEAD_OF_GOVERNMENT,
    HEAD_OF_STATE,
    TITLE_WORDS,
    office_key,
    office_sector,
)
from dragoman.text import name_key, name_words

SOURCE_RANK = {"user": 0, "update": 1, "table": 2, "cameo": 3}


KIND_RANK = {"country": 0, "group": 1, "person": 2, "place": 3}


ARABIC_ARTICLES = frozenset("al el ad ar as ash at az".split())


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


class ActorIndex:
    """Entries indexed by folded name, surname and office; lookups are dictionary reads."""

    def __init__(self, layers: list[ActorFile]) -> None:
        self.by_id: dict[str, Entry] = {}
        self.agents: dict[str, str] = {}
        #: The ids of our own tables' countries, seats of government and groups.
        self.table_ids = {
            e.actor_id for layer in layers for e in layer.entries if e.source == "table"
        }
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
            sector = r.sector or (org.sector if org else None) or office_sector(r.office)
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
                role_at(e, when) is None,
                self._static_rank(e)[1:],
            ),
        )

    def named(self, text: str) -> Entry | None:
        """The country, seat of government or group of our tables a name names, if any.

        "Syrians" and "the Kremlin" name countries, "Hezbollah" a group; a plural of a group's
        name ("Kurds") names it too.
        """
        key = name_key(text)
        keys = [key, key[:-1]] if key.endswith("s") and len(key) > 4 else [key]
        for k in keys:
            for e in self.names.get(k, ()):
                if e.actor_id in self.table_ids and (k == key or e.kind == "group"):
                    return e
        return None

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
            active = [e for e in found if role_at(e, when) is not None]
            found = active or found
        if len(found) > 1 and context:
            counts = self.context_profile(context)
            found = [e for e in found if self.state(e, when)[0] in counts] or found
        if len(found) > 1:
            ranks = sorted(
                found,
                key=lambda e: -rank((role_at(e, when) or Role(None, None, None)).office),
            )
            top = rank((role_at(ranks[0], when) or Role(None, None, None)).office)
            second = rank((role_at(ranks[1], when) or Role(None, None, None)).office)
            return [ranks[0]] if top > second else []
        return found

    def holders(
        self,
        holder: str,
        office: str,
        when: date | None,
        target: str | None = None,
        every_term: bool = False,
    ) -> list[tuple[Entry, Role]]:
        """Who held ``office`` of ``holder`` (a country code or an org id) on ``when``.

        With no date, the current holders (open terms), or with ``every_term`` everyone who
        ever held it. Latest term first.
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
            elif not every_term:
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
        role = role_at(e, when)
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
        tokens = name_words(context)
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
