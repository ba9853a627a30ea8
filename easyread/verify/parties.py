"""Checks on frames that name the same action in the letter and the Easy Read: who does it (agent), who pays
whom (money), an action turned into its opposite or a "need not" for an order (negation), and must / may /
will swapped (modal). Conditions are checked on the frames matched here (easyread.verify.conditions)."""

from __future__ import annotations

import re

from easyread.verify import frames as fr
from easyread.verify import related as rel
from easyread.verify import words as w
from easyread.verify.conditions import condition_checks
from easyread.verify.findings import Assessment, Problem, quote, who, who_obj
from easyread.verify.stances import NEGATIVE, enabled_stance, said, stance, stance_clash

_CORE = frozenset({w.WE, w.YOU, w.LANDLORD, w.COURT, w.AGENT})


def _agents_meet(a, b) -> bool:
    return a is None or b is None or bool(a & b)


def _money_clash(out: fr.Frame, src: fr.Frame) -> bool:
    if out.payer and src.payer and not out.payer & src.payer:
        return True
    if out.payee and src.payee and not out.payee & src.payee:
        return True
    if out.payer and src.payee and out.payer & src.payee and not (src.payer and out.payer & src.payer):
        return True
    return bool(out.payee and src.payer and out.payee & src.payer and not (src.payee and out.payee & src.payee))


def _money_unsaid(f: fr.Frame, src_frames: list[fr.Frame], src: str) -> str | None:
    """What the letter never says about this money, when no verb of the letter moves it the same way."""
    to_you = bool((f.payer and w.WE in f.payer) or (f.payee and w.YOU in f.payee))
    from_you = bool((f.payer and w.YOU in f.payer) or (f.payee and w.WE in f.payee))
    if to_you and not from_you:
        said = any((s.payer and w.WE in s.payer) or (s.payee and w.YOU in s.payee) for s in src_frames if s.money)
        evidence = w.BACK_TO_YOU if f.money == "back" else w.TO_YOU
        if not said and not evidence.search(src):
            return "that we pay you money back" if f.money == "back" else "that we pay you money"
    if from_you and not to_you:
        said = any((s.payer and w.YOU in s.payer) or (s.payee and w.WE in s.payee) for s in src_frames if s.money)
        if not said and not w.FROM_YOU.search(src):
            return "that you have to pay"
    return None


def _flow(frame: fr.Frame) -> str:
    if frame.payer and frame.payee:
        return f"{who(frame.payer)} pay {who_obj(frame.payee)}"
    if frame.payer:
        return f"{who(frame.payer)} pay"
    return f"{who(frame.payee)} get the money"


def _done_so(f: fr.Frame, src_frames: list[fr.Frame]) -> bool:
    """ "If you can't pay, contact us" for "If you are unable to do so, ... contact us": the letter's condition says
    "do so" for an action of the sentence before (here paying), so the reader's payment in the condition is it."""
    if not f.cond or f.payer != frozenset({w.YOU}):
        return False
    return any(
        s.cond
        and s.group == "do"
        and s.agent in (None, frozenset({w.YOU}))
        and re.search(r"\bdo (so|this|that|it)\b", s.text)
        for s in src_frames
    )


