"""Orders and explanations the letter sentence does not give.

Two ways a small model adds a claim while keeping the letter's words, which the frame checks cannot see because
there is no frame of the letter to compare with:

- an obligation ("must", "need to", "have to", "should") where the letter sentence obliges no one: a heading
  "Changing or cancelling your appointment" made "You need to change or cancel your appointment.", "The Court may
  allow other Grounds to be added" made "The court must add other reasons later.", "A Reminder Notice will be sent
  to you" made "You must send us a Reminder Notice.". A resident who reads an order obeys it; one the letter does
  not give costs them time or money, or makes them believe they are in breach.
- an explanation ("This means ...", "It is intended to ...", "so that ...", "to make sure ...", "... explains how
  ...") whose words of substance neither the letter sentence, the glossary explanations of its terms nor the Easy
  Read lines before it say: "It is intended to explain the amount of rent you owe" for a letter about "the level of
  repayment". An explanation is what a reader acts on, so a wrong one is as harmful as a wrong fact.
"""

from __future__ import annotations

import re

from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote

# Words by which a letter sentence puts someone under an obligation, or asks them to act. "please", "due",
# "failure to", "if you do not" count: "If you do not pay, we will take you to court" is rightly made "You must pay".
_LETTER_OBLIGES = re.compile(
    r"\b(must|need|needs|needed|require[sd]?|requiring|requirement|necessary|have to|has to|had to|should|shall|"
    r"essential|compulsory|mandatory|obliged|obligation|expected|please|due|ask(ed)? (you|that)|remember|"
    r"make sure|ensur\w*|important|responsib\w*|liable|payable|duty|failure|fail(s|ed)? to|if you (do not|don't|"
    r"did not|didn't)|unless|deadline|no later than|by law|legally|urgent(ly)?|immediately|as soon as possible|"
    r"do not|don't|never|only|ordered|order requiring|instruct\w*|owe[sd]?|arrears|breach|in order|within|by \d+)\b",
    re.IGNORECASE,
)
_OBLIGING = {fr.OBLIG, fr.SHOULD}
# The parse also reads "we will ask them to show" as an order on "show"; only these words give an order outright.
_ORDER_WORDS = {"must", "need", "needs", "have", "has", "should", "required", "shall", "got"}
_LETTER_ORDERS = {fr.OBLIG, fr.SHOULD, fr.IMP}


def _obliges(src: fr.Sentence) -> bool:
    """The letter sentence asks or obliges someone to act: in words, or by an instruction or a "you will ..."."""
    if _LETTER_OBLIGES.search(src.text):
        return True
    for f in src.frames:
        if f.modal in _LETTER_ORDERS:
            return True
        # "You will pay £15.00 each week": an arrangement the reader keeps, which Easy Read says as "you must".
        if f.modal == fr.FUTURE and f.agent and w.YOU in f.agent and not f.passive:
            return True
    return False


def obligation_added(
    out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment, explanations: list[str] = ()
) -> None:
    """An order ("you must", "you need to", "we have to") where no letter sentence obliges anyone to anything.

    `explanations` are the glossary's explanations of the letter's terms: "A Possession Order ... says you must
    leave your home" repeats the glossary's order, not one the sentence adds."""
    if out.question or not srcs or any(p.kind == "modal" for p in result.problems) or any(_obliges(s) for s in srcs):
        return
    from easyread.verify.findings import read

    glossed = {g.group for e in explanations for g in read(e).frames if g.modal in _LETTER_ORDERS}
    for f in out.frames:
        if f.group in glossed:
            continue
        if f.modal not in _OBLIGING or f.neg or f.purpose or f.question:
            continue
        if f.agent == frozenset({w.WE}):
            continue  # "We need to plan your stay": what the sender must do asks nothing of the reader
        if _expectation(out.doc[f.i]) or _asked_about(out.doc[f.i]) or not _ordered_in_words(out.doc[f.i]):
            continue
        result.problems.append(
            Problem(
                "modal",
                f'This sentence says something must be done ("{quote(f.text)}"); the letter sentence does not '
                f'oblige anyone to do it: "{quote(srcs[0].text)}".',
            )
        )
        return


def _ordered_in_words(tok) -> bool:
    """ "must pay", "need to pay", "have to pay", "are required to pay": the order is said by the verb's own words."""
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _ORDER_WORDS for c in tok.children):
        return True
    return tok.dep_ == "xcomp" and tok.head.lower_ in _ORDER_WORDS


