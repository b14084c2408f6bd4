"""How actor titles, roles and dates are written, and the words a mention is read by.

Names are folded by :func:`dragoman.text.name_key` ("the Kremlin's" and "KREMLIN" meet);
:func:`office_key` turns a title into our office key ("Minister of Foreign Affairs" ->
"foreign minister"); :func:`parse_day` reads the partial dates of the actor files ("2025",
"2025-09", "2025-09-05"); the word lists below say which words of a mention are determiners,
honorifics, prepositions, members of a body, and so on.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any

from dragoman.text import name_key

# -- dates -----------------------------------------------------------------------------------

DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_day(value: Any, *, end: bool = False) -> date:
    """A date from ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a partial end date is its last day."""
    if isinstance(value, date):
        return value
    m = DATE_RE.match(str(value).strip())
    if not m:
        raise ValueError(f"{value!r} is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(m[1]), m[2], m[3]
    mon = int(month) if month else (12 if end else 1)
    try:
        last = calendar.monthrange(year, mon)[1]
        return date(year, mon, int(day) if day else (last if end else 1))
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a date ({exc})") from None


# -- offices ---------------------------------------------------------------------------------

_OFFICES: dict[str, tuple[str, ...]] = {
    "president": ("president", "presidents", "president of the republic"),
    "prime minister": (
        "prime minister",
        "prime ministers",
        "premier",
        "premiers",
        "pm",
        "head of government",
        "heads of government",
        "taoiseach",
        "president of the council of ministers",
        "chairman of the council of ministers",
    ),
    "chief adviser": ("chief adviser", "chief advisor"),
    "state counsellor": ("state counsellor", "state counselor"),
    "emperor": ("emperor",),
    "high representative": ("high representative", "foreign policy chief"),
    "chancellor": ("chancellor", "chancellors", "federal chancellor"),
    "vice president": ("vice president", "vicepresident"),
    "deputy prime minister": ("deputy prime minister", "first deputy prime minister"),
    "king": ("king", "kings", "queen", "monarch"),
    "emir": ("emir", "emirs", "amir"),
    "sultan": ("sultan", "sultans"),
    "crown prince": ("crown prince",),
    "supreme leader": ("supreme leader",),
    "head of state": ("head of state", "heads of state"),
    "foreign minister": (
        "foreign minister",
        "foreign secretary",
        "minister of foreign affairs",
        "minister for foreign affairs",
        "foreign affairs minister",
        "top diplomat",
        "external affairs minister",
        "minister of external affairs",
        "minister of foreign affairs and expatriates",
        "foreign ministers",
        "secretary of state",
    ),
    "defence minister": (
        "defence minister",
        "defense minister",
        "minister of defence",
        "minister of defense",
        "minister of national defence",
        "minister of national defense",
        "defence secretary",
        "defense secretary",
        "secretary of defense",
        "secretary of war",
        "war secretary",
        "minister of the armed forces",
        "armed forces minister",
        "national defense minister",
        "national defence minister",
    ),
    "interior minister": (
        "interior minister",
        "minister of interior",
        "minister of the interior",
        "home secretary",
        "home minister",
        "minister of home affairs",
        "home affairs minister",
        "internal affairs minister",
        "minister of internal affairs",
    ),
    "army chief": (
        "army chief",
        "chief of staff of the armed forces",
        "chief of general staff",
        "chief of the general staff",
        "chief of army staff",
        "chief of the army staff",
        "chief of defence staff",
        "chief of defense staff",
        "chief of the defence staff",
        "chairman of the joint chiefs of staff",
        "chairman of the joint chiefs",
        "military chief",
        "armed forces chief",
        "top general",
        "army chief of staff",
        "chief of staff of the army",
        "commander of the armed forces",
        "chief of the armed forces",
        "army commander",
        "commander of the army",
    ),
    "intelligence chief": (
        "intelligence chief",
        "spy chief",
        "head of intelligence",
        "director of national intelligence",
    ),
    "secretary-general": ("secretary general", "secretarygeneral", "secretaries general"),
    "special envoy": (
        "special envoy",
        "envoy",
        "special representative",
        "presidential envoy",
        "special presidential envoy",
    ),
    "leader": ("leader", "head", "chief", "commander"),
    "speaker": ("speaker",),
}
OFFICE_KEYS: dict[str, str] = {syn: office for office, syns in _OFFICES.items() for syn in syns}
HEAD_OF_STATE = (
    "president",
    "king",
    "emir",
    "sultan",
    "supreme leader",
    "head of state",
    "emperor",
)
HEAD_OF_GOVERNMENT = ("prime minister", "chancellor", "chief adviser", "state counsellor")
FOREIGN = ("foreign minister", "high representative")
#: Words before an office that make it another office ("deputy foreign minister").
NOT_THE_OFFICE = frozenset(
    "deputy vice assistant under junior shadow state former ex late associate regional provincial "
    "state's assembly opposition party".split()
)
MANY_HOLDERS = frozenset({"special envoy"})
OFFICE_SECTORS = {"army chief": "MIL", "intelligence chief": "SPY", "speaker": "LEG"}


def office_key(title: str) -> str | None:
    """A title as our office key: "Minister of Foreign Affairs and Expatriates" -> foreign minister.

    Titles no rule knows keep their folded form ("minister of agriculture").
    """
    key = name_key(title)
    for lead in ("acting ", "interim ", "caretaker ", "transitional "):
        key = key.removeprefix(lead)
    if not key:
        return None
    if key in OFFICE_KEYS:
        return OFFICE_KEYS[key]
    for syn in sorted(OFFICE_KEYS, key=len, reverse=True):
        if len(syn) > 12 and key.startswith(syn + " and "):
            return OFFICE_KEYS[syn]  # a joint portfolio: "minister of foreign affairs and ..."
    return key


def office_sector(office: str | None) -> str:
    return OFFICE_SECTORS.get(office or "", "GOV")


# -- words of a mention ------------------------------------------------------------------

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


#: Words that stand before a person's name but are not part of it ("President", "Sheikh").
TITLE_WORDS = (
    OFFICE_WORDS
    | HONORIFICS
    | frozenset(
        "mr mrs ms dr general gen lt col lieutenant colonel major captain field marshal prince "
        "princess crown king queen emir sultan sheik president prime minister foreign defence "
        "defense interior finance secretary senator deputy vice chief head leader special "
        "chancellor premier envoy ambassador spokesman spokeswoman commander druze "
        "spiritual".split()
    )
)
