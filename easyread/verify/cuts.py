"""Cuts of one long letter sentence into shorter ones, using only the sentence's own words.

Each cut proposes pieces; `easyread.verify.fallback.shorten` keeps a cut only when every piece passes the meaning
rules against the letter's sentence. `steps` lists the cuts, boldest first (`easyread.verify.result_cuts` early):

* an empty lead-in ("Please note that", "Unfortunately") is taken off;
* a sentence that opens with a condition ("If you are unable to pay, please contact us ...") becomes the
  condition asked as a question and the action on its own ("Are you unable to pay?" "Please contact us ...");
* "Whilst X, Y" becomes "X." "But Y."; "As X, Y" becomes "X." "So Y.";
* "..., so that / so / in order that ..." becomes its own sentence ("This is so that ..."), "... in order to ..."
  becomes "This is to ...", and "..., which may mean ..." becomes "This may mean ...";
* a condition that ends a sentence is asked right before the clause it governs;
* "If X, A and B" becomes "If X, A." "If X, B.";
* two verbs of one subject ("The NHS is no longer offering X and is extending Y") become two sentences;
* a condition of two parts ("If you are unable to pay and would like to talk, please ...") is asked as two
  questions, the second starting "And" (`easyread.verify.clause_cuts.and_questions`);
* then the cuts of `easyread.verify.clause_cuts` (consequences joined by "or", alternatives, purposes of a
  relative clause, "that may ..." clauses, a "With the cost of ..." lead) and of `easyread.verify.phrase_cuts`
  (lists, asides, contact routes, purposes, relative clauses);
* last, two main clauses joined by "and" / "but" / ";" become two sentences (`split_clauses`).
"""

from __future__ import annotations

import re

from easyread.checks.nlp import parse
from easyread.verify import words as w

# Words that open a condition (or a time that works as one): a cut must not leave a piece without it.
CONDITIONAL = {"if", "unless", "provided", "providing", "when", "whenever", "until", "once", "where", "while"}
MAX_WORDS = 15


def words(text: str) -> int:
    """Words as the readability target counts them."""
    return len([x for x in text.split() if re.search(r"\w", x)])


def steps(sentence: str):
    """Each way to cut `sentence` once, boldest first, as lists of pieces (at least one piece changed)."""
    from easyread.verify import clause_cuts, phrase_cuts, result_cuts

    plain = no_lead_in(sentence)
    if plain != sentence:
        yield [plain]
    plain = _should_as_if(sentence)
    if plain != sentence:
        yield [plain]
    asked = _condition_first(sentence)
    if asked:
        yield asked[0] + [asked[1]]
        # The action whole may read as garbled to the meaning rules ("the packages the Council has introduced to
        # help ..." parsed apart from its condition) where the action cut further does not.
        for cut in clause_cuts.CUTS:
            parts = cut(asked[1])
            if parts:
                yield asked[0] + parts
    for cut in (
        *result_cuts.CUTS,
        _writing_because,
        _concession,
        _each_consequence,
        _purpose,
        _which,
        _trailing_condition,
        _shared_subject,
        *clause_cuts.CUTS,
        *phrase_cuts.CUTS,
    ):
        parts = cut(sentence)
        if parts and parts != [sentence]:
            yield parts
    clauses = split_clauses(sentence)
    if len(clauses) > 1:
        yield clauses


_LEAD_IN = re.compile(
    r"^(please\s+(also\s+)?(note|be\s+aware)\s+that\s+|unfortunately,?\s+|finally,?\s+|similarly,\s+|"
    r"in\s+addition,\s+|we\s+would\s+like\s+to\s+(remind|inform)\s+you\s+that\s+|"
    r"(our|my)\s+records\s+show\s+(that\s+)?(?=(you|your|we|the)\b)|according\s+to\s+(our|my)\s+records,?\s+|"
    r"however,?\s+(?=(you|your|we|the|if)\b)|(we|you\s+may)\s+(know|are\s+aware|be\s+aware)\s+that\s+)",
    re.I,
)