def frame_problems(
    out: fr.Sentence, srcs: list[fr.Sentence], context: list[fr.Sentence], result: Assessment, glossed: str = ""
) -> None:
    """Who does what to whom, who pays whom, and opposite actions, frame by frame. `glossed`: the glossary's
    explanations of the letter's terms that the sentence restates; they say a payment the letter's words only name
    ("Council Tax" explained "Money you pay to the council each year")."""
    src_frames = [f for s in srcs for f in s.frames]
    seen: set[str] = set()

    def add(kind: str, message: str, harmful: bool = True) -> None:
        if kind not in seen:
            seen.add(kind)
            result.problems.append(Problem(kind, message, harmful))

    for f in out.frames:
        # Money: who pays whom, compared with source frames of the same kind of payment (first or back).
        if f.money and (f.payer or f.payee) and not _describes(out, f):
            same_kind = [s for s in src_frames if s.money == f.money and (s.payer or s.payee)]
            # The same verb is the payment meant ("send you an invoice" / "send you the money"); another payment of
            # the sentence ("you stop receiving Housing Benefit") does not excuse a reversed one.
            same_kind = [s for s in same_kind if s.group == f.group] or same_kind
            # "You may have to pay us" for "We may charge you for any costs we incur": the charge says this very
            # flow, both sides named, whatever kind the spending it is for ("we incur") is read as
            flows = any(
                s.payer and s.payee and f.payer and f.payee and s.payer & f.payer and s.payee & f.payee
                for s in src_frames
            )
            if same_kind and not flows and all(_money_clash(f, s) for s in same_kind):
                s = same_kind[0]
                add("money", f'The letter says {_flow(s)} ("{quote(s.text)}"); this sentence says {_flow(f)}.')
                continue
            if not same_kind and not out.question and not _done_so(f, src_frames):
                missing = _money_unsaid(f, src_frames, " ".join([s.text for s in srcs] + [glossed]))
                if missing:
                    add("money", f"The letter does not say {missing}; this sentence says {_flow(f)}.")
                    continue
        if f.group == "need" and stance(f) in NEGATIVE and not out.question:
            asked = [s for s in src_frames if stance(s) in ("must", "do", "should") and _overlap(s, f)]
            if asked and not any(stance(s) in NEGATIVE for s in src_frames if s.group == "need"):
                s = asked[0]
                add("negation", f'The letter asks for this ("{quote(s.text)}"); this sentence says you do not need to.')
                continue
        same = [s for s in src_frames if s.group == f.group]
        opposite = [
            s
            for s in src_frames
            if s.group in rel.OPPOSITE.get(f.group, ())
            and _agents_meet(s.agent, f.agent)
            and _overlap(s, f)
            and (s.neg == f.neg)
        ]
        if opposite and not same and not out.question:
            s = opposite[0]
            add("negation", f'The letter says "{quote(s.text)}"; this sentence says the opposite: "{f.verb.lower()}".')
            continue
        if not same:
            continue
        done_to = (f.patient or frozenset()) | (f.recipient or frozenset()) | _done_for(out, f) | _named_object(out, f)
        doer = f.agent or _named_subject(out, f)
        if f.group not in w.AGENT_FREE and doer and not f.weak and not out.question and done_to:
            # "Citizens Advice should contact you" for "You should contact Citizens Advice": the one who acts and
            # the one it is done to have changed places, whoever they are.
            if all(s.agent and not s.weak and not (s.agent & doer) and done_to & s.agent for s in same):
                s = same[0]
                add(
                    "agent",
                    f'The letter says {who(s.agent)} {s.verb} ("{quote(s.text)}"); '
                    f"this sentence says {who(doer)} {f.verb}, for or to {who_obj(done_to)}.",
                )
                continue
        if (
            f.group not in w.AGENT_FREE
            and f.agent
            and f.agent <= _CORE
            and not f.weak
            and not f.passive
            and not out.question
            and not (f.patient and f.patient & f.agent)
            and all(_thing_does_it_to(srcs, s, f.agent) for s in same)
        ):
            # "You must tell HMRC how" for "This will tell you how": the one the letter's thing does it to now does it
            s = same[0]
            add(
                "agent",
                f'The letter says this is done to {who_obj(s.patient)} ("{quote(s.text)}"); this sentence says {who(doer)} {f.verb}.',
            )
            continue
        mine = _pronoun_patient(out, f)
        if mine and not out.question and f.group not in w.AGENT_FREE:
            # "a friend who helps us" for "someone who helps you": the one it is done to changed
            theirs = [(s, p) for s, p in ((s, _pronoun_patient_any(srcs, s)) for s in same) if p]
            if theirs and all(not (p & mine) for _, p in theirs):
                s, p = theirs[0]
                add(
                    "agent",
                    f'The letter says this is done to {who_obj(p)} ("{quote(s.text)}"); this sentence says to {who_obj(mine)}.',
                )
                continue
        if f.group not in w.AGENT_FREE and f.agent and not f.weak and not out.question and f.agent & _CORE:
            if all(s.agent and not s.weak and s.agent & _CORE and not (s.agent & f.agent) for s in same):
                s = same[0]
                add(
                    "agent",
                    f'The letter says {who(s.agent)} {s.verb} ("{quote(s.text)}"); '
                    f"this sentence says {who(f.agent)} {f.verb}.",
                )
                continue
        candidates = [s for s in same if _agents_meet(s.agent, f.agent) and s.past == f.past]
        # A frame that shares words is the one meant; "it" / "this" stands in only when no frame shares any.
        candidates = [s for s in candidates if _overlap(s, f, pronouns=False)] or [
            s for s in candidates if _overlap(s, f)
        ]
        candidates = [s for s in candidates if not _last_of_its_kind(srcs, s, out, f)]
        matched = _best(f, candidates)
        if not matched:
            continue
        if (
            not out.question
            and not f.purpose
            and not any(s.purpose for s in matched)
            and not _said_in_condition(out, f, matched)
        ):
            # ("You should keep active" for "It is important that you keep active": an order said as advice)
            clashes = [
                None if stance(f) in s.also else stance_clash(enabled_stance(s), enabled_stance(f)) for s in matched
            ]
            if all(clashes):
                kind = "negation" if "negation" in clashes else "modal"
                s = matched[clashes.index(kind)]
                message = f'The letter says {said(s)} ("{quote(s.text)}"); this sentence says {said(f)}.'
                if kind == "negation" and any(
                    not stance_clash(stance(c), stance(f)) and (bool(c.cond) == bool(f.cond) or c.objects & f.objects)
                    for c in candidates
                ):
                    # "you have paid late or not paid the full amount": the letter says the verb both ways, so
                    # which one this sentence says cannot be settled by the parse
                    result.undecided.append((kind, message))
                    continue
                if kind == "modal" and _only(out, f):
                    # "We will only ask you to pay what you can afford", "Only then can it give an order": "only"
                    # makes the verb a limit or a condition, whose will / can / may the letter words another way
                    result.undecided.append((kind, message))
                    continue
                add(kind, message)
                continue
        condition_checks(f, out, matched, context, add, result)


