"""The rewriter's stages in order, across the letters handed over: plan, rewrite, fact lock, repair, fixes,
meaning check, finish.

`pipeline.simplify_documents` runs them over a whole batch at once (REWRITE_LETTERS_IN_FLIGHT=0, the
baseline) or over one letter per thread, each letter at its own pace (simplify.overlap). The stage
functions themselves live in simplify.pipeline and the modules it names.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable

from easyread.documents.errors import InputError
from easyread.documents.model import Document
from easyread.engines.base import TextGenerator
from easyread.progress import Progress
from easyread.simplify import factlock, pipeline
from easyread.simplify.batching import generated_tokens
from easyread.simplify.inputs import already_easy, validate
from easyread.simplify.meaning import check_meaning
from easyread.simplify.plan import plan_letter
from easyread.simplify.repair import repair_rounds
from easyread.simplify.state import Job

FirstDraft = Callable[[int, "pipeline.SimplifyResult"], None]


def run_stages(
    docs: list[Document],
    engine: TextGenerator,
    glossary,
    cfg: dict,
    progress: Progress,
    first_draft: FirstDraft | None = None,
) -> list[pipeline.SimplifyResult | InputError]:
    """Every stage across all of `docs` in turn: plan, rewrite, fact lock, repair, fixes, meaning, finish.

    `first_draft(n, result)` gets letter n's draft after the fact lock (see `first_result`)."""
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

    rewrite_prompts = timed("rewrite", pipeline._rewrite, model_jobs, engine, batch, glossary, progress)
    timed("check", factlock.mark_invented, model_jobs)
    timed(
        "fact lock",
        factlock.bring_back_lost,
        model_jobs,
        engine,
        batch_size=batch,
        glossary=glossary,
        progress=progress,
    )
    if first_draft is not None:
        for n, job in enumerate(jobs):
            if job.error is None and not job.already_easy:
                first_draft(n, timed("first draft", first_result, job, glossary))
    # Label lines are the letter's own words: the fact lock sees them, but no repair or meaning fallback rewrites them.
    set_aside = {id(job): pipeline._take_labels(job) for job in model_jobs}
    counts = (
        {}
        if not model_jobs
        else timed(
            "repair",
            repair_rounds,
            model_jobs,
            engine,
            rounds=int(cfg["REWRITE_REPAIR_ROUNDS"]),
            best_of=int(cfg["REWRITE_BEST_OF"]),
            batch_size=batch,
            glossary=glossary,
            progress=progress,
        )
    )
    timed("fixes", pipeline._final_fixes, model_jobs, glossary)
    summaries = {id(job): [line.text for line in job.lines if pipeline._is_summary(line)] for job in model_jobs}
    flags = (
        timed(
            "meaning",
            check_meaning,
            model_jobs,
            engine,
            batch_size=batch,
            glossary=glossary,
            use_model=bool(cfg["REWRITE_MEANING_CHECK"]),
            progress=progress,
        )
        if model_jobs
        else []
    )
    for job in model_jobs:
        pipeline._put_back(job, set_aside[id(job)])
        flags = pipeline._drop_failed_summary(job, flags, summaries[id(job)])
    timed("fixes", pipeline._drop_empty, model_jobs, glossary)
    timed("fixes", pipeline._drop_said_by_siblings, model_jobs)
    timed("fixes", pipeline._drop_repeats, model_jobs)
    flags_of: dict[int, list[dict]] = {}
    for flag in flags or []:
        flags_of.setdefault(id(flag.pop("_job")), []).append(flag)
    results: list[pipeline.SimplifyResult | InputError] = []
    for n, job in enumerate(jobs, 1):
        progress("fact lock and report", n - 1, len(jobs))
        if job.error is not None:
            results.append(job.error)
            continue
        results.append(timed("finish", pipeline._finish, job, glossary, flags_of.get(id(job), [])))
    progress("fact lock and report", len(jobs), len(jobs))
    generated = generated_tokens(engine) - tokens_at_start
    for r in results:
        if isinstance(r, pipeline.SimplifyResult):
            r.timings = dict(timings)
            r.stage_tokens = dict(stage_tokens)
            r.tokens = {
                "generated": generated,
                "prompts": _prompts(engine) - prompts_at_start,
                "letters_in_batch": len(live),
                "rewrite_prompts": rewrite_prompts,
                **counts,
            }
    return results


def _prompts(engine: TextGenerator) -> int:
    return int(getattr(getattr(engine, "stats", None), "prompts", 0) or 0)


def _plan(jobs: list[Job], glossary, cfg: dict, progress: Progress) -> None:
    for n, job in enumerate(jobs, 1):
        try:
            validate(job.doc, cfg)
            job.plan = plan_letter(
                job.doc,
                glossary=glossary,
                unit_words=int(cfg["REWRITE_UNIT_WORDS"]),
                english_share=float(cfg["REWRITE_ENGLISH_SHARE"]),
            )
            if job.plan.left_out:
                job.notes.append(f"{len(job.plan.left_out)} paragraphs not in English were left out.")
            already_easy(job, job.plan, glossary, float(cfg["REWRITE_ALREADY_EASY_SHARE"]))
        except InputError as error:
            job.error = error
        progress("plan", n, len(jobs))


def first_result(job: Job, glossary) -> pipeline.SimplifyResult:
    """The draft as it stands after the rewrite and the fact lock, finished on a copy of the letter's state.

    Not yet repaired or meaning-checked: a first draft to read while the checks go on, never the one kept."""
    draft_job = copy.deepcopy(job)
    pipeline._trace_units(draft_job)
    return pipeline._finish(draft_job, glossary, [])
