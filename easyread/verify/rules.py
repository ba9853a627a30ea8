"""Does an Easy Read sentence say what its letter sentence(s) say? Rules on the parse, no model.

Each check compares frames (easyread.verify.frames) of the output with the frames of its sources that name
the same action: who does it, who pays whom, must / may / will, "not", the "if" it depends on, and which
action a deadline or amount belongs to. Then words of substance that neither the sources nor the glossary
say, and garbled fragments. Easy Read's own changes (active for passive, "we" for the council, "you" for the
reader, "Do you rent your home?" for "If you rent your home") compare equal, so they raise nothing.

What the rules cannot settle (an action the sources never name, one unexplained word) is returned as
`undecided` for a second opinion from the model; the rules never pass it silently as checked.
"""

from __future__ import annotations

import re

from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.additions import (
    everyone_added,
    heading_made_promise,
    lead_in_changed,
    name_changed,
    no_main_clause,
    qualifier_added,
    reason_borrowed,
    threat_added,
)
from easyread.verify.chains import glossary_order_alone
from easyread.verify.claims import claim_problems
from easyread.verify.condition_moved import condition_moved
from easyread.verify.conditions import consequence_alone, consequence_dropped, hanging_if, obligation_unconditional
from easyread.verify.debts import payment_made_debt
from easyread.verify.denials import denials_lost, identity_changed
from easyread.verify.doer_swapped import doer_swapped
from easyread.verify.dropped import where_dropped
from easyread.verify.facts_moved import (
    fact_problems,
    place_moved,
    place_word_changed,
    rate_dropped,
    rate_problems,
    subject_changed,
)
from easyread.verify.findings import KINDS, Assessment, Problem, read
from easyread.verify.fragments import cut_against_letter, fragment_problems, list_short
from easyread.verify.happened import happened_problems, still_to_come_problems
from easyread.verify.lead_read import read_problems
from easyread.verify.money_flow import money_flow_reversed
from easyread.verify.money_pots import benefit_made_a_bill, discount_made_a_payment, payee_changed, pot_changed
from easyread.verify.moved import anchor_changed, before_after_swapped, deadline_moved_to_us, fact_left_condition
from easyread.verify.orders import (
    definition_differs,
    explanation_added,
    obligation_added,
    offer_reversed,
    promised_on_contact,
)
from easyread.verify.parties import clause_changed, frame_problems, thing_swapped
from easyread.verify.promises import consequence_added, help_offered, soon_promised, way_added
from easyread.verify.referents import contact_changed, pronoun_shifted
from easyread.verify.rights import right_problems
from easyread.verify.shifts import deadline_made_appointment, getter_reversed, proof_dropped, reader_made_others
from easyread.verify.stances import finality_reversed, main_stance_problems, negation_moved, noun_denied
from easyread.verify.status_conditions import (
    condition_cause_dropped,
    decision_made_fact,
    status_condition_dropped,
)
from easyread.verify.unsaid import unsaid_problems
from easyread.verify.unsupported import promise_problems, word_problems
from easyread.verify.weakened import certainty_weakened, obligation_weakened

__all__ = ["KINDS", "Assessment", "Problem", "assess", "verify_sentence"]