_LAST = {"last", "final"}
_NO_MORE = {"more", "again", "further", "after", "other", "another"}


def _last_of_its_kind(srcs: list[fr.Sentence], s: fr.Frame, out: fr.Sentence, f: fr.Frame) -> bool:
    """ "the last reminder we send" said as "We will not send you any more reminders": the letter's verb only
    describes its noun, and "the last one" is "no more after it"."""
    if not f.neg or not _NO_MORE & {t.lower_ for t in out.doc}:
        return False
    for sentence in srcs:
        if s in sentence.frames:
            tok = sentence.doc[s.i]
            return tok.dep_ in ("relcl", "acl") and any(c.lower_ in _LAST for c in tok.head.children)
    return False


def _only(sentence: fr.Sentence, f: fr.Frame) -> bool:
    tok = sentence.doc[f.i]
    return any(c.lower_ == "only" or any(g.lower_ == "only" for g in c.children) for c in tok.children)


def _pronoun_patient(sentence: fr.Sentence, f: fr.Frame) -> frozenset:
    """Who a verb is done to, when its object is a party word itself ("helps you", "contact us"); a name that
    merely contains one ("a Council Tax Reduction") does not count."""
    return frozenset(
        w.PARTY_OF[c.lower_]
        for c in sentence.doc[f.i].children
        if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in w.PARTY_OF and w.PARTY_OF[c.lower_] in _CORE
    )


def _pronoun_patient_any(srcs: list[fr.Sentence], f: fr.Frame) -> frozenset:
    for s in srcs:
        if f in s.frames:
            return _pronoun_patient(s, f)
    return frozenset()


