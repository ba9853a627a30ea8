"""SARI (Xu et al. 2016, "Optimizing Statistical Machine Translation for Text
Simplification", TACL 4) computed the way the EASSE toolkit's
``easse.sari.corpus_sari`` computes it with its default arguments.

Written here from the published algorithm rather than imported: EASSE is not on
PyPI, and this service must run offline with no extra dependency. The 13a
tokeniser below is a re-implementation of sacrebleu's ``Tokenizer13a`` (itself
mteval-v13a) so that sacrebleu is not a runtime dependency either; a test checks
it against sacrebleu when sacrebleu happens to be importable.

How the score is built (what EASSE does by default):

* Every sentence (source, system output and each reference) is lowercased and
  tokenised with 13a, then split on spaces.
* For each n-gram order n = 1..4 and for each sentence, with source S, output O,
  R references and ``Rc`` = the n-gram counts of all references added together:

  - ADD (binary, set based): n-grams in O but not in S. Correct when the
    n-gram is in some reference. Recall is over n-grams in any reference but
    not in S.
  - KEEP (weighted by how many references keep it): with counts multiplied
    by R, ``kept_by_sys = min(R*S, R*O)``, ``kept_by_refs = min(R*S, Rc)``,
    correct = ``min(kept_by_sys, kept_by_refs)``.
  - DELETE (weighted the same way): ``deleted_by_sys = max(R*S - R*O, 0)``,
    ``deleted_by_refs = max(R*S - Rc, 0)``, correct = their minimum.

* The counts are summed over the whole corpus (this is what makes it *corpus*
  SARI, not a mean of sentence scores). For each order, precision = correct /
  system total and recall = correct / reference total (0 when the total is 0),
  F1 = 0 unless both are positive.
* Each operation's score is the mean over the four orders of its per-order F1
  (the "fixed" Java implementation the SARI authors used, EASSE's
  ``compute_macro_sari``). SARI = 100 * (add + keep + delete) / 3.

Deletion: the SARI paper scores deletion by precision only. EASSE's
``corpus_sari`` *default* (``use_f1_for_deletion=True``) uses F1 for deletion,
and every published ASSET figure we compare with (e.g. BLESS) comes from those
defaults, so the default here is the same. ``use_f1_for_deletion=False`` gives
the paper's precision-only deletion. Copying the input scores 0 on deletion
either way (nothing deleted), so the 20.73 reference for copying the ASSET test
input holds for both.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

NGRAM_ORDER = 4

# ---------------------------------------------------------------------------
# 13a tokenisation (mteval-v13a as in sacrebleu 2.x, written out here)
# ---------------------------------------------------------------------------

_13A_RULES = [
    # Punctuation and symbols in the ASCII ranges { - ~, [ - `, space - &, ( - +, : - @, and /
    # are split off (note: not ' , - . or digits or letters).
    (re.compile(r"([\{-\~\[-\` -\&\(-\+\:-\@\/])"), r" \1 "),
    # period and comma split off unless preceded by a digit
    (re.compile(r"([^0-9])([\.,])"), r"\1 \2 "),
    # period and comma split off unless followed by a digit
    (re.compile(r"([\.,])([^0-9])"), r" \1 \2"),
    # dash split off when preceded by a digit
    (re.compile(r"([0-9])(-)"), r"\1 \2 "),
]


@lru_cache(maxsize=2**16)
def tokenize_13a(line: str) -> str:
    """Tokenise one line like sacrebleu's ``Tokenizer13a``; returns space-joined tokens."""
    line = line.replace("<skipped>", "")
    line = line.replace("-\n", "")
    line = line.replace("\n", " ")
    if "&" in line:
        line = line.replace("&quot;", '"')
        line = line.replace("&amp;", "&")
        line = line.replace("&lt;", "<")
        line = line.replace("&gt;", ">")
    line = f" {line} "
    for pattern, repl in _13A_RULES:
        line = pattern.sub(repl, line)
    return " ".join(line.split())


