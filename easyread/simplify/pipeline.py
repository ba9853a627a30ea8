"""Plan → rewrite → check → repair → meaning check → fact lock → Easy Read draft.

Every stage works on all letters at once, so the model sees big batches (the
paragraphs of one letter, or of a whole folder of letters): batching is what
makes a small CPU model fast enough.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable

from easyread.documents.errors import InputError
from easyread.documents.model import Document, EasyReadDocument
from easyread.engines.base import Sampling, TextGenerator
from easyread.simplify import checking, factlock
from easyread.simplify.batching import generate_all, generated_tokens
from easyread.simplify.fixes import fix_sentence, question_first, split_long
from easyread.simplify.inputs import already_easy, validate
from easyread.simplify.meaning import check_meaning
from easyread.simplify.plan import plan_letter, split_plain
from easyread.simplify.prompts import BULLET, line_key, parse_lines, rewrite_prompt, summary_prompt
from easyread.simplify.repair import repair_rounds
from easyread.simplify.sections import attach_extras, build_draft
from easyread.simplify.state import Job, Line
from easyread.documents.identity import LETTER_PART

Progress = Callable[[str, int, int], None]
DEFAULTS = {
    "REWRITE_BATCH_SIZE": 16, "REWRITE_REPAIR_ROUNDS": 2, "REWRITE_BEST_OF": 3, "REWRITE_MEANING_CHECK": True,
    "REWRITE_UNIT_WORDS": 80, "REWRITE_MAX_WORDS": 6000, "REWRITE_ENGLISH_SHARE": 0.6, "REWRITE_ALREADY_EASY_SHARE": 0.9,
}


@dataclass
class SimplifyResult:
    """One letter's Easy Read draft and what it took to make it."""

    draft: EasyReadDocument
    report: Any = None  # easyread.checks.report.Report
    facts: Any = None  # letter-level FactComparison, after re-adds
    timings: dict[str, float] = field(default_factory=dict)
    tokens: dict[str, int] = field(default_factory=dict)  # generated tokens, prompts
    stage_tokens: dict[str, int] = field(default_factory=dict)  # generated tokens per stage, as timings
    notes: list[str] = field(default_factory=list)
    meaning_flags: list[dict] = field(default_factory=list)
    already_easy: bool = False

    def summary(self) -> str:
        """One line for the command line: points, findings and what needs a person."""
        points = self.draft.points()
        flagged = sum(1 for p in points if set(p.flags) - {LETTER_PART})
        passed = getattr(self.report, "passed", None)
        gate = "" if passed is None else (" Passed the checks." if passed else " Did not pass the checks yet.")
        return f"{len(points)} Easy Read sentences, {flagged} marked for a person to check.{gate}"


def _quiet(stage: str, done: int, total: int) -> None:
    pass


def simplify_document(doc: Document, engine: TextGenerator, *, glossary=None, settings: dict | None = None,
                      progress: Progress | None = None) -> SimplifyResult:
    """Rewrite one letter as Easy Read. Raises InputError for a letter it cannot take."""
    result = simplify_documents([doc], engine, glossary=glossary, settings=settings, progress=progress)[0]
    if isinstance(result, Exception):
        raise result
    return result


def simplify_documents(docs: list[Document], engine: TextGenerator, *, glossary=None, settings: dict | None = None,
                       progress: Progress | None = None) -> list[SimplifyResult | InputError]:
    """Rewrite several letters together (bigger batches); an unusable letter gives its InputError."""
    cfg = {**DEFAULTS, **(settings or {})}
    progress = progress or _quiet
    batch = int(cfg["REWRITE_BATCH_SIZE"])
    timings: dict[str, float] = {}
    stage_tokens: dict[str, int] = {}
    tokens_at_start = generated_tokens(engine)
    prompts_at_start = _prompts(engine)

    def timed(name: str, fn, *args, **kwargs):
        started, tokens_before = time.monotonic(), generated_tokens(engine)
        out = fn(*args, **kwargs)
        timings[name] = timings.get(name, 0.0) + time.monotonic() - started
        stage_tokens[name] = stage_tokens.get(name, 0) + generated_tokens(engine) - tokens_before
        return out

    jobs = [Job(doc) for doc in docs]
    timed("plan", _plan, jobs, glossary, cfg, progress)
    live = [j for j in jobs if j.error is None]
    model_jobs = [j for j in live if not j.already_easy]

    timed("rewrite", _rewrite, model_jobs, engine, batch, glossary, progress)
    timed("check", factlock.mark_invented, model_jobs)
    timed("fact lock", factlock.bring_back_lost, model_jobs, engine, batch_size=batch, glossary=glossary, progress=progress)
    counts = {} if not model_jobs else timed("repair", repair_rounds, model_jobs, engine, rounds=int(cfg["REWRITE_REPAIR_ROUNDS"]),
                   best_of=int(cfg["REWRITE_BEST_OF"]), batch_size=batch, glossary=glossary, progress=progress)
    timed("fixes", _final_fixes, model_jobs, glossary)
    flags = timed("meaning", check_meaning, model_jobs, engine, batch_size=batch, glossary=glossary,
                  use_model=bool(cfg["REWRITE_MEANING_CHECK"]), progress=progress) if model_jobs else []
    flags_of: dict[int, list[dict]] = {}
    for flag in flags or []:
        flags_of.setdefault(id(flag.pop("_job")), []).append(flag)
    results: list[SimplifyResult | InputError] = []
    for n, job in enumerate(jobs, 1):
        progress("fact lock and report", n - 1, len(jobs))
        if job.error is not None:
            results.append(job.error)
            continue
        results.append(timed("finish", _finish, job, glossary, flags_of.get(id(job), [])))
    progress("fact lock and report", len(jobs), len(jobs))
    generated = generated_tokens(engine) - tokens_at_start
    for r in results:
        if isinstance(r, SimplifyResult):
            r.timings = dict(timings)
            r.stage_tokens = dict(stage_tokens)
            r.tokens = {"generated": generated, "prompts": _prompts(engine) - prompts_at_start,
                        "letters_in_batch": len(live), **counts}
    return results


