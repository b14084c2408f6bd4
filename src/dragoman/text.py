"""Names folded for matching: the one place where dragoman decides that two spellings meet.

Every lookup by name (the actor base, the gazetteer, merging, sources) goes through
:func:`name_key`. Its rules, in the order they apply:

1. **quotes and dashes**: curly quotes and the apostrophes of transliteration ("ʿ", "ʼ") become
   straight, en and em dashes hyphens (:data:`QUOTES`);
2. **words**: white space, hyphens, slashes and punctuation split words ("al-Qaeda" is two);
3. **possessives**: a final "'s" or "'" goes ("the Kremlin's" -> "kremlin");
4. **folding**: lower case, accents off, letters without a decomposition spelt in Latin
   ("ø" -> "o", "ß" -> "ss"), dots and apostrophes dropped ("U.S." -> "us");
5. **variants**: common transliterations of one given name meet ("Mohammed", "Muhammad");
6. **articles**: a leading "the" of a longer name goes; with ``drop_articles`` (the gazetteer's
   rule) every Arabic or Romance article goes wherever it stands ("Deir ez-Zor" -> "deir zor",
   "As-Suwayda" -> "suwayda"), unless nothing else is left.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Curly quotes and dashes, straightened.
QUOTES = str.maketrans(
    {
        **dict.fromkeys("’‘`ʼʻʿʾ´", "'"),
        **dict.fromkeys("“”", '"'),
        **dict.fromkeys("–—", "-"),
    }
)
#: Letters that Unicode does not decompose, spelt in Latin.
LETTERS = str.maketrans(
    {"ı": "i", "ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "œ": "oe"}
)
SPLIT = re.compile(r"[\s\-‐‑‒/,;:()\[\]\"!?+&*|]+")
NON_WORD = re.compile(r"[\W_]+")
POSSESSIVE = re.compile(r"^(.{2,}?)(?:'s|')$")
#: Arabic (and Romance) articles that transliterations keep or drop: "Al-Hasakah", "Deir ez-Zor".
ARTICLES = frozenset("al el ul il as ad ash ar az an at ath adh es ed ez er en et the".split())

#: Spellings of one name folded to one key ("Mohammed", "Mohamed", "Muhammad" -> "muhammad").
VARIANTS: dict[str, str] = {
    **dict.fromkeys(
        "mohammed mohamed mohammad muhammad muhammed mohamad mohammod".split(), "muhammad"
    ),
    **dict.fromkeys("ahmed ahmad".split(), "ahmad"),
    **dict.fromkeys("abdel abdul abdal".split(), "abd"),
    **dict.fromkeys("abdullah abdallah abdulla".split(), "abdallah"),
    **dict.fromkeys("yousef youssef yusuf yousif yusef youssif".split(), "yusuf"),
    **dict.fromkeys("hussein husain hussain husayn hossein".split(), "husayn"),
    **dict.fromkeys("mahmoud mahmud".split(), "mahmud"),
    **dict.fromkeys("mustafa mostafa moustafa".split(), "mustafa"),
    **dict.fromkeys("othman uthman osman".split(), "uthman"),
    **dict.fromkeys("khaled khalid".split(), "khalid"),
    **dict.fromkeys("walid waleed".split(), "walid"),
    **dict.fromkeys("faisal faysal feisal fayssal".split(), "faisal"),
    **dict.fromkeys("jaafar jafar".split(), "jafar"),
    **dict.fromkeys("ibrahim ebrahim".split(), "ibrahim"),
    **dict.fromkeys("yasser yasir".split(), "yasir"),
    **dict.fromkeys("osama usama".split(), "usama"),
    **dict.fromkeys("sergey sergei".split(), "sergei"),
    **dict.fromkeys("dmitry dmitri dmitriy".split(), "dmitry"),
    **dict.fromkeys("alexander aleksandr alexandr".split(), "alexander"),
    **dict.fromkeys("alexei alexey aleksei".split(), "alexei"),
    **dict.fromkeys("yevgeny evgeny yevgeniy".split(), "yevgeny"),
    **dict.fromkeys("zelensky zelenskyy zelenskiy".split(), "zelensky"),
    "qaeda": "qaida",
}


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a name: as written (its possessive dropped) and folded."""

    raw: str
    key: str
    possessive: bool = False

    @property
    def capitalized(self) -> bool:
        return self.raw[:1].isupper()


def fold_word(word: str) -> str:
    """One word folded: lower case, accents off, Latin spellings, no dots or apostrophes."""
    if word.isascii():
        return NON_WORD.sub("", word.lower())
    s = unicodedata.normalize("NFKD", word.lower().translate(LETTERS)).translate(LETTERS)
    return NON_WORD.sub("", "".join(c for c in s if not unicodedata.combining(c)))


def name_words(text: str) -> list[Word]:
    """The words of a name with their folded keys (rules 1 to 5)."""
    out: list[Word] = []
    for piece in SPLIT.split(text.translate(QUOTES)):
        piece = piece.lstrip("'.")
        possessive = False
        m = POSSESSIVE.match(piece)
        if m:
            piece, possessive = m[1], True
        piece = piece.rstrip(".'")
        key = fold_word(piece)
        if key:
            out.append(Word(piece, VARIANTS.get(key, key), possessive))
    return out


def name_key(text: str, *, drop_articles: bool = False) -> str:
    """The folded form names are matched on: "the Kremlin's" -> "kremlin", "U.S." -> "us".

    ``drop_articles`` drops every article word, not only a leading "the" ("Al-Hasakah" ->
    "hasakah"); a name of articles alone keeps them.
    """
    keys = [w.key for w in name_words(text)]
    if drop_articles:
        kept = [k for k in keys if k not in ARTICLES]
        return " ".join(kept or keys)
    if len(keys) > 1 and keys[0] == "the":
        keys = keys[1:]
    return " ".join(keys)


def slug(text: str) -> str:
    """A name as an id part: "Bashar al-Assad" -> "bashar-al-assad"."""
    return name_key(text).replace(" ", "-")


def is_latin(text: str) -> bool:
    """Whether every letter of a text is a Latin letter once accents are off."""
    s = unicodedata.normalize("NFKD", text.lower().translate(QUOTES).translate(LETTERS))
    return all(c.isascii() or not c.isalpha() for c in s if not unicodedata.combining(c))


#: Small words a name's initials skip ("Kurdistan Workers' Party" is PKK in Kurdish, but
#: "Syrian Negotiations Commission" is SNC and "People's Protection Units" is PPU in English).
INITIAL_SKIPS = frozenset({"of", "the", "for", "and", "de", "al", "in", "on"})


def acronym_definition(text: str, acronym: str) -> str | None:
    """The name an article spells out for an acronym: "the Syrian Negotiations Commission (SNC)"
    gives "Syrian Negotiations Commission" for SNC. The words before the parenthesis whose
    initials spell the acronym; None when the article defines it nowhere."""
    if not (2 <= len(acronym) <= 6 and acronym.isupper() and acronym.isalpha()):
        return None
    for m in re.finditer(r"\(\s*" + re.escape(acronym) + r"\s*\)", text):
        words = text[max(0, m.start() - 120) : m.start()].split()
        for n in range(len(acronym), min(len(words), 2 * len(acronym) + 2) + 1):
            candidate = words[-n:]
            initials = "".join(w[0] for w in candidate if w.lower() not in INITIAL_SKIPS)
            if initials.upper() == acronym and candidate[0][0].isupper():
                return " ".join(candidate)
    return None
