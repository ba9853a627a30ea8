"""A conservative Easy Read version of letter sentences that is faithful by construction.

Used when a model sentence fails the meaning check twice. It only cuts and reorders the letter's own words:

* a sentence of two main clauses joined by "and" / "but" / ";" becomes two sentences, but only when no
  condition ("if", "unless"...) could belong to both;
* a passive clause with a named agent ("... will be recovered by the council") is turned active
  ("The council will recover ...") where the verb's forms are known;
* each glossary term in the sentence is explained in the next sentence, in the glossary's own words.

* a long sentence that opens with a condition ("If you are unable to pay, please contact us ...") becomes the
  condition asked as a question and the action on its own ("Are you unable to pay?" "Please contact us ...");
* "..., so that / so / in order that ..." becomes its own sentence ("This is so that ..."), "... in order to ..."
  becomes "This is to ...", and "..., which may mean ..." becomes "This may mean ...";
* a condition that ends a sentence is asked right before the clause it governs;
* an empty lead-in ("Please note that", "Unfortunately") is taken off a long sentence.

Only sentences over 15 words are cut this far, and a cut is kept only when every piece passes the meaning
rules (`easyread.verify.assess`) against the source, the pieces before it as context: otherwise the plainer
version is used, and the letter's own sentence is the last resort. Every hard fact is kept because every word is.
"""

from __future__ import annotations

import re

from easyread.checks.nlp import parse
from easyread.verify import words as w

_CONDITIONAL = {"if", "unless", "provided", "providing", "when", "whenever", "until", "once", "where", "while"}
_PAST = {
    "pay": "paid",
    "give": "gave",
    "send": "sent",
    "take": "took",
    "make": "made",
    "tell": "told",
    "write": "wrote",
    "get": "got",
    "keep": "kept",
    "find": "found",
    "hold": "held",
    "bring": "brought",
}


MAX_WORDS = 15


def conservative(sources: list[str], glossary=None) -> list[str]:
    """Short sentences that say exactly what `sources` say, and nothing else."""
    out: list[str] = []
    explained: set[str] = set()
    for source in sources:
        source = " ".join(source.split())
        if not source:
            continue
        out += shorten(source, glossary)
        out += _explanations(source, glossary, explained)
    return out


def _words(text: str) -> int:
    return len([x for x in text.split() if re.search(r"\w", x)])


def _faithful(source: str, pieces: list[str], glossary) -> bool:
    """Every piece passes the meaning rules against `source`, with the pieces before it as context."""
    from easyread.verify.rules import assess

    for n, piece in enumerate(pieces):
        problems = assess([source], piece, glossary=glossary, context=" ".join(pieces[:n])).problems
        if _same_end(piece, source):
            # "... any help that you are entitled to.": a piece that ends as the letter's sentence ends is not
            # cut off, whatever the fragment rule thinks of the letter's last word.
            problems = [p for p in problems if p.kind != "fragment"]
        if problems:
            return False
    return True


def _same_end(piece: str, source: str) -> bool:
    def tail(text: str) -> list[str]:
        return re.findall(r"\w+", text.lower())[-3:]

    return len(tail(piece)) == 3 and tail(piece) == tail(source)


def shorten(source: str, glossary=None) -> list[str]:
    """`source` as short sentences: the boldest cut that passes the meaning rules, else a plainer one."""
    plain = [_active(piece) for piece in split_clauses(source)]
    if len(plain) > 1 and not _faithful(source, plain, glossary):
        plain = [source]  # the letter's own sentence: the last resort
    if all(_words(p) <= MAX_WORDS for p in plain):
        return plain
    bold = [_active(piece) for part in _cut(source) for piece in split_clauses(part)]
    if bold != plain and _faithful(source, bold, glossary):
        return bold
    return plain


def _cut(sentence: str) -> list[str]:
    """A long sentence cut at its condition, purpose and "which" clauses, without the model."""
    sentence = _no_lead_in(sentence)
    if _words(sentence) <= MAX_WORDS:
        return [sentence]
    asked = _condition_first(sentence)
    if asked:
        questions, action = asked
        return questions + _cut(action)
    for cut in (_concession, _purpose, _which, _trailing_condition, _shared_subject):
        parts = cut(sentence)
        if parts:
            return (
                [p for part in parts for p in _cut(part)] if all(_words(p) < _words(sentence) for p in parts) else parts
            )
    return [sentence]


