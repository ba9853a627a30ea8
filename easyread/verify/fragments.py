"""Garbled or cut-off sentences: no words, a dangling last word, only a subordinate clause, no verb,
a start in the middle, no subject, a repeated word."""

from __future__ import annotations

import itertools
import re

from easyread.checks.facts import compare_facts, extract_facts
from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, read

_SUBORDINATE = re.compile(
    r"^\s*(because|which|who|whose|although|though|so that|in order that|in order to|whereas|while|such as|"
    r"including)\b",
    re.IGNORECASE,
)


def fragment_problems(out: fr.Sentence, result: Assessment, labels: bool = False) -> None:
    """Garbled or cut-off sentences. `labels`: the letter line is itself a label with no verb ("Location: ...")."""
    doc = out.doc
    tokens = [t for t in doc if not t.is_punct]
    if not tokens:
        result.problems.append(Problem("fragment", "This sentence has no words.", False))
        return
    text = out.text.strip()
    if text.endswith(":"):
        return
    last = tokens[-1]
    if _dangling(last):
        result.problems.append(
            Problem("fragment", f'This sentence stops at "{last.text}": it is not a whole sentence.', False)
        )
        return
    if _SUBORDINATE.match(text) and not any(
        t.dep_ == "ROOT" and not any(c.dep_ == "mark" for c in t.children) and fr.is_predicate(t) and t.i > 2
        for t in doc
    ):
        result.problems.append(
            Problem("fragment", "This is only part of a sentence: it does not say what happens.", False)
        )
        return
    facts = compare_facts("", text).invented
    covered = {i for f in extract_facts(text) for i in range(f.start, f.end)}  # facts can overlap: count words once
    fact_words = sum(1 for t in tokens if t.idx in covered)
    words = len(tokens) - fact_words
    # The letter says something happens (it has a verb); a line with no verb of its own cannot say it, however
    # short, unless it is set out as a label ("Your appointment: 12 May 2026").
    short = words >= 2 and ":" not in text and not _imperative_misread(text)
    if not out.frames and not labels and (words >= 4 and (not facts or words >= 5) or short):
        result.problems.append(Problem("fragment", "This sentence has no verb: it does not say who does what.", False))
        return
    if text[:1].islower() or re.match(r"^(which|whose|whom)\b", text, re.IGNORECASE):
        result.problems.append(
            Problem("fragment", "This sentence starts in the middle: it is not a whole sentence.", False)
        )
        return
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if (
        root is not None
        and root.tag_ in ("VBZ", "VBD", "VBN", "VBG")
        and not out.question
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children)
        and not text.endswith(":")
    ):
        result.problems.append(
            Problem("fragment", "This sentence has no one doing the action: it looks cut off.", False)
        )
        return
    if last.tag_ == "VBG" and last.i > 0 and doc[last.i - 1].lower_ in ("by", "for", "of", "from"):
        result.problems.append(
            Problem("fragment", f'This sentence stops at "{last.text}": it is not a whole sentence.', False)
        )
        return
    lowered = [t.lower_ for t in tokens]
    if any(a == b and a.isalpha() for a, b in itertools.pairwise(lowered)):
        result.problems.append(Problem("fragment", "This sentence repeats a word: it looks garbled.", False))


def _imperative_misread(text: str) -> bool:
    """ "Dial 18001 then ...": the parser reads a capitalised order as a name; with "please" before it, a verb."""
    return bool(read("Please " + text[:1].lower() + text[1:]).frames)


def _dangling(last) -> bool:
    """A last word that needs more after it: "the", "of", "and", "your"; not "pay this", "if you can", "sign up"."""
    if last.lower_.rstrip(".") in ("a", "an", "the", "your", "our", "of", "to", "and", "or", "for", "with"):
        return True
    tag = last.tag_
    if tag == "DT":
        return last.dep_ == "det" or last.lower_ in ("a", "an", "the")
    if tag == "IN":
        return (
            last.dep_ in ("prep", "mark")
            and not any(c.dep_ in ("pobj", "pcomp") for c in last.children)
            and last.lower_ not in ("in", "on", "up", "out", "back", "off", "over", "about", "through", "by", "down")
        )
    if tag == "MD" or last.lower_ in ("be", "been", "being", "to", "have"):
        # "if you can", "as soon as you can", "if you want to" end well; "... you should." does not
        before = [t.lower_ for t in last.doc[max(0, last.i - 4) : last.i]]
        return not any(b in ("if", "as", "when", "wherever", "whenever", "unless", "than") for b in before)
    if tag.startswith("JJ") or tag == "VBN":
        # "will result in a wasted.": an adjective left without its noun
        prev = last.doc[last.i - 1] if last.i > 0 else None
        return prev is not None and prev.tag_ in ("DT", "PRP$") and last.dep_ not in ("acomp", "attr")
    if tag in ("VB", "VBP") and w.base(last.text) in _NEEDS_OBJECT:
        return not any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") for c in last.children)
    return tag in ("CC", "PRP$", "WDT", "WP")


# Verbs that cannot end a sentence: "We need to treat.", "You must inform."
_NEEDS_OBJECT = {
    "treat",
    "inform",
    "tell",
    "send",
    "bring",
    "give",
    "provide",
    "include",
    "make",
    "ensure",
    "take",
    "put",
    "notify",
    "supply",
    "return",
    "show",
    "offer",
}
