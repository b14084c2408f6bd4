"""The trigger lexicon: which words signal which PLOVER category, read from ``data/triggers.yaml``.

Entries are indexed by head lemma so that finding the triggers of a sentence costs one dictionary
look-up a word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dragoman.errors import ConfigError
from dragoman.types import PLOVER_TYPES

#: The lexicon's section of expressions that are no event, though a word of them is a trigger
#: ("warn of", "refused to comment", "press conference"): being more specific, they win.
NO_EVENT = "NONE"
#: The lexicon's section of word classes: ``$arms`` in an entry stands for each lemma of the
#: class ("supply $arms": supply weapons, supply missiles, ...), so that an entry is written for
#: a kind of object, not for one sentence's wording.
WORD_CLASSES = "CLASSES"


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: a lemma, what must come with it, and the event it signals."""

    type: str
    mode: str | None
    lemma: str
    #: "verb", "noun", "judgement" (a word judging what someone is said to do) or "doer" (a
    #: verb telling the act through who does it: "demonstrators filled the square")
    pos: str
    with_word: str | None = None  # a particle, preposition, object or modifier lemma
    needs_prep: str | None = None  # "+for": the noun counts only with that preposition
    needs_object: bool = False  # "+obj": the verb counts only with a direct object
    needs_actor: bool = False  # "+actor": an object, if any, must name someone ("free prisoners")

    @property
    def specificity(self) -> int:
        asks = self.needs_prep or self.needs_object or self.needs_actor
        return 2 if self.with_word else 1 if asks else 0


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    symmetric: bool
    recipient_preps: frozenset[str]
    people_subject: bool
    bare_verbs: bool = False  # a verb is an event even with no participant named
    #: Nouns for who does the category's act: any verb they are the subject of tells it
    #: ("thousands of demonstrators filled the airport").
    doers: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicon:
    categories: dict[str, Category]
    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]
    #: Words that, said of someone's act, are the category's event ("said the move was
    #: illegal" is an accusation): by lemma.
    judgements: dict[str, Trigger] = field(default_factory=dict)


def _entry(type_: str, pos: str, key: str, mode: str | None) -> Trigger:
    words = key.lower().split()  # lemmas and modifiers are compared in lower case
    if len(words) == 2 and words[1].startswith("+"):
        flag = words[1][1:]
        if flag == "obj":
            return Trigger(type_, mode, words[0], pos, needs_object=True)
        if flag == "actor":
            return Trigger(type_, mode, words[0], pos, needs_actor=True)
        return Trigger(type_, mode, words[0], pos, needs_prep=flag)
    if len(words) == 2 and pos == "verb":
        return Trigger(type_, mode, words[0], pos, with_word=words[1])
    if len(words) == 2:
        return Trigger(type_, mode, words[1], pos, with_word=words[0])
    if len(words) == 1:
        return Trigger(type_, mode, words[0], pos)
    raise ConfigError(f"trigger {key!r} in {type_}: use one or two words (see triggers.yaml)")


def _doers(type_: str, words: Any) -> frozenset[str]:
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise ConfigError(f"doers of {type_} must be a list of nouns")
    return frozenset(w.lower() for w in words)


