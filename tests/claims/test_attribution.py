"""Attributions (source, cue, content) read from the parse of sentences we write."""

from __future__ import annotations

from dragoman.claims import Attribution, attribution_for, find_attributions
from dragoman.nlp import Parse
from dragoman.pipeline import Pipeline
from dragoman.types import Article, Source


def parsed(pipeline: Pipeline, text: str) -> Article:
    parse = next(s for s in pipeline.stages if isinstance(s, Parse))
    return parse(Article(article_id="attribution", text=text))


def index_of(article: Article, word: str, nth: int = 0) -> int:
    return [t.i for t in article.tokens if t.text == word][nth]


def only(article: Article, form: str | None = None) -> Attribution:
    found = [a for a in find_attributions(article) if form is None or a.form == form]
    assert len(found) == 1, [(a.cue.text, a.form) for a in found]
    return found[0]


def sources_of(article: Article, word: str, nth: int = 0) -> list[tuple[str, str, str | None]]:
    return [(s.name, s.kind, s.cue) for s in attribution_for(article, index_of(article, word, nth))]


def test_attribution_said_that_gives_source_cue_and_content(nlp_pipeline: Pipeline) -> None:
    art = parsed(nlp_pipeline, "Sergei Lavrov said that Turkish troops shelled Afrin.")
    a = only(art)
    assert a.source is not None
    assert (a.source.text, a.cue.text, a.form) == ("Sergei Lavrov", "said", "clause")
    assert art.text[a.content.start : a.content.end] == a.content.text
    assert a.content.text == "that Turkish troops shelled Afrin"
    assert a.covers(index_of(art, "shelled"))
    assert not a.covers(index_of(art, "Lavrov"))


def test_attribution_cue_after_the_clause(nlp_pipeline: Pipeline) -> None:
    art = parsed(nlp_pipeline, "Turkish troops shelled Afrin on Monday, the defence ministry said.")
    assert sources_of(art, "shelled") == [("defence ministry", "official", "said")]


def test_attribution_inverted_said_with_a_nominal_source(nlp_pipeline: Pipeline) -> None:
    text = "Turkish troops shelled Afrin on Monday, said a spokesman for the ministry."
    art = parsed(nlp_pipeline, text)
    (source,) = attribution_for(art, index_of(art, "shelled"))
    assert source.text == "a spokesman for the ministry"
    assert (source.kind, source.cue) == ("official", "said")


def test_attribution_told_reporters_keeps_the_speaker(nlp_pipeline: Pipeline) -> None:
    text = "Senior western officials told the Guardian that Iran had sent drones to Russia."
    art = parsed(nlp_pipeline, text)
    assert sources_of(art, "sent") == [("Senior western officials", "official", "told")]


def test_attribution_quoted_as_saying(nlp_pipeline: Pipeline) -> None:
    art = parsed(nlp_pipeline, "The envoy was quoted as saying that the talks had collapsed.")
    a = only(art)
    assert a.source is not None and a.source.text == "The envoy"
    assert a.covers(index_of(art, "collapsed"))


def test_attribution_according_to_names_the_outlet(nlp_pipeline: Pipeline) -> None:
    text = "According to Al Arabiya, the envoy carried out a secret visit to Baghdad."
    art = parsed(nlp_pipeline, text)
    a = only(art)
    assert (a.cue.text, a.name, a.kind, a.form) == (
        "According to",
        "Al Arabiya",
        "media",
        "according",
    )
    assert a.content.text == "the envoy carried out a secret visit to Baghdad"
    assert sources_of(art, "visit") == [("Al Arabiya", "media", "According to")]


def test_attribution_claim_that_is_nominal(nlp_pipeline: Pipeline) -> None:
    text = "Moscow rejected the ministry's claim that Israeli jets had struck the airport."
    art = parsed(nlp_pipeline, text)
    a = only(art, "nominal")
    assert (a.cue.text, a.name, a.kind) == ("claim", "ministry", "official")
    assert a.covers(index_of(art, "struck"))
    assert not a.covers(index_of(art, "rejected"))


