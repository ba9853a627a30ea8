"""Cuts of a long letter sentence that keep each clause's link to the others, using only the sentence's words.

Like `easyread.verify.cuts` and `easyread.verify.phrase_cuts`, each cut proposes pieces and the caller keeps a cut
only when every piece passes the meaning rules against the letter's sentence. Each piece says its link to the
piece before it ("If you do not, ...", "Or ...", "And ...?", "So ..."), so no consequence or alternative stands on
its own (the split-conditional rule of benchmarks/easyread_bench/meaning/README.md). Each returns the pieces, or
None when it does not apply:

* "You should contact us, or you may be at risk" becomes "You should contact us." "If you do not, you may be at
  risk.": a consequence of not doing what the letter asks;
* a condition of two parts of one subject ("If you are unable to pay and would like to talk, please ...") is
  asked as two questions, the second starting "And" (`and_questions`, used by `cuts._condition_first`);
* "... proceedings that may result in X" becomes "These proceedings may result in X.";
* "... the packages the Council has introduced to help X" becomes "The Council has introduced these packages to
  help X.";
* "If you do not X, Y" becomes "Do you X?" "If not, Y.";
* "I am writing to ask whether X" becomes "I am writing to ask this." and X asked as a question;
* "With the cost of X, we ..." becomes "We have the cost of X." "So we ...";
* "We can help you if you are struggling by telling ..." asks the condition first;
* "... by either A-ing X, B-ing Y or C-ing Z" becomes one sentence per way, each after the first starting "Or".
"""

from __future__ import annotations

import re

from easyread.checks.nlp import parse
from easyread.verify import words as w
from easyread.verify.cuts import _FOLLOWING, CONDITIONAL, _clause, answer, order, question, tidy, words

_NEGATION = re.compile(r"\b(not|never|no|nor|cannot|nothing|none|nobody|neither)\b|n[’']t\b", re.I)

# What the letter asks the reader to do: a consequence joined by "or" is what happens if they do not.
_ASKED = re.compile(r"\b(you\s+(must|should|need\s+to|have\s+to|will\s+need\s+to)|please)\b", re.I)
_OR_ELSE = re.compile(r",?\s+or\s+(else\s+)?(?=\w)", re.I)
# What happens to the reader (not another thing they may do instead: "or you may write to us").
_BEFALLS = {"be", "have", "lose", "receive", "face", "incur", "risk", "become", "get"}
_CONSEQUENCE_MODALS = {"may", "might", "will", "could", "would"}


def _or_else(sentence: str) -> list[str] | None:
    """'You should contact the Council immediately or you may still be at risk for court costs.' → 'You should
    contact the Council immediately.' 'If you do not, you may still be at risk for court costs.'"""
    if re.search(r"\b(either|whether)\b", sentence, re.I) or _NEGATION.search(sentence):
        # "You must not park here or we will fine you": "If you do not" would say the reverse.
        return None
    for match in _OR_ELSE.finditer(sentence):
        head, tail = sentence[: match.start()], sentence[match.end() :].strip()
        if not _ASKED.search(head) and not order(head):
            continue
        doc = parse(tail[:1].upper() + tail[1:])
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is None or not root.tag_.startswith("VB"):
            continue
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        modal = next((c for c in root.children if c.dep_ == "aux" and c.lower_ in _CONSEQUENCE_MODALS), None)
        if subject is None or modal is None or subject.left_edge.i != 0:
            continue
        other_doer = subject.lower_ != "you"
        if not (match.group(1) or other_doer or w.base(root.text) in _BEFALLS):
            continue  # "Please call us or you may write to us": another way, not a consequence
        if words(head) < 3 or words(tail) < 3:
            continue
        lower = tail if subject.tag_ in ("NNP", "NNPS") or tail.startswith("I ") else tail[:1].lower() + tail[1:]
        return [tidy(head), tidy(f"If you do not, {lower}")]
    return None


_AND_PART = re.compile(
    r"\s+and\s+(?=(would|do|does|are|is|have|has|can|need|want|wish|will)\b)",
    re.I,
)