def _asked_about(tok) -> bool:
    """ "This bill will tell you how much you need to pay.", "They can tell you what you need to do.": the order is
    what a "what" / "how much" clause asks about, the thing told or shown, not an order the sentence gives."""
    clause = tok.head if tok.dep_ == "xcomp" else tok
    if clause.dep_ != "ccomp":
        return False
    return any(t.tag_ in ("WP", "WRB") and t.i < clause.i for t in clause.subtree)


def _expectation(tok) -> bool:
    """ "The court should already have written to you", "less than you should have": a "should" about the past or
    in a comparison says what was expected, not what anyone must now do."""
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if "have" in auxes and tok.tag_ == "VBN":
        return True
    if tok.lower_ == "have" and not any(c.dep_ == "dobj" for c in tok.children):
        return True
    return any(t.lower_ == "than" for t in tok.subtree) or tok.head.lower_ in ("less", "more")


# Words that announce an explanation, a purpose or a consequence; the words after them are what is explained.
_EXPLAINS = re.compile(
    r"\b(this means|that means|it means|which means|this is (?:so|to|because)|is (?:intended|meant|designed|"
    r"there) to|(?:is|are) to help|in order to|so that|so you can|to make sure|to ensure|explains?|means|"
    r"the reason is|this is why|that is why|because)\b",
    re.IGNORECASE,
)


def _support(srcs: list[fr.Sentence], ctx: list[fr.Sentence], support: str) -> tuple[set[str], set[str]]:
    from easyread.verify import related as rel

    stems = w.content_stems(support) | {s for c in ctx for s in w.content_stems(c.text)}
    for s in list(stems):
        stems |= rel.RELATED.get(s, set())
    groups = {f.group for s in srcs + ctx for f in s.frames}
    return stems, groups


def _new_words(out: fr.Sentence, start: int, stems: set[str], groups: set[str]) -> tuple[list[str], int]:
    """Words of substance from character `start` on that the support does not say, and how many words of substance
    there are. Easy words count here: an explanation made of everyday words the letter does not use ("rent you
    owe") is still the model's own."""
    found, substance = [], 0
    for tok in out.doc:
        if tok.idx < start or not tok.is_alpha or tok.tag_ == "MD":
            continue
        word = tok.lower_.replace("’", "'")
        if word in w.STOP or word in w.PARTY_OF or word == "able" or not tok.tag_.startswith(("NN", "VB", "JJ")):
            continue
        if tok.tag_.startswith("VB") and w.verb_group(word) in w.LIGHT_VERBS:
            continue
        substance += 1
        if tok.tag_.startswith("VB") and w.verb_group(word) in groups:
            continue
        s = w.stem(word)
        if s in stems or any(s[:5] == x[:5] for x in stems if len(x) >= 5 and len(s) >= 5):
            continue
        found.append(tok.text)
    return found, substance


def explanation_added(
    out: fr.Sentence, srcs: list[fr.Sentence], ctx: list[fr.Sentence], support: str, result: Assessment
) -> None:
    """An explanation, purpose or meaning whose words neither the letter sentence nor the glossary gives.

    Two or more new words, or one uncommon word that is half the explanation ("because we made a mistake"): a
    single everyday word among the letter's own ("you go home on the same day") is how Easy Read says the letter's
    meaning. A definition of the letter's own term ("Budgeting means planning how to spend your money") is left to
    the glossary check and the model (unsupported.word_problems): the rules cannot tell a plain definition from a
    wrong one."""
    if not srcs or any(p.kind == "invented" for p in result.problems):
        return
    m = _EXPLAINS.search(out.text)
    if m is None or _defines_letter_term(out, srcs):
        return
    stems, groups = _support(srcs, ctx, support)
    new, substance = _new_words(out, m.end(), stems, groups)
    if len(new) >= 2 or (new and new[0].lower() not in w.EASY_WORDS and 2 * len(new) >= substance):
        result.problems.append(
            Problem(
                "invented",
                f'This sentence explains ("{m.group(0)} ...") in words the letter sentence does not use: '
                f"{', '.join(dict.fromkeys(new))}. The letter may not say this.",
            )
        )


def _defines_letter_term(out: fr.Sentence, srcs: list[fr.Sentence]) -> bool:
    from easyread.verify.unsupported import _defines_source_term

    return _defines_source_term(out.text, " ".join(s.text for s in srcs))


# The letter offers the reader help ("our offer to support you", "we can help you"); the line has us ask for it.
_OFFERS = re.compile(
    r"\b(offer\w*|(we|i) (can|could|will|would like to|want to|are here to) (help|support)|"
    r"(help|support) (is|are) available|to (help|support) you)\b",
    re.IGNORECASE,
)
_HELP = {"support", "help", "assistance"}
_ASKING = {"ask", "request", "need", "want", "seek"}


