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
from collections import Counter
from datetime import date
from functools import lru_cache

from dragoman.actors._entries import Entry
from dragoman.actors._index import ActorIndex
from dragoman.actors._reading import (
    Reading,
    acronym,
    find_office,
    key_of,
    proper,
    read,
    strip_words,
    title_like,
)
from dragoman.actors._words import (
    GROUP_WORDS,
    HONORIFICS,
    MANY_HOLDERS,
    OFFICE_WORDS,
    PRONOUNS,
    STATE_SECTORS,
)
from dragoman.text import Word, name_key, name_words
from dragoman.types import Actor


def dominant_country(base: ActorIndex, context: str | None) -> str | None:
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


#: Where a sentence ends: a full stop, question or exclamation mark (a closing quotation mark
#: after it), or a line break.
SENTENCE_END = re.compile(r"[.!?][”\"’']?\s|\n")
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
    base: ActorIndex, name: str, context: str, when: date | None, depth: int = 0
) -> Reading:
    """What the words beside ``name`` in the context say ("head of the ... branch, NAME")."""
    out = Reading()
    for m in re.finditer(re.escape(name), context):
        ends = list(SENTENCE_END.finditer(context, max(0, m.start() - 400), m.start()))
        before = context[ends[-1].end() if ends else max(0, m.start() - 400) : m.start()]
        cut = re.split(r"\b(?:said|says|told|that|and|by|with|when|after|of)\b", before)[-1]
        after = context[m.end() : m.end() + 120]
        appos = re.match(r"\s*,\s*(?:the\s+|a\s+)?([^,.;]+?)\s*[,.;]", after)
        for words in (name_words(cut)[-8:], name_words(appos[1]) if appos else []):
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
    base: ActorIndex,
    text: str,
    entry: Entry,
    when: date | None,
    former: bool = False,
    title: Reading | None = None,
) -> Actor:
    country, sector, role = base.state(entry, when)
    if title is not None and entry.kind == "group" and country is None:
        country = title.country  # "the American Red Cross"
    if title is not None and entry.kind == "person":
        country = country or title.country
        # The title states the role at the time of writing, unless the base knows the role then.
        if title.sector and not title.agent_generic and (when is None or role is None):
            sector = title.sector
    if entry.actor_id.startswith("seat:") and country:
        # A seat of government ("Damascus", "the Kremlin") speaks for its country's government.
        state = base.by_id.get(f"country:{country}")
        if state is not None:
            return Actor(text, state.name, state.actor_id, country, sector)
    if entry.kind == "place" and name_key(text) != name_key(entry.name):
        return Actor(text=text, name=_plain(text), country=country, sector=sector)
    if former and (entry.kind == "person" or sector in STATE_SECTORS):
        sector = "ELI"
    return _actor(text, entry, country, sector)


def _pick(base: ActorIndex, found: list[Entry], when: date | None, context: str | None) -> Entry:
    if len(found) > 1 and context:
        counts = base.context_profile(context)
        for e in found:
            if base.state(e, when)[0] in counts:
                return e
    return found[0]


def _named_holder(
    base: ActorIndex, reading: Reading, context: str | None, text: str
) -> Actor | None:
    """The one holder, of any time, of the office a mention names whom the context names too."""
    if not context or not reading.office or not reading.holder:
        return None
    terms = base.holders(reading.holder, reading.office, None, reading.target, every_term=True)
    named = {
        e.actor_id: (e, r)
        for e, r in terms
        if e.name in context or any(a in context for a in e.aliases if len(a) > 4)
    }
    if len(named) != 1:
        return None
    entry, role = next(iter(named.values()))
    return _actor(text, entry, role.country, role.sector)


def _holder(
    base: ActorIndex, reading: Reading, when: date | None, context: str | None, text: str
) -> Actor | None:
    """The person holding the office the mention names, on ``when``. With no date, only a
    holder the text names: an undated "the prime minister" may be anyone who held the office."""
    if not reading.office or not reading.holder:
        return None
    if when is None:
        return _named_holder(base, reading, context, text)
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
    base: ActorIndex,
    text: str,
    when: date | None = None,
    context: str | None = None,
    home: str | None = None,
) -> Actor | None:
    """The actor a mention names (see the module's docstring for the order of the rules).

    ``home`` is the country whose offices a bare title names ("the Foreign Secretary" in a UK
    government release), before the country the context names most."""
    return resolve_how(base, text, when, context, home)[0]


