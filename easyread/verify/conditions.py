"""Conditions: an "if" the letter puts on an action kept with it, and an "if" that says what happens then."""

from __future__ import annotations

import re

from easyread.checks.facts import compare_facts
from easyread.verify import frames as fr
from easyread.verify import related as rel
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote, read
from easyread.verify.stances import stance

_GENERIC_CONDITION = re.compile(
    r"^\s*(if|when)\s+you\s+(have\s+(any\s+)?(questions?|queries|concerns)|need\s+(any\s+)?(help|more|further|advice|"
    r"support|information|it)|would\s+like|want\s+(to\s+talk|more|help)|are\s+not\s+sure|cannot|can't|"
    r"do\s+not\s+understand)"
    # "if possible", "where necessary": a hedge on the advice, not a situation of the reader's
    r"|^\s*(if|where|when)\s+(possible|necessary|needed|required|appropriate|applicable)\b",
    re.IGNORECASE,
)
_HARD_CONDITION = re.compile(
    r"\b(not|no|never|unless|fail|failure|without|cannot|can't|don't|doesn't|didn't|won't)\b", re.IGNORECASE
)
# A sentence that opens by pointing back ("This could mean ...", "Then ...", "Otherwise ...", "Or ...") continues the
# sentence before it, where Easy Read puts the condition.
_CONTINUES = re.compile(r"^\s*(this|that|these|it|then|otherwise|or|so|if so|if not)\b", re.IGNORECASE)
_IF_WORDS = re.compile(r"\b(if|unless|when|whenever|provided|once|until|as long as)\b", re.IGNORECASE)


def condition_checks(
    f: fr.Frame, out: fr.Sentence, matched: list[fr.Frame], context: list[fr.Sentence], add, result: Assessment
) -> None:
    if out.question or f.cond or f.conditions or _IF_WORDS.search(out.text):
        return
    if _CONTINUES.match(out.text) and not _letters_own_this(out, matched):
        # "This could mean you lose your home", "Then ...": goes on from the sentence before, which holds the "if"
        return
    # "If you contact us, it will help us": an invitation to get in touch, not a condition to keep.
    conditional = [s for s in matched if s.cond and s.cond != "when" and s.group != "contact"]
    plain = [s for s in matched if not s.cond]
    if conditional and not plain and all(not s.objects or (s.objects & f.objects) for s in conditional[:1]):
        s = conditional[0]
        offered = [g for g in out.frames if g.i == f.i or out.doc[f.i].head.i == g.i]  # "can help you arrange"
        if s.wished and not f.neg and any(stance(g) in ("can", "may") for g in offered):
            # "You can also arrange an instalment plan" for "if you ... would like to arrange an instalment plan,
            # please contact ...": what the reader may want said as what they can do
            return
        add(
            "condition",
            f'The letter says this only as a condition ("{quote(s.text)}"); this sentence says it as a fact.',
        )
        return
    governed = [s for s in plain if s.conditions]
    if plain and len(governed) == len(plain):
        conditions = [c for c in governed[0].conditions if not _GENERIC_CONDITION.match(c)]
        if not conditions:
            return
        stems = w.content_stems(" ".join(conditions))
        for ctx in context:
            if (ctx.question or _IF_WORDS.search(ctx.text)) and w.content_stems(ctx.text) & stems:
                return
        # "Please talk to us so we can help you", "Please contact us. It helps us ...": the condition's
        # action is asked for, which carries it.
        wanted = {g.group for g in read(" ".join(conditions)).frames} - w.LIGHT_VERBS
        if any(g.group in wanted for ctx in context for g in ctx.frames) or any(
            g.group in wanted and g.modal == fr.IMP for g in out.frames
        ):
            return
        message = (
            f'The letter says this happens only "{quote(conditions[0])}"; this sentence leaves out that condition.'
        )
        negative = _HARD_CONDITION.search(" ".join(conditions)) or _FINAL.search(out.text)
        hard = negative or compare_facts("", " ".join(conditions)).invented
        hedged = any(t.lower_ in ("could", "may", "might") for t in out.doc)
        # A denied condition ("if you do not pay", "failure to attend") is a warning: without it a "may" or
        # "could" still reads as what will happen, so the hedge does not excuse it.
        if negative or (hard and not hedged and stance(f) not in ("might", "may", "can")):
            add("condition", message)
        else:
            # Easy Read often asks the condition as a question in the sentence before; without that
            # sentence the rules cannot tell a lost condition from a moved one.
            result.undecided.append(("condition", message))


