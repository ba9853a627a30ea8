"""Cuts tried after every cut of `easyread.verify.cuts.steps`, for the long pieces those leave.

As in `easyread.verify.cuts`, each cut proposes pieces made of the sentence's own words plus a link word, and
`easyread.verify.fallback` keeps a cut only when every piece passes the meaning rules against the letter's
sentence. They run last, so a sentence some earlier cut already shortens is cut as before. Each returns the
pieces, or None when it does not apply:

* a piece that opens with its link ("Then ...", "If not, ...", "This is because ...") is cut by any of the
  other cuts, and each new piece that does not say its own link ("This ...", "So ...") is given the piece's
  link again, so no consequence or reason stands on its own (a reason's second clause may say "And ..." instead:
  "This is because" again can read as a reason the letter does not give);
* "X if A, if B, or if C" (or "X if you A, B or C") becomes "X if A." "X if B." "X if C.": conditions joined by
  "or" each lead to X on their own, so X said with each says what the letter says;
* "A, so please B" becomes "A." "So please B."; "A, although B" becomes "A." "But B."; "Read A, then call B"
  becomes "Read A." "Then call B.";
* "We have the cost of A-ing X as well as B-ing Y" becomes "We have the cost of A-ing X." "And we have the cost of
  B-ing Y.": two doings of one kind, each with the words before the first;
* a "which" or "who" clause between commas in the middle of a sentence ("At the Court hearing, which is
  conducted remotely by telephone, we will ask ...") becomes a sentence of its own after the rest ("This
  hearing is conducted remotely by telephone.").
"""

from __future__ import annotations

import re

from easyread.checks.nlp import parse
from easyread.verify.cuts import ASKS_WHETHER, tidy, words
from easyread.verify.phrase_cuts import QUANTIFIERS, which_clauses

# A link the earlier cuts open a piece with, and that each piece cut from it must keep. "This is to ..." is left
# out: what follows it is a verb phrase, not a sentence the other cuts can take apart.
_LINK = re.compile(
    r"^(?P<link>then|if not,|if so,|if you do not,|this is because|this is so that|this means)\s+(?=\w)", re.I
)
_CONDITION_LINK = re.compile(r"^(then|if)\b", re.I)
# A piece that says its own link to the one before it: it is not given the link again.
_OWN_LINK = re.compile(r"^(this|these|so|or|but|and|then|if not|if so|if you do not)\b", re.I)


def more_steps(sentence: str):
    """Each way to cut `sentence` once with the cuts of this module, as lists of pieces (`cuts.steps` runs first)."""
    yield from _linked(sentence)
    for cut in _CUTS:
        parts = cut(sentence)
        if parts and parts != [sentence]:
            yield parts


def _linked(sentence: str):
    """'Then you must ensure that your payments are updated to reflect the changes from 7 April.' → 'Then you must
    ensure that your payments are updated.' 'This is to reflect the changes from 7 April.'; 'This is because car
    parking is limited and it may take time to find a space.' → 'This is because car parking is limited.' 'This is
    because it may take time to find a space.': each cut of the piece without its link, the link said again."""
    match = _LINK.match(sentence)
    if not match:
        return
    link, rest = match.group("link"), sentence[match.end() :]
    for parts in _cuts_of(rest[:1].upper() + rest[1:]):
        if len(parts) < 2 or any(p.endswith("?") or re.match(r"^(if|when|unless)\b", p, re.I) for p in parts):
            # A condition asked inside a consequence ("Then can you ...?") would need its own "If so": not made.
            continue
        yield [
            tidy(f"{link} {_lower(part, sentence)}") if not (n and _OWN_LINK.match(part)) else part
            for n, part in enumerate(parts)
        ]
        if not _CONDITION_LINK.match(link):
            # A second reason said with "And", as the letter's "and" joins it: "This is because" again may read
            # as a reason the letter does not give for it.
            yield [tidy(f"{link} {_lower(parts[0], sentence)}")] + [
                part if _OWN_LINK.match(part) else tidy(f"And {_lower(part, sentence)}") for part in parts[1:]
            ]