def no_lead_in(sentence: str) -> str:
    """'Please note that your stay ...' → 'Your stay ...': the lead-in says nothing of its own."""
    rest = _LEAD_IN.sub("", sentence, count=1)
    return rest if rest == sentence else rest[:1].upper() + rest[1:]


_SHOULD = re.compile(r"^should\s+(you|we)\s+(?!not\b|n[’']t\b)", re.I)


def _should_as_if(sentence: str) -> str:
    """'Should you require any help, please call us.' → 'If you require any help, please call us.': the same
    condition in the word the condition cuts and the reader know."""
    match = _SHOULD.match(sentence)
    return f"If {match.group(1).lower()} {sentence[match.end() :]}" if match else sentence


# Where the action after a leading condition starts: after a comma, or at a word that starts an instruction.
_ACTION_START = re.compile(
    r",\s+(?=(please|you|we|i|call|contact|phone|ring|tell|let|speak|email|write|do\s+not|don't|then|our|this|it)\b)"
    r"|\s+(?=(please|call|phone|ring|contact|tell|let\s+(?:me|us)|you\s+(should|must|can|will|may|need)|we\s+(will|can|may))\b)",
    re.I,
)
_RUN_ON = re.compile(r"\b(so|and|or|but)$|\b(you|we)\s*(will|'ll|must|should|need to)\b", re.I)
_CONDITION_OR = re.compile(r",?\s+or\s+(?:if\s+)?(?=(?:you|your|the|we|it|they)\b)", re.I)
_BE = {"am", "is", "are", "was", "were"}
_AUX = (
    _BE
    | {"can", "could", "will", "would", "should", "may", "might", "must"}
    | {"have", "has", "had", "do", "does", "did"}
)
# "you're 75 or over" asked as "Are you 75 or over?", not "Do you're ...?": the helper in full before it moves.
_IN_FULL = {"re": "are", "ve": "have", "m": "am"}


_CONTACT_VERB = r"(please\s+)?(call|phone|ring|contact|tell|let|speak|email|write)"
# A request, or advice to get in touch: after a question it needs no "Then" to say it is for the reader.
_REQUEST = re.compile(rf"^(please\b|{_CONTACT_VERB}\b|you\s+(should|must|can|need\s+to)\s+{_CONTACT_VERB}\b)", re.I)


def answer(action: str) -> str:
    """The action after its condition asked as a question: a request as it stands ("Please call us."), anything
    else with "Then" ("Then we will write to you."), so a consequence does not read as true whatever the answer
    (the split-conditional rule of benchmarks/easyread_bench/meaning/README.md); a "so" before it gives way to
    the "Then"."""
    action = action.strip(" ,").rstrip(".")
    # "A so B if C" asked as "A." "C?" "So B." reads as B because of A, whatever the answer (read in a real draft:
    # "So we will not escalate any case to Court."): the answer says "Then", and A stays said before the question.
    action = re.sub(r"^so\s+", "", action, flags=re.I)
    if _REQUEST.match(action) or order(action) or re.match(r"^(then|this\s+(is|means))\b", action, re.I):
        return tidy(action)
    first = action.split()[0]
    lower = first.lower() in _FOLLOWING and not (len(first) > 1 and first.isupper())
    return tidy(f"Then {action[:1].lower() + action[1:] if lower else action}")


def order(text: str) -> bool:
    """Text that tells the reader to do something: its first word is a plain verb ("Pay the full amount ...")."""
    doc = parse(text)
    return len(doc) > 1 and doc[0].dep_ == "ROOT" and doc[0].tag_ == "VB"


