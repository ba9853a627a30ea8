"""The embedded model's raw rewrite lines of some letters, each with the letter sentence it is traced to.

How the model rows of the held-out splits (holdout3, then holdout4) were made: the rewriter's own plan and anchored
rewrite prompts (`simplify.stages._plan`, then `simplify.pipeline._rewrite` with the REWRITE_* settings) on all the
letters together, and the replies split into lines as `_rewrite` splits them (`parse_lines`, one sentence each),
**before** any `fix_sentence`, check, repair or fallback. Sentences the rewriter keeps as they are (labels, already Easy Read) and
the summary line ("What this letter is about", traced to several sentences) are not model lines of one sentence,
so they are left out.

    PYTHONPATH=$PWD nice -n 5 python benchmarks/easyread_bench/meaning/raw_lines.py LETTER.txt [...] --out OUT.json

OUT.json is a list of {letter, sid, sentence, line} in letter order; the sentence is
`read_document(letter).sentence_map()[sid]`, verbatim.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def raw_lines(paths: list[Path], engine, settings) -> list[dict]:
    """One row per raw model line: the letter stem, the sentence id and text it is traced to, and the line."""
    from easyread.documents.read import read_document
    from easyread.glossary import load_glossary
    from easyread.simplify import checking, pipeline, stages
    from easyread.simplify.prompts import parse_lines
    from easyread.simplify.state import LetterInProgress

    glossary = load_glossary(glossary_dir=settings.GLOSSARY_DIR or None)
    docs = [read_document(p) for p in paths]
    letters = [LetterInProgress(doc) for doc in docs]
    captured: list[tuple[list, list]] = []
    real_generate_all = pipeline.generate_all

    def capture(engine, prompts, samplings, **kwargs):
        replies = real_generate_all(engine, prompts, samplings, **kwargs)
        captured.append((list(prompts), list(replies)))
        return replies

    with checking.using_options(checking.options_from(settings)):
        stages._plan(letters, glossary, settings, lambda *a: None)
        live = [x for x in letters if x.error is None and not x.already_easy]
        pipeline.generate_all = capture  # the replies as the engine gave them, before `_rewrite` fixes them
        try:
            pipeline._rewrite(live, engine, int(settings["REWRITE_BATCH_SIZE"]), glossary, lambda *a: None)
        finally:
            pipeline.generate_all = real_generate_all
    ((prompts, replies),) = captured
    # The asks in `_rewrite`'s own order: every unit it sends to the model, then the letter's summary prompt.
    asks = []
    for letter in live:
        for unit in letter.plan.units:
            if not (unit.label or pipeline.is_easy_sentence(unit.text, glossary)):
                asks.append((letter, unit))
        if letter.plan.opening:
            asks.append((letter, None))
    assert len(asks) == len(replies), (len(asks), len(replies))
    rows = []
    stems = {id(letter): path.stem for letter, path in zip(letters, paths)}
    for (letter, unit), reply in zip(asks, replies):
        if unit is None:
            continue
        sentences = letter.doc.sentence_map()
        for line in parse_lines(reply, max_lines=pipeline.REWRITE_MAX_LINES, one_sentence_each=True):
            rows.append({"letter": stems[id(letter)], "sid": unit.sid, "sentence": sentences[unit.sid], "line": line})
    skipped = [p.stem for p, x in zip(paths, letters) if x.error is not None or x.already_easy]
    if skipped:
        print(f"not rewritten by the model (error or already easy): {skipped}")
    print(f"{len(prompts)} prompts, {len(rows)} lines")
    return rows


def main() -> None:
    """Run the model once over the letters given and write the raw lines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("letters", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--model", default=None, help="engine spec (default: the MODEL setting)")
    args = parser.parse_args()
    from easyread.config import load_settings
    from easyread.engines.registry import get_engine

    settings = load_settings()
    engine = get_engine(args.model, settings)
    started = time.monotonic()
    rows = raw_lines(args.letters, engine, settings)
    args.out.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{time.monotonic() - started:.0f} s, model {args.model or settings.MODEL}; wrote {args.out}")


if __name__ == "__main__":
    main()
