"""Does an Easy Read sentence say what its letter sentence(s) say? Rules on the parse, no model.

Each check compares frames (easyread.verify.frames) of the output with the frames of its sources that name
the same action: who does it, who pays whom, must / may / will, "not", the "if" it depends on, and which
action a deadline or amount belongs to. Then words of substance that neither the sources nor the glossary
say, and garbled fragments. Easy Read's own changes (active for passive, "we" for the council, "you" for the
reader, "Do you rent your home?" for "If you rent your home") compare equal, so they raise nothing.

What the rules cannot settle (an action the sources never name, one unexplained word) is returned as
`undecided` for a second opinion from the model; the rules never pass it silently as checked.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from easyread.checks.facts import compare_facts, extract_facts
from easyread.verify import frames as fr
from easyread.verify import words as w

KINDS = ("agent", "money", "modal", "negation", "condition", "fact-moved", "invented", "fragment")


@dataclass(frozen=True)
class Problem:
    """One way an Easy Read sentence changes the letter's meaning, in words council staff can act on."""

    kind: str  # one of KINDS, or "model" for the model's second opinion
    message: str
    harmful: bool = True

    def to_dict(self) -> dict:
        return {"kind": self.kind, "message": self.message, "harmful": self.harmful}


@dataclass
class Assessment:
    problems: list[Problem] = field(default_factory=list)
    undecided: list[tuple[str, str]] = field(default_factory=list)  # (likely kind, what the rules could not settle)

    @property
    def ok(self) -> bool:
        return not self.problems


@lru_cache(maxsize=4096)
def _read(text: str) -> fr.Sentence:
    return fr.read_sentences([text])[0]


def _who(parties) -> str:
    if not parties:
        return "someone"
    names = {w.WE: "we", w.YOU: "you"}
    return " or ".join(names.get(p, p) for p in sorted(parties, key=lambda p: (p != w.WE, p != w.YOU, p)))


def _who_obj(parties) -> str:
    return {"we": "us"}.get(_who(parties), _who(parties))


def _quote(text: str, limit: int = 12) -> str:
    words = text.split()
    return " ".join(words[:limit]) + (" ..." if len(words) > limit else "")


# ---------------------------------------------------------------------------------------------- stances

_NEGATIVE = {"must not", "need not", "cannot", "may not", "will not", "not", "do not", "might not", "should not"}


def stance(frame: fr.Frame) -> str:
    """'must', 'must not', 'need not', 'can', 'cannot', 'may', 'might', 'will', 'will not', 'plain', 'not', 'do', 'do not'."""
    if frame.modal == fr.NOOBLIG:
        return "need not"
    base = {
        fr.OBLIG: "must",
        fr.POSSIB: "can",
        fr.MAY: "may",
        fr.HEDGE: "might",
        fr.FUTURE: "will",
        fr.PLAIN: "plain",
        fr.IMP: "do",
        fr.SHOULD: "should",
    }[frame.modal]
    if not frame.neg:
        return base
    return {"can": "cannot", "plain": "not"}.get(base, base + " not")


_MODAL_CLASH = [
    ({"must"}, {"can", "may", "might"}),
    ({"do"}, {"may", "might"}),
    ({"cannot"}, {"need not"}),
    ({"must not", "do not"}, {"need not"}),
    ({"may", "might"}, {"will", "must"}),
    ({"will"}, {"might", "can", "may"}),
]
_SAY = {
    "must": "must",
    "can": "can",
    "may": "may",
    "might": "might",
    "will": "will",
    "plain": "",
    "do": "must (an instruction)",
    "must not": "must not",
    "need not": "does not have to",
    "cannot": "cannot",
    "may not": "may not",
    "will not": "will not",
    "not": "do not",
    "should": "should",
    "should not": "should not",
    "do not": "must not (an instruction)",
    "might not": "might not",
}


