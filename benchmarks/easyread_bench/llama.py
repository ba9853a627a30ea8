"""llama.cpp on one stream, the same model (the embedded Q4_K_M GGUF) and the same prompts: the issue's yardstick.

    python -m easyread_bench.llama [--letters N] [--paragraphs K]        # in easyread's environment
    python benchmarks/easyread_bench/llama.py --prompts FILE --gguf FILE             # in an environment with llama_cpp only

llama-cpp-python is an optional extra (`pip install 'easyread[llama]'`, a source build of a few minutes);
without it the figure is reported as "not installed". The GGUF is joined from the installed
part packages (hash-checked, as `easyread models prepare` does) into a temporary folder and deleted after.
The second form lets a separate virtual environment that holds only llama_cpp time prompts
written out by the first (`--prompts-out`).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

NOT_INSTALLED = "not installed (pip install 'easyread[llama]')"


def time_stream(gguf: str, prompts: list[list[dict]], budgets: list[int], threads: int | None = None) -> dict:
    """Greedy replies to `prompts` one at a time with llama.cpp; tokens, seconds and tokens per second."""
    from llama_cpp import Llama

    model = Llama(model_path=gguf, n_ctx=4096, n_threads=threads, verbose=False, seed=0)
    model.create_chat_completion(messages=[{"role": "user", "content": "Say hello."}], max_tokens=2)  # warm up
    tokens, started = 0, time.monotonic()
    for chat, budget in zip(prompts, budgets):
        out = model.create_chat_completion(messages=chat, max_tokens=budget, temperature=0.0, top_k=1)
        tokens += int(out["usage"]["completion_tokens"])
    seconds = time.monotonic() - started
    return {"tokens": tokens, "seconds": seconds, "tokens_per_second": tokens / seconds if seconds else 0.0}


def baseline_prompts(docs, paragraphs: int) -> tuple[list, list[int]]:
    """The batch-1 baseline's prompts (bench rewriter): the first `paragraphs` letter sentences, each alone."""
    from easyread.simplify import checking
    from easyread.simplify.pipeline import rewrite_budget
    from easyread.simplify.plan import plan_letter
    from easyread.simplify.prompts import rewrite_prompt

    units = [u for d in docs for u in plan_letter(d).units if not u.label][:paragraphs]
    prompts, budgets = [], []
    for unit in units:
        facts = [checking.fact_text(f) for f in unit.facts if checking.fact_kind(f) != "right"]
        prompts.append(rewrite_prompt(unit.text, unit.context, facts, unit.terms, heading=unit.heading))
        budgets.append(rewrite_budget(unit.text))
    return prompts, budgets


def llama_single_stream(engine, docs, paragraphs: int) -> dict:
    """llama.cpp's one-stream figure on the baseline's prompts, or a note saying why there is none."""
    try:
        import llama_cpp  # noqa: F401
    except ImportError:
        return {"note": NOT_INSTALLED}
    from easyread.engines.embedded import EMBEDDED_MODELS, join_parts

    model = EMBEDDED_MODELS["embedded"]
    prompts, budgets = baseline_prompts(docs, max(1, paragraphs))
    with tempfile.TemporaryDirectory(prefix="easyread-llama-") as work:
        gguf = join_parts(model, Path(work) / model.gguf_name)
        figures = time_stream(str(gguf), prompts, budgets)
    return {**figures, "model": model.title, "prompts": len(prompts)}


def run(args: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="easyread bench llama", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--letters", type=int, default=2, help="Take the baseline's sentences from the first N letters."
    )
    parser.add_argument("--paragraphs", type=int, default=4, help="How many letter sentences to time.")
    parser.add_argument("--prompts-out", default=None, help="Write the prompts to this JSON file and stop.")
    parser.add_argument("--prompts", default=None, help="Time the prompts in this JSON file (needs --gguf).")
    parser.add_argument("--gguf", default=None, help="The GGUF file to load (with --prompts).")
    parser.add_argument("--threads", type=int, default=None, help="llama.cpp threads (default: its own choice).")
    opts = parser.parse_args(args)
    if opts.prompts:
        data = json.loads(Path(opts.prompts).read_text())
        figures = time_stream(opts.gguf, data["prompts"], data["budgets"], opts.threads)
        figures["prompts"] = len(data["prompts"])
    else:
        from easyread.documents.read import read_document
        from easyread_bench.letterset import load_letters

        docs = [read_document(letter.path) for letter in load_letters(opts.letters, None)]
        if opts.prompts_out:
            prompts, budgets = baseline_prompts(docs, opts.paragraphs)
            Path(opts.prompts_out).write_text(json.dumps({"prompts": prompts, "budgets": budgets}))
            return {"prompts": len(prompts)}
        figures = llama_single_stream(None, docs, opts.paragraphs)
    if figures.get("tokens_per_second"):
        print(
            f"llama.cpp, one stream: {figures['prompts']} prompts, {figures['tokens']} tokens in "
            f"{figures['seconds']:.0f} s = {figures['tokens_per_second']:.1f} tokens/s"
        )
    else:
        print(f"llama.cpp, one stream: {figures.get('note')}")
    return figures


if __name__ == "__main__":  # pragma: no cover
    sys.exit(0 if run() is not None else 1)
