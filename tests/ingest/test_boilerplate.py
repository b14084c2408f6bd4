from pathlib import Path

import pytest

from dragoman.ingest import html_to_article_fields, strip_boilerplate

SEED = Path("seed") / "000_d7416dada62bf403.txt"  # inside ../shared

BODY = (
    "Envoy meets Assad\n"
    "\n"
    "Russia's special envoy held a secret meeting with Bashar al-Assad in Damascus.\n"
    "\n"
    "He then travelled to Geneva, where he met the guarantors of the Astana process.\n"
    "\n"
    "Officers in Hmeimim persuaded both sides to carry out a prisoner swap.\n"
    "\n"
    "Tensions, however, continue to persist in the north-east of the country."
)

PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Envoy meets Assad in Damascus | Daily Levant</title>
  <meta property="og:title" content="Envoy meets Assad in Damascus">
  <meta property="og:site_name" content="Daily Levant">
  <meta property="og:url" content="https://levant.example/2021/02/envoy-meets-assad">
  <meta property="article:published_time" content="2021-02-01T10:00:00Z">
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
  <li><a href="/sport">Sport</a></li></ul></nav>
  <main>
    <article>
      <h1>Envoy meets Assad in Damascus</h1>
      <p>Russia's special envoy for Syria held a secret meeting with President Bashar al-Assad
      in Damascus at the end of last week, according to diplomats.</p>
      <p>The envoy then travelled to Geneva to follow the talks of the Constitutional Committee,
      where he met the guarantors of the Astana process.</p>
      <p>Russian officers persuaded both sides in Hassakeh to carry out a prisoner swap, but
      tensions persist.</p>
    </article>
    <aside class="related">
      <h3>Check Also</h3>
      <ul><li><a href="/other">When Leaders Chase A Mirage!</a></li></ul>
      <p>Naturally, they tend to fool themselves the most with others being fooled on a little</p>
    </aside>
  </main>
  <footer><p>© 2021 Daily Levant. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
"""


def test_strip_boilerplate_cuts_check_also_footer_and_keeps_text_identical():
    footer = "\n\nCheck Also\n\nWhen Leaders Chase A Mirage!\n\nNaturally, they tend to fool …\n"
    assert strip_boilerplate(BODY + footer) == BODY


def test_strip_boilerplate_normalises_newlines():
    assert strip_boilerplate(BODY.replace("\n", "\r\n") + "\r\n\r\n") == BODY


def test_strip_boilerplate_keeps_text_without_footer():
    assert strip_boilerplate(BODY + "\n  \n") == BODY


def test_strip_boilerplate_does_not_cut_early_read_more():
    text = "Read more\n\n" + BODY
    assert strip_boilerplate(text) == text


@pytest.mark.parametrize(
    "marker",
    [
        "Related",
        "Related Articles",
        "Related Stories:",
        "Read More:",
        "Read also: Turkey shells Afrin",
        "See also",
        "You may also like",
        "More from Reuters",
        "Recommended",
        "Most read",
        "Share this article",
        "Follow us on Twitter",
        "Subscribe to our newsletter",
        "Comments",
        "Tags: Syria, Russia, Geneva",
        "© 2021 Asharq Al-Awsat",
    ],
)
def test_strip_boilerplate_cuts_footer_from_marker(marker):
    text = f"{BODY}\n\n{marker}\n\nSome other story\n\nAnd a teaser for it …"
    assert strip_boilerplate(text) == BODY


def test_strip_boilerplate_keeps_long_line_starting_like_a_marker():
    last = "Related talks between Ankara and Moscow are expected to resume later this month."
    text = f"{BODY}\n\n{last}"
    assert strip_boilerplate(text) == text


def test_strip_boilerplate_drops_advertisement_lines_anywhere():
    first, rest = BODY.split("\n\n", 1)
    text = f"{first}\n\nAdvertisement\n\n{rest}\nStory continues below advertisement\n"
    assert strip_boilerplate(text) == BODY


def test_strip_boilerplate_seed_article_loses_footer_only(shared: Path) -> None:
    original = (shared / SEED).read_text(encoding="utf-8")
    kept = strip_boilerplate(original)
    for gone in ("Check Also", "When Leaders Chase A Mirage!", "Naturally, they tend to fool"):
        assert gone not in kept
    for present in ("Lavrentiev", "Wang Yi", "prisoner swap"):
        assert present in kept
    assert original.startswith(kept)


def test_html_to_article_fields_main_text_and_metadata():
    fields = html_to_article_fields(PAGE)
    text = fields["text"]
    assert "secret meeting with President Bashar al-Assad" in text
    assert "prisoner swap" in text
    for gone in ("Check Also", "Chase A Mirage", "Naturally", "Home", "Sport", "rights reserved"):
        assert gone not in text
    assert "\n\nThe envoy then travelled" in text
    assert fields["title"] == "Envoy meets Assad in Damascus"
    assert fields["published"] == "2021-02-01"
    assert fields["publisher"] == "Daily Levant"
    assert fields["language"] == "en"
    assert fields["url"] == "https://levant.example/2021/02/envoy-meets-assad"


def test_html_to_article_fields_reads_a_fragment():
    paragraph = "Russia's envoy met the guarantors of the Astana process in Geneva on Friday."
    fields = html_to_article_fields(f"<p>{paragraph}</p>")
    assert fields["text"] == paragraph
    assert fields["language"] is None


def test_html_to_article_fields_without_main_text_gives_empty_text():
    fields = html_to_article_fields("<html><head><title>A title</title></head><body></body></html>")
    assert fields["text"] == ""