# A consequence that closes a matter ("this decision will be final"): said without its condition, the reader takes
# it that the matter is closed now, and does not use the right the letter leaves open until then.
_FINAL = re.compile(r"\b(final|cannot be changed|no further)\b", re.IGNORECASE)


def _letters_own_this(out: fr.Sentence, matched: list[fr.Frame]) -> bool:
    """ "This decision will be final" for "If ..., this decision will be final": "this" is the letter's own word in
    the clause the condition governs, not a link the rewrite makes to its line before."""
    first = out.doc[0]
    if first.dep_ != "det" or first.head.i == first.i:
        return False
    phrase = f"{first.lower_} {first.head.lower_}"
    return any(phrase in s.text.lower() for s in matched)


def hanging_if(out: fr.Sentence, result: Assessment) -> None:
    from easyread.simplify.meaning_rules import condition_left_hanging

    if condition_left_hanging(out.text, []):
        result.problems.append(Problem("condition", 'This sentence says "if" but not what happens then.'))


_COND_MARK = {"if", "unless", "provided", "providing"}
_INVERTED = {"should", "were", "had"}  # "Should you pay late, ...": a condition without "if"
# A condition about what the reader wants or needs ("If you need to make an arrangement, you can call us"): left
# out, it turns an offer into advice, which the rules cannot weigh; the model is asked. "If you think you would
# benefit from ..." is the reader's own judgement too.
_SOFT_CONDITION = re.compile(
    r"^\s*(if|should)\s+you\s+(need|want|wish|would like|require|prefer|feel|think|believe|have any|"
    r"are (unsure|not sure|worried|concerned)|"
    r"can't|cannot|are unable|have (a|any) (question|quer))",
    re.IGNORECASE,
)


_INSIDE_CLAUSE = {"pcomp", "pobj", "prep", "acomp", "dobj", "amod", "xcomp", "attr", "agent", "dative", "npadvmod"}


def _condition_spans(sentence: fr.Sentence) -> list[tuple[str, set[int], set[int]]]:
    """(text, its token ids, ids of the clause it governs) for each condition of a sentence: "if ...",
    "unless ...", "Should you ...", "Failure to ... (will result in)"."""
    spans = []
    for tok in sentence.doc:
        marks = [c.lower_ for c in tok.children if c.dep_ == "mark"]
        first = tok.left_edge
        conditional = (tok.dep_ == "advcl" and marks and marks[0] in _COND_MARK) or (
            tok.dep_ == "advcl" and first.lower_ in _INVERTED and first.dep_ in ("aux", "auxpass")
        )
        failure = tok.dep_ in ("nsubj", "csubj") and tok.lower_ in ("failure", "failing")
        limit = tok.dep_ == "advcl" and bool(marks) and _limit(tok, marks[0])
        if conditional or failure or limit:
            ids = {t.i for t in tok.subtree}
            head = tok.head
            if limit and head.lower_ == "long":
                # "... as long as you keep to the agreement": the parse hangs the clause on "long"
                ids |= {t.i for t in head.subtree if t.i < tok.i}
                head = head.head
            # "towards making payment ... if you qualify": the parse often hangs the "if" on a word inside the
            # clause it governs; the clause is the nearest verb above that heads a clause of its own.
            # "advice on what might happen if you are evicted": the "if" belongs to the question it sits in.
            asked = any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.tag_ in ("WP", "WRB") for c in head.children)
            while head.dep_ in _INSIDE_CLAUSE and head.head.i != head.i and not asked:
                head = head.head
            governed = {t.i for t in head.subtree} - ids
            # Parts beside the "if" that it does not govern: "A, so we recommend B if C", where A is a sentence of its
            # own (frames.so_joined); and "While we are unable to offer you an appointment, if your condition gets
            # worse, please contact us", where the "while" part states a fact of its own.
            for c in head.children:
                if fr.so_joined(c) or (c.dep_ == "advcl" and c.i not in ids and _marks(c) & fr.FACT_MARKS):
                    governed -= {t.i for t in c.subtree}
            spans.append((" ".join(sentence.doc[i].text for i in sorted(ids)), ids, governed))
    return spans or _inverted_inside(sentence)


