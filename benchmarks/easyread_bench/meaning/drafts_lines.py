"""The real model lines of bench rewriter runs, checked by today's verifier with their Easy Read context.

How the `drafts` split of pairs.csv was collected, and its figure as the pipeline sees it (with context, which
`bench meaning` does not give):

    PYTHONPATH=$PWD:$PWD/benchmarks python benchmarks/easyread_bench/meaning/drafts_lines.py RUN.json [RUN.json ...]
        [--cases CASES.json] [--flagged OUT.json]

Each RUN.json is `easyread bench rewriter` output (`drafts[letter]["sections"][i]["points"]`, each point with `text`,
`flags`, `findings` and `sources`, sentence ids of `read_document(real_letters/<letter>.txt).sentence_map()`). A
model line is every point that is not itself a fallback, and every rejected line a finding quotes ("The rewrite said
"..."", and the lines it replaced with it). CASES.json is a list of {letter, sources, bad} rejected lines. Prints how
many distinct lines the verifier flags, and for the lines labelled in the drafts split the false alarms and the
errors caught; --flagged writes the flagged lines (sources, line, context, first problem) for labelling.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
LETTERS = HERE.parent / "real_letters"
FALLBACK = {"letter-words", "meaning-fallback", "letter-part"}
SAID = re.compile(r'^The rewrite said "(.*?)"\. ')
ALSO = re.compile(r"They also replace the other sentences that said the same part of the letter: (.*)$")


def model_lines(run: dict, sentence_maps: dict) -> list[tuple[str, tuple[str, ...], str, str]]:
    """(letter, source sentences, line, Easy Read context) for each model line of one run."""
    from easyread.documents.read import read_document

    lines = []
    for letter, draft in run["drafts"].items():
        if letter not in sentence_maps:
            sentence_maps[letter] = read_document(LETTERS / f"{letter}.txt").sentence_map()
        sentences = sentence_maps[letter]
        before: dict[tuple, list[str]] = {}
        for section in draft["sections"]:
            for point in section["points"]:
                ids = tuple(point.get("sources") or ())
                if not ids:
                    continue
                sources = tuple(sentences[i] for i in ids if i in sentences)
                if not set(point["flags"]) & FALLBACK:
                    lines.append((letter, sources, point["text"], " ".join(before.get(ids, [])[-2:])))
                    before.setdefault(ids, []).append(point["text"])
                for finding in point["findings"]:
                    said = SAID.match(finding.get("message", ""))
                    if not said:
                        continue
                    lines.append((letter, sources, said.group(1), ""))
                    also = ALSO.search(finding["message"])
                    lines += [(letter, sources, o, "") for o in re.findall(r'"(.*?)"', also.group(1))] if also else []
    return lines


def main(args: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="+", help="bench rewriter JSON files")
    parser.add_argument("--cases", help="a JSON list of {letter, sources, bad} rejected lines")
    parser.add_argument("--flagged", help="write the flagged lines here (JSON)")
    opts = parser.parse_args(args)
    from easyread.simplify.checking import load_default_glossary
    from easyread.verify import assess

    maps: dict = {}
    lines = []
    for path in opts.runs:
        lines += model_lines(json.loads(Path(path).read_text(encoding="utf-8")), maps)
    if opts.cases:
        cases = json.loads(Path(opts.cases).read_text(encoding="utf-8"))
        lines += [(c["letter"], tuple(c["sources"]), c["bad"], "") for c in cases]
    distinct = {}
    for letter, sources, line, context in lines:
        distinct.setdefault((sources, line), (letter, context))
    with open(HERE / "pairs.csv", newline="", encoding="utf-8") as handle:
        labels = {
            (r["letter_sentence"], r["easy_read_sentence"]): r["kind"]
            for r in csv.DictReader(handle)
            if r["split"] == "drafts"
        }
    glossary = load_default_glossary()
    flagged, counts = [], {"faithful": [0, 0], "error": [0, 0]}
    for (sources, line), (letter, context) in distinct.items():
        verdict = assess(list(sources), line, glossary=glossary, context=context)
        if verdict.problems:
            first = verdict.problems[0]
            flagged.append({"letter": letter, "sources": list(sources), "line": line, "context": context,
                            "problem": [first.kind, first.message]})  # fmt: skip
        kind = labels.get((sources[0], line)) if len(set(sources)) == 1 else None
        if kind is not None:
            group = counts["faithful" if kind == "faithful" else "error"]
            group[0] += 1
            group[1] += bool(verdict.problems)
    print(f"{len(distinct)} distinct model lines, {len(flagged)} flagged by the verifier")
    print(f"drafts split, with context: false alarms {counts['faithful'][1]} of {counts['faithful'][0]}, "
          f"errors caught {counts['error'][1]} of {counts['error'][0]}")  # fmt: skip
    if opts.flagged:
        Path(opts.flagged).write_text(json.dumps(flagged, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
