"""Cuts of a long letter sentence at its phrases: lists, asides, contact routes, purposes, relative clauses.

Like `easyread.verify.cuts`, each cut only takes the sentence's own words apart and reorders them (repeating its
subject and helper verbs, or naming a relative clause's noun again); the caller keeps a cut only when every piece
passes the meaning rules against the letter's sentence. Each returns the pieces, or None when it does not apply:

* a whole conditional sentence joined on with a comma ("..., if you do not contact me, the Council will ...",
  "... and, if so, ...") becomes a sentence of its own;
* a list of verb phrases of one subject ("show that you looked into X, claimed Y, and have taken Z") becomes one
  sentence per item, the words before the list repeated;
* a bracketed aside becomes its own sentence: another phone number said with the action ("... by calling A
  (B if using a textphone)" → "... by calling B if using a textphone."), or a clause of its own;
* "... on A or email B" becomes two sentences, the second starting "Or";
* a fronted purpose ("To ensure X, Y", "In order that X, Y") becomes "Y." "This is to ensure X.";
* "... in the event (that) X" becomes the condition asked first; "... in case X" becomes "This is in case X.";
* a "to" clause of purpose that ends the sentence becomes "This is to ...";
* "it is important that you X" and "please ensure that you X" become "Please X.";
* "... because X" (or "... as X" giving a reason) becomes "This is because X."; "... by phoning X" becomes "Please do this by phoning X.";
* a "which" or "who" clause that ends the sentence and only says more of its noun ("... within seven days of its
  issue date, which appears at the top of the notice") becomes "This date appears at the top of the notice.".
"""

from __future__ import annotations

import re

from easyread.checks.nlp import parse
from easyread.verify.cuts import CONDITIONAL, answer, question, tidy, words

_CONTACT = r"(?:call|phone|telephone|ring|email|e-mail|write|contact|text|visit|go)"


def _someone_else_does(verb) -> bool:
    """The list is what someone other than the reader or writer is to do ("I would like my child to join the trip
    and enclose a deposit"): whether the later verbs are theirs or the writer's ("I ... enclose") the parse cannot
    tell. Read in a real draft: "I would like my child to enclose a non-refundable deposit of £50.00." For "we ask
    you to complete the form and return it" every verb is the reader's, so that list is still cut."""
    if verb.dep_ != "xcomp":
        return False
    return any(c.dep_ == "dobj" and c.lower_ not in ("you", "us", "me", "yourself") for c in verb.head.children)


def _verb_list(sentence: str) -> list[str] | None:
    """'You must be able to show that you looked into X, claimed Y, and have taken Z.' → one sentence per verb."""
    if re.search(r"\b(or|not|never|no|nor|n't|either|neither)\b", sentence, re.I):
        # "You must not X, Y or Z", "either X or Y": the items are alternatives or under one negation, which
        # sentences of their own would not say.
        return None
    doc = parse(sentence)
    if any(t.lower_ in CONDITIONAL and t.dep_ in ("mark", "advmod") for t in doc):
        return None  # a condition could belong to every item
    for head in doc:
        if not head.tag_.startswith("VB") or head.dep_ in ("aux", "auxpass"):
            continue
        items = _conjuncts(head)
        if len(items) < 2 or any(any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v.children) for v in items[1:]):
            continue
        verb = _anchor(head, items[1:])
        if verb is None:
            continue
        if _someone_else_does(verb):
            continue
        items = [verb, *items[1:]]
        end = max(t.i for v in items for t in v.subtree)
        if any(not t.is_punct for t in doc[end + 1 :]):
            continue  # words after the list may belong to every item
        if _shared_tail(items[-1]) or any(_joined_oddly(v) for v in items[1:]) or re.search(r"\d", doc[: verb.i].text):
            # "view your account and make a payment at any time by visiting our website": the way, time or place
            # after the last item may belong to every item; "£60" said with each item reads as paid twice.
            continue
        spans = []
        for n, item in enumerate(items):
            start = verb.i if n == 0 else item.left_edge.i
            stop = items[n + 1].left_edge.i if n + 1 < len(items) else end + 1
            tokens = [t for t in doc[start:stop]]
            while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
                tokens.pop()
            while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc"):
                tokens.pop(0)
            if len([t for t in tokens if not t.is_punct]) < 2:
                return None  # "complete and return the form": the first verb's object is the last one's
            spans.append((item, _text(tokens)))
        # Each item takes the words before the first verb; one with helpers of its own ("have taken") not the
        # first verb's helpers, one without shares them ("must pay X and send Y").
        helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
        pieces = []
        for item, text in spans:
            own = item is not verb and any(c.dep_ in ("aux", "auxpass") and c.i < item.i for c in item.children)
            prefix = doc[: helpers[0].i] if own and helpers else doc[: verb.i]
            pieces.append(tidy(f"{_text(prefix)} {text}".strip()))
        if all(words(p) >= 4 for p in pieces):
            return pieces
    return None


