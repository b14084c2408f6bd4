"""Who is who: the actor base, and the reading of the words an article uses for an actor.

The base (:class:`ActorBase`, loaded once by :func:`default_base`) holds countries, groups and
people with dated roles, built from our tables, the CAMEO/Phoenix dictionaries and the user's
imported files. :func:`resolve_actor` reads a mention against it; :func:`resolve_phrase` reads
the words of a parsed noun phrase; :class:`ResolveMentions` is the pipeline stage that resolves
every named mention of an article.
"""

from dragoman.actors._base import (
    ActorBase,
    as_date,
    builtin,
    country_codes,
    default_base,
    describe,
    import_actors,
    publisher_actor,
    resolve_actor,
    table_entries,
    user_dir,
)
from dragoman.actors._entries import (
    SECTORS,
    ActorFile,
    Descriptor,
    Entry,
    Role,
    read_built,
    write_built,
)
from dragoman.actors._files import read_actor_file
from dragoman.actors._mentions import ResolveMentions
from dragoman.actors._phrases import person_name, plain, resolve_phrase
from dragoman.actors._resolve import dominant_country
from dragoman.actors._words import (
    GROUP_WORDS,
    OFFICE_KEYS,
    STATE_SECTORS,
    TITLE_WORDS,
    office_key,
    parse_day,
)

__all__ = [
    "GROUP_WORDS",
    "OFFICE_KEYS",
    "STATE_SECTORS",
    "SECTORS",
    "TITLE_WORDS",
    "ActorBase",
    "ActorFile",
    "Descriptor",
    "Entry",
    "ResolveMentions",
    "Role",
    "as_date",
    "builtin",
    "country_codes",
    "default_base",
    "dominant_country",
    "describe",
    "import_actors",
    "office_key",
    "parse_day",
    "person_name",
    "publisher_actor",
    "plain",
    "read_actor_file",
    "read_built",
    "resolve_actor",
    "resolve_phrase",
    "table_entries",
    "user_dir",
    "write_built",
]
