"""Meaning check: does every rewritten sentence say what its letter sentences say?

Each Easy Read line is verified against the letter sentences it came from (`Line.sources`, ids into
`Document.sentence_map()`; a line without recorded sources is compared with its plan unit's sentences) by
the rules of `easyread.verify`: who does what to whom, who pays whom, must / may, "not", "if", which
action a deadline belongs to, words the letter does not say, fragments. The model is a second opinion
only where the rules cannot decide (`Assessment.undecided`): for a doubt about who acts, who pays, must / may or
a condition it answers the same short questions about the letter sentence and about the Easy Read sentence, and a
difference is a problem (easyread.simplify.meaning_questions); for a doubt about words the letter does not use it
answers YES / NO / NOT SAID, and a NO or NOT SAID is a problem.

A failing line gets one repair prompt that names its problem; the repair is verified the same way. If it
still fails, the line is replaced by `easyread.verify.fallback.conservative` (the letter's own words, cut
at clause boundaries: faithful by construction), keeps its sources, and is marked "meaning-fallback" with
a finding that names the problem. Without repair, a failing line keeps its text and is marked
"meaning-contradicts" or "meaning-unsupported". A line the rules could not decide and the model did not
check (the model check is off) is marked "meaning-unverified": no unverified sentence leaves unmarked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from easyread.engines.base import Chat, Sampling, TextGenerator
from easyread.progress import Progress
from easyread.simplify import checking
from easyread.simplify.batching import generate_all
from easyread.simplify.fixes import fix_sentence
from easyread.simplify.meaning_rules import best_match, restates_condition
from easyread.simplify.plan import split_plain
from easyread.simplify.prompts import SYSTEM, parse_lines
from easyread.simplify.state import LetterInProgress, Line, add_finding
from easyread.verify import Problem, assess
from easyread.verify.fallback import conservative
from easyread.verify.words import content_stems

VERIFY_SYSTEM = (
    "You check an Easy Read rewrite against the letter text it came from. "
    "For each numbered sentence answer on its own line: YES if the letter text says it, "
    "NO if the letter text says something different or the opposite, "
    "NOT SAID if the letter text does not say it. Answer only with the lines."
)
_EX_IN = (
    "Letter text:\nEmergency repairs are attended within 3 hours. Routine repairs take longer. "
    "You do not need to be at home.\n\nSentences:\n"
    "1. We fix emergency repairs within 3 hours.\n2. Routine repairs are faster.\n"
    "3. You must be at home.\n4. Do not worry about it.\n5. Other repairs take longer."
)
_EX_OUT = "1: YES\n2: NO\n3: NO\n4: NOT SAID\n5: YES"
_ANSWER = re.compile(r"^\s*(\d+)\s*[:.)-]\s*(YES|NO|NOT\s*SAID|NOT)\b", re.IGNORECASE | re.MULTILINE)
VERDICT_FLAGS = {"NO": "meaning-contradicts", "NOT SAID": "meaning-unsupported"}
FALLBACK_FLAG = "meaning-fallback"
# A fallback piece that says its letter sentence faithfully and reads as Easy Read: where it came from is kept,
# but it is not a mark (the bench and the pages count only "meaning-*" flags as marks for a person).
FAITHFUL_FLAG = "letter-words"
UNVERIFIED_FLAG = "meaning-unverified"
_UNSUPPORTED_KINDS = {"invented", "fragment"}


def verify_prompt(source: str, sentences: list[str]) -> Chat:
    """Ask the model whether the source says each sentence."""
    numbered = "\n".join(f"{i}. {s}" for i, s in enumerate(sentences, 1))
    return [
        {"role": "system", "content": VERIFY_SYSTEM},
        {"role": "user", "content": _EX_IN},
        {"role": "assistant", "content": _EX_OUT},
        {"role": "user", "content": f"Letter text:\n{source}\n\nSentences:\n{numbered}"},
    ]


def parse_verdicts(reply: str, count: int) -> list[str | None]:
    """'YES' / 'NO' / 'NOT SAID' per sentence; None where the reply gives no answer."""
    out: list[str | None] = [None] * count
    for number, verdict in _ANSWER.findall(reply):
        i = int(number) - 1
        if 0 <= i < count and out[i] is None:
            verdict = re.sub(r"\s+", " ", verdict.upper())
            out[i] = "NOT SAID" if verdict.startswith("NOT") else verdict
    return out


def meaning_repair_prompt(source: str, sentence: str, reason: str) -> Chat:
    user = (
        f"Letter text:\n{source}\n\nEasy Read sentence:\n{sentence}\n\nProblem: {reason}\n"
        "Write the sentence again so it says only what the letter text says. "
        'Keep it short. Start the line with "- ".'
    )
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]


@dataclass
class _Item:
    """One Easy Read line with what it is checked against."""

    letter: LetterInProgress
    line: Line
    sources: list[str]  # the letter sentences it says
    context: str  # the Easy Read lines just before it from the same sources
    problems: list[Problem] = field(default_factory=list)
    undecided: list[tuple[str, str]] = field(default_factory=list)
    checked: bool = True  # False when the rules could not decide and the model was not asked

    @property
    def source_text(self) -> str:
        return " ".join(self.sources)


def flag_of(problem: Problem) -> str:
    """The draft flag a problem raises: web pages know meaning-contradicts and meaning-unsupported."""
    return "meaning-unsupported" if problem.kind in _UNSUPPORTED_KINDS else "meaning-contradicts"


def line_sources(letter: LetterInProgress, line: Line, sentences: dict[str, str] | None = None) -> list[str]:
    """The letter sentences a line is checked against.

    With a trace (`line.sources`, ids into `Document.sentence_map()`, which may be passed in) those
    sentences; without one (old path), the sentences of the line's plan unit.
    """
    if line.sources:
        sentences = letter.doc.sentence_map() if sentences is None else sentences
        found = [sentences[i] for i in line.sources if i in sentences]
        if found:
            return found
    if line.unit is None or letter.plan is None:
        return []
    return split_plain(letter.plan.units[line.unit].text)


def _items(letters: list[LetterInProgress]) -> list[_Item]:
    items = []
    for letter in letters:
        before: dict[object, list[str]] = {}
        sentences = letter.doc.sentence_map()
        for line in letter.lines:
            if (line.unit is None and not line.sources) or "fact-readded" in line.flags:
                continue  # untraced summary, details and template sentences are not the rewrite's
            key = tuple(line.sources) if line.sources else line.unit
            sources = line_sources(letter, line, sentences)
            items.append(_Item(letter, line, sources, " ".join(before.get(key, [])[-2:])))
            before.setdefault(key, []).append(line.text)
    return items


def _only_labels(sources: list[str]) -> bool:
    """True when no source sentence has a verb: a label and its value, a heading, a table row."""
    from easyread.verify.frames import read_sentences

    return bool(sources) and not any(s.frames for s in read_sentences(sources))


def _verify(items: list[_Item], engine, batch_size, on_batch, use_model: bool, glossary) -> None:
    """Fill each item's problems: rules first; the model for what the rules leave undecided.

    Progress counts two steps per sentence, the rules' and the model's, so it moves as each sentence is
    read by the rules and again as each of the model's replies comes back (never back to 0 in between)."""
    whole = 2 * len(items)
    if items:
        on_batch(0, whole)
    for n, item in enumerate(items, 1):
        item.problems, item.undecided, item.checked = [], [], True
        if not restates_condition(item.line.text, item.source_text):
            # (a question asking the letter's own condition word for word says what the letter says)
            verdict = assess(item.sources, item.line.text, glossary=glossary, context=item.context)
            item.problems = verdict.problems
            item.undecided = [] if verdict.problems else verdict.undecided
        on_batch(n, whole)
    half = len(items)
    _second_opinions(items, engine, batch_size, use_model, lambda d, t: on_batch(half + half * d // t, whole))
    if items:
        on_batch(whole, whole)


def _second_opinions(items: list[_Item], engine, batch_size, use_model: bool, on_batch) -> None:
    """The model's word on the items the rules left undecided (those without a verb stay marked)."""
    ask = [i for i in items if i.undecided]
    labels = [i for i in ask if _only_labels(i.sources)]
    for item in labels:
        # "Amount towards the arrears: £15.00" has no verb, so the rules have nothing to compare a rewrite
        # with, and the model said YES to "You owe £15.00 because you did not pay on time.": the model's
        # word alone must not vouch for it, so it stays marked for a person.
        item.checked = False
    ask = [i for i in ask if i not in labels]
    if not use_model:
        for item in ask:
            item.checked = False
        return
    opinions = second_opinion(
        engine,
        [(i.source_text, i.line.text, i.context, i.undecided) for i in ask],
        batch_size=batch_size,
        on_batch=on_batch,
    )
    for item, opinion in zip(ask, opinions):
        if opinion is None:
            item.checked = False
        elif opinion is not PASSED:
            item.problems = [opinion]


PASSED = Problem("none", "The model's answers agree with the letter.", False)


def second_opinion(engine, asks: list[tuple[str, str, str, list]], *, batch_size: int, on_batch=None) -> list:
    """The model's opinion on sentences the rules left undecided: (letter text, sentence, Easy Read context,
    undecided) each; returns a Problem, PASSED, or None where the model gave no usable answer.

    A doubt about the structure (who, who pays, must / may, a condition) is settled by asking the same questions
    about the letter and the sentence and comparing the answers (easyread.simplify.meaning_questions); a doubt
    about words the letter does not use is asked as YES / NO / NOT SAID. All prompts go in one batch.
    """
    from easyread.simplify.meaning_questions import compare, parse_answers, question_prompt

    prompts: list[Chat] = []
    plan: list[tuple[str, int]] = []
    for source, sentence, context, undecided in asks:
        if {kind for kind, _ in undecided} <= {"invented"}:
            plan.append(("words", len(prompts)))
            prompts.append(verify_prompt(source, [sentence]))
        else:
            plan.append(("questions", len(prompts)))
            prompts += [question_prompt(source), question_prompt(sentence, context)]
    if not prompts:
        return []
    replies = generate_all(engine, prompts, Sampling(max_new_tokens=24), batch_size=batch_size, on_batch=on_batch)
    out: list = []
    for (how, at), (_, _, _, undecided) in zip(plan, asks):
        why = undecided[0][1] if undecided else ""
        if how == "words":
            verdict = parse_verdicts(replies[at], 1)[0]
            if verdict == "NO":
                out.append(
                    Problem("model", f"The model thinks this sentence says something different from the letter. {why}")
                )
            elif verdict == "NOT SAID":
                out.append(Problem("invented", f"The model thinks the letter does not say this. {why}"))
            else:
                out.append(None if verdict is None else PASSED)
            continue
        letter, draft = parse_answers(replies[at]), parse_answers(replies[at + 1])
        if letter == draft == parse_answers(""):
            out.append(None)
            continue
        found = compare(letter, draft)
        out.append(Problem(found[0], f"{found[1]} {why}".strip()) if found else PASSED)
    return out


def check_meaning(
    letters: list[LetterInProgress],
    engine: TextGenerator,
    *,
    batch_size: int,
    glossary=None,
    use_model: bool = True,
    repair: bool = True,
    progress: Progress | None = None,
) -> list[dict]:
    """Verify every rewritten line; repair once, then fall back; returns one record per line still marked."""

    def stage(name: str):
        return lambda d, t: progress and progress(name, d, t)

    items = _items(letters)
    _verify(items, engine, batch_size, stage("meaning check"), use_model, glossary)
    failing = [i for i in items if i.problems]
    for item in failing:
        _count(item.letter, "found")
    records: list[dict] = []
    if repair and failing:
        repaired = _repair(failing, engine, batch_size, stage, use_model, glossary)
        for item in failing:
            _count(item.letter, "repaired" if id(item) in repaired else "fell_back")
        records += _fall_back_by_sentence([i for i in failing if id(i) not in repaired], glossary)
    else:
        for item in failing:
            records.append(_mark(item))
    for item in items:
        if not item.checked and not item.problems and item.line in item.letter.lines:
            item.line.flags.append(UNVERIFIED_FLAG)
            add_finding(
                item.line,
                UNVERIFIED_FLAG,
                "info",
                "The meaning check could not confirm this sentence: " + item.undecided[0][1],
                "Check this sentence against the letter.",
            )
    return records


def _count(letter: LetterInProgress, what: str) -> None:
    letter.meaning_counts[what] = letter.meaning_counts.get(what, 0) + 1


def _record(item: _Item, flag: str, problem: Problem, sentence: str) -> dict:
    return {
        "letter": item.letter.doc.source_name or item.letter.plan.title,
        "sentence": sentence,
        "flag": flag,
        "rule_id": f"meaning-{problem.kind}",
        "reason": problem.message,
        "kind": problem.kind,
        "harmful": problem.harmful,
        "source": item.source_text,
        "sources": list(item.line.sources),
        "_letter": item.letter,
    }


def _mark(item: _Item) -> dict:
    problem = item.problems[0]
    flag = flag_of(problem)
    item.line.flags.append(flag)
    add_finding(
        item.line, f"meaning-{problem.kind}", "warn", problem.message, "Check this sentence against the letter."
    )
    return _record(item, flag, problem, item.line.text)


def _repair(failing: list[_Item], engine, batch_size, stage, use_model: bool, glossary) -> set[int]:
    """Ask once for a rewrite naming the problem; keep it when it passes. Returns the ids of repaired items."""
    prompts = [
        meaning_repair_prompt(i.source_text, i.line.text, " ".join(p.message for p in i.problems[:2])) for i in failing
    ]
    replies = generate_all(
        engine, prompts, Sampling(max_new_tokens=50), batch_size=batch_size, on_batch=stage("meaning repair")
    )
    trials: list[tuple[_Item, _Item]] = []
    for item, reply in zip(failing, replies):
        texts = parse_lines(reply)[:1]
        if not texts:
            continue
        text = fix_sentence(texts[0])
        line = item.line
        if text == line.text:
            continue  # the same words keep the same problem
        if checking.get(checking.compare_facts(item.source_text, text), "invented", []):
            continue
        if checking.get(checking.compare_facts(line.text, text), "lost", []):
            continue
        # replace() keeps every other field of the line (unit, section, sources...), whatever the trace adds
        new = replace(
            line,
            text=text,
            findings=checking.sentence_findings(text, glossary),
            flags=list(line.flags),
            extra=[],
            sources=list(line.sources),
        )
        trials.append((item, _Item(item.letter, new, item.sources, item.context)))
    _verify([t for _, t in trials], engine, batch_size, stage("meaning re-check"), use_model, glossary)
    done = set()
    for item, trial in trials:
        if trial.problems or not trial.checked or len(trial.line.fails) > len(item.line.fails):
            continue
        lines = item.letter.lines
        lines[lines.index(item.line)] = trial.line
        done.add(id(item))
    return done


def _fall_back_by_sentence(failing: list[_Item], glossary) -> list[dict]:
    """Fall back once per letter sentence, so no letter sentence is said twice.

    Read on real drafts: when one of a sentence's three model lines failed, its fallback (the letter's words)
    was laid out beside the two lines that passed, and the resident read the same thing two or three times
    ("A copy of this letter can be used in court." then the letter's whole sentence). So a traced sentence whose
    failing lines add nothing of the letter (`_adds_nothing`), while the lines that passed keep all its facts,
    loses those lines and nothing else; otherwise the letter's own words replace every line that says it."""
    records: list[dict] = []
    groups: dict[tuple, list[_Item]] = {}
    for item in failing:
        groups.setdefault(_sentence_key(item), []).append(item)
    for key, group in groups.items():
        letter, first = group[0].letter, group[0]
        failed = {id(i.line) for i in group}
        siblings = [
            line
            for line in letter.lines
            if len(key) == 2
            and line.unit is not None
            and line.sources == first.line.sources
            and id(line) not in failed
            and not is_fallback(line)
            and "fact-readded" not in line.flags
        ]
        if siblings and all(_adds_nothing(i, siblings) for i in group) and _keeps_facts(first, siblings):
            for item in group:
                letter.lines.remove(item.line)
                letter.notes.append(
                    f'The rewrite said "{item.line.text}", which the letter does not say; it was left out, '
                    "as the other sentences say that part of the letter."
                )
            continue
        others = siblings + [i.line for i in group[1:]]
        at = min(letter.lines.index(line) for line in [first.line, *others])  # where the sentence is said first
        for line in others:
            letter.lines.remove(line)
        letter.lines.remove(first.line)
        letter.lines.insert(at, first.line)
        records += _fall_back(first, glossary, also=[i.line.text for i in group[1:]] + [s.text for s in siblings])
    return records


def _sentence_key(item: _Item) -> tuple:
    """(letter, traced sentences) for a line of the rewrite; the summary line (no unit) says several sentences in
    one and an untraced line has no sentence to share, so each of those is a group of its own, as before."""
    if item.line.sources and item.line.unit is not None:
        return (id(item.letter), tuple(item.line.sources))
    return (id(item),)


def _adds_nothing(item: _Item, lines: list[Line]) -> bool:
    """True when the failing line says no word of substance of its letter sentences that `lines` do not say:
    what it adds is not the letter's ("It is okay if it takes a little longer."), or it says nothing at all."""
    known = set().union(*(content_stems(line.text) for line in lines))
    letters = set().union(*(content_stems(s) for s in item.sources))
    return not (content_stems(item.line.text) & letters) - known


def _keeps_facts(item: _Item, lines: list[Line]) -> bool:
    """True when `lines` keep every hard fact (amount, date, phone number...) of the item's letter sentences."""
    return not checking.get(checking.compare_facts(item.source_text, " ".join(l.text for l in lines)), "lost", [])


def _fall_back(item: _Item, glossary, also: list[str] | None = None) -> list[dict]:
    """Replace a line that failed twice with the letter's own words, cut shorter, marked for a person.

    `also` are the texts of the other lines of the same letter sentence the fallback replaces too."""
    problem = item.problems[0]
    line = item.line
    sources = item.sources
    if not line.sources and len(sources) > 1:
        # No trace: the unit's best-matching sentence, not the whole paragraph again.
        sources = [best_match(line.text, sources)[0] or sources[0]]
    texts = conservative(sources, glossary) if sources else [line.text]
    message = (
        f'The rewrite said "{line.text}". {problem.message} It was replaced with the letter\'s own words, '
        "cut into short sentences where that keeps the meaning."
    )
    if also:
        message += " They also replace the other sentences that said the same part of the letter: " + " ".join(
            f'"{text}"' for text in also
        )
    new_lines = []
    for n, text in enumerate(texts):
        new = replace(
            line,
            text=text,
            findings=checking.sentence_findings(text, glossary),
            flags=[f for f in line.flags if not f.startswith("meaning-")],
            extra=[],
            sources=list(line.sources),
        )
        mark_fallback(new, message if n == 0 else "", sources, glossary, " ".join(texts[:n]))
        new_lines.append(new)
    lines = item.letter.lines
    at = lines.index(line)
    lines[at : at + 1] = new_lines
    item.letter.notes.append(
        f'The rewrite said "{line.text}", which the letter does not say; the letter\'s own words '
        "are used there instead."
    )
    return [_record(item, FALLBACK_FLAG, problem, line.text)]


def is_fallback(line: Line) -> bool:
    """True for a line the faithful fallback made, marked or not."""
    return FALLBACK_FLAG in line.flags or FAITHFUL_FLAG in line.flags


def mark_fallback(
    line: Line, message: str = "", sources: list[str] | None = None, glossary=None, context: str = ""
) -> None:
    """Flag a piece of the faithful fallback: marked for a person only when it needs one.

    The fallback's pieces say their letter sentence by construction (`conservative` keeps a cut only when every
    piece passes the meaning rules against `sources`), so a piece that also passes the sentence checks needs nobody
    to look at it: it is flagged `FAITHFUL_FLAG` with an info note of what it replaced. A piece that fails the
    sentence checks (the letter's own long or hard sentence, kept whole), or that the meaning rules still fault (a
    list item of the letter that is not a whole sentence), is marked `FALLBACK_FLAG`, and its mark says why.
    """
    why = [str(checking.get(f, "message", "")) for f in line.fails[:2]]
    if sources:
        why += [p.message for p in assess(sources, line.text, glossary=glossary, context=context).problems[:1]]
    if not why:
        line.flags.append(FAITHFUL_FLAG)
        if message:
            add_finding(line, FAITHFUL_FLAG, "info", message, "")
        return
    line.flags.append(FALLBACK_FLAG)
    add_finding(
        line,
        FALLBACK_FLAG,
        "warn",
        (message + " " if message else "")
        + "These are the letter's own words, and they still need a person: "
        + " ".join(dict.fromkeys(why)),
        "Rewrite this sentence in Easy Read, keeping what the letter says.",
    )