def _cuts_of(whole: str):
    """Every cut of `cuts.steps` and of this module (but the link's) of a piece without its link."""
    from easyread.verify.cuts import steps

    yield from steps(whole)
    for cut in _CUTS:
        parts = cut(whole)
        if parts:
            yield parts


def _lower(part: str, sentence: str) -> str:
    """`part` with its first word in lower case where the letter has it so (not a name, "I" or an acronym)."""
    first = part.split()[0]
    if first == "I" or first[:2].isupper():
        return part
    lower = first.lower() in _PLAIN or re.search(rf"\b{re.escape(first.lower())}\b", sentence)
    return part[:1].lower() + part[1:] if lower else part


# Words that are lower case inside a sentence whatever the letter's first word was.
_PLAIN = {"you", "we", "they", "it", "the", "a", "an", "our", "your", "their", "this", "these", "there"}


# Where the conditions start: an "if" or "when" after the main clause.
_IF = re.compile(r",?\s+(?P<word>if|when)\s+(?=\w)", re.I)
# "... to see if you are eligible", "what will happen if": "if" as "whether", or the happening's own condition.
_HAPPEN = re.compile(r"\bwhat\s+(?:\w+\s+){0,2}happen$", re.I)
_SUBJECT_WORD = {"you", "your", "we", "our", "the", "a", "an", "it", "they", "there", "he", "she", "i", "this", "their"}


def _each_condition(sentence: str) -> list[str] | None:
    """'You should tell us if you change address, if you start work, or if you go into hospital.' → 'You should tell
    us if you change address.' 'You should tell us if you start work.' 'You should tell us if you go into
    hospital.'; 'You might get a letter if you owe tax, owe HMRC more than £3,000 or have to pay tax on your
    pension.' → the same, the subject said with each. Only conditions joined by "or" after a main clause that no
    "only" limits ("You can only X if A or B": X with A alone would say B is not enough)."""
    match = _IF.search(sentence)
    if not match or re.match(r"^(if|when|unless|whether|or|and)\b", sentence, re.I):
        return None
    main, tail = sentence[: match.start()].strip(" ,"), sentence[match.end() :].rstrip(" .")
    word = match.group("word").lower()
    if (
        words(main) < 3
        or ASKS_WHETHER.search(main)
        or _HAPPEN.search(main)
        or re.search(r"\b(only|unless|if|when)\b|[;:]|\beven$", main, re.I)
    ):
        return None
    conditions = _or_joined(tail, word)
    if conditions is None:
        return None
    return [tidy(f"{main} {word} {c}") for c in conditions]


_MODAL_AFTER_SUBJECT = re.compile(r"^\S+(\s+\S+)?\s+(may|might|will|would|could|must|should)\b", re.I)