def assess(sources: list[str], output: str, *, glossary=None, context: str = "") -> Assessment:
    """Problems the rules find in `output` against its `sources`, and what they could not decide.

    `context` is the Easy Read text just before `output` (the same point or paragraph): a condition it
    asks ("Do you rent your home?") carries over, and "do this" may refer to its action.
    """
    result = Assessment()
    sources = [s for s in (x.strip() for x in sources) if s]
    output = output.strip()
    if not output:
        return result
    parts = _context_sentences(output, last=0)
    if len(parts) > 1:
        # A split into short sentences: each is checked with the ones before it as context.
        for n, part in enumerate(parts):
            one = assess(sources, part, glossary=glossary, context=" ".join([context] + parts[:n]).strip())
            result.problems += [p for p in one.problems if p not in result.problems]
            result.undecided += one.undecided
        return result
    if _glossary_words(output, sources, glossary, context) and not glossary_order_alone(
        output, sources, context, glossary
    ):
        return result
    out = read(output)
    srcs = [read(s) for s in sources]
    ctx = [read(c) for c in _context_sentences(context)]
    fragment_problems(
        out,
        result,
        labels=bool(srcs) and all(not s.frames for s in srcs),
        starts_lower=any(s[:1].islower() for s in sources),
    )
    if _same_words(output, sources):
        # Still a fragment when it was one in the letter ("who to phone if you cannot pay", a list item without
        # its lead-in), but no meaning error.
        return result
    hanging_if(out, result)
    list_short(out, result)
    if not sources:
        result.undecided.append(("invented", "No letter sentence was recorded for this sentence."))
        return result
    cut_against_letter(out, srcs, result)
    restated = _restated(sources, output, glossary)
    frame_problems(out, srcs, ctx, result, glossed=" ".join(restated))
    consequence_alone(out, srcs, ctx, result)
    consequence_dropped(out, srcs, result)
    condition_moved(out, srcs, result)
    obligation_unconditional(out, srcs, ctx, result)
    status_condition_dropped(out, srcs, ctx, result)
    condition_cause_dropped(out, srcs, result)
    decision_made_fact(out, srcs, result)
    doer_swapped(out, srcs, result)
    thing_swapped(out, srcs, result)
    clause_changed(out, srcs, result)
    main_stance_problems(out, srcs, result)
    negation_moved(out, srcs, result)
    noun_denied(out, srcs, result)
    denials_lost(out, srcs, result)
    identity_changed(out, srcs, result)
    finality_reversed(out, srcs, result)
    right_problems(out, srcs, result)
    if not result.problems:
        happened_problems(out, srcs, result)
    if not result.problems:
        still_to_come_problems(out, srcs, result)
    _comparative(out, sources, result)
    support = " ".join(sources)
    claim_problems(out, srcs, ctx, _glossary_support(support, glossary), result)
    fact_problems(out, srcs, ctx, support, _glossary_support(support, glossary), result)
    rate_problems(out, srcs, result)
    rate_dropped(out, srcs, ctx, result)
    where_dropped(out, srcs, ctx, result)
    pronoun_shifted(out, srcs, ctx, result)
    contact_changed(out, srcs, result)
    place_moved(out, srcs, result)
    place_word_changed(out, srcs, result)
    payment_made_debt(out, srcs, result)
    obligation_added(out, srcs, result, _explanations(support, f"{context} {output}", glossary) + restated)
    offer_reversed(out, srcs, result)
    promised_on_contact(out, srcs, result)
    explanation_added(out, srcs, ctx, _glossary_support(support, glossary), result)
    definition_differs(out, srcs, glossary, result)
    subject_changed(out, srcs, result)
    proof_dropped(out, srcs, result)
    reader_made_others(out, srcs, result)
    getter_reversed(out, srcs, result)
    deadline_made_appointment(out, srcs, result)
    lead_in_changed(out, srcs, result)
    name_changed(out, srcs, result)
    if not restated:
        # "The council offers help to pay less council tax if ..." for the heading "Council Tax Reduction": the
        # glossary's explanation of the heading's term, in the line's own order, promises nothing of the line's own
        heading_made_promise(out, srcs, result)
    reason_borrowed(out, srcs, glossary, result)
    qualifier_added(out, srcs, result)
    fact_left_condition(out, srcs, result)
    deadline_moved_to_us(out, srcs, result)
    anchor_changed(out, srcs, result)
    before_after_swapped(out, srcs, result)
    certainty_weakened(out, srcs, result)
    obligation_weakened(out, srcs, result)
    threat_added(out, srcs, result)
    everyone_added(out, srcs, result)
    no_main_clause(out, srcs, result)
    way_added(out, srcs, result)
    soon_promised(out, srcs, result)
    help_offered(out, srcs, result)
    consequence_added(out, srcs, result)
    pot_changed(out, srcs, result)
    benefit_made_a_bill(out, srcs, result)
    discount_made_a_payment(out, srcs, result)
    payee_changed(out, srcs, result)
    money_flow_reversed(out, srcs, result)
    read_problems(out, srcs, ctx, glossary, result)
    unsaid_problems(out, srcs, ctx, _glossary_support(support, glossary), result)
    if not result.problems:
        promise_problems(out, sources, result)
    if not any(p.kind == "invented" for p in result.problems):
        word_problems(out, sources, glossary, result)
    _unmatched(out, srcs, result)
    _date_said_before(output, sources, context, glossary, result)
    result.undecided = list(dict.fromkeys(result.undecided))
    return result