def test_attribution_unnamed_sources_and_reports(nlp_pipeline: Pipeline) -> None:
    text = (
        "Local sources said that the regime arrested ten people. "
        "Reports have said that the governor had demanded an apology. "
        "State media reported that Assad met the envoy."
    )
    art = parsed(nlp_pipeline, text)
    assert sources_of(art, "arrested") == [("Local sources", "unnamed", "said")]
    assert sources_of(art, "demanded") == [("Reports", "unnamed", "have said")]
    assert sources_of(art, "met") == [("State media", "media", "reported")]


def test_attribution_known_outlet_and_ngo_kinds(nlp_pipeline: Pipeline) -> None:
    text = "Reuters reported that Amnesty International said the strikes killed civilians."
    art = parsed(nlp_pipeline, text)
    # The innermost source first: Amnesty told it to Reuters.
    assert sources_of(art, "killed") == [
        ("Amnesty International", "ngo", "said"),
        ("Reuters", "media", "reported"),
    ]


def test_attribution_pronoun_source_takes_the_last_named_person(nlp_pipeline: Pipeline) -> None:
    text = (
        "Ahmad Karimi arrived in Baghdad on Monday. "
        "He said that Iranian advisers would stay in Iraq."
    )
    art = parsed(nlp_pipeline, text)
    (source,) = attribution_for(art, index_of(art, "stay"))
    assert (source.text, source.name) == ("He", "Ahmad Karimi")


def test_attribution_they_are_the_last_speakers_not_the_last_subject(
    nlp_pipeline: Pipeline,
) -> None:
    text = (
        "Local sources in Homs said that the issues go beyond the province. "
        "They explained that Russia had prompted the regime to arrest the officers."
    )
    art = parsed(nlp_pipeline, text)
    assert sources_of(art, "arrest") == [("Local sources in Homs", "unnamed", "explained")]


def test_attribution_unresolved_pronoun_names_no_source(nlp_pipeline: Pipeline) -> None:
    art = parsed(nlp_pipeline, "They said that the convoy was attacked near Idlib.")
    assert only(art).source is not None
    assert attribution_for(art, index_of(art, "attacked")) == ()


def test_attribution_quotation_continues_into_the_next_sentence(nlp_pipeline: Pipeline) -> None:
    text = (
        "“We will not withdraw from Afrin,” the minister said. "
        "“Our troops will stay until the end.”\n\n"
        "Kurdish fighters shelled the town on Tuesday."
    )
    art = parsed(nlp_pipeline, text)
    assert sources_of(art, "withdraw") == [("minister", "official", "said")]
    assert sources_of(art, "stay") == [("minister", "official", "said")]
    assert sources_of(art, "shelled") == []


def test_attribution_open_quotation_runs_until_it_closes(nlp_pipeline: Pipeline) -> None:
    text = (
        "The minister said: “Our troops will stay in Afrin. They will defend the town. "
        "Nobody will force us out.” Turkish jets struck the town later."
    )
    art = parsed(nlp_pipeline, text)
    assert sources_of(art, "defend") == [("minister", "official", "said:")]
    assert sources_of(art, "force") == [("minister", "official", "said:")]
    assert sources_of(art, "struck") == []


def test_attribution_lead_governs_reported_style_of_its_paragraph(nlp_pipeline: Pipeline) -> None:
    text = (
        "According to Al Arabiya, the envoy visited Baghdad last week. "
        "He had met the prime minister and his generals. Turkey shelled Afrin on Monday.\n\n"
        "The envoy had also met the opposition."
    )
    art = parsed(nlp_pipeline, text)
    paper = [("Al Arabiya", "media", "According to")]
    assert sources_of(art, "visited") == paper
    assert sources_of(art, "met") == paper  # past perfect: still the paper's account
    assert sources_of(art, "shelled") == []  # the author's own voice again
    assert sources_of(art, "met", 1) == []  # a new paragraph


