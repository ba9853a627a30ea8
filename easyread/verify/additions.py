"""What a line adds to its letter line, found from the way real drafts added it (round 6).

Each rule names a cause seen in drafts of real letters that reached residents unmarked:

- a reason ("because you did not pay on time") taken from the glossary's explanation of another word and given as
  the letter's reason: the glossary explains a word, it does not say why this letter's action happens;
- a list's lead-in ("the Council will be asking for:") finished with an object the letter does not give there
  ("... for information."), or cut before the object it does give ("We will ask you.");
- a qualifier on the letter's own noun ("a paid carer" for "carer"): it narrows who or what counts;
- a name changed ("The Department of Surgery" for "The Day Surgery Unit"): the reader goes to the wrong place;
- a heading made a promise or an order ("We'll be here to help you wait." for "Support for you while you wait").
"""

from __future__ import annotations

import re
import unicodedata

from easyread.checks.facts import extract_facts
from easyread.verify import frames as fr
from easyread.verify import related as rel
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote

_REASON = re.compile(r"\b(because|due to|as a result of|the reason|this is why|that is why)\b", re.IGNORECASE)
# The letter gives a reason of its own: then a rewrite may say it with "because".
_LETTER_REASON = re.compile(
    r"\b(because|due to|as a result|result(s|ed)? in|caus\w*|reason\w*|why|since|as (this|that|you|we|it|your)|"
    r"so (that|we|you)|therefore|owing to|following|after|in order)\b",
    re.IGNORECASE,
)


def _stems_of(srcs: list[fr.Sentence], related: bool = True) -> set[str]:
    text = " ".join(s.text for s in srcs)
    stems = w.content_stems(text) | w.content_stems(text.replace("-", " "))  # "Pre-operative": "operative" too
    for s in list(stems) if related else ():
        stems |= rel.RELATED.get(s, set())
    return stems


def _said(word: str, stems: set[str]) -> bool:
    s = w.stem(word)
    return s in stems or (len(s) >= 5 and any(s[:5] == x[:5] for x in stems if len(x) >= 5))


def reason_borrowed(out: fr.Sentence, srcs: list[fr.Sentence], glossary, result: Assessment) -> None:
    """ "This agreement means you owe money because you did not pay on time." for a letter sentence that confirms an
    agreement and gives no reason: the reason is the glossary's explanation of "arrears", borrowed as the reason for
    the agreement. A reason whose words the letter sentence does not say is the line's own, even when the glossary
    says them, unless the line explains that very glossary term ("Arrears means money you owe because ...")."""
    if not srcs or any(p.kind == "invented" for p in result.problems):
        return
    m = _REASON.search(out.text)
    if m is None or any(_LETTER_REASON.search(s.text) for s in srcs):
        return
    before = out.text[: m.start()].casefold()
    if glossary is not None:
        try:
            terms = [e.term.casefold() for e in glossary.terms_in(" ".join(s.text for s in srcs))]
        except Exception:  # a broken glossary must not stop the check
            terms = []
        if any(re.search(rf"\b{re.escape(t)}\b", before) for t in terms):
            return  # the line explains the glossary's term, with the glossary's reason
    # The letter's own words only: the related-words table links "arrears" with "pay" and "owe", which is how the
    # glossary's reason passes as the letter's.
    stems = _stems_of(srcs, related=False)
    new = [
        t.text
        for t in out.doc
        if t.idx >= m.end()
        and t.is_alpha
        and t.lower_ not in w.STOP
        and t.lower_ not in w.PARTY_OF
        and t.tag_.startswith(("NN", "VB", "JJ"))
        and t.tag_ != "MD"
        and not (t.tag_.startswith("VB") and w.verb_group(t.lower_) in w.LIGHT_VERBS)
        and not _said(t.lower_, stems)
    ]
    if len(new) >= 2:
        result.problems.append(
            Problem(
                "invented",
                f'This sentence gives a reason ("{m.group(0)} ...") that the letter sentence does not give: '
                f'{", ".join(dict.fromkeys(new))}. The letter says: "{quote(srcs[0].text)}"',
            )
        )


# Words that only point at the list that follows ("these things", "the following").
_POINTERS = {
    "thing", "these", "following", "below", "list", "item", "some", "example", "such", "other", "detail",
    "decision",  # "the judge granted the following:" is "the judge made a decision" (round 7)
}  # fmt: skip