def _named_subject(sentence: fr.Sentence, f: fr.Frame) -> frozenset | None:
    """ "Citizens Advice or a solicitor should contact you": the named doers the party words do not cover."""
    subj = [c for c in sentence.doc[f.i].children if c.dep_ == "nsubj" and c.tag_.startswith("NN")]
    if not subj:
        return None
    names = [subj[0]] + [c for c in subj[0].children if c.dep_ == "conj" and c.tag_.startswith("NN")]
    return frozenset("the " + w.stem(t.lower_) for t in names)


def _thing_does_it_to(srcs: list[fr.Sentence], s: fr.Frame, party: frozenset) -> bool:
    """The letter's verb has a thing for its subject ("This will tell you", "The form tells you"), not one of the
    letter's parties, and `party` for its object."""
    # (a payment is left to the money rules: "which will incur you costs" is you paying, said "you must pay")
    if (s.agent and s.agent & _CORE) or s.passive or s.money or not s.patient or not party <= s.patient:
        return False
    sentence = next((x for x in srcs if s in x.frames), None)
    return sentence is not None and any(c.dep_ == "nsubj" for c in sentence.doc[s.i].children)


def _named_object(sentence: fr.Sentence, f: fr.Frame) -> frozenset:
    """ "You will ask the operators": a named object, by the name `_named_subject` gives a named doer, so a doer of the
    letter's made the one it is done to is seen, whoever they are."""
    return frozenset(
        "the " + w.stem(c.lower_)
        for c in sentence.doc[f.i].children
        if c.dep_ in ("dobj", "dative") and c.tag_.startswith("NN")
    )


def _done_for(sentence: fr.Sentence, f: fr.Frame) -> frozenset:
    """ "settle the debt for you": the one the action is done for, who in the letter may be the one who does it."""
    found: set = set()
    for c in sentence.doc[f.i].children:
        if c.dep_ in ("prep", "dative") and c.lower_ == "for":
            for p in c.children:
                if p.dep_ == "pobj" and p.lower_ in ("you", "us", "me"):
                    found.add(w.PARTY_OF[p.lower_])
    return frozenset(found)


def _describes(sentence: fr.Sentence, f: fr.Frame) -> bool:
    """ "how much money you get", "the money that you pay": a clause naming an amount, not saying who pays whom."""
    tok = sentence.doc[f.i]
    return tok.dep_ in ("relcl", "acl") or (tok.dep_ != "ROOT" and tok.left_edge.lower_ in ("how", "what", "whatever"))


def _overlap(s: fr.Frame, f: fr.Frame, pronouns: bool = True) -> bool:
    """The two clauses share a word besides their verb (or neither has one): they talk about the same thing."""
    if pronouns and (s.pronoun_object or f.pronoun_object):
        return True  # "You should read it carefully": "it" can be the notice the rewrite names
    a = w.content_stems(s.text) - {w.stem(s.verb)}
    b = w.content_stems(f.text) - {w.stem(f.verb)}
    wide = set(a)
    for x in a:
        wide |= rel.RELATED.get(x, set())
    return bool(wide & b) or not (a and b)


def _said_in_condition(out: fr.Sentence, f: fr.Frame, matched: list[fr.Frame]) -> bool:
    """ "If you fail to pay ..., the court will make you pay it" for "If you fail to pay ..., the Council will apply
    for a Liability Order": the letter's verb is in its condition, and this sentence's condition says it the same
    way; the same verb again in what happens then is another act, not the condition's said the other way round."""
    if f.cond or not all(s.cond for s in matched):
        return False
    return any(
        g is not f and g.group == f.group and g.cond and not stance_clash(stance(matched[0]), stance(g))
        for g in out.frames
    )


def _best(f: fr.Frame, candidates: list[fr.Frame]) -> list[fr.Frame]:
    """The source frames that line up best with `f`: same condition status, same agent, same facts, same object."""

    def score(s: fr.Frame) -> int:
        return (
            2 * (bool(s.cond) == bool(f.cond))
            + 2 * bool(s.agent and f.agent and s.agent & f.agent)
            + len(set(s.facts) & set(f.facts))
            + bool(s.objects & f.objects)
        )

    if not candidates:
        return []
    top = max(score(s) for s in candidates)
    return [s for s in candidates if score(s) == top]