# What can hang from the last verb of a list and still say something of every verb in it.
_SHARED = ("prep", "advcl", "advmod", "npadvmod", "agent", "pcomp")


def _shared_tail(last) -> bool:
    """The last verb of a list has a way, time, place or reason after its object ("... by visiting our website")."""
    return any(c.dep_ in _SHARED and c.i > last.i and c.lower_ not in ("also", "too") for c in last.children)


def _joined_oddly(item) -> bool:
    """'..., so please do read it': a verb joined by "so", a "please" or a subordinating word is not a list item."""
    return any(t.lower_ in ("so", "please", "because", "as") or t.dep_ in ("mark", "intj") for t in item.lefts)


def _anchor(head, others):
    """The verb the list starts at: `head`, or the verb of the same form the parser should have joined the others
    to ("be able to show that you looked, claimed and have taken": "looked", not "be"). None when there is none."""
    bare = [v for v in others if not any(c.dep_ in ("aux", "auxpass") and c.i < v.i for c in v.children)]
    if not bare or all(v.tag_ == head.tag_ for v in bare):
        return head
    tag = bare[0].tag_
    if any(v.tag_ != tag for v in bare):
        return None
    fits = [t for t in head.subtree if head.i < t.i < others[0].left_edge.i and t.tag_ == tag]
    # Else an earlier verb the head hangs from: "help you maximise your income by looking at benefits you may be
    # entitled to and access other support" is "help you maximise ... and (help you) access ...".
    fits = [t for t in fits if t.dep_ not in ("aux", "auxpass", "amod")] or [t for t in head.ancestors if t.tag_ == tag]
    return max(fits, key=lambda t: t.i) if fits else None


def _conjuncts(verb) -> list:
    """The verb and the verbs joined to it by "and" (spaCy chains "A, B and C" as A→B→C or as A→B, A→C)."""
    out, todo = [verb], [verb]
    while todo:
        for child in todo.pop().children:
            if child.dep_ == "conj" and child.tag_.startswith("VB") and child not in out:
                out.append(child)
                todo.append(child)
    return sorted(out, key=lambda t: t.i)


def _text(tokens) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


_PHONE = re.compile(r"\b0\d{2,4}(?:\s?\d{2,4}){1,3}\b")


def _aside(sentence: str) -> list[str] | None:
    """'You make your claim by calling A (B if using a textphone).' → '... calling A.' '... calling B if using a
    textphone.'; '(see paragraph 3)' → 'See paragraph 3.'"""
    match = re.search(r"\s*\(([^()]{6,})\)", sentence)
    if not match:
        return None
    head, aside, after = sentence[: match.start()], match.group(1).strip(), sentence[match.end() :]
    rest = tidy(f"{head}{after}")
    number = _PHONE.match(aside)
    numbers = _PHONE.findall(head)
    if number and len(numbers) == 1 and re.match(r"\s+(if|for|when)\b", aside[number.end() :], re.I):
        # Another number for some callers: said with the same action, so no piece is without its verb.
        other = head.replace(numbers[0], aside, 1)
        return [rest, tidy(other)]
    doc = parse(aside)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or not root.tag_.startswith("VB") or words(aside) < 3:
        return None
    if not (any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children) or (root.i == 0 and root.tag_ == "VB")):
        return None
    return [rest, tidy(aside[:1].upper() + aside[1:])]


