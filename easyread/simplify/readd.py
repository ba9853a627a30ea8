"""Never drop a fact silently: put a lost fact back as its own templated sentence.

The template is picked from the fact's kind and the words around it in the
letter ("pay", "by", "within"), so it says as little as it safely can. Every
re-added sentence is flagged "fact-readded" with a finding that quotes the
letter's sentence, so a person checks it before the letter goes out.
"""

from __future__ import annotations

import re

from easyread.simplify import checking
from easyread.simplify.plan import split_plain
from easyread.simplify.state import Line, add_finding

_RIGHTS = {
    "appeal": "You can appeal.",
    "tribunal": "You can ask a tribunal to look at the decision.",
    "ombudsman": "You can go to the Ombudsman.",
    "complaint": "You can make a complaint.",
    "review": "You can ask us to look at the decision again.",
    "challenge": "You can challenge this.",
    "representations": "You can tell us why you disagree.",
}
# Which section a re-added fact goes to.
SECTION_OF_KIND = {
    "phone": "contact",
    "email": "contact",
    "url": "contact",
    "date": "dates",
    "time": "dates",
    "reference": "details",
    "right": "do",
    "deadline": "do",
}


def source_sentence(text: str, fact) -> str:
    """The sentence of `text` that holds `fact`."""
    wanted = checking.fact_text(fact)
    for sentence in split_plain(text):
        if wanted and wanted in sentence:
            return sentence
    return text.strip()


def template(fact, context: str) -> str:
    """One plain sentence that states the fact."""
    kind = checking.fact_kind(fact)
    x = checking.fact_text(fact).strip()
    low = context.lower()
    if kind == "money":
        if re.search(r"\b(you (must|need to|will need to) pay|you owe|is due|pay the)\b", low):
            return f"You must pay {x}."
        if "fine" in low:
            return f"You could be fined {x}."
        return f"The amount is {x}."
    if kind == "date":
        before = low.split(x.lower())[0][-12:] if x.lower() in low else ""
        if re.search(r"\b(by|before)\s*$", before):
            return f"The last date is {x}."
        if re.search(r"\b(from|starting)\b", before):
            return f"This starts on {x}."
        return f"The date is {x}."
    if kind == "time":
        return f"The time is {x}."
    if kind == "phone":
        return f"You can phone {x}."
    if kind == "email":
        return f"You can email {x}."
    if kind == "url":
        return f"You can go to {x}."
    if kind == "reference":
        return f"Your reference is {x}."
    if kind == "duration":
        if re.search(r"\bwithin\b", low):
            return f"The time limit is {x}."
        return f"The time is {x}."
    if kind == "deadline":
        if x.lower().startswith(("until", "up to")):
            return f"This lasts {x}."
        return f"You must do this {x}."
    if kind == "right":
        return _RIGHTS.get(checking.fact_value(fact), f"You have a right: {x}.")
    if kind == "postcode":
        return f"The postcode is {x}."
    if kind == "percent":
        return f"The amount is {x}."
    return f"The number is {x}."


def readd_line(
    fact, source_text: str, unit: int | None, source_index: int | None, sources: list[str] | None = None
) -> Line:
    """A flagged line that states a fact the rewrite lost, traced to the letter sentence that holds it."""
    context = source_sentence(source_text, fact)
    text = template(fact, context)
    kind = checking.fact_kind(fact)
    line = Line(
        text,
        unit=unit,
        flags=["fact-readded"],
        section=SECTION_OF_KIND.get(kind),
        source_index=source_index,
        sources=list(sources or []),
    )
    add_finding(
        line,
        "fact-readded",
        "warn",
        f"The rewrite lost {checking.fact_text(fact)}, so this sentence was added from a template. "
        f'The letter says: "{context}"',
        "Check this sentence says what the letter says, and reword it if needed.",
    )
    return line