def verify_sentence(sources: list[str], output: str, *, glossary=None, context: str = "") -> list[Problem]:
    """Every problem the rules find with `output` as a rewrite of the letter sentences `sources`."""
    return assess(sources, output, glossary=glossary, context=context).problems


def _glossary_support(text: str, glossary) -> str:
    if glossary is None:
        return text
    try:
        return " ".join([text] + [e.explanation for e in glossary.terms_in(text)])
    except Exception:  # see _supported_stems
        return text


def _same_words(output: str, sources: list[str]) -> bool:
    """The line is a letter sentence word for word (a sentence already plain, or the fallback's "the letter's own
    sentence"): it cannot change the letter's meaning, so it is not marked for a meaning error (it can still be
    a fragment: a list item cut from its lead-in)."""

    def norm(text: str) -> str:
        return re.sub(r"[\s’']+", " ", text).strip(" .").casefold()

    return norm(output) in {norm(s) for s in sources}


def _glossary_words(output: str, sources: list[str], glossary, context: str = "") -> bool:
    """The line is the glossary's own explanation of a term of the letter sentence, word for word ('"Eviction"
    means: When a landlord makes you leave your home.', as the fallback writes it, or one sentence of it): it says
    what the council's glossary says, so the letter sentence is not the measure of it ("landlord" there is not a
    party the rewrite brought in). Flagging it would mark a line for a person for nothing."""
    from easyread.documents.sentences import split_block_text

    if glossary is None or not sources:
        return False
    try:
        entries = glossary.terms_in(" ".join(sources))
    except Exception:  # see _glossary_support
        return False
    said = re.sub(r"\s+", " ", output).strip().casefold()
    said_as = _SAID_AS.match(said)
    for e in entries:
        explanation = re.sub(r"\s+", " ", e.explanation).strip()
        whole = f'"{e.term}" means: {explanation}'.casefold()
        if said == whole or said in (x.casefold() for x in split_block_text(whole)):
            return True
        parts = [x.strip().casefold() for x in split_block_text(explanation)]
        # One sentence of the explanation alone, only after a line that names the term: a repair gave back "Papers
        # that show something is true." with no "evidence" anywhere near it (read in a real draft).
        if said in parts and e.term.casefold() in context.casefold():
            return True
        # Its first sentence, split before lower-casing: the splitter does not cut "someone. the carer ...".
        first = parts[0] if parts else ""
        if said_as and first and _says_explanation(said_as, e.term.casefold(), first, context.casefold()):
            return True
    return False


# "A tenancy is ...", "This means ...": a line that says what something is, as a glossary explanation would.
_SAID_AS = re.compile(r"^(?:(?:an?|the) )?(?P<who>.+?) (?:is|are|means) (?P<rest>.+?)\.?$")
_ARTICLE = re.compile(r"^(?:an?|the) ")


def _says_explanation(said_as: re.Match, term: str, first: str, context: str) -> bool:
    """The glossary's explanation (`first`, its first sentence, in lower case) said as a sentence of its own: "A
    tenancy is the agreement that lets you live in a home you rent." (the term named), or "This is the agreement ..."
    after a line that names the term. Read on real model lines: the model words a glossary explanation this way, and
    the letter sentence is not its measure."""
    who, rest = said_as.group("who").strip('"'), _ARTICLE.sub("", said_as.group("rest"))
    if rest != _ARTICLE.sub("", first.rstrip(".")):
        return False
    return who == term or (who in ("this", "it", "that") and term in context)


def _explanations(text: str, output: str, glossary) -> list[str]:
    """The glossary's explanations of the terms the letter sentence uses and the output names (it explains them)."""
    if glossary is None:
        return []
    try:
        named = {e.term.casefold() for e in glossary.terms_in(output)}
        return [e.explanation for e in glossary.terms_in(text) if e.term.casefold() in named]
    except Exception:  # see _glossary_support
        return []