def _inverted_inside(sentence: fr.Sentence) -> list[tuple[str, set[int], set[int]]]:
    """ "parents will be required to pay for the meal in school should they wish their child to have one": a condition
    said with "should" before its subject, inside the sentence, which the parse often makes the root of everything
    before it. The condition is that clause; what it governs is the clause before it."""
    doc = sentence.doc
    for tok in doc:
        if tok.lower_ != "should" or tok.i == 0 or tok.i + 1 >= len(doc) or doc[tok.i - 1].is_punct:
            continue
        subject = doc[tok.i + 1]
        if subject.dep_ != "nsubj" or subject.head != tok.head or subject.tag_ != "PRP":
            continue
        ids = {t.i for t in tok.head.subtree if t.i >= tok.i}
        # what it governs: the clause just before it, from that clause's own subject ("parents will be required ...")
        subjects = [t for t in doc[: tok.i] if t.dep_ in ("nsubj", "nsubjpass")]
        start = subjects[-1].left_edge.i if subjects else 0
        governed = {t.i for t in doc[start : tok.i] if not t.is_punct}
        return [(" ".join(doc[i].text for i in sorted(ids)), ids, governed)]
    return []


def _limit(clause, mark: str) -> bool:
    """A clause that limits how long the sentence holds, which said without it holds for ever: "until you provide
    the information" ("Your benefit will be suspended."), "as long as you keep to the agreement" ("We will not take
    any further action.")."""
    if mark == "until":
        return True
    return mark == "as" and clause.head.lower_ == "long" and any(c.lower_ in ("as", "so") for c in clause.head.children)


def _marks(tok) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ == "mark"}


def _stems(tokens) -> set[str]:
    return {x for x in w.content_stems(" ".join(t.text for t in tokens)) if x not in w.PARTY_OF}


def _wide(stems: set[str]) -> set[str]:
    out = set(stems)
    for x in stems:
        out |= rel.RELATED.get(x, set())
    return out


_OFFER = {fr.IMP, fr.POSSIB, fr.MAY, fr.HEDGE}


def main_clause_frames(sentence: fr.Sentence) -> list[fr.Frame]:
    """The frames of the main clause: the root verb and the verbs joined to it by "and" / "or"."""
    main = []
    for f in sentence.frames:
        tok = sentence.doc[f.i]
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ == "ROOT":
            main.append(f)
    return main


def _threat(f: fr.Frame) -> bool:
    return f.modal in (fr.MAY, fr.HEDGE) and bool(f.agent) and w.YOU not in f.agent and not f.passive


