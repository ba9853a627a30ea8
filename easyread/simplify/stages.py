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
from easyread.simplify import factlock, left_out, pipeline
from easyread.simplify.batching import generated_tokens
from easyread.simplify.inputs import already_easy, validate
from easyread.simplify.meaning import check_meaning
from easyread.simplify.plan import plan_letter
from easyread.simplify.repair import repair_rounds
from easyread.simplify.reply_memo import ReplyMemo, remembered
from easyread.simplify.state import LetterInProgress
from easyread.simplify.unsaid import say_unsaid_sentences

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
    # Each distinct greedy prompt of this run is generated once (simplify.reply_memo): the meaning questions about one
    # letter sentence are asked for each of its lines and again in the re-check.
    engine = remembered(engine, batch)
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

    letters = [LetterInProgress(doc) for doc in docs]
    timed("plan", _plan, letters, glossary, cfg, progress)
    live = [letter for letter in letters if letter.error is None]
    model_letters = [letter for letter in live if not letter.already_easy]

    rewrite_prompts = timed(
        "rewrite",
        pipeline._rewrite,
        model_letters,
        engine,
        batch,
        glossary,
        progress,
        condition_cuts=bool(cfg["REWRITE_CONDITION_CUTS"]),
        short_cuts=bool(cfg["REWRITE_SHORT_CUTS"]),
    )
    timed("check", factlock.mark_invented, model_letters)
    timed(
        "fact lock",
        factlock.bring_back_lost,
        model_letters,
        engine,
        batch_size=batch,
        glossary=glossary,
        progress=progress,
    )
    if first_draft is not None:
        for n, letter in enumerate(letters):
            if letter.error is None and not letter.already_easy:
                first_draft(n, timed("first draft", first_result, letter, glossary))
    # Label lines are the letter's own words: the fact lock sees them, but no repair or meaning fallback rewrites them.
    set_aside = {id(letter): pipeline._take_labels(letter) for letter in model_letters}
    counts = (
        {}
        if not model_letters
        else timed(
            "repair",
            repair_rounds,
            model_letters,
            engine,
            rounds=int(cfg["REWRITE_REPAIR_ROUNDS"]),
            best_of=int(cfg["REWRITE_BEST_OF"]),
            batch_size=batch,
            glossary=glossary,
            progress=progress,
        )
    )
    timed("fixes", pipeline._final_fixes, model_letters, glossary)
    summaries = {id(letter): [line.text for line in letter.lines if line.summary] for letter in model_letters}
    flags = (
        timed(
            "meaning",
            check_meaning,
            model_letters,
            engine,
            batch_size=batch,
            glossary=glossary,
            use_model=bool(cfg["REWRITE_MEANING_CHECK"]),
            progress=progress,
        )
        if model_letters
        else []
    )
    for letter in model_letters:
        pipeline._put_back(letter, set_aside[id(letter)])
        flags = pipeline._drop_failed_summary(letter, flags, summaries[id(letter)])
    timed("fixes", left_out.drop_empty, model_letters, glossary)
    timed("fixes", left_out.drop_said_by_siblings, model_letters)
    timed("fixes", left_out.drop_repeats, model_letters)
    timed("fixes", say_unsaid_sentences, model_letters, glossary)
    flags_of: dict[int, list[dict]] = {}
    for flag in flags or []:
        flags_of.setdefault(id(flag.pop("_letter")), []).append(flag)
    results: list[pipeline.SimplifyResult | InputError] = []
    for n, letter in enumerate(letters, 1):
        progress("fact lock and report", n - 1, len(letters))
        if letter.error is not None:
            results.append(letter.error)
            continue
        results.append(timed("finish", pipeline._finish, letter, glossary, flags_of.get(id(letter), [])))
    progress("fact lock and report", len(letters), len(letters))
    generated = generated_tokens(engine) - tokens_at_start
    for r in results:
        if isinstance(r, pipeline.SimplifyResult):
            r.timings = dict(timings)
            r.stage_tokens = dict(stage_tokens)
            r.tokens = {
                "generated": generated,
                "prompts": _prompts(engine) - prompts_at_start,
                "merged_prompts": _merged(engine),  # of those, answered with the reply of the same prompt
                "letters_in_batch": len(live),
                "rewrite_prompts": rewrite_prompts,
                **counts,
            }
    return results


def _prompts(engine: TextGenerator) -> int:
    # Every prompt the stages asked: those the engine generated and those the reply memo answered.
    return int(getattr(getattr(engine, "stats", None), "prompts", 0) or 0) + _merged(engine)


def _merged(engine: TextGenerator) -> int:
    return int(getattr(engine, "merged", 0)) if isinstance(engine, ReplyMemo) else 0


def _plan(letters: list[LetterInProgress], glossary, cfg: dict, progress: Progress) -> None:
    for n, letter in enumerate(letters, 1):
        try:
            validate(letter.doc, cfg)
            letter.plan = plan_letter(
                letter.doc,
                glossary=glossary,
                unit_words=int(cfg["REWRITE_UNIT_WORDS"]),
                english_share=float(cfg["REWRITE_ENGLISH_SHARE"]),
            )
            if letter.plan.left_out:
                letter.notes.append(f"{len(letter.plan.left_out)} paragraphs not in English were left out.")
            already_easy(letter, letter.plan, glossary, float(cfg["REWRITE_ALREADY_EASY_SHARE"]))
        except InputError as error:
            letter.error = error
        progress("plan", n, len(letters))


def first_result(letter: LetterInProgress, glossary) -> pipeline.SimplifyResult:
    """The draft as it stands after the rewrite and the fact lock, finished on a copy of the letter's state.

    Not yet repaired or meaning-checked: a first draft to read while the checks go on, never the one kept."""
    draft_letter = copy.deepcopy(letter)
    pipeline._trace_units(draft_letter)
    return pipeline._finish(draft_letter, glossary, [])
