"""Who is who: turning the words an article uses for an actor into a canonical actor.

The built-in base (``data/countries.tsv``, ``data/organizations.tsv``) knows countries with
their names, demonyms, capitals and seats of government (used as metonyms for governments),
and international bodies, armed groups, parties and media. Role words ("minister", "troops",
"rebels") give the CAMEO sector; demonyms and country names in the phrase give the country.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from importlib import resources

from dragoman.actors._base import default_base
from dragoman.types import Actor, Token

QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def name_key(text: str) -> str:
    """Fold case, accents, quotes, a possessive and a leading article.

    "the Kremlin's" -> "kremlin".
    """
    s = unicodedata.normalize("NFKD", text.translate(QUOTES))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"'s\b|'$", "", s)
    s = re.sub(r"[^\w\-]+", " ", s).strip()
    return re.sub(r"^(the|a|an) ", "", s)


#: Role words and the CAMEO sector they signal, by lemma.
ROLE_SECTORS: dict[str, str] = {
    **dict.fromkeys(
        "president minister premier chancellor government regime administration cabinet "
        "ministry official officials envoy ambassador diplomat spokesman spokeswoman "
        "spokesperson delegation representative authorities authority governor mayor king "
        "emir prince sultan monarch parliament lawmaker senator secretary counterpart "
        "embassy leadership state capital".split(),
        "GOV",
    ),
    **dict.fromkeys(
        "army military troops troop soldier soldiers forces force general generals officer "
        "officers commander commanders navy airforce division brigade battalion regiment "
        "militia jets warplanes warships warship vessels aircraft helicopters tanks "
        "peacekeepers".split(),
        "MIL",
    ),
    **dict.fromkeys(
        "rebel rebels insurgent insurgents militant militants fighters fighter jihadist "
        "jihadists guerrilla guerrillas faction factions".split(),
        "REB",
    ),
    **dict.fromkeys("opposition dissident dissidents".split(), "OPP"),
    **dict.fromkeys("party".split(), "PTY"),
    **dict.fromkeys("police policeman policemen gendarmerie".split(), "COP"),
    **dict.fromkeys("court judge judges judiciary prosecutor prosecutors".split(), "JUD"),
    **dict.fromkeys("intelligence spy spies".split(), "SPY"),
    **dict.fromkeys(
        "cleric clerics sheikh imam bishop patriarch cardinal pope rabbi mufti ayatollah".split(),
        "REL",
    ),
    **dict.fromkeys(
        "residents civilians protesters protestors demonstrators villagers students workers "
        "people refugees citizens activists".split(),
        "CVL",
    ),
    **dict.fromkeys("media newspaper journalist journalists reporter outlet tv".split(), "MED"),
    **dict.fromkeys("company firm businessman businessmen".split(), "BUS"),
}

#: Multi-word roles that beat their single words ("security branch" is intelligence, not GOV).
ROLE_PHRASES: dict[str, str] = {
    "military security": "SPY",
    "security branch": "SPY",
    "intelligence service": "SPY",
    "spiritual leader": "REL",
    "religious leader": "REL",
    "armed forces": "MIL",
    "security forces": "MIL",
    "foreign minister": "GOV",
    "defence minister": "GOV",
    "defense minister": "GOV",
    "prime minister": "GOV",
    "secretary-general": "GOV",
    "secretary general": "GOV",
    "attorney general": "JUD",
    "director general": "GOV",
    "head of state": "GOV",
}

#: Words that stand before a person's name but are not part of it.
TITLE_WORDS = frozenset(
    "president prime minister foreign defence defense interior finance secretary general "
    "sheikh sheik king queen prince crown emir sultan mr mrs ms dr chancellor premier envoy "
    "ambassador spokesman spokeswoman commander lieutenant colonel major captain marshal "
    "senator deputy vice chief head leader special druze spiritual".split()
)

PRONOUNS = frozenset("he she him her his hers they them their theirs it its".split())


@dataclass(frozen=True, slots=True)
class Entry:
    actor_id: str
    name: str
    country: str | None
    sector: str | None
    kind: str  # country, capital, seat, demonym, org


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


@lru_cache(maxsize=1)
def load_base() -> dict[str, Entry]:
    """Name key -> entry for every country name, demonym, capital, seat and organization."""
    root = resources.files("dragoman").joinpath("data")
    base: dict[str, Entry] = {}
    with root.joinpath("countries.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            iso3, name = row["iso3"], row["name"]
            aid = f"country:{iso3}"
            kinds = (
                ("country", [name, *_split(row["aliases"])], None),
                ("capital", _split(row["capitals"]), "GOV"),
                ("seat", _split(row["seats"]), "GOV"),
                ("demonym", _split(row["demonyms"]), None),
            )
            for kind, names, sector in kinds:
                for n in names:
                    base.setdefault(name_key(n), Entry(aid, name, iso3, sector, kind))
    with root.joinpath("organizations.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            entry = Entry(
                row["actor_id"],
                row["name"],
                row["country"] or None,
                row["sector"] or None,
                "org",
            )
            for n in [row["name"], *_split(row["aliases"])]:
                key = name_key(n)
                # An organization's own name beats a country's alias of the same spelling.
                if key not in base or base[key].kind == "demonym":
                    base[key] = entry
    return base


def lookup(text: str) -> Entry | None:
    """The base entry for a name, trying the singular of a plural ("Palestinians", "Kurds")."""
    base = load_base()
    key = name_key(text)
    entry = base.get(key)
    if entry is None and key.endswith("s") and len(key) > 4:
        entry = base.get(key[:-1])
        if entry is not None and entry.kind not in {"demonym", "org"}:
            entry = None
    return entry


def _ngrams(words: Sequence[str], longest: int = 6) -> list[tuple[int, int]]:
    spans = [
        (i, j)
        for n in range(min(longest, len(words)), 0, -1)
        for i in range(0, len(words) - n + 1)
        for j in [i + n]
    ]
    return spans


def _strip_title(words: list[str]) -> list[str]:
    while words and words[0].lower().strip(".") in TITLE_WORDS:
        words = words[1:]
    return words


def resolve_phrase(
    tokens: Sequence[Token], text: str, when: date | None = None, context: str | None = None
) -> Actor:
    """Resolve the words of one argument (a noun phrase) to an actor.

    The actor base (:class:`~dragoman.actors.ActorBase`: people with dated roles, groups,
    offices) is asked first, with the article's date and text; the country and role words of
    the phrase decide when it knows nothing.
    """
    if not tokens:
        return Actor(text="", name="")
    phrase = text[tokens[0].idx : tokens[-1].end]
    hit = default_base().resolve(phrase, when, context)
    local = resolve_words(tokens, text, phrase)
    if hit is not None and hit.person and not _may_be(hit, tokens):
        # Another holder of the title: keep what the title says (country, sector), not who.
        return replace(
            local, country=local.country or hit.country, sector=local.sector or hit.sector
        )
    if hit is None:
        return local
    if local.actor_id and not hit.person:
        # Our country and organization tables name states, seats and bodies canonically.
        return replace(local, sector=local.sector or hit.sector)
    # The base knows who; the phrase's own words may still say what ("the Syrian capital").
    return replace(
        hit,
        text=phrase,
        person=hit.person or local.person,
        country=hit.country or local.country,
        sector=hit.sector or local.sector,
    )


def _may_be(person: Actor, tokens: Sequence[Token]) -> bool:
    """Whether a phrase can name this one person: not a plural ("foreign ministers"), and a
    name in the phrase must be the person's own (an unknown "President X" is not whoever
    holds the office today)."""
    head = tokens[-1]
    if head.tag in {"NNS", "NNPS"} and head.ent_type != "PERSON":
        return False
    named = [t for t in tokens if t.ent_type == "PERSON" and t.pos == "PROPN"]
    if not named:
        return True
    known = {_part(w) for w in re.split(r"[\s\-‐]+", person.name)}
    return any(_part(t.text) in known for t in named)


def _part(word: str) -> str:
    return re.sub(r"^(al|el|ad|as|ash|ar)[\-‐]", "", name_key(word))


def resolve_words(tokens: Sequence[Token], text: str, phrase: str) -> Actor:
    """An actor from the phrase's own words: country names, demonyms, role words."""
    words = [t.text for t in tokens]
    lemmas = [t.lemma.lower() for t in tokens]
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    actor_id: str | None = None
    person = False

    person_tokens = [t for t in tokens if t.ent_type == "PERSON" and t.pos == "PROPN"]
    whole = lookup(phrase)
    if whole is not None:
        return Actor(phrase, whole.name, whole.actor_id, whole.country, whole.sector)
    head = lookup(tokens[-1].text) if tokens[-1].pos == "PROPN" else None
    if head is not None and head.kind in {"country", "org"}:
        # "NATO-member Norway", "oil-rich Kuwait": the name at the head is who is meant.
        return Actor(phrase, head.name, head.actor_id, head.country, head.sector)

    # The longest known name inside the phrase gives the country (or the organization).
    used: set[int] = set()
    for i, j in _ngrams(words):
        if used & set(range(i, j)):
            continue
        entry = lookup(" ".join(words[i:j]))
        if entry is None:
            continue
        used |= set(range(i, j))
        if entry.kind == "org" and actor_id is None and not person_tokens:
            actor_id, name, sector = entry.actor_id, entry.name, entry.sector
            country = country or entry.country
        elif country is None:
            country = entry.country
            if entry.kind in {"capital", "seat"}:
                sector = sector or "GOV"

    joined = " ".join(lemmas).replace(" - ", "-")
    for phrase_role, role_sector in ROLE_PHRASES.items():
        if phrase_role in joined:
            sector = role_sector
            break
    else:
        for lemma, word in zip(reversed(lemmas), reversed(words), strict=True):
            role = ROLE_SECTORS.get(lemma) or ROLE_SECTORS.get(word.lower())
            if role and (sector is None or actor_id is None):
                sector = role if actor_id is None else sector
                break

    if person_tokens:
        person = True
        first = tokens.index(person_tokens[0])
        last = tokens.index(person_tokens[-1])
        name_words = _strip_title([t.text for t in tokens[first : last + 1]])
        name = text[tokens[first].idx : tokens[last].end] if name_words else None
        if name:
            skip = len(tokens[first : last + 1]) - len(name_words)
            start = tokens[first + skip]
            name = text[start.idx : tokens[last].end]
            name = re.sub(r"['’]s$", "", name)
    if name is None:
        name = re.sub(r"^(the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
        name = re.sub(r"['’]s?$", "", name).strip("“”\"' ")
    return Actor(
        text=phrase,
        name=name,
        actor_id=actor_id,
        country=country,
        sector=sector,
        person=person,
    )