def test_attribution_journalists_voice_is_empty(nlp_pipeline: Pipeline) -> None:
    art = parsed(nlp_pipeline, "Turkish jets struck Afrin on Monday.")
    assert find_attributions(art) == []
    assert attribution_for(art, index_of(art, "struck")) == ()


def test_attribution_confirmed_and_denied_objects_are_sources(nlp_pipeline: Pipeline) -> None:
    art = parsed(nlp_pipeline, "Russia confirmed the strikes. The ministry denied the raid.")
    assert sources_of(art, "strikes") == [("Russia", "official", "confirmed")]
    assert sources_of(art, "raid") == [("ministry", "official", "denied")]


def test_attribution_stances_are_found_but_source_nothing(nlp_pipeline: Pipeline) -> None:
    art = parsed(nlp_pipeline, "Erdogan criticized the decision and called for talks.")
    found = find_attributions(art)
    assert [(a.cue.text, a.form) for a in found] == [
        ("criticized", "stance"),
        ("called for", "stance"),
    ]
    assert attribution_for(art, index_of(art, "talks")) == ()


def test_attribution_reportedly_is_reports(nlp_pipeline: Pipeline) -> None:
    art = parsed(nlp_pipeline, "Turkish jets reportedly struck Afrin on Monday.")
    assert attribution_for(art, index_of(art, "struck")) == (
        Source(text="reportedly", name="reports", kind="unnamed", cue="reportedly"),
    )


def test_attribution_it_was_reported_is_reports(nlp_pipeline: Pipeline) -> None:
    art = parsed(nlp_pipeline, "It was reported that Turkish jets struck Afrin on Monday.")
    assert only(art).source is None
    assert sources_of(art, "struck") == [("reports", "unnamed", "was reported")]


def test_attribution_headline_name_and_colon(nlp_pipeline: Pipeline) -> None:
    art = parsed(nlp_pipeline, "Lavrov: Turkey must withdraw from Afrin")
    a = only(art)
    assert a.source is not None
    assert (a.source.text, a.cue.text, a.form) == ("Lavrov", ":", "headline")
    assert a.covers(index_of(art, "withdraw"))


def test_attribution_dateline_or_label_is_no_headline(nlp_pipeline: Pipeline) -> None:
    art = parsed(nlp_pipeline, "DAMASCUS: Turkish jets struck Afrin on Monday.")
    assert find_attributions(art) == []
    art = parsed(nlp_pipeline, "The toll: 25 people were killed in Afrin on Monday.")
    assert find_attributions(art) == []


def test_attribution_titled_person_is_an_official(nlp_pipeline: Pipeline) -> None:
    text = "Foreign Minister Ahmad Karimi met Assad. Karimi said the talks were useful."
    art = parsed(nlp_pipeline, text)
    assert sources_of(art, "useful") == [("Karimi", "official", "said")]


def test_attribution_untitled_person_is_a_person(nlp_pipeline: Pipeline) -> None:
    art = parsed(nlp_pipeline, "Ahmad Karimi said the talks were useful.")
    assert sources_of(art, "useful") == [("Ahmad Karimi", "person", "said")]


def test_attribution_who_said_is_the_person_described(nlp_pipeline: Pipeline) -> None:
    text = "The talks were chaired by Ahmad Karimi, who said that the rebels had attacked Daraa."
    art = parsed(nlp_pipeline, text)
    (source,) = attribution_for(art, index_of(art, "attacked"))
    assert (source.text, source.name, source.cue) == ("who", "Ahmad Karimi", "said")


def test_attribution_for_reuses_attributions_found_once(nlp_pipeline: Pipeline) -> None:
    art = parsed(nlp_pipeline, "Local sources said that the regime arrested ten people.")
    found = find_attributions(art)
    i = index_of(art, "arrested")
    assert attribution_for(art, i, found) == attribution_for(art, i)


def test_attribution_unparsed_article_has_none() -> None:
    art = Article(article_id="bare", text="Local sources said that the regime arrested people.")
    assert find_attributions(art) == []
