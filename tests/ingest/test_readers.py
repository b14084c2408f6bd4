import hashlib
import io
import json
import logging
from datetime import date
from pathlib import Path

import pytest

from dragoman.ingest import count_inputs, parse_published, read, read_record
from dragoman.settings import Settings
from dragoman.types import Article, Failure

SEED = Path("seed") / "000_d7416dada62bf403.txt"  # inside ../shared

TITLE = "Envoy meets Assad in Damascus"
BODY = (
    "Russia's special envoy held a secret meeting with Bashar al-Assad in Damascus.\n"
    "\n"
    "He then travelled to Geneva, where he met the guarantors of the Astana process."
)
TEXT = f"{TITLE}\n\n{BODY}"

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <title>Envoy meets Assad | Daily Levant</title>
  <meta property="og:title" content="Envoy meets Assad in Damascus">
  <meta property="og:site_name" content="Daily Levant">
  <meta property="og:url" content="https://levant.example/2021/02/envoy">
  <meta property="article:published_time" content="2021-02-01T10:00:00Z">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
  <article>
    <h1>Envoy meets Assad in Damascus</h1>
    <p>Russia's special envoy for Syria held a secret meeting with President Bashar al-Assad in
    Damascus at the end of last week, according to diplomats in the Syrian capital.</p>
    <p>Russian officers persuaded both sides in Hassakeh to carry out a prisoner swap, but
    tensions persist between the Kurdish forces and the government troops there.</p>
  </article>
  <aside>
    <h3>Check Also</h3>
    <ul><li><a href="/mirage">When Leaders Chase A Mirage!</a></li></ul>
  </aside>
  <footer><p>© 2021 Daily Levant. All rights reserved.</p></footer>
</body>
</html>
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_one(path: Path, settings: Settings | None = None) -> Article | Failure:
    (result,) = read([path], settings)
    return result


def test_read_txt_id_from_file_name_and_title_from_first_line(tmp_path):
    article = read_one(write(tmp_path / "envoy-visit.txt", TEXT))
    assert isinstance(article, Article)
    assert article.article_id == "envoy-visit"
    assert article.title == TITLE
    assert article.text == TEXT
    assert article.origin == str(tmp_path / "envoy-visit.txt")


def test_read_txt_no_title_when_first_line_is_a_paragraph(tmp_path):
    article = read_one(write(tmp_path / "a.md", f"{TITLE}\n{BODY}"))
    assert isinstance(article, Article)
    assert article.title is None
    long_first = "word " * 50
    article = read_one(write(tmp_path / "b.text", f"{long_first}\n\n{BODY}"))
    assert article.title is None


def test_read_html_main_text_metadata_and_footer_removed(tmp_path):
    article = read_one(write(tmp_path / "levant.html", PAGE))
    assert isinstance(article, Article)
    assert article.article_id == "levant"
    assert "secret meeting with President Bashar al-Assad" in article.text
    assert "prisoner swap" in article.text
    for gone in ("Check Also", "Chase A Mirage", "Home", "Sport", "rights reserved"):
        assert gone not in article.text
    assert article.title == "Envoy meets Assad in Damascus"
    assert article.published == date(2021, 2, 1)
    assert article.publisher == "Daily Levant"
    assert article.language == "en"
    assert article.url == "https://levant.example/2021/02/envoy"