def _condition_first(sentence: str) -> tuple[list[str], str] | None:
    """'If you are unable to come, please call us.' → (['Are you unable to come?'], 'Please call us.')."""
    match = re.match(r"^(if|when)\s+", sentence, re.I)
    if not match:
        return None
    start = _ACTION_START.search(sentence, match.end())
    if start:
        condition = sentence[match.end() : start.start()].strip(" ,")
        action = sentence[start.end() :].strip()
    else:
        from easyread.verify.clause_cuts import parsed_condition

        parts = parsed_condition(sentence)
        if parts is None:
            return None
        condition, action = parts
    if _RUN_ON.search(condition, 1):
        # "If you want X because Y you'll need Z, so you should W": cut at "you should", it asked "..., so?"
        return None
    if re.search(r"\b(and if|but)\b", condition, re.I) or not action:
        # "if X and if Y", "if you pay X, but you then miss Y": both must hold, which two questions (or one
        # question with "but" in it) would not say
        return None
    if re.search(r"\b(not|never|no longer|nothing|cannot)\b|n[’']t\b", condition, re.I):
        # "Do you not pay within seven days?" reads as a reproach, not the letter's condition; "Can we not change
        # the decision in your favour?" (read in a real draft) as a question nobody can answer
        return None
    joined = [p for p in _CONDITION_OR.split(condition) if p.strip()]
    from easyread.verify.clause_cuts import and_questions

    both = and_questions(condition) if len(joined) == 1 and _REQUEST.match(action) else None
    if both:
        return both, answer(action)
    asked = [question(p) for p in joined]
    if any(q is None for q in asked):
        return None
    asked = [asked[0]] + [f"Or {q[:1].lower()}{q[1:]}" if not q.startswith("I ") else f"Or {q}" for q in asked[1:]]
    return asked, answer(action)


