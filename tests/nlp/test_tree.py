"""Walking the parse: children, subjects (borrowed through clauses), conjuncts, phrases."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from dragoman.nlp import Parse, Tree, noun_phrase, span_text
from dragoman.pipeline import Pipeline
from dragoman.types import Article, Token


@pytest.fixture(scope="session")
def parse(nlp_pipeline: Pipeline) -> Parse:
    """The Parse stage of the session's pipeline (the model is loaded once)."""
    return next(s for s in nlp_pipeline.stages if isinstance(s, Parse))


def parsed(parse: Parse, text: str) -> tuple[Article, Tree]:
    article = parse(Article(article_id="syntax", text=text))
    return article, Tree(article.tokens)


def word(tokens: Sequence[Token], text: str) -> Token:
    return next(t for t in tokens if t.text == text)


def texts(tokens: Sequence[Token]) -> list[str]:
    return [t.text for t in tokens]


def test_tree_children_filters_by_dependency(parse: Parse) -> None:
    article, tree = parsed(parse, "Lavrov met Assad in Damascus.")
    met = word(article.tokens, "met")
    assert set(texts(list(tree.children(met)))) == {"Lavrov", "Assad", "in", "."}
    assert texts(list(tree.children(met, frozenset({"nsubj"})))) == ["Lavrov"]
    assert list(tree.children(word(article.tokens, "Assad"))) == []


def test_tree_child_first_match_or_none(parse: Parse) -> None:
    article, tree = parsed(parse, "Russia, Iran and Turkey condemned the strike.")
    condemned = word(article.tokens, "condemned")
    strike = tree.child(condemned, frozenset({"dobj"}))
    assert strike is not None and strike.text == "strike"
    assert tree.child(condemned, frozenset({"nsubjpass"})) is None


def test_tree_head_and_ancestors(parse: Parse) -> None:
    article, tree = parsed(parse, "Lavrov met with Assad.")
    met, assad = word(article.tokens, "met"), word(article.tokens, "Assad")
    assert tree.head(met) is None
    head = tree.head(assad)
    assert head is not None and head.text == "with"
    assert texts(list(tree.ancestors(assad))) == ["with", "met"]


def test_tree_subtree_in_text_order(parse: Parse) -> None:
    article, tree = parsed(parse, "Lavrov met the head of the opposition delegation.")
    head = word(article.tokens, "head")
    assert span_text(article.text, tree.subtree(head)) == "the head of the opposition delegation"


def test_tree_conjuncts_follow_a_coordination(parse: Parse) -> None:
    article, tree = parsed(parse, "Russia, Iran and Turkey condemned the strike.")
    russia = word(article.tokens, "Russia")
    assert texts(tree.conjuncts(russia)) == ["Russia", "Iran", "Turkey"]
    assert texts(tree.conjuncts(word(article.tokens, "strike"))) == ["strike"]


def test_tree_preps_objects_of_the_named_prepositions_only(parse: Parse) -> None:
    article, tree = parsed(parse, "Lavrov met with Assad in Damascus on Monday.")
    met = word(article.tokens, "met")
    found = [(p, o.text) for p, o in tree.preps(met, frozenset({"with", "in"}))]
    assert found == [("with", "Assad"), ("in", "Damascus")]


def test_tree_preps_include_the_agent_of_a_passive(parse: Parse) -> None:
    article, tree = parsed(parse, "The minister was sacked by the president.")
    sacked = word(article.tokens, "sacked")
    assert [(p, o.text) for p, o in tree.preps(sacked, frozenset({"by"}))] == [("by", "president")]


def test_tree_negated_finds_not(parse: Parse) -> None:
    article, tree = parsed(parse, "Lavrov did not meet Assad.")
    neg = tree.negated(word(article.tokens, "meet"))
    assert neg is not None and neg.text == "not"


def test_tree_subject_of_a_plain_clause(parse: Parse) -> None:
    article, tree = parsed(parse, "Lavrov met Assad in Damascus.")
    subj = tree.subject(word(article.tokens, "met"))
    assert subj is not None and subj.text == "Lavrov"


def test_tree_subject_borrowed_from_the_verb_an_xcomp_hangs_on(parse: Parse) -> None:
    article, tree = parsed(parse, "The UN envoy attempted to mediate between the two sides.")
    subj = tree.subject(word(article.tokens, "mediate"))
    assert subj is not None and subj.text == "envoy"