def resolve_how(
    base: ActorIndex,
    text: str,
    when: date | None = None,
    context: str | None = None,
    home: str | None = None,
) -> tuple[Actor | None, str]:
    """:func:`resolve`, with which rule decided, in words (for ``dragoman actors explain``)."""
    text = " ".join(text.split())
    if not re.search(r"[^\W\d_]", text):
        return None, "no letters: no actor"
    if "," in text:
        return _apposition(base, text, when, context), "a name and its description, read apart"
    written = name_words(text)
    tokens, former = strip_words(written)
    if not tokens or (len(tokens) == 1 and tokens[0].key in PRONOUNS and tokens[0].raw != "US"):
        return None, "a pronoun or only determiners: no actor"
    whole = [
        e for e in base.find(key_of(tokens), when) if tokens[0].capitalized or e.kind != "person"
    ]
    if not whole and written[0].capitalized and written[0].key not in {"the", "a", "an"}:
        # A capitalised word that is also a determiner may begin a name ("New York Times").
        whole = [e for e in base.find(key_of(written), when) if e.kind != "person"]
    if whole and whole[0].source == "cameo" and whole[0].kind == "group" and find_office(tokens):
        # A dictionary phrase that is a title ("UN Secretary General"): its holder if known.
        held = _holder(base, read(base, tokens, when), when, context, text)
        if held is not None:
            return held, "a dictionary title: its holder on the date"
    if whole:
        picked = _pick(base, whole, when, context)
        how = "the whole mention is a known name or alias"
        if len(whole) > 1:
            how += f" ({len(whole)} namesakes: the one in office on the date, then the context's)"
        return _entry_actor(base, text, picked, when, former), how
    named = _titled_name(base, text, tokens, when, former, context)
    if named is not None:
        return named, "titles, then a name"
    reading = read(base, tokens, when)
    headed = _named_head(base, text, tokens, when, reading)
    if headed is not None:
        return headed, "a country or group after mere modifiers"
    whose = "the words"
    if not reading.holder and reading.office and context and not reading.org:
        reading.holder = home or dominant_country(base, context)
        whose = "the publisher's country" if home else "the country the context names most"
    if reading.office and not former and not reading.plural:
        held = _holder(base, reading, when, context, text)
        if held is not None:
            return held, f"the office '{reading.office}' of {reading.holder} ({whose}), its holder"
    described = _descriptor(base, text, tokens, when, context, reading)
    if described is not None:
        return described, "a group description, of a country the context names"
    composed = _compose(base, text, tokens, when, context, reading, former)
    if composed is None:
        return None, "nothing the base knows, and no context to read"
    cue = "the words" if reading.country else "the context"
    return composed, f"composed: country from {cue}, sector from the role words"


def _named_head(
    base: ActorIndex, text: str, tokens: list[Word], when: date | None, reading: Reading
) -> Actor | None:
    """A country or group of our tables ending a phrase of mere modifiers ("oil-rich Kuwait",
    "NATO-member Norway", "neighbouring Serbia"): that country or group."""
    last = tokens[-1]
    if len(tokens) < 2 or not last.capitalized or reading.sector or reading.office:
        return None
    entry = base.named(last.raw)
    if entry is None or entry.kind not in {"country", "group"}:
        return None
    others = [base.named(t.raw) for t in tokens[:-1] if t.capitalized]
    if any(e is not None and e.kind == "country" for e in others):
        return None  # "US-Turkish", "U.S.-Iraq": two countries, not one
    return _entry_actor(base, text, entry, when)


def _surname(base: ActorIndex, token: Word, when: date | None, context: str | None) -> list[Entry]:
    k = token.key
    if (
        not token.capitalized
        or acronym(token)
        or base.find(k, when)
        or k in base.agents
        or k in OFFICE_WORDS
        or k in HONORIFICS
    ):
        return []
    return base.surname(token.key, when, context)


def _titled_name(
    base: ActorIndex,
    text: str,
    tokens: list[Word],
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
        if not (title_like(base, tokens[:i], when) or (len(suffix) > 1 and titled)):
            continue
        found = [e for e in base.find(key_of(suffix), when) if e.kind in {"person", "group"}]
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
    base: ActorIndex,
    text: str,
    tokens: list[Word],
    when: date | None,
    context: str | None,
    reading: Reading,
) -> Actor | None:
    keys = {t.key for t in tokens}
    named = base.context_profile(context) if context else Counter()
    fits = [
        d
        for d in base.descriptors
        if set(d.words) & keys
        and set(d.heads) & keys
        and not (when and ((d.start and when < d.start) or (d.end and when > d.end)))
        and d.actor_id in base.by_id
    ]
    if reading.country:
        fits = [d for d in fits if d.country in {None, reading.country}]
    else:
        # "Kurdish militias" in an article about Syria and Turkey: the group of a country the
        # article names, the most named first ("Kurdish militias" are Syria's SDF there).
        fits = [d for d in fits if d.country is None or named[d.country] > 0]
        fits.sort(key=lambda d: -named[d.country] if d.country else 0)
    if not fits:
        return None
    return _entry_actor(base, text, base.by_id[fits[0].actor_id], when)


def _compose(
    base: ActorIndex,
    text: str,
    tokens: list[Word],
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
    # A group of our own tables without a country has none (Islamic State); one of the CAMEO
    # dictionaries may only lack it, and takes the article's country.
    stateless = org is not None and org.actor_id in base.table_ids
    person = False
    if country is None and sector is None and org is None:
        if not proper(tokens):
            return None
        person = 2 <= len(tokens) <= 4 and not {t.key for t in tokens} & GROUP_WORDS
        if context:
            said = _describe_in_context(base, text, context, when)
            country = said.country or dominant_country(base, context)
            sector = said.sector
        if country is None and sector is None:
            return None
        name = text
    elif (
        country is None
        and context
        and sector
        and sector not in TRANSNATIONAL
        and reading.target is None
        and not stateless
    ):
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


#: Sectors whose generic bodies work across borders: "aid groups", "international agencies"
#: take no country from the article (their own words can still name one).
TRANSNATIONAL = frozenset({"NGO", "IGO"})


def _plain(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE).strip(" '\"")


def _apposition(
    base: ActorIndex, text: str, when: date | None, context: str | None
) -> Actor | None:
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