def _or_joined(tail: str, word: str) -> list[str] | None:
    """The conditions of `tail` ("A, if B, or if C" or "you A, B or C"), each a clause with its subject; None when
    they are not two or more joined by "or"."""
    # Only an "if" after a comma or "or" starts another condition: "help to decide if you qualify" is "whether".
    said = re.split(rf",\s+(?:or\s+)?{word}\s+(?=\w)|\s+or\s+{word}\s+(?=\w)", tail, flags=re.I)
    if len(said) > 1:
        if not re.search(rf"\bor\s+{word}\b", tail, re.I) or re.search(rf"\band\s+{word}\b", tail, re.I):
            return None  # "if A and if B": both must hold
        if any(re.search(rf"\b{word}\b", c, re.I) for c in said):
            return None  # "decide if you qualify or if you want to apply": which "if" the "or" joins is not clear
        return said if all(words(c) >= 2 for c in said) else None
    if re.search(r"\b(and|but|unless|because)\b", tail, re.I):
        return None  # "if you A and B": one condition of two parts, which the list's commas would cut
    negated = re.search(r"\b(not|never|no|nor|neither)\b|n't\b", tail, re.I)
    last = re.match(r"^(?P<head>.+?),?\s+or\s+(?P<last>[^,]+)$", tail)
    if not last:
        return None
    items = [i.strip() for i in re.split(r",\s+", last.group("head"))] + [last.group("last").strip()]
    subject = re.match(r"^(you|we|they|i)\s+(?=\w)", items[0], re.I)
    out = []
    for item in items:
        own = item.split()[0].lower() in _SUBJECT_WORD if item else False
        if not own and (subject is None or negated):
            # "if you do not pay or call us" is "if you do neither": "if you call us" would say the reverse.
            return None
        text = item if own else f"{subject.group(1)} {item}"
        if words(item) < 2 or not _clause(text) or not (own or _finite(text)):
            return None  # "if you A, B or C" of nouns ("a cough, a cold or flu") is one condition
        if out and _MODAL_AFTER_SUBJECT.match(text):
            return None  # "if you do not pay or we may take you to court": the "or" joins what happens, not ifs
        out.append(text)
    return out if len(out) > 1 else None


def _clause(text: str) -> bool:
    """A verb with its subject at the start: "you owe HMRC more than £3,000", not "a cold"."""
    doc = parse(text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or not root.tag_.startswith(("VB", "MD")):
        return False
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    return subject is not None and subject.left_edge.i == 0 and root.tag_ != "VBG"


def _finite(text: str) -> bool:
    """The word after the subject is a verb of its own ("you owe", "you have to pay"), not "you using"."""
    doc = parse(text)
    return len(doc) > 1 and doc[1].tag_ in ("VBP", "VBD", "VBZ", "MD")


_SO_PLEASE = re.compile(r",\s+so\s+(?=please\b)", re.I)


def _so_please(sentence: str) -> list[str] | None:
    """'The letter may also say what to bring, so please do read it carefully.' → 'The letter may also say what to
    bring.' 'So please do read it carefully.'"""
    match = _SO_PLEASE.search(sentence)
    if not match or re.match(r"^(if|when|unless)\b", sentence, re.I):
        return None
    head, tail = sentence[: match.start()], sentence[match.end() :]
    if words(head) < 4 or words(tail) < 3:
        return None
    return [tidy(head), tidy(f"So {tail}")]


_ALTHOUGH = re.compile(r",\s+(?:although|even\s+though|though)\s+(?=\w)", re.I)


def _although(sentence: str) -> list[str] | None:
    """'We give at least 24 hours notice, although in an emergency this may not always be possible.' → 'We give
    at least 24 hours notice.' 'But in an emergency this may not always be possible.' Not "while" or "whilst",
    which may say when ("..., while the nurse checks you")."""
    match = _ALTHOUGH.search(sentence)
    if not match or re.match(r"^(if|when|unless|although|though|even)\b", sentence, re.I):
        return None
    head, tail = sentence[: match.start()], sentence[match.end() :]
    if words(head) < 4 or words(tail) < 3 or not _with_subject(tail):
        return None
    return [tidy(head), tidy(f"But {tail}")]


def _with_subject(text: str) -> bool:
    """A clause: its main verb has a subject ("in an emergency this may not be possible"), not "although late"."""
    root = next((t for t in parse(text) if t.dep_ == "ROOT"), None)
    return root is not None and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)