_OR_CONTACT = re.compile(rf",?\s+or\s+(?={_CONTACT}\b)", re.I)


def _contact_or(sentence: str) -> list[str] | None:
    """'Please contact me via email: A or telephone on B.' → 'Please contact me via email: A.' 'Or telephone on B.'"""
    if not re.match(rf"^(please\s+)?(you\s+(can|should|must|may)\s+)?{_CONTACT}\b", sentence, re.I):
        return None
    match = _OR_CONTACT.search(sentence)
    if not match:
        return None
    head, tail = sentence[: match.start()], sentence[match.end() :]
    if words(head) < 4 or words(tail) < 2:
        return None
    return [tidy(head), tidy(f"Or {tail}")]


def _fronted_purpose(sentence: str) -> list[str] | None:
    """'To ensure confidentiality, we will ask for proof.' → 'We will ask for proof.' 'This is to ensure
    confidentiality.'; also 'To pay by card please call ...' and 'In order that X, Y'."""
    if re.match(r"^(in\s+order\s+that|so\s+that)\s", sentence, re.I):
        # The purpose ends at the first comma after which a main clause starts ("In order that we can plan your
        # stay, and ensure it is efficient, I ask that you attend ...": not at "and ensure").
        cuts = [m.end() for m in re.finditer(r",\s+", sentence)]
        at = next((n for n in cuts if _main_clause(sentence[n:])), None)
        if at is None:
            return None
        purpose, main = sentence[:at], sentence[at:]
    else:
        doc = parse(sentence)
        if len(doc) < 4 or doc[0].lower_ != "to" or doc[0].dep_ != "aux" or doc[0].head.dep_ != "advcl":
            return None
        clause = doc[0].head
        cut = clause.right_edge.i + 1
        purpose, main = doc[:cut].text, doc[cut:].text
        if any(t.lower_ in CONDITIONAL for t in doc[:cut]) or not _main_clause(main.strip(" ,")):
            return None
    main = main.strip(" ,")
    purpose = purpose.strip(" ,")
    if words(main) < 3 or words(purpose) < 2:
        return None
    return [tidy(main[:1].upper() + main[1:]), tidy(f"This is {purpose[:1].lower()}{purpose[1:]}")]


def _main_clause(text: str) -> bool:
    """Text that is a sentence on its own: a verb with its subject, or an order ("Please call ...", "Call ...")."""
    if re.match(r"^(and|or|but|so|then|ensuring|which)\b", text, re.I):
        return False
    doc = parse(text[:1].upper() + text[1:])
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or not root.tag_.startswith("VB"):
        return False
    subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)
    return subject or (root.tag_ == "VB" and all(t.lower_ == "please" or t.is_punct for t in doc[: root.i]))


def _main_verb(verb) -> bool:
    """The sentence's main verb, one joined to it, or what it asks or says ("We ask that you settle ...")."""
    while verb.dep_ in ("conj", "ccomp", "xcomp"):
        verb = verb.head
    return verb.dep_ == "ROOT"


_TAKES = {"take", "takes", "took", "taken", "taking", "cost", "costs"}