def test_read_jsonl_malformed_line_is_a_failure_and_other_lines_are_read(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": TEXT}),
        '{"id": "b", "text": ',
        "",
        json.dumps({"id": 7, "text": BODY, "published": "2021-02-01"}),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    first, bad, last = read([path])
    assert isinstance(first, Article) and first.article_id == "a"
    assert first.origin == f"{path}:1"
    assert isinstance(bad, Failure)
    assert bad.article_id == "feed-2"
    assert bad.origin == f"{path}:2"
    assert bad.reason.startswith("malformed JSON on line 2: Expecting value")
    assert isinstance(last, Article)
    assert (last.article_id, last.published, last.origin) == ("7", date(2021, 2, 1), f"{path}:4")


def test_read_jsonl_record_without_id_named_by_file_and_line(tmp_path):
    path = write(tmp_path / "feed.ndjson", "\n" + json.dumps({"text": BODY}) + "\n")
    (article,) = read([path])
    assert isinstance(article, Article)
    assert article.article_id == "feed-2"


def test_read_jsonl_record_without_text_names_line_and_field(tmp_path):
    path = write(tmp_path / "feed.jsonl", json.dumps({"id": "x", "title": "No body"}) + "\n")
    (failure,) = read([path])
    assert isinstance(failure, Failure)
    assert failure.article_id == "x"
    assert failure.reason == "the record on line 1 has no 'text' or 'html' field"


def test_read_jsonl_non_object_line_is_failure(tmp_path):
    path = write(tmp_path / "feed.jsonl", '["a", "list"]\n')
    (failure,) = read([path])
    assert isinstance(failure, Failure)
    assert failure.reason == "the record on line 1 is a JSON array, not an object"


def test_read_json_file_with_one_record_or_a_list(tmp_path):
    single = write(tmp_path / "one.json", json.dumps({"text": TEXT, "publisher": "Levant"}))
    several = write(tmp_path / "many.json", json.dumps([{"id": "p", "text": BODY}, {"text": 3}]))
    one, first, bad = read([single, several])
    assert isinstance(one, Article)
    assert (one.article_id, one.publisher, one.title) == ("one", "Levant", None)
    assert isinstance(first, Article) and first.article_id == "p"
    assert isinstance(bad, Failure)
    assert bad.origin == f"{several}:2"
    assert "field 'text' must be a string, not a JSON number" in bad.reason


@pytest.mark.parametrize("content", ["", "   \n\n\t\n"])
def test_read_empty_file_is_failure(tmp_path, content):
    failure = read_one(write(tmp_path / "empty.txt", content))
    assert failure == Failure("empty", str(tmp_path / "empty.txt"), "empty: no article text")


def test_read_short_and_long_texts_are_failures(tmp_path):
    settings = Settings().with_overrides(min_chars=50, max_chars=100)
    short = read_one(write(tmp_path / "short.txt", "Too short."), settings)
    assert short.reason == "too short: 10 characters of text, need at least 50"
    long = read_one(write(tmp_path / "long.txt", "x" * 150), settings)
    assert long.reason == "too long: 150 characters, the limit is 100 (setting max_chars)"
    huge = read_one(write(tmp_path / "huge.txt", "x" * 500), settings)
    assert huge.reason.startswith("too long: over 400 bytes")


def test_read_binary_file_is_failure(tmp_path):
    failure = read_one(write(tmp_path / "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"))
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("binary file: not text, HTML or JSON (")
    noisy = read_one(write(tmp_path / "noise.bin", bytes(range(1, 32)) * 20))
    assert noisy.reason.startswith("binary file: not text, HTML or JSON (")


def test_read_unknown_extension_is_sniffed_as_text_or_html(tmp_path):
    text = read_one(write(tmp_path / "notes.log", TEXT))
    assert isinstance(text, Article) and text.title == TITLE
    page = read_one(write(tmp_path / "story.php", PAGE))
    assert isinstance(page, Article) and page.publisher == "Daily Levant"


def test_read_undecodable_bytes_is_failure(tmp_path):
    failure = read_one(write(tmp_path / "latin.txt", "Café au lait in Damascus".encode("latin-1")))
    assert failure.reason == "not UTF-8 text: cannot decode byte 0xe9 at offset 3"


def test_read_strips_utf8_bom_and_reads_utf16(tmp_path):
    utf8 = read_one(write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + TEXT.encode()))
    assert utf8.text == TEXT and utf8.title == TITLE
    utf16 = read_one(write(tmp_path / "wide.txt", TEXT.encode("utf-16")))
    assert utf16.text == TEXT


def test_read_folder_recursive_sorted_hidden_skipped(tmp_path):
    write(tmp_path / "b.txt", TEXT)
    write(tmp_path / "a" / "z.txt", TEXT)
    write(tmp_path / "a" / "deep" / "y.txt", TEXT)
    write(tmp_path / "c.jsonl", json.dumps({"id": "c1", "text": BODY}) + "\n")
    write(tmp_path / ".hidden.txt", TEXT)
    write(tmp_path / ".git" / "x.txt", TEXT)
    ids = [result.article_id for result in read([tmp_path])]
    assert ids == ["a/deep/y", "a/z", "b", "c1"]
    assert count_inputs([tmp_path]) == 4


def test_read_same_file_name_in_two_sub_folders_gives_two_articles(tmp_path):
    write(tmp_path / "politics" / "001.txt", TEXT)
    write(tmp_path / "sport" / "001.txt", TEXT + " More.")
    assert [r.article_id for r in read([tmp_path])] == ["politics/001", "sport/001"]
    assert [r.article_id for r in read([tmp_path / "sport" / "001.txt"])] == ["001"]


def test_read_missing_path_is_failure_and_batch_goes_on(tmp_path):
    good = write(tmp_path / "good.txt", TEXT)
    missing, article = read([tmp_path / "missing.txt", good])
    assert isinstance(missing, Failure)
    assert missing.reason == "cannot read: No such file or directory"
    assert isinstance(article, Article)