def _prompts(engine: TextGenerator) -> int:
    return int(getattr(getattr(engine, "stats", None), "prompts", 0) or 0)


def _plan(jobs: list[Job], glossary, cfg: dict, progress: Progress) -> None:
    for n, job in enumerate(jobs, 1):
        try:
            validate(job.doc, cfg)
            job.plan = plan_letter(job.doc, glossary=glossary, unit_words=int(cfg["REWRITE_UNIT_WORDS"]),
                                   english_share=float(cfg["REWRITE_ENGLISH_SHARE"]))
            if job.plan.left_out:
                job.notes.append(f"{len(job.plan.left_out)} paragraphs not in English were left out.")
            already_easy(job, job.plan, glossary, float(cfg["REWRITE_ALREADY_EASY_SHARE"]))
        except InputError as error:
            job.error = error
        progress("plan", n, len(jobs))


def _rewrite(jobs: list[Job], engine: TextGenerator, batch: int, glossary, progress: Progress) -> int:
    asks: list[tuple[Job, int | None]] = []
    prompts, samplings = [], []
    for job in jobs:
        for u, unit in enumerate(job.plan.units):
            facts = list(dict.fromkeys(checking.fact_text(f) for f in unit.facts if checking.fact_kind(f) != "right"))
            prompts.append(rewrite_prompt(unit.text, facts, unit.terms))
            samplings.append(Sampling(max_new_tokens=rewrite_budget(unit.text)))
            asks.append((job, u))
        if job.plan.opening:
            prompts.append(summary_prompt(job.plan.opening))
            samplings.append(Sampling(max_new_tokens=30))
            asks.append((job, None))
    replies = generate_all(engine, prompts, samplings, batch_size=batch,
                           on_batch=lambda d, t: progress("rewrite", d, t))
    progress("check", 0, len(jobs))
    for n, ((job, u), reply) in enumerate(zip(asks, replies)):
        source_sentences = len(split_plain(job.plan.units[u].text)) if u is not None else 1
        texts = parse_lines(reply, max_lines=3 * source_sentences + 3, one_sentence_each=True)
        if u is None:
            if texts:
                job.summary = fix_sentence(texts[0])
            continue
        unit = job.plan.units[u]
        for text in texts:
            text = fix_sentence(text)
            job.lines.append(Line(text, u, checking.sentence_findings(text, glossary), source_index=unit.index))
    progress("check", len(jobs), len(jobs))
    return len(prompts)


def rewrite_budget(text: str) -> int:
    """New tokens for one paragraph: Easy Read runs a little longer than its source."""
    return min(320, int(len(text.split()) * 1.7) + 30)


def _final_fixes(jobs: list[Job], glossary) -> None:
    """Safe deterministic fixes, and splitting at '; ' or ', and you' where still too long,
    or a long "If you ..., you can ..." into a question and the action.

    A small model can loop across paragraphs or repairs ("We can help if you are on a low
    income." nine times): a point that repeats an earlier one word for word is dropped, and a
    bullet the model left at the start of a line is taken off.
    """
    for job in jobs:
        out: list[Line] = []
        seen: set[str] = set()
        for line in job.lines:
            text = fix_sentence(BULLET.sub("", line.text).strip() or line.text)
            parts = split_long(text) if line.fails else [text]
            if len(parts) == 1:
                parts = question_first(text)
            for part in parts:
                key = line_key(part)
                if key in seen:
                    continue
                seen.add(key)
                findings = checking.sentence_findings(part, glossary) if (part != line.text or len(parts) > 1) else line.findings
                out.append(Line(part, line.unit, findings, list(line.flags), list(line.extra), line.section, line.source_index))
        job.lines = out


def _finish(job: Job, glossary, flags: list[dict]) -> SimplifyResult:
    for detail in job.plan.details:
        if detail.section == "contact" and _mentioned(job, detail.text):
            continue
        job.lines.append(Line(detail.text, flags=[LETTER_PART], section=detail.section, source_index=detail.index))
    comparison = factlock.finish(job)
    draft = build_draft(job, glossary)
    report = checking.check_draft(draft, factlock.source_text(job), glossary)
    attach_extras(draft, job)
    return SimplifyResult(draft=draft, report=report, facts=comparison, notes=job.notes,
                          meaning_flags=flags, already_easy=job.already_easy)


def _mentioned(job: Job, detail: str) -> bool:
    """True when every fact of a contact detail is already in the draft."""
    wanted = {(f.kind, f.value) for f in checking.extract_facts(detail)}
    have = {(f.kind, f.value) for f in checking.extract_facts(" ".join(l.text for l in job.lines))}
    return bool(wanted) and wanted <= have
