"""Benchmark: the meaning verifier on labelled (letter sentence, Easy Read sentence) pairs, beside the old rules.

For each kind of unfaithful pair: how many, and the share caught (recall) by the new verifier
(easyread.verify) and by the rules it replaces (easyread.simplify.meaning_rules.rule_flags, "before");
for faithful pairs, the share wrongly flagged (false alarms). Recall counts harmful pairs (harmful=yes);
a pair is caught when any problem is raised, whatever its kind ("right kind" says how often the kind
matched too). Figures per split: dev and test were both looked at while the rules were written (tuned on dev,
test read for kinds of failure in the third round), and "holdout" (letters of other councils) was read while
tuning the fourth round; "holdout2" (letters of yet other publishers, model rewrites labelled before the verifier
was run on them) was the honest figure until rules were tuned on it too, then "holdout3" (made the same way, from yet
other publishers and letter types) until it was tuned on in turn, then "holdout4" (made the same way again) until its
letters were read as drafts; "holdout5" (the model's own lines of eight new letters, nothing hand-made) until its
drafts were read and rules written from them, and "holdout6" (made the same way from eight more) until its first
figures were taken and its lines read in stop 33: every split here has been tuned on now, and the honest figure is a
split made the same way from letters nobody has read. "drafts" holds the real model lines of drafts of dev and test letters that
the verifier flagged, labelled by hand: its false alarms are the ones that cost residents the model's words. `--model SPEC` adds the model's second opinion where the
rules leave a sentence undecided.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import defaultdict
from pathlib import Path

from easyread_bench import machine_line

DEFAULT_PAIRS = Path(__file__).resolve().parent / "meaning" / "pairs.csv"
# "drafts": real model lines from drafts of the dev and test letters that the verifier flagged (issue 14, round 7),
# labelled by hand; a false-alarm set for real model output, so its letters repeat those of dev and test.
SPLITS = ("dev", "test", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "drafts")
KINDS = ("agent", "money", "modal", "negation", "condition", "fact-moved", "invented", "fragment")


def load_pairs(path: Path) -> list[dict]:
    """The labelled pairs, as dicts of the CSV's columns."""
    with open(path, newline="", encoding="utf-8") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def judge(pairs: list[dict], glossary=None, engine=None) -> None:
    """Add 'new', 'new_kinds', 'undecided', 'old' (and 'model') verdicts to each pair, in place."""
    from easyread.simplify.meaning_rules import rule_flags
    from easyread.verify import assess

    for pair in pairs:
        verdict = assess([pair["letter_sentence"]], pair["easy_read_sentence"], glossary=glossary)
        pair["new_kinds"] = [p.kind for p in verdict.problems]
        pair["new"] = bool(verdict.problems)
        pair["undecided"] = bool(verdict.undecided) and not verdict.problems
        pair["undecided_kinds"] = verdict.undecided
        pair["old"] = bool(rule_flags(pair["easy_read_sentence"], [pair["letter_sentence"]]))
        pair["model"] = pair["new"]
    if engine is None:
        return
    from easyread.simplify.meaning import PASSED, second_opinion

    ask = [p for p in pairs if p["undecided"]]
    opinions = second_opinion(
        engine,
        [(p["letter_sentence"], p["easy_read_sentence"], "", p["undecided_kinds"]) for p in ask],
        batch_size=16,
    )
    for pair, opinion in zip(ask, opinions):
        pair["model"] = opinion is not None and opinion is not PASSED


def table(pairs: list[dict], with_model: bool) -> list[str]:
    """Rows of figures for one split."""
    rows = []
    head = f"{'kind':12s} {'pairs':>5s} {'harmful':>7s} {'new':>6s} {'kind ok':>7s} {'before':>6s}"
    head += f" {'+model':>6s}" if with_model else ""
    rows.append(head)
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for p in pairs:
        if p.get("label") == "unfaithful":
            by_kind[p.get("kind", "")].append(p)
    for kind in KINDS + tuple(k for k in by_kind if k not in KINDS):
        group = by_kind.get(kind, [])
        harmful = [p for p in group if p.get("harmful", "yes") == "yes"]
        if not group:
            continue
        row = (
            f"{kind:12s} {len(group):5d} {len(harmful):7d} {_share(harmful, 'new'):>6s} "
            f"{_share(harmful, 'new_kinds', kind):>7s} {_share(harmful, 'old'):>6s}"
        )
        row += f" {_share(harmful, 'model'):>6s}" if with_model else ""
        rows.append(row)
    unfaithful = [p for p in pairs if p.get("label") == "unfaithful" and p.get("harmful", "yes") == "yes"]
    row = (
        f"{'all harmful':12s} {len(unfaithful):5d} {len(unfaithful):7d} {_share(unfaithful, 'new'):>6s} "
        f"{'':>7s} {_share(unfaithful, 'old'):>6s}"
    )
    rows.append(row + (f" {_share(unfaithful, 'model'):>6s}" if with_model else ""))
    errors = [p for p in pairs if p.get("label") == "unfaithful"]
    # Harmless errors too: on real drafts most of the model's errors are harmless but still wrong.
    row = (
        f"{'any error':12s} {len(errors):5d} {'':>7s} {_share(errors, 'new'):>6s} {'':>7s} {_share(errors, 'old'):>6s}"
    )
    rows.append(row + (f" {_share(errors, 'model'):>6s}" if with_model else ""))
    faithful = [p for p in pairs if p.get("label") == "faithful"]
    row = f"{'false alarm':12s} {len(faithful):5d} {'':>7s} {_share(faithful, 'new'):>6s} {'':>7s} {_share(faithful, 'old'):>6s}"
    rows.append(row + (f" {_share(faithful, 'model'):>6s}" if with_model else ""))
    undecided = [p for p in pairs if p.get("undecided")]
    rows.append(f"undecided by the rules (sent to the model with --model): {len(undecided)} of {len(pairs)}")
    return rows


