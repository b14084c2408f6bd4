"""Who the words of an argument mean: names, roles, pronouns and counted groups to actors.

A head word from the parse becomes an :class:`~dragoman.types.Actor`: its whole noun phrase and
named entity go to the actor base (:func:`dragoman.actors.resolve_phrase`); an apposition names
the person a description stands for ("his counterpart, Wang Yi"); "thousands of students" are
the students; a document is its issuer; a pronoun is the person or group it points back to.
Words that cannot act (elections, documents without an issuer, places) give no actor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from dragoman.actors import (
    STATE_SECTORS,
    default_base,
    publisher_actor,
    resolve_actor,
    resolve_phrase,
)
from dragoman.extract._actorlike import ACTOR_NOUNS, actor_like, counted
from dragoman.extract._pronouns import antecedent
from dragoman.nlp import Tree, noun_phrase
from dragoman.text import acronym_definition, name_key
from dragoman.types import Actor, Article, Token

#: Nouns for texts that speak for whoever issued them ("the council's resolution demanded").
DOCUMENT_NOUNS = frozenset(
    "resolution statement report letter decree communique declaration order ruling "
    "announcement decision plan proposal paper memo memorandum study editorial".split()
)
APPOS = frozenset({"appos"})


def _when(article: Article) -> tuple[date | None, str]:
    """What the actor base needs to pick an office holder: the date and the article's text."""
    return article.published, article.text


def resolve_all(article: Article, tree: Tree, heads: list[Token]) -> list[Actor]:
    out: list[Actor] = []
    seen: set[str] = set()
    for h in heads:
        for one in read_head(article, tree, h):
            key = one.actor_id or f"{one.name.lower()}|{one.country}"
            if key not in seen:
                seen.add(key)
                out.append(one)
    return out


def read_head(article: Article, tree: Tree, head: Token) -> list[Actor]:
    """The actors one argument's head word stands for."""
    named = partitive_name(tree, head)
    if named is not None:
        head = named  # "one of them, Mr William Craig, ...": Craig
    group = counted_parties(article, tree, head)
    if not group and head.pos == "PRON":
        ref = antecedent(article, tree, head)  # "Both countries say they will ..."
        if ref is not None and ref.pos != "PRON":
            group = [replace(a, text=head.text) for a in counted_parties(article, tree, ref)]
    if group:
        return group
    actor = resolve(article, tree, head)
    if actor is None or not actor.name:
        return []
    return split_modifiers(tree, head, actor)


OF_WORD = frozenset({"of"})
APPOS = frozenset({"appos"})
#: Words that pick some of a group ("one of them", "some of the rebels").
PARTITIVES = frozenset("one two three some several many few each either neither".split())


def partitive_name(tree: Tree, head: Token) -> Token | None:
    """The name set beside a partitive ("One of them, Mr William Craig, called for ..."): who
    the words mean."""
    if head.lower not in PARTITIVES or not any(True for _ in tree.preps(head, OF_WORD)):
        return None
    return next(
        (a for a in tree.children(head, APPOS) if a.pos == "PROPN" or a.ent_type == "PERSON"),
        None,
    )


#: Plural nouns that "both", "the two", "the three ..." count: states, or people.
STATE_NOUNS = frozenset("countries nations states governments capitals".split())
PEOPLE_NOUNS = frozenset("leaders presidents ministers men women".split())
NUMBER_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
#: How many sentences back the parties a count refers to may be named.
COUNT_WINDOW = 4