def stance_clash(src: str, out: str) -> str | None:
    """'negation' or 'modal' when the output's stance changes the source's; None when they agree."""
    if src == out:
        return None
    if (src in _NEGATIVE) != (out in _NEGATIVE):
        if {src, out} in ({"need not", "must not"}, {"need not", "do not"}):
            return "modal"
        if {src, out} <= {
            "will",
            "will not",
            "plain",
            "not",
            "do",
            "do not",
            "must",
            "must not",
            "need not",
            "can",
            "cannot",
            "may",
            "may not",
            "might",
            "might not",
            "should",
            "should not",
        }:
            return "negation"
    for a, b in _MODAL_CLASH:
        if (src in a and out in b) or (src in b and out in a):
            return "modal"
    return None


# ---------------------------------------------------------------------------------------------- frame checks

_CORE = frozenset({w.WE, w.YOU, w.LANDLORD, w.COURT, w.AGENT})


def _agents_meet(a, b) -> bool:
    return a is None or b is None or bool(a & b)


def _money_clash(out: fr.Frame, src: fr.Frame) -> bool:
    if out.payer and src.payer and not out.payer & src.payer:
        return True
    if out.payee and src.payee and not out.payee & src.payee:
        return True
    if out.payer and src.payee and out.payer & src.payee and not (src.payer and out.payer & src.payer):
        return True
    return bool(out.payee and src.payer and out.payee & src.payer and not (src.payee and out.payee & src.payee))


def _money_unsaid(f: fr.Frame, src_frames: list[fr.Frame], src: str) -> str | None:
    """What the letter never says about this money, when no verb of the letter moves it the same way."""
    to_you = bool((f.payer and w.WE in f.payer) or (f.payee and w.YOU in f.payee))
    from_you = bool((f.payer and w.YOU in f.payer) or (f.payee and w.WE in f.payee))
    if to_you and not from_you:
        said = any((s.payer and w.WE in s.payer) or (s.payee and w.YOU in s.payee) for s in src_frames if s.money)
        evidence = w.BACK_TO_YOU if f.money == "back" else w.TO_YOU
        if not said and not evidence.search(src):
            return "that we pay you money back" if f.money == "back" else "that we pay you money"
    if from_you and not to_you:
        said = any((s.payer and w.YOU in s.payer) or (s.payee and w.WE in s.payee) for s in src_frames if s.money)
        if not said and not w.FROM_YOU.search(src):
            return "that you have to pay"
    return None


def _flow(frame: fr.Frame) -> str:
    if frame.payer and frame.payee:
        return f"{_who(frame.payer)} pay {_who_obj(frame.payee)}"
    if frame.payer:
        return f"{_who(frame.payer)} pay"
    return f"{_who(frame.payee)} get the money"


_GENERIC_CONDITION = re.compile(
    r"^\s*(if|when)\s+you\s+(have\s+(any\s+)?(questions?|queries|concerns)|need\s+(any\s+)?(help|more|further|advice|"
    r"support|information|it)|would\s+like|want\s+(to\s+talk|more|help)|are\s+not\s+sure|cannot|can't|do\s+not\s+understand)",
    re.IGNORECASE,
)
_HARD_CONDITION = re.compile(
    r"\b(not|no|never|unless|fail|failure|without|cannot|can't|don't|doesn't|didn't|won't)\b", re.IGNORECASE
)
_IF_WORDS = re.compile(r"\b(if|unless|when|whenever|provided|once)\b", re.IGNORECASE)


