"""How short the fallback's pieces are on real letters: the readability side of the conservative fallback.

When a model line fails the meaning check twice, `easyread.verify.fallback.conservative` replaces it with the
letter's own words cut into short sentences. This runs it on every body sentence of the real letters
(benchmarks/easyread_bench/real_letters) and of the holdout letters (meaning/holdout_letters), read with the
app's reader, and prints per set: the share of pieces at 15 words or fewer, how many sentences over 15 words come
back whole, how many pieces the meaning rules flag (`assess`, as `meaning_fallback` does), and how many pieces
the pipeline would mark for a person (flagged, or failing the sentence checks, as `mark_fallback` does). Glossary
explanation lines ('"X" means: ...') are counted apart: they are the glossary's words, not a cut.

`--before REV` also runs fallback.py as it was at git revision REV, side by side in the same run.

    PYTHONPATH=$PWD:$PWD/benchmarks python -m easyread_bench.fallback_cuts [--before REV] [--show]
"""

from __future__ import annotations

import argparse
import subprocess
import types
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = {"real letters": HERE / "real_letters", "holdout letters": HERE / "meaning" / "holdout_letters"}
MAX_WORDS = 15


@dataclass
class Figures:
    """What the fallback made of one set of letter sentences."""

    sentences: int = 0
    long_sentences: int = 0
    long_left_whole: int = 0
    pieces: int = 0
    short_pieces: int = 0
    explanations: int = 0
    flagged: int = 0
    marked: int = 0
    kinds: Counter = field(default_factory=Counter)
    long_pieces: list[str] = field(default_factory=list)
    flagged_pieces: list[str] = field(default_factory=list)

    def summary(self) -> str:
        share = 100 * self.short_pieces / max(1, self.pieces)
        return (
            f"{self.pieces} pieces, {self.short_pieces} at <= {MAX_WORDS} words ({share:.1f}%); "
            f"{self.long_sentences} sentences over {MAX_WORDS} words, {self.long_left_whole} left whole; "
            f"{self.flagged} pieces flagged {dict(self.kinds) if self.kinds else ''}".rstrip()
            + f"; {self.marked} pieces marked for a person"
        )


def words(text: str) -> int:
    """Words as the readability target counts them (tokens with a letter or digit)."""
    return len([x for x in text.split() if any(c.isalnum() for c in x)])


def letter_sentences(folder: Path) -> list[str]:
    """The body sentences of every letter in `folder`, read as the app reads an upload."""
    from easyread.documents.read import read_document

    out: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        doc = read_document(path)
        out += [s.text for s in doc.sentences() if not doc.blocks[s.block].kind.is_letter_part]
    return list(dict.fromkeys(out))


def measure(sentences: list[str], glossary, conservative) -> Figures:
    """The figures of `conservative` (a fallback module's function) on these letter sentences."""
    from easyread.simplify.checking import failures, sentence_findings
    from easyread.verify import assess

    figures = Figures()
    for sentence in sentences:
        sentence = " ".join(sentence.split())
        texts = conservative([sentence], glossary)
        figures.sentences += 1
        long = words(sentence) > MAX_WORDS
        figures.long_sentences += long
        figures.long_left_whole += long and sentence in texts
        for n, text in enumerate(texts):
            if '" means: ' in text:
                figures.explanations += 1
                continue
            figures.pieces += 1
            if words(text) <= MAX_WORDS:
                figures.short_pieces += 1
            else:
                figures.long_pieces.append(text)
            problems = assess([sentence], text, glossary=glossary, context=" ".join(texts[:n])).problems
            # As `easyread.simplify.meaning_fallback.mark_fallback` does: a piece that fails the sentence checks (too long,
            # hard words) or that the meaning rules fault is marked for a person.
            figures.marked += bool(problems or failures(sentence_findings(text, glossary)))
            if problems:
                figures.flagged += 1
                figures.kinds[problems[0].kind] += 1
                figures.flagged_pieces.append(f"{text}  [{problems[0].kind}: {sentence}]")
    return figures


def fallback_at(revision: str) -> types.ModuleType:
    """easyread/verify/fallback.py as it was at `revision`, loaded as a module of its own."""
    root = HERE.parent.parent
    text = subprocess.run(
        ["git", "-C", str(root), "show", f"{revision}:easyread/verify/fallback.py"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    module = types.ModuleType(f"fallback_at_{revision}")
    exec(compile(text, f"fallback.py@{revision}", "exec"), module.__dict__)
    return module


def main(args: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", help="A git revision: also run fallback.py as it was there.")
    parser.add_argument("--show", action="store_true", help="List the pieces over 15 words and the flagged ones.")
    parser.add_argument("--folder", action="append", help="Letters to read instead of the two sets.")
    opts = parser.parse_args(args)
    from easyread.simplify.checking import load_default_glossary
    from easyread.verify import fallback

    glossary = load_default_glossary()
    versions = [("now", fallback.conservative)]
    if opts.before:
        versions.insert(0, (f"at {opts.before}", fallback_at(opts.before).conservative))
    sets = {Path(f).name: Path(f) for f in opts.folder} if opts.folder else SETS
    for name, folder in sets.items():
        sentences = letter_sentences(folder)
        print(f"{name}: {len(sentences)} body sentences")
        for label, conservative in versions:
            figures = measure(sentences, glossary, conservative)
            print(f"  {label}: {figures.summary()}")
            if opts.show:
                for text in figures.long_pieces:
                    print(f"    long ({words(text)}): {text}")
                for text in figures.flagged_pieces:
                    print(f"    flagged: {text}")


if __name__ == "__main__":
    main()
