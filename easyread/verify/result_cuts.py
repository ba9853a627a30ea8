"""More cuts of long letter sentences that keep each clause's link, beside `easyread.verify.clause_cuts`.

As there, each cut proposes pieces made of the sentence's own words plus a link word, and the caller keeps a cut
only when every piece passes the meaning rules against the letter's sentence. Each returns the pieces, or None
when it does not apply:

* "Failure to X by D will result in Y being done" becomes "Do you X by D?" "If not, Y will be done.", and
  "Paying after X will result in you being liable for Y" becomes "Do you pay after X?" "Then you will be liable
  for Y.": the cause asked, the result kept with its link;
* "If you don't A, and we can't B you may C" becomes "Do you A?" "If not, can we B?" "If not, you may C.", and
  "If you A and don't B, C" becomes "Do you A?" "If so, do you B?" "If not, C." (and "If you A, but you then B,
  C" likewise): both conditions must hold, so each is asked only when the one before it is met;
* "If you contact us, it will help us ..." (which `cuts._condition_first` ends at "If you", reading "contact us"
  as a request) and "If you do not X you will Y" (a "not" with no comma) are asked, the consequence with its link;
* "Would you like A, B, C, D, E or F?" becomes "Would you like A, B or C?" "Or would you like D, E or F?": a
  long list of things asked in shorter questions, each with its verb.

These run before the consequence cuts of `easyread.verify.cuts` so that "If X, but Y, A and B" asks its two
questions once, not once for A and again for B.
"""

from __future__ import annotations

import re

from easyread.checks.nlp import parse
from easyread.verify import words as w
from easyread.verify.clause_cuts import _NEGATION, _NOT_HELPER
from easyread.verify.cuts import question, split_clauses, tidy, words

_RESULT_IN = re.compile(
    r"^(?:(?P<failure>[Ff]ailure|[Ff]ailing)\s+to\s+(?P<what>.+?)|(?P<doing>[A-Z][a-z]{2,}ing)\s+(?P<rest>.+?))"
    r"\s+(?P<modal>will|may|could|can|would)\s+result\s+in\s+(?P<result>.+?)[.!]?$"
)
# "legal action being taken in the County Court": what the result is, said as its own clause.
_BEING = re.compile(r"^(?P<who>you|(?:\w+\s+){0,3}?\w+)\s+being\s+(?P<said>\w+\b.*)$", re.I)


def _result_in(sentence: str) -> list[str] | None:
    """'Failure to make payment or contact us by 4 June 2026 will result in legal action being taken in the County
    Court without further notice.' → 'Do you make payment or contact us by 4 June 2026?' 'If not, legal action will
    be taken in the County Court without further notice.' Only a cause with no negation, condition or "without"
    (a "failure to attend without cancelling" is not a failure to attend), and a result that says its own doer."""
    match = _RESULT_IN.match(sentence)
    if not match:
        return None
    if match.group("failure"):
        cause = match.group("what")
    else:
        doing = w.base(match.group("doing"))
        if not doing or doing == match.group("doing").lower() or doing in ("be", "have"):
            return None  # "Nothing will result in ...", "Being late will ...": not a thing the reader does
        cause = f"{doing} {match.group('rest')}"
    if _NEGATION.search(cause) or re.search(r"\b(without|unless|if|when|until|and)\b", cause, re.I):
        return None
    result = match.group("result")
    being = _BEING.match(result)
    if (
        being is None
        or re.search(r"\b(and|or|of|to|for|by)\b", being.group("who"), re.I)
        or re.search(r"\bbeing\b", being.group("said"), re.I)
    ):
        return None  # "will result in a wasted slot and you will ...": no single doer to say the result with
    asked = question(f"you {cause}")
    if asked is None or words(cause) < 2:
        return None
    who = being.group("who")
    who = who if who == "I" else who[:1].lower() + who[1:]
    said = f"{who} {match.group('modal')} be {being.group('said')}"
    link = "If not," if match.group("failure") else "Then"
    return [asked, tidy(f"{link} {said}")]


_TWO_PARTS = re.compile(r"^if\s+(?P<first>[^,]+?),?\s+(?P<join>and|but)\s+(?P<rest>.+)$", re.I)
# Where the consequence starts after the second condition, when no comma says so.
_CONSEQUENCE = re.compile(
    r",?\s+(?=(?:you|we|they|the\s+council|your\s+\w+)\s+(?:may|will|might|could|can|must|should|would)\b)", re.I
)
# A second condition that shares the first's subject: "If you miss your appointment and don't tell us".
_NO_SUBJECT = re.compile(r"^(?:do|does|did|can|will|have|has)\s*(?:not|n't)\b|^(?:cannot|can't|won't)\b", re.I)
_SUBJECT = re.compile(r"^(you|we|they|i|it|the\s+\w+|your\s+\w+)\b", re.I)


