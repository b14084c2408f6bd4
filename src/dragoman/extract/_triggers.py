"""Finding triggers: which words of a sentence signal which PLOVER category.

Every verb or noun whose lemma is in the lexicon (``data/triggers.yaml``) is a candidate; a noun
trigger is carried by the light verb it is the object of ("held talks") or by the verb whose
clause a preposition sets it in ("said in a phone call"). What is demanded, refused, agreed or
threatened is part of that event, not one of its own; "X said Y must ..." is a demand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dragoman.extract._actorlike import OF, actor_like, counted
from dragoman.extract._lexicon import NO_EVENT, Lexicon, Trigger
from dragoman.extract._nonevents import by_mishap, keeps_peace, names_as, used_as_noun
from dragoman.nlp import AUX_DEPS, OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, Tree
from dragoman.types import Token

#: Verbs that carry a noun trigger without adding meaning of their own ("hold talks").
LIGHT_VERBS = frozenset(
    "hold conduct have carry make pay launch stage impose begin start continue resume join "
    "attend host organise organize sign reach strike set schedule arrange deliver "
    "provide send offer level issue express voice mount order lead wage undertake step "
    "intensify escalate complete conclude give extend call seek put place open lodge file "
    "allocate disburse earmark donate pour commit perpetrate "
    # to deepen, strengthen or renew ties, cooperation or talks is to engage in them
    "deepen strengthen boost expand bolster enhance broaden widen renew present".split()
)
#: Verbs whose subject is the doer of the act named by their object ("announced a suspension").
ISSUING_VERBS = frozenset("announce declare order decide approve authorise authorize".split())
#: Verbs that reach what their to-object names ("came to an agreement", "got to a deal").
ARRIVING_VERBS = frozenset({"come", "get", "arrive"})
#: Prepositions that set a noun trigger in the clause of a verb ("said in a phone call").
SETTING_PREPS = frozenset({"in", "during", "at", "via", "on"})
#: Categories whose object noun is what is asked, refused, agreed or threatened, not an event.
PROPOSITIONAL = frozenset({"REQUEST", "REJECT", "AGREE", "THREATEN"})
#: Nouns that open a prepositional chain to the real event ("a round of talks").
PREP_CHAIN_NOUNS = frozenset(
    "round series wave part string spate result course ton tons tonne tonnes dollar dollars "
    "worth million millions billion billions amount shipment batch convoy package euro euros "
    "pound pounds delivery deliveries consignment load loads truckload truckloads "
    # durations: "launched ten days of war games", "held two days of talks"
    "day days week weeks month months hour hours".split()
)
#: Verbs that report what someone says another must do ("Russia said Sudan must return ...").
SAYING_VERBS = frozenset(
    "say declare insist conclude state stress tell add argue reiterate".split()
)
DEMAND_MODALS = frozenset({"must", "should"})
#: Verbs that tell no act of their subject ("protesters were", "demonstrators want").
NOT_DOING = frozenset(
    "be have want need hope fear say tell claim believe think receive get face suffer lose die "
    "remain become seem appear include".split()
)
CLAUSES = frozenset({"advcl", "ccomp", "xcomp"})
XCOMP = frozenset({"xcomp"})
AUX = frozenset({"aux"})
MARKS = frozenset({"mark"})
DEMAND = Trigger("REQUEST", None, "must", "verb")
#: Verbs that name what their object is ("called the decision a provocation", "described the
#: vote as a sham").
NAMING_VERBS = frozenset("call brand label term dub describe deem consider".split())
#: Where a predicate sits under its clause: "was illegal", "is a mistake", "made a mistake".
PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd", "xcomp"})
#: Modals that make a judgement advice or a guess ("should", "might"), unlike "would be".
HEDGES = frozenset({"should", "must", "could", "might", "may", "can"})


@dataclass(frozen=True, slots=True)
class Candidate:
    trigger: Trigger
    word: Token  # the trigger word
    anchor: Token  # the verb that governs the clause (the trigger verb or the light verb)
    carrier: Token  # the noun whose dependents are the arguments ("mediation effort": effort)


def _children_text(tree: Tree, t: Token, deps: frozenset[str]) -> set[str]:
    kids = [c for c in tree.children(t, deps) if not (c.dep == "prep" and _of_time(tree, c))]
    return {c.lower for c in kids} | {c.lemma.lower() for c in kids}


def _of_time(tree: Tree, prep: Token) -> bool:
    """A preposition that only says when ("called Erdogan on Monday"): no "call on"."""
    objects = list(tree.children(prep, frozenset({"pobj"})))
    return bool(objects) and all(o.ent_type in {"DATE", "TIME"} for o in objects)


#: Prepositions the parser reads as adverbs when a relative clause leaves them at its end.
STRANDED = frozenset({"alongside", "against", "with"})
ADVERBS = frozenset({"advmod"})
#: Prepositions whose object says what a noun event is of or on.
OF_ON = frozenset({"of", "on"})
#: Prepositions that say what a message is about.
ABOUT = frozenset({"of", "about"})


def match_trigger(tree: Tree, t: Token, lex: Lexicon) -> Trigger | None:
    """The most specific lexicon entry that ``t`` and its dependents satisfy."""
    lemma = t.lemma.lower()
    if t.pos in {"VERB", "AUX"} or (t.pos == "NOUN" and t.tag.startswith("VB")):
        entries = lex.verbs.get(lemma, ())
        if not entries:
            return None
        # "plead guilty", "refused to comment": a predicate or the verb it governs counts too.
        parts = _children_text(
            tree, t, frozenset({"prt", "prep", "agent", "acomp", "oprd", "xcomp"})
        )
        # "called for Begum to be given ...": the preposition marks the clause called for.
        parts |= {m.lower for c in tree.children(t, CLAUSES) for m in tree.children(c, MARKS)}
        # "the forces who we have fought alongside": a preposition left at the end, read as an
        # adverb.
        parts |= {c.lower for c in tree.children(t, ADVERBS) if c.lower in STRANDED}
        # "told Erdogan to stop": someone told to act, in an infinitive ("+to" entries); not
        # "ordered a pause to allow aid in" (a purpose).
        told_to = any(
            a.lower == "to" for c in tree.children(t, XCOMP) for a in tree.children(c, AUX)
        )
        direct = list(tree.children(t, OBJECT_DEPS))
        if told_to and direct and all(actor_like(counted(tree, c)) for c in direct):
            parts.add("to")
        # "warned the police of their fear": what a warning or complaint is about may hang on
        # the one told (not "the government of Bashar al-Assad", whose it is).
        parts |= {p for c in direct for p, o in tree.preps(c, ABOUT) if not actor_like(o)}
        if not direct and tree.child(t, frozenset({"auxpass"})) is not None:
            direct = list(tree.children(t, PASSIVE_SUBJECT_DEPS))  # "Israel was asked to"
        if not direct:
            # "will not allow any Syrians to cross": the parser makes the one allowed the
            # subject of the infinitive; it is the verb's object.
            direct = infinitive_subjects(tree, t)
        if not direct and t.dep == "relcl" and tree.child(t, SUBJECT_DEPS) is not None:
            described = tree.head(t)  # "terms they could not accept": the terms
            direct = [described] if described is not None else []
        # "evacuated hundreds of civilians": what a count counts is the object too.
        objects = {
            w for c in direct for x in {c, counted(tree, c)} for w in (x.lemma.lower(), x.lower)
        }
        undergoer = None if direct else reduced_passive(tree, t)
        if undergoer is not None:
            direct = [undergoer]  # "a video released by the group" is no release of someone
        for e in entries:
            if e.with_word and e.with_word not in parts and e.with_word not in objects:
                continue
            if e.needs_object and not objects:
                continue
            if e.needs_actor and not all(actor_like(counted(tree, c)) for c in direct):
                continue  # "freed the east of the city", "captured the town" (not someone)
            if e.needs_prep and e.needs_prep not in parts:
                continue
            return e
        return None
    if t.pos in {"NOUN", "PROPN"}:
        entries = lex.nouns.get(lemma, ()) or lex.nouns.get(t.lower, ())
        if not entries:
            return None
        modifier = frozenset({"compound", "amod", "nmod"})
        mods = _children_text(tree, t, modifier)
        for m in tree.children(t, modifier):  # "joint military drills": "joint" on "military"
            mods |= _children_text(tree, m, modifier)
        # "a boycott of Israeli goods", "an embargo on arms": what the noun is of, or on,
        # modifies it as "a goods boycott", "an arms embargo" would.
        mods |= {w for _, o in tree.preps(t, OF_ON) for w in (o.lemma.lower(), o.lower)}
        preps = _children_text(tree, t, frozenset({"prep"}))
        for e in entries:
            if e.with_word and e.with_word not in mods:
                continue
            if e.needs_prep and e.needs_prep not in preps:
                continue
            return e
    return None


#: What a state withdraws from when it ends a commitment rather than moves its forces.
ACCORD_NOUNS = frozenset(
    "treaty deal agreement accord pact initiative convention framework partnership".split()
)


def left_accord(tree: Tree, verb: Token) -> bool:
    """Whether a verb of withdrawal leaves an agreement ("withdrew from the treaty", "pulled
    the United States out of the deal")."""
    if any(o.lemma.lower() in ACCORD_NOUNS for _, o in tree.preps(verb, frozenset({"from", "of"}))):
        return True
    for part in tree.children(verb, frozenset({"prt"})):
        if any(o.lemma.lower() in ACCORD_NOUNS for _, o in tree.preps(part, OF)):
            return True
    return False


def find_candidates(lex: Lexicon, tree: Tree, toks: Sequence[Token]) -> list[Candidate]:
    """The trigger words of one sentence, each with the verb and noun that carry it."""
    found: list[Candidate] = []
    for t in toks:
        clause = demanded(tree, t) if t.pos == "VERB" and t.lemma.lower() in SAYING_VERBS else None
        if clause is not None and not is_request(tree, clause, lex):
            # not "X should be asked to ..., he said": the request verb tells that one
            found.append(Candidate(DEMAND, t, t, t))
        if t.pos == "VERB" and lex.judgements:
            judged = judgement(tree, t, lex)
            if judged is not None:
                said, holder, word = judged
                found.append(Candidate(said, t, holder, word))
                if t.lemma.lower() in NAMING_VERBS:
                    continue  # "called the decision a provocation" phones no one
        trig = match_trigger(tree, t, lex)
        if trig is None or trig.type == NO_EVENT:
            continue
        if trig.type == "ASSAULT" and trig.pos == "verb" and by_mishap(tree, t):
            continue  # "children who were burned in a fire", "killed in a car crash"
        if trig.pos == "verb" and used_as_noun(tree, t):
            continue  # "the wounded included a police chief"
        if trig.type == "CONSULT" and t.lemma.lower() in NAMING_VERBS and names_as(tree, t):
            continue  # "called the explosion an attack" names it; it phones no one
        if trig.type == "MOBILIZE" and keeps_peace(tree, t):
            # "deployed peacekeepers", "the deployment of peacekeeping troops": protection,
            # PLOVER's AID (CAMEO 074), not a show of force.
            trig = Trigger("AID", "peacekeeping", trig.lemma, trig.pos, trig.with_word)
        if trig.type == "ASSAULT" and any(c.lower == "test" for c in tree.children(t)):
            # "test-fired two missiles": a weapons test, not an attack.
            trig = Trigger("MOBILIZE", "weapons", trig.lemma, "verb", trig.with_word)
        if trig.type == "RETREAT" and trig.pos == "verb" and left_accord(tree, t):
            # "withdrew from the treaty", "pulled out of the deal": ending a commitment is a
            # sanction (PLOVER's discontinue), not a retreat of forces.
            trig = Trigger("SANCTION", "discontinue", trig.lemma, "verb", trig.with_word)
        if trig.pos == "noun" and t.dep == "nsubj" and speaks(tree, t):
            continue  # "the release said", "the agreement states that": a text that speaks
        anchor = carrier = t
        if trig.pos == "noun":
            # "a mediation effort", "the peace talks process": the head noun carries it.
            while carrier.dep == "compound" and tree.tokens[carrier.head].pos == "NOUN":
                carrier = tree.tokens[carrier.head]
            anchor = governing_verb(tree, carrier) or carrier
        found.append(Candidate(trig, t, anchor, carrier))
    found += done_by_doers(lex, tree, toks, found)
    # What is demanded, refused, agreed or threatened ("demanded an apology") is part of
    # that event, not an event of its own.
    asked = {c.word.i for c in found if c.trigger.type in PROPOSITIONAL}
    # "imposed sanctions", "held talks": a verb entry that names its object tells the event
    # the object names; the noun is no second event.
    named = {
        (c.word.i, c.trigger.with_word)
        for c in found
        if c.trigger.pos == "verb" and c.trigger.with_word is not None
    }
    # "militias fighting against an incursion by the Turkish military": the fight resists the
    # incursion; the incursion is the event, and the fighters are its target.
    attacks = {c.carrier.i for c in found if c.trigger.pos == "noun" and c.trigger.type in HOSTILE}
    return [
        c
        for c in found
        if not (c.trigger.pos == "verb" and resisted(tree, c.word, attacks) is not None)
        and (
            c.trigger.pos != "noun"
            or not (asked_for(tree, c.carrier, asked) or _named_by(tree, c.carrier, named))
        )
    ]


#: Verbs of fighting back: what they are against is the attack; their subject its target.
RESISTING = frozenset("fight battle resist repel repulse counter defend".split())
HOSTILE = frozenset({"ASSAULT", "COERCE"})


def resisted(tree: Tree, verb: Token, attacks: set[int]) -> Token | None:
    """The attack noun a verb of fighting back is against ("fighting against an incursion",
    "repelled an assault"), when that noun is itself an event of the sentence."""
    if verb.lemma.lower() not in RESISTING:
        return None
    against = [o for _, o in tree.preps(verb, frozenset({"against"}))]
    for noun in [*against, *tree.children(verb, OBJECT_DEPS)]:
        if noun.i in attacks:
            return noun
    return None


def _named_by(tree: Tree, noun: Token, named: set[tuple[int, str]]) -> bool:
    """Whether a noun is the object a verb entry names ("sanctions" in "imposed sanctions")."""
    head = tree.head(noun)
    if head is None or noun.dep not in OBJECT_DEPS:
        return False
    return (head.i, noun.lemma.lower()) in named or (head.i, noun.lower) in named


def done_by_doers(
    lex: Lexicon, tree: Tree, toks: Sequence[Token], found: list[Candidate]
) -> list[Candidate]:
    """The act of a category told by what its doers do ("thousands of demonstrators filled
    the airport", "protesters occupied the centre"): the first such verb of the sentence, for
    a category no trigger of the sentence already tells, on a verb no trigger is."""
    have = {c.trigger.type for c in found}
    told = {c.word.i for c in found}
    out = []
    for category in lex.categories.values():
        if not category.doers or category.name in have:
            continue
        for t in toks:
            if t.pos != "VERB" or t.lemma.lower() in SAYING_VERBS | NOT_DOING or t.i in told:
                continue
            subj = tree.child(t, SUBJECT_DEPS)
            subj = counted(tree, subj) if subj is not None else None
            if subj is not None and (
                subj.lemma.lower() in category.doers or subj.lower in category.doers
            ):
                trigger = Trigger(category.name, None, t.lemma.lower(), "doer")
                out.append(Candidate(trigger, t, t, t))
                break
    return out


def speaks(tree: Tree, noun: Token) -> bool:
    head = tree.head(noun)
    return head is not None and head.lemma.lower() in SAYING_VERBS | {"say", "read", "stipulate"}


def is_request(tree: Tree, verb: Token, lex: Lexicon) -> bool:
    trig = match_trigger(tree, verb, lex)
    return trig is not None and trig.type == "REQUEST"


def demanded(tree: Tree, verb: Token) -> Token | None:
    """The clause a saying verb reports as an obligation of someone else, if any."""
    for clause in tree.children(verb, frozenset({"ccomp"})):
        modal = any(c.lower in DEMAND_MODALS for c in tree.children(clause, frozenset({"aux"})))
        if modal and tree.child(clause, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS) is not None:
            return clause
    return None


def judgement(tree: Tree, verb: Token, lex: Lexicon) -> tuple[Trigger, Token, Token] | None:
    """A judgement a saying or naming verb passes on someone's act, the word that holds what
    is judged, and the judging word: "said the move was illegal" (the clause "was"), "“It is
    unacceptable,” he said", "said X had made a serious mistake", "called the decision a
    provocation" (the verb, whose object is judged). A negated judgement is none."""
    lemma = verb.lemma.lower()
    if lemma in NAMING_VERBS:
        words = list(tree.children(verb, PREDICATE_DEPS | frozenset({"ccomp"})))
        words += [o for _, o in tree.preps(verb, frozenset({"as"}))]
        holder = verb
    elif lemma in SAYING_VERBS:
        clause = tree.child(verb, frozenset({"ccomp"}))
        if clause is None or tree.child(clause, frozenset({"neg"})) is not None:
            return None
        if any(c.lower in HEDGES for c in tree.children(clause, frozenset({"aux"}))):
            return None  # "no politician should make the mistake": advice, not a charge
        words = [clause, *tree.children(clause, PREDICATE_DEPS)]
        if clause.lemma.lower() in {"make", "commit"}:
            words += tree.children(clause, OBJECT_DEPS)
        holder = clause
    else:
        return None
    # "an act of aggression", "a clear violation": the act's kind is the judgement
    words += [o for w in words if w.lemma.lower() == "act" for _, o in tree.preps(w, OF)]
    for w in words:
        for c in tree.conjuncts(w):
            if c.pos not in {"ADJ", "NOUN", "PROPN"}:
                continue  # "lay in", "left to lie": a verb is no judgement
            trig = lex.judgements.get(c.lemma.lower()) or lex.judgements.get(c.lower)
            if trig is not None and tree.child(c, frozenset({"neg"})) is None:
                return trig, holder, c
    return None


def asked_for(tree: Tree, noun: Token, verbs: set[int]) -> bool:
    head = tree.head(noun)
    if head is None:
        return False
    if noun.dep in OBJECT_DEPS | {"conj"} and head.i in verbs:
        return True
    if noun.dep == "conj":
        return asked_for(tree, head, verbs)
    if noun.dep == "pobj" and head.lower in {"for", "to"}:
        owner = tree.head(head)
        return owner is not None and owner.i in verbs
    return False


def governing_verb(tree: Tree, noun: Token) -> Token | None:
    """The light verb a noun trigger is the object of ("held talks", "a round of talks")."""
    t = noun
    for _ in range(4):
        head = tree.head(t)
        if head is None:
            return None
        if t.dep in OBJECT_DEPS | {"nsubjpass"} and head.pos in {"VERB", "AUX"}:
            if head.lemma.lower() in LIGHT_VERBS:
                return head
            # "the attack is believed to have been carried out by ETA": a raised subject
            # carried by the passive light verb its verb reports.
            raised = tree.child(head, frozenset({"xcomp"})) if t.dep == "nsubjpass" else None
            if (
                raised is not None
                and raised.lemma.lower() in LIGHT_VERBS
                and tree.child(raised, frozenset({"auxpass"})) is not None
            ):
                return raised
            return None
        if t.dep == "pobj" and head.dep == "prep":
            owner = tree.head(head)
            if owner is not None and owner.lemma.lower() in PREP_CHAIN_NOUNS:
                t = owner
                continue
            if owner is not None and owner.pos == "VERB" and head.lower in SETTING_PREPS:
                return owner
            if owner is not None and owner.lemma.lower() in ARRIVING_VERBS and head.lower == "to":
                return owner  # "came to an agreement", "arrived at a deal" (in SETTING_PREPS)
        return None
    return None


def reduced_passive(tree: Tree, verb: Token) -> Token | None:
    """Who undergoes a participle that tells a passive without its auxiliary: "the villages
    shelled by troops" (the noun it describes), "attacked by militants, the convoy turned
    back" (the subject of the clause it opens)."""
    # "Chekatt - shot dead by police -": the small model tags some such participles VBD.
    agented = verb.dep == "acl" and tree.child(verb, frozenset({"agent"})) is not None
    if verb.tag != "VBN" and not (verb.tag == "VBD" and agented):
        return None
    if tree.child(verb, AUX_DEPS | SUBJECT_DEPS) is not None:
        return None
    head = tree.head(verb)
    if head is None:
        return None
    if verb.dep == "acl" and head.pos in {"NOUN", "PROPN", "PRON"}:
        return head
    if verb.dep == "advcl" and verb.i < head.i:
        return tree.child(head, SUBJECT_DEPS)
    return None


def infinitive_subjects(tree: Tree, verb: Token) -> list[Token]:
    """The subject, someone, of an infinitive clause hung on ``verb`` ("allowed [X to go]")."""
    out = []
    for clause in tree.children(verb, frozenset({"ccomp", "xcomp"})):
        if clause.tag == "VB" and any(a.lower == "to" for a in tree.children(clause, AUX)):
            subj = tree.child(clause, frozenset({"nsubj"}))
            if subj is not None and actor_like(counted(tree, subj)):
                out.append(subj)  # not "allow disagreements to impede cooperation"
    return out
