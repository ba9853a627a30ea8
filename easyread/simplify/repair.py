"""Repair failing sentences: targeted instructions in batches, then best-of-N sampling.

A replacement is taken only when it is better than what it replaces: fewer
failing findings, no fact of the old sentence lost, nothing invented against the
source paragraph. So a repair round can never make a draft worse.
"""

from __future__ import annotations

from dataclasses import dataclass

from easyread.engines.base import Sampling, TextGenerator
from easyread.progress import Progress
from easyread.simplify import checking
from easyread.simplify.batching import generate_all
from easyread.simplify.fixes import fix_sentence
from easyread.simplify.meaning_fallback import FAITHFUL_FLAG
from easyread.simplify.prompts import parse_lines, repair_prompt
from easyread.simplify.state import LetterInProgress, Line


@dataclass
class Candidate:
    texts: list[str]
    findings: list[list]
    score: tuple


def needs_repair(line: Line) -> bool:
    """A failing finding, or a sentence over 15 words (a warning the gate lets through)."""
    return (
        bool(line.fails)
        or _has_fail_extra(line)
        or any(str(checking.get(f, "rule_id", "")) == "sentence-length" for f in line.findings)
    )


def instructions(line: Line) -> list[str]:
    """Plain instructions from a line's findings ("Split it into 2 sentences.").

    Failing findings and too-long sentences come first; hard-word warnings ride
    along ("use an everyday word for 'liability order'") since the sentence is
    being rewritten anyway.
    """
    out: list[str] = []
    chosen = [
        f
        for f in line.findings
        if checking.get(f, "severity") == checking.FAIL
        or str(checking.get(f, "rule_id", "")) in ("sentence-length", "jargon", "hard-word", "acronym")
    ]
    for f in chosen + [x for x in line.extra if x.get("severity") == checking.FAIL]:
        text = checking.get(f, "suggestion") or checking.get(f, "message") or ""
        rule = str(checking.get(f, "rule_id", ""))
        if rule == "sentence-length":
            text = "Split it into 2 short sentences."
        elif rule in ("jargon", "hard-word") and checking.get(f, "text"):
            text = f"Use everyday words for '{checking.get(f, 'text')}'. {text}"
        if text and text not in out:
            out.append(text)
    return out or ["Make it shorter and simpler."]


def facts_in(text: str) -> list[str]:
    return [checking.fact_text(f) for f in checking.extract_facts(text)]


def judge(texts: list[str], old: Line, source: str, glossary) -> Candidate:
    """Score replacement sentences for `old`: lower is better."""
    texts = [fix_sentence(t) for t in texts]
    findings = [checking.sentence_findings(t, glossary) for t in texts]
    joined = " ".join(texts)
    lost = len(checking.get(checking.compare_facts(old.text, joined), "lost", []) or [])
    invented = len(checking.get(checking.compare_facts(source, joined), "invented", []) or [])
    fails = sum(len(checking.failures(f)) for f in findings)
    longest = max((len(t.split()) for t in texts), default=99)
    return Candidate(texts, findings, (lost + invented, fails, max(longest, 15)))


def _baseline(line: Line, source: str) -> tuple:
    invented = len(checking.get(checking.compare_facts(source, line.text), "invented", []) or [])
    return (invented, len(line.fails), max(line.words, 15))


def _apply(letter: LetterInProgress, line: Line, cand: Candidate) -> None:
    at = letter.lines.index(line)
    # A repaired line is the model's words, even when it repairs the letter's own (a long cut of a condition):
    # it loses the flag that keeps the letter's words out of the meaning check.
    flags = [f for f in line.flags if f != FAITHFUL_FLAG]
    new = [
        Line(t, line.unit, f, list(flags), [], line.section, line.source_index, list(line.sources))
        for t, f in zip(cand.texts, cand.findings)
    ]
    letter.lines[at : at + 1] = new


def _targets(letters: list[LetterInProgress]) -> list[tuple[LetterInProgress, Line]]:
    return [
        (letter, line) for letter in letters for line in letter.lines if line.unit is not None and needs_repair(line)
    ]


def _has_fail_extra(line: Line) -> bool:
    return any(x.get("severity") == checking.FAIL for x in line.extra)


def repair_rounds(
    letters: list[LetterInProgress],
    engine: TextGenerator,
    *,
    rounds: int,
    best_of: int,
    batch_size: int,
    glossary=None,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Run targeted repair rounds, then best-of-N sampling on what still fails."""
    counts = {"repair_prompts": 0, "repaired": 0, "best_of_prompts": 0, "best_of_repaired": 0}
    for round_no in range(rounds):
        targets = _targets(letters)
        if not targets:
            break
        counts["repaired"] += _one_pass(
            targets,
            engine,
            [Sampling(max_new_tokens=70, temperature=0.0)],
            batch_size,
            glossary,
            lambda d, t, n=round_no + 1: progress and progress(f"repair round {n}", d, t),
            counts,
            "repair_prompts",
        )
    targets = _targets(letters)
    if targets and best_of > 1:
        samplings = [Sampling(max_new_tokens=70, temperature=0.8, top_p=0.95, seed=k) for k in range(best_of)]
        counts["best_of_repaired"] += _one_pass(
            targets,
            engine,
            samplings,
            batch_size,
            glossary,
            lambda d, t: progress and progress("best-of-N", d, t),
            counts,
            "best_of_prompts",
        )
    return counts


def _one_pass(targets, engine, samplings, batch_size, glossary, on_batch, counts, key) -> int:
    prompts, sampling, owners = [], [], []
    for letter, line in targets:
        source = letter.plan.units[line.unit].text
        chat = repair_prompt(source, line.text, instructions(line), facts_in(line.text))
        for s in samplings:
            prompts.append(chat)
            sampling.append(s)
            owners.append((letter, line))
    counts[key] += len(prompts)
    # Progress counts two steps per prompt: its reply, then judging it (every candidate is checked, which
    # takes seconds for a best-of-N pass), so the count moves until the pass is over.
    whole = 2 * len(prompts)
    replies = generate_all(
        engine, prompts, sampling, batch_size=batch_size, on_batch=lambda d, t: on_batch(len(prompts) * d // t, whole)
    )
    best: dict[int, tuple[LetterInProgress, Line, Candidate]] = {}
    checking.prepare([line for reply in replies for line in parse_lines(reply)])
    for judged, ((letter, line), reply) in enumerate(zip(owners, replies)):
        on_batch(len(prompts) + judged, whole)
        texts = parse_lines(reply, one_sentence_each=True)[:3]
        if not texts:
            continue
        cand = judge(texts, line, letter.plan.units[line.unit].text, glossary)
        key_id = id(line)
        if key_id not in best or cand.score < best[key_id][2].score:
            best[key_id] = (letter, line, cand)
    on_batch(whole, whole)
    improved = 0
    for letter, line, cand in best.values():
        if cand.score < _baseline(line, letter.plan.units[line.unit].text):
            _apply(letter, line, cand)
            improved += 1
    return improved