_LEAD_IN = re.compile(
    r"^(please\s+(also\s+)?(note|be\s+aware)\s+that\s+|unfortunately,?\s+|finally,?\s+|similarly,\s+|"
    r"in\s+addition,\s+|we\s+would\s+like\s+to\s+(remind|inform)\s+you\s+that\s+)",
    re.I,
)


def _no_lead_in(sentence: str) -> str:
    """'Please note that your stay ...' → 'Your stay ...': the lead-in says nothing of its own."""
    rest = _LEAD_IN.sub("", sentence, count=1)
    return rest if rest == sentence else rest[:1].upper() + rest[1:]


# Where the action after a leading condition starts: after a comma, or at a word that starts an instruction.
_ACTION_START = re.compile(
    r",\s+(?=(please|you|we|i|call|contact|phone|ring|tell|let|speak|email|write|do\s+not|don't|then|our|this|it)\b)"
    r"|\s+(?=(please|call|phone|ring|contact|tell|you\s+(should|must|can|will|may|need)|we\s+(will|can|may))\b)",
    re.I,
)
_CONDITION_OR = re.compile(r",?\s+or\s+(?:if\s+)?(?=(?:you|your|the|we|it|they)\b)", re.I)
_BE = {"am", "is", "are", "was", "were"}
_AUX = {
    "am",
    "is",
    "are",
    "was",
    "were",
    "can",
    "could",
    "will",
    "would",
    "should",
    "may",
    "might",
    "must",
    "have",
    "has",
    "had",
    "do",
    "does",
    "did",
}


def _condition_first(sentence: str) -> tuple[list[str], str] | None:
    """'If you are unable to come, please call us.' → (['Are you unable to come?'], 'Please call us.')."""
    match = re.match(r"^(if|when)\s+", sentence, re.I)
    if not match:
        return None
    start = _ACTION_START.search(sentence, match.end())
    if not start:
        return None
    condition = sentence[match.end() : start.start()].strip(" ,")
    action = sentence[start.end() :].strip()
    if " and if " in f" {condition.lower()} " or not action:
        return None  # "if X and if Y": both must hold, which two questions would not say
    if re.search(r"\b(not|never|no longer)\b|n't\b", condition, re.I):
        return None  # "Do you not pay within seven days?" reads as a reproach, not the letter's condition
    joined = [p for p in _CONDITION_OR.split(condition) if p.strip()]
    asked = [_question(p) for p in joined]
    if any(q is None for q in asked):
        return None
    asked = [asked[0]] + [f"Or {q[:1].lower()}{q[1:]}" if not q.startswith("I ") else f"Or {q}" for q in asked[1:]]
    return asked, action[:1].upper() + action[1:].rstrip(".") + "."


def _question(clause: str) -> str | None:
    """'you are unable to come' → 'Are you unable to come?'; None when the parse gives no safe question."""
    # "If you think X then please contact me" splits with "then" left on the condition: "...Team then?" (letter 06).
    clause = re.sub(r"[\s,]+then\s*$", "", clause.strip(), flags=re.I)
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
            return None
        helper = "does" if verb.tag_ == "VBZ" else "did"
        tail = " ".join([base] + ([rest] if rest else []))
    else:
        return None
    subject = doc[: subj.right_edge.i + 1].text
    subject = subject if subject == "I" or subj.tag_ in ("NNP", "NNPS") else subject[:1].lower() + subject[1:]
    question = f"{helper[:1].upper()}{helper[1:].lower()} {subject} {tail}".strip()
    return _tidy(question.rstrip(".,;")).rstrip(".") + "?"


_PURPOSE = re.compile(r",?\s+(so\s+that|in\s+order\s+that|so)\s+(?=(we|you|i|they|another|the|it|your)\b)", re.I)


_IN_ORDER_TO = re.compile(r",?\s+(in\s+order\s+to)\s+(?=[a-z]+\b)", re.I)