def _share(group: list[dict], key: str, kind: str | None = None) -> str:
    if not group:
        return "-"
    if kind is None:
        hits = sum(1 for p in group if p.get(key))
    else:
        hits = sum(1 for p in group if kind in p.get(key, []))
    return f"{100 * hits / len(group):.0f}%"


def run(args: list[str]) -> None:
    parser = argparse.ArgumentParser(
        prog="easyread bench meaning", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pairs", default=str(DEFAULT_PAIRS), help="The labelled pairs CSV.")
    parser.add_argument("--model", default=None, help="Add the model's second opinion (embedded, embedded-fast, ...).")
    parser.add_argument(
        "--split",
        choices=SPLITS + ("all",),
        default="all",
        help="Judge only this split's pairs (the model is slow: --split holdout6 keeps --model short).",
    )
    parser.add_argument("--no-glossary", action="store_true", help="Verify without the default glossary.")
    parser.add_argument(
        "--show",
        choices=("missed", "alarms", "both"),
        default=None,
        help="Also print the missed harmful pairs and/or the false alarms (of --show-split).",
    )
    parser.add_argument(
        "--show-split",
        choices=SPLITS + ("all",),
        default="test",
        help="The split whose misses and false alarms --show prints.",
    )
    opts = parser.parse_args(args)
    path = Path(opts.pairs)
    if not path.is_file():
        raise SystemExit(f"There is no pairs file at {path}. Give its path with --pairs.")

    from easyread.checks.nlp import model_version
    from easyread.simplify.checking import load_default_glossary

    pairs = load_pairs(path)
    if opts.split != "all":
        pairs = [p for p in pairs if p.get("split") == opts.split]
    glossary = None if opts.no_glossary else load_default_glossary()
    engine = None
    if opts.model:
        from easyread.config import load_settings
        from easyread.engines.registry import get_engine

        engine = get_engine(opts.model, load_settings())
    started = time.perf_counter()
    judge(pairs, glossary, engine)
    seconds = time.perf_counter() - started
    print(machine_line(("spacy", "torch", "transformers")) + f", parser {model_version()}")
    print(
        f"pairs: {path} ({len(pairs)}), glossary: {'default' if glossary else 'none'}, "
        f"model: {opts.model or 'off'}, {seconds:.1f} s ({1000 * seconds / max(1, len(pairs)):.0f} ms a pair)"
    )
    print(
        "recall = share of harmful unfaithful pairs flagged; 'kind ok' = flagged with the labelled kind; "
        "'before' = the old rules (meaning_rules.rule_flags); false alarm = share of faithful pairs flagged."
    )
    for split in SPLITS + ("all",):
        chosen = pairs if split == "all" else [p for p in pairs if p.get("split") == split]
        if not chosen:
            continue
        print(f"\nsplit {split} ({len(chosen)} pairs):")
        for row in table(chosen, engine is not None):
            print("  " + row)
    if opts.show:
        chosen = pairs if opts.show_split == "all" else [p for p in pairs if p.get("split") == opts.show_split]
        name = opts.show_split
        if opts.show in ("missed", "both"):
            print(f"\nmissed (harmful, {name}):")
            for p in chosen:
                if p.get("label") == "unfaithful" and p.get("harmful", "yes") == "yes" and not p["new"]:
                    print(f"  [{p.get('id')}] {p.get('kind')}: {p['letter_sentence']!r} -> {p['easy_read_sentence']!r}")
        if opts.show in ("alarms", "both"):
            print(f"\nfalse alarms ({name}):")
            for p in chosen:
                if p.get("label") == "faithful" and p["new"]:
                    print(
                        f"  [{p.get('id')}] {p['new_kinds']}: {p['letter_sentence']!r} -> {p['easy_read_sentence']!r}"
                    )