def _subject_nouns(sentence: fr.Sentence, frames: list[fr.Frame]) -> list:
    out = []
    for f in frames:
        for c in sentence.doc[f.i].children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("NN", "NNS") and c.lower_ not in w.PARTY_OF:
                out.append(c)
    return out


def thing_swapped(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "This order can be used to take legal action against you" for "A copy of this letter may be presented in
    court to form the basis of a Court Order against you": the sentence is about a thing the letter names only as
    the result or object (the order), and drops what the letter's sentence is about (this letter)."""
    from easyread.verify.stances import main_frames

    if result.problems or out.question:
        return
    # Only a passive: the thing something is done to ("This order can be used"); "X is Y" explains a word
    passives = [f for f in main_frames(out) if f.passive]
    # "A court fee is added" where the letter too says "a court fee is added": the letter's own passive clause,
    # whatever the parse made its subject ("registered as a debt ... and a court fee is added" hangs "fee" on "debt")
    said_before = {
        (g.group, w.stem(t.lower_)) for s in srcs for g in s.frames if g.passive for t in s.doc[max(0, g.i - 4) : g.i]
    }
    mine = [n for f in passives for n in _subject_nouns(out, [f]) if (f.group, w.stem(n.lower_)) not in said_before]
    # "Your arrears have been cleared" for "... to clear your arrears": the letter's own object of the same action
    done_to = {x for s in srcs for g in s.frames if any(g.group == f.group for f in passives) for x in g.objects}
    if not mine:
        return
    out_stems = w.content_stems(out.text)
    for src in srcs:
        theirs = _subject_nouns(src, main_frames(src))
        if not theirs:
            continue
        their_subjects = {w.stem(t.lower_) for s in theirs for t in s.subtree if t.tag_.startswith("NN")}
        src_stems = w.content_stems(src.text)
        for noun in mine:
            n = w.stem(noun.lower_)
            if n not in src_stems or n in their_subjects or n in w.EASY_WORDS or n in done_to:
                continue
            if their_subjects & out_stems or any(rel.RELATED.get(x, set()) & out_stems for x in their_subjects):
                continue
            subject = " ".join(t.text for t in theirs[0].subtree)
            result.problems.append(
                Problem(
                    "agent",
                    f'The letter says this of "{subject}"; this sentence says it of "{noun.text}", '
                    "which the letter names only as what comes of it.",
                )
            )
            return


def _content_clauses(sentence: fr.Sentence) -> list[tuple[str, object]]:
    """(the word it completes, the clause) for each "that" clause: "proof that you have given them permission"."""
    found = []
    for t in sentence.doc:
        if t.dep_ in ("ccomp", "acl") and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
            found.append((w.stem(t.head.lower_), t))
    return found


def _text(tok) -> str:
    return " ".join(t.text for t in tok.subtree)


def _nouns(tok) -> set[str]:
    return {w.stem(t.lower_) for t in tok.subtree if t.tag_.startswith("NN") and t.lower_ not in w.PARTY_OF}


def clause_changed(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "We will ask for proof that you have told someone you can trust about your money" for "... proof that you
    have given them permission to discuss your account": the same request, asking for something else."""
    if result.problems or out.question:
        return
    for head, clause in _content_clauses(out):
        mine = _nouns(clause)
        for src in srcs:
            for their_head, their_clause in _content_clauses(src):
                # the clause and whatever the letter joins on after it ("that you looked ..., claimed ... and ...")
                theirs = {
                    w.stem(t.lower_)
                    for t in src.doc[their_clause.left_edge.i : their_clause.sent.end]
                    if t.tag_.startswith("NN") and t.lower_ not in w.PARTY_OF
                }
                if their_head != head or not mine or not theirs:
                    continue
                wide = set(theirs)
                for x in theirs:
                    wide |= rel.RELATED.get(x, set())
                if not mine & wide:
                    result.problems.append(
                        Problem(
                            "invented",
                            f'The letter says "{their_clause.head.text} {quote(_text(their_clause))}"; '
                            f'this sentence says "{clause.head.text} {quote(_text(clause))}".',
                        )
                    )
                    return