def normalize(sentence: str, lowercase: bool = True, tokenizer: str = "13a") -> str:
    """Lowercase (optionally) then tokenise, as EASSE's ``normalize`` does.

    ``tokenizer`` is "13a" (EASSE default) or "none" (whitespace only)."""
    if lowercase:
        sentence = sentence.lower()
    if tokenizer == "13a":
        return tokenize_13a(sentence)
    if tokenizer == "none":
        return " ".join(sentence.split())
    raise ValueError(f"unknown tokenizer {tokenizer!r}: use '13a' or 'none'")


# ---------------------------------------------------------------------------
# n-gram statistics
# ---------------------------------------------------------------------------


def extract_ngrams(tokens: Sequence[str], max_order: int = NGRAM_ORDER) -> list[Counter]:
    """Counts of 1..max_order-grams of a token list; index 0 holds unigrams."""
    out = []
    for n in range(1, max_order + 1):
        out.append(Counter(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)))
    return out


def _scaled(counter: Counter, k: int) -> Counter:
    return Counter({g: c * k for g, c in counter.items()})


@dataclass
class OperationCounts:
    """Per-order counts for one operation: correct, system total, reference total."""

    correct: list[int] = field(default_factory=lambda: [0] * NGRAM_ORDER)
    sys_total: list[int] = field(default_factory=lambda: [0] * NGRAM_ORDER)
    ref_total: list[int] = field(default_factory=lambda: [0] * NGRAM_ORDER)

    def add(self, n: int, correct: int, sys_total: int, ref_total: int) -> None:
        self.correct[n] += correct
        self.sys_total[n] += sys_total
        self.ref_total[n] += ref_total


@dataclass
class SariStats:
    """Add / keep / delete counts, summed over however many sentences were added."""

    add: OperationCounts = field(default_factory=OperationCounts)
    keep: OperationCounts = field(default_factory=OperationCounts)
    delete: OperationCounts = field(default_factory=OperationCounts)

    def update(
        self, orig_tokens: Sequence[str], sys_tokens: Sequence[str], refs_tokens: Sequence[Sequence[str]]
    ) -> None:
        """Add the counts of one sentence (already normalised and split into tokens)."""
        num_refs = len(refs_tokens)
        if num_refs == 0:
            raise ValueError("SARI needs at least one reference per sentence")
        orig_ng = extract_ngrams(orig_tokens)
        sys_ng = extract_ngrams(sys_tokens)
        refs_ng = [Counter() for _ in range(NGRAM_ORDER)]
        for ref in refs_tokens:
            for n, c in enumerate(extract_ngrams(ref)):
                refs_ng[n].update(c)

        for n in range(NGRAM_ORDER):
            o, s, r = orig_ng[n], sys_ng[n], refs_ng[n]
            # ADD: sets (binary), not counts.
            added_by_sys = set(s) - set(o)
            added_by_refs = set(r) - set(o)
            self.add.add(n, len(added_by_sys & set(r)), len(added_by_sys), len(added_by_refs))

            # KEEP and DELETE: counts scaled by the number of references so a
            # source n-gram kept by 7 of 10 references weighs 7 against 10.
            o_r, s_r = _scaled(o, num_refs), _scaled(s, num_refs)
            kept_by_sys = o_r & s_r  # min
            kept_by_refs = o_r & r
            self.keep.add(
                n, sum((kept_by_sys & kept_by_refs).values()), sum(kept_by_sys.values()), sum(kept_by_refs.values())
            )

            deleted_by_sys = o_r - s_r  # positive part
            deleted_by_refs = o_r - r
            self.delete.add(
                n,
                sum((deleted_by_sys & deleted_by_refs).values()),
                sum(deleted_by_sys.values()),
                sum(deleted_by_refs.values()),
            )