def test_tree_subject_of_object_control_is_the_object(parse: Parse) -> None:
    text = "The shelling killed ten soldiers, prompting the regime to retaliate."
    article, tree = parsed(parse, text)
    subj = tree.subject(word(article.tokens, "retaliate"))
    assert subj is not None and subj.text == "regime"


def test_tree_subject_of_an_asked_for_act_parsed_as_adverbial_is_the_one_asked(
    parse: Parse,
) -> None:
    text = "Russia must press the regime to stop its offensive."
    article, tree = parsed(parse, text)
    subj = tree.subject(word(article.tokens, "stop"))
    assert subj is not None and subj.text == "regime"
    # a purpose is no request: the troops' deployer is not asked anything
    article, tree = parsed(parse, "Russia sent troops to crush the rebels.")
    subj = tree.subject(word(article.tokens, "crush"))
    assert subj is None or subj.text != "troops"


def test_tree_subject_of_a_relative_clause_without_subject_is_its_noun(parse: Parse) -> None:
    text = "The ministers who were sacked by the president left the country."
    article, tree = parsed(parse, text)
    subj = tree.subject(word(article.tokens, "sacked"))
    assert subj is not None and subj.text == "ministers"


def test_tree_subject_of_a_relative_clause_is_its_pronoun(parse: Parse) -> None:
    article, tree = parsed(parse, "The envoy, who met Assad on Monday, flew home.")
    subj = tree.subject(word(article.tokens, "met"))
    assert subj is not None and subj.text == "who"
    flew = tree.subject(word(article.tokens, "flew"))
    assert flew is not None and flew.text == "envoy"


def test_tree_subject_of_a_gerund_modifier_is_its_noun(parse: Parse) -> None:
    article, tree = parsed(parse, "Russian troops shelling the town withdrew.")
    subj = tree.subject(word(article.tokens, "shelling"))
    assert subj is not None and subj.text == "troops"


def test_tree_subject_none_for_a_passive_main_clause(parse: Parse) -> None:
    article, tree = parsed(parse, "The minister was sacked by the president.")
    assert tree.subject(word(article.tokens, "sacked")) is None


def subject_of(parse: Parse, text: str, verb: str) -> str | None:
    """The text of the subject ``Tree.subject`` gives the word ``verb`` of ``text``."""
    article, tree = parsed(parse, text)
    subj = tree.subject(word(article.tokens, verb))
    return subj.text if subj is not None else None


def test_tree_subject_of_a_raised_or_controlled_verb_is_the_passive_subject(parse: Parse) -> None:
    text = "Rebels were reported to have fired rockets at the town."
    assert subject_of(parse, text, "fired") == "Rebels"
    assert subject_of(parse, "Syrian forces were accused of shelling the town.", "shelling") == (
        "forces"
    )


def test_tree_subject_none_for_a_reduced_passive() -> None:
    # "The talks, as agreed, ended", built by hand: "agreed" names no one who agreed.
    tokens = [
        Token(0, "The", 0, "the", "DET", "DT", "det", 1),
        Token(1, "talks", 4, "talk", "NOUN", "NNS", "nsubj", 5),
        Token(2, "as", 11, "as", "SCONJ", "IN", "mark", 3),
        Token(3, "agreed", 14, "agree", "VERB", "VBN", "advcl", 5),
        Token(4, ",", 20, ",", "PUNCT", ",", "punct", 5),
        Token(5, "ended", 22, "end", "VERB", "VBD", "ROOT", 5),
    ]
    assert Tree(tokens).subject(tokens[3]) is None