def counted_parties(article: Article, tree: Tree, head: Token) -> list[Actor]:
    """ "Both countries", "the three countries", "the two leaders": the states (or people)
    named last before them, as many as counted, within a few sentences; else nothing.

    "Jordan and Israel have closed their borders. Both countries say ..." names Jordan and
    Israel again; "Carter met Abadi ... The two leaders discussed ..." names Carter and Abadi.
    """
    states = head.lower in STATE_NOUNS
    if not states and head.lower not in PEOPLE_NOUNS:
        return []
    number = next(
        (
            NUMBER_WORDS[c.lower]
            for c in tree.children(head, frozenset({"det", "nummod", "predet"}))
            if c.lower in NUMBER_WORDS
        ),
        0,
    )
    if not number:
        return []
    first = max(0, head.sent - COUNT_WINDOW)
    labels = {"GPE", "NORP"} if states else {"PERSON"}
    by_sentence: dict[int, list[Actor]] = {}
    for m in article.mentions:
        if first <= m.sentence and m.start < head.idx and m.label in labels:
            one = _party(article, m.text, states)
            if one is not None:
                by_sentence.setdefault(m.sentence, []).append(replace(one, text=head.text))
    # The parties one sentence names together ("Carter met Abadi"), else the last ones named.
    for sentence in sorted(by_sentence, reverse=True):
        together = _distinct(by_sentence[sentence])
        if len(together) == number:
            return together
    named = _distinct([a for i in sorted(by_sentence) for a in by_sentence[i]][::-1])
    return named[:number][::-1] if len(named) >= number else []


