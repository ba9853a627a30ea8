"""A model line that passed every check but is over 15 words, cut into shorter lines only when that is safe.

The cuts are the conservative fallback's (`easyread.verify.fallback.shorten`: the condition asked first, a
purpose or a reason on its own, conditions joined by "or" one at a time, ...) and `fixes.split_long` (at "; " or
", and you ..."). A cut is kept only when every piece passes the meaning rules against the line itself and no
piece fails a sentence check the whole line did not fail; otherwise the line is left as the model wrote it (the
checks already mark its length).
"""

from __future__ import annotations

from easyread.simplify import checking
from easyread.simplify.fixes import split_long
from easyread.verify.fallback import faithful, shorten


def cut_long_line(text: str, glossary=None) -> list[str]:
    """`text` as shorter lines that say what it says and pass the checks it passes, or `[text]`."""
    failed = _failed(text, glossary)
    for parts in _cuts(text, glossary):
        if len(parts) > 1 and all(_failed(p, glossary) <= failed for p in parts):
            return parts
    return [text]


def _cuts(text: str, glossary):
    """The cuts to try, plainest first: `split_long` (checked here, it knows no meaning rules), then `shorten`."""
    parts = split_long(text)
    if len(parts) > 1 and faithful(text, parts, glossary):
        yield parts
    yield shorten(text, glossary)


def _failed(text: str, glossary) -> set[str]:
    """The sentence checks `text` fails, by rule."""
    return {_rule(f) for f in checking.failures(checking.sentence_findings(text, glossary))}


def _rule(finding) -> str:
    return finding.get("rule_id", "") if isinstance(finding, dict) else getattr(finding, "rule_id", "")
