"""The arguments of a trigger: who acts and who is acted on, as head words of the parse.

A verb takes its subject as actor (the agent of a passive) and its object or the objects of the
category's prepositions as recipients; a noun takes its possessor, the subject of the verb that
carries it ("X held talks"), and the objects of its prepositions. Coordinated words ("Russia,
Iran and Turkey") join the lists; :mod:`dragoman.extract._references` turns each head word into
an actor.
"""

from __future__ import annotations

from dragoman.actors import default_base
from dragoman.extract._actorlike import OF, actor_like
from dragoman.extract._roles import (
    CHARGE_NOUNS,
    claimant,
    defendant,
    placed_under,
    resisting,
)
from dragoman.extract._triggers import (
    DEMAND,
    ISSUING_VERBS,
    PROPOSITIONAL,
    Candidate,
    demanded,
    infinitive_subjects,
    reduced_passive,
)
from dragoman.nlp import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, Tree
from dragoman.types import Token

BY = frozenset({"by"})
#: Categories whose target a purpose clause can name ("to drive out the fighters").
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
PURPOSE_NOUNS = frozenset("effort bid attempt push drive campaign operation".split())

#: Nouns whose possessor undergoes the act ("his arrest", "their release") unless an of-phrase
#: names who does ("Iran's release of the sailors"); other nouns' possessor does the act
#: ("Turkey's offensive").
PATIENT_NOUNS = frozenset(
    "arrest detention imprisonment conviction sentence trial prosecution release execution "
    "assassination murder killing abduction kidnapping deportation expulsion extradition "
    "dismissal ouster removal capture".split()
)

#: Categories aimed at someone through what they do ("demanded an end to X's shelling").
OWNED_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT"})
OWNER_PREPS = frozenset({"to", "of", "by", "on"})

#: Verbs whose subject is given to and whose from-object gives ("received arms from Iran").
RECEIVING_VERBS = frozenset({"receive", "get", "obtain"})

#: Nouns for a struggle, never for who is fought ("waged a war", "fought an insurgency").
STRUGGLE_NOUNS = frozenset("war insurgency rebellion struggle conflict uprising jihad".split())


