"""Meaning check: does every rewritten sentence say what its letter sentences say?

Each Easy Read line is verified against the letter sentences it came from (`Line.sources`, ids into
`Document.sentence_map()`; a line without recorded sources is compared with its plan unit's sentences) by
the rules of `easyread.verify`: who does what to whom, who pays whom, must / may, "not", "if", which
action a deadline belongs to, words the letter does not say, fragments. The model is a second opinion
only where the rules cannot decide (`Assessment.undecided`): for a doubt about who acts, who pays, must / may or
a condition it answers the same short questions about the letter sentence and about the Easy Read sentence, and a
difference is a problem (easyread.simplify.meaning_questions); for a doubt about words the letter does not use it
answers YES / NO / NOT SAID, and a NO or NOT SAID is a problem.

A failing line that only adds to what the lines of its sentence that passed say (an invented reason, a fragment)
is left out at once (`meaning_fallback.leave_out_additions`). Any other failing line gets one repair prompt that
names its problem; the repair is verified the same way. If it
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
from easyread.simplify.meaning_fallback import (
    FAITHFUL_FLAG,
    back_to_cut,
    fall_back_by_sentence,
    leave_out_additions,
    record,
)
from easyread.simplify.meaning_rules import restates_condition
from easyread.simplify.plan import split_plain
from easyread.simplify.prompts import SYSTEM, parse_lines
from easyread.simplify.state import LetterInProgress, Line, add_finding
from easyread.verify import Problem, assess
from easyread.verify import words as w

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
            if FAITHFUL_FLAG in line.flags:
                # The letter's own words, cut where the meaning rules pass every piece (condition_cuts): not checked
                # again, but the context of the model's lines after them ("Have you moved?" before "Then tell us.").
                before.setdefault(key, []).append(line.text)
                continue
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
    _borrowed(items, glossary)
    _said_by_siblings(items, glossary)
    half = len(items)
    _second_opinions(items, engine, batch_size, use_model, lambda d, t: on_batch(half + half * d // t, whole))
    if items:
        on_batch(whole, whole)


def _said_by_siblings(items: list[_Item], glossary) -> None:
    """Let go a problem of what a line leaves out (`Problem.omits`, a place) when another line of the same letter
    sentence says it: one line sees only the lines before it, a resident reads them all."""
    for item in items:
        if not item.line.sources or not any(p.omits for p in item.problems):
            continue
        siblings = [x for x in item.letter.lines if x is not item.line and x.sources == item.line.sources]
        said = {s for x in siblings for s in w.content_stems(x.text)}
        item.problems = [p for p in item.problems if not (p.omits and p.omits & said)]
        if not item.problems:
            # what the rules left undecided was set aside while the line had a problem
            item.undecided = assess(item.sources, item.line.text, glossary=glossary, context=item.context).undecided


def _borrowed(items: list[_Item], glossary) -> None:
    """A line the rules left undecided for words its sentence does not use, which one other sentence of its
    paragraph does use, says that sentence (`easyread.simplify.borrowed`): a problem, not a question for the model.
    The question just before a borrowed "Then ..." line, of the same sentence, asks its condition and goes with it."""
    from easyread.simplify.borrowed import borrowed_from, borrowed_problem

    by_letter: dict[int, list] = {}
    for n, item in enumerate(items):
        if not item.undecided or item.problems or not item.line.sources or item.line.unit is None:
            continue
        sentences = by_letter.setdefault(id(item.letter), item.letter.doc.sentences())
        blocks = {s.block for s in sentences if s.id in item.line.sources}
        neighbours = [s.text for s in sentences if s.block in blocks and s.id not in item.line.sources]
        other = borrowed_from(item.line.text, item.sources, neighbours, glossary)
        if other is None:
            continue
        item.problems, item.undecided = [borrowed_problem(other)], []
        before = items[n - 1] if n else None
        if (
            before is not None
            and before.letter is item.letter  # the items of a batch hold several letters, whose ids can coincide
            and before.line.sources == item.line.sources
            and before.line.text.rstrip().endswith("?")
            and not before.problems
            and re.match(r"^(then|if not|if so)\b", item.line.text.strip(), re.IGNORECASE)
        ):
            before.problems, before.undecided = [borrowed_problem(other)], []


def _second_opinions(items: list[_Item], engine, batch_size, use_model: bool, on_batch) -> None:
    """The model's word on the items the rules left undecided (those without a verb stay marked)."""
    ask = [i for i in items if i.undecided]
    labels = [i for i in ask if _only_labels(i.sources)]
    for item in labels:
        # "Amount towards the arrears: £15.00" has no verb, so the rules have nothing to compare a rewrite
        # with, and the model said YES to "You owe £15.00 because you did not pay on time.": the model's
        # word alone must not vouch for it, so it stays marked for a person.
        item.checked = False
    summaries = [i for i in ask if i.line.summary]
    for item in summaries:
        # The summary is the first line a resident reads, and the model said yes to "This letter is about reminding
        # Elmbridge Borough Council to collect council tax." for a council tax summons issued against the reader.
        # On the model's word alone it does not pass: it is repaired once, else left out (`_drop_failed_summary`).
        item.problems = [Problem(*item.undecided[0])]
    ask = [i for i in ask if i not in labels and i not in summaries]
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
    records: list[dict] = []
    # A plainer line of a cut goes back to its cut, not to a repair: the cut already says it in the letter's words.
    back = {id(i) for i in items if i.line.cut and (i.problems or not i.checked)}
    for item in (i for i in items if id(i) in back):
        if item.problems:
            _count(item.letter, "found")
            _count(item.letter, "fell_back")
        records += back_to_cut(item, glossary)
    items = [i for i in items if id(i) not in back]
    failing = [i for i in items if i.problems]
    for item in failing:
        _count(item.letter, "found")
    if repair and failing:
        left_out = leave_out_additions(failing)
        for item in (i for i in failing if id(i) in left_out):
            _count(item.letter, "left_out")
        failing = [i for i in failing if id(i) not in left_out]
    if repair and failing:
        repaired = _repair(failing, engine, batch_size, stage, use_model, glossary)
        for item in failing:
            _count(item.letter, "repaired" if id(item) in repaired else "fell_back")
        records += fall_back_by_sentence([i for i in failing if id(i) not in repaired], glossary)
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


def _mark(item: _Item) -> dict:
    problem = item.problems[0]
    flag = flag_of(problem)
    item.line.flags.append(flag)
    add_finding(
        item.line, f"meaning-{problem.kind}", "warn", problem.message, "Check this sentence against the letter."
    )
    return record(item, flag, problem, item.line.text)


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