def _purpose(sentence: str) -> list[str] | None:
    """'Please call us so that we can help.' → ['Please call us.', 'This is so that we can help.'];
    '... by 20 April in order to prevent a court claim.' → ['... by 20 April.', 'This is to prevent a court claim.']."""
    match = _IN_ORDER_TO.search(sentence)
    if match and match.start() >= 3 and not re.match(r"^(if|when|unless)\b", sentence, re.I):
        head, tail = sentence[: match.start()].strip(" ,"), sentence[match.end() :].strip()
        if _words(head) >= 3 and _words(tail) >= 3:
            return [_tidy(head), _tidy(f"This is to {tail}")]
    match = _PURPOSE.search(sentence)
    if not match or match.start() < 3 or re.match(r"^(if|when|unless)\b", sentence, re.I):
        return None
    if match.group(1).lower() == "so" and re.search(r"\b(do|does|did|doing|done)$", sentence[: match.start()], re.I):
        # "if you do so you can carry on" is "do that", not a purpose: cut there it gave "..., and if you do."
        # and an invented "This is so you can carry on" (a council tax reminder, read in the tests).
        return None
    head = sentence[: match.start()].strip(" ,")
    tail = sentence[match.end() :].strip()
    if _words(head) < 3 or _words(tail) < 3:
        return None
    return [_tidy(head), _tidy(f"This is {match.group(1).lower()} {tail}")]


def _which(sentence: str) -> list[str] | None:
    """'Emergencies can arise which may mean your admission is rebooked.' → two sentences, 'This may mean ...'."""
    match = re.search(r",?\s+which\s+(?=(may|might|will|can|could|means?|meant|would)\b)", sentence, re.I)
    if not match or _words(sentence[: match.start()]) < 3:
        return None
    tail = re.sub(r"^mean\b", "means", sentence[match.end() :])
    return [_tidy(sentence[: match.start()]), _tidy("This " + tail)]


_CONCESSION = re.compile(
    r"^(whilst|while|although|though|as|because)\s+(?=(?:you|we|i|it|the|your|our|this|there|every|a|an|some|any)\b)",
    re.I,
)


def _concession(sentence: str) -> list[str] | None:
    """'Whilst X, Y.' → 'X.' 'But Y.'; 'As X, Y.' → 'X.' 'So Y.' (the clause's own subject, before a comma)."""
    match = _CONCESSION.match(sentence)
    comma = sentence.find(", ", match.end()) if match else -1
    if comma < 0:
        return None
    head, tail = sentence[match.end() : comma], sentence[comma + 2 :]
    if _words(head) < 3 or _words(tail) < 3:
        return None
    joiner = "So" if match.group(1).lower() in ("as", "because") else "But"
    if re.match(r"^(if|when|unless)\b", tail, re.I):
        return [_tidy(head), *_cut(tail[:1].upper() + tail[1:])]
    return [_tidy(head), _tidy(f"{joiner} {tail}")]


def _trailing_condition(sentence: str) -> list[str] | None:
    """'Call us by 12 December if you want to claim.' → 'Do you want to claim?' 'Call us by 12 December.'

    Only a condition that ends the sentence and holds no number: a number after it may belong to the action.
    """
    match = re.search(r",?\s+if\s+(?=(?:you|your|the|we|it|they)\b)", sentence, re.I)
    if not match or re.match(r"^(if|when|unless)\b", sentence, re.I):
        return None
    condition, action = sentence[match.end() :].rstrip(" ."), sentence[: match.start()]
    if re.search(r"\d|,|\b(if|and|or|that)\b", condition, re.I) or _words(action) < 3:
        # A number, a list or a second clause in it may belong to the action: "... if you need it and ask ..."
        return None
    question = _question(condition)
    if not question:
        return None
    # "A, and B if C": the condition governs the clause it ends, so it is asked right before that clause,
    # not before the whole sentence (where a reader would take it as the condition of A).
    clauses = split_clauses(_tidy(action))
    return [*clauses[:-1], question, clauses[-1]]


def _shared_subject(sentence: str) -> list[str] | None:
    """'The NHS is no longer offering X and is extending Y.' → two sentences, each with 'The NHS'."""
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
    own_aux = [c for c in conj.children if c.dep_ in ("aux", "auxpass")]
    if not own_aux and any(c.dep_ == "aux" for c in root.children):
        return None  # "You must pay and send the form": the second verb shares the first's "must"
    cc = [c for c in root.children if c.dep_ == "cc" and root.i < c.i < conj.left_edge.i]
    if len(cc) != 1 or cc[0].lower_ != "and" or any(t.lower_ in _CONDITIONAL for t in doc):
        return None
    first = doc[: cc[0].i].text
    second = f"{doc[subj[0].left_edge.i : subj[0].right_edge.i + 1].text} {doc[conj.left_edge.i :].text}"
    if _words(first) < 4 or _words(second) < 4:
        return None
    return [_tidy(first), _tidy(second[:1].upper() + second[1:] if subj[0].tag_ != "PRP" else second)]