def question(clause: str) -> str | None:
    """'you are unable to come' → 'Are you unable to come?'; None when the parse gives no safe question."""
    # "If you think X then please contact me" splits with "then" left on the condition: "...Team then?" (letter 06).
    clause = re.sub(r"[\s,]+then\s*$", "", clause.strip(), flags=re.I)
    clause = re.sub(
        r"\b(you|we|they|I)['\u2019](re|ve|m)\b", lambda m: f"{m[1]} {_IN_FULL[m[2].lower()]}", clause, flags=re.I
    )
    doc = parse(clause)
    subj = next((t for t in doc if t.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None or subj.left_edge.i != 0:
        return None
    verb = subj.head
    after = doc[subj.right_edge.i + 1 :]
    if not len(after):
        return None
    first = after[0]
    rest = after[1:].text if len(after) > 1 else ""
    if first.lower_ in _AUX and (first.i < verb.i or first.lower_ in _BE):
        helper, tail = first.text, rest
    elif verb.i == first.i and verb.tag_ == "VBP":
        helper, tail = "do", after.text
    elif verb.i == first.i and verb.tag_ in ("VBZ", "VBD"):
        base = w.base(verb.text)
        if not (base in w.VERB_GROUP or base in w.BASES):
            base = _plain_form(verb.text) if verb.tag_ == "VBZ" else ""
        if not base:
            return None
        helper = "does" if verb.tag_ == "VBZ" else "did"
        tail = " ".join([base] + ([rest] if rest else []))
    else:
        return None
    subject = doc[: subj.right_edge.i + 1].text
    subject = subject if subject == "I" or subj.tag_ in ("NNP", "NNPS") else subject[:1].lower() + subject[1:]
    text = f"{helper[:1].upper()}{helper[1:].lower()} {subject} {tail}".strip()
    return tidy(text.rstrip(".,;")).rstrip(".") + "?"


def _plain_form(verb: str) -> str:
    """'commences' → 'commence', 'applies' → 'apply', 'pushes' → 'push': the regular -s forms ("has" is not)."""
    verb = verb.lower()
    if not re.fullmatch(r"[a-z]{4,}s", verb) or verb in ("has", "does", "is", "was"):
        return ""
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if re.search(r"(ss|sh|ch|x|z|o)es$", verb):
        return verb[:-2]
    return verb[:-1]


_PURPOSE = re.compile(r",?\s+(so\s+that|in\s+order\s+that|so)\s+(?=(we|you|i|they|another|the|it|your)\b)", re.I)

_IN_ORDER_TO = re.compile(r",?\s+(in\s+order\s+to)\s+(?=[a-z]+\b)", re.I)


def _purpose(sentence: str) -> list[str] | None:
    """'Please call us so that we can help.' → ['Please call us.', 'This is so that we can help.'];
    '... by 20 April in order to prevent a court claim.' → ['... by 20 April.', 'This is to prevent a court claim.']."""
    match = _IN_ORDER_TO.search(sentence)
    if match and match.start() >= 3 and not re.match(r"^(if|when|unless)\b", sentence, re.I):
        head, tail = sentence[: match.start()].strip(" ,"), sentence[match.end() :].strip()
        if words(head) >= 3 and words(tail) >= 3:
            return [tidy(head), tidy(f"This is to {tail}")]
    match = _PURPOSE.search(sentence)
    if not match or match.start() < 3 or re.match(r"^(if|when|unless)\b", sentence, re.I):
        return None
    if match.group(1).lower() == "so" and re.search(r"\b(do|does|did|doing|done)$", sentence[: match.start()], re.I):
        # "if you do so you can carry on" is "do that", not a purpose: cut there it gave "..., and if you do."
        # and an invented "This is so you can carry on" (a council tax reminder, read in the tests).
        return None
    head = sentence[: match.start()].strip(" ,")
    tail = sentence[match.end() :].strip()
    if words(head) < 3 or words(tail) < 3:
        return None
    if match.group(1).lower() == "so" and not re.match(r"^\S+\s+(can|could|may|might)\b", tail, re.I):
        # "... their rent so we will not escalate any case" is a result ("so" as "and because of that"), not a
        # purpose: "This is so we will not ..." misread it (Hackney letter 01).
        return [tidy(head), tidy(f"So {tail}")]
    return [tidy(head), tidy(f"This is {match.group(1).lower()} {tail}")]


def _which(sentence: str) -> list[str] | None:
    """'Emergencies can arise which may mean your admission is rebooked.' → two sentences, 'This may mean ...'."""
    # "which is a breach of your lease": a "which is" naming what the whole clause amounts to; "the form which is
    # enclosed" (no "a", "an" or "the" after it) tells which form and stays whole.
    match = re.search(
        r",?\s+which\s+(?=(may|might|will|can|could|means?|meant|would|(is|was)\s+(a|an|the)\b))", sentence, re.I
    )
    if not match or words(sentence[: match.start()]) < 3:
        return None
    tail = re.sub(r"^mean\b", "means", sentence[match.end() :])
    return [tidy(sentence[: match.start()]), tidy("This " + tail)]


_CONCESSION = re.compile(
    r"^(whilst|while|although|though|as|because)\s+(?=(?:you|we|i|it|the|your|our|this|there|every|a|an|some|any)\b)",
    re.I,
)


_WRITING_AS = re.compile(
    r"^((?:I am|We are) writing to you)\s+(?:as|because)\s+(?=(?:you|your|we|our|the|this)\b)", re.I
)


def _writing_because(sentence: str) -> list[str] | None:
    """'We are writing to you as your non-payment ... is a breach of these terms.' → 'We are writing to you.' 'This
    is because your non-payment ... is a breach of these terms.'"""
    match = _WRITING_AS.match(sentence)
    if not match:
        return None
    return [tidy(match.group(1)), tidy("This is because " + sentence[match.end() :])]


def _concession(sentence: str) -> list[str] | None:
    """'Whilst X, Y.' → 'X.' 'But Y.'; 'As X, Y.' → 'X.' 'So Y.' (the clause's own subject, before a comma)."""
    match = _CONCESSION.match(sentence)
    comma = sentence.find(", ", match.end()) if match else -1
    if comma < 0:
        return None
    head, tail = sentence[match.end() : comma], sentence[comma + 2 :]
    if words(head) < 3 or words(tail) < 3:
        return None
    joiner = "So" if match.group(1).lower() in ("as", "because") else "But"
    if re.match(r"^(if|when|unless)\b", tail, re.I):
        return [tidy(head), tail[:1].upper() + tail[1:]]
    return [tidy(head), tidy(f"{joiner} {tail}")]


# Verbs after which "if" means "whether" ("questions to see if you are eligible", "speak to the team to determine if
# you need to be seen sooner"): what follows is what is found out, not a condition. Read in a real draft, the
# second was cut into "Do you need to be seen sooner?" "Then we would like to offer you ... to determine.", an offer
# made on a condition the letter does not set.
ASKS_WHETHER = re.compile(
    r"\b(see|ask|asks|check|know|find\s+out|work\s+out|wonder|decide|determine|assess|confirm|establish|consider|"
    r"understand|review|discuss)$",
    re.I,
)


def _trailing_condition(sentence: str) -> list[str] | None:
    """'Call us by 12 December if you want to claim.' → 'Do you want to claim?' 'Call us by 12 December.'

    Only a condition that ends the sentence and holds no number: a number after it may belong to the action.
    """
    match = re.search(r",?\s+if\s+(?=(?:you|your|the|we|it|they)\b)", sentence, re.I)
    if not match or re.match(r"^(if|when|unless)\b", sentence, re.I):
        return None
    condition, action = sentence[match.end() :].rstrip(" ."), sentence[: match.start()]
    if action.count("(") > action.count(")") or re.match(r"^\(?(as|because|since)\b", action, re.I):
        # "(as the welfare of the person they care for may be at risk if the carer falls ill)": the "if" is the
        # aside's or the reason's own, not a condition of the sentence (asked first, it made carers eligible only
        # if they fall ill)
        return None
    if ASKS_WHETHER.search(action) or re.search(r"\btell\s+(us|you)$", action, re.I):
        return None  # "questions to see if you are eligible": "if" is "whether" here, not a condition
    if re.search(r"\bwhat\s+(?:\w+\s+){0,2}happen$", action, re.I):
        return None  # "advice on what will happen if you are evicted": the happening's condition, not the advice's
    if re.search(r"\b(it|its|them|they|this|these|those)\b", condition, re.I) or re.search(
        r"\bonly\b|[;:]\s*\S+(\s+\S+)?$|\b(as|even)$", action, re.I
    ):
        # Asked first, "Do you claim them?" comes before what "them" names; "can only be required to leave if
        # ..." is "only if", not "if"; "... hours; longer if ..." and "now as if ..." are not the whole action's;
        # "even if" holds whatever the answer ("you have to respond ... even if you have been registering at the
        # same address for many years": asked, it became a condition the duty does not have).
        return None
    plain = re.sub(r"\b[A-Za-z]+-\d+\b", "", condition)  # "Covid-19" is a name, not a number of the action
    if re.search(r"\d|,|\b(if|and|or)\b", plain, re.I) or words(action) < 3 or _second_clause(condition):
        # A number, a list or a second clause in it may belong to the action: "... if you need it and ask ..."
        return None
    asked = question(condition)
    if not asked:
        return None
    # "A, and B if C": the condition governs the clause it ends, so it is asked right before that clause,
    # not before the whole sentence (where a reader would take it as the condition of A).
    clauses = split_clauses(tidy(action))
    return [*clauses[:-1], asked, answer(clauses[-1])]


def _second_clause(condition: str) -> bool:
    """A "that" in the condition other than the one that opens what is said ("you can show that ...")."""
    return any(t.lower_ == "that" and t.dep_ != "mark" for t in parse(condition))


def _shared_subject(sentence: str) -> list[str] | None:
    """'The NHS is no longer offering X and is extending Y.' → two sentences, each with 'The NHS'."""
    from easyread.verify.clause_cuts import keep_link

    linked = keep_link(sentence, _shared_subject)
    if linked:
        return linked if len(linked) > 1 else None
    doc = parse(sentence)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    conj = [c for c in root.children if c.dep_ == "conj" and c.tag_.startswith("VB")]
    if len(subj) != 1 or len(conj) != 1 or subj[0].i > root.i:
        return None
    conj = conj[0]
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
        return None
    shared = _shared_auxiliaries(root, conj)
    if shared is None:
        return None
    cc = [c for c in root.children if c.dep_ == "cc" and root.i < c.i < conj.left_edge.i]
    if len(cc) != 1 or cc[0].lower_ != "and" or any(t.lower_ in CONDITIONAL for t in doc):
        return None
    first = doc[: cc[0].i].text
    if shared and (_TIME_LIMIT.search(doc[conj.left_edge.i :].text) or _TIME_LIMIT.search(doc[cc[0].i + 1 :].text)):
        # "You must pay and send the form by 1 May": the date may hold for paying too, which two sentences lose.
        return None
    verb = " ".join([*shared, doc[conj.left_edge.i :].text])
    second = f"{doc[subj[0].left_edge.i : subj[0].right_edge.i + 1].text} {verb}"
    if words(first) < 4 or words(second) < 4:
        return None
    return [tidy(first), tidy(second[:1].upper() + second[1:] if subj[0].tag_ != "PRP" else second)]


# A time that may limit every verb before it ("by 1 May", "within 14 days", "before the hearing").
_TIME_LIMIT = re.compile(r"\b(by|before|within|until|no later than|after)\b", re.I)


def _shared_auxiliaries(root, conj) -> list[str] | None:
    """The helping verbs the second verb borrows from the first, said again in its own sentence: [] when it has its
    own ("... and is extending Y"), ["will", "be"] for "You will be sent X and notified Y", None when they cannot be
    repeated faithfully (a "not" may govern both; the two verbs are not of the same form)."""
    if any(c.dep_ in ("aux", "auxpass") for c in conj.children):
        return []
    aux = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i]
    if not aux:
        return []
    if any(c.dep_ == "neg" for c in root.children):
        return None  # "You must not sign the form and return it": "not" may govern both
    passive = any(c.dep_ == "auxpass" for c in aux)
    if (passive and conj.tag_ not in ("VBN", "VBD")) or (not passive and conj.tag_ != root.tag_):
        return None
    return [c.text.lower() if c.i else c.text for c in aux]


def _each_consequence(sentence: str) -> list[str] | None:
    """'If you do not pay, it is registered as a debt and a court fee is added.' → 'If you do not pay, it is
    registered as a debt.' 'If you do not pay, a court fee is added.': the condition said with each of the things
    that then happen, joined by "and" (not "or" or "but", which two conditional sentences would not say)."""
    doc = parse(sentence)
    if len(doc) < 6 or doc[0].lower_ not in ("if", "when", "unless") or doc[0].dep_ != "mark":
        return None
    clause = doc[0].head
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if clause.dep_ != "advcl" or root is None or root.i <= clause.right_edge.i:
        return None
    condition = doc[: clause.right_edge.i + 1].text.strip(" ,")
    main = doc[clause.right_edge.i + 1 :].text.strip(" ,")
    # The letter's own joint: the meaning rules read "... to repay your arrears, the Council may ..." with a comma
    # the letter did not have as saying someone repays.
    joint = ", " if doc[clause.right_edge.i + 1].text == "," else " "
    if re.search(r"\b(if|when|unless|then)\b", main, re.I):
        return None  # a second condition in the consequence: which part it governs is not clear
    clauses = _and_clauses(main)
    if len(clauses) < 2:
        return None
    pieces = []
    for n, text in enumerate(clauses):
        if n and re.match(r"^this\s+(could|may|might|will|would|can|means?)\b", text, re.I):
            # "..., and this could result in you losing your home": "this" is what happens then, so it carries
            # the condition with it.
            pieces.append(tidy(text[:1].upper() + text[1:]))
            continue
        lower = text.split()[0].lower() in _FOLLOWING and not text[:2].isupper() and not text.startswith("I ")
        pieces.append(tidy(f"{condition}{joint}{text[:1].lower() + text[1:] if lower else text}"))
    return pieces


def _and_clauses(text: str) -> list[str]:
    """`text` cut at each "and" that starts a clause with its own subject, when every part is such a clause
    ("it is registered as a debt in the County Court and a court fee is added"; not "a debt and a fee")."""
    parts, start = [], 0
    for match in re.finditer(r",?\s+and\s+(?=(?:the|a|an|it|this|we|you|they|your|our|i)\b)", text, re.I):
        left, right = text[start : match.start()], text[match.end() :]
        if _clause(left) and _clause(_first_clause(right)):
            parts.append(left)
            start = match.end()
    parts.append(text[start:])
    return parts if len(parts) > 1 and all(_clause(p) for p in parts) else [text]


def _first_clause(text: str) -> str:
    return re.split(r",?\s+and\s+(?=(?:the|a|an|it|this|we|you|they|your|our|i)\b)", text, maxsplit=1, flags=re.I)[0]


def _clause(text: str) -> bool:
    """A verb with its own subject, and nothing before the subject."""
    doc = parse(text[:1].upper() + text[1:])
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or not root.tag_.startswith(("VB", "MD")):
        return False
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    return subject is not None and subject.left_edge.i == 0 and subject.i < root.i


# First words of a consequence that are lower case after "If ..., " (a name keeps its capital).
_FOLLOWING = {"you", "we", "it", "they", "this", "that", "the", "a", "an", "your", "our", "their", "there", "he", "she"}


def split_clauses(sentence: str) -> list[str]:
    """The sentence cut at its main clause boundaries, or whole when a cut could change its meaning."""
    from easyread.verify.clause_cuts import keep_link

    linked = keep_link(sentence, split_clauses)
    if linked:
        return linked
    if re.match(r"^(if|or)\b", sentence, re.I):
        return [sentence]  # "Or A and B": cut, B would lose its link
    doc = parse(sentence)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1 or any(t.dep_ == "mark" and t.lower_ in CONDITIONAL for t in doc):
        return [sentence]
    root = roots[0]
    if any(c.dep_ == "advcl" for c in root.children):
        return [sentence]
    cuts = []
    for conj in (c for c in root.children if c.dep_ == "conj"):
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            continue  # "pay and send the form": one subject, one sentence
        start = conj.left_edge.i
        cc = [c for c in root.children if c.dep_ in ("cc", "punct") and c.i < start]
        if any(c.lower_ in ("or", "nor") for c in cc if c.i > root.i):
            # "Pay by 4 June or you may have to pay court costs": cut, the consequence would stand alone.
            return [sentence]
        cut_at = min((c.i for c in cc if c.i > root.i and all(not (c.i < x.i < start) for x in roots)), default=start)
        if cut_at > 0:
            cuts.append((cut_at, start))
    if not cuts:
        return [sentence]
    pieces, begin = [], 0
    for cut_at, start in sorted(cuts):
        pieces.append(doc[begin:cut_at].text)
        begin = start
    pieces.append(doc[begin:].text)
    pieces = [tidy(p) for p in pieces if p.strip(" ,;")]
    # Only keep the split when every piece is a sentence with a verb of its own.
    if len(pieces) < 2 or any(not any(t.tag_.startswith("VB") for t in parse(p)) for p in pieces):
        return [sentence]
    return pieces


def tidy(piece: str) -> str:
    """A piece as a sentence: no stray commas or spaces at its ends or before punctuation, a capital, a stop."""
    piece = piece.strip(" ,;")
    piece = re.sub(r"\s+([,.;:!?])", r"\1", piece)
    piece = re.sub(r"(\S)\s+'(s|re|ll|ve|d)\b", r"\1'\2", piece)
    piece = piece[:1].upper() + piece[1:]
    return piece if piece[-1:] in ".!?:" else piece + "."