def consequence_alone(
    out: fr.Sentence, srcs: list[fr.Sentence], context: list[fr.Sentence], result: Assessment
) -> None:
    """ "Your case will go back to court." for "If you do not keep to the terms, your case will be restored back to
    Court": the letter's consequence said as a plain fact, its condition left out. Compared on the words of the
    clause the condition governs, of the rest of the sentence and of the condition, so it does not depend on the
    two sentences using the same verb."""
    from easyread.verify.unsupported import _DEFINITION

    if any(p.kind == "condition" for p in result.problems):
        return
    if out.question or _IF_WORDS.search(out.text) or _CONTINUES.match(out.text) or _DEFINITION.match(out.text):
        return  # a question, its own condition, a link to the sentence before, or a word explained
    if any(f.cond or f.conditions for f in out.frames) or not out.frames or _generic(out):
        return
    mine = _stems(t for t in out.doc if not t.is_punct)
    if not mine:
        return
    for src in srcs:
        for text, ids, governed in _condition_spans(src):
            if _example(src, ids, governed):
                continue
            cond = _stems(src.doc[i] for i in ids)
            on_governed = len(mine & _wide(_stems(src.doc[i] for i in governed)))
            rest = _stems(t for t in src.doc if t.i not in ids | governed and not t.is_punct)
            means = _means(src, governed)
            if means and not mine & _wide(_stems(src.doc[i] for i in governed - means)) - w.LIGHT_VERBS:
                # "You can call the helpline" for "If you're 75 or over, you can ask for a kit by phoning the
                # helpline": the line says only how the letter's action is done, which the condition does not govern
                continue
            if not on_governed or on_governed <= max(len(mine & _wide(cond)), len(mine & _wide(rest))):
                continue  # the sentence says the condition, or another part of the letter's sentence
            if _otherwise(out, src, ids) or _done_already(src, governed):
                continue
            wanted = {f.group for f in src.frames if f.i in ids} - w.LIGHT_VERBS
            for ctx in context:
                if (ctx.question or _IF_WORDS.search(ctx.text)) and _stems(ctx.doc) & _wide(cond):
                    return  # asked in the sentence before: "Do you rent your home? ..."
                if any(f.group in wanted and f.modal in (fr.IMP, fr.OBLIG) for f in ctx.frames):
                    return  # "Please contact us. It helps us ...": the condition's action is asked for
            hard = _HARD_CONDITION.search(text) or compare_facts("", text).invented
            # "We may issue a Notice" is what may happen to the reader, not an offer to them: a "may" is an offer only
            # when the reader is the one who may act.
            offer = all(f.modal in _OFFER and not f.neg and not _threat(f) for f in main_clause_frames(out))
            if _GENERIC_CONDITION.match(text) or (not hard and (offer or _SOFT_CONDITION.match(text))):
                # "Please talk to us" for "If you are in difficulty, please talk to us": an offer or a request
                # without the reader's situation; the rules cannot weigh that, the model is asked.
                if not any(k == "condition" for k, _ in result.undecided):
                    result.undecided.append(("condition", f'The letter says this only "{quote(text)}".'))
                return
            result.problems.append(
                Problem(
                    "condition",
                    f'The letter says this happens only "{quote(text)}"; this sentence says it without that condition.',
                )
            )
            return


def _example(src: fr.Sentence, ids: set[int], governed: set[int]) -> bool:
    """ "you may have to wait longer for a collection, for example, if you change from a Monday to a Thursday": an "if"
    after "for example" that follows what it governs gives one case of it, not the only one."""
    first = min(ids)
    before = src.doc[max(0, first - 3) : first].text.lower()
    said_before = any(src.doc[i].tag_.startswith("VB") for i in governed if i < first)
    return said_before and bool(re.search(r"\b(for example|for instance|e\.g\.)\s*,?$", before))


def _means(sentence: fr.Sentence, governed: set[int]) -> set[int]:
    """Token ids of the "by -ing" phrases ("by phoning the helpline") of the clause a condition governs."""
    found: set[int] = set()
    for t in sentence.doc:
        if t.i in governed and t.lower_ == "by" and t.dep_ == "prep":
            if any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in t.children):
                found |= {x.i for x in t.subtree}
    return found


_DEFINING = {"be", "mean", "let", "allow"}


def _generic(out: fr.Sentence) -> bool:
    """ "A Possession Order lets us take back your home.", "A benefit is money from the government to help you.": a
    statement about a kind of thing (an indefinite subject) explains a word; it is never a consequence."""
    root = next((t for t in out.doc if t.dep_ == "ROOT"), None)
    # The base form, not the verb group: "let" is grouped with "tell" for "let us know".
    if root is None or w.base(root.lower_) not in _DEFINING:
        return False
    subj = [c for c in root.children if c.dep_ == "nsubj" and c.tag_.startswith("NN")]
    return bool(subj) and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in subj[0].children)


def _otherwise(out: fr.Sentence, src: fr.Sentence, ids: set[int]) -> bool:
    """ "Please contact me ..., if you do not contact me, the Council will request a Court Order": a condition
    that denies the very action this sentence asks for is the letter's "otherwise", said of what comes after it;
    it cannot be the condition of the request (the parse often hangs it on the request)."""
    denied = {f.group for f in src.frames if f.i in ids and f.neg}
    return any(f.group in denied and not f.neg and f.modal in (fr.IMP, fr.OBLIG, fr.SHOULD) for f in out.frames)


