"""The one door from the rewriter to the checks and the fact lock.

Keeping every call to `easyread.checks` here means a change in the checks'
shapes touches one small file, and tests can swap the checks for stand-ins.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

FAIL = "fail"


def finding_to_dict(finding: Any) -> dict:
    """A check finding as a plain dict for `Point.findings`."""
    if isinstance(finding, dict):
        return dict(finding)
    if hasattr(finding, "to_dict"):
        return finding.to_dict()
    if dataclasses.is_dataclass(finding):
        return dataclasses.asdict(finding)
    return dict(vars(finding))


# The check options (the CHECK_* settings) of the letters being rewritten. `simplify_documents` sets them once for
# its run with `using_options`, so every sentence the rewriter judges, repairs or keeps is held to the same limits as
# the final report, without threading one more argument through each stage.
_OPTIONS: ContextVar = ContextVar("easyread_check_options", default=None)


@contextmanager
def using_options(options) -> Iterator[None]:
    """Check every sentence inside the block with `options` (easyread.checks.registry.Options)."""
    token = _OPTIONS.set(options)
    try:
        yield
    finally:
        _OPTIONS.reset(token)


def options_from(settings: dict):
    """The checks' options from a settings dict."""
    from easyread.checks.registry import Options

    return Options.from_settings(settings)


def sentence_findings(sentence: str, glossary=None) -> list:
    """Findings of the sentence rules for one sentence, with the options of the current run."""
    from easyread.checks.rules import check_sentence

    return list(check_sentence(sentence, glossary=glossary, options=_OPTIONS.get()))


def failures(findings: list) -> list:
    """Only the findings that fail the gate."""
    return [f for f in findings if _get(f, "severity") == FAIL]


def prepare(texts: list[str]) -> None:
    """Parse many texts about to be split or checked one by one in one batch first (the parses are cached)."""
    from easyread.checks.rules import prepare as _prepare

    _prepare(texts)


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, using the checks' splitter so counts agree with the gate."""
    from easyread.checks.rules import split_sentences as _split

    return [s.strip() for s in _split(text) if s.strip()]


def extract_facts(text: str) -> list:
    """Hard facts (amounts, dates, times, phone numbers...) in `text`."""
    from easyread.checks.facts import extract_facts as _extract

    return list(_extract(text, language="en"))


def compare_facts(source: str, draft: str):
    """Fact lock: which of the source's facts the draft kept, lost, changed or invented."""
    from easyread.checks.facts import compare_facts as _compare

    return _compare(source, draft)


def check_draft(draft, source_text: str | None, glossary=None):
    """The gate's report on a whole draft, with the options of the current run."""
    from easyread.checks.report import check_draft as _check

    return _check(draft, source_text, glossary=glossary, options=_OPTIONS.get())


def glossary_terms(glossary, text: str) -> list:
    """Glossary entries whose terms occur in `text` (none without a glossary)."""
    if glossary is None:
        return []
    try:
        return list(glossary.terms_in(text))
    except Exception:  # a broken glossary should never stop a rewrite
        return []


def load_default_glossary():
    """The default glossary, or None when the glossary module is not there."""
    try:
        from easyread.glossary import load_glossary
    except ImportError:
        return None
    return load_glossary()


def _get(obj: Any, name: str, default=None):
    return obj.get(name, default) if isinstance(obj, dict) else getattr(obj, name, default)


def fact_kind(fact: Any) -> str:
    """A fact's kind as one of our template kinds (money, date, time, phone, ...)."""
    kind = str(_get(fact, "kind", "") or "").lower()
    for key in (
        "money",
        "deadline",
        "date",
        "time",
        "phone",
        "email",
        "url",
        "reference",
        "duration",
        "percent",
        "right",
        "postcode",
    ):
        if key in kind:
            return key
    if "amount" in kind or "currency" in kind:
        return "money"
    if "web" in kind or "link" in kind:
        return "url"
    if "ref" in kind:
        return "reference"
    if "period" in kind or "deadline" in kind:
        return "duration"
    return "number"


def fact_text(fact: Any) -> str:
    """The words of a fact as the letter wrote them."""
    return str(_get(fact, "text", "") or _get(fact, "value", ""))


def fact_value(fact: Any) -> str:
    return str(_get(fact, "value", "") or _get(fact, "text", ""))


def fact_span(fact: Any) -> tuple[int, int]:
    return int(_get(fact, "start", 0) or 0), int(_get(fact, "end", 0) or 0)


def get(obj: Any, name: str, default=None):
    """Read a field from a dataclass-like object or a dict alike."""
    return _get(obj, name, default)


_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