def test_read_stdin_text_named_by_hash():
    (article,) = read(["-"], stdin=io.BytesIO(TEXT.encode() + b"\n"))
    expected = "stdin-" + hashlib.sha256(TEXT.encode()).hexdigest()[:12]
    assert (article.article_id, article.origin, article.title) == (expected, "stdin", TITLE)


def test_read_stdin_jsonl_and_html():
    stream = io.StringIO("\n" + json.dumps({"text": BODY}) + "\nnot json\n")
    first, bad = read("-", stdin=stream)
    assert (first.article_id, first.origin) == ("stdin-2", "stdin:2")
    assert isinstance(bad, Failure) and bad.origin == "stdin:3"
    (page,) = read("-", stdin=io.BytesIO(PAGE.encode()))
    assert isinstance(page, Article) and page.publisher == "Daily Levant"


def test_read_record_without_id_named_by_text_hash():
    article = read_record({"text": BODY, "language": "en"}, "record", Settings())
    assert article.article_id == "rec-" + hashlib.sha256(BODY.encode()).hexdigest()[:12]
    assert (article.origin, article.language) == ("record", "en")


def test_read_record_html_field_goes_through_trafilatura():
    (article,) = read([{"id": "h", "html": PAGE, "publisher": "Levant Weekly"}])
    assert isinstance(article, Article)
    assert "prisoner swap" in article.text and "Check Also" not in article.text
    assert (article.publisher, article.published) == ("Levant Weekly", date(2021, 2, 1))


@pytest.mark.parametrize(
    "value",
    [
        "2021-02-01",
        "2021-02-01T10:00:00Z",
        "2021-02-01 10:00:00+03:00",
        "Mon, 01 Feb 2021 10:00:00 GMT",
        "1 February 2021",
        "February 1, 2021",
        date(2021, 2, 1),
    ],
)
def test_parse_published_formats(value):
    assert parse_published(value) == date(2021, 2, 1)


def test_read_record_unparseable_date_is_none_and_logged(caplog):
    with caplog.at_level(logging.WARNING, logger="dragoman.record_reader"):
        article = read_record({"text": BODY, "published": "not a date"}, "record", Settings())
    assert isinstance(article, Article) and article.published is None
    assert "not a date" in caplog.text


def test_count_inputs_counts_files_lines_and_records(tmp_path):
    write(tmp_path / "feed.jsonl", "\n".join(json.dumps({"text": BODY}) for _ in range(3)))
    write(tmp_path / "list.json", json.dumps([{"text": BODY}] * 2))
    one = write(tmp_path / "x" / "one.txt", TEXT)
    inputs = [tmp_path, one, {"text": BODY}, tmp_path / "missing.txt"]
    assert count_inputs(inputs) == 3 + 2 + 1 + 1 + 1 + 1
    assert count_inputs(inputs) == len(list(read(inputs)))


def test_count_inputs_unknown_for_stdin_and_one_shot_iterators(tmp_path):
    assert count_inputs(["-"]) is None
    assert count_inputs(path for path in [tmp_path]) is None


def test_read_single_path_not_taken_as_characters(tmp_path):
    path = write(tmp_path / "only.txt", TEXT)
    assert [result.article_id for result in read(str(path))] == ["only"]


def test_read_seed_article_boilerplate_removed(shared: Path) -> None:
    article = read_one(shared / SEED)
    assert isinstance(article, Article)
    for gone in ("Check Also", "When Leaders Chase A Mirage!", "Naturally, they tend to fool"):
        assert gone not in article.text
    for present in ("Wang Yi", "prisoner swap"):
        assert present in article.text
    assert article.title is not None and article.title.startswith("Putin’s Envoy, Syria’s Assad")


def test_read_binary_bytes_in_a_txt_file_fail(tmp_path: Path) -> None:
    path = tmp_path / "bin.txt"
    path.write_bytes(b"\x00\x01\x02\x03" * 40 + b"hello world this is text" * 3)
    (result,) = list(read([path]))
    assert isinstance(result, Failure)
    assert "binary" in result.reason


def test_read_published_setting_dates_articles_that_carry_no_date(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.html").write_text(PAGE, encoding="utf-8")
    settings = Settings(published="2019-03-04")
    got = {a.article_id: a.published for a in read(tmp_path, settings)}
    # The page's own date wins; the text, which has none, takes the setting's.
    assert got == {"a": date(2019, 3, 4), "b": date(2021, 2, 1)}
    assert next(iter(read(tmp_path / "a.txt"))).published is None
