"""The fact lock inside the rewriter: per paragraph during repair, per letter at the end.

Per paragraph: a fact the rewrite lost goes back to the model once ("write one
sentence about £142.50"); a sentence holding a fact its paragraph does not have
gets a failing finding so the repair rounds try to fix it.

Per letter, at the end: whatever is still lost is re-added from a template and
flagged; a sentence still holding an invented fact is removed (an amount or date
the letter never gave is never right) and the removal is noted.
"""

from __future__ import annotations

from easyread.engines.base import Sampling, TextGenerator
from easyread.simplify import checking
from easyread.simplify.batching import generate_all
from easyread.simplify.fixes import fix_sentence
from easyread.simplify.prompts import lost_fact_prompt, parse_lines
from easyread.simplify.readd import readd_line, source_sentence
from easyread.simplify.state import LetterInProgress, Line, add_finding


def _lost(comparison) -> list:
    lost = list(checking.get(comparison, "lost", []) or [])
    lost += [pair[0] for pair in (checking.get(comparison, "changed", []) or [])]
    return lost


def _invented(comparison) -> list:
    invented = list(checking.get(comparison, "invented", []) or [])
    invented += [pair[1] for pair in (checking.get(comparison, "changed", []) or [])]
    return invented


def _lines_with(lines: list[Line], fact) -> list[Line]:
    """The lines that state `fact` (its kind and value, as the fact reader reads them). Not its text inside a line:
    an invented "7" is in "£1.67" too, and the letter's own sentence with £1.67 was removed for it."""
    wanted = (checking.get(fact, "kind"), checking.get(fact, "value"))
    return [
        l
        for l in lines
        if wanted in {(checking.get(f, "kind"), checking.get(f, "value")) for f in checking.extract_facts(l.text)}
    ]


def mark_invented(letters: list[LetterInProgress]) -> int:
    """Give every sentence with a fact its paragraph lacks a failing finding."""
    marked = 0
    for letter in letters:
        for u, unit in enumerate(letter.plan.units):
            lines = letter.unit_lines(u)
            comparison = checking.compare_facts(unit.text, " ".join(l.text for l in lines))
            for fact in _invented(comparison):
                for line in _lines_with(lines, fact):
                    if not any(x["rule_id"] == "fact-invented" for x in line.extra):
                        add_finding(
                            line,
                            "fact-invented",
                            checking.FAIL,
                            f"The letter does not say {checking.fact_text(fact)} here.",
                            f"Remove {checking.fact_text(fact)}, or use the figure the letter gives.",
                        )
                        marked += 1
    return marked


def bring_back_lost(
    letters: list[LetterInProgress], engine: TextGenerator, *, batch_size: int, glossary=None, progress=None
) -> int:
    """Ask the model once for each fact a paragraph's rewrite lost; keep replies that hold it."""
    asks = []
    for letter in letters:
        for u, unit in enumerate(letter.plan.units):
            comparison = checking.compare_facts(unit.text, letter.unit_text(u))
            for fact in _lost(comparison):
                asks.append((letter, u, fact))
    prompts = [
        lost_fact_prompt(source_sentence(letter.plan.units[u].text, f), checking.fact_text(f)) for letter, u, f in asks
    ]
    replies = generate_all(
        engine,
        prompts,
        Sampling(max_new_tokens=40),
        batch_size=batch_size,
        on_batch=lambda d, t: progress and progress("fact lock", d, t),
    )
    added = 0
    for (letter, u, fact), reply in zip(asks, replies):
        texts = parse_lines(reply)[:1]
        if not texts:
            continue
        text = fix_sentence(texts[0])
        unit = letter.plan.units[u]
        got = checking.compare_facts(checking.fact_text(fact), text)
        if (
            checking.get(got, "lost")
            or checking.get(got, "changed")
            or _invented(checking.compare_facts(unit.text, text))
        ):
            continue
        line = Line(
            text,
            u,
            checking.sentence_findings(text, glossary),
            source_index=unit.index,
            sources=[unit.sid] if unit.sid else [],
        )
        unit_lines = letter.unit_lines(u)
        at = letter.lines.index(unit_lines[-1]) + 1 if unit_lines else len(letter.lines)
        letter.lines.insert(at, line)
        added += 1
    return added


def source_text(letter: LetterInProgress) -> str:
    """What the draft must account for: the body and the details kept word for word."""
    return "\n\n".join([letter.plan.body_text()] + [d.text for d in letter.plan.details])


def finish(letter: LetterInProgress):
    """Letter-level lock: remove invented facts, re-add lost ones. Returns the final comparison."""
    source = source_text(letter)
    comparison = checking.compare_facts(source, "\n".join(l.text for l in letter.lines))
    for fact in _invented(comparison):
        for line in _lines_with(letter.lines, fact):
            letter.lines.remove(line)
            letter.notes.append(f'Removed "{line.text}": the letter does not say {checking.fact_text(fact)}.')
    comparison = checking.compare_facts(source, "\n".join(l.text for l in letter.lines))
    for fact in _lost(comparison):
        owner = _owner_unit(letter, fact)
        unit_text = letter.plan.units[owner].text if owner is not None else source
        index = letter.plan.units[owner].index if owner is not None else None
        line = readd_line(fact, unit_text, owner, index, sources=_fact_sources(letter, owner, fact))
        line.findings = checking.sentence_findings(line.text)
        if owner is not None and letter.unit_lines(owner) and line.section is None:
            letter.lines.insert(letter.lines.index(letter.unit_lines(owner)[-1]) + 1, line)
        else:
            letter.lines.append(line)
    return checking.compare_facts(source, "\n".join(l.text for l in letter.lines))


def _fact_sources(letter: LetterInProgress, owner: int | None, fact) -> list[str]:
    """The letter sentence that holds a re-added fact: its unit's, or any sentence of the letter that has it."""
    if owner is not None and letter.plan.units[owner].sid:
        return [letter.plan.units[owner].sid]
    wanted = checking.fact_text(fact)
    return [s.id for s in letter.doc.sentences() if wanted and wanted in s.text][:1]


def _owner_unit(letter: LetterInProgress, fact) -> int | None:
    wanted = checking.fact_text(fact)
    for u, unit in enumerate(letter.plan.units):
        if wanted and wanted in unit.text:
            return u
    return None
