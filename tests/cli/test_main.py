"""The command line, through click's runner and once through the installed console script."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from dragoman.cli import main

#: The event record's fields, as shared/gold/FORMAT.md §1 lists them.
RECORD_FIELDS = (
    "event_id article_id type mode context actor recipient place date attribution "
    "factuality announced evidence confidence"
).split()

GOOD_ARTICLE = (
    "Russia and Turkey hold talks in Moscow\n\n"
    "The foreign ministers of Russia and Turkey met in Moscow on Tuesday to discuss the "
    "fighting in northern Syria, officials in both capitals said. Turkey's foreign minister "
    "told reporters that the two sides had agreed to keep talking. Russian warplanes bombed "
    "rebel positions in Idlib province on Monday, according to a monitoring group. The "
    "Syrian government accused Turkey of supporting the rebels.\n"
)


def invoke(*args: str | os.PathLike[str]) -> Result:
    return CliRunner().invoke(main, [os.fspath(a) for a in args], catch_exceptions=False)


def console_script() -> str:
    """The ``dragoman`` script installed beside the Python running the tests."""
    found = shutil.which("dragoman", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail(f"no dragoman console script beside {sys.executable}: pip install -e .")
    return found


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def stats(db: Path) -> dict:
    result = invoke("stats", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus ingested once by the real console script, in a subprocess."""
    db = tmp_path_factory.mktemp("sample") / "sample.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DRAGOMAN_")}
    done = subprocess.run(
        [console_script(), "ingest", "--sample", "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ingested 15, updated 0, skipped as duplicate 0, failed 0; ")
    assert done.stdout.rstrip().endswith(" events")
    return db


def test_cli_console_script_events_prints_a_table(sample_db: Path) -> None:
    done = subprocess.run(
        [console_script(), "events", "--db", str(sample_db)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.rstrip("\n").splitlines()
    assert {"type", "actor", "recipient", "article"} <= set(lines[0].split())
    assert set(lines[1].replace(" ", "")) == {"-"}
    rows = lines[2:-1]
    assert len(rows) >= 12
    assert lines[-1] == f"{len(rows)} events"
    assert len(rows) == stats(sample_db)["events"]


def test_cli_ingest_twice_leaves_counts_unchanged(db: Path) -> None:
    first = invoke("ingest", "--sample", "--db", db)
    assert first.exit_code == 0, first.output
    before = stats(db)
    assert before["articles"] == 15 and before["events"] >= 12

    again = invoke("ingest", "--sample", "--db", db)
    assert again.exit_code == 0, again.output
    assert again.stdout.startswith("ingested 0, updated 0, skipped as duplicate 15, failed 0; 0 ")
    assert stats(db) == before


def test_cli_ingest_folder_with_bad_files_keeps_good_articles_and_lists_failures(
    tmp_path: Path, db: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "talks.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    records = [
        {
            "id": "feed-talks",
            "title": "Egypt and Jordan hold talks",
            "published": "2024-03-05",
            "text": "The foreign ministers of Egypt and Jordan met in Cairo on Monday to discuss "
            "aid deliveries to Gaza, Egypt's foreign ministry said.",
        },
        {
            "id": "feed-strike",
            "published": "2024-03-06",
            "text": "Israeli aircraft struck targets in southern Lebanon on Wednesday, the "
            "army said, after rockets were fired across the border.",
        },
    ]
    lines = [json.dumps(records[0]), '{"id": "feed-broken", "text": ', json.dumps(records[1])]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = invoke("ingest", folder, "--db", db)

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ingested 3, updated 0, skipped as duplicate 0, failed 3; ")
    listed = invoke("failures", "--db", db)
    assert listed.exit_code == 0, listed.output
    failures = [line.split("\t") for line in listed.stdout.splitlines()]
    assert all(len(f) == 3 and f[2].strip() for f in failures), failures
    by_origin = {Path(origin).name: reason for _, origin, reason in failures}
    assert set(by_origin) == {"empty.txt", "image.png", "feed.jsonl:2"}
    assert "empty" in by_origin["empty.txt"]
    assert "binary" in by_origin["image.png"]
    assert "malformed JSON on line 2" in by_origin["feed.jsonl:2"]
    assert listed.stderr.strip() == "3 failed"
    ids = {a["article_id"] for a in jsonl(invoke("export", "--db", db, "--articles").stdout)}
    assert ids == {"talks", "feed-talks", "feed-strike"}


def test_cli_export_jsonl_has_every_record_field_and_exact_evidence_offsets(
    sample_db: Path,
) -> None:
    result = invoke("export", "--db", sample_db, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    assert len(records) == stats(sample_db)["events"]
    texts = {
        a["article_id"]: a["text"]
        for a in jsonl(invoke("export", "--db", sample_db, "--articles").stdout)
    }
    for rec in records:
        missing = [name for name in RECORD_FIELDS if name not in rec]
        assert not missing, f"{rec['event_id']} lacks {missing}"
        evidence = rec["evidence"]
        assert set(evidence) >= {"sentence", "start", "end"}
        text = texts[rec["article_id"]]
        assert text[evidence["start"] : evidence["end"]] == evidence["sentence"], rec["event_id"]


def test_cli_export_articles_has_id_title_published_text(sample_db: Path) -> None:
    articles = jsonl(invoke("export", "--db", sample_db, "--articles").stdout)
    assert len(articles) == 15
    for article in articles:
        assert {"article_id", "title", "published", "text"} <= set(article)
        assert article["text"].strip()


def test_cli_export_csv_parses_with_a_header(sample_db: Path) -> None:
    result = invoke("export", "--db", sample_db, "--format", "csv")
    assert result.exit_code == 0, result.output
    reader = csv.DictReader(io.StringIO(result.stdout, newline=""))
    rows = list(reader)
    assert reader.fieldnames is not None
    assert reader.fieldnames[:3] == ["event_id", "article_id", "type"]
    assert len(rows) == stats(sample_db)["events"]
    assert all(row["event_id"] and row["evidence"] for row in rows)


def test_cli_export_to_file_writes_the_same_records(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ev.jsonl"
    assert invoke("export", "--db", sample_db, "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8") == invoke("export", "--db", sample_db).stdout


def events_json(db: Path, *filters: str) -> list[dict]:
    result = invoke("events", "--db", db, "--json", *filters)
    assert result.exit_code == 0, result.output
    return jsonl(result.stdout)


def test_cli_events_filters_narrow_results(sample_db: Path) -> None:
    everything = events_json(sample_db)

    consult = events_json(sample_db, "--type", "consult")
    assert 0 < len(consult) < len(everything)
    assert {e["type"] for e in consult} == {"CONSULT"}

    russia = events_json(sample_db, "--actor", "russia")
    assert 0 < len(russia) < len(everything)
    for e in russia:
        words = " ".join(a["name"] + " " + a["text"] for a in e["actor"] + e["recipient"])
        assert "russia" in words.lower(), e["event_id"]

    article = everything[0]["article_id"]
    one = events_json(sample_db, "--article", article)
    assert 0 < len(one) < len(everything)
    assert {e["article_id"] for e in one} == {article}

    both = events_json(sample_db, "--type", "CONSULT", "--actor", "russia")
    assert {e["event_id"] for e in both} <= {e["event_id"] for e in consult} & {
        e["event_id"] for e in russia
    }

    assert len(events_json(sample_db, "--limit", "3")) == 3


def test_cli_events_bad_since_exits_1_with_one_line(sample_db: Path) -> None:
    result = invoke("events", "--db", sample_db, "--since", "last tuesday")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--since" in result.stderr and "YYYY-MM-DD" in result.stderr


def test_cli_events_unknown_type_exits_1(sample_db: Path) -> None:
    result = invoke("events", "--db", sample_db, "--type", "PARTY")
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "PARTY" in result.stderr


def test_cli_option_missing_its_value_exits_2(sample_db: Path) -> None:
    result = invoke("events", "--db", sample_db, "--since")
    assert result.exit_code == 2
    assert "--since" in result.stderr


def test_cli_ingest_without_path_exits_2(db: Path) -> None:
    result = invoke("ingest", "--db", db)
    assert result.exit_code == 2
    assert "PATH" in result.stderr
    assert not db.exists()


def test_cli_settings_lists_every_field() -> None:
    from dragoman.settings import Settings

    result = invoke("settings")
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == list(Settings.help())


def test_cli_events_filter_by_factuality_and_source_kind(db: Path, tmp_path: Path) -> None:
    article = tmp_path / "sourced.txt"
    article.write_text(
        "Border clashes in the north\n\n"
        "Local sources said that government troops shelled the village of Kafr Nabl on Monday. "
        "The defence minister met the army chief of staff in the capital on Tuesday. "
        "The interior minister did not meet the protest leaders.\n",
        encoding="utf-8",
    )
    assert invoke("ingest", "--db", db, article).exit_code == 0
    every = events_json(db)
    assert {e["factuality"] for e in every} >= {"reported", "asserted", "negated"}
    sourced = events_json(db, "--factuality", "reported,alleged", "--source-kind", "unnamed")
    assert sourced
    for e in sourced:
        assert e["factuality"] in {"reported", "alleged"}
        assert "unnamed" in {s["kind"] for s in e["attribution"]}
    negated = events_json(db, "--factuality", "negated")
    assert negated and all(e["factuality"] == "negated" for e in negated)
    own_voice = events_json(db, "--source-kind", "none")
    assert own_voice and all(not e["attribution"] for e in own_voice)


def test_cli_export_mentions_gives_each_named_actor(db: Path, tmp_path: Path) -> None:
    article = tmp_path / "named.txt"
    article.write_text(
        "Ministers meet in Ankara\n\n"
        "Turkish Foreign Minister Mevlut Cavusoglu met Sergey Lavrov in Ankara on Monday. "
        "Hezbollah was not mentioned.\n",
        encoding="utf-8",
    )
    assert invoke("ingest", "--db", db, article).exit_code == 0
    result = invoke("export", "--db", db, "--mentions")
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    assert {r["article_id"] for r in records} == {"named"}
    by_text = {r["text"]: r["actor"] for r in records}
    assert by_text["Sergey Lavrov"]["country"] == "RUS"
    assert by_text["Hezbollah"]["country"] == "LBN"
    for r in records:
        text = article.read_text(encoding="utf-8").rstrip()
        assert text[r["start"] : r["end"]] == r["text"]
    rows = list(
        csv.DictReader(
            io.StringIO(invoke("export", "--db", db, "--mentions", "--format", "csv").stdout)
        )
    )
    assert {"actor_name", "country", "sector"} <= set(rows[0])
    assert invoke("export", "--db", db, "--mentions", "--articles").exit_code == 1


def test_cli_export_mentions_names_every_seed_person(db: Path, shared: Path) -> None:
    assert invoke("ingest", "--db", db, shared / "gold" / "dev" / "articles.jsonl").exit_code == 0
    result = invoke("export", "--db", db, "--mentions", "--article", "seed-astana")
    actors = [r["actor"] for r in jsonl(result.stdout) if r["actor"]]
    gold = json.loads((shared / "gold" / "dev" / "seed-astana.json").read_text(encoding="utf-8"))
    for key, person in gold["actors"].items():
        if not person.get("person"):
            continue
        names = {n.lower() for n in person["names"]}
        codes = set(person["codes"])
        found = [a for a in actors if a["name"].lower() in names or a["text"].lower() in names]
        assert found, key
        assert any(
            (a["country"] or "") + (a["sector"] or "") in codes
            or a["country"] in codes
            or a["sector"] in codes
            for a in found
        ), (key, found)


def test_cli_ingest_published_dates_a_text_and_resolves_its_dates(db: Path, tmp_path: Path) -> None:
    text = tmp_path / "talks.txt"
    text.write_text(GOOD_ARTICLE, encoding="utf-8")
    result = invoke("ingest", text, "--db", db, "--published", "2019-10-15")
    assert result.exit_code == 0, result.output
    exported = invoke("export", "--db", db, "--articles")
    assert [a["published"] for a in jsonl(exported.stdout)] == ["2019-10-15"]
    dated = [e["date"] for e in jsonl(invoke("export", "--db", db).stdout) if e.get("date")]
    # "on Tuesday" in an article of Tuesday 15 October 2019 is that day.
    assert any(d.get("start") == "2019-10-15" for d in dated), dated


def test_cli_ingest_unreadable_published_exits_1_naming_it(db: Path, tmp_path: Path) -> None:
    text = tmp_path / "talks.txt"
    text.write_text(GOOD_ARTICLE, encoding="utf-8")
    result = invoke("ingest", text, "--db", db, "--published", "15/10/2019")
    assert result.exit_code == 1
    assert "published" in result.stderr and "YYYY-MM-DD" in result.stderr