def _distinct(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    keys: set[str] = set()
    for one in actors:
        key = one.actor_id or name_key(one.name.split()[-1])
        if key not in keys:
            keys.add(key)
            out.append(one)
    return out


def _party(article: Article, text: str, state: bool) -> Actor | None:
    if state:
        entry = default_base().named(text)
        if entry is None or entry.kind != "country":
            return None
        return Actor(text=text, name=entry.name, actor_id=entry.actor_id, country=entry.country)
    actor = resolve_actor(text, article.published, article.text)
    if actor is None or not actor.person:
        return None
    return actor


def split_modifiers(tree: Tree, head: Token, actor: Actor) -> list[Actor]:
    """ "Hungarian and Romanian officials" are two actors: one per coordinated demonym; so are
    the two sides of a hyphenated pair ("the US-Turkish deal", "Russian-Turkish talks")."""
    pair = hyphen_pair(tree, head)
    if pair:
        return pair
    out = [actor]
    for mod in tree.children(head, frozenset({"amod", "compound"})):
        for other in tree.conjuncts(mod)[1:]:
            entry = default_base().named(other.text)
            if entry is not None and entry.country and entry.country != actor.country:
                out.append(replace(actor, country=entry.country, actor_id=None, text=other.text))
    return out


def hyphen_pair(tree: Tree, head: Token) -> list[Actor]:
    """The two states of "US-Turkish" or "Russian-Turkish", as the parse joins them to the
    second word; else nothing."""
    hyphens = [t.i for t in tree.children(head) if t.tag == "HYPH"]
    for first in tree.children(head, frozenset({"npadvmod", "compound", "amod", "nmod"})):
        if not any(first.i < h < head.i for h in hyphens):
            continue
        sides = [default_base().named(t.text) for t in (first, head)]
        countries = [e.country for e in sides if e is not None and e.kind == "country"]
        if len(countries) == 2 and countries[0] != countries[1]:
            return [
                Actor(text=t.text, name=e.name, actor_id=e.actor_id, country=e.country)
                for t, e in zip((first, head), sides, strict=True)
                if e is not None
            ]
    return []


def resolve(article: Article, tree: Tree, head: Token, depth: int = 0) -> Actor | None:
    number = counted(tree, head)
    if number is not head:
        return resolve(article, tree, number)  # "thousands of students": the students
    if head.pos == "PRON":
        ref = antecedent(article, tree, head)
        if ref is None and head.lower in WE:
            return publisher_as_we(article, head)
        if ref is None or ref.i == head.i or (ref.pos == "PRON" and depth > 1):
            return None
        actor = resolve(article, tree, ref, depth + 1)
        return replace(actor, text=head.text) if actor is not None else None
    if head.ent_type in {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}:
        return None
    if head.lemma.lower() in DOCUMENT_NOUNS:
        issuer = next(
            (
                c
                for c in tree.children(head, frozenset({"poss", "compound", "nmod"}))
                if c.ent_type in {"ORG", "GPE", "NORP", "PERSON"} or c.pos == "PROPN"
            ),
            None,
        )
        return resolve(article, tree, issuer) if issuer is not None else None
    appos = next((a for a in tree.children(head, APPOS) if a.ent_type in {"PERSON", "ORG"}), None)
    phrase = with_entity(article, noun_phrase(tree, head), head)
    if appos is not None:
        named = resolve_phrase(noun_phrase(tree, appos), article.text, *_when(article))
        described = resolve_phrase(phrase, article.text, *_when(article))
        # The description ("Qatar's emir") says more than a title in the name ("Sheikh").
        return replace(
            named,
            country=described.country or named.country,
            sector=described.sector or named.sector,
        )
    actor = resolve_phrase(phrase, article.text, *_when(article), home=home_country(article))
    role = next((a for a in tree.children(head, APPOS) if a.pos == "NOUN"), None)
    if actor.person and not actor.actor_id and role is not None:
        # "Brandon Lewis, the Conservative party chairman": an unknown person's description
        # beside the name says who they are better than the article's context.
        said = resolve_phrase(noun_phrase(tree, role), article.text, article.published)
        actor = replace(
            actor, country=said.country or actor.country, sector=said.sector or actor.sector
        )
    if not actor.actor_id and len(phrase) == 1:
        actor = spelled_out(article, head, actor)
    if actor.name and not (actor.actor_id or actor.person):
        # A description whose words name no country takes the one it is said to be at, from
        # or in ("generals at Russia's Hmeimim airbase", "police in London"), or the one an
        # earlier mention of it had ("the generals", "the secretary"), before the article's.
        where = placed_at(tree, head)
        if where is None and depth == 0:
            told = told_before(article, tree, head)
            if told is not None and told.person:
                return replace(told, text=actor.text)
            where = told.country if told is not None else None
        if where is not None and where != actor.country and not own_country(article, phrase):
            actor = replace(actor, country=where)
    owner = next((c for c in tree.children(head, frozenset({"poss"})) if c.pos == "PRON"), None)
    if owner is not None and not actor.person and actor_like(head):
        # "its branch", "their forces": the part of whoever the pronoun points back to.
        whole = resolve(article, tree, owner)
        if whole is not None:
            return replace(
                actor,
                name=f"{whole.name} {head.text}",
                country=whole.country or actor.country,
                sector=actor.sector or whole.sector,
            )
    if actor.country or actor.sector or actor.person or actor.actor_id:
        return actor
    if head.pos == "PROPN" or head.ent_type in {"PERSON", "ORG", "GPE", "NORP"}:
        return actor
    if head.lemma.lower() in ACTOR_NOUNS or head.lower in ACTOR_NOUNS:
        return actor
    return None


def home_country(article: Article) -> str | None:
    """The country whose offices a bare title names: the publisher's, when the publisher is a
    state body ("the Foreign Secretary" in a UK government release is the British one)."""
    body = publisher_actor(article.publisher) if article.publisher else None
    if body is None or body.sector not in STATE_SECTORS - {"IGO"}:
        return None
    return body.country


def own_country(article: Article, phrase: Sequence[Token]) -> str | None:
    """The country a phrase's own words name, read without the article around it."""
    return resolve_phrase(phrase, article.text, article.published).country


#: Prepositions that say where a party is, or is from.
WHERE = frozenset({"at", "from", "in", "of"})


def placed_at(tree: Tree, head: Token) -> str | None:
    """The country of the state or place a description is said to be at, from or in."""
    for _, place in tree.preps(head, WHERE):
        for word in [*tree.children(place, frozenset({"poss", "compound"})), place]:
            entry = default_base().named(word.text)
            if entry is not None and entry.kind in {"country", "place"} and entry.country:
                return entry.country
    return None


#: How many sentences back a definite description may point to its first mention.
DESCRIPTION_WINDOW = 8


def told_before(article: Article, tree: Tree, head: Token) -> Actor | None:
    """Who "the secretary" or "the generals" are: the last earlier mention with the same noun
    whose own words said it ("Defense Secretary Ash Carter", "generals at Russia's airbase")."""
    det = tree.child(head, frozenset({"det"}))
    if det is None or det.lower not in {"the", "these", "those", "this"}:
        return None
    first = max(0, head.sent - DESCRIPTION_WINDOW)
    for t in reversed(article.tokens[article.sentences[first].token_start : head.i]):
        if t.lemma.lower() != head.lemma.lower() or t.sent == head.sent:
            continue
        name = tree.head(t)
        if t.dep == "compound" and name is not None and name.ent_type == "PERSON":
            found = resolve(article, tree, name, depth=1)  # "Defense Secretary Ash Carter"
            return found if found is not None and found.person else None
        if tree.child(t, frozenset({"det"})) is not None and t.dep != "compound":
            continue  # another "the generals": not where they were first told
        found = resolve(article, tree, t, depth=1)
        if found is None or found.actor_id or found.person:
            return None
        own = placed_at(tree, t) or own_country(article, noun_phrase(tree, t))
        return replace(found, country=own) if own else None
    return None


def spelled_out(article: Article, head: Token, actor: Actor) -> Actor:
    """An acronym the base does not know, read as the name the article spells out for it
    ("The Syrian Negotiations Commission (SNC) ... the SNC voted")."""
    name = acronym_definition(article.text, head.text)
    if name is None:
        return actor
    found = resolve_actor(name, article.published, article.text)
    if found is None or not (found.actor_id or found.country):
        return actor
    return replace(found, text=head.text)


#: The first person plural: in a statement's own words, the body that issues it.
WE = frozenset({"we", "us", "our", "ours"})
OPENING_QUOTES = ("“", "«")
CLOSING_QUOTES = ("”", "»")


def publisher_as_we(article: Article, pronoun: Token) -> Actor | None:
    """ "We call for an end to the attacks", outside any quotation, in a statement a ministry,
    an army or an international body publishes: the publisher. A news outlet's "we" in its
    own voice is left alone, as are quoted words whose speaker was not found."""
    if not article.publisher or quoted(article, pronoun):
        return None
    actor = resolve_actor(article.publisher, article.published, article.text)
    if actor is None or actor.sector in {None, "MED"}:
        return None
    return replace(actor, text=pronoun.text)


def quoted(article: Article, token: Token) -> bool:
    """Whether a word stands inside quotation marks opened earlier in its paragraph."""
    sent = article.sentences[token.sent]
    start = sent.start
    for earlier in reversed(article.sentences[: token.sent]):
        if earlier.paragraph != sent.paragraph:
            break
        start = earlier.start
    before = article.text[start : token.idx]
    opened = sum(before.count(q) for q in OPENING_QUOTES)
    closed = sum(before.count(q) for q in CLOSING_QUOTES)
    return opened > closed or before.count('"') % 2 == 1


def with_entity(article: Article, phrase: list[Token], head: Token) -> list[Token]:
    """The phrase widened to the whole named entity its head is in ("Faisal al - Mekdad")."""
    if not head.ent_type:
        return phrase
    tokens = article.tokens
    lo = head.i
    while lo > 0 and tokens[lo].ent_iob == "I" and tokens[lo - 1].ent_type == head.ent_type:
        lo -= 1
    hi = head.i
    while hi + 1 < len(tokens) and tokens[hi + 1].ent_iob == "I":
        hi += 1
    first = min(lo, phrase[0].i)
    last = max(hi, phrase[-1].i)
    return list(tokens[first : last + 1])