def _frame_problems(out: fr.Sentence, srcs: list[fr.Sentence], context: list[fr.Sentence], result: Assessment) -> None:
    src_frames = [f for s in srcs for f in s.frames]
    seen: set[str] = set()

    def add(kind: str, message: str, harmful: bool = True) -> None:
        if kind not in seen:
            seen.add(kind)
            result.problems.append(Problem(kind, message, harmful))

    for f in out.frames:
        # Money: who pays whom, compared with source frames of the same kind of payment (first or back).
        if f.money and (f.payer or f.payee):
            same_kind = [s for s in src_frames if s.money == f.money and (s.payer or s.payee)]
            if same_kind and all(_money_clash(f, s) for s in same_kind):
                s = same_kind[0]
                add("money", f'The letter says {_flow(s)} ("{_quote(s.text)}"); this sentence says {_flow(f)}.')
                continue
            if not same_kind and not out.question:
                missing = _money_unsaid(f, src_frames, " ".join(s.text for s in srcs))
                if missing:
                    add("money", f"The letter does not say {missing}; this sentence says {_flow(f)}.")
                    continue
        if f.group == "need" and stance(f) in _NEGATIVE and not out.question:
            asked = [s for s in src_frames if stance(s) in ("must", "do", "should") and _overlap(s, f)]
            if asked and not any(stance(s) in _NEGATIVE for s in src_frames if s.group == "need"):
                s = asked[0]
                add(
                    "negation", f'The letter asks for this ("{_quote(s.text)}"); this sentence says you do not need to.'
                )
                continue
        same = [s for s in src_frames if s.group == f.group]
        opposite = [
            s
            for s in src_frames
            if s.group in w.OPPOSITE.get(f.group, ())
            and _agents_meet(s.agent, f.agent)
            and _overlap(s, f)
            and (s.neg == f.neg)
        ]
        if opposite and not same and not out.question:
            s = opposite[0]
            add("negation", f'The letter says "{_quote(s.text)}"; this sentence says the opposite: "{f.verb.lower()}".')
            continue
        if not same:
            continue
        if f.group not in w.AGENT_FREE and f.agent and not f.weak and not out.question and f.agent & _CORE:
            if all(s.agent and not s.weak and s.agent & _CORE and not (s.agent & f.agent) for s in same):
                s = same[0]
                add(
                    "agent",
                    f'The letter says {_who(s.agent)} {s.verb} ("{_quote(s.text)}"); '
                    f"this sentence says {_who(f.agent)} {f.verb}.",
                )
                continue
        matched = _best(f, [s for s in same if _agents_meet(s.agent, f.agent) and _overlap(s, f) and s.past == f.past])
        if not matched:
            continue
        if not out.question and not f.purpose and not any(s.purpose for s in matched):
            clashes = [stance_clash(stance(s), stance(f)) for s in matched]
            if all(clashes):
                kind = "negation" if "negation" in clashes else "modal"
                s = matched[clashes.index(kind)]
                add(kind, f'The letter says {_said(s)} ("{_quote(s.text)}"); this sentence says {_said(f)}.')
                continue
        _condition_checks(f, out, matched, context, add, result)


def _overlap(s: fr.Frame, f: fr.Frame) -> bool:
    """The two clauses share a word besides their verb (or neither has one): they talk about the same thing."""
    a = w.content_stems(s.text) - {w.stem(s.verb)}
    b = w.content_stems(f.text) - {w.stem(f.verb)}
    wide = set(a)
    for x in a:
        wide |= w.RELATED.get(x, set())
    return bool(wide & b) or not (a and b)


def _best(f: fr.Frame, candidates: list[fr.Frame]) -> list[fr.Frame]:
    """The source frames that line up best with `f`: same condition status, same agent, same facts, same object."""

    def score(s: fr.Frame) -> int:
        return (
            2 * (bool(s.cond) == bool(f.cond))
            + 2 * bool(s.agent and f.agent and s.agent & f.agent)
            + len(set(s.facts) & set(f.facts))
            + bool(s.objects & f.objects)
        )

    if not candidates:
        return []
    top = max(score(s) for s in candidates)
    return [s for s in candidates if score(s) == top]


def _said(f: fr.Frame) -> str:
    return " ".join(x for x in (_who(f.agent), _SAY[stance(f)], f.verb.lower()) if x)