def _infinitive_purpose(sentence: str) -> list[str] | None:
    """'A copy may be presented in court to form the basis of an order.' → 'A copy may be presented in court.'
    'This is to form the basis of an order.' Only a "to" clause that hangs from the main verb and ends the
    sentence (not "need to pay", which the parser joins as the verb's complement)."""
    doc = parse(sentence)
    for verb in doc:
        if verb.dep_ != "advcl" or verb.tag_ != "VB" or verb.head.i > verb.i or not _main_verb(verb.head):
            continue
        to = verb.left_edge
        if to.lower_ != "to" or to.i != verb.i - 1 or any(not t.is_punct for t in doc[verb.right_edge.i + 1 :]):
            continue
        joins = [t for t in doc[verb.head.i : to.i] if t.dep_ == "cc" or t.lower_ == "or"]
        if any(t.lower_ != "and" or t.head.tag_.startswith("VB") for t in joins):
            continue  # "contact me by email or telephone to speak to an Officer": the purpose is the second verb's
        if not any(verb.head.i < c.i < to.i for c in verb.head.children):
            continue  # "I am writing to ask ...": "So I am writing." says nothing on its own
        if verb.head.lower_ in _TAKES and any(c.lower_ == "it" for c in verb.head.children):
            continue  # "it may take time to find a space": what takes time, not a purpose
        head, purpose = doc[: to.i].text, doc[to.i : verb.right_edge.i + 1].text
        if words(head) >= 4 and words(purpose) >= 3 and not any(t.lower_ in CONDITIONAL for t in doc[: to.i]):
            return [tidy(head), tidy(f"This is {purpose}")]
    return None


def _new_condition(sentence: str) -> list[str] | None:
    """'Please contact me today, if you do not contact me, the Council will go to court.' → 'Please contact me
    today.' 'If you do not contact me, the Council will go to court.': a whole conditional sentence joined on
    with a comma (or ", and, if so, ...") is a sentence of its own, its condition and consequence together."""
    for match in re.finditer(r"(?:,\s+and|\s+and)?,\s+(?=if\b)", sentence, re.I):
        head, tail = sentence[: match.start()], sentence[match.end() :]
        comma = re.match(r"^(if\s+so|if\s+[^,]{3,}?),\s+(.+)$", tail, re.I)
        if not comma or not _main_clause(head) or not _main_clause(comma.group(2)):
            continue
        if words(head) >= 3:
            return [tidy(head), tidy(tail[:1].upper() + tail[1:])]
    return None


# "... as this may affect ...", "... as car parking on the site is limited ...": "as" giving a reason, its clause's
# subject and verb right after it (not "as soon as", "as well as", "such as", "as shown").
_AS_REASON = re.compile(
    r",?\s+as\s+(?!if\b|though\b)(?=(?:this|it|there|we|they|(?:(?:the|your|our)\s+)?[a-z]+(?:\s+[a-z]+)?(?:\s+on\s+the\s+\w+)?)"
    r"\s+(?:is|are|may|will|can|has|have|was|were|might|could)\b)",
    re.I,
)


_AS_NOT_REASON = re.compile(r"\b(soon|well|such|long|far|so|same|much|many|just)$", re.I)
# "as you are told", "as we have agreed", "as it is shown on your bill": the way, not a reason.
_AS_MANNER = re.compile(
    r"^(?:you|i)\b|^(?:\w+\s+){1,3}(?:agreed|told|asked|discussed|explained|requested|shown|described|stated|"
    r"mentioned|arranged|set\s+out|required|needed|due)\b",
    re.I,
)


def _because(sentence: str) -> list[str] | None:
    """'We are sending you this certificate because you did not respond.' → 'We are sending you this certificate.'
    'This is because you did not respond.' Only a reason that ends the sentence, after the main clause."""
    match = re.search(r",?\s+because\s+(?=(?:you|your|the|we|it|they|this|there|of)\b)", sentence, re.I)
    if not match:
        # "as soon as it is due", "as long as you pay": a time or a condition, not a reason
        match = next(
            (
                m
                for m in _AS_REASON.finditer(sentence)
                if not _AS_NOT_REASON.search(sentence[: m.start()]) and not _AS_MANNER.match(sentence[m.end() :])
            ),
            None,
        )
    if not match or re.match(r"^(if|when|unless|because|as)\b", sentence, re.I):
        return None
    head, tail = sentence[: match.start()], sentence[match.end() :]
    if words(head) < 4 or words(tail) < 3 or re.search(r"\b(not|never|no)\b|n't\b", head, re.I):
        return None  # "We did not write because ...": the reason may be the one denied
    return [tidy(head), tidy(f"This is because {tail}")]


