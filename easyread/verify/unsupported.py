"""Words of substance the letter does not say: invented parties, comfort, reasons and promises, an order
made a choice, a debt waived, and words neither the letter nor the glossary explains."""

from __future__ import annotations

import re

from easyread.checks.facts import extract_facts
from easyread.verify import frames as fr
from easyread.verify import related as rel
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote, read

_REASSURANCE = re.compile(
    r"\b(worry|worried|worries|panic|okay|ok|alright|all right|relax|scared|afraid|nothing to fear|no problem|"
    r"don't be|do not be|nothing to|safe|fine with|not a problem|nothing wrong|no need to|good news|great news)\b",
    re.IGNORECASE,
)
_REASON = re.compile(
    r"\b(because|so that|this is why|that is why|the reason|in order to|due to|as a result)\b", re.IGNORECASE
)
_SUBSTANCE_TAGS = ("NN", "VB", "JJ", "RB")
# A letter that names the reader's feelings ("any anxiety this may cause") allows "worry" in its rewrite.
_FEELINGS = re.compile(r"\b(anxi\w*|distress\w*|upset\w*|concern\w*|stress\w*|apologi\w*|sorry)\b", re.IGNORECASE)


def _supported_stems(sources: list[str], glossary) -> tuple[set[str], set[str]]:
    text = " ".join(sources)
    stems = w.content_stems(text)
    for s in list(stems):
        stems |= rel.RELATED.get(s, set())
    groups = {f.group for s in sources for f in read(s).frames}
    if glossary is not None:
        try:
            for entry in glossary.terms_in(text):
                stems |= w.content_stems(f"{entry.term} {entry.explanation}")
        except Exception:  # a broken glossary must not stop the check; the words just count as unexplained
            pass
    return stems, groups


# Words that link a sentence to the one before and say nothing of their own ("However, emergencies might ...").
_LINKS = {"however", "also"}


def unsupported_words(out: fr.Sentence, sources: list[str], glossary=None) -> list[tuple[str, str]]:
    """(word, tag) of the output's words of substance that neither the sources nor the glossary say."""
    stems, groups = _supported_stems(sources, glossary)
    # ("On 2 June 2026." for "On 02/06/2026.": the month's name is the letter's date, said in words)
    in_facts = {i for f in extract_facts(out.text) for i in range(f.start, f.end)}
    found = []
    for tok in out.doc:
        word = tok.lower_.replace("’", "'")
        if not tok.is_alpha or word in w.STOP or word in w.EASY_WORDS or word in w.PARTY_OF:
            continue
        if tok.idx in in_facts or word in _LINKS:
            continue
        if not tok.tag_.startswith(_SUBSTANCE_TAGS) or tok.tag_ == "MD":
            continue
        if w.stem(word) in stems or (tok.tag_.startswith("VB") and w.verb_group(word) in groups):
            continue
        if w.stem(_hyphenated(tok)) in stems:
            continue  # "non" of "non-payment", which the letter's words hold as one word
        if tok.tag_.startswith("VB") and w.verb_group(word) in w.LIGHT_VERBS:
            continue  # "having to leave", "it becomes a debt": a verb that carries no content of its own
        if w.verb_group(word) in groups or any(w.stem(word)[:5] == s[:5] for s in stems if len(s) >= 5):
            continue
        found.append((tok.text, tok.tag_))
    return found