def _asked(condition: str) -> tuple[str, bool] | None:
    """'we can't solve the problem' → ('Can we solve the problem?', True): the condition asked without its "not",
    and whether it had one. None when a "not" would leave a question that says something else ("Have you still
    paid?") or the parse gives no safe question."""
    condition = condition.strip(" ,")
    if re.search(r"\b(and|or|but|unless|if|when|until)\b", condition, re.I):
        return None
    then = re.match(r"^(?P<subject>you|we|they)\s+then\s+(?=\w)", condition, re.I)
    if then:
        # "you then miss another instalment": asked with its "then" after the subject ("Do you then miss ...?").
        found = _asked(f"{then.group('subject')} {condition[then.end() :]}")
        subject = then.group("subject").lower()
        return (found[0].replace(f" {subject} ", f" {subject} then ", 1), found[1]) if found else None
    found = _NOT_HELPER.match(condition)
    if not found:
        if _NEGATION.search(condition):
            return None
        asked = question(condition)
        return (asked, False) if asked else None
    if _NEGATION.search(found.group("rest")) or re.search(r"\b(still|yet|already|ever|any\s+more)\b", condition, re.I):
        return None
    helper = "can" if found.group("cannot") else "will" if found.group("wont") else found.group("helper")
    asked = question(f"{found.group('subject')} {helper} {found.group('rest')}")
    return (asked, True) if asked else None


def _two_conditions(sentence: str) -> list[str] | None:
    """'If you don't talk to us, and we can't solve the problem you may receive a Notice of Seeking Possession.' →
    'Do you talk to us?' 'If not, can we solve the problem?' 'If not, you may receive a Notice of Seeking
    Possession.'; 'If you miss your appointment and don't tell us, you may ...' → 'Do you miss your appointment?'
    'If so, do you tell us?' 'If not, you may ...'; 'If you pay X, but you then miss Y, we will Z' → 'Do you pay
    X?' 'If so, do you then miss Y?' 'Then we will Z.': both conditions must hold, so the second is asked only
    when the first holds, and the consequence only when both do. Two plain parts joined by "and" are left to
    `clause_cuts.and_questions`."""
    from easyread.verify.cuts import _REQUEST, order

    plain = sentence.replace("\u2019", "'")
    match = _TWO_PARTS.match(plain)
    if not match or not _SUBJECT.match(match.group("first")):
        return None
    rest = match.group("rest")
    split = next((m for m in _CONSEQUENCE.finditer(rest) if m.start() > 0), None)
    if split is None:
        comma = rest.find(", ")
        if comma < 0 or not (order(rest[comma + 2 :]) or _REQUEST.match(rest[comma + 2 :])):
            return None
        second, main = rest[:comma], rest[comma + 2 :].strip()
    else:
        second, main = rest[: split.start()], rest[split.end() :].strip(" ,")
    if _NO_SUBJECT.match(second.strip()):
        second = f"{_SUBJECT.match(match.group('first')).group(1)} {second.strip()}"
    first_q, second_q = _asked(match.group("first")), _asked(second)
    if first_q is None or second_q is None:
        return None
    if match.group("join").lower() == "and" and not (first_q[1] or second_q[1]):
        return None  # two plain parts before a request are `clause_cuts.and_questions`
    if words(main) < 3 or re.search(r"\b(if|unless|when)\b", main, re.I):
        return None
    # The consequence of a met plain condition says "Then", as `cuts.answer` does, so its clauses can be cut
    # apart each with the link (`clause_cuts.keep_link`).
    link = ["If not," if first_q[1] else "If so,", "If not," if second_q[1] else "Then"]
    asked = second_q[0] if second_q[0].startswith("I ") else second_q[0][:1].lower() + second_q[0][1:]
    lower = main.split()[0].lower() in ("you", "we", "they", "the", "your", "please") or order(main)
    said = tidy(f"{link[1]} {main[:1].lower() + main[1:] if lower else main}")
    # "Then A and B": each clause with the link, not the two questions said again for each (`_each_consequence`).
    return [first_q[0], f"{link[0]} {asked}", *split_clauses(said)]


_ONE_CONDITION = re.compile(
    r"^if\s+(?P<condition>[^,]+?)(?:,\s+|\s+(?=(?:you|we|they|the\s+council)\s+"
    r"(?:will|may|might|could|can|must|should|would)\b))(?P<main>\w.*)$",
    re.I,
)
# "and" joining a second subject's clause: two conditions, which one question would not ask.
_AND_CLAUSE = re.compile(r"\band\s+(?:you|we|they|i|it|the|your|our|he|she|this|there)\b", re.I)