def precision_recall_f1(correct: int, sys_total: int, ref_total: int) -> tuple[float, float, float]:
    """Precision, recall and F1 with EASSE's conventions for empty totals:
    0 when the denominator is 0, and F1 is 0 unless both are positive."""
    p = correct / sys_total if sys_total > 0 else 0.0
    r = correct / ref_total if ref_total > 0 else 0.0
    f1 = 2 * p * r / (p + r) if p > 0 and r > 0 else 0.0
    return p, r, f1


@dataclass(frozen=True)
class SariScore:
    """SARI and its three parts, each on a 0-100 scale."""

    sari: float
    add: float
    keep: float
    delete: float


def score_from_stats(stats: SariStats, use_f1_for_deletion: bool = True) -> SariScore:
    """Turn summed counts into SARI (mean over orders of per-order F1; see module doc)."""
    add = keep = delete = 0.0
    for n in range(NGRAM_ORDER):
        add += precision_recall_f1(stats.add.correct[n], stats.add.sys_total[n], stats.add.ref_total[n])[2]
        keep += precision_recall_f1(stats.keep.correct[n], stats.keep.sys_total[n], stats.keep.ref_total[n])[2]
        p, _, f1 = precision_recall_f1(stats.delete.correct[n], stats.delete.sys_total[n], stats.delete.ref_total[n])
        delete += f1 if use_f1_for_deletion else p
    add, keep, delete = (100.0 * x / NGRAM_ORDER for x in (add, keep, delete))
    return SariScore(sari=(add + keep + delete) / 3, add=add, keep=keep, delete=delete)


def corpus_stats(
    orig_sents: Sequence[str],
    sys_sents: Sequence[str],
    refs_sents: Sequence[Sequence[str]],
    lowercase: bool = True,
    tokenizer: str = "13a",
) -> SariStats:
    """Summed counts over a corpus.

    ``refs_sents`` has EASSE's shape: one list per reference *set*, each as long
    as ``orig_sents`` (so ``refs_sents[j][i]`` is reference j of sentence i)."""
    if len(orig_sents) != len(sys_sents):
        raise ValueError(f"{len(orig_sents)} source sentences but {len(sys_sents)} system outputs")
    for j, refs in enumerate(refs_sents):
        if len(refs) != len(orig_sents):
            raise ValueError(f"reference set {j} has {len(refs)} sentences, expected {len(orig_sents)}")

    def toks(s: str) -> list[str]:
        return normalize(s, lowercase, tokenizer).split()

    stats = SariStats()
    for i, (orig, out) in enumerate(zip(orig_sents, sys_sents)):
        stats.update(toks(orig), toks(out), [toks(refs[i]) for refs in refs_sents])
    return stats


def corpus_sari_scores(
    orig_sents: Sequence[str],
    sys_sents: Sequence[str],
    refs_sents: Sequence[Sequence[str]],
    lowercase: bool = True,
    tokenizer: str = "13a",
    use_f1_for_deletion: bool = True,
) -> SariScore:
    """Corpus SARI with its add / keep / delete parts (EASSE defaults)."""
    stats = corpus_stats(orig_sents, sys_sents, refs_sents, lowercase, tokenizer)
    return score_from_stats(stats, use_f1_for_deletion)


def corpus_sari(
    orig_sents: Sequence[str],
    sys_sents: Sequence[str],
    refs_sents: Sequence[Sequence[str]],
    lowercase: bool = True,
    tokenizer: str = "13a",
    use_f1_for_deletion: bool = True,
) -> float:
    """Corpus SARI (0-100), same arguments and result as ``easse.sari.corpus_sari``."""
    return corpus_sari_scores(orig_sents, sys_sents, refs_sents, lowercase, tokenizer, use_f1_for_deletion).sari


def sentence_sari(orig_sent: str, sys_sent: str, ref_sents: Sequence[str], **kwargs) -> float:
    """SARI of one sentence (corpus SARI over a corpus of one, as EASSE's sentence_sari)."""
    return corpus_sari([orig_sent], [sys_sent], [[r] for r in ref_sents], **kwargs)