def _condition_checks(
    f: fr.Frame, out: fr.Sentence, matched: list[fr.Frame], context: list[fr.Sentence], add, result: Assessment
) -> None:
    if out.question or f.cond or f.conditions or _IF_WORDS.search(out.text):
        return
    # "If you contact us, it will help us": an invitation to get in touch, not a condition to keep.
    conditional = [s for s in matched if s.cond and s.cond != "when" and s.group != "contact"]
    plain = [s for s in matched if not s.cond]
    if conditional and not plain and all(not s.objects or (s.objects & f.objects) for s in conditional[:1]):
        s = conditional[0]
        add(
            "condition",
            f'The letter says this only as a condition ("{_quote(s.text)}"); this sentence says it as a fact.',
        )
        return
    governed = [s for s in plain if s.conditions]
    if plain and len(governed) == len(plain):
        conditions = [c for c in governed[0].conditions if not _GENERIC_CONDITION.match(c)]
        if not conditions:
            return
        stems = w.content_stems(" ".join(conditions))
        for ctx in context:
            if (ctx.question or _IF_WORDS.search(ctx.text)) and w.content_stems(ctx.text) & stems:
                return
        # "Please talk to us so we can help you", "Please contact us. It helps us ...": the condition's
        # action is asked for, which carries it.
        wanted = {g.group for g in _read(" ".join(conditions)).frames} - w.LIGHT_VERBS
        if any(g.group in wanted for ctx in context for g in ctx.frames) or any(
            g.group in wanted and g.modal == fr.IMP for g in out.frames
        ):
            return
        message = (
            f'The letter says this happens only "{_quote(conditions[0])}"; this sentence leaves out that condition.'
        )
        hard = _HARD_CONDITION.search(" ".join(conditions)) or compare_facts("", " ".join(conditions)).invented
        hedged = any(t.lower_ in ("could", "may", "might") for t in out.doc)
        if hard and not hedged and stance(f) not in ("might", "may", "can"):
            add("condition", message)
        else:
            # Easy Read often asks the condition as a question in the sentence before; without that
            # sentence the rules cannot tell a lost condition from a moved one.
            result.undecided.append(("condition", message))


# ---------------------------------------------------------------------------------------------- facts

_PRO_OBJECT = {"this", "that", "it", "so", "these"}


def _fact_problems(
    out: fr.Sentence,
    srcs: list[fr.Sentence],
    context: list[fr.Sentence],
    sources_text: str,
    support_text: str,
    result: Assessment,
) -> None:
    comparison = compare_facts(support_text, out.text)
    invented = [d.text for d in comparison.invented] + [d.text for _, d in comparison.changed]
    if invented:
        result.problems.append(
            Problem("invented", f"The letter does not say {', '.join(invented)}: this sentence adds it.")
        )
    where: dict[tuple[str, str], set[str]] = {}
    nearby: dict[tuple[str, str], set[str]] = {}  # every action in the sentence that holds the fact
    for s in srcs:
        for f in s.frames:
            for fact in f.facts:
                where.setdefault(fact, set()).add(f.group)
                sent = s.doc[f.i].sent
                nearby.setdefault(fact, set()).update(g.group for g in s.frames if sent.start <= g.i < sent.end)
    for f in out.frames:
        for fact in f.facts:
            groups = where.get(fact)
            # The parse can hang a fact on the wrong verb of a long sentence, so any action of the
            # sentence that holds the fact will do; a fact moved to an action in another sentence will not.
            if not groups or f.group in nearby.get(fact, groups):
                continue
            actions = {g for g in groups if g not in w.LIGHT_VERBS}
            if groups <= w.STATE_VERBS and f.group not in w.STATE_VERBS and stance(f) in ("must", "do"):
                result.problems.append(
                    Problem(
                        "fact-moved",
                        f"In the letter {fact[1]} is an amount or date that stands as it is; this sentence "
                        f"makes it something you must {f.verb.lower()}.",
                    )
                )
                return
            if not actions or groups & w.STATE_VERBS or f.group in w.STATE_VERBS:
                continue
            pro = f.group == "do" and any(o in _PRO_OBJECT for o in f.text.lower().split())
            if pro:
                if any(c.group in actions for ctx in context[-1:] for c in ctx.frames):
                    continue
            elif f.group in w.LIGHT_VERBS:
                continue
            value = fact[1]
            result.problems.append(
                Problem(
                    "fact-moved",
                    f'In the letter {value} belongs to "{min(actions)}"; this sentence puts it on '
                    f'"{f.verb}{" this" if pro else ""}".',
                )
            )
            return
    _label_fact_moved(out, srcs, result)
    if any(p.kind == "fact-moved" for p in result.problems):
        return
    from easyread.simplify.meaning_rules import time_limit_flip

    flip = time_limit_flip(out.text, [sources_text])
    if flip:
        result.problems.append(Problem("fact-moved", flip))


