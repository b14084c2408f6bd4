"""Attribution, factuality and the announced flag, read from the parse of sentences we write."""

from __future__ import annotations

from dragoman.claims import ClaimReader, source_kind
from dragoman.pipeline import Pipeline
from dragoman.types import Article, Claim, Event, Evidence, Sentence, Token


def claim_of(pipeline: Pipeline, text: str, type_: str = "CONSULT") -> Claim:
    found = [e for e in pipeline(Article(article_id="claims", text=text)).events if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger) for e in found]
    return found[0].claim


def test_claim_asserted_without_cues(nlp_pipeline: Pipeline) -> None:
    claim = claim_of(nlp_pipeline, "Lavrov met Assad in Damascus on Monday.")
    assert claim == Claim(attribution=(), factuality="asserted", announced=None, cues=())


def test_claim_did_not_meet_is_negated(nlp_pipeline: Pipeline) -> None:
    claim = claim_of(nlp_pipeline, "Lavrov did not meet Assad in Damascus.")
    assert claim.factuality == "negated"
    assert claim.cues == ("not",)


def test_claim_would_launch_if_is_hypothetical(nlp_pipeline: Pipeline) -> None:
    text = "Turkey would launch an offensive if the Kurdish militias attacked."
    found = nlp_pipeline(Article(article_id="claims", text=text)).events
    by_trigger = {e.trigger: e.claim for e in found}
    assert by_trigger["offensive"].factuality == "hypothetical"
    assert by_trigger["offensive"].cues == ("would",)
    # What the "if" clause supposes did not happen either.
    assert by_trigger["attacked"].factuality == "hypothetical"
    assert by_trigger["attacked"].cues == ("if",)


def test_claim_will_visit_is_future(nlp_pipeline: Pipeline) -> None:
    claim = claim_of(nlp_pipeline, "Lavrov will visit Damascus next week.")
    assert claim.factuality == "future"
    assert claim.cues == ("will",)


def test_claim_allegedly_sacked_is_alleged(nlp_pipeline: Pipeline) -> None:
    text = "The minister was allegedly sacked by the president."
    claim = claim_of(nlp_pipeline, text, type_="SANCTION")
    assert claim.factuality == "alleged"
    assert claim.cues == ("allegedly",)


def test_claim_said_that_is_reported_with_its_source(nlp_pipeline: Pipeline) -> None:
    text = "Sergei Lavrov said that Turkish troops attacked Kurdish fighters near Afrin."
    claim = claim_of(nlp_pipeline, text, type_="ASSAULT")
    assert claim.factuality == "reported"
    (source,) = claim.attribution
    assert (source.name, source.cue) == ("Sergey Lavrov", "said")  # the actor base's canonical name
    assert source.kind == "official"


def test_claim_according_to_state_media_is_reported_by_media(nlp_pipeline: Pipeline) -> None:
    claim = claim_of(nlp_pipeline, "According to state media, Lavrov met Assad in Damascus.")
    assert claim.factuality == "reported"
    (source,) = claim.attribution
    assert (source.name, source.kind) == ("state media", "media")
    assert (source.cue or "").lower() == "according to"


def test_claim_denied_meeting_is_denied(nlp_pipeline: Pipeline) -> None:
    claim = claim_of(nlp_pipeline, "Syria denied meeting Israeli officials.")
    assert claim.factuality == "denied"
    assert claim.cues == ("denied",)


def test_claim_denied_that_clause_is_denied(nlp_pipeline: Pipeline) -> None:
    claim = claim_of(nlp_pipeline, "The ministry denied that Lavrov met Assad.")
    assert claim.factuality == "denied"


def test_claim_secretly_met_is_not_announced(nlp_pipeline: Pipeline) -> None:
    claim = claim_of(nlp_pipeline, "Lavrov secretly met Assad in Damascus.")
    assert claim.announced is False
    assert claim.factuality == "asserted"


def test_claim_announced_meeting_is_announced(nlp_pipeline: Pipeline) -> None:
    claim = claim_of(nlp_pipeline, "The Kremlin announced that Lavrov met Assad in Damascus.")
    assert claim.announced is True
    assert claim.factuality == "reported"
    # The Kremlin speaks for Russia.
    assert [(s.name, s.cue) for s in claim.attribution] == [("Russia", "announced")]


def test_claim_that_meeting_not_announced_covers_the_sentence_before(
    nlp_pipeline: Pipeline,
) -> None:
    text = (
        "Erdogan visited Baku on Friday. Lavrov met Assad in Damascus on Monday. "
        "That meeting was not officially announced."
    )
    found = nlp_pipeline(Article(article_id="claims", text=text)).events
    assert {e.trigger: e.claim.announced for e in found} == {"visited": None, "met": False}


def test_claim_announced_in_reads_the_sentence() -> None:
    assert ClaimReader.announced_in("The two men met behind closed doors.") is False
    assert ClaimReader.announced_in("The visit was never made public.") is False
    assert ClaimReader.announced_in("The talks were announced in a joint statement.") is True
    assert ClaimReader.announced_in("The two men met in Damascus.") is None


# carry_announcements reads only sentences, paragraphs and evidence: built by hand.

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
    return [e.claim.announced for e in ClaimReader(article).carry_announcements(events)]


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


# source_kind on hand-built tokens.


def words(*specs: tuple[str, str, str]) -> list[Token]:
    """Tokens from (text, lemma, ent_type); offsets and tree do not matter to source_kind."""
    return [
        Token(i, text, 0, lemma, "NOUN", "NN", "nsubj", i, ent, "B" if ent else "", 0)
        for i, (text, lemma, ent) in enumerate(specs)
    ]


def test_source_kind_media_by_name_and_by_word() -> None:
    assert source_kind(words(("Reuters", "Reuters", "ORG")), "Reuters") == "media"
    assert source_kind(words(("state", "state", ""), ("media", "medium", "")), "state media") == (
        "media"
    )
    assert source_kind(words(("newspaper", "newspaper", "")), "the newspaper") == "media"


def test_source_kind_ngo_by_name() -> None:
    tokens = words(
        ("Human", "Human", "ORG"), ("Rights", "Rights", "ORG"), ("Watch", "Watch", "ORG")
    )
    assert source_kind(tokens, "Human Rights Watch") == "ngo"


def test_source_kind_unnamed() -> None:
    tokens = words(("diplomatic", "diplomatic", ""), ("sources", "source", ""))
    assert source_kind(tokens, "diplomatic sources") == "unnamed"
    assert source_kind(words(("someone", "someone", "")), "someone") == "unnamed"


def test_source_kind_official() -> None:
    assert source_kind(words(("ministry", "ministry", "")), "ministry") == "official"
    person = words(("Sergei", "Sergei", "PERSON"), ("Lavrov", "Lavrov", "PERSON"))
    assert source_kind(person, "Sergei Lavrov") == "official"
    assert source_kind(words(("Russia", "Russia", "GPE")), "Russia") == "official"


def test_source_kind_organization() -> None:
    assert source_kind(words(("Hezbollah", "Hezbollah", "ORG")), "Hezbollah") == "organization"
    assert source_kind(words(("Acme", "Acme", "ORG")), "Acme") == "organization"