def _by_means(sentence: str) -> list[str] | None:
    """'Please let us know seven days before by phoning the number on your letter.' → 'Please let us know seven
    days before.' 'Please do this by phoning the number on your letter.' Only a "by ...ing" that ends the
    sentence and hangs from the main verb, said again with the main verb's subject and helpers."""
    doc = parse(sentence)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or not root.tag_.startswith("VB") or any(t.lower_ in CONDITIONAL for t in doc):
        return None
    if root.lower_ in _BE or any(c.dep_ == "nsubj" and c.lower_ in ("this", "it", "that") for c in root.children):
        return None  # "This is to help you ... by looking": "This do this" says nothing; only a doer does
    # "by" may hang from the main verb or a verb it joins or asks ("let us know ... by phoning"): "do this"
    # then stands for all of them, as the letter's "by" did.
    by = next((t for t in doc if t.lower_ == "by" and t.i > root.i and _main_verb(t.head)), None)
    if by is None or not any(c.tag_ == "VBG" for c in by.children) or doc[by.i - 1].lower_ in ("and", "or"):
        return None
    if any(not t.is_punct for t in doc[by.right_edge.i + 1 :]) or any(t.dep_ == "neg" for t in doc[: by.i]):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    helpers = [c for c in root.children if c.dep_ == "aux" and c.i < root.i]
    if subject is not None:
        doer = " ".join([doc[subject.left_edge.i : subject.i + 1].text, *(h.text for h in helpers)])
    elif root.i == 0 or (root.i == 1 and doc[0].lower_ == "please"):
        doer = "Please" if root.i == 1 else ""
    else:
        return None
    head = doc[: by.i].text
    means = doc[by.i : by.right_edge.i + 1].text
    if words(head) < 4 or words(means) < 3:
        return None
    return [tidy(head), tidy(f"{doer} do this {means}".strip())]


_BE = {"be", "is", "are", "was", "were", "am", "been", "being", "'s", "'re"}


_EVENT = re.compile(r",?\s+in\s+the\s+event(?:\s+that)?\s+(?=\w)", re.I)
_IN_CASE = re.compile(r",?\s+in\s+case\s+(?=(?:you|your|the|we|it|they|there)\b)", re.I)


def _event(sentence: str) -> list[str] | None:
    """'A copy may be used in court in the event the Council takes action.' → 'Does the Council take action?'
    'A copy may be used in court.'; '... in case we need it.' → '...' 'This is in case we need it.'"""
    match = _IN_CASE.search(sentence)
    if match and words(sentence[: match.start()]) >= 3:
        # "Bring your letter in case we need it" is a precaution, not a condition: asked as a question, it
        # would read as "only if".
        return [tidy(sentence[: match.start()]), tidy(f"This is in case {sentence[match.end() :]}")]
    match = _EVENT.search(sentence)
    if not match or re.match(r"^(if|when|unless)\b", sentence, re.I):
        return None
    action, condition = sentence[: match.start()], sentence[match.end() :].rstrip(" .")
    if words(action) < 3 or re.search(r"\d|,|\b(if|and|or)\b", condition, re.I):
        return None
    asked = question(condition)
    return [asked, answer(action)] if asked else None


_IMPORTANT = re.compile(
    r"^(?P<lead>(?:while|when|before|after)\s+[a-z]+ing\b[^,]*?,?\s+)?(?:it\s+is\s+(?:very\s+|really\s+)?important|"
    r"please\s+(?:ensure|make\s+sure))\s+(?:that\s+)?you\s+(?P<verb>[a-z]+)\b(?P<rest>.*)$",
    re.I,
)


