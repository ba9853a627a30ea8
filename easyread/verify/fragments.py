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
    # "Even if we have no reason to believe it is wrong." (read in a real draft, after the letter's whole sentence)
    r"^\s*(because|which|who|whose|although|though|even if|even when|even though|so that|in order that|in order to|"
    r"whereas|while|such as|including)\b",
    re.IGNORECASE,
)


def fragment_problems(out: fr.Sentence, result: Assessment, labels: bool = False, starts_lower: bool = False) -> None:
    """Garbled or cut-off sentences. `labels`: the letter line is itself a label with no verb ("Location: ...");
    `starts_lower`: the letter line is a list item that starts in lower case ("your date of birth")."""
    doc = out.doc
    tokens = [t for t in doc if not t.is_punct]
    if not tokens:
        result.problems.append(Problem("fragment", "This sentence has no words.", False))
        return
    text = out.text.strip()
    if text.endswith(":") or (":" in text and 0 < len(text.split(":")[0].split()) <= 4):
        return  # "Housing Needs: 1 Hillman Street": a label and its value, a usual Easy Read line
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
    # The "Please ..." parse of `_imperative_misread` is asked for only when the line has no verb (it was a third of
    # the spaCy parses of the whole rewriter when asked for every line).
    short = words >= 2 and ":" not in text
    # "The 27 March 2026." after "Can you return it to me by the 27 March 2026?" (read in a full draft): a fact with
    # only "the" before it (which the fact may hold) names a date or sum and says nothing of it; "On 12 May 2026."
    # says when, and stays.
    bare = words <= 1 and tokens[0].lower_ in ("the", "a", "an") and len(covered) > 0
    if (
        not out.frames
        and not labels
        and (words >= 4 and (not facts or words >= 5) or short and not _imperative_misread(text) or bare)
    ):
        result.problems.append(Problem("fragment", "This sentence has no verb: it does not say who does what.", False))
        return
    if (text[:1].islower() and not starts_lower) or re.match(r"^(which|whose|whom)\b", text, re.IGNORECASE):
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
    text = re.sub(r"^(or|and|also|then)\s+", "", text, flags=re.IGNORECASE)  # "Or email us at ...": still an order
    first = text.split()[0].lower() if text.split() else ""
    if first in w.VERB_GROUP and len(text.split()) <= 6:
        return True  # "Email outpatients@example.nhs.uk": the parser reads "email" as a noun
    return bool(read("Please " + text[:1].lower() + text[1:]).frames)


def _dangling(last) -> bool:
    """A last word that needs more after it: "the", "of", "and", "your"; not "pay this", "if you can", "sign up"."""
    before_to = last.doc[last.i - 1] if last.i > 0 else None
    if last.lower_ == "to" and before_to is not None and {before_to.lower_, w.base(before_to.text)} & _ELLIPSIS:
        return False  # "if you want to", "You do not have to": the verb after "to" is left out, as English does
    if _stranded(last):
        return False  # "benefits you might be entitled to": English ends a relative clause on its preposition
    if last.lower_.rstrip(".") in ("a", "an", "the", "your", "our", "of", "to", "and", "or", "for", "with"):
        return True
    tag = last.tag_
    if tag == "DT":
        return last.dep_ == "det" or last.lower_ in ("a", "an", "the")
    if tag == "IN":
        return (
            last.dep_ in ("prep", "mark")
            and not any(c.dep_ in ("pobj", "pcomp") for c in last.children)
            and last.lower_ not in ("in", "on", "up", "out", "back", "off", "over", "through", "down")
        )
    if last.lower_ == "have" and any(c.dep_ == "nsubj" for c in last.children):
        return False  # "the information we already have": a verb with its subject ends a clause
    if tag == "MD" or last.lower_ in ("be", "been", "being", "to", "have"):
        # "if you can", "as soon as you can", "if you want to" end well; "... you should." does not
        before = [t.lower_ for t in last.doc[max(0, last.i - 4) : last.i]]
        return not any(b in ("if", "as", "when", "wherever", "whenever", "unless", "than") for b in before)
    if tag.startswith("JJ") or tag == "VBN":
        # "will result in a wasted.": an adjective left without its noun
        prev = last.doc[last.i - 1] if last.i > 0 else None
        return prev is not None and prev.tag_ in ("DT", "PRP$") and last.dep_ not in ("acomp", "attr")
    if tag in ("VB", "VBP") and w.base(last.text) in _NEEDS_OBJECT:
        if last.dep_ == "relcl" or (last.head.dep_ == "relcl" and last.dep_ in ("xcomp", "conj")):
            return False  # "the last reminder we send": the noun the clause hangs on is its object
        return not any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") for c in last.children)
    if tag == "WRB" and last.dep_ == "advmod" and not any(True for _ in last.children):
        # "you will need to be with them when.": a question word or "when" with no clause after it hangs, unless
        # its verb takes a question as its object and English leaves the question out ("We will tell you when.").
        return last.head.tag_.startswith("VB") and w.base(last.head.lower_) not in _TAKES_QUESTION
    return tag in ("CC", "PRP$", "WDT", "WP")