def split_clauses(sentence: str) -> list[str]:
    """The sentence cut at its main clause boundaries, or whole when a cut could change its meaning."""
    doc = parse(sentence)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1 or any(t.dep_ == "mark" and t.lower_ in _CONDITIONAL for t in doc):
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
    pieces = [_tidy(p) for p in pieces if p.strip(" ,;")]
    # Only keep the split when every piece is a sentence with a verb of its own.
    if len(pieces) < 2 or any(not any(t.tag_.startswith("VB") for t in parse(p)) for p in pieces):
        return [sentence]
    return pieces


def _tidy(piece: str) -> str:
    piece = piece.strip(" ,;")
    piece = re.sub(r"\s+([,.;:!?])", r"\1", piece)
    piece = re.sub(r"(\S)\s+'(s|re|ll|ve|d)\b", r"\1'\2", piece)
    piece = piece[:1].upper() + piece[1:]
    return piece if piece[-1:] in ".!?:" else piece + "."


_AGENT_SUBJECT = {"us": "We", "me": "I", "them": "They", "him": "He", "her": "She", "you": "You"}


def _join(tokens) -> str:
    """Tokens as the letter spaced them ("£1,204.50", not "£ 1,204.50")."""
    return "".join(t.text_with_ws for t in tokens).strip()


def _active(sentence: str) -> str:
    """'The X will be recovered by the council.' → 'The council will recover the X.'; else unchanged."""
    doc = parse(sentence)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ != "VBN":
        return sentence
    subj = [c for c in root.children if c.dep_ == "nsubjpass"]
    agent = [c for c in root.children if c.dep_ == "agent"]
    auxpass = [c for c in root.children if c.dep_ == "auxpass"]
    if len(subj) != 1 or len(agent) != 1 or len(auxpass) != 1:
        return sentence
    pobj = [c for c in agent[0].children if c.dep_ == "pobj"]
    if not pobj:
        return sentence
    aux = [c for c in root.children if c.dep_ in ("aux", "neg")]
    be = auxpass[0].lower_
    verb = w.base(root.text)
    if be == "be" and aux and aux[0].tag_ == "MD":
        new_verb = verb if verb in w.VERB_GROUP or verb in _PAST else None
        helpers = _join(aux)
    elif be in ("was", "were"):
        new_verb = _PAST.get(verb, root.text if root.text.endswith("ed") else None)
        helpers = ""
    elif be == "been" and aux and aux[0].lower_ in ("has", "have"):
        new_verb, helpers = root.text, "have" if pobj[0].lower_ in ("us", "you", "them") else "has"
    else:
        return sentence
    if not new_verb:
        return sentence
    agent_text = _join(pobj[0].subtree)
    agent_text = _AGENT_SUBJECT.get(agent_text.lower(), agent_text[:1].upper() + agent_text[1:])
    subject = _join(subj[0].subtree)
    subject = (
        subject if subj[0].tag_ in ("NNP", "NNPS") or subject.lower() == "i" else subject[:1].lower() + subject[1:]
    )
    subject = {"you": "you", "we": "us", "they": "them", "he": "him", "she": "her", "i": "me"}.get(
        subject.lower(), subject
    )
    skip = (
        {t.i for t in subj[0].subtree} | {t.i for t in agent[0].subtree} | {t.i for t in aux} | {auxpass[0].i, root.i}
    )
    rest = [t for t in doc if t.i not in skip and not (t.is_punct and t.i == len(doc) - 1)]
    after = _join(t for t in rest if t.i > root.i)
    before = _join(t for t in rest if t.i < root.i)
    if before.strip():
        return sentence  # words before the verb ("Each week, ...") would need reordering: keep the letter's
    parts = [agent_text, helpers, new_verb, subject, after]
    return _tidy(" ".join(p for p in parts if p))


def _explanations(sentence: str, glossary, explained: set[str]) -> list[str]:
    if glossary is None:
        return []
    try:
        entries = glossary.terms_in(sentence)
    except Exception:  # a broken glossary: no explanations, the sentence itself is still faithful
        return []
    out = []
    for entry in entries:
        key = entry.term.casefold()
        if key in explained or not entry.explanation:
            continue
        explained.add(key)
        out.append(f'"{entry.term[:1].upper() + entry.term[1:]}" means: {entry.explanation.strip()}')
    return out
