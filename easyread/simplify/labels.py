"""Letter lines that are a label and its value ("Weekly rent: £128.75", "Date of first weekly payment: 6 April 2026").

A small model turns such a line into a sentence with a verb it has to guess, and guesses wrong ("You owe £15.00
because you did not pay on time." for "Amount towards the arrears: £15.00"), and the meaning rules have no verb
to compare it with. So these lines never reach the model: each is laid out here, the letter's own label kept
with its value, and traced to the sentence it comes from. Only the capitals of a Title Case label are lowered
and a full stop added, so the line says exactly what the letter says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from easyread.checks.nlp import parse
from easyread.simplify import checking

# The colon of a time ("between 7:30am and 8pm") is no label's: a label ends on a word, not a digit.
_COLON = re.compile(r"^\s*(?P<label>[A-Za-z][^:\n]{0,60}?)(?<!\d)\s*:\s*(?P<value>\S[^\n]*?)\s*[.;]?\s*$")
# A reference-like value: digits, or capitals with digits ("0000000/02", "HB/CTR/7730451", "KX19 TNB").
_REFERENCE = re.compile(r"\d{3,}|\b[A-Z]{1,4}\d+[A-Z0-9/-]*\b|\b\d+[A-Z]+\b")
# Tags of a finite verb: a line with one is a sentence, for the model to rewrite.
_FINITE = {"VBZ", "VBD", "VBP", "MD"}
_MAX_WORDS = 14
# Fact kinds that make a line without a colon ("Total amount payable £143.75 weekly") a label line.
_VALUE_KINDS = {"money", "date", "amount", "deadline"}


@dataclass
class LabelLine:
    """A label line of the letter: its label, its value and the Easy Read line that keeps both."""

    label: str
    value: str
    text: str


def _has_finite_verb(text: str) -> bool:
    # spaCy's small tagger reads a label's first word as a verb ("Rent account balance"): only a verb after it counts.
    return any(t.tag_ in _FINITE or (t.tag_ == "VB" and t.i > 0) for t in parse(text))


def _verb_of_its_own(label: str) -> bool:
    """A label says something itself; one that ends on "at", "to", "on" leads into its value ("Pupil registered
    at", "Sent to"), whatever the tagger makes of its verb."""
    doc = parse(label)
    return _has_finite_verb(label) and not (len(doc) and doc[-1].tag_ == "IN")


def _carries_fact(value: str) -> bool:
    return bool(checking.extract_facts(value)) or bool(_REFERENCE.search(value))


# Small words a name may hold in lower case ("Ashton upon Mersey", "Department of Health").
_NAME_LINKS = {"of", "and", "the", "upon", "on", "in", "for", "&"}


def _a_name(value: str) -> bool:
    """A value that is a name, every word capitalised ("Westgate Primary School", "Jamie Carter"). Read in a full
    draft of a school attendance warning: "Pupil registered at: Westgate Primary School" went to the model, which
    gave back "A child was enrolled at Westgate Primary School." (whose child?), beside the kept "Name of child or
    young person: Jamie Carter"."""
    found = value.rstrip(".").split()
    return (
        0 < len(found) <= 6
        and all(w[:1].isupper() or w.lower() in _NAME_LINKS for w in found)
        and any(w[:1].isalpha() for w in found)
    )


def _sentence_case(label: str) -> str:
    """'Rent Account Balance' → 'Rent account balance'; acronyms ('NHS', 'DLA') and names stay as they are."""
    words = label.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words if w[:1].isalpha()):
        return label
    return " ".join([words[0]] + [w if w.isupper() else w[:1].lower() + w[1:] for w in words[1:]])


def label_line(text: str) -> LabelLine | None:
    """The label line `text` is, or None when it is a sentence, has no fact, or is too long to be a label."""
    text = " ".join(text.split())
    if not text or len(text.split()) > _MAX_WORDS:
        return None
    match = _COLON.match(text)
    if match:
        label, value = match.group("label").strip(), match.group("value").strip()
        if not (_carries_fact(value) or _a_name(value)) or _verb_of_its_own(label) or _has_finite_verb(value):
            return None
        return LabelLine(label, value, f"{_sentence_case(label)}: {value.rstrip('.')}.")
    facts = [f for f in checking.extract_facts(text) if checking.fact_kind(f) in _VALUE_KINDS]
    if not facts or _has_finite_verb(text):
        return None
    first = parse(text)[0]
    if first.tag_ not in ("NN", "NNS", "NNP", "NNPS", "JJ", "VB"):
        return None  # "By telephone on 020 8356 3100": a list item the model makes a sentence of
    at = text.find(checking.fact_text(facts[0]))
    label = text[:at].strip() if at > 0 else text
    value = text[len(label) :].strip()
    return LabelLine(label, value, (f"{_sentence_case(label)} {value}".strip()).rstrip(".") + ".")


def is_label_line(text: str) -> bool:
    """True for a label and its value that carries a fact (amount, date, reference, phone)."""
    return label_line(text) is not None