def _important(sentence: str) -> list[str] | None:
    """'While waiting for your appointment it is important that you keep fit.' → 'Please keep fit while waiting
    for your appointment.'"""
    match = _IMPORTANT.match(sentence)
    if not match:
        return None
    verb = match.group("verb").lower()
    if verb in ("are", "were"):
        verb = "be"
    elif verb in ("do", "don't", "can", "could", "will", "would", "should", "must", "may", "might", "have", "had"):
        return None  # "it is important that you do not ...", "that you have ...": not a plain request
    elif parse(f"you {verb}")[1].tag_ not in ("VBP", "VB"):
        return None
    lead = (match.group("lead") or "").strip(" ,")
    body = f"Please {verb}{match.group('rest').rstrip(' .')}"
    return [tidy(f"{body} {lead[:1].lower()}{lead[1:]}" if lead else body)]


def _relative(sentence: str) -> list[str] | None:
    """'This would include legal proceedings, which may result in you losing your home.' → '... legal proceedings.'
    'These proceedings may result in you losing your home.' Only a "which" or "who" clause that ends the sentence,
    its relative word its subject, after a noun that no "all", "any" or "every" limits: "posted to all residents
    that rent a garage" cut there would say the letters went to all residents."""
    doc = parse(sentence)
    conditional = any(t.lower_ in CONDITIONAL for t in doc)
    for clause, noun, pronoun in which_clauses(doc):
        if any(not t.is_punct for t in doc[clause.right_edge.i + 1 :]) or pronoun.i != noun.i + 1 + (
            doc[noun.i + 1].text == ","
        ):
            continue
        aside = doc[pronoun.i - 1].text == ","
        limited = any(t.lower_ in QUANTIFIERS for t in noun.lefts)
        if noun.lower_ in QUANTIFIERS or (limited or conditional) and not aside:
            # Without a comma the clause may pick out which ones ("all residents who rent a garage"), and a
            # condition would not reach the second sentence; after a comma it only says more of the noun.
            continue
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and not _agrees_only(clause, noun, noun.head.head):
            continue  # "a Notice of Seeking Possession, which is ...": the clause may be the Notice's
        head = doc[: pronoun.i].text
        said = doc[pronoun.i + 1 : clause.right_edge.i + 1].text
        if words(head) < 4 or words(said) < 2:
            continue
        these = "These" if noun.tag_ == "NNS" else "This"
        return [tidy(head), tidy(f"{these} {noun.text} {said}")]
    return None


def which_clauses(doc):
    """(clause, its noun, its "which"/"who") for each relative clause on a common noun whose relative word, first in
    the clause, is its subject: the clauses the relative cuts can say as a sentence of their own."""
    for clause in doc:
        if clause.dep_ != "relcl" or clause.head.tag_ not in ("NN", "NNS"):
            continue
        pronoun = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if pronoun is not None and pronoun.lower_ in ("which", "who") and pronoun.i == clause.left_edge.i:
            yield clause, clause.head, pronoun


def _agrees_only(clause, noun, other) -> bool:
    """The clause's verb agrees with `noun` and not with `other` ("seven days of its issue date, which appears")."""
    verb = next((c for c in clause.children if c.dep_ in ("aux", "auxpass") and c.i < clause.i), clause)
    if verb.tag_ not in ("VBZ", "VBP") or other.tag_ not in ("NN", "NNS"):
        return False
    plural = verb.tag_ == "VBP"
    return (noun.tag_ == "NNS") == plural and (other.tag_ == "NNS") != plural


QUANTIFIERS = {"all", "any", "every", "each", "no", "some", "anyone", "anything", "everyone", "someone", "everything"}


def _aside_first(sentence: str) -> list[str] | None:
    """The aside's sentence first: the meaning rules read "You make your claim by calling A." as dropping the
    letter's "if using a textphone" unless the sentence with the condition comes before it."""
    pieces = _aside(sentence)
    return pieces[::-1] if pieces and _PHONE.search(pieces[0]) else None


CUTS = (
    _new_condition,
    _fronted_purpose,
    _event,
    _contact_or,
    _important,
    _infinitive_purpose,
    _because,
    _aside,
    _aside_first,
    _verb_list,
    _by_means,
    _relative,
)