def _restated(sources: list[str], output: str, glossary) -> list[str]:
    """The glossary's explanations of the letter's terms that the sentence restates in its own order ("A paper from
    the court says you must pay the money you owe" for "Liability order"), without naming the term: most of its
    words of substance are the explanation's."""
    from easyread.documents.sentences import split_block_text

    if glossary is None or not sources:
        return []
    mine = w.content_stems(output)
    if len(mine) < 2:
        return []
    try:
        entries = glossary.terms_in(" ".join(sources))
    except Exception:  # see _glossary_support
        return []
    text = " ".join(sources)
    found = []
    for e in entries:
        if _qualified(e.term, text, mine) or 3 * len(mine & w.content_stems(e.explanation)) < 2 * len(mine):
            continue
        # It must say what the thing is (the explanation's first sentence, "A paper from the court."), or it is the
        # explanation's order said to the reader bare ("You must leave your home."), which the letter does not give.
        what = w.content_stems(split_block_text(e.explanation)[0])
        if 3 * len(what & mine) >= 2 * len(what):
            found.append(e.explanation)
    return found


def _qualified(term: str, text: str, said: set[str]) -> bool:
    """ "Suspended Possession Order": the letter's term has a word of substance before it that the sentence does not
    say, so the glossary's "Possession Order" ("you must leave your home") is not what the letter names."""
    for m in re.finditer(re.escape(term), text, re.IGNORECASE):
        before = re.findall(r"[A-Za-z’']+", text[: m.start()])[-1:]
        if before and w.content_stems(before[0]) and not w.content_stems(before[0]) & said:
            return True
    return False


# "This is the date when your subscription will stop.": a line that names no date but points at the one the line
# before it gives.
_THIS_DATE = re.compile(
    r"^(?:this|that|it)\s+is\s+(?:the|your)\s+(?:date|day|deadline|last day)\s+"
    r"(?:when\s+|that\s+|by which\s+|on which\s+|(?=(?:you|your|we|our|it|the|they)\b))(?P<rest>\w.+?)\W*$",
    re.IGNORECASE,
)


def _date_said_before(output: str, sources: list[str], context: str, glossary, result: Assessment) -> None:
    """The date a "This is the date when ..." line points at, checked as if the line said it: read in a real draft,
    "When you renew your subscription, it will start on 1 April 2022." "This is the date when your subscription
    will stop." (the letter's subscription runs until 31 March 2023). Only a date the line before holds alone."""
    from easyread.checks.facts import extract_facts

    match = _THIS_DATE.match(output)
    if not match or any(p.kind == "fact-moved" for p in result.problems):
        return  # first, as every line the verifier reads comes here: the context is split only for such a line
    before = _context_sentences(context, last=1)
    if not before:
        return
    dates = [f for f in extract_facts(before[0]) if f.kind == "date"]
    if len(dates) != 1:
        return
    rest = match.group("rest")
    said = assess(sources, f"{rest[:1].upper()}{rest[1:]} on {dates[0].text}.", glossary=glossary)
    result.problems += [p for p in said.problems if p.kind == "fact-moved"]


def _context_sentences(context: str, last: int = 3) -> list[str]:
    from easyread.documents.sentences import split_block_text

    return split_block_text(context)[-last:] if context.strip() else []


def _comparative(out: fr.Sentence, sources: list[str], result: Assessment) -> None:
    """'Urgent repairs take longer' where the letter says they are faster: the old rule, which is precise."""
    from easyread.simplify.meaning_rules import comparative_flip

    if any(p.kind == "negation" for p in result.problems):
        return
    flip = comparative_flip(out.text, sources)
    if flip and flip.startswith("The letter says"):
        result.problems.append(Problem("negation", flip))


def _unmatched(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """An obligation, denial or payment on an action the sources never name: for the model to judge."""
    if result.problems:
        return
    groups = {f.group for s in srcs for f in s.frames}
    for f in out.frames:
        if f.group in groups or f.group in w.LIGHT_VERBS:
            continue
        if f.money:
            result.undecided.append(("money", f"The letter does not say who will {f.verb} whom in these words."))
        elif f.modal in (fr.OBLIG, fr.NOOBLIG) or f.neg:
            result.undecided.append(
                ("modal", f'The letter does not use "{f.verb}": the rules cannot compare what must or must not happen.')
            )
