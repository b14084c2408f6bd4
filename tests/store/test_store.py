"""The store: idempotent saves, failures, every event filter, stats and schema migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from dragoman.errors import ConfigError, MigrationError, StoreError
from dragoman.store import MIGRATIONS, EventFilter, Migration, Store, open_store
from dragoman.store._sql import RAW_LIMIT, event_query
from dragoman.types import (
    Actor,
    Article,
    Claim,
    DateRange,
    Event,
    Evidence,
    Failure,
    Mention,
    Place,
    Source,
)


def make_event(
    event_id: str,
    article_id: str,
    *,
    type: str = "CONSULT",
    actor: str = "Sergei Lavrov",
    recipient: str | None = None,
    place: str | None = None,
    when: tuple[date, date] | None = None,
    sources: tuple[str, ...] = (),
    factuality: str = "asserted",
    start: int = 0,
) -> Event:
    return Event(
        event_id=event_id,
        article_id=article_id,
        type=type,
        mode=None,
        actor=(Actor(text=actor, name=actor),),
        recipient=(Actor(text=recipient, name=recipient),) if recipient else (),
        evidence=Evidence(sentence="A sentence.", start=start, end=start + 11),
        trigger="met",
        trigger_start=start,
        claim=Claim(
            attribution=tuple(Source(text=k, name=k, kind=k) for k in sources),
            factuality=factuality,  # type: ignore[arg-type]
        ),
        place=Place(text=place, name=place) if place else None,
        date=DateRange(text="then", start=when[0], end=when[1], precision="day") if when else None,
    )


def make_article(
    article_id: str, text: str, published: date | None = None, events: tuple[Event, ...] = ()
) -> Article:
    return Article(article_id=article_id, text=text, published=published, events=events)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "data" / "events.db") as opened:
        yield opened


def ids(events: Iterator[Event]) -> list[str]:
    return [e.event_id for e in events]


def count_rows(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_store_event_round_trips_every_field(store: Store) -> None:
    event = Event(
        event_id="ev_1",
        article_id="seed-astana",
        type="CONSULT",
        mode="visit",
        actor=(Actor("Alexander Lavrentiev", "Alexander Lavrentiev", "a1", "RUS", "GOV"),),
        recipient=(
            Actor("president Bashar al-Assad", "Bashar al-Assad", "a2", "SYR", "GOV"),
            Actor("his generals", "Syrian army", None, "SYR", "MIL"),
        ),
        evidence=Evidence(sentence="He met with president Bashar al-Assad.", start=512, end=550),
        trigger="met",
        trigger_start=515,
        # cues and Actor.person are not part of the record (FORMAT.md §1), so they stay default.
        claim=Claim(
            attribution=(Source("according to Asharq al-Awsat", "Asharq al-Awsat", "media", "ac"),),
            factuality="reported",
            announced=False,
        ),
        place=Place("Damascus", "Damascus", 170654, "SYR", "Damascus", 33.5102, 36.2913),
        date=DateRange("at the end of last week", date(2021, 1, 28), date(2021, 1, 31), "week"),
        context=("diplomatic", "military"),
        confidence=0.82,
    )
    article = Article(
        article_id="seed-astana",
        text="Moscow — Lavrentiev went to Damascus. " * 20,
        title="Lavrentiev in Damascus",
        published=date(2021, 2, 1),
        publisher="Asharq al-Awsat",
        url="https://example.org/a",
        language="en",
        origin="feed.jsonl",
        mentions=(Mention("Lavrentiev", 9, 19, "PERSON", 0, 2, 3),),
        events=(event,),
    )
    assert store.save(article) == "ingested"
    assert list(store.events()) == [event]
    assert list(store.articles()) == [replace(article, mentions=(), events=())]
    assert list(store.articles("seed-astana")) == [replace(article, mentions=(), events=())]
    assert list(store.articles("nope")) == []


def test_store_save_statuses(store: Store, tmp_path: Path) -> None:
    db = tmp_path / "data" / "events.db"
    first = make_article("a1", "First text.", events=(make_event("e1", "a1"),))
    assert store.save(first) == "ingested"
    assert store.save(first) == "duplicate"
    assert store.save(replace(first, article_id="a1-mirror")) == "duplicate"
    assert [a.article_id for a in store.articles()] == ["a1"]

    changed = replace(
        first,
        text="First text, corrected.",
        mentions=(Mention("First", 0, 5, "ORG", 0, 0, 1),),
        events=(make_event("e2", "a1"), make_event("e3", "a1", start=5)),
    )
    assert store.save(changed) == "updated"
    assert ids(store.events()) == ["e2", "e3"]
    assert [a.text for a in store.articles()] == ["First text, corrected."]
    assert count_rows(db, "event_arguments") == 2
    assert count_rows(db, "mentions") == 1

    assert store.save_failure(Failure("a2", "feed.jsonl", "empty text")) == "failed"
    assert store.save(make_article("a2", "Now it has text.")) == "ingested"
    assert list(store.failures()) == []
    assert [a.article_id for a in store.articles()] == ["a1", "a2"]


def test_store_failure_recorded_and_listed(store: Store) -> None:
    raw = "x" * (RAW_LIMIT + 500)
    assert store.save_failure(Failure("bad", "feed.jsonl", "too long", raw)) == "failed"
    assert store.save_failure(Failure("bad", "feed.jsonl", "too long", raw)) == "duplicate"
    assert list(store.failures()) == [Failure("bad", "feed.jsonl", "too long", raw[:RAW_LIMIT])]
    assert store.save_failure(Failure("bad", "other.jsonl", "not JSON")) == "failed"
    assert list(store.failures()) == [Failure("bad", "other.jsonl", "not JSON")]
    assert [a.article_id for a in store.articles(status="failed")] == ["bad"]
    assert list(store.articles()) == []
    with pytest.raises(ConfigError, match="'gone'"):
        store.articles(status="gone")


def test_store_failure_never_clobbers_ok_article(store: Store) -> None:
    good = make_article("a1", "Good text.", events=(make_event("e1", "a1"),))
    store.save(good)
    assert store.save_failure(Failure("a1", "feed.jsonl", "fetch failed")) == "duplicate"
    assert list(store.failures()) == []
    assert [a.text for a in store.articles()] == ["Good text."]
    assert ids(store.events()) == ["e1"]


@pytest.fixture
def corpus(store: Store) -> Store:
    jan, feb = date(2021, 1, 10), date(2021, 2, 10)
    store.save(
        make_article(
            "b",
            "Article b.",
            published=feb,
            events=(
                make_event("b2", "b", type="ASSAULT", actor="Rebels", place="Idlib", start=40),
                make_event(
                    "b1",
                    "b",
                    type="ACCUSE",
                    actor="the ministry",
                    recipient="Émile Zola",
                    when=(date(2021, 1, 1), date(2021, 1, 31)),
                    sources=("official",),
                    factuality="alleged",
                    start=3,
                ),
            ),
        )
    )
    store.save(
        make_article(
            "a",
            "Article a.",
            published=jan,
            events=(
                make_event(
                    "a1",
                    "a",
                    place="Damascus",
                    sources=("media", "official"),
                    factuality="reported",
                ),
            ),
        )
    )
    store.save(
        make_article(
            "c",
            "Article c, undated.",
            events=(
                make_event("c1", "c", type="PROTEST", actor="Students_%"),
                make_event(
                    "c2", "c", type="AID", when=(date(2020, 6, 1), date(2020, 6, 1)), start=9
                ),
            ),
        )
    )
    return store


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EventFilter(), ["a1", "b1", "b2", "c1", "c2"]),
        (EventFilter(types=("ASSAULT", "PROTEST")), ["b2", "c1"]),
        (EventFilter(actor="LAVROV"), ["a1", "c2"]),
        (EventFilter(actor="ministry"), ["b1"]),
        (EventFilter(actor="émile"), ["b1"]),  # recipients count; case folds beyond ASCII
        (EventFilter(actor="s_%"), ["c1"]),  # LIKE wildcards are matched literally
        (EventFilter(place="damas"), ["a1"]),
        (EventFilter(place="IDLIB"), ["b2"]),
        (EventFilter(since=date(2021, 2, 1)), ["b2"]),  # b1 is dated January; b2 falls back
        (EventFilter(until=date(2021, 1, 10)), ["a1", "b1", "c2"]),
        (EventFilter(since=date(2021, 1, 31), until=date(2021, 1, 31)), ["b1"]),  # overlap
        (EventFilter(since=date(2020, 1, 1), until=date(2020, 12, 31)), ["c2"]),  # c1 has no date
        (EventFilter(article="b"), ["b1", "b2"]),
        (EventFilter(factuality=("alleged", "reported")), ["a1", "b1"]),
        (EventFilter(source_kind=("official",)), ["a1", "b1"]),
        (EventFilter(source_kind=("media",)), ["a1"]),
        (EventFilter(source_kind=("none",)), ["b2", "c1", "c2"]),
        (EventFilter(source_kind=("media", "none")), ["a1", "b2", "c1", "c2"]),
        (EventFilter(types=("ACCUSE",), source_kind=("media",)), []),
        (EventFilter(limit=2), ["a1", "b1"]),
        (EventFilter(limit=0), []),
    ],
)
def test_store_events_filter(corpus: Store, flt: EventFilter, expected: list[str]) -> None:
    assert ids(corpus.events(flt)) == expected


def test_store_events_negative_limit_is_refused(corpus: Store) -> None:
    with pytest.raises(ConfigError, match="-1"):
        corpus.events(EventFilter(limit=-1))


def test_store_event_query_is_portable_to_postgresql() -> None:
    flt = EventFilter(("AID",), "x", "y", date(2020, 1, 1), date(2021, 1, 1), "a", ("alleged",))
    sql = str(
        event_query(replace(flt, source_kind=("media", "none"), limit=3)).compile(
            dialect=postgresql.dialect()
        )
    )
    assert "EXISTS" in sql and "LIMIT" in sql


def test_store_stats(corpus: Store) -> None:
    corpus.save_failure(Failure("x", "feed.jsonl", "empty text"))
    assert corpus.stats() == {
        "articles": 3,
        "failed": 1,
        "events": 5,
        "by_type": {"ACCUSE": 1, "AID": 1, "ASSAULT": 1, "CONSULT": 1, "PROTEST": 1},
        "by_factuality": {"asserted": 3, "alleged": 1, "reported": 1},
        "schema_version": len(MIGRATIONS),
        "first_published": "2021-01-10",
        "last_published": "2021-02-10",
    }
    assert list(corpus.stats()["by_factuality"]) == ["asserted", "alleged", "reported"]


def test_store_stats_of_an_empty_database(store: Store) -> None:
    stats = store.stats()
    assert (stats["articles"], stats["events"], stats["by_type"]) == (0, 0, {})
    assert stats["first_published"] is None


def _add_note(conn: sa.Connection) -> None:
    conn.execute(sa.text("ALTER TABLE articles ADD COLUMN note TEXT"))


def _versions(db: Path) -> list[tuple[int, str]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT version, name FROM schema_migrations ORDER BY 1").fetchall()
    finally:
        conn.close()


def test_store_migration_upgrades_an_existing_file(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    # A database made by the first release, before mentions carried their actors.
    with open_store(db, migrations=MIGRATIONS[:1]) as store:
        store.save(make_article("a1", "Text.", events=(make_event("e1", "a1"),)))
    assert _versions(db) == [(1, "initial")]

    with open_store(db) as store:  # the real migrations from 2 on
        assert store.stats()["schema_version"] == len(MIGRATIONS)
        assert ids(store.events()) == ["e1"]
    later = len(MIGRATIONS) + 1
    upgraded = (*MIGRATIONS, Migration(later, "article notes", _add_note))
    with open_store(db, migrations=upgraded) as store:
        assert store.stats()["schema_version"] == later
    with open_store(db, migrations=upgraded) as store:  # nothing pending: nothing applied
        assert [a.article_id for a in store.articles()] == ["a1"]
    assert _versions(db) == [*((m.number, m.name) for m in MIGRATIONS), (later, "article notes")]
    assert count_rows(db, "articles") == 1


def test_store_refuses_a_newer_schema(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    later = len(MIGRATIONS) + 1
    open_store(db, migrations=(*MIGRATIONS, Migration(later, "future", _add_note))).close()
    with pytest.raises(
        MigrationError,
        match=rf"version {later} is newer .*\(knows up to {len(MIGRATIONS)}\): upgrade",
    ):
        open_store(db)


def test_store_failed_migration_is_rolled_back(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    later = len(MIGRATIONS) + 1

    def broken(conn: sa.Connection) -> None:
        conn.execute(sa.text("CREATE TABLE half_done (x INTEGER)"))
        conn.execute(sa.text("SELECT * FROM no_such_table"))

    with pytest.raises(MigrationError, match=rf"migration {later} \(broken\) failed"):
        open_store(db, migrations=(*MIGRATIONS, Migration(later, "broken", broken)))
    assert _versions(db) == [(m.number, m.name) for m in MIGRATIONS]
    with open_store(db) as store:
        assert store.stats()["schema_version"] == len(MIGRATIONS)
    conn = sqlite3.connect(db)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    assert "half_done" not in tables


def test_store_rejects_a_non_database_file(tmp_path: Path) -> None:
    db = tmp_path / "notes.txt"
    db.write_text("not a database\n" * 200)
    with pytest.raises(StoreError, match=r"notes\.txt.*not a database"):
        open_store(db)


def test_store_rejects_a_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)


def test_store_closed_store_refuses_work(tmp_path: Path) -> None:
    store = open_store(tmp_path / "events.db")
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.stats()
    with pytest.raises(StoreError, match="closed"):
        store.events()


def test_store_saves_a_batch_of_500_articles(store: Store) -> None:
    batch = [
        make_article(
            f"art{i}",
            f"Article number {i}.",
            published=date(2021, 1, 1 + i % 28),
            events=tuple(
                make_event(f"ev{i}-{j}", f"art{i}", recipient="Kyiv", sources=("media",), start=j)
                for j in range(10)
            ),
        )
        for i in range(500)
    ]
    statuses = {store.save(article) for article in batch}
    assert statuses == {"ingested"}
    assert store.stats()["events"] == 5000


def test_store_mentions_keep_the_actor_they_name(store: Store) -> None:
    actor = Actor(
        text="Lavrov", name="Sergey Lavrov", actor_id="person:lavrov", country="RUS", sector="GOV"
    )
    named = Mention("Lavrov", 0, 6, "PERSON", 0, 0, 1, actor=actor)
    place = Mention("Geneva", 14, 20, "GPE", 0, 3, 4)
    store.save(replace(make_article("m1", "Lavrov met in Geneva."), mentions=(named, place)))
    got = list(store.mentions("m1"))
    assert [(aid, m.text, m.label) for aid, m in got] == [
        ("m1", "Lavrov", "PERSON"),
        ("m1", "Geneva", "GPE"),
    ]
    assert got[0][1].actor == actor
    assert got[1][1].actor is None