def arguments(
    tree: Tree, cand: Candidate, recipient_preps: frozenset[str]
) -> tuple[list[Token], list[Token]]:
    word, anchor = cand.word, cand.anchor
    actors: list[Token] = []
    recipients: list[Token] = []
    if cand.trigger is DEMAND:
        subj = tree.child(word, SUBJECT_DEPS)
        clause = demanded(tree, word)
        # "told Erdogan that the ceasefire must ...": whom it is told to is who must act.
        target = tree.child(word, frozenset({"dobj", "dative"}))
        if target is None and clause is not None:
            target = tree.child(clause, SUBJECT_DEPS)
        return expand(tree, [subj] if subj else []), expand(tree, [target] if target else [])
    if cand.trigger.pos == "judgement":
        return judged(tree, cand)
    if cand.trigger.pos == "doer":
        # "demonstrators filled the airport": the doers act; what they fill is no target.
        subj = tree.child(word, SUBJECT_DEPS)
        targets = [o for _, o in tree.preps(word, recipient_preps)]
        return expand(tree, [subj] if subj else []), expand(tree, targets)
    receives = cand.trigger.with_word is not None  # "received arms", not "received Erdogan"
    if cand.trigger.pos == "verb" and word.lemma.lower() in RECEIVING_VERBS and receives:
        # "received weapons from Iran": the giver acts, the subject is given to.
        givers = [o for _, o in tree.preps(word, frozenset({"from"}))]
        subj = tree.subject(word) or tree.child(word, PASSIVE_SUBJECT_DEPS)
        return expand(tree, givers), expand(tree, [subj] if subj else [])
    if cand.trigger.pos == "verb":
        passive = tree.child(word, PASSIVE_SUBJECT_DEPS) or reduced_passive(tree, word)
        if passive is None and tree.child(word, frozenset({"auxpass"})) is not None:
            # "held talks with Russia but were offered terms": a passive conjunct shares
            # its subject, who undergoes it.
            passive = tree.subject(word)
        if passive is not None:
            if passive.lemma.lower() != (cand.trigger.with_word or ""):
                recipients.append(passive)  # not what is done: "bombs were dropped on X"
            for _, agent in tree.preps(word, BY):
                actors.append(agent)
            if not actors:
                actors.extend(attack_owners(tree, word))
            if not actors and cand.trigger.type in JUDICIAL_TYPES:
                actors.extend(jurisdiction(tree, word))
        else:
            subj = tree.subject(word)
            if subj is not None:
                actors.append(subj)
            obj = tree.child(word, OBJECT_DEPS) or misparsed_object(tree, word)
            if obj is None and cand.trigger.needs_object:
                # "allowed the candidate to run": whom the verb lets act.
                obj = next(iter(infinitive_subjects(tree, word)), None)
            if obj is not None and is_event_noun(obj):
                # "fought an insurgency against the state": what was done, and its target.
                recipients.extend(o for _, o in tree.preps(obj, recipient_preps))
                obj = None
            if obj is not None and cand.trigger.mode == "embargo" and not actor_like(obj):
                recipients.extend(goods_owners(tree, obj))  # "boycotted French products"
            elif obj is not None and obj.lemma.lower() != (cand.trigger.with_word or ""):
                # "condemned Israel's decision": whose decision it was; "revoked the
                # citizenship of Shamima Begum": whose citizenship.
                owner = tree.child(obj, frozenset({"poss"}))
                if owner is None and not actor_like(obj):
                    owner = next(
                        (o for _, o in tree.preps(obj, OF) if actor_like(o) and o.pos == "PROPN"),
                        None,
                    )
                if owner is not None and not actor_like(obj):
                    recipients.append(owner)
                else:
                    recipients.append(obj)
        recipients.extend(o for _, o in tree.preps(word, recipient_preps))
        own_prep = cand.trigger.with_word not in recipient_preps
        if cand.trigger.with_word and own_prep and tree.child(word, OBJECT_DEPS) is None:
            # "surrendered to the army", "appealed to the UN": the entry's own preposition,
            # unless an object is whom it is done to ("provided the army with arms").
            recipients.extend(o for _, o in tree.preps(word, frozenset({cand.trigger.with_word})))
        if cand.trigger.with_word or cand.trigger.type in PROPOSITIONAL:
            # "hold talks with X", "demanded an apology from X": the object's prepositions.
            for obj in tree.children(word, OBJECT_DEPS):
                recipients.extend(o for _, o in tree.preps(obj, recipient_preps))
    else:
        word = cand.carrier
        accused = defendant(tree, word) if word.lemma.lower() in CHARGE_NOUNS else None
        if accused is not None:
            # "faces charges of corruption", "pleaded not guilty to charges of lying to
            # investigators": who answers the charges is charged; the charge's own words
            # name no one it is aimed at.
            return expand(tree, actors), expand(tree, [accused])
        placed = placed_under(tree, word)
        if placed is not None:
            # "was placed under house arrest", "put him under investigation": whom the verb
            # puts there undergoes it; its subject or agent does it.
            passive = tree.child(placed, PASSIVE_SUBJECT_DEPS)
            undergoer = passive or tree.child(placed, OBJECT_DEPS)
            if undergoer is not None:
                if passive is not None:
                    doers = [o for _, o in tree.preps(placed, BY)]
                else:
                    doers = [d for d in [tree.subject(placed)] if d is not None]
                return expand(tree, doers), expand(tree, [undergoer])
        if (
            cand.trigger.type in JOINT_TYPES
            and anchor is not word
            and anchor.lemma.lower() in ATTENDING_VERBS
            and word.dep in OBJECT_DEPS
        ):
            # "will attend a Russian-sponsored conference", "voted not to attend Putin's
            # congress": who attends takes part; whose gathering it is, is the other side.
            guest = tree.subject(anchor)
            hosts = organisers(tree, word) or [
                named_owner(tree, o, anchor) for o in tree.children(word, frozenset({"poss"}))
            ]
            if guest is not None:
                return expand(tree, [guest]), expand(tree, hosts)
        owner = tree.child(word, frozenset({"poss"}))
        patient = next((o for _, o in tree.preps(word, OF)), None)
        if owner is not None and word.lemma.lower() in PATIENT_NOUNS and patient is None:
            recipients.append(owner)  # "his arrest", "Navalny's conviction": who undergoes it
        elif owner is not None:
            actors.append(named_owner(tree, owner, anchor if anchor is not word else None))
        if patient is not None and word.lemma.lower() in PATIENT_NOUNS and actor_like(patient):
            recipients.append(patient)  # "arrests of political activists"
        elif (
            patient is not None
            and owner is None
            and (cand.trigger.type in HOSTILE_TYPES or cand.trigger.mode == "peacekeeping")
        ):
            if actor_like(patient) or cand.trigger.mode != "embargo":
                recipients.append(patient)  # "the massacre of civilians", "the siege of Aleppo"
            else:
                recipients.extend(goods_owners(tree, patient))  # "a boycott of Israeli goods"
        named = named_modifiers(tree, word, frozenset({"compound", "amod"}))
        if cand.trigger.type in JOINT_TYPES:
            named = [m for m in named if not venue(m)]  # "the Vienna talks", "Sochi congress"
        actors.extend(named)
        for _, agent in tree.preps(word, BY):
            actors.append(agent)
        if not actors and patient is not None:
            # "the massacre of villagers by the militia", the by-phrase hung on the villagers
            actors.extend(o for _, o in tree.preps(patient, BY))
        if not actors:
            # "demonstrations organised by the opposition", "an attack carried out by IS"
            for told in tree.children(word, frozenset({"acl"})):
                if told.tag == "VBN":
                    actors.extend(o for _, o in tree.preps(told, BY))
        if not actors:
            actors.extend(organisers(tree, word))
        if not actors and anchor is not word:
            subj = tree.subject(anchor)
            if subj is not None and subj.i != word.i:
                actors.append(subj)
            else:
                # "the attack was carried out by ETA": the light verb's passive agent.
                actors.extend(o for _, o in tree.preps(anchor, BY))
        if not actors:
            # "a battle between troops and terrorists": both sides act.
            sides = [o for _, o in tree.preps(word, frozenset({"between"}))]
            if sides and len(tree.conjuncts(sides[0])) > 1:
                actors.append(sides[0])
        fought = resisting(tree, word) if cand.trigger.type in HOSTILE_TYPES else None
        if fought is not None:
            # "militias fighting against an incursion": who fights it back is its target.
            fighter = tree.subject(fought)
            if fighter is not None and fighter.i not in {a.i for a in actors}:
                recipients.append(fighter)
        if anchor is not word and word.dep in OBJECT_DEPS:
            # "was given a suspended sentence", "was handed a ban": who is given it undergoes it.
            given = tree.child(anchor, PASSIVE_SUBJECT_DEPS)
            if given is not None:
                recipients.append(given)
        head = tree.head(word)
        issued = head is not None and head.lemma.lower() in ISSUING_VERBS
        if not actors and issued and word.dep in OBJECT_DEPS:
            # "Italy announced a suspension of air links": who announced it acts.
            subj = tree.subject(head)  # type: ignore[arg-type]
            if subj is not None:
                actors.append(subj)
        recipients.extend(o for _, o in tree.preps(word, recipient_preps))
        if anchor is not word:
            recipients.extend(o for _, o in tree.preps(anchor, recipient_preps))
        if not actors and recipients and cand.trigger.type in JOINT_TYPES:
            # "securing Russia's help through an agreement with Lavrov": an agreement or talks
            # with someone are had by whoever the clause that tells of them is about.
            party = clause_subject(tree, word)
            if party is not None and party.i not in {r.i for r in recipients}:
                actors.append(party)
    if cand.trigger.type in OWNED_TYPES:
        # "condemned the Israeli raid", "called for an end to the regime's attacks": whose
        # acts are condemned or asked to stop.
        asked = recipients or [
            *tree.children(word, frozenset({"dobj"})),
            *(o for _, o in tree.preps(word, frozenset({"for"}))),
        ]
        owners = [r if actor_like(r) else owner_of(tree, r, OWNER_PREPS) for r in asked]
        recipients = [o for o in owners if o is not None] or recipients
    if not actors and cand.trigger.pos == "verb":
        # "Judge Bowler ordered Matanov held until trial": whoever orders it does it.
        head = tree.head(word)
        if head is not None and head.lemma.lower() in ISSUING_VERBS and word.dep in ORDERED:
            subj = tree.subject(head)
            if subj is not None:
                actors.append(subj)
    if not recipients and cand.trigger.type in HOSTILE_TYPES:
        recipients.extend(purpose_objects(tree, anchor))
    if not actors and cand.trigger.type == "ASSAULT":
        claimed = claimant(tree, word)  # "..., for which IS claimed responsibility"
        if claimed is not None and claimed.i not in {r.i for r in recipients}:
            actors.append(claimed)
    if not recipients and cand.trigger.type in OWNED_TYPES:
        # "expressed disappointment that X had not left", "called for X to be given ...": X
        # is who it is aimed at.
        for clause in tree.children(word, frozenset({"ccomp", "acl", "advcl"})):
            subj = tree.child(clause, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
            marks = {c.lower for c in tree.children(clause, frozenset({"mark"}))}
            if subj is not None and marks & {"that", "for"}:
                recipients.append(subj)
    return expand(tree, actors), expand(tree, recipients)


#: Subjects that point at a thing, not at who did it ("it was illegal").
THING_PRONOUNS = frozenset("it this that which these those".split())


def judged(tree: Tree, cand: Candidate) -> tuple[list[Token], list[Token]]:
    """Who judges (the speaker) and whose act is judged: the subject of the judged clause or
    the object of a naming verb; for an act ("the move", "his decision") its owner or agent."""
    subj = tree.subject(cand.word)
    holder = cand.anchor
    if holder is cand.word:
        target = tree.child(holder, frozenset({"dobj"}))
    else:
        target = tree.child(holder, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
    if target is not None and not actor_like(target):
        target = owner_of(tree, target)
    if target is not None and target.lower in THING_PRONOUNS:
        target = None
    if target is None:
        # "a stain on the conscience of this government": whom the judgement is about.
        target = owner_of(tree, cand.carrier, frozenset({"on", "of", "by"}))
    return expand(tree, [subj] if subj else []), expand(tree, [target] if target else [])


def goods_owners(tree: Tree, goods: Token) -> list[Token]:
    """Whose goods an embargo or boycott strikes: the names before them ("Israeli goods")."""
    return named_modifiers(tree, goods, frozenset({"amod", "compound"}))


def named_modifiers(tree: Tree, noun: Token, deps: frozenset[str]) -> list[Token]:
    """The names before a noun that say whose it is: "an Israeli strike", "the US strikes"."""
    return [
        m
        for m in tree.children(noun, deps)
        if m.i < noun.i and (m.ent_type in {"GPE", "NORP", "ORG", "PERSON"} or known_group(m))
    ]


#: Participles that, hyphenated after a name, say who holds an event ("UN-led talks").
ORGANISING = frozenset("lead broker sponsor host mediate organise organize convene chair".split())


def organisers(tree: Tree, noun: Token) -> list[Token]:
    """Who leads or sponsors an event, named before it: "the UN-led talks", "a
    Russian-sponsored conference", "a Qatar-brokered deal"."""
    out = []
    for mod in tree.children(noun, frozenset({"amod", "compound"})):
        if mod.tag != "VBN" or mod.lemma.lower() not in ORGANISING:
            continue
        for who in tree.children(mod, frozenset({"npadvmod", "compound", "nmod"})):
            if who.i < mod.i and (actor_like(who) or who.ent_type == "NORP"):
                out.append(who)
    return out


def named_owner(tree: Tree, owner: Token, carrier: Token | None) -> Token:
    """ "The Kremlin launched its air strikes": "its" is the subject of the verb that carries
    the noun; the subject names the doer, the pronoun only points at it."""
    if owner.pos != "PRON" or carrier is None:
        return owner
    subj = tree.subject(carrier)
    return subj if subj is not None and subj.pos != "PRON" and subj.i < owner.i else owner


def venue(t: Token) -> bool:
    """A place named before talks or an agreement is where they were held, not a party: a
    city, or a place the actor base does not know as a state."""
    place = t.ent_type in {"GPE", "LOC", "FAC"}
    # The small model tags some towns as nationalities ("the Sochi conference").
    if not place and not (t.ent_type == "NORP" and t.pos == "PROPN"):
        return False
    entry = default_base().named(t.text)
    return entry is None or entry.kind == "place"


def known_group(t: Token) -> bool:
    """A proper noun the actor base knows as an armed group, a body or a state ("IS attacks",
    "Hamas rockets"), though the parser tagged no entity."""
    if t.pos != "PROPN":
        return False
    entry = default_base().named(t.text)
    return entry is not None and entry.kind in {"group", "country"}


def owner_of(
    tree: Tree, thing: Token, preps: frozenset[str] = frozenset({"by", "of"}), depth: int = 2
) -> Token | None:
    """Who an act or thing belongs to: "Turkey's move", "the US strikes", "the decision by
    Trump", "the conscience of this government", "an end to the regime's attacks" (two
    prepositions deep at most)."""
    owner = tree.child(thing, frozenset({"poss"}))
    if owner is not None:
        return owner
    named = named_modifiers(tree, thing, frozenset({"compound", "amod", "nmod"}))
    if named:
        return named[0]  # "the US strikes", "Israeli raids"
    for _, obj in tree.preps(thing, preps):
        if actor_like(obj) and obj.lower not in THING_PRONOUNS:
            return obj
        inner = owner_of(tree, obj, frozenset({"of", "by"}), depth - 1) if depth > 1 else None
        if inner is not None:
            return inner
    return claimant(tree, thing)


#: Verbs by which one takes part in (or stays away from) a gathering someone else holds.
ATTENDING_VERBS = frozenset("attend join boycott skip snub".split())

#: Categories of joint acts: the other party of "an agreement with X" is the clause's subject.
JOINT_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def clause_subject(tree: Tree, noun: Token) -> Token | None:
    """The subject of the clause a noun sits in, through objects, prepositions and the
    gerunds they govern ("on the verge of securing ... through an agreement"), when it can
    name someone who acts."""
    t = noun
    for _ in range(7):
        head = tree.head(t)
        if head is None or t.dep not in OBJECT_DEPS | {"pobj", "prep", "pcomp"}:
            return None
        if head.pos in {"VERB", "AUX"}:
            subj = tree.subject(head)
            if subj is not None or head.dep != "pcomp":
                return subj if subj is not None and actor_like(subj) else None
        t = head
    return None


#: What an issuing verb orders, as a clause of its own ("ordered Matanov held").
ORDERED = frozenset({"ccomp", "oprd", "xcomp"})
#: Nouns for an attack whose doer a victim's passive can name ("killed in IS attacks").
ATTACK_NOUNS = frozenset(
    "attack attacks strike strikes airstrike airstrikes raid raids bombing bombings shelling "
    "bombardment assault offensive ambush fire gunfire".split()
)


#: Categories of what a state's police and courts do: told in the passive with no agent, the
#: state they are done in does them ("was jailed in Turkey").
JUDICIAL_TYPES = frozenset({"COERCE", "SANCTION"})


def jurisdiction(tree: Tree, verb: Token) -> list[Token]:
    """The country a passive arrest, detention or sentence took place in: its authorities
    did it ("has been jailed for eight years in Turkey", "were arrested in Iran")."""
    for _, place in tree.preps(verb, frozenset({"in"})):
        entry = default_base().named(place.text)
        if entry is not None and entry.kind == "country":
            return [place]
    return []


def attack_owners(tree: Tree, verb: Token) -> list[Token]:
    """Who did it, for a victim told in the passive with the attack that did it: "fighters
    were killed in IS attacks", "were wounded in an Israeli air strike"."""
    for _, noun in tree.preps(verb, frozenset({"in", "during", "by"})):
        if noun.lemma.lower() in ATTACK_NOUNS or noun.lower in ATTACK_NOUNS:
            owner = owner_of(tree, noun, BY)
            if owner is not None:
                return [owner]
    return []


def purpose_objects(tree: Tree, anchor: Token) -> list[Token]:
    """Whom an attack is for: "launched a campaign ... in an effort to drive out the
    Kurdish fighters", "deployed troops to crush the rebels"."""
    purposes = [
        c
        for c in tree.children(anchor, frozenset({"xcomp", "advcl"}))
        if c.tag == "VB" and any(x.lower == "to" for x in tree.children(c))
    ]
    for _, effort in tree.preps(anchor, frozenset({"in"})):
        if effort.lemma.lower() in PURPOSE_NOUNS:
            purposes.extend(tree.children(effort, frozenset({"acl", "relcl"})))
    for verb in purposes:
        obj = tree.child(verb, OBJECT_DEPS)
        if obj is not None and actor_like(obj):
            return [obj]
    return []


def is_event_noun(t: Token) -> bool:
    return t.lemma.lower() in STRUGGLE_NOUNS


def misparsed_object(tree: Tree, verb: Token) -> Token | None:
    """A name after the verb that the parser hung on it as an adverb ("backs Assad")."""
    for c in tree.children(verb, frozenset({"advmod", "npadvmod", "oprd"})):
        if c.i > verb.i and c.pos == "PROPN" and c.ent_type in {"PERSON", "ORG", "GPE"}:
            return c
    return None


def expand(tree: Tree, heads: list[Token]) -> list[Token]:
    out: list[Token] = []
    for h in heads:
        # "between X and Y": the preposition's object with its conjuncts.
        for c in tree.conjuncts(h):
            nominal = c.pos in {"NOUN", "PROPN", "PRON", "NUM"}
            # "Palestinian riots": a demonym standing for its people.
            demonym = c.pos == "ADJ" and c.ent_type in {"NORP", "GPE"}
            if (nominal or demonym) and c.i not in {x.i for x in out}:
                out.append(c)
    return out