def _label_fact_moved(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """A date or amount from a line with no verb ("On 12/05/2026.", "Amount towards the arrears: £15.00") that the
    sentence pins on something the line does not name ("Your operation is on 12/05/2026")."""
    label_lines = [s for s in srcs if not s.frames]
    if not label_lines:
        return
    label_facts = {(f.kind, f.value) for s in label_lines for f in extract_facts(s.text)}
    mine = {(f.kind, f.value) for f in extract_facts(out.text)}
    if not label_facts & mine:
        return
    said = set()
    for s in srcs:
        for x in w.content_stems(s.text):
            said |= {x} | w.RELATED.get(x, set())
    new = [
        t.text
        for t in out.doc
        if t.tag_.startswith("NN")
        and t.is_alpha
        and t.lower_ not in w.EASY_WORDS
        and t.lower_ not in w.PARTY_OF
        and w.stem(t.lower_) not in said
    ]
    if new:
        value = next(f.text for f in extract_facts(out.text) if (f.kind, f.value) in label_facts)
        result.problems.append(
            Problem(
                "fact-moved",
                f"The letter gives {value} on its own; this sentence says it is for "
                f'"{" ".join(new)}", which that line does not say.',
            )
        )


# ---------------------------------------------------------------------------------------------- words

_REASSURANCE = re.compile(
    r"\b(worry|worried|worries|panic|okay|ok|alright|all right|relax|scared|afraid|nothing to fear|no problem|"
    r"don't be|do not be|nothing to|safe|fine with|not a problem|nothing wrong|no need to)\b",
    re.IGNORECASE,
)
_REASON = re.compile(
    r"\b(because|so that|this is why|that is why|the reason|in order to|due to|as a result)\b", re.IGNORECASE
)
_SUBSTANCE_TAGS = ("NN", "VB", "JJ", "RB")


def _supported_stems(sources: list[str], glossary) -> tuple[set[str], set[str]]:
    text = " ".join(sources)
    stems = w.content_stems(text)
    for s in list(stems):
        stems |= w.RELATED.get(s, set())
    groups = {f.group for s in sources for f in _read(s).frames}
    if glossary is not None:
        try:
            for entry in glossary.terms_in(text):
                stems |= w.content_stems(f"{entry.term} {entry.explanation}")
        except Exception:  # a broken glossary must not stop the check; the words just count as unexplained
            pass
    return stems, groups


def unsupported_words(out: fr.Sentence, sources: list[str], glossary=None) -> list[tuple[str, str]]:
    """(word, tag) of the output's words of substance that neither the sources nor the glossary say."""
    stems, groups = _supported_stems(sources, glossary)
    found = []
    for tok in out.doc:
        word = tok.lower_.replace("’", "'")
        if not tok.is_alpha or word in w.STOP or word in w.EASY_WORDS or word in w.PARTY_OF:
            continue
        if not tok.tag_.startswith(_SUBSTANCE_TAGS) or tok.tag_ == "MD":
            continue
        if w.stem(word) in stems or (tok.tag_.startswith("VB") and w.verb_group(word) in groups):
            continue
        if w.verb_group(word) in groups or any(w.stem(word)[:5] == s[:5] for s in stems if len(s) >= 5):
            continue
        found.append((tok.text, tok.tag_))
    return found


_OPTIONAL = re.compile(
    r"\b(if you (want|wish|like|prefer)( to)?\s*[.!]?$|up to you|optional|if you feel like it)", re.IGNORECASE
)
_DEMAND = re.compile(
    r"\b(must|need to|needs to|have to|has to|should|please|required|ask that|remember|essential|"
    r"make sure|ensure)\b",
    re.IGNORECASE,
)
_WAIVER = re.compile(
    r"\b(cancel|clear|wipe|write off|written off|forget|waive|stop|end|remove)\w*\b.{0,30}\b(arrears|debt|"
    r"rent|charge|fine|penalt|bill|overpayment|costs?)\b|\b(arrears|debt|overpayment|charge|fine|bill)\b.{0,30}"
    r"\b(cleared|cancelled|written off|wiped|waived|stopped|removed)\b",
    re.IGNORECASE,
)
_NEVER = re.compile(r"\b(never|always|definitely|certainly|guarantee\w*)\b", re.IGNORECASE)


def _promise_problems(out: fr.Sentence, sources: list[str], result: Assessment) -> None:
    """An order made optional, a debt waived, a "never" or "always" the letter does not give."""
    src = " ".join(sources)
    optional = _OPTIONAL.search(out.text)
    if (
        optional
        and not _OPTIONAL.search(src)
        and _DEMAND.search(src + " " + out.text.split(optional.group(0))[0])
        or (optional and not _OPTIONAL.search(src) and any(f.modal == fr.IMP for s in sources for f in _read(s).frames))
    ):
        result.problems.append(
            Problem(
                "modal", f'The letter asks you to do this; this sentence makes it a choice ("{optional.group(0)}").'
            )
        )
        return
    waiver = _WAIVER.search(out.text)
    if waiver and not _WAIVER.search(src):
        result.problems.append(
            Problem(
                "invented",
                f'The letter does not say the money is cancelled or cleared; this sentence says "{waiver.group(0)}".',
            )
        )
        return
    never = _NEVER.search(out.text)
    if never and not _NEVER.search(src):
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


def _word_problems(out: fr.Sentence, sources: list[str], glossary, result: Assessment) -> None:
    src = " ".join(sources)
    theirs = {w.PARTY_OF.get(t.lower()) for t in re.findall(r"[\w']+", src)}
    for tok in out.doc:
        party = w.PARTY_OF.get(tok.lower_)
        if party in (w.LANDLORD, w.COURT, w.AGENT) and party not in theirs:
            result.problems.append(
                Problem("invented", f'The letter does not mention {party} here; this sentence brings in "{tok.text}".')
            )
            return
    comfort = _REASSURANCE.search(out.text)
    if comfort and not _REASSURANCE.search(src):
        result.problems.append(
            Problem(
                "invented",
                f'The letter does not say "{comfort.group(0)}" or anything like it: '
                "this sentence adds comfort the letter does not give.",
            )
        )
        return
    extra = unsupported_words(out, sources, glossary)
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
    heavy = [x for x, tag in extra if tag.startswith(("NN", "VB"))]
    if len(extra) >= 3 and heavy:
        result.problems.append(Problem("invented", "The letter does not say: " + ", ".join(x for x, _ in extra) + "."))
    elif extra:
        result.undecided.append(("invented", f'The letter does not use the word "{extra[0][0]}".'))


# ---------------------------------------------------------------------------------------------- fragments

_SUBORDINATE = re.compile(
    r"^\s*(because|which|who|whose|although|though|so that|in order that|in order to|whereas|while|such as|including)\b",
    re.IGNORECASE,
)


def _fragment_problems(out: fr.Sentence, result: Assessment, labels: bool = False) -> None:
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
    fact_words = sum(len(f.text.split()) for f in facts)
    if not out.frames and not labels and len(tokens) - fact_words >= 4 and (not facts or len(tokens) - fact_words >= 5):
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


def _hanging_if(out: fr.Sentence, result: Assessment) -> None:
    from easyread.simplify.meaning_rules import condition_left_hanging

    if condition_left_hanging(out.text, []):
        result.problems.append(Problem("condition", 'This sentence says "if" but not what happens then.'))


# ---------------------------------------------------------------------------------------------- entry points


def assess(sources: list[str], output: str, *, glossary=None, context: str = "") -> Assessment:
    """Problems the rules find in `output` against its `sources`, and what they could not decide.

    `context` is the Easy Read text just before `output` (the same point or paragraph): a condition it
    asks ("Do you rent your home?") carries over, and "do this" may refer to its action.
    """
    result = Assessment()
    sources = [s for s in (x.strip() for x in sources) if s]
    output = output.strip()
    if not output:
        return result
    parts = _context_sentences(output, last=0)
    if len(parts) > 1:
        # A split into short sentences: each is checked with the ones before it as context.
        for n, part in enumerate(parts):
            one = assess(sources, part, glossary=glossary, context=" ".join([context] + parts[:n]).strip())
            result.problems += [p for p in one.problems if p not in result.problems]
            result.undecided += one.undecided
        return result
    out = _read(output)
    srcs = [_read(s) for s in sources]
    ctx = [_read(c) for c in _context_sentences(context)]
    _fragment_problems(out, result, labels=bool(srcs) and all(not s.frames for s in srcs))
    _hanging_if(out, result)
    if not sources:
        result.undecided.append(("invented", "No letter sentence was recorded for this sentence."))
        return result
    _frame_problems(out, srcs, ctx, result)
    _comparative(out, sources, result)
    support = " ".join(sources)
    _fact_problems(out, srcs, ctx, support, _glossary_support(support, glossary), result)
    if not result.problems:
        _promise_problems(out, sources, result)
    if not any(p.kind == "invented" for p in result.problems):
        _word_problems(out, sources, glossary, result)
    _unmatched(out, srcs, result)
    return result


def verify_sentence(sources: list[str], output: str, *, glossary=None, context: str = "") -> list[Problem]:
    """Every problem the rules find with `output` as a rewrite of the letter sentences `sources`."""
    return assess(sources, output, glossary=glossary, context=context).problems


def _glossary_support(text: str, glossary) -> str:
    if glossary is None:
        return text
    try:
        return " ".join([text] + [e.explanation for e in glossary.terms_in(text)])
    except Exception:  # see _supported_stems
        return text


def _context_sentences(context: str, last: int = 3) -> list[str]:
    from easyread.documents.sentences import split_block_text

    return split_block_text(context)[-last:] if context.strip() else []


def _comparative(out: fr.Sentence, sources: list[str], result: Assessment) -> None:
    """'Urgent repairs take longer' where the letter says they are faster: the old rule, which is precise."""
    from easyread.simplify.meaning_rules import comparative_flip

    if any(p.kind == "negation" for p in result.problems):
        return
    flip = comparative_flip(out.text, sources)
    if flip and flip.startswith("The letter says"):
        result.problems.append(Problem("negation", flip))


def _unmatched(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """An obligation, denial or payment on an action the sources never name: for the model to judge."""
    if result.problems:
        return
    groups = {f.group for s in srcs for f in s.frames}
    for f in out.frames:
        if f.group in groups or f.group in w.LIGHT_VERBS:
            continue
        if f.money:
            result.undecided.append(("money", f"The letter does not say who will {f.verb} whom in these words."))
        elif f.modal in (fr.OBLIG, fr.NOOBLIG) or f.neg:
            result.undecided.append(
                ("modal", f'The letter does not use "{f.verb}": the rules cannot compare what must or must not happen.')
            )
