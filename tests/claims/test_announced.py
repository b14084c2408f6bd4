"""Announced or secret: the sentence's own words, and sentences that look back."""

from __future__ import annotations

from dragoman.claims import announced_in, carry_announcements
from dragoman.pipeline import Pipeline
from dragoman.types import Article, Event, Evidence, Sentence


def test_claim_announced_in_reads_the_sentence() -> None:
    assert announced_in("The two men met behind closed doors.") is False
    assert announced_in("The visit was never made public.") is False
    assert announced_in("The talks were announced in a joint statement.") is True
    assert announced_in("The two men met in Damascus.") is None


MEETINGS = (
    "Lavrov met Assad in Damascus on Monday. Cavusoglu met Zarif in Tehran on Tuesday.",
    "Erdogan visited Baku on Friday.",
)


def article_with(paragraphs: list[list[str]]) -> Article:
    """An article whose sentences are laid out by hand, one list of sentences a paragraph."""
    text = ""
    sentences: list[Sentence] = []
    for p, paragraph in enumerate(paragraphs):
        if text:
            text += "\n\n"
        for n, sentence in enumerate(paragraph):
            if n:
                text += " "
            sentences.append(Sentence(len(text), len(text) + len(sentence), 0, 0, p))
            text += sentence
    return Article(article_id="claims", text=text, sentences=tuple(sentences))


def meeting(article: Article, sentence: int, trigger: str) -> Event:
    s = article.sentences[sentence]
    text = article.text[s.start : s.end]
    return Event(
        event_id=f"ev_{sentence}",
        article_id=article.article_id,
        type="CONSULT",
        mode=None,
        actor=(),
        recipient=(),
        evidence=Evidence(text, s.start, s.end),
        trigger=trigger,
        trigger_start=s.start + text.index(trigger),
    )


def announced(article: Article, triggers: dict[int, str]) -> list[bool | None]:
    events = [meeting(article, n, word) for n, word in triggers.items()]
    return [e.claim.announced for e in carry_announcements(article, events)]


def test_claim_reader_carry_announcements_that_meeting_covers_one_sentence() -> None:
    article = article_with(
        [
            [
                "Lavrov met Assad in Damascus on Monday.",
                "Cavusoglu met Zarif in Tehran on Tuesday.",
                "That meeting was not officially announced.",
            ]
        ]
    )
    assert announced(article, {0: "met", 1: "met"}) == [None, False]


def test_claim_reader_carry_announcements_paragraph_before_only() -> None:
    article = article_with(
        [
            ["Erdogan visited Baku on Friday."],
            ["Lavrov met Assad in Damascus on Monday.", "Cavusoglu met Zarif in Tehran."],
            ["All of these meetings were not officially announced."],
            ["Raisi visited Minsk on Sunday."],
        ]
    )
    assert announced(article, {0: "visited", 1: "met", 2: "met", 4: "visited"}) == [
        None,
        False,
        False,
        None,
    ]


def test_claim_reader_carry_announcements_none_of_these_after_a_paragraph() -> None:
    article = article_with(
        [
            ["Lavrov met Assad in Damascus on Monday.", "Cavusoglu met Zarif in Tehran."],
            ["None of these meetings were officially announced."],
        ]
    )
    assert announced(article, {0: "met", 1: "met"}) == [False, False]


def test_claim_reader_carry_announcements_closing_sentence_covers_its_paragraph() -> None:
    article = article_with(
        [
            ["Erdogan visited Baku on Friday."],
            [
                "Lavrov met Assad in Damascus on Monday.",
                "Cavusoglu met Zarif in Tehran.",
                "All of these meetings were not officially announced.",
            ],
        ]
    )
    assert announced(article, {0: "visited", 1: "met", 2: "met"}) == [None, False, False]


def test_claim_reader_carry_announcements_pipeline(nlp_pipeline: Pipeline) -> None:
    text = (
        "Lavrov met Assad in Damascus on Monday. Cavusoglu met Zarif in Tehran on Tuesday.\n"
        "\n"
        "All of these meetings were not officially announced."
    )
    found = nlp_pipeline(Article(article_id="claims", text=text)).events
    assert [(e.trigger, e.claim.announced) for e in found] == [("met", False), ("met", False)]


def test_own_release_a_bodys_own_act_in_its_release_is_announced(nlp_pipeline: Pipeline) -> None:
    text = "We agreed with our partners to press for a ceasefire in Aleppo."
    release = nlp_pipeline(Article(article_id="ukgov", text=text, publisher="UK Government"))
    news = nlp_pipeline(Article(article_id="news", text=text, publisher="The Guardian"))
    agreed = [e for e in release.events if e.type == "AGREE"]
    assert agreed and all(e.claim.announced is True for e in agreed)
    assert all(e.claim.announced is not True for e in news.events if e.type == "AGREE")