def _one_condition(sentence: str) -> list[str] | None:
    """'If you contact us, it will help us to understand why your account is in arrears.' → 'Do you contact us?'
    'Then it will help us to understand why your account is in arrears.'; 'If you do not want to tell us about your
    finances you will have to pay ...' → 'Do you want to tell us about your finances?' 'If not, you will have to
    pay ...': a condition that `cuts._condition_first` ends too early ("If you contact ..." read as a request) or
    not at all (a "not" with no comma), asked, and its consequence kept with its link."""
    from easyread.verify.cuts import _REQUEST, _clause, answer, order

    match = _ONE_CONDITION.match(sentence.replace("\u2019", "'"))
    if not match:
        return None
    condition, main = match.group("condition"), re.sub(r"^then\s+", "", match.group("main").strip(), flags=re.I)
    if re.search(r"\b(or|but|if|unless|when|where|until)\b", condition, re.I) or _AND_CLAUSE.search(condition):
        return None
    if re.search(r"\band\b", condition, re.I):
        if _NEGATION.search(condition):
            return None  # "if you do not pay and call us": which part the "not" reaches is not clear
        found = (question(condition), False)  # one doer's two verbs: one question, both must hold
    else:
        found = _asked(condition)
    asked = found[0] if found else None
    if asked is None or words(condition) < 2 or words(main) < 3 or re.search(r"\b(if|unless|when)\b", main, re.I):
        return None
    if not (_clause(main) or order(main) or _REQUEST.match(main)) or re.search(r",\s+and\b", main):
        return None  # "If X, A, and this could ...": `cuts._each_consequence` says the condition with each
    if found[1]:
        lower = main.split()[0].lower() in ("you", "we", "they", "the", "your", "it", "this", "no") or order(main)
        return [asked, tidy(f"If not, {main[:1].lower() + main[1:] if lower else main}")]
    return [asked, answer(main)]


_LIST_QUESTION = re.compile(
    r"^(?P<ask>(?:or\s+)?(?:would\s+you\s+like|do\s+you\s+(?:need|want|require)))\s+(?P<items>[^?]+)\?$", re.I
)
_MAX_ASKED = 12


def _list_question(sentence: str) -> list[str] | None:
    """'Would you like Braille, British Sign Language, a hearing loop, translations, large print, audio or something
    else?' → 'Would you like Braille, British Sign Language or a hearing loop?' 'Or would you like translations,
    large print, audio or something else?': things offered with "or", asked a few at a time (not "and", which
    asks for all of them together)."""
    match = _LIST_QUESTION.match(sentence)
    if not match or match.group("ask").lower().startswith("or"):
        return None
    body = match.group("items")
    last = re.match(r"^(?P<head>.+),?\s+or\s+(?P<tail>[^,]+)$", body)
    if not last or re.search(r"\b(and|if|that|which|who)\b|\d", body, re.I):
        return None
    items = [i.strip() for i in last.group("head").split(",")] + [last.group("tail").strip()]
    if len(items) < 4 or any(not i or words(i) > 4 for i in items):
        return None
    ask = match.group("ask")
    for size in (3, 2):
        count = -(-len(items) // size)
        groups = [items[n * len(items) // count : (n + 1) * len(items) // count] for n in range(count)]
        if any(len(g) < 2 for g in groups):
            continue  # one thing on its own would read as the only one offered
        out = []
        for n, group in enumerate(groups):
            listed = f"{', '.join(group[:-1])} or {group[-1]}"
            lead = ask if n == 0 else f"Or {ask[:1].lower()}{ask[1:]}"
            out.append(f"{lead} {listed}?")
        if all(words(q) <= _MAX_ASKED + 2 and _has_verb(q) for q in out):
            return out
    return None


def _has_verb(text: str) -> bool:
    """The parse finds the question's verb ("like" read as a verb, not as "similar to")."""
    root = next((t for t in parse(text) if t.dep_ == "ROOT"), None)
    return root is not None and root.tag_.startswith("VB")


def _offered_list(sentence: str) -> list[str] | None:
    """'If you would like Braille, ..., audio or something else please tell us ...' → the list asked a few at a
    time (`_list_question`), then the request: the whole question, parsed as no verb, would not pass on its own."""
    from easyread.verify.cuts import _condition_first

    asked = _condition_first(sentence)
    if not asked or len(asked[0]) != 1:
        return None
    listed = _list_question(asked[0][0])
    return [*listed, asked[1]] if listed else None


CUTS = (_result_in, _two_conditions, _offered_list, _list_question, _one_condition)