def _hyphenated(tok) -> str:
    """The hyphenated word a token is the first part of ("non-payment"), else the token."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text == "-" and not doc[tok.i + 1].whitespace_:
        return f"{tok.lower_}-{doc[tok.i + 2].lower_}"
    return tok.lower_


_OPTIONAL = re.compile(
    r"\b(if you (want|wish|like|prefer)( to)?\s*[.!]?$|up to you|optional|if you feel like it)", re.IGNORECASE
)
_DEMAND = re.compile(
    r"\b(must|need to|needs to|have to|has to|should|please|required|ask that|remember|essential|"
    r"make sure|ensure|important|essential|vital|necessary)\b",
    re.IGNORECASE,
)
_WAIVER = re.compile(
    r"\b(cancel|clear|wipe|write off|written off|forget|waive|stop|end|remove)\w*\b.{0,30}\b(arrears|debt|"
    r"rent|charge|fine|penalt|bill|overpayment|costs?|what you owe|the money you owe)\b|\b(arrears|debt|overpayment|charge|fine|bill)\b.{0,30}"
    r"\b(cleared|cancelled|written off|wiped|waived|stopped|removed)\b",
    re.IGNORECASE,
)
_WAIVE_VERB = re.compile(r"^(cancel|clear|wipe|write|written|forget|waive|stop|end|remove)", re.IGNORECASE)
_DEBT = re.compile(r"^(arrears|debt|rent|charge|fine|penalt|bill|overpayment|cost|owe)", re.IGNORECASE)


def _waives_money(out: fr.Sentence) -> bool:
    """The cancelling verb has the debt in its own clause ("we will cancel your arrears"), not in the next clause
    ("If your Housing Benefit stops, we will send you a bill": what stops is the benefit)."""
    for tok in out.doc:
        if not _WAIVE_VERB.match(tok.lower_) or not tok.tag_.startswith("VB"):
            continue
        own = [tok.head] if tok.dep_ in ("acl", "amod") else []
        stack = list(tok.children)
        while stack:
            c = stack.pop()
            if c.dep_ in ("advcl", "conj", "ccomp", "relcl", "parataxis", "xcomp") and c.tag_.startswith("VB"):
                if not (c.dep_ == "ccomp" and any(x.lower_ == "what" for x in c.children)):
                    continue  # "cancel what you owe": the clause is the object, the debt itself
            own.append(c)
            stack.extend(c.children)
        if any(_DEBT.match(x.lower_) for x in own):
            return True
    return False


_NEVER = re.compile(r"\b(never|always|definitely|certainly|guarantee\w*)\b", re.IGNORECASE)


def promise_problems(out: fr.Sentence, sources: list[str], result: Assessment) -> None:
    """An order made optional, a debt waived, a "never" or "always" the letter does not give."""
    src = " ".join(sources)
    optional = _OPTIONAL.search(out.text)
    if (
        optional
        and not _OPTIONAL.search(src)
        and _DEMAND.search(src + " " + out.text.split(optional.group(0))[0])
        or (optional and not _OPTIONAL.search(src) and any(f.modal == fr.IMP for s in sources for f in read(s).frames))
    ):
        result.problems.append(
            Problem(
                "modal", f'The letter asks you to do this; this sentence makes it a choice ("{optional.group(0)}").'
            )
        )
        return
    waiver = _WAIVER.search(out.text)
    if waiver and not _WAIVER.search(src) and _waives_money(out):
        result.problems.append(
            Problem(
                "invented",
                f'The letter does not say the money is cancelled or cleared; this sentence says "{waiver.group(0)}".',
            )
        )
        return
    never = _NEVER.search(out.text)
    # "Have you never had a kit?" for "Haven't had a kit?": asked, "never" is the letter's "not" and promises nothing
    asked = out.question and never is not None and never.group(0).lower() == "never" and re.search(r"\bnot\b|n't", src)
    if never and not _NEVER.search(src) and not asked:
        result.problems.append(
            Problem(
                "invented",
                f'The letter does not say "{never.group(0)}"; this sentence makes a promise the letter does not make.',
            )
        )


_DEFINITION = re.compile(
    r"^\s*(?:an?\s+|the\s+)?(?P<term>[\w' -]{2,40}?)\s+(?:means|is when|is where|is an?|is the|are)\b|"
    r"^\s*(?:this|it|that)\s+is\s+called\s+(?:an?\s+|the\s+)?(?P<called>[\w' -]{2,40})",
    re.IGNORECASE,
)


def _defines_source_term(text: str, src: str) -> bool:
    m = _DEFINITION.match(text)
    term = (m.group("term") or m.group("called") or "") if m else ""
    stems = w.content_stems(term)
    return bool(stems) and stems <= w.content_stems(src)


_PROMISED = {fr.FUTURE, fr.OBLIG, fr.IMP}


def _invented_action(out: fr.Sentence, sources: list[str], glossary, result: Assessment) -> bool:
    """ "We will repair your window and paint your kitchen": a promise or an order of an action the letter never
    names, on a thing it never names (the verb and every word of its object are new)."""
    if out.question:
        return False
    stems, groups = _supported_stems(sources, glossary)
    for f in out.frames:
        if f.group in groups or f.group in w.LIGHT_VERBS | w.STATE_VERBS or f.modal not in _PROMISED or f.cond:
            continue
        if f.modal == fr.OBLIG and not (f.agent and w.YOU in f.agent):
            continue  # "we have to change your date": what happens to us, not a promise or an order to you
        things = {x for x in f.objects if x not in w.PARTY_OF and x not in w.EASY_WORDS}
        if w.stem(f.verb.lower()) in stems or not things or things & stems:
            continue
        result.problems.append(
            Problem("invented", f'The letter does not say anyone will "{f.verb.lower()}" this: "{f.text}".')
        )
        return True
    return False


def _label(text: str) -> bool:
    """A letter line with no main verb ("A Money Judgment for the arrears that you owe.")."""
    root = next((t for t in read(text).doc if t.dep_ == "ROOT"), None)
    return root is None or not root.tag_.startswith("VB")


def word_problems(out: fr.Sentence, sources: list[str], glossary, result: Assessment) -> None:
    src = " ".join(sources)
    if _DEFINITION.match(out.text) and _defines_source_term(out.text, src) and len(sources) == 1 and _label(src):
        # "A Money Judgment is a court order to pay money you owe" for the label "A Money Judgment for the arrears":
        # explaining the letter's own term; what it says is for the glossary check and the model.
        result.undecided.append(("invented", "The sentence explains a term of the letter in words it does not use."))
        return
    theirs = {w.PARTY_OF.get(t.lower()) for t in re.findall(r"[\w']+", src)}
    # "legal action", "proceedings", "a Possession Order" are the court's, so "court" brings in no new party.
    theirs |= {w.PARTY_OF.get(r) for s in w.content_stems(src) for r in rel.RELATED.get(s, set())}
    for tok in out.doc:
        party = w.PARTY_OF.get(tok.lower_)
        if party in (w.LANDLORD, w.COURT, w.AGENT) and party not in theirs:
            result.problems.append(
                Problem("invented", f'The letter does not mention {party} here; this sentence brings in "{tok.text}".')
            )
            return
    comfort = _REASSURANCE.search(out.text)
    if comfort and not _REASSURANCE.search(src) and not _FEELINGS.search(src):
        result.problems.append(
            Problem(
                "invented",
                f'The letter does not say "{comfort.group(0)}" or anything like it: '
                "this sentence adds comfort the letter does not give.",
            )
        )
        return
    if _invented_action(out, sources, glossary, result):
        return
    if _needed_thing_added(out, sources, glossary, result):
        return
    extra = unsupported_words(out, sources, glossary)
    examples = [] if _EXAMPLE.search(src) else _examples_added(out, extra)
    if examples:
        result.problems.append(
            Problem(
                "invented",
                f"This sentence gives examples the letter does not give: {', '.join(examples)}.",
            )
        )
        return
    reason = _REASON.search(out.text)
    if reason and not _REASON.search(src) and extra:
        result.problems.append(
            Problem(
                "invented",
                f'This sentence gives a reason ("{reason.group(0)} ...") the letter '
                f"does not give; the letter does not say: {', '.join(x for x, _ in extra)}.",
            )
        )
        return
    if _DEFINITION.match(out.text) and _defines_source_term(out.text, src):
        return  # "Arrears means rent you have not paid": explaining the letter's own word
    # Plain words the letter does not use are how Easy Read explains it ("harder to borrow money for a while" for
    # "affect your ability to obtain credit"), so words alone are not an error: on the tuning splits, three or more
    # new words with no reason, explanation, promise or order around them caught no error and flagged faithful
    # lines. The model judges them (orders.explanation_added and the rules above judge the claims).
    if extra:
        result.undecided.append(("invented", f'The letter does not use the word "{extra[0][0]}".'))


# Verbs that only carry an obligation to their object: "need an assessment", "must have an assessment", "must get a
# form", "have to attend an interview".
_CARRIERS = {"need", "require", "have", "get", "attend", "go", "take", "book", "do"}


def _needed_thing_added(out: fr.Sentence, sources: list[str], glossary, result: Assessment) -> bool:
    """ "They may need an assessment to get help ..." for a letter sentence that names no assessment: a thing the
    reader needs (or must have, attend, get), which neither the letter sentence nor the glossary's explanation of
    its terms names, is a claim taken from elsewhere (another sentence of the letter, or nowhere). New words alone
    are often Easy Read's plain paraphrase and are left to the model; a new thing put under a need or an order is
    what the reader will act on, so it is flagged. A word that shares its first five letters with one of the
    letter's, or that the related-words table links to one, counts as said."""
    stems, _groups = _supported_stems(sources, glossary)
    theirs = [g for src in sources for g in read(src).frames]
    for f in out.frames:
        if f.neg or f.question or f.cond:
            continue
        if any((g.group == f.group or g.modal == f.modal == fr.OBLIG) and g.objects for g in theirs):
            continue  # the letter's own need said in plainer words ("may need more tests" for "further investigations")
        tok = out.doc[f.i]
        if not (f.group == "need" or (f.modal == fr.OBLIG and w.base(tok.lower_) in _CARRIERS)):
            continue
        for obj in (c for c in tok.children if c.dep_ == "dobj" and c.tag_.startswith("NN")):
            words = [obj] + [c for c in obj.children if c.dep_ == "compound"]
            if any(x.lower_ in w.STOP or x.lower_ in w.EASY_WORDS or x.lower_ in w.PARTY_OF for x in words):
                continue
            if any(
                w.stem(x.lower_) in stems or any(w.stem(x.lower_)[:5] == s[:5] for s in stems if len(s) >= 5)
                for x in words
            ):
                continue
            result.problems.append(
                Problem(
                    "invented",
                    f'The letter sentence does not say anyone needs "{obj.text}"; this sentence says "{quote(f.text)}".',
                )
            )
            return True
    return False


_EXAMPLE = re.compile(r"\b(such as|like|for example|for instance|including|e\.g\.)\s", re.IGNORECASE)


def _examples_added(out: fr.Sentence, extra: list[tuple[str, str]]) -> list[str]:
    """The things a line names as examples ("like lighting and heating", "such as ...") that neither the letter
    sentence nor the glossary names: read in a real draft, "It can also provide essential things like lighting and
    heating." for a grant "to provide essential facilities within it". A new word is often a plain paraphrase, so
    it is left to the model; an example is a claim the resident will take as the letter's. (Where the letter gives
    examples itself, the line's may be its own in plainer words: "like hearing, seeing, or eating" for "such as
    hearing, sight or dietary needs".)"""
    new = {x.lower() for x, tag in extra if tag.startswith("NN")}
    if not new:
        return []
    for match in _EXAMPLE.finditer(out.text):
        if match.group(1).lower() == "like":
            # "if you would like to": a verb, not the start of examples
            tok = next((t for t in out.doc if t.idx == match.start(1)), None)
            if tok is None or tok.tag_ != "IN":
                continue
        after = [t.text for t in out.doc if t.idx >= match.end() and t.lower_ in new]
        if after:
            return list(dict.fromkeys(after))
    return []