def _classes(data: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    spec = data.get(WORD_CLASSES) or {}
    if not isinstance(spec, dict) or not all(
        isinstance(v, list) and v and all(isinstance(w, str) and " " not in w for w in v)
        for v in spec.values()
    ):
        raise ConfigError(
            f"{WORD_CLASSES} in the trigger lexicon must map names to lists of lemmas"
        )
    return {str(k): tuple(w.lower() for w in v) for k, v in spec.items()}


def _expand(key: str, classes: dict[str, tuple[str, ...]], type_: str) -> list[str]:
    """An entry with its word class spelled out: "supply $arms" -> "supply weapon", ..."""
    words = key.split()
    named = [w for w in words if w.startswith("$")]
    if not named:
        return [key]
    if len(named) > 1 or named[0][1:] not in classes:
        raise ConfigError(
            f"trigger {key!r} in {type_}: one word class per entry, defined in {WORD_CLASSES}"
        )
    return [
        " ".join(member if w == named[0] else w for w in words) for member in classes[named[0][1:]]
    ]


def parse_lexicon(data: dict[str, Any]) -> Lexicon:
    categories: dict[str, Category] = {}
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    judgements: dict[str, Trigger] = {}
    if not isinstance(data, dict):
        raise ConfigError("the trigger lexicon must map PLOVER categories to their entries")
    classes = _classes(data)
    for type_, spec in data.items():
        if type_ == WORD_CLASSES:
            continue
        if not isinstance(spec, dict):
            raise ConfigError(f"{type_} in the trigger lexicon must be a mapping (verbs:, nouns:)")
        for pos in ("verbs", "nouns"):
            if not isinstance(spec.get(pos) or {}, dict):
                raise ConfigError(f"{type_}.{pos} in the trigger lexicon must map words to modes")
        if type_ not in PLOVER_TYPES and type_ != NO_EVENT:
            raise ConfigError(
                f"unknown PLOVER category {type_!r} in the trigger lexicon "
                f"({NO_EVENT} lists words that are no event)"
            )
        preps = spec.get("recipient_preps", [])
        if not all(isinstance(p, str) for p in preps):
            raise ConfigError(
                f"recipient_preps of {type_} must be quoted words (YAML reads a bare on as true)"
            )
        categories[type_] = Category(
            name=type_,
            symmetric=bool(spec.get("symmetric", False)),
            recipient_preps=frozenset(preps),
            people_subject=bool(spec.get("people_subject", False)),
            bare_verbs=bool(spec.get("bare_verbs", False)),
            doers=_doers(type_, spec.get("doers") or []),
        )
        for pos, table in (("verb", verbs), ("noun", nouns)):
            for key, mode in (spec.get(pos + "s") or {}).items():
                for written in _expand(str(key), classes, type_):
                    trig = _entry(type_, pos, written, mode)
                    table.setdefault(trig.lemma, []).append(trig)
        said = spec.get("judgements") or {}
        if not isinstance(said, dict):
            raise ConfigError(f"{type_}.judgements in the trigger lexicon must map words to modes")
        for key, mode in said.items():
            word = str(key).lower()
            if " " in word or word in judgements:
                raise ConfigError(
                    f"judgement {key!r} in {type_}: one word, listed once in the whole lexicon"
                )
            judgements[word] = Trigger(type_, mode, word, "judgement")

    def ordered(table: dict[str, list[Trigger]]) -> dict[str, tuple[Trigger, ...]]:
        return {k: tuple(sorted(v, key=lambda t: -t.specificity)) for k, v in table.items()}

    lexicon = Lexicon(categories, ordered(verbs), ordered(nouns), judgements)
    refuse_dead_entries(lexicon)
    return lexicon


def _written(t: Trigger) -> str:
    """An entry as triggers.yaml writes it ("call off", "peace talks", "seize +obj")."""
    if t.with_word:
        return f"{t.lemma} {t.with_word}" if t.pos == "verb" else f"{t.with_word} {t.lemma}"
    if t.needs_prep:
        return f"{t.lemma} +{t.needs_prep}"
    if t.needs_actor:
        return f"{t.lemma} +actor"
    return f"{t.lemma} +obj" if t.needs_object else t.lemma


def _asks(t: Trigger) -> tuple[str | None, str | None, bool, bool]:
    return (t.with_word, t.needs_prep, t.needs_object, t.needs_actor)


def refuse_dead_entries(lexicon: Lexicon) -> None:
    """Raise ConfigError for an entry that can never fire: an entry tried before it (more
    specific, or first in the file) matches whenever it does, because it asks the same words
    or none at all."""
    for table in (lexicon.verbs, lexicon.nouns):
        for entries in table.values():
            for j, late in enumerate(entries):
                for early in entries[:j]:
                    if early.specificity == 0 or _asks(early) == _asks(late):
                        raise ConfigError(
                            f"trigger {_written(late)!r} ({late.pos}) in {late.type} can never "
                            f"fire: {early.type}'s {_written(early)!r} is tried first and matches "
                            "whenever it does; remove one of them"
                        )


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The bundled lexicon, or one from ``path`` in the same format."""
    if path is None:
        text = resources.files("dragoman").joinpath("data/triggers.yaml").read_text("utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"cannot read the trigger lexicon: {exc}") from exc
    return parse_lexicon(data)