def _aside_relative(sentence: str) -> list[str] | None:
    """'At the Court hearing, which is conducted remotely by telephone, we will ask the Court for an order.' → 'At
    the Court hearing, we will ask the Court for an order.' 'This hearing is conducted remotely by telephone.':
    between commas the clause only says more of its noun, so it can be said on its own."""
    doc = parse(sentence)
    for clause, noun, pronoun in which_clauses(doc):
        before, after = pronoun.i - 1, clause.right_edge.i + 1
        if before != noun.i + 1 or doc[before].text != "," or after >= len(doc) or doc[after].text != ",":
            continue
        if noun.lower_ in QUANTIFIERS or any(t.lower_ in QUANTIFIERS for t in noun.lefts):
            continue
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            continue  # "a Notice of Seeking Possession, which ...": the clause may be the Notice's
        rest = doc[after + 1 :].text
        if not any(not t.is_punct for t in doc[after + 1 :]):
            continue
        # "The hearing, which ..., will be on Monday" and "We sent the letter, which ..., to you": no comma; "At the
        # hearing, which ..., we will ask": a lead before the main verb keeps its comma.
        root = next((t for t in doc if t.dep_ == "ROOT"), noun)
        joint = ", " if noun.i < root.i and noun.dep_ not in ("nsubj", "nsubjpass") else " "
        head = f"{doc[:before].text}{joint}{rest}"
        said = doc[pronoun.i + 1 : after].text
        if words(head) < 4 or words(said) < 2:
            continue
        these = "These" if noun.tag_ == "NNS" else "This"
        return [tidy(head), tidy(f"{these} {noun.text} {said}")]
    return None


_THEN = re.compile(r",\s+(?:and\s+)?then\s+(?=[a-z]+\b)", re.I)


def _then(sentence: str) -> list[str] | None:
    """'Please read the information later in this letter, then call us by 12 December 2023.' → 'Please read the
    information later in this letter.' 'Then call us by 12 December 2023.': one thing after another, each said
    on its own, the order kept by "Then". Not a condition's "then" ("If you pay, then ...")."""
    from easyread.verify.cuts import order

    match = _THEN.search(sentence)
    if not match or re.search(r"\b(if|when|unless|once|after|before|until)\b", sentence[: match.start()], re.I):
        return None
    head, tail = sentence[: match.start()], sentence[match.end() :]
    if words(head) < 4 or words(tail) < 3 or not (order(tail) or _clause(tail)):
        return None
    return [tidy(head), tidy(f"Then {tail}")]


_AS_WELL_AS = re.compile(r",?\s+as\s+well\s+as\s+(?=[a-z]+ing\b)", re.I)


def _as_well_as(sentence: str) -> list[str] | None:
    """'We have the additional cost of supporting our residents as well as maintaining existing services.' → 'We
    have the additional cost of supporting our residents.' 'And we have the additional cost of maintaining existing
    services.': the second doing said with the words before the first, which it shares."""
    match = _AS_WELL_AS.search(sentence)
    if not match or re.search(r"\b(if|when|unless|not|no|only)\b|n't\b", sentence, re.I):
        return None
    doc = parse(sentence)
    second = next((t for t in doc if t.idx >= match.end()), None)
    firsts = [t for t in doc if t.idx < match.start() and t.tag_ == "VBG" and t.i > 0]
    if second is None or second.tag_ != "VBG" or not firsts:
        return None
    first = firsts[-1]
    if doc[first.i - 1].lower_ not in ("of", "by", "for", "about", "in", "on") or any(
        t.tag_ == "VBG" for t in doc[first.i + 1 :] if t.idx < match.start()
    ):
        return None  # the doing must follow a preposition it shares with the second ("cost of A-ing ... B-ing")
    head, tail = doc[: first.i].text, sentence[match.end() :]
    if words(head) < 3 or words(tail) < 3 or re.search(r"[,;:]", tail) or head.split()[0].lower() not in _PLAIN:
        # The second doing must end the sentence ("..., we are continuing ..." after it is the whole's), and the
        # words before the first must open with the doer ("With the cost of ..." is not a sentence).
        return None
    return [tidy(sentence[: match.start()]), tidy(f"And {_lower(head, sentence)} {sentence[match.end() :]}")]


_CUTS = (_each_condition, _so_please, _although, _aside_relative, _then, _as_well_as)