def and_questions(condition: str) -> list[str] | None:
    """'you are unable to settle your account and would like to discuss your arrears' → ['Are you unable to
    settle your account?', 'And would you like to discuss your arrears?']: both parts must hold, and the second
    question says so. None when the condition is not two parts of one subject, or either is not a plain question."""
    match = _AND_PART.search(condition)
    if not match or _AND_PART.search(condition, match.end()):
        return None
    left, right = condition[: match.start()].strip(" ,"), condition[match.end() :].strip(" ,")
    doc = parse(left)
    subject = next((t for t in doc if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.left_edge.i != 0 or subject.head.dep_ != "ROOT":
        return None
    first = question(left)
    second = question(f"{doc[: subject.right_edge.i + 1].text} {right}")
    if first is None or second is None or words(left) < 3 or words(right) < 3:
        return None
    return [first, f"And {second[:1].lower()}{second[1:]}" if not second.startswith("I ") else f"And {second}"]


_MODALS = {"may", "might", "could", "will", "would", "can"}


def _that_may(sentence: str) -> list[str] | None:
    """'This would include issuing further legal proceedings that may result in you losing your home.' → '... legal
    proceedings.' 'These proceedings may result in you losing your home.' Only a "that" clause with a "may",
    "could", "will" ... that ends the sentence, "that" its subject, after a noun no "all", "any" or "every" limits,
    in a sentence with no condition (which would not reach the second sentence)."""
    doc = parse(sentence)
    if any(t.lower_ in CONDITIONAL for t in doc):
        return None
    for clause in doc:
        if clause.dep_ != "relcl" or clause.head.tag_ not in ("NN", "NNS"):
            continue
        noun = clause.head
        that = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        modal = next((c for c in clause.children if c.dep_ == "aux" and c.i < clause.i), None)
        if that is None or that.lower_ != "that" or that.i != noun.i + 1 or modal is None:
            continue
        if modal.lower_ not in _MODALS or modal.i != that.i + 1:
            continue
        if any(not t.is_punct for t in doc[clause.right_edge.i + 1 :]):
            continue
        if noun.lower_ in _QUANTIFIERS or any(t.lower_ in _QUANTIFIERS for t in noun.lefts):
            continue
        head, said = doc[: that.i].text, doc[that.i + 1 : clause.right_edge.i + 1].text
        if words(head) < 4 or words(said) < 3:
            continue
        these = "These" if noun.tag_ == "NNS" else "This"
        return [tidy(head), tidy(f"{these} {noun.text} {said}")]
    return None


_QUANTIFIERS = {"all", "any", "every", "each", "no", "some", "anyone", "anything", "everyone", "someone", "everything"}


def _relative_purpose(sentence: str) -> list[str] | None:
    """'You may qualify for some of the other support packages the Council has introduced to help those who are
    affected by the pandemic.' → '... the Council has introduced.' 'The Council has introduced these support
    packages to help those who are affected by the pandemic.': the purpose said with its own doer and thing."""
    doc = parse(sentence)
    for verb in doc:
        if verb.dep_ != "advcl" or verb.tag_ != "VB" or verb.head.dep_ != "relcl":
            continue
        clause, to = verb.head, verb.left_edge
        noun = clause.head
        if to.lower_ != "to" or to.i != verb.i - 1 or any(not t.is_punct for t in doc[verb.right_edge.i + 1 :]):
            continue
        if noun.tag_ not in ("NN", "NNS") or clause.left_edge.i != noun.i + 1:
            continue  # "the packages which ..." or "the packages that ...": only a clause with no relative word
        if noun.lower_ in _QUANTIFIERS or any(t.lower_ in _QUANTIFIERS for t in noun.lefts):
            continue  # "anything we can do to support you": "this anything" says nothing
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.left_edge.i != clause.left_edge.i:
            continue
        if any(c.dep_ in ("dobj", "nsubjpass") for c in clause.children) or any(
            t.lower_ in CONDITIONAL for t in doc[: to.i]
        ):
            continue  # the noun is not what the clause's verb acts on
        helpers = [c for c in clause.children if c.dep_ in ("aux", "neg") and c.i < clause.i]
        if helpers and helpers[0].i < subject.right_edge.i:
            continue
        these = "these" if noun.tag_ == "NNS" else "this"
        said = " ".join(
            [
                doc[subject.left_edge.i : subject.right_edge.i + 1].text,
                *(h.text for h in helpers),
                clause.text,
                these,
                noun.text,
                doc[to.i : verb.right_edge.i + 1].text,
            ]
        )
        head = doc[: to.i].text
        if words(head) < 4:
            continue
        return [tidy(head), tidy(said[:1].upper() + said[1:])]
    return None


_WITH_COST = re.compile(
    r"^with\s+(?P<what>(?:the|this|these|our)\s+(?:\w+\s+){0,2}?(?:costs?|pressures?|demands?|rises?|increases?)\s+of\s+"
    r"[^,]{6,}),\s+(?P<main>(?P<subject>we|i|the\s+council)\s+.+)$",
    re.I,
)


def _with_cost(sentence: str) -> list[str] | None:
    """'With the additional cost of supporting our residents, we are continuing to ask residents to pay their
    rent.' → 'We have the additional cost of supporting our residents.' 'So we are continuing to ask ...': the cost
    the lead names is the writer's, and the reason for what follows. Only a cost, pressure, demand or rise:
    "With your permission, we will ..." is a condition, not a reason."""
    match = _WITH_COST.match(sentence)
    if not match:
        return None
    subject = match.group("subject")
    have = "has" if subject.lower() == "the council" else "have"
    said = f"{subject[:1].upper()}{subject[1:]} {have} {match.group('what')}"
    main = match.group("main")
    main = main if subject.lower() == "i" else main[:1].lower() + main[1:]
    return [tidy(said), tidy(f"So {main}")]


_MID_IF = re.compile(
    r"^(?P<head>.+?)\s+if\s+(?P<condition>you\s+[^,;]+?)\s+(?P<means>by\s+(?:either\s+)?\w+ing\b.*)$", re.I
)


def _condition_before_means(sentence: str) -> list[str] | None:
    """'We can help you if you are struggling financially by either telling you about ...' → 'Are you struggling
    financially?' 'We can help you by either telling you about ...': the condition asked before the sentence it
    governs, the way ("by ...") kept with its verb."""
    match = _MID_IF.match(sentence)
    if not match or re.match(r"^(if|when|unless)\b", sentence, re.I):
        return None
    head, condition = match.group("head"), match.group("condition")
    if re.search(r"\d|\b(and|or|if)\b", condition, re.I) or _NEGATION.search(condition) or words(head) < 3:
        return None
    asked = question(condition)
    if asked is None:
        return None
    rest = tidy(f"{head} {match.group('means')}")
    # The ways said apart at once: whole, the parser may read "by either telling you ..., or referring you" as
    # "you referring", and the meaning rules reject the piece for a misparse. The first says "Then"; the others
    # "Or", after it.
    ways = _either_by(rest) or [rest]
    return [asked, answer(ways[0]), *ways[1:]]


_NOT_VERBS = {"during", "nothing", "something", "anything", "everything", "morning", "evening", "thing", "bring"}
_WAY = re.compile(r",\s+(?:or\s+)?(?=(\w+ing)\b)|\s+or\s+(?=(\w+ing)\b)", re.I)


def _either_by(sentence: str) -> list[str] | None:
    """'We can help you by either telling you about benefits, referring you for advice or making an agreement.' →
    'We can help you by telling you about benefits.' 'Or we can help you by referring you for advice.' 'Or we can
    help you by making an agreement.': ways joined by "or" (not "and", which the letter means together)."""
    match = re.match(r"^(?P<head>.+?\bby)\s+(?:either\s+)?(?P<ways>\w+ing\b.+)$", sentence, re.I)
    if not match or _NEGATION.search(match.group("head")):
        return None
    head, ways = match.group("head"), match.group("ways").rstrip(" .")
    if any(t.lower_ in CONDITIONAL for t in parse(head)) or words(head) < 3:
        return None
    cuts = [m for m in _WAY.finditer(ways) if (m.group(1) or m.group(2)).lower() not in _NOT_VERBS]
    if not cuts or not re.search(r"\bor\b", ways[cuts[-1].start() : cuts[-1].end()], re.I):
        return None  # "by calling us, writing to us and ..." : the last way is joined by "and" or the list goes on
    items, start = [], 0
    for cut in cuts:
        items.append(ways[start : cut.start()])
        start = cut.end()
    items.append(ways[start:])
    if (
        len(items) < 2
        or any(re.search(r"\band\s+\w+ing\b", i, re.I) for i in items)
        or any(words(i) < 2 for i in items)
    ):
        return None
    lower = head if head.startswith("I ") else head[:1].lower() + head[1:]
    return [tidy(f"{head} {items[0]}")] + [tidy(f"Or {lower} {item}") for item in items[1:]]


_WHETHER = re.compile(
    r"^(?P<head>.*\b(?:ask|asking|wonder|wondering))\s+(?:you\s+)?whether\s+(?P<asked>[^,;]+?)[.?]?$", re.I
)


def _ask_whether(sentence: str) -> list[str] | None:
    """'So I am writing to ask whether there is anything we can do to support you.' → 'So I am writing to ask
    this.' 'Is there anything we can do to support you?': the question the letter asks, asked."""
    match = _WHETHER.match(sentence)
    if not match or words(match.group("head")) < 3 or re.search(r"\bor\b", match.group("asked"), re.I):
        return None  # "whether X or Y" asks which, not yes or no
    asked = question(match.group("asked"))
    return [tidy(f"{match.group('head')} this"), asked] if asked else None


_NOT_HELPER = re.compile(
    r"^(?P<subject>you|we|they|i|it|the\s+\w+|your\s+\w+)\s+(?:(?P<helper>do|does|did|can|is|are|was|were|have|has|will)"
    r"\s*(?:not|n't)|(?P<cannot>cannot|can't)|(?P<wont>won't))\s+(?P<rest>\w.*)$",
    re.I,
)


def _if_not(sentence: str) -> list[str] | None:
    """'If you do not pay the amount within seven days, we will ask the court to issue a summons.' → 'Do you pay the
    amount within seven days?' 'If not, we will ask the court to issue a summons.': the condition asked without its
    "not" and the consequence kept with "If not" (asked as "Do you not pay ...?", it reads as a reproach)."""
    from easyread.verify.phrase_cuts import _main_clause

    doc = parse(sentence)
    if len(doc) < 6 or doc[0].lower_ != "if" or doc[0].dep_ != "mark":
        return None
    clause = doc[0].head
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if clause.dep_ != "advcl" or root is None or root.i <= clause.right_edge.i:
        return None
    condition = doc[1 : clause.right_edge.i + 1].text.strip(" ,")
    main = re.sub(r"^(then)\b\s*", "", doc[clause.right_edge.i + 1 :].text.strip(" ,"), flags=re.I)
    match = _NOT_HELPER.match(condition)
    if not match or re.search(r"\b(and|or|but|unless|if|whether)\b", condition, re.I):
        return None  # "if you do not pay and do not call us": two conditions, not one to ask
    if _NEGATION.search(match.group("rest")) or not _main_clause(main) or words(main) < 3:
        return None
    helper = "can" if match.group("cannot") else "will" if match.group("wont") else match.group("helper")
    asked = question(f"{match.group('subject')} {helper} {match.group('rest')}")
    if asked is None:
        return None
    lower = main.split()[0].lower() in _FOLLOWING and not main[:2].isupper()
    return [asked, tidy(f"If not, {main[:1].lower() + main[1:] if lower else main}")]


def parsed_condition(sentence: str) -> tuple[str, str] | None:
    """'If you are receiving nursing care the value of your property may be taken into account.' → ('you are
    receiving nursing care', 'the value of ...'): where the parse ends the condition, when no comma or word of
    `_ACTION_START` does, and what follows is a clause with its own subject."""
    doc = parse(sentence)
    if len(doc) < 6 or doc[0].dep_ != "mark":
        return None
    clause = doc[0].head
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if clause.dep_ != "advcl" or root is None or root.i <= clause.right_edge.i or clause.head != root:
        return None
    condition = doc[1 : clause.right_edge.i + 1].text.strip(" ,")
    action = doc[clause.right_edge.i + 1 :].text.strip(" ,")
    first = action.split()[0] if action else ""
    if first.lower() not in _FOLLOWING or doc[clause.right_edge.i].tag_.startswith("VB") or words(condition) < 3:
        # "If you are receiving permanent residential or nursing care the value ..." parsed as "If you are
        # receiving": a condition that ends at its verb, or an action that does not start as a clause does, is
        # a misparse.
        return None
    if not _clause(action):
        return None
    return condition, action


_LINK = re.compile(r"^(then|if not,|if you do not,)\s+(?=\w)", re.I)


def keep_link(sentence: str, cut) -> list[str] | None:
    """`cut` of a consequence that opens with its link ("Then A and B", "If not, A and B"), the link said with each
    piece ("Then A." "Then B."), so no piece stands without it; None when `sentence` has no such link."""
    match = _LINK.match(sentence)
    if not match:
        return None
    rest = sentence[match.end() :]
    parts = cut(rest[:1].upper() + rest[1:]) or [rest]
    if len(parts) < 2:
        return [sentence]
    link = match.group(1)
    out = []
    for part in parts:
        first = part.split()[0]
        # Lower case where the letter has it so ("..., and ultimately we may ..."), not a name or "I".
        lower = re.search(rf"\b{re.escape(first.lower())}\b", sentence) is not None and first != "I"
        out.append(tidy(f"{link} {part[:1].lower() + part[1:] if lower else part}"))
    return out


CUTS = (_ask_whether, _if_not, _or_else, _with_cost, _condition_before_means, _either_by, _that_may, _relative_purpose)