def lead_in_changed(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """A letter line ending in ":" is a list's lead-in; its list follows in the next lines. "At the Court hearing,
    the Council will be asking for information." ends the sentence with an object the letter does not give there
    (the reader takes "information" as all that is asked); "We will ask you." ends it before the object the lead-in
    gives ("some information including:"), so it says nothing."""
    if not srcs or out.question or out.text.rstrip().endswith(":") or result.problems:
        return
    lead = [s for s in srcs if s.text.rstrip().endswith(":")]
    if not lead or len(lead) != len(srcs):
        return
    stems = _stems_of(lead) | {w.stem(x) for x in _POINTERS}
    theirs = {t.lower_ for s in lead for t in s.doc}
    # Only the words after the last one the lead-in has: the object the line gives where the letter gives its list.
    said_at = [t.i for t in out.doc if t.lower_ in theirs and not t.is_punct]
    start = said_at[-1] + 1 if said_at else len(out.doc)
    new = [
        t
        for t in out.doc[start:]
        if t.is_alpha
        and t.tag_.startswith("NN")
        and t.lower_ not in w.STOP
        and t.lower_ not in w.PARTY_OF
        and not _said(t.lower_, stems)
    ]
    if new:
        result.problems.append(
            Problem(
                "invented",
                f'The letter line leads into a list ("{quote(lead[0].text)}"); this sentence ends it with words the '
                f"letter does not give there: {', '.join(dict.fromkeys(t.text for t in new))}.",
            )
        )
        return
    words = [t.lower_ for t in out.doc if not t.is_punct]
    for src in lead:
        theirs = [t for t in src.doc if not t.is_punct]
        tail = [t.lower_ for t in theirs]
        n = len(words)
        if n < 2 or n >= len(tail) or tail[:n] != words:
            continue
        rest = [t for t in theirs[n:] if t.is_alpha and t.lower_ not in ("including", "include", "includes")]
        if any(t.tag_.startswith(("NN", "JJ", "DT", "CD")) for t in rest):
            result.problems.append(
                Problem(
                    "fragment",
                    f'This sentence stops before what the letter says: "{quote(src.text)}".',
                    False,
                )
            )
            return


# Adjectives that are how Easy Read talks, not a narrower kind of the thing.
_PLAIN_QUALIFIERS = {
    "own", "other", "more", "same", "right", "best", "good", "easy", "few", "many", "much", "any", "all",
    "enough", "little", "whole", "usual", "different", "certain", "various", "several",
    # round 7: "We will ask you for additional information", "You can find useful resources there"
    "additional", "further", "useful", "helpful",
}  # fmt: skip


_NEWNESS = re.compile(r"\b(now|new|next|chang\w*|mov\w*|reschedul\w*|rearrang\w*|rebook\w*|instead|another)\b", re.I)


def qualifier_added(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "a paid carer" for the letter's "carer": an adjective put on the letter's own noun narrows who or what counts
    (an unpaid carer no longer does). Only a noun the letter names bare, with none of its own adjectives, is judged:
    where the letter describes the noun, the line may describe it in its own words."""
    if not srcs or out.question or any(p.kind == "invented" for p in result.problems):
        return
    if re.search(r"\b(means|is called|are called)\b", out.text, re.IGNORECASE):
        return  # a definition ('"Magistrates' court" means: A local court.') describes its term as it must
    stems = _stems_of(srcs)
    bare = {}
    for s in srcs:
        for t in s.doc:
            if t.tag_.startswith("NN"):
                own = [c for c in t.children if c.dep_ in ("amod", "compound")]
                bare.setdefault(w.stem(t.lower_), not own)
                bare[w.stem(t.lower_)] = bare[w.stem(t.lower_)] and not own
    for t in out.doc:
        if not t.is_alpha or t.dep_ != "amod" or t.tag_ not in ("JJ", "VBN") or not t.head.tag_.startswith("NN"):
            continue
        if t.lower_ in _PLAIN_QUALIFIERS or t.lower_ in w.STOP or _said(t.lower_, stems):
            continue
        if not bare.get(w.stem(t.head.lower_)):
            continue
        if t.lower_ in ("new", "next") and any(_NEWNESS.search(x.text) for x in srcs):
            continue  # "Your new appointment" for "Your appointment will now take place on ...": the letter says so
        result.problems.append(
            Problem(
                "invented",
                f'The letter says "{t.head.text}"; this sentence says "{t.text} {t.head.text}", which the letter does '
                "not: it narrows who or what counts.",
            )
        )
        return


def _name_runs(sentence: fr.Sentence) -> list[list]:
    """Runs of capitalised words inside a name ("Day Surgery Unit", "Department of Surgery"); "of", "and" join."""
    runs, run = [], []
    for t in sentence.doc:
        if t.is_sent_start or t.tag_ in ("PRP$", "DT", "PRP"):
            if run:
                runs.append(run)
            run = []
            continue  # the first word of a sentence is capitalised for its place, not as a name
        if t.is_alpha and t.text[:1].isupper() and t.lower_ not in w.STOP:
            run.append(t)
        elif t.lower_ in ("of", "and", "for") and run:
            continue
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    return [r for r in runs if len(r) >= 2]


_UNIT_WORDS = {
    w.stem(x)
    for x in (
        "unit", "team", "section", "department", "service", "services", "office", "centre", "center", "council",
        "borough", "trust", "hospital", "clinic", "ward", "group", "division", "branch", "desk", "line", "helpline",
    )
}  # fmt: skip


def name_changed(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "The Department of Surgery." for "The Day Surgery Unit,": a name of the letter said with a word it does not
    have. A name is where the reader goes or whom they call; a changed one sends them to the wrong place."""
    if not srcs or result.problems:
        return
    theirs = [r for s in srcs for r in _name_runs(s)]
    if not theirs:
        return
    said = {w.stem(t.lower_) for s in srcs for t in s.doc}
    for run in _name_runs(out):
        mine = {w.stem(t.lower_) for t in run}
        for name in theirs:
            theirs_stems = {w.stem(t.lower_) for t in name}
            dropped = {x for x in theirs_stems - mine if x not in _UNIT_WORDS}
            # "Housing Needs Team" for "Housing Needs Section" keeps the name; "Department of Surgery" for "Day
            # Surgery Unit" drops the word that tells the place apart ("Day") and brings in another.
            added = {x for x in mine - said if not any(_spelt_alike(x, y) for y in dropped)}
            if mine & theirs_stems and added and dropped:
                new = [t.text for t in run if w.stem(t.lower_) not in said]
                result.problems.append(
                    Problem(
                        "invented",
                        f'The letter names "{_span(name)}"; this sentence names "{_span(run)}" '
                        f"({', '.join(new)} is not in the letter): the reader may go to or call the wrong place.",
                    )
                )
                return


def _spelt_alike(a: str, b: str) -> bool:
    """ "Zurich" for "Zürich", "Honor" for "Honour": the same name spelt another way, not another name."""
    from difflib import SequenceMatcher

    plain = [unicodedata.normalize("NFKD", x).encode("ascii", "ignore").decode() for x in (a, b)]
    return SequenceMatcher(None, *plain).ratio() >= 0.8


def _span(run: list) -> str:
    return run[0].doc[run[0].i : run[-1].i + 1].text


def _heading(src: fr.Sentence) -> bool:
    root = next((t for t in src.doc if t.dep_ == "ROOT"), None)
    if root is None or not root.tag_.startswith("NN") or ":" in src.text or src.text.rstrip().endswith("?"):
        return False
    return not extract_facts(src.text)  # "Total amount payable £143.75 weekly": a label with its value


_DUTY = {"responsible", "liable"}


def heading_made_promise(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "We'll be here to help you wait." for the heading "Support for you while you wait for your appointment.": a
    heading names a subject; a line that says we will do something (or you must) promises or orders what the heading
    does not. What the section then says is in its own sentences, each traced to its own letter sentence."""
    if not srcs or out.question or result.problems or not all(_heading(s) for s in srcs):
        return
    for f in out.frames:
        tok = out.doc[f.i]
        if tok.dep_ != "ROOT" or f.neg or f.cond:
            continue
        # "You should have paid this money back": a "should" is an order (or a reproach) too; "We provide transport":
        # what we do, said as a fact, promises it (what the reader does, "You pay money to the council each year",
        # is how the glossary explains a heading's term, so only "we" counts)
        offered = f.modal == fr.PLAIN and not f.past and f.agent == frozenset({w.WE}) and f.group not in w.LIGHT_VERBS
        # "We are responsible for fixing your home" for the heading "Responsibility for repairs": a duty put on one
        # party, which the heading does not say (the section's sentences say whose each repair is)
        duty = f.agent and f.agent & {w.WE, w.YOU} and any(c.lower_ in _DUTY for c in tok.children if c.dep_ == "acomp")
        if (f.modal in (fr.FUTURE, fr.OBLIG, fr.SHOULD) and f.agent and f.agent & {w.WE, w.YOU}) or offered or duty:
            result.problems.append(
                Problem(
                    "invented",
                    f'The letter line is a heading ("{quote(srcs[0].text)}"); this sentence makes it a promise or an '
                    f'order: "{quote(f.text)}".',
                )
            )
            return


# Consequences a letter may threaten; one it does not name is the line's own threat (or the line's own comfort,
# where it is denied: "you will not lose your home").
_THREATS = re.compile(
    r"\b(prison|jail|gaol|arrest\w*|police|criminal|crime|prosecut\w*|evict\w*|homeless\w*|"
    r"(lose|take|sell|seize)\w*\s+(your|the)\s+(home|house|property|car|flat|belongings|goods)|bankrupt\w*)\b",
    re.IGNORECASE,
)


def threat_added(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "A reminder means you will go to prison.", "If you live in a care home, we will take your home.": a
    consequence (prison, eviction, losing the home) the letter sentence does not name. A threat the letter does not
    make frightens the reader into the wrong act (paying money they do not owe, leaving a home)."""
    if not srcs or any(p.kind == "invented" for p in result.problems):
        return
    m = _THREATS.search(out.text)
    if m is None:
        return
    text = " ".join(s.text for s in srcs)
    key = w.stem(m.group(3) if m.group(3) else m.group(1).split()[0])
    if key in w.content_stems(text) or _THREATS.search(text) and m.group(3) is None:
        return
    if re.search(r"\b(possession|evict\w*|give up|lose|losing)\b", text, re.I) and re.search(
        r"\b(evict|home|house|property)", m.group(0), re.I
    ):
        return  # "a Notice of Seeking Possession", "give up possession of your dwelling": losing the home
    result.problems.append(
        Problem(
            "invented",
            f'The letter sentence does not say "{m.group(0)}": this sentence adds a consequence the letter does not '
            "give.",
        )
    )


_EVERYONE = re.compile(
    r"\b(everyone|everybody|every (one|person|tenant|resident|patient)|all (people|tenants|residents|patients)|"
    r"the same for (all|everyone)|anyone can)\b",
    re.IGNORECASE,
)


def everyone_added(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "The amount you pay is the same for everyone." for "The amount ... is based on what we assess you can
    reasonably afford": a rule for everyone where the letter speaks of the reader's own case."""
    if not srcs or any(p.kind == "invented" for p in result.problems):
        return
    m = _EVERYONE.search(out.text)
    if m is None or _EVERYONE.search(" ".join(s.text for s in srcs)):
        return
    if re.search(r"\b(all|any|anyone|anybody|every|each)\b", " ".join(s.text for s in srcs), re.IGNORECASE):
        return  # the letter generalises too ("all tenants", "any resident", "anyone who"): the line may say it its way
    result.problems.append(
        Problem("invented", f'The letter sentence does not say "{m.group(0)}": this sentence makes a rule of its own.')
    )


def no_main_clause(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "If you wish to appeal, the Clerk to the Appeals Panel within 20 school days.": the only verb is in the "if"
    (or "when") part and the rest has none, so the sentence never says what to do. The letter says it whole."""
    if any(p.kind == "fragment" for p in result.problems) or out.question or not srcs:
        return
    root = next((t for t in out.doc if t.dep_ == "ROOT"), None)
    if root is None or out.text.rstrip().endswith(":"):
        return
    if out.doc[0].lower_ in w.VERB_GROUP and out.doc[0].tag_.startswith("NN"):
        return  # "Phone 0161 496 0199 if paying is hard.": an order the parser reads as a noun, not a lone "if"
    if root.tag_.startswith("NN"):
        cut = any(c.dep_ == "advcl" and any(m.dep_ == "mark" for m in c.children) for c in root.children)
    else:
        # the parse hangs the rest on the "if" verb: "If you wish to appeal, the Clerk ..." has "wish" as its root
        cut = any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in root.children) and not any(
            t.i != root.i and t.tag_.startswith("VB") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
            for t in out.doc
        )  # "If he does not like it he tries to end it": the parse hangs the consequence on the "if" verb
        marks = [c for c in root.children if c.dep_ == "mark"]
        if cut and root.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in root.children):
            # "If your financial situation changes, contact us.": the parse reads "changes" as a noun (the order's
            # subject) and hangs the "if" on the order after the comma, which is what happens then
            cut = not any(t.text == "," and marks[0].i < t.i < root.i for t in out.doc)
    if cut and all(s.frames for s in srcs):
        result.problems.append(
            Problem("fragment", 'This sentence has no main verb after its "if": it does not say what happens.', False)
        )
