"""How sure the article is of an event: factuality read from the trigger's clause.

* **negated**: a negation on the trigger or the verb carrying it ("did not set a meeting"),
  "no talks", "failed to", "refused to", "without";
* **hypothetical**: a conditional modal (would, could, might, may), an "if" clause, what someone
  tries to avert or prevent, "on the verge of", "the possibility of";
* **future**: "will", "plans to", "is seeking to", "is set to";
* **denied**: inside what a source denies; **alleged**: "allegedly", "accused of";
* **reported**: a source is cited ("X said", "according to X", "reports said").
"""

from __future__ import annotations

from dragoman.extract import governing_verb
from dragoman.nlp import Tree
from dragoman.types import Token

HYPOTHETICAL_MODALS = frozenset("would could might may should must can ought".split())
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
#: Adjectives of readiness: "is willing to withdraw", "is ready to contribute troops".
READY_WORDS = frozenset("willing ready prepared poised set determined eager keen".split())
FUTURE_VERBS = frozenset(
    "plan intend seek aim prepare expect hope want vow pledge promise threaten decide propose "
    "offer schedule mull consider weigh".split()
)
#: Verbs saying an event took place or took effect: negated with the event as subject
#: ("the ceasefire did not hold", "the talks never took place"), they negate it.
OCCURRENCE_VERBS = frozenset(
    "hold happen occur materialise materialize apply affect cover begin start last proceed "
    "take go resume continue".split()
)
#: Nouns of what is planned or offered: the act they name is to come ("an invitation to visit").
FUTURE_NOUNS = frozenset(
    "plan plans invitation proposal offer intention intent pledge promise readiness "
    "willingness preparation preparations".split()
)
#: Verbs that ask for an act: what they ask for has not happened ("urged Russia to withdraw",
#: "begging Jordan to reopen its border", "demanded the handover of weapons").
REQUESTING_VERBS = frozenset(
    "urge ask beg implore plead appeal press request demand encourage invite exhort call".split()
)
#: Verbs that order someone to act: what they are told to do, as an infinitive, has not
#: happened ("ordered his troops to withdraw"); what is ordered as a thing may have been done
#: ("ordered a humanitarian pause").
ORDERING_VERBS = frozenset("order tell instruct direct command".split())
#: What a noun event is said to be when it has not happened yet ("the operation is imminent").
IMPENDING = frozenset("near imminent looming likely possible inevitable close coming".split())
NEGATING_VERBS = frozenset("fail refuse decline neglect".split())
NEGATING_NOUNS = frozenset("failure refusal inability absence lack".split())
PREVENTING = frozenset(
    "avert prevent avoid stop forestall deter halt thwart block protect shield safeguard".split()
)
#: Verbs that put an act off: it is still to come ("would stall its offensive").
DELAYING = frozenset("stall delay postpone defer".split())
POSSIBILITY = frozenset(
    "verge brink possibility risk prospect threat danger chance issue question rumour rumor "
    "speculation idea proposal hope notion fear responsibility duty obligation right power "
    "ability capacity need".split()
)
#: Verbs of a decision: deciding not to act is refusing to ("voted not to attend").
DECIDING_VERBS = frozenset("vote decide choose opt resolve pledge promise vow".split())
#: Verbs by which someone owns up to a done act ("claimed responsibility for the attack").
OWNING_UP_VERBS = frozenset("claim take accept admit acknowledge bear".split())
#: Links from a word to the word it hangs from that stay inside one clause.
LINK_DEPS = frozenset(
    {
        "dobj",
        "obj",
        "pobj",
        "prep",
        "pcomp",
        "xcomp",
        "acomp",
        "agent",
        "attr",
        "dative",
        "compound",
        "nsubjpass",
        "advcl",
        "conj",
        "acl",
        "amod",
        "npadvmod",
    }
)
ALLEGING_WORDS = frozenset({"allegedly", "purportedly", "supposedly"})
REPORTING_VERBS = frozenset(
    "say tell report confirm claim state announce add write quote allege insist assert reveal "
    "disclose note explain believe deny acknowledge argue suggest estimate understand".split()
)


