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
from easyread.simplify.state import Job, Line, add_finding


def _lost(comparison) -> list:
    lost = list(checking.get(comparison, "lost", []) or [])
    lost += [pair[0] for pair in (checking.get(comparison, "changed", []) or [])]
    return lost


def _invented(comparison) -> list:
    invented = list(checking.get(comparison, "invented", []) or [])
    invented += [pair[1] for pair in (checking.get(comparison, "changed", []) or [])]
    return invented


def _lines_with(lines: list[Line], fact) -> list[Line]:
    wanted = checking.fact_text(fact)
    return [l for l in lines if wanted and wanted in l.text]


def mark_invented(jobs: list[Job]) -> int:
    """Give every sentence with a fact its paragraph lacks a failing finding."""
    marked = 0
    for job in jobs:
        for u, unit in enumerate(job.plan.units):
            lines = job.unit_lines(u)
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


def bring_back_lost(jobs: list[Job], engine: TextGenerator, *, batch_size: int, glossary=None, progress=None) -> int:
    """Ask the model once for each fact a paragraph's rewrite lost; keep replies that hold it."""
    asks = []
    for job in jobs:
        for u, unit in enumerate(job.plan.units):
            comparison = checking.compare_facts(unit.text, job.unit_text(u))
            for fact in _lost(comparison):
                asks.append((job, u, fact))
    prompts = [lost_fact_prompt(source_sentence(j.plan.units[u].text, f), checking.fact_text(f)) for j, u, f in asks]
    replies = generate_all(
        engine,
        prompts,
        Sampling(max_new_tokens=40),
        batch_size=batch_size,
        on_batch=lambda d, t: progress and progress("fact lock", d, t),
    )
    added = 0
    for (job, u, fact), reply in zip(asks, replies):
        texts = parse_lines(reply)[:1]
        if not texts:
            continue
        text = fix_sentence(texts[0])
        unit = job.plan.units[u]
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
        unit_lines = job.unit_lines(u)
        at = job.lines.index(unit_lines[-1]) + 1 if unit_lines else len(job.lines)
        job.lines.insert(at, line)
        added += 1
    return added


def source_text(job: Job) -> str:
    """What the draft must account for: the body and the details kept word for word."""
    return "\n\n".join([job.plan.body_text()] + [d.text for d in job.plan.details])


def finish(job: Job):
    """Letter-level lock: remove invented facts, re-add lost ones. Returns the final comparison."""
    source = source_text(job)
    comparison = checking.compare_facts(source, "\n".join(l.text for l in job.lines))
    for fact in _invented(comparison):
        for line in _lines_with(job.lines, fact):
            job.lines.remove(line)
            job.notes.append(f'Removed "{line.text}": the letter does not say {checking.fact_text(fact)}.')
    comparison = checking.compare_facts(source, "\n".join(l.text for l in job.lines))
    for fact in _lost(comparison):
        owner = _owner_unit(job, fact)
        unit_text = job.plan.units[owner].text if owner is not None else source
        index = job.plan.units[owner].index if owner is not None else None
        line = readd_line(fact, unit_text, owner, index, sources=_fact_sources(job, owner, fact))
        line.findings = checking.sentence_findings(line.text)
        if owner is not None and job.unit_lines(owner) and line.section is None:
            job.lines.insert(job.lines.index(job.unit_lines(owner)[-1]) + 1, line)
        else:
            job.lines.append(line)
    return checking.compare_facts(source, "\n".join(l.text for l in job.lines))


def _fact_sources(job: Job, owner: int | None, fact) -> list[str]:
    """The letter sentence that holds a re-added fact: its unit's, or any sentence of the letter that has it."""
    if owner is not None and job.plan.units[owner].sid:
        return [job.plan.units[owner].sid]
    wanted = checking.fact_text(fact)
    return [s.id for s in job.doc.sentences() if wanted and wanted in s.text][:1]


def _owner_unit(job: Job, fact) -> int | None:
    wanted = checking.fact_text(fact)
    for u, unit in enumerate(job.plan.units):
        if wanted and wanted in unit.text:
            return u
    return None