def test_tree_subject_of_a_past_tense_tagged_as_participle_in_a_coordination() -> None:
    # "Granoff worked there and donated", with "donated" tagged VBN as the small model does.
    tokens = [
        Token(0, "Granoff", 0, "Granoff", "PROPN", "NNP", "nsubj", 1, "PERSON", "B"),
        Token(1, "worked", 8, "work", "VERB", "VBD", "ROOT", 1),
        Token(2, "there", 15, "there", "ADV", "RB", "advmod", 1),
        Token(3, "and", 21, "and", "CCONJ", "CC", "cc", 1),
        Token(4, "donated", 25, "donate", "VERB", "VBN", "conj", 1),
    ]
    assert Tree(tokens).subject(tokens[4]) is tokens[0]
    passive = [
        Token(0, "Towns", 0, "town", "NOUN", "NNS", "nsubjpass", 2),
        Token(1, "were", 6, "be", "AUX", "VBD", "auxpass", 2),
        Token(2, "shelled", 11, "shell", "VERB", "VBN", "ROOT", 2),
        Token(3, "and", 19, "and", "CCONJ", "CC", "cc", 2),
        Token(4, "burned", 23, "burn", "VERB", "VBN", "conj", 2),
    ]
    assert Tree(passive).subject(passive[4]) is None


def test_tree_subject_of_a_noun_s_infinitive_is_who_holds_the_noun(parse: Parse) -> None:
    assert subject_of(parse, "Turkey announced a plan to withdraw its troops.", "withdraw") == (
        "Turkey"
    )
    text = "Iran's decision to attack the tanker angered Washington."
    assert subject_of(parse, text, "attack") == "Iran"
    text = "The court gave the prisoners permission to leave."
    assert subject_of(parse, text, "leave") is None


def test_tree_subject_borrowed_along_a_verb_coordination() -> None:
    # "Lavrov arrived and met Assad", built by hand: met (conj) has no subject of its own.
    tokens = [
        Token(0, "Lavrov", 0, "Lavrov", "PROPN", "NNP", "nsubj", 1, "PERSON", "B"),
        Token(1, "arrived", 7, "arrive", "VERB", "VBD", "ROOT", 1),
        Token(2, "and", 15, "and", "CCONJ", "CC", "cc", 1),
        Token(3, "met", 19, "meet", "VERB", "VBD", "conj", 1),
        Token(4, "Assad", 23, "Assad", "PROPN", "NNP", "dobj", 3, "PERSON", "B"),
    ]
    subj = Tree(tokens).subject(tokens[3])
    assert subj is tokens[0]


def test_noun_phrase_keeps_pre_modifiers_and_a_short_of_phrase(parse: Parse) -> None:
    text = "Russia's special envoy for Syria met the head of the opposition delegation."
    article, tree = parsed(parse, text)
    envoy = noun_phrase(tree, word(article.tokens, "envoy"))
    assert span_text(text, envoy) == "Russia's special envoy for Syria"
    head = noun_phrase(tree, word(article.tokens, "head"))
    assert span_text(text, head) == "head of the opposition delegation"


def test_noun_phrase_drops_the_determiner_and_relative_clause(parse: Parse) -> None:
    text = "The envoy, who met Assad on Monday, flew home."
    article, tree = parsed(parse, text)
    assert texts(noun_phrase(tree, word(article.tokens, "envoy"))) == ["envoy"]


def test_noun_phrase_keeps_an_adjective_of_nationality(parse: Parse) -> None:
    text = "Syrian troops and Turkish soldiers clashed near the border."
    article, tree = parsed(parse, text)
    assert span_text(text, noun_phrase(tree, word(article.tokens, "troops"))) == "Syrian troops"
    soldiers = noun_phrase(tree, word(article.tokens, "soldiers"))
    assert span_text(text, soldiers) == "Turkish soldiers"


def test_span_text_empty_for_no_tokens() -> None:
    assert span_text("anything", []) == ""


def test_noun_phrase_keeps_a_quoted_name_inside_the_phrase(parse: Parse) -> None:
    article, tree = parsed(parse, 'Since then the "Islamic State" militant group launched attacks.')
    group = noun_phrase(tree, word(article.tokens, "group"))
    assert span_text(article.text, group) == '"Islamic State" militant group'


def test_noun_phrase_keeps_the_of_phrase_after_a_quoted_word(parse: Parse) -> None:
    text = "He said the “highest levels” of the royal court were responsible."
    article, tree = parsed(parse, text)
    levels = noun_phrase(tree, word(article.tokens, "levels"))
    assert span_text(text, levels) == "“highest levels” of the royal court"


def test_noun_phrase_leaves_the_verb_s_of_phrase_out(parse: Parse) -> None:
    text = "The opposition accused the government of fraud."
    article, tree = parsed(parse, text)
    assert texts(noun_phrase(tree, word(article.tokens, "government"))) == ["government"]