class FactualityReader:
    """Reads the factuality of event triggers from one article's parse tree."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree

    def path(self, word: Token) -> list[tuple[Token, bool]]:
        """The trigger and the words it hangs from, up to its clause's verb.

        Each word comes with whether its negation and modals bear on the event: the trigger,
        the light verb carrying a noun trigger ("did not set a meeting"), and the verbs of
        an infinitive chain ("did not try to meet"). A verb that only takes the event as its
        object ("did not announce the trip") bears on it through its meaning alone (avert,
        plan, fail, deny), not through its negation.
        """
        tree = self.tree
        anchor = governing_verb(tree, word) if word.pos != "VERB" else None
        out = [(word, True)]
        t = word
        governs = True
        for head in tree.ancestors(word):
            if head.sent != word.sent or t.dep in {"ccomp", "parataxis"}:
                # The verb that reports the clause matters only when it denies it.
                if head.lemma.lower() == "deny" and head.sent == word.sent:
                    out.append((head, False))
                break
            if t.dep not in LINK_DEPS:
                break
            governs = governs and (t.dep in {"xcomp", "acomp"} or head is anchor)
            out.append((head, governs))
            if head.pos in {"VERB", "AUX"} and t.dep not in {"xcomp", "acomp"}:
                break
            t = head
        return out

    def factuality(self, word: Token, sourced: bool) -> tuple[str, tuple[str, ...]]:
        tree = self.tree
        path = self.path(word)
        for t, governs in path:
            neg = tree.negated(t)
            if governs and neg is not None and t.pos in {"VERB", "AUX", "NOUN", "ADJ"}:
                modals = [c.text for c in tree.children(t, frozenset({"aux"})) if c.tag == "MD"]
                decided = tree.head(t) if t.dep == "xcomp" else None
                if decided is not None and decided.lemma.lower() in DECIDING_VERBS:
                    modals.append(decided.lemma.lower())  # "voted not to attend": a refusal
                return "negated", (neg.text, *modals)
            if t is not word and t.lemma.lower() in NEGATING_VERBS | NEGATING_NOUNS:
                return "negated", (t.lemma.lower(),)
            if t.lower == "without":
                return "negated", (t.text,)
        for noun in [word, *self.noun_chain(word)]:
            det = tree.child(noun, frozenset({"det"}))
            if det is not None and det.lower == "no":
                return "negated", (det.text,)  # "no talks", "no sign of interest in talks"
        head = tree.head(word)
        if word.dep == "pobj" and head is not None and head.dep == "prep":
            verb = tree.head(head)
            shown = tree.child(verb, frozenset({"dobj"})) if verb is not None else None
            det = tree.child(shown, frozenset({"det"})) if shown is not None else None
            if verb is not None and verb.pos == "VERB" and det is not None and det.lower == "no":
                return "negated", (det.text,)  # "showed no interest in talks" (hung on the verb)
            article = tree.child(word, frozenset({"det"}))
            if (
                head.lower == "about"
                and article is not None
                and article.lower in {"a", "an", "any"}
            ):
                return "hypothetical", (head.text,)  # "when we talk about an attack"
        if word.dep in {"nsubj", "nsubjpass"} and head is not None:
            condition = tree.child(head, frozenset({"mark"}))
            if condition is not None and condition.lower in {"if", "unless", "whether"}:
                return "hypothetical", (condition.text,)  # "if the Turks' attack comes"
            neg = tree.negated(head)
            if neg is not None and head.lemma.lower() in OCCURRENCE_VERBS:
                return "negated", (neg.text,)
            # "the operation is imminent": an event said to be coming has not happened.
            said = [head, *tree.children(head, frozenset({"acomp"}))]
            impending = tuple(t.text for t in said if t.lower in IMPENDING)
            if impending:
                return "future", impending
            if head.lemma.lower() in OCCURRENCE_VERBS:
                # "the ceasefire must be applied": the verb's modal is the event's.
                path = [*path[:1], (head, True), *path[2:]] if len(path) > 1 else path
        modal = mark = None
        for t, governs in path:
            children = tree.children(t, frozenset({"aux", "auxpass", "advmod", "mark"}))
            for c in children:
                if c.lower in {"if", "unless", "whether"}:
                    # "if the Turks' attack comes": a condition holds whatever the event's
                    # place in its clause.
                    mark = mark or c
                if not governs:
                    continue
                if c.tag == "MD" and c.lower in FUTURE_MODALS | HYPOTHETICAL_MODALS:
                    modal = modal or c
                if c.lower in ALLEGING_WORDS:
                    return "alleged", (c.text,)
        if modal is not None or mark is not None:
            return self.modality(path, modal, mark)
        for n, (t, _) in enumerate(path):
            if t is word:
                continue
            lemma = t.lemma.lower()
            if lemma in FUTURE_NOUNS and t.pos == "NOUN" and self.planned(path[n - 1][0]):
                no = tree.child(t, frozenset({"det"}))
                if no is not None and no.lower == "no":
                    return "negated", (no.text,)  # "showed no willingness to back down"
                return "future", (t.text,)  # "an invitation to visit", "plans for an offensive"
            if lemma in PREVENTING | POSSIBILITY and not self.owned_up(t):
                return "hypothetical", (t.text,)
            if lemma in DELAYING and t.pos == "VERB":
                return "future", (t.text,)
            if lemma in FUTURE_VERBS and t.pos == "VERB":
                return "future", (t.text,)
            # "called for talks" asks for them; "called out the visit" does not
            called_out = lemma == "call" and path[n - 1][0].dep == "dobj"
            asking = lemma in REQUESTING_VERBS and t.pos == "VERB" and not called_out
            if asking and self.asked(path[:n]):
                return "hypothetical", (t.text,)
            if lemma in ORDERING_VERBS and t.pos == "VERB" and path[n - 1][0].dep == "xcomp":
                return "hypothetical", (t.text,)
            if t.lower in READY_WORDS and t.pos == "ADJ":
                return "future", (t.text,)
            if lemma == "accuse":
                return "alleged", (t.text,)
            if lemma == "deny":
                return "denied", (t.text,)
        return ("reported", ()) if sourced else ("asserted", ())

    def owned_up(self, noun: Token) -> bool:
        """Whether a noun of duty is owned up to for a done act ("claimed responsibility for
        the attack", "took responsibility for the bombing"), not put on someone to act."""
        return noun.lemma.lower() == "responsibility" and self.tree.hangs_on(
            noun, frozenset({"dobj", "nsubjpass"}), OWNING_UP_VERBS
        )

    def asked(self, below: list[tuple[Token, bool]]) -> bool:
        """Whether the event (``below[0]``) is what a verb of asking asks for: its infinitive
        ("urged X to leave"), its object ("demanded the handover") or what it calls for
        ("called for a ceasefire"); not an act named inside what is asked ("called for an end
        to the regime's attacks": the attacks go on)."""
        words = [t for t, _ in below]
        if len(words) == 1:
            return words[0].dep in {"xcomp", "ccomp", "dobj"}
        return len(words) == 2 and words[1].dep == "prep" and words[0].dep == "pobj"

    def planned(self, below: Token) -> bool:
        """Whether a word hangs from a noun of planning as what is planned: an infinitive
        ("plans to attack") or a preposition ("plans for talks"), not a clause that tells
        of the plan itself ("the plan announced on Monday")."""
        if below.dep == "prep":
            return True
        return below.dep == "acl" and any(
            c.lower == "to" for c in self.tree.children(below, frozenset({"aux"}))
        )

    def noun_chain(self, word: Token) -> list[Token]:
        """The nouns a noun trigger hangs from through prepositions ("signs" and "interest"
        for "dialogue" in "no signs of interest in a dialogue")."""
        out: list[Token] = []
        t = word
        for _ in range(4):
            prep = self.tree.head(t)
            if t.dep != "pobj" or prep is None or prep.dep != "prep":
                break
            noun = self.tree.head(prep)
            if noun is None or noun.pos != "NOUN":
                break
            out.append(noun)
            t = noun
        return out

    def modality(
        self, path: list[tuple[Token, bool]], modal: Token | None, mark: Token | None
    ) -> tuple[str, tuple[str, ...]]:
        """Future or hypothetical, from the modal and the conditional of the event's clause.

        "would" in reported speech ("they said they would boycott") is the future seen from
        the past; a condition ("unless", "if") keeps its word among the cues, so that a
        conditional promise can be read as a threat.
        """
        cues = tuple(w.text for w in (modal, mark) if w is not None)
        if mark is not None and mark.lower in {"if", "whether"}:
            return "hypothetical", cues
        if modal is None or modal.lower in FUTURE_MODALS:
            return "future", cues
        top = path[-1][0]
        head = self.tree.head(top)
        reported = top.dep == "ccomp" and head is not None and head.lemma.lower() in REPORTING_VERBS
        if modal.lower == "would" and reported:
            return "future", cues
        return "hypothetical", cues