def _done_already(src: fr.Sentence, governed: set[int]) -> bool:
    """ "PIP has been introduced to help with extra costs if you have a long-term health condition": a condition on
    the reader now cannot govern a thing already done; the parse hung it on the wrong verb. Nor is "If you pay by
    Direct Debit, we have made the adjustments" a threat or a promise: it tells the reader what has been done in
    their case, so the done thing said alone is not made certain by leaving the "if" out."""
    main = [f for f in src.frames if f.i in governed and src.doc[f.i].dep_ == "ROOT"]
    return bool(main) and all(f.past for f in main)


def _misparsed_condition(sentence: fr.Sentence) -> list[tuple[str, set[int], set[int]]]:
    """ "If your circumstances change or if you are unable to pay you should contact us": the parser makes the "if"
    clause the root and hangs the consequence on it; the consequence is the later clause with its own subject and a
    must / should / will / may."""
    root = next((t for t in sentence.doc if t.dep_ == "ROOT"), None)
    if root is None or not any(c.dep_ == "mark" and c.lower_ in _COND_MARK for c in root.children):
        return []
    then = [
        f
        for f in sentence.frames
        if f.i > root.i
        and f.modal not in (fr.PLAIN, fr.IMP)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in sentence.doc[f.i].children)
    ]
    if not then:
        return []
    governed = {t.i for t in sentence.doc[then[0].i].subtree}
    ids = {t.i for t in sentence.doc} - governed
    return [(" ".join(sentence.doc[i].text for i in sorted(ids)), ids, governed)]


