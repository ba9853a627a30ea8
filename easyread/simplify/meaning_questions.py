"""The model's second opinion as questions: the same short questions answered once from the letter sentence and once
from the Easy Read sentence, and the answers compared.

Asking "does the letter say this?" lets a small model answer YES to a sentence that only sounds like the letter. Here
the model is asked who acts, who pays whom, must / may / will, and whether it happens always or only if something
else happens, about each text on its own; a difference between the two sets of answers is the problem, named in the
rules' own kinds. Every answer is one word from a fixed list, so the comparison needs no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from easyread.engines.base import Chat

QUESTIONS_SYSTEM = (
    "You read one short text from a letter to a resident and answer four questions about what it says. "
    "Answer each on its own line with one choice from its list, nothing else."
)
_QUESTIONS = (
    "1. Who does the main action? (we / you / other / not said)\n"
    "2. Who pays money to whom? (you pay us / we pay you / no money)\n"
    "3. Must it happen, may it happen, or will it happen? (must / may / will / must not / not said)\n"
    "4. Does it happen always, or only if something else happens first? (always / only if)"
)
_EX_IN = f"Text:\nIf you do not pay by 1 May, we will take you to court.\n\nQuestions:\n{_QUESTIONS}"
_EX_OUT = "1: we\n2: no money\n3: will\n4: only if"
_EX2_IN = f"Text:\nYou can ask us to pay your rent straight to your landlord.\n\nQuestions:\n{_QUESTIONS}"
_EX2_OUT = "1: you\n2: we pay you\n3: may\n4: always"

_CHOICES = (
    ("who", ("not said", "we", "you", "other")),
    ("pay", ("you pay us", "we pay you", "no money")),
    ("stance", ("must not", "not said", "must", "may", "will")),
    ("when", ("only if", "always")),
)
_LINE = re.compile(r"^\s*([1-4])\s*[:.)-]\s*(.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Answers:
    who: str | None = None
    pay: str | None = None
    stance: str | None = None
    when: str | None = None


def question_prompt(text: str, context: str = "") -> Chat:
    """The four questions about one text (with the Easy Read lines before it, which may hold its condition)."""
    shown = f"{context}\n{text}".strip() if context else text
    return [
        {"role": "system", "content": QUESTIONS_SYSTEM},
        {"role": "user", "content": _EX_IN},
        {"role": "assistant", "content": _EX_OUT},
        {"role": "user", "content": _EX2_IN},
        {"role": "assistant", "content": _EX2_OUT},
        {"role": "user", "content": f"Text:\n{shown}\n\nQuestions:\n{_QUESTIONS}"},
    ]


def parse_answers(reply: str) -> Answers:
    """The choice made for each question; None where the reply gives none of the listed choices."""
    found: dict[str, str] = {}
    for number, answer in _LINE.findall(reply or ""):
        name, choices = _CHOICES[int(number) - 1]
        said = answer.lower().strip(" .")
        pick = next((c for c in choices if said.startswith(c)), None)
        if pick and name not in found:
            found[name] = pick
    return Answers(**found)


def compare(letter: Answers, draft: Answers) -> tuple[str, str] | None:
    """(kind, message) when the Easy Read's answers differ from the letter's in a way that changes the meaning;
    None when they agree or the model did not answer."""
    if letter.pay and draft.pay and letter.pay != draft.pay and draft.pay != "no money":
        if letter.pay == "no money":
            return "money", f'The model reads the letter as moving no money; it reads this sentence as "{draft.pay}".'
        return "money", f'The model reads the letter as "{letter.pay}"; it reads this sentence as "{draft.pay}".'
    if letter.who in ("we", "you") and draft.who in ("we", "you") and letter.who != draft.who:
        return (
            "agent",
            f'The model reads "{letter.who}" as the one acting in the letter, "{draft.who}" in this sentence.',
        )
    if letter.stance and draft.stance and "not said" not in (letter.stance, draft.stance):
        pair = {letter.stance, draft.stance}
        if "must not" in pair and len(pair) == 2:
            return "negation", f'The model reads the letter as "{letter.stance}", this sentence as "{draft.stance}".'
        if pair in ({"must", "may"}, {"will", "may"}):
            return "modal", f'The model reads the letter as "{letter.stance}", this sentence as "{draft.stance}".'
    if letter.when == "only if" and draft.when == "always":
        return (
            "condition",
            "The model reads the letter as saying this only if something else happens; not this sentence.",
        )
    return None
