"""The court of a sentence and the police of an arrest, when the text names no doer."""

from __future__ import annotations

from dataclasses import replace

from dragoman.extract import implicit_body, merge_events
from dragoman.pipeline import Pipeline
from dragoman.types import Actor, Article, Event, Evidence, Place


def only(pipeline: Pipeline, text: str, type_: str) -> Event:
    found = [
        e for e in pipeline(Article(article_id="implicit", text=text)).events if e.type == type_
    ]
    assert len(found) == 1, found
    return found[0]


def test_a_passive_sentence_is_passed_by_a_court_of_the_place(nlp_pipeline: Pipeline) -> None:
    text = "A British volunteer was sentenced to seven years in prison in Turkey on Friday."
    ev = only(nlp_pipeline, text, "SANCTION")
    assert [(a.text, a.name, a.country, a.sector) for a in ev.actor] == [
        ("", "court", "TUR", "JUD")
    ]
    assert [a.name for a in ev.recipient] == ["British volunteer"]


def test_found_guilty_in_a_city_is_that_country_s_court(nlp_pipeline: Pipeline) -> None:
    text = "A student from Kazakhstan was found guilty of obstruction of justice in Boston."
    ev = only(nlp_pipeline, text, "SANCTION")
    assert [(a.name, a.country, a.sector) for a in ev.actor] == [("court", "USA", "JUD")]


def test_a_passive_arrest_is_made_by_the_police(nlp_pipeline: Pipeline) -> None:
    ev = only(nlp_pipeline, "Dozens of protesters were arrested in Cairo on Friday.", "COERCE")
    assert [(a.text, a.name, a.country, a.sector) for a in ev.actor] == [
        ("", "police", "EGY", "COP")
    ]


def test_a_capture_names_no_police(nlp_pipeline: Pipeline) -> None:
    # Fighters capture as often as police do: no doer is made up.
    ev = only(nlp_pipeline, "Two soldiers were captured in Idlib on Friday.", "COERCE")
    assert ev.actor == ()


def test_a_named_doer_is_kept(nlp_pipeline: Pipeline) -> None:
    ev = only(nlp_pipeline, "Police arrested two men in Lyon.", "COERCE")
    assert [a.text for a in ev.actor] == ["Police"]


MAN = Actor("Robinson", "Joe Robinson", None, "GBR", "CVL", person=True)
JUDGE = Actor("the judge", "judge", None, "TUR", "JUD")


def sentence(actor: tuple[Actor, ...], start: int, place: Place | None = None) -> Event:
    return Event(
        event_id=f"ev_{start}",
        article_id="implicit",
        type="SANCTION",
        mode="convict",
        actor=actor,
        recipient=(MAN,),
        evidence=Evidence(f"sentence at {start}", start, start + 40),
        trigger="sentenced",
        trigger_start=start + 5,
        place=place,
    )


BARE = Article(article_id="implicit", text="A man was sentenced.")


def test_no_place_gives_a_court_of_no_country() -> None:
    body = implicit_body(BARE, sentence((), 0))
    assert body == Actor(text="", name="court", country=None, sector="JUD")


def test_no_recipient_no_court() -> None:
    assert implicit_body(BARE, replace(sentence((), 0), recipient=())) is None


def test_a_place_in_a_country_the_article_never_names_is_no_jurisdiction() -> None:
    text = "British police raided homes in east London. Britain raised its threat level."
    article = Article(article_id="implicit", text=text)
    misread = Place("east London", "East London", None, "ZAF", None, -33.0, 27.9)
    body = implicit_body(article, sentence((), 0, misread))
    assert body is not None and body.country == "GBR"
    right = Place("east London", "London", None, "GBR", None, 51.5, -0.1)
    body = implicit_body(article, sentence((), 0, right))
    assert body is not None and body.country == "GBR"


def test_merge_prefers_the_named_doer_over_the_implied_court() -> None:
    court = implicit_body(BARE, sentence((), 0))
    assert court is not None
    merged = merge_events((sentence((court,), 0), sentence((JUDGE,), 100)))
    assert len(merged) == 1
    assert merged[0].actor == (JUDGE,)


def test_who_says_someone_should_be_asked_is_the_one_asking(nlp_pipeline: Pipeline) -> None:
    text = "Israel should also be asked to offer refuge, Jan Egeland said."
    ev = only(nlp_pipeline, text, "REQUEST")  # one request: the passive one, not a second
    assert [a.name for a in ev.actor] == ["Jan Egeland"]
    assert [a.name for a in ev.recipient] == ["Israel"]


def test_a_plain_passive_request_names_no_asker(nlp_pipeline: Pipeline) -> None:
    ev = only(nlp_pipeline, "Israel was asked to offer refuge.", "REQUEST")
    assert ev.actor == ()