def consequence_dropped(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "If your financial situation changes or you can't pay the agreed amounts." for "If your financial
    circumstances change or if you are unable to pay the agreed amounts you should contact this office
    immediately": the letter's condition kept, what then happens left out. Found on words, because the parse often
    takes the second half of such a condition for a main clause."""
    if any(p.kind == "condition" for p in result.problems) or out.question:
        return
    if not re.match(r"^\s*(if|unless|provided|providing|should you)\b", out.text, re.IGNORECASE):
        return
    mine = _stems(t for t in out.doc if not t.is_punct)
    for src in srcs:
        for text, ids, governed in _condition_spans(src) or _misparsed_condition(src):
            cond = _wide(_stems(src.doc[i] for i in ids))
            then = _stems(src.doc[i] for i in governed if not src.doc[i].is_punct) - cond
            if not then or not mine & cond:
                continue
            if mine & _wide(then) or _same_outcome(out, src, governed):
                return  # it says (some of) what happens then
            message = f'This sentence keeps the letter\'s condition ("{quote(text)}") but not what happens then.'
            # "If your situation changes or you can't pay the agreed amounts.": with no comma after the "if" part, the
            # parse takes its second half for a main clause; it is the condition alone
            alone = re.match(r"^\s*(if|unless)\b[^,]*$", out.text, re.IGNORECASE)
            if not alone and any(_consequence_of_its_own(out, f) for f in main_clause_frames(out)):
                # "If you follow the rules and pay on time, we won't do anything." for "..., no further action will be
                # taken": a consequence of its own, in other words; whether it is the letter's, the model is asked
                result.undecided.append(("condition", message))
            else:
                result.problems.append(Problem("condition", message))
            return


def _consequence_of_its_own(out: fr.Sentence, f: fr.Frame) -> bool:
    """A verb of the sentence's main clause, outside its condition, that says something happens ("we can help you"),
    not a sentence that is only its "if" part ("If you can't pay the money back at the rate we set.")."""
    tok = out.doc[f.i]
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        if _marks(tok) & _COND_MARK:
            return False
        tok = tok.head  # "If you pay ..., but you then miss ...": the second verb is still the condition's
    return not f.cond and not _marks(tok) & _COND_MARK and f.group not in w.LIGHT_VERBS


def _same_outcome(out: fr.Sentence, src: fr.Sentence, governed: set[int]) -> bool:
    """ "we will not take you to court" for "we will not escalate any case to Court": what happens then said in other
    verbs, by the same party with the same will / must and the same "not" (a party word is no content stem)."""
    theirs = {
        (f.agent, f.modal, f.neg)
        for f in src.frames
        if f.i in governed and not f.cond and f.agent and f.modal != fr.PLAIN
    }
    if any((f.agent, f.modal, f.neg) in theirs for f in out.frames if not f.cond and f.agent):
        return True
    # "If you can't attend, let us know" for "... inform us ... if you're unable to attend": the same action in
    # another verb of its group, with the same "not" (the letter's "and inform us" after "Please" parses plain).
    # Only the verb the condition hangs on counts, not one inside it ("lose the right to pay"), on both sides.
    acts = {
        (f.group, f.neg)
        for f in src.frames
        if f.i in governed
        and f.group not in w.LIGHT_VERBS
        and any(c.dep_ == "advcl" and c.i not in governed for c in src.doc[f.i].children)
    }
    return any((f.group, f.neg) in acts for f in out.frames if f.conditions and not f.cond)


def _leading_condition(src: fr.Sentence, verb) -> tuple[str, set[int]] | None:
    """ "If you want to claim PIP call 0800 917 2222 by 12 December 2023": with no comma the parser makes the "if"
    clause the root and hangs the order on it; the condition is what comes before the order's own words."""
    first = src.doc[0] if len(src.doc) else None
    if first is None or first.lower_ not in _COND_MARK or first.i in {t.i for t in verb.subtree}:
        return None
    ids = set(range(0, verb.left_edge.i))
    return (" ".join(src.doc[i].text for i in sorted(ids)), ids) if len(ids) > 1 else None


def _verb_above(tok):
    while not tok.tag_.startswith("VB") and tok.head.i != tok.i:
        tok = tok.head
    return tok if tok.tag_.startswith("VB") else None


def obligation_unconditional(
    out: fr.Sentence, srcs: list[fr.Sentence], context: list[fr.Sentence], result: Assessment
) -> None:
    """ "This call must be made by 12 December 2023." for "If you want to claim PIP call 0800 917 2222 by 12 December
    2023.": the letter's action and deadline, which hold only under its "if", said as an order to everyone. The
    verbs often differ ("call" / "be made"), so the two are matched on what they share: a date, amount or phone
    number the letter puts on the action the condition governs, or the thing that action is done to. An order is
    what a resident obeys, so one that lost its condition makes them act (or believe they are in breach) when the
    letter does not ask it of them."""
    from easyread.checks.facts import extract_facts
    from easyread.verify.unsupported import _DEFINITION

    if any(p.kind == "condition" for p in result.problems) or out.question or not srcs:
        return
    if _IF_WORDS.search(out.text) or _DEFINITION.match(out.text):
        return
    if _CONTINUES.match(out.text) and out.doc[0].dep_ != "det":
        return  # "It must be done by ...": goes on from the sentence before; "This call must ..." names its action
    orders = [f for f in out.frames if f.modal == fr.OBLIG and not f.neg and not f.cond and not f.conditions]
    if not orders:
        return
    mine = _stems(t for t in out.doc if not t.is_punct)
    my_facts = {(f.kind, f.value) for f in extract_facts(out.text)}
    my_objects = {x for f in orders for x in f.objects if x not in w.PARTY_OF}
    for src in srcs:
        anchors = []  # the letter's tokens this sentence shares: a fact, or the object of the action
        for fact in extract_facts(src.text):
            if (fact.kind, fact.value) in my_facts:
                anchors += [t for t in src.doc if fact.start <= t.idx < fact.end][:1]
        for f in src.frames:
            if f.objects & my_objects:
                anchors.append(src.doc[f.i])
        spans = _condition_spans(src) or _misparsed_condition(src)
        for anchor in anchors:
            verb = _verb_above(anchor)
            if verb is None:
                continue
            found = [
                (text, ids)
                for text, ids, governed in spans
                if verb.i in governed and anchor.i not in ids and not _done_already(src, governed)
            ]
            if not found:
                lead = _leading_condition(src, verb)
                found = [lead] if lead else []
            for text, ids in found:
                if _GENERIC_CONDITION.match(text):
                    continue
                cond = _stems(src.doc[i] for i in ids)
                if not cond or mine & _wide(cond):
                    continue  # the condition is said ("To claim PIP, you must call ...")
                if any(_stems(ctx.doc) & _wide(cond) for ctx in context):
                    continue  # said in the sentence before: "Do you want to claim PIP?", "Call us to claim PIP."
                result.problems.append(
                    Problem(
                        "condition",
                        f'The letter says this only "{quote(text)}"; this sentence makes it an order for everyone.',
                    )
                )
                return
