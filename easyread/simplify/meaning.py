"""Meaning check: is every rewritten sentence supported by its source paragraph?

Two kinds of evidence, both batched over the whole letter (or several letters):

* the model is shown a paragraph and its numbered Easy Read sentences and answers
  one line per sentence, "1: YES", "2: NO" (says something different) or
  "3: NOT SAID" (the paragraph does not say it);
* the rules in `meaning_rules` (negation, comparative and time-limit flips).

A flagged sentence gets one repair ("say only what the letter says"); the repair
is checked again the same way. What is still flagged stays on the draft with a
finding and a flag ("meaning-contradicts" or "meaning-unsupported") for a person.
"""
from __future__ import annotations

import re
from typing import Callable

from easyread.engines.base import Chat, Sampling, TextGenerator
from easyread.simplify import checking
from easyread.simplify.batching import generate_all
from easyread.simplify.fixes import fix_sentence
from easyread.simplify.meaning_rules import restates_condition, rule_flags
from easyread.simplify.plan import split_plain
from easyread.simplify.prompts import SYSTEM, parse_lines
from easyread.simplify.state import Job, Line, add_finding

Progress = Callable[[str, int, int], None]

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
_ANSWER = re.compile(r"^\s*(\d+)\s*[:.)-]\s*(YES|NO|NOT\s*SAID|NOT)\b", re.I | re.M)
VERDICT_FLAGS = {"NO": "meaning-contradicts", "NOT SAID": "meaning-unsupported"}


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
        "Keep it short. Start the line with \"- \"."
    )
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]


def _verify(groups: list[tuple[str, list[Line]]], engine, batch_size, on_batch, use_model: bool) -> dict[int, tuple[str, str, str]]:
    """Flags per line id: (flag, rule id, reason). Rules first; the model for the rest."""
    flags: dict[int, tuple[str, str, str]] = {}
    # A question that asks the letter's own condition word for word is supported by it
    # (see restates_condition): neither the rules nor the model are asked about it.
    asked = [(source, [l for l in lines if not restates_condition(l.text, source)]) for source, lines in groups]
    asked = [(source, lines) for source, lines in asked if lines]
    for source, lines in asked:
        sources = split_plain(source)
        for line in lines:
            fired = rule_flags(line.text, sources)
            if fired:
                rule_id, reason = fired[0]
                flag = "meaning-unsupported" if rule_id == "meaning-reassurance" else "meaning-contradicts"
                flags[id(line)] = (flag, rule_id, reason)
    if not use_model:
        return flags
    prompts = [verify_prompt(source, [l.text for l in lines]) for source, lines in asked]
    samplings = [Sampling(max_new_tokens=6 * len(lines) + 4) for _, lines in asked]
    replies = generate_all(engine, prompts, samplings, batch_size=batch_size, on_batch=on_batch)
    for (source, lines), reply in zip(asked, replies):
        for line, verdict in zip(lines, parse_verdicts(reply, len(lines))):
            if verdict in VERDICT_FLAGS and id(line) not in flags:
                what = "says something different from" if verdict == "NO" else "may say something that is not in"
                flags[id(line)] = (VERDICT_FLAGS[verdict], "meaning-model", f"The model thinks this sentence {what} the letter.")
    return flags


def _groups(jobs: list[Job], only: set[int] | None = None) -> list[tuple[str, list[Line]]]:
    groups = []
    for job in jobs:
        for u, unit in enumerate(job.plan.units):
            lines = [l for l in job.unit_lines(u) if only is None or id(l) in only]
            if lines:
                groups.append((unit.text, lines))
    return groups


def check_meaning(
    jobs: list[Job], engine: TextGenerator, *, batch_size: int, glossary=None, use_model: bool = True,
    repair: bool = True, progress: Progress | None = None,
) -> list[dict]:
    """Flag, repair once, re-check; returns one record per sentence still flagged."""
    stage = lambda name: (lambda d, t: progress and progress(name, d, t))  # noqa: E731
    flags = _verify(_groups(jobs), engine, batch_size, stage("meaning check"), use_model)
    owners = {id(l): (job, l) for job in jobs for l in job.lines}
    if repair and flags:
        flagged = [owners[i] for i in flags]
        prompts = [meaning_repair_prompt(j.plan.units[l.unit].text, l.text, flags[id(l)][2]) for j, l in flagged]
        replies = generate_all(engine, prompts, Sampling(max_new_tokens=50), batch_size=batch_size, on_batch=stage("meaning repair"))
        trial: dict[int, tuple[Job, Line, Line]] = {}
        for (job, line), reply in zip(flagged, replies):
            texts = parse_lines(reply)[:1]
            if texts:
                text = fix_sentence(texts[0])
                if text == line.text:
                    continue  # the same words keep the same verdict
                source = job.plan.units[line.unit].text
                if checking.get(checking.compare_facts(source, text), "invented", []):
                    continue
                if checking.get(checking.compare_facts(line.text, text), "lost", []):
                    continue
                new = Line(text, line.unit, checking.sentence_findings(text, glossary), list(line.flags), [], line.section, line.source_index)
                trial[id(new)] = (job, line, new)
        groups = [(j.plan.units[n.unit].text, [n]) for j, _, n in trial.values()]
        again = _verify(groups, engine, batch_size, stage("meaning re-check"), use_model)
        for key, (job, old, new) in trial.items():
            if key not in again and len(checking.failures(new.findings)) <= len(old.fails):
                job.lines[job.lines.index(old)] = new
                flags.pop(id(old), None)
    records = []
    for key, (flag, rule_id, reason) in flags.items():
        job, line = owners[key]
        if line not in job.lines:
            continue
        line.flags.append(flag)
        add_finding(line, rule_id, "warn", reason, "Check this sentence against the letter.")
        records.append({"letter": job.doc.source_name or job.plan.title, "sentence": line.text, "flag": flag,
                        "rule_id": rule_id, "reason": reason, "source": job.plan.units[line.unit].text, "_job": job})
    return records