def offer_reversed(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "We are asking for your support" where the letter offers support to the reader: who helps whom is
    reversed, and the reader believes the council wants something from them. A summary of the letter's purpose
    makes this error when "offer" and "ask" sit in one letter sentence ("to repeat our offer to support you ... and
    ask that you get in touch")."""
    if result.problems or not any(_OFFERS.search(s.text) for s in srcs):
        return
    for f in out.frames:
        if f.agent != frozenset({w.WE}) or w.verb_group(f.verb.lower()) not in {w.verb_group(x) for x in _ASKING}:
            continue
        tok = out.doc[f.i]
        wanted = [c for c in tok.children if c.dep_ == "dobj"]
        wanted += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children]
        if any(c.lower_ in _HELP and not _to_the_reader(c) for c in wanted):
            result.problems.append(
                Problem(
                    "agent",
                    f'The letter offers you help ("{quote(srcs[0].text)}"); this sentence says we ask for it: '
                    f'"{quote(f.text)}".',
                )
            )
            return


def _to_the_reader(noun) -> bool:
    """ "we want to offer help to you", "our support for you": help that still goes to the reader."""
    return any(
        t.lower_ in ("you", "yourself") and t.head.lower_ in ("to", "for") and t.head.head.i == noun.i
        for t in noun.subtree
    )


_GET_IN_TOUCH = {"contact", "call", "phone", "ring", "talk", "speak", "email", "write", "tell"}


def promised_on_contact(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "We will lower the rate if you contact us" where the letter only asks the reader to get in touch: what we
    will do then is the sentence's own promise. A reader who calls expecting it is misled, and may stop paying."""
    if result.problems or out.question:
        return
    touch = {w.verb_group(x) for x in _GET_IN_TOUCH}
    groups = {f.group for s in srcs for f in s.frames}
    if not groups & touch:
        return
    for f in out.frames:
        if f.agent != frozenset({w.WE}) or f.modal != fr.FUTURE or f.neg or f.group in groups:
            continue
        if f.group in w.LIGHT_VERBS or f.group in w.STATE_VERBS or f.group in touch:
            continue
        conditions = [g for g in out.frames if g.cond and g.group in touch and g.agent and w.YOU in g.agent]
        if conditions:
            result.problems.append(
                Problem(
                    "invented",
                    f'The letter asks you to get in touch; it does not say we will then "{f.verb.lower()}": '
                    f'"{quote(f.text)}".',
                )
            )
            return


def definition_differs(out: fr.Sentence, srcs: list[fr.Sentence], glossary, result: Assessment) -> None:
    """ "A Possession Order means you can stay in your home": a term of the letter explained in words its glossary
    explanation and the letter do not use. Only terms the glossary explains are judged; the others are left to the
    model (unsupported.word_problems), since the rules have nothing to compare the definition with."""
    from easyread.verify.unsupported import _DEFINITION

    if glossary is None or result.problems or not srcs:
        return
    m = _DEFINITION.match(out.text)
    if m is None or not _defines_letter_term(out, srcs):
        return
    try:
        entries = glossary.terms_in(m.group("term") or m.group("called") or "")
    except Exception:  # a broken glossary must not stop the check
        return
    defined = w.content_stems(m.group("term") or m.group("called") or "")
    # Only an entry for the whole term: "eviction" explains "eviction", not "an eviction warrant".
    entries = [e for e in entries if defined <= w.content_stems(e.term)]
    if not entries:
        return
    said = " ".join([s.text for s in srcs] + [f"{e.term} {e.explanation}" for e in entries])
    from easyread.verify.findings import read

    explained = [read(e.explanation) for e in entries]
    stems, groups = _support(srcs + explained, [], said)
    from easyread.verify import related as rel

    theirs = {g.group for e in explained for g in e.frames}
    flipped = [f for f in out.frames if out.doc[f.i].idx >= m.end() and rel.OPPOSITE.get(f.group, set()) & theirs]
    if flipped:
        result.problems.append(
            Problem(
                "negation",
                f'This sentence explains "{entries[0].term}" with "{flipped[0].verb}"; the glossary says the opposite: '
                f'"{entries[0].explanation}"',
            )
        )
        return
    new, _ = _new_words(out, m.end(), stems, groups)
    # Two words at least: a definition adds a plain word of its own ("the contract for your home") as a rule.
    if len(new) >= 2:
        result.problems.append(
            Problem(
                "invented",
                f'This sentence explains "{entries[0].term}" in words the glossary and the letter do not use '
                f'({", ".join(dict.fromkeys(new))}); the glossary says: "{entries[0].explanation}"',
            )
        )
