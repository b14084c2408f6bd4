"""The spaCy edge: paragraph-aware sentences, the copy into core types, batching, model errors."""

from __future__ import annotations

import pytest

from dragoman.errors import ModelError
from dragoman.nlp import MENTION_LABELS, Parse, doc_to_parts, load_model
from dragoman.pipeline import Pipeline
from dragoman.settings import Settings
from dragoman.types import Article

ARTICLE = (
    "Russia and Turkey hold talks\n"
    "\n"
    "The foreign ministers met in Ankara on Monday. They agreed on a truce.\n"
    "\n"
    "A second round is planned for March."
)


@pytest.fixture(scope="session")
def parse(nlp_pipeline: Pipeline) -> Parse:
    """The Parse stage of the session's pipeline (the model is loaded once)."""
    return next(s for s in nlp_pipeline.stages if isinstance(s, Parse))


def test_load_model_is_cached_per_package(parse: Parse) -> None:
    assert load_model(Settings().model) is parse.nlp


def test_load_model_title_line_stays_its_own_sentence(parse: Parse) -> None:
    doc = parse.nlp(ARTICLE)
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == [
        "Russia and Turkey hold talks",
        "The foreign ministers met in Ankara on Monday.",
        "They agreed on a truce.",
        "A second round is planned for March.",
    ]


def test_load_model_breaks_sentences_at_a_single_line_break(parse: Parse) -> None:
    doc = parse.nlp("DAMASCUS\nThe envoy arrived on Sunday.")
    assert [s.text.strip() for s in doc.sents] == ["DAMASCUS", "The envoy arrived on Sunday."]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Envoy Meets Rebels in SyriaThe envoy arrived on Sunday.",
            ["Envoy Meets Rebels in Syria", "The envoy arrived on Sunday."],
        ),
        (
            "Student Pleads Not Guilty in Bomb ProbeBOSTON - A student pleaded not guilty.",
            ["Student Pleads Not Guilty in Bomb Probe", "BOSTON - A student pleaded not guilty."],
        ),
        (
            "He quit LinkedIn in 2010 and joined YouTube.",
            ["He quit LinkedIn in 2010 and joined YouTube."],
        ),
    ],
)
def test_load_model_splits_a_heading_glued_to_the_first_sentence(
    parse: Parse, text: str, sentences: list[str]
) -> None:
    doc = parse.nlp(text)
    assert [s.text.strip() for s in doc.sents] == sentences
    assert doc.text == text


def test_load_model_unknown_package_names_the_package() -> None:
    with pytest.raises(ModelError, match="dragoman_no_such_model_pkg") as info:
        load_model("dragoman_no_such_model_pkg")
    assert "pip install" in str(info.value)


def test_doc_to_parts_token_offsets_slice_the_text(parse: Parse) -> None:
    tokens, _, _ = doc_to_parts(parse.nlp(ARTICLE))
    assert tokens
    for n, t in enumerate(tokens):
        assert t.i == n
        assert ARTICLE[t.idx : t.end] == t.text


def test_doc_to_parts_sentences_trim_white_space_and_cover_their_tokens(parse: Parse) -> None:
    tokens, sentences, _ = doc_to_parts(parse.nlp(ARTICLE))
    assert ARTICLE[sentences[0].start : sentences[0].end] == "Russia and Turkey hold talks"
    for n, s in enumerate(sentences):
        text = ARTICLE[s.start : s.end]
        assert text == text.strip()
        assert all(t.sent == n for t in tokens[s.token_start : s.token_end])
    assert sentences[-1].token_end == len(tokens)


def test_doc_to_parts_paragraph_numbers_increase_across_blank_lines(parse: Parse) -> None:
    _, sentences, _ = doc_to_parts(parse.nlp(ARTICLE))
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2]


def test_doc_to_parts_heads_point_inside_the_article(parse: Parse) -> None:
    tokens, _, _ = doc_to_parts(parse.nlp("Lavrov met Assad in Damascus on Monday."))
    met = next(t for t in tokens if t.text == "met")
    assert met.dep == "ROOT" and met.head == met.i
    assert met.lemma == "meet" and met.pos == "VERB"
    assert tokens[0].head == met.i


def test_doc_to_parts_mentions_carry_labels_and_offsets(parse: Parse) -> None:
    text = "Sergei Lavrov flew to Ankara on Monday. Ten soldiers died."
    _, _, mentions = doc_to_parts(parse.nlp(text))
    labels = {m.text: m.label for m in mentions}
    assert labels["Sergei Lavrov"] == "PERSON"
    assert labels["Ankara"] == "GPE"
    assert labels["Monday"] == "DATE"
    # Numbers are not actors or places: CARDINAL is not kept.
    assert "Ten" not in labels
    assert all(m.label in MENTION_LABELS for m in mentions)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    assert {m.text: m.sentence for m in mentions}["Ankara"] == 0


def test_parse_pipe_keeps_article_ids_with_their_texts_in_a_batch(parse: Parse) -> None:
    stage = Parse(Settings().model, batch_size=3)
    assert stage.nlp is parse.nlp  # the same loaded model, not a second copy
    articles = [
        Article(article_id="first", text="Lavrov met Assad in Damascus."),
        Article(article_id="second", text="Turkish troops shelled the town of Afrin on Sunday."),
        Article(article_id="third", text="Iran condemned the strike."),
    ]
    out = list(stage.pipe(articles))
    assert [a.article_id for a in out] == ["first", "second", "third"]
    for before, after in zip(articles, out, strict=True):
        assert after.text == before.text
        assert after.tokens[0].text == before.text.split()[0]
        assert after.tokens[-1].end == len(before.text)
        assert after.sentences


def test_parse_call_fills_tokens_sentences_and_mentions(parse: Parse) -> None:
    article = parse(Article(article_id="a", text="Lavrov met Assad in Damascus."))
    assert article.article_id == "a"
    assert [t.text for t in article.tokens] == ["Lavrov", "met", "Assad", "in", "Damascus", "."]
    assert len(article.sentences) == 1
    assert "Damascus" in {m.text for m in article.mentions}


def test_parse_reads_curly_quotes_as_straight_and_keeps_the_text(nlp_pipeline: Pipeline) -> None:
    text = "Syria’s envoy Bashar Ja’afari accused de Mistura of bias."
    article = nlp_pipeline(Article(article_id="quotes", text=text))
    assert article.text == text
    assert any(m.text == "Bashar Ja’afari" for m in article.mentions)
    assert all(text[t.idx : t.end].replace("’", "'") == t.text for t in article.tokens)


def test_doc_to_parts_undoes_the_lemmatizer_s_verb_slips(parse: Parse) -> None:
    article = parse(Article(article_id="lemma", text="The rebels are waging war; they waged it."))
    lemmas = {t.text: t.lemma for t in article.tokens}
    assert lemmas["waging"] == "wage" and lemmas["waged"] == "wage"
    singer = parse(Article(article_id="rap", text="The singer rapped about the war."))
    assert next(t.lemma for t in singer.tokens if t.text == "rapped") != "rape"
