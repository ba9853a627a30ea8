"""Plan → rewrite → check → repair → meaning check → fact lock → Easy Read draft.

Every stage works on all letters at once, so the model sees big batches (the
sentences of one letter, or of a whole folder of letters): batching is what
makes a small CPU model fast enough.

The rewrite is anchored to the letter's sentences: each prompt asks for one
sentence (with its paragraph as context), so every Easy Read line records the
id of the sentence it came from (`Line.sources`, then `Point.sources`), and
every later stage (repairs, fact re-adds, splits, merges) keeps or joins those ids.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from easyread.config import resolved
from easyread.documents.errors import InputError
from easyread.documents.identity import LETTER_PART
from easyread.documents.model import Document, EasyReadDocument
from easyread.engines.base import Sampling, TextGenerator
from easyread.progress import Progress
from easyread.simplify import checking, factlock
from easyread.simplify.batching import generate_all
from easyread.simplify.condition_cuts import ConditionCuts, cut_lines, take_plain_words
from easyread.simplify.condition_cuts import condition_cuts as said_as_cuts
from easyread.simplify.fixes import fix_sentence, question_first, split_long
from easyread.simplify.inputs import is_easy_sentence
from easyread.simplify.long_lines import cut_long_line
from easyread.simplify.meaning_fallback import FAITHFUL_FLAG, is_fallback
from easyread.simplify.prompts import (
    BULLET,
    line_key,
    parse_lines,
    plain_words_prompt,
    rewrite_prompt,
    summary_prompt,
)
from easyread.simplify.repeats import answers
from easyread.simplify.sections import attach_extras, build_draft, route
from easyread.simplify.state import LetterInProgress, Line, merge_sources
from easyread.verify.words import content_stems


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
    meaning_counts: dict[str, int] = field(default_factory=dict)  # lines faulted, repaired, fallen back
    already_easy: bool = False

    def summary(self) -> str:
        """One line for the command line: points, findings and what needs a person."""
        points = self.draft.points()
        flagged = sum(1 for p in points if set(p.flags) - {LETTER_PART, FAITHFUL_FLAG})
        passed = getattr(self.report, "passed", None)
        gate = "" if passed is None else (" Passed the checks." if passed else " Did not pass the checks yet.")
        return f"{len(points)} Easy Read sentences, {flagged} marked for a person to check.{gate}"


def _quiet(stage: str, done: int, total: int) -> None:
    pass


# (letter number in the call, its first draft) -> None
FirstDraft = Callable[[int, SimplifyResult], None]


def simplify_document(
    doc: Document,
    engine: TextGenerator,
    *,
    glossary=None,
    settings: dict | None = None,
    progress: Progress | None = None,
    first_draft: FirstDraft | None = None,
) -> SimplifyResult:
    """Rewrite one letter as Easy Read. Raises InputError for a letter it cannot take."""
    result = simplify_documents(
        [doc], engine, glossary=glossary, settings=settings, progress=progress, first_draft=first_draft
    )[0]
    if isinstance(result, Exception):
        raise result
    return result


def simplify_documents(
    docs: list[Document],
    engine: TextGenerator,
    *,
    glossary=None,
    settings: dict | None = None,
    progress: Progress | None = None,
    first_draft: FirstDraft | None = None,
) -> list[SimplifyResult | InputError]:
    """Rewrite several letters together (bigger batches); an unusable letter gives its InputError.

    Every sentence is checked with the CHECK_* settings in `settings`, as the final report is. With
    REWRITE_LETTERS_IN_FLIGHT above 0, each letter runs its own stages and the prompts of every letter in
    flight share the engine (simplify.overlap); 0 runs each stage across all letters in turn.
    `first_draft(n, result)` gets letter n's draft as soon as it is rewritten and its facts locked, before
    the repairs and the meaning check (a result to show, not to keep)."""
    from easyread.simplify import stages
    from easyread.simplify.overlap import simplify_overlapped

    cfg = resolved(settings)  # callers that pass only some settings (tests, benchmarks) get the declared defaults
    progress = progress or _quiet
    in_flight = int(cfg["REWRITE_LETTERS_IN_FLIGHT"])
    with checking.using_options(checking.options_from(cfg)):
        if in_flight <= 0:  # every stage across all the letters, one stage after another (the baseline)
            return stages.run_stages(docs, engine, glossary, cfg, progress, first_draft)

        def run(n: int, letters: list[Document], letter_engine: TextGenerator, letter_progress: Progress) -> list:
            first = first_draft and (lambda k, result: first_draft(n + k, result))
            return stages.run_stages(letters, letter_engine, glossary, cfg, letter_progress, first)

        return simplify_overlapped(
            docs, engine, run, in_flight=in_flight, batch_size=int(cfg["REWRITE_BATCH_SIZE"]), progress=progress
        )


def _rewrite(
    letters: list[LetterInProgress],
    engine: TextGenerator,
    batch: int,
    glossary,
    progress: Progress,
    condition_cuts: bool = True,
    short_cuts: bool = True,
) -> int:
    """Rewrite every letter sentence on its own; each line made from it records its id.

    A short sentence that already reads as Easy Read is kept as it is, without a model call. A sentence with a
    condition whose own words cut short fail no check keeps the cuts' shape (`condition_cuts`,
    REWRITE_CONDITION_CUTS): the model only says each cut in plainer words, and a plainer line that does not keep
    its cut's meaning is the cut itself. Any other sentence whose cuts are all 15 words or fewer is said the same
    way (`short_cuts`, REWRITE_SHORT_CUTS); the rest are rewritten by the model.
    """
    asks: list[tuple[LetterInProgress, int | None]] = []
    prompts, samplings = [], []
    said_in_cuts: dict[tuple[int, int], ConditionCuts] = {}  # sentences the model only puts in plainer words
    for letter in letters:
        for u, unit in enumerate(letter.plan.units):
            if unit.label or is_easy_sentence(unit.text, glossary):
                # A label line ("Weekly rent: £128.75") is laid out as the letter wrote it (simplify.labels).
                text = unit.label or fix_sentence(unit.text)
                letter.lines.append(
                    Line(
                        text,
                        u,
                        checking.sentence_findings(text, glossary),
                        section=_label_section(letter, unit) if unit.label else None,
                        source_index=unit.index,
                        sources=unit.sources,
                    )
                )
                continue
            cuts = said_as_cuts(unit.text, glossary, conditions=condition_cuts, others=short_cuts)
            facts = list(dict.fromkeys(checking.fact_text(f) for f in unit.facts if checking.fact_kind(f) != "right"))
            if cuts:
                prompts.append(plain_words_prompt(cuts.pieces, facts, unit.terms, about=letter.plan.about))
                samplings.append(Sampling(max_new_tokens=rewrite_budget(" ".join(cuts.pieces))))
                asks.append((letter, u))
                said_in_cuts[(id(letter), u)] = cuts
                continue
            prompts.append(
                rewrite_prompt(
                    unit.text, unit.context, facts, unit.terms, about=letter.plan.about, heading=unit.heading
                )
            )
            samplings.append(Sampling(max_new_tokens=rewrite_budget(unit.text)))
            asks.append((letter, u))
        if letter.plan.opening:
            prompts.append(summary_prompt(letter.plan.opening))
            samplings.append(Sampling(max_new_tokens=30))
            asks.append((letter, None))
    replies = generate_all(
        engine, prompts, samplings, batch_size=batch, on_batch=lambda d, t: progress("rewrite", d, t)
    )
    progress("check", 0, len(replies))
    ordered = sorted(((letter, u, r) for (letter, u), r in zip(asks, replies)), key=lambda a: _order(a[0], a[1]))
    checking.prepare([line for _, u, r in ordered if u is not None for line in parse_lines(r, REWRITE_MAX_LINES)])
    for checked, (letter, u, reply) in enumerate(ordered):
        # Each reply's sentences are checked here (a second or more per letter): the count moves per reply.
        progress("check", checked, len(replies))
        if u is None:
            texts = parse_lines(reply, max_lines=1)
            if texts:
                # The summary is a line like the others: traced to the opening sentences it says and verified
                # by the meaning check (a summary that fails it is dropped by `_drop_failed_summary`).
                text = fix_sentence(texts[0])
                letter.lines.append(
                    Line(
                        text,
                        None,
                        checking.sentence_findings(text, glossary),
                        section="about",
                        sources=summary_sources(letter, text),
                    )
                )
            continue
        unit = letter.plan.units[u]
        cuts = said_in_cuts.get((id(letter), u))
        if cuts:
            plainer = take_plain_words(parse_lines(reply, max_lines=len(cuts.pieces) + 1), cuts, unit.text, glossary)
            letter.lines += cut_lines(unit, u, cuts, plainer, glossary)
            continue
        texts = parse_lines(reply, max_lines=REWRITE_MAX_LINES, one_sentence_each=True)
        if not texts:
            # Nothing usable came back: keep the letter's own sentence rather than lose it; the checks mark it.
            texts = [unit.text]
        for text in texts:
            text = fix_sentence(text)
            letter.lines.append(
                Line(text, u, checking.sentence_findings(text, glossary), source_index=unit.index, sources=unit.sources)
            )
    for letter in letters:
        letter.lines.sort(key=lambda line: line.unit if line.unit is not None else -1)
    progress("check", len(replies), len(replies))
    return len(prompts)


REWRITE_MAX_LINES = 6  # one letter sentence rarely needs more; a looping model is cut off here


def _order(letter: LetterInProgress, u: int | None) -> int:
    return -1 if u is None else u


def rewrite_budget(text: str) -> int:
    """New tokens for one sentence: Easy Read runs longer than its source, as several short sentences."""
    return min(240, int(len(text.split()) * 2) + 30)


def _final_fixes(letters: list[LetterInProgress], glossary) -> None:
    """Safe deterministic fixes, and splitting at '; ' or ', and you' where still too long,
    or a long "If you ..., you can ..." into a question and the action.

    A small model can loop across paragraphs or repairs ("We can help if you are on a low
    income." nine times): a point that repeats an earlier one word for word is dropped, and a
    bullet the model left at the start of a line is taken off.
    """
    for letter in letters:
        out: list[Line] = []
        seen: dict[str, Line] = {}
        for line in letter.lines:
            text = fix_sentence(BULLET.sub("", line.text).strip() or line.text)
            parts = split_long(text) if line.fails else [text]
            if len(parts) == 1:
                parts = question_first(text)
            if len(parts) == 1 and len(text.split()) > 15 and not _is_label(letter, line):
                # The fallback's cuts (condition asked first, purpose or "which" clause on its own), kept only
                # when each piece passes the meaning rules against the line itself and the checks it passed.
                parts = cut_long_line(text, glossary)
            for part in parts:
                key = line_key(part)
                # The answer to the question just before it is not a repeat, even said before: "Did you get a lower
                # rate?" "Then you can challenge ..." "Do you think your award isn't long enough?" "Then you can
                # challenge ..." (left out, the last question hung without its answer in a real draft).
                if key in seen and not answers(out, len(out), part):
                    # The same sentence from two letter sentences: keep it once, traced to both.
                    kept = seen[key]
                    kept.sources = merge_sources(kept.sources, line.sources)
                    continue
                findings = (
                    checking.sentence_findings(part, glossary)
                    if (part != line.text or len(parts) > 1)
                    else line.findings
                )
                seen[key] = Line(
                    part,
                    line.unit,
                    findings,
                    list(line.flags),
                    list(line.extra),
                    line.section,
                    line.source_index,
                    list(line.sources),
                    cut=line.cut if len(parts) == 1 else "",
                )
                out.append(seen[key])
        letter.lines = out


def summary_sources(letter: LetterInProgress, summary: str) -> list[str]:
    """The opening sentences a summary says: those sharing a word of substance with it, else the whole opening."""
    sentences = letter.doc.sentence_map()
    opening = [sid for sid in letter.plan.opening_sources if sid in sentences]
    said = content_stems(summary)
    sharing = [sid for sid in opening if said & content_stems(sentences[sid])]
    return sharing or opening


def _drop_failed_summary(letter: LetterInProgress, flags: list[dict], said: list[str]) -> list[dict]:
    """A summary the meaning check could not pass is left out, not replaced by the letter's words.

    Its fallback would repeat the opening sentences, which the lines rewritten from them already say.
    `said` is the summary's text when the meaning check began; its records are left out with it.
    """
    failed = [line for line in letter.lines if line.summary and is_fallback(line)]
    if not failed:
        return flags
    letter.lines = [line for line in letter.lines if line not in failed]
    letter.notes = [n for n in letter.notes if not any(f'"{text}"' in n for text in said)]
    letter.notes.append("The one-line summary did not pass the meaning check, so it was left out.")
    return [f for f in flags if not (f.get("_letter") is letter and f.get("sentence") in said)]


def _label_section(letter: LetterInProgress, unit) -> str:
    """The section of a label line: a table of labels stays together, under the section its first line goes to
    ("What this letter is about" when the table is in the letter's opening)."""
    first = next(u for u in letter.plan.units if u.index == unit.index and u.label)
    key = route(
        Line(first.label, letter.plan.units.index(first)), {i for i, u in enumerate(letter.plan.units) if u.first}
    )
    if key == "more" and first.sid in letter.plan.opening_sources:
        return "about"
    return key


def _is_label(letter: LetterInProgress, line: Line) -> bool:
    return line.unit is not None and letter.plan.units[line.unit].label == line.text


def _take_labels(letter: LetterInProgress) -> list[Line]:
    """Take the laid-out label lines out of the letter's lines (they come back with `_put_back`)."""
    labels = [line for line in letter.lines if _is_label(letter, line)]
    letter.lines = [line for line in letter.lines if not _is_label(letter, line)]
    return labels


def _put_back(letter: LetterInProgress, labels: list[Line]) -> None:
    """Each label line back before the first line of a later letter sentence: the letter's order."""
    for label in labels:
        at = next(
            (n for n, line in enumerate(letter.lines) if line.unit is not None and line.unit > label.unit),
            len(letter.lines),
        )
        letter.lines.insert(at, label)


def _trace_units(letter: LetterInProgress) -> None:
    """A line made from a plan unit comes from that unit's sentence, whichever stage last rewrote it."""
    for line in letter.lines:
        if not line.sources and line.unit is not None and letter.plan.units[line.unit].sid:
            line.sources = [letter.plan.units[line.unit].sid]


def _finish(letter: LetterInProgress, glossary, flags: list[dict]) -> SimplifyResult:
    for detail in letter.plan.details:
        if detail.section == "contact" and _mentioned(letter, detail.text):
            # The draft already says this number or address: the lines saying it come from the letterhead too.
            wanted = {(f.kind, f.value) for f in checking.extract_facts(detail.text)}
            for line in letter.lines:
                if wanted & {(f.kind, f.value) for f in checking.extract_facts(line.text)}:
                    line.sources = merge_sources(line.sources, detail.sources)
            continue
        letter.lines.append(
            Line(
                detail.text,
                flags=[LETTER_PART],
                section=detail.section,
                source_index=detail.index,
                sources=list(detail.sources),
            )
        )
    _trace_units(letter)
    comparison = factlock.finish(letter)
    draft = build_draft(letter, glossary)
    report = checking.check_draft(draft, factlock.source_text(letter), glossary)
    attach_extras(draft, letter)
    return SimplifyResult(
        draft=draft,
        report=report,
        facts=comparison,
        notes=letter.notes,
        meaning_flags=flags,
        meaning_counts=dict(letter.meaning_counts),
        already_easy=letter.already_easy,
    )


def _mentioned(letter: LetterInProgress, detail: str) -> bool:
    """True when every fact of a contact detail is already in the draft."""
    wanted = {(f.kind, f.value) for f in checking.extract_facts(detail)}
    have = {(f.kind, f.value) for f in checking.extract_facts(" ".join(l.text for l in letter.lines))}
    return bool(wanted) and wanted <= have