def _stranded(last) -> bool:
    """A preposition whose object is the noun a relative clause hangs on: "benefits you are eligible for"."""
    if last.dep_ != "prep" or any(True for _ in last.children):
        return False
    head = last.head
    if head.dep_ in ("acomp", "xcomp", "dobj"):
        head = head.head
    # ("people who are hard of.": the noun is the clause's subject, so the preposition still needs its object)
    subjects = [c.lower_ for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return (
        head.dep_ == "relcl" and head.head.i < last.i and bool(subjects) and subjects[0] not in ("who", "which", "that")
    )


# Verbs whose object can be a question left unsaid: "We will tell you when.", "Ask us how."
_TAKES_QUESTION = {
    "tell", "know", "ask", "say", "decide", "show", "explain", "find", "check", "see", "understand", "wonder",
    "let", "confirm", "agree", "choose", "advise", "inform", "remember", "learn", "discuss", "sure", "write",
}  # fmt: skip


_EMPTY_NOUNS = {"time", "moment", "point"}

# What completes a verb at the end of a sentence: "you must pay it", "we will write to you", "call back".
_COMPLETES = {"dobj", "dative", "ccomp", "xcomp", "prep", "prt", "attr", "acomp", "oprd", "agent", "advmod", "npadvmod"}

# Verbs after which English may leave out the verb that "to" brings: "if you want to", "you do not have to".
_ELLIPSIS = {
    "want",
    "wish",
    "need",
    "have",
    "like",
    "ought",
    "going",
    "able",
    "prefer",
    "try",
    "choose",
    "decide",
    "agree",
}

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


# Words that cannot end a sentence when the letter goes on after them: a cut-off ("must be made on or before.",
# "will result in.", "please ensure that following your discharge that.").
_NEEDS_MORE = {
    "in", "on", "at", "by", "for", "to", "of", "from", "with", "about", "before", "after", "within", "than",
    "that", "which", "who", "whose", "into", "onto", "towards", "under", "between", "and", "or", "but", "if",
    "because", "until", "via", "per", "including", "when", "where", "how", "why", "what", "whether", "whom",
}  # fmt: skip
_VAGUE = {"something", "anything", "things", "thing", "stuff", "everything", "somebody", "someone", "somewhere"}


def _words(doc) -> list:
    return [t for t in doc if not t.is_punct or t.text in ("/", "-")]


def _has_object(tok) -> bool:
    """The verb has its object: a direct object, or the noun an object relative clause hangs on ("the packages the
    Council has introduced")."""
    if any(c.dep_ == "dobj" for c in tok.children):
        return True
    return tok.dep_ == "relcl" and any(c.dep_ == "nsubj" for c in tok.children)


def cut_against_letter(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """Garbled sentences found by comparing with the letter: a sentence cut where the letter goes on (before its
    date, amount or phone number, or after a word that needs more), one that says nothing the reader can act on
    ("You need to do something."), and a verb that lost the object the letter gives it ("The Council has
    introduced to help those ...")."""
    if any(p.kind == "fragment" for p in result.problems) or not srcs:
        return
    tokens = _words(out.doc)
    mine = [t.lower_ for t in tokens]
    if not mine:
        return
    my_facts = {(f.kind, f.value) for f in extract_facts(out.text)}
    for src in srcs:
        # 1. The words the letter puts just before a date, amount or number, then nothing (or "or", "and", a verb).
        for fact in extract_facts(src.text):
            if (fact.kind, fact.value) in my_facts or any(v and v in fact.value for _, v in my_facts):
                continue  # "within 28 days" said as "You have 28 days": the fact is there, nothing is cut
            before = [t.lower_ for t in src.doc if t.idx + len(t.text) <= fact.start][-2:]
            if not before or before[-1] in ("the", "a", "your") or not all(x.isalpha() for x in before):
                continue
            n = len(before)
            for i in range(len(mine) - n + 1):
                if mine[i : i + n] != before:
                    continue
                end = tokens[i + n - 1].i + 1
                after = out.doc[end] if end < len(out.doc) else None
                if after is None or after.is_punct or after.tag_ in ("CC", "MD") or after.tag_.startswith("VB"):
                    result.problems.append(
                        Problem(
                            "fragment",
                            f'This sentence stops at "{" ".join(before)}": the letter gives {fact.text} there.',
                            False,
                        )
                    )
                    return
        # 2. A last word that needs more, where the letter goes on after the same two words.
        last = [t for t in out.doc if not t.is_punct]
        # ("the date you must pay by": a relative clause ends on its preposition, as `_dangling` allows)
        if len(last) >= 2 and last[-1].lower_ in _NEEDS_MORE | {"you", "them"} and not _stranded(last[-1]):
            pair = [last[-2].lower_, last[-1].lower_]
            for i in range(len(src.doc) - 2):
                nxt = src.doc[i + 2]
                if [src.doc[i].lower_, src.doc[i + 1].lower_] != pair or nxt.is_punct:
                    continue
                if last[-1].lower_ in ("you", "them") and not (last[-2].tag_ == "IN" and nxt.tag_ in ("VBG", "VB")):
                    continue  # "contact you" ends well; "result in you" (the letter: "... you losing") does not
                result.problems.append(
                    Problem(
                        "fragment",
                        f'This sentence stops at "{" ".join(pair)}"; the letter goes on ("{nxt.text} ...").',
                        False,
                    )
                )
                return
    if _infinitive_only(out, srcs):
        result.problems.append(
            Problem(
                "fragment",
                'This sentence is only a "to ..." phrase: it does not say who does what. The letter says it whole.',
                False,
            )
        )
        return
    # 3. A last verb that lost what the letter gives it: "for an order requiring.", "you avoid being sent."
    verbs = [t for t in out.doc if not t.is_punct]
    end = verbs[-1] if verbs else None
    same = [s.doc[g.i] for s in srcs for g in s.frames if end is not None and g.group == w.verb_group(end.text)]
    if (
        end is not None
        and end.tag_ in ("VBG", "VBN")  # a participle; "we can help.", "your DLA will stop." end well
        and end.dep_ != "relcl"  # "the rent you owe.": the verb's object is the noun it describes
        and not any(c.dep_ in _COMPLETES | {"nsubjpass"} for c in end.children)  # "Your arrears have been cleared."
        and same
        and all(any(c.dep_ in ("dobj", "dative", "xcomp", "ccomp") for c in tok.children) for tok in same)
    ):
        result.problems.append(
            Problem("fragment", f'This sentence stops at "{end.text}"; the letter says what comes after it.', False)
        )
        return
    # "from the time.": a noun that means nothing without the clause the letter gives it ("the time your support
    # begins")
    if (
        end is not None
        and end.lower_ in _EMPTY_NOUNS
        and not any(c.dep_ in ("relcl", "acl", "prep") for c in end.children)
    ):
        for s in srcs:
            for tok in s.doc:
                if tok.lower_ == end.lower_ and any(c.dep_ in ("relcl", "acl") for c in tok.children):
                    result.problems.append(
                        Problem(
                            "fragment", f'This sentence stops at "{end.text}": the letter says which {end.text}.', False
                        )
                    )
                    return
    # 4. Nothing to act on: only light verbs and "something".
    content = {x for x in w.content_stems(out.text) if x not in w.PARTY_OF}
    heavy = {f.group for f in out.frames} - w.LIGHT_VERBS
    vague = {w.stem(x) for x in _VAGUE}
    if (
        content & vague
        and not heavy
        and not my_facts
        and not (content - vague - {w.stem(f.verb.lower()) for f in out.frames})
    ):
        result.problems.append(
            Problem("fragment", "This sentence does not say what: it gives the reader nothing to act on.", False)
        )
        return
    # 5. A verb that lost its object: the letter's "introduced a scheme to help", this sentence's "introduced to help".
    for f in out.frames:
        tok = out.doc[f.i]
        if f.group in w.LIGHT_VERBS or any(
            c.dep_ in ("dobj", "dative", "nsubjpass", "ccomp", "attr", "acomp", "oprd") for c in tok.children
        ):
            continue
        end = max([tok.i] + [c.i for c in tok.children if c.dep_ == "prt"])  # "set up to help": after the particle
        nxt = out.doc[end + 1] if end + 1 < len(out.doc) else None
        if nxt is None or nxt.lower_ != "to" or nxt.dep_ != "aux":
            continue
        if nxt.head.dep_ == "xcomp" and nxt.head.head.i == tok.i:
            continue  # "you have agreed to pay": the "to ..." is the verb's own complement, not a purpose cut loose
        if any(g.group == f.group and _has_object(s.doc[g.i]) for s in srcs for g in s.frames):
            result.problems.append(
                Problem(
                    "fragment",
                    f'"{f.verb}" has lost what the letter says ("{f.verb} ... to"): the sentence is garbled.',
                    False,
                )
            )
            return


_FINITE = ("VBZ", "VBP", "VBD", "MD")


def _infinitive_only(out: fr.Sentence, srcs: list[fr.Sentence]) -> bool:
    """ "To make a court order against you." for "A copy of this letter may be presented in court to form the basis of
    a Court Order against you": the purpose part of the letter's sentence kept, its main clause (who does what) cut.
    Found on the parse: the root is a "to" infinitive and no verb of the sentence is finite, where the letter's has
    one. A heading ("To pay your rent:") ends in a colon and is left alone; an order ("To pay, call us") has its
    finite or imperative root elsewhere."""
    doc = out.doc
    if out.text.rstrip().endswith(":") or out.question:
        return False
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ != "VB" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in root.children):
        return False
    if any(t.tag_ in _FINITE for t in doc):
        return False
    return any(t.tag_ in _FINITE for s in srcs for t in s.doc)


_COUNTED = re.compile(
    r"\b(?P<n>\d+|two|three|four|five|six)\s+(?:\w+\s+)?(?:ways|things|options|steps|reasons|documents|items|kinds|"
    r"types|places|choices)\s*:\s*(?P<items>[^.;]+)",
    re.IGNORECASE,
)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def list_short(out: fr.Sentence, result: Assessment) -> None:
    """ "You can respond in 3 ways: by return of the form or online.": a line that counts its list and then gives
    fewer: read in a real draft, where a repair cut one of the letter's three ways out of its list and kept the
    count."""
    match = _COUNTED.search(out.text)
    if not match:
        return
    n = match.group("n").lower()
    count = int(n) if n.isdigit() else _NUMBER_WORDS[n]
    items = [x for x in re.split(r",|\bor\b|\band\b", match.group("items")) if x.strip()]
    if 1 < len(items) < count:
        result.problems.append(
            Problem("fragment", f"This sentence says there are {count} but names only {len(items)} of them.")
        )
