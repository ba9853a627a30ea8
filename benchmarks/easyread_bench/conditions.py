"""Letter sentences with "if" or "unless", said two ways side by side in one run on the same model.

- rewrite: the model rewrites the sentence (the path before REWRITE_CONDITION_CUTS);
- cuts: the fallback's faithful cuts (condition asked, then what it governs), which the model only puts in plainer
  words, one line for each cut; a line that loses its cut's shape, facts or meaning is the cut itself.

Only the sentences the pipeline would say as cuts are measured (their cuts are short and fail no check); with
`--scope others`, the sentences without "if" or "unless" whose cuts are all 15 words or fewer (REWRITE_SHORT_CUTS)
instead of the conditions. Printed
for each way: lines, lines at <= 15 words and mean words, lines with a finding of the sentence checks, lines the
meaning rules find a problem in and lines they leave undecided against the letter sentence, and model tokens and seconds; for the cuts, how
many lines are the model's words and how many the letter's. The rules are also what keeps a plainer line, so their
figures favour the cuts: read both ways with --json (every sentence and both ways' lines) to judge them.

    PYTHONPATH=$PWD:$PWD/benchmarks python -m easyread.cli bench conditions [--letters DIR ...] [--model M] [--json F]
        [--scope conditions|others]

`--pairs` runs no model: it counts the embedded model's own lines in the labelled meaning pairs (the holdout
splits' rows of raw model output) by label, and by whether their letter sentence is now said as cuts (with a
condition, or short cuts without one), so the model no longer writes it freely. It prints counts only, so it may be run on a sealed split.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from easyread_bench import machine_line
from easyread_bench.fallback_cuts import words

HERE = Path(__file__).resolve().parent
MAX_WORDS = 15


@dataclass
class Way:
    """What one way made of the conditional sentences."""

    name: str
    lines: list[list[str]] = field(default_factory=list)  # per sentence
    seconds: float = 0.0
    tokens: int = 0
    model_lines: int = 0
    problems: int = 0
    undecided: int = 0
    hard: int = 0  # lines with a finding of the sentence checks (a hard word, a "not", ...)

    def summary(self) -> str:
        flat = [line for lines in self.lines for line in lines]
        counts = [words(line) for line in flat]
        short = sum(w <= MAX_WORDS for w in counts)
        said = f", {self.model_lines} in the model's words" if self.name == "cuts" else ""
        return (
            f"{self.name:8s} {len(flat)} lines{said}; {100 * short / max(1, len(flat)):.1f}% at <= {MAX_WORDS} words, "
            f"mean {statistics.mean(counts) if counts else 0:.1f}, {self.hard} with a finding of the sentence checks; "
            f"rules: {self.problems} lines with a problem, {self.undecided} undecided; "
            f"{self.tokens} tokens in {self.seconds:.0f} s"
        )


def sentences_with_conditions(folders: list[Path], glossary, unit_words: int, scope: str = "conditions") -> list[dict]:
    """Every planned unit of the letters whose sentence the pipeline would say as cuts, with its prompt inputs:
    the sentences with a condition (scope "conditions") or the others whose cuts are short (scope "others")."""
    from easyread.documents.read import read_document
    from easyread.simplify import checking
    from easyread.simplify.condition_cuts import condition_cuts
    from easyread.simplify.inputs import is_easy_sentence
    from easyread.simplify.plan import plan_letter

    found = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            plan = plan_letter(read_document(path), glossary=glossary, unit_words=unit_words)
            for unit in plan.units:
                if unit.label or is_easy_sentence(unit.text, glossary):
                    continue  # laid out as the letter says it, on either way
                cuts = condition_cuts(unit.text, glossary, conditions=scope == "conditions", others=scope == "others")
                if cuts is None:
                    continue
                facts = [checking.fact_text(f) for f in unit.facts if checking.fact_kind(f) != "right"]
                found.append(
                    {
                        "letter": path.name,
                        "unit": unit,
                        "about": plan.about,
                        "facts": list(dict.fromkeys(facts)),
                        "cuts": cuts,
                    }
                )
    return found


def _generate(engine, prompts, budgets, batch: int) -> tuple[list[str], float, int]:
    from easyread.engines.base import Sampling
    from easyread.simplify.batching import generate_all

    before = int(getattr(getattr(engine, "stats", None), "generated_tokens", 0) or 0)
    started = time.perf_counter()
    replies = generate_all(engine, prompts, [Sampling(max_new_tokens=b) for b in budgets], batch_size=batch)
    after = int(getattr(getattr(engine, "stats", None), "generated_tokens", 0) or 0)
    return replies, time.perf_counter() - started, after - before


def _judge(way: Way, found: list[dict], glossary) -> None:
    from easyread.simplify.checking import sentence_findings
    from easyread.verify import assess

    for item, lines in zip(found, way.lines):
        for n, line in enumerate(lines):
            result = assess([item["unit"].text], line, glossary=glossary, context=" ".join(lines[:n]))
            way.problems += bool(result.problems)
            way.hard += bool(sentence_findings(line, glossary))
            way.undecided += bool(result.undecided and not result.problems)


def pair_counts(splits: tuple[str, ...] = ("holdout2", "holdout3", "holdout4")) -> dict:
    """Per split, the model's own lines in the labelled pairs: {label: {way: n}}, where way is "cuts" for lines
    of a sentence with a condition now said as cuts, "short" for one without a condition now said as cuts
    (REWRITE_SHORT_CUTS), "if" for a sentence with "if"/"unless" the model still rewrites and "other" for the rest;
    label is harmful, unfaithful (not harmful) or faithful."""
    from easyread.simplify.checking import load_default_glossary
    from easyread.simplify.condition_cuts import CONDITION, condition_cuts
    from easyread.simplify.inputs import is_easy_sentence
    from easyread_bench.meaning import DEFAULT_PAIRS, load_pairs

    glossary = load_default_glossary()
    counts: dict = {}
    ways: dict[str, str] = {}
    for row in load_pairs(DEFAULT_PAIRS):
        # The raw model lines of the holdout splits say so in their note; the rest were written by hand.
        if row["split"] not in splits or "model" not in row["note"].lower() and "raw" not in row["note"].lower():
            continue
        label = "harmful" if row["harmful"] == "yes" else row["label"]
        sentence = row["letter_sentence"]
        if sentence not in ways:
            conditional = CONDITION.search(sentence) is not None
            said = not is_easy_sentence(sentence, glossary) and condition_cuts(sentence, glossary, others=True)
            ways[sentence] = ("cuts" if conditional else "short") if said else "if" if conditional else "other"
        split = counts.setdefault(row["split"], {})
        split.setdefault(label, dict.fromkeys(WAYS, 0))[ways[sentence]] += 1
    return counts


WAYS = ("cuts", "short", "if", "other")


def run(args: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="easyread bench conditions", description=__doc__.splitlines()[0])
    parser.add_argument("--letters", action="append", help="A folder of .txt letters (default: our real letters).")
    parser.add_argument("--model", default="embedded", help="Model spec (default: embedded).")
    parser.add_argument("--json", help="Write every sentence and both ways' lines to this file.")
    parser.add_argument("--pairs", action="store_true", help="Count the model lines of the labelled pairs only.")
    parser.add_argument(
        "--scope",
        choices=("conditions", "others"),
        default="conditions",
        help="The sentences with 'if' or 'unless' (REWRITE_CONDITION_CUTS), or the others (REWRITE_SHORT_CUTS).",
    )
    opts = parser.parse_args(args)
    if opts.pairs:
        for split, labels in pair_counts().items():
            print(
                f"{split}: the embedded model's own lines, by label: said as cuts now (with a condition / without) / "
                "'if' still rewritten / other"
            )
            for label in ("harmful", "unfaithful", "faithful"):
                n = labels.get(label, dict.fromkeys(WAYS, 0))
                print(f"  {label:10s} {n['cuts']:4d} / {n['short']:4d} / {n['if']:4d} / {n['other']:4d}")
        return

    from easyread.config import load_settings
    from easyread.engines.registry import get_engine
    from easyread.simplify.checking import load_default_glossary
    from easyread.simplify.condition_cuts import take_plain_words
    from easyread.simplify.fixes import fix_sentence
    from easyread.simplify.pipeline import REWRITE_MAX_LINES, rewrite_budget
    from easyread.simplify.prompts import parse_lines, plain_words_prompt, rewrite_prompt

    settings = load_settings()
    glossary = load_default_glossary()
    folders = [Path(f) for f in opts.letters] if opts.letters else [HERE / "real_letters"]
    found = sentences_with_conditions(folders, glossary, int(settings["REWRITE_UNIT_WORDS"]), opts.scope)
    engine = get_engine(opts.model, settings)
    batch = int(settings["REWRITE_BATCH_SIZE"])
    print(machine_line(("torch", "transformers", "spacy")), flush=True)
    print(f"model: {opts.model}, letters from {', '.join(str(f) for f in folders)}", flush=True)
    which = "with 'if' or 'unless'" if opts.scope == "conditions" else "without 'if' or 'unless'"
    print(f"{len(found)} letter sentences {which} whose cuts are short (said as cuts)", flush=True)

    old = Way("rewrite")
    prompts = [
        rewrite_prompt(
            i["unit"].text, i["unit"].context, i["facts"], i["unit"].terms, about=i["about"], heading=i["unit"].heading
        )
        for i in found
    ]
    replies, old.seconds, old.tokens = _generate(
        engine, prompts, [rewrite_budget(i["unit"].text) for i in found], batch
    )
    old.lines = [
        [fix_sentence(t) for t in parse_lines(r, max_lines=REWRITE_MAX_LINES, one_sentence_each=True)]
        or [i["unit"].text]
        for i, r in zip(found, replies)
    ]

    new = Way("cuts")
    prompts = [plain_words_prompt(i["cuts"].pieces, i["facts"], i["unit"].terms, about=i["about"]) for i in found]
    budgets = [rewrite_budget(" ".join(i["cuts"].pieces)) for i in found]
    replies, new.seconds, new.tokens = _generate(engine, prompts, budgets, batch)
    for item, reply in zip(found, replies):
        cuts = item["cuts"]
        plainer = take_plain_words(
            parse_lines(reply, max_lines=len(cuts.pieces) + 1), cuts, item["unit"].text, glossary
        )
        new.model_lines += sum(p is not None for p in plainer)
        new.lines.append([p or c for p, c in zip(plainer, cuts.pieces)])

    for way in (old, new):
        _judge(way, found, glossary)
        print(way.summary(), flush=True)
    if opts.json:
        rows = [
            {
                "letter": i["letter"],
                "sentence": i["unit"].text,
                "rewrite": a,
                "cuts": b,
                "letter_cuts": i["cuts"].pieces,
            }
            for i, a, b in zip(found, old.lines, new.lines)
        ]
        Path(opts.json).write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"written: {opts.json}")
