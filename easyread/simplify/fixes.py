"""Deterministic fixes that cannot change a fact's meaning.

GOV.UK style for Easy Read: dates as "4 June 2025" (no ordinals), times as
"5:30pm", digits for numbers from 2 upwards ("one" is the usual exception),
"to" in ranges. Each fix only rewrites the form of a number, date or time, so
the fact lock sees the same value before and after.
"""

from __future__ import annotations

import re

_MONTHS = "January February March April May June July August September October November December".split()
_MONTH = r"(?:" + "|".join(_MONTHS) + r"|" + "|".join(m[:3] for m in _MONTHS) + r")"
_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_NUMBER_WORD = re.compile(
    rf"\b(?:({_TENS})[- ]({_UNITS})|(" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r"))\b",
    re.I,
)

_ORDINAL_BEFORE = re.compile(rf"(?:\bthe\s+)?\b(\d{{1,2}})(?:st|nd|rd|th)(\s+(?:of\s+)?{_MONTH}\b)", re.I)
_ORDINAL_AFTER = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(,?\s+\d{{4}})?", re.I)
_OF_MONTH = re.compile(rf"\b(\d{{1,2}}) of ({_MONTH})\b", re.I)
_TIME_DOT = re.compile(r"\b(\d{1,2})[.:](\d{2})\s*([ap])(?:\.m\.|\.?m\b)", re.I)
_TIME_HOUR = re.compile(r"\b(\d{1,2})\s*([ap])(?:\.m\.|\.?m\b)", re.I)
_TIME_24 = re.compile(r"(?<![\d:.£])([01]?\d|2[0-3]):([0-5]\d)(?![\d:]|\s*[ap]m)", re.I)
_BETWEEN = re.compile(r"\bbetween (\d[\w:]*(?:am|pm)|midday|midnight) and (\d[\w:]*(?:am|pm)|midday|midnight)\b", re.I)


def _number_word(match: re.Match) -> str:
    word = match.group(0)
    if match.group(1):
        value = _NUMBER_WORDS[match.group(1).lower()] + (_NUMBER_WORDS.get(match.group(2).lower(), 1))
    else:
        value = _NUMBER_WORDS[match.group(3).lower()]
    return str(value) if not word.isupper() else word


def _time_24(match: re.Match) -> str:
    hour, minute = int(match.group(1)), match.group(2)
    if hour == 0 and minute == "00":
        return "midnight"
    if hour == 12 and minute == "00":
        return "midday"
    suffix = "am" if hour < 12 else "pm"
    hour = hour % 12 or 12
    return f"{hour}{'' if minute == '00' else ':' + minute}{suffix}"


def _time_hour(match: re.Match) -> str:
    hour, half = int(match.group(1)), match.group(2).lower()
    if hour == 12:
        return "midday" if half == "p" else "midnight"
    return f"{hour}{half}m"


def _full_month(name: str) -> str:
    for month in _MONTHS:
        if month.lower().startswith(name.lower()[:3]):
            return month
    return name


def fix_sentence(text: str) -> str:
    """Apply every safe fix to one sentence and return it."""
    out = _ORDINAL_BEFORE.sub(lambda m: m.group(1) + re.sub(r"^\s+of\s+", " ", m.group(2)), text)
    out = _OF_MONTH.sub(lambda m: f"{m.group(1)} {m.group(2)}", out)
    out = _ORDINAL_AFTER.sub(
        lambda m: f"{m.group(2)} {_full_month(m.group(1))}" + (" " + m.group(3).strip(", ") if m.group(3) else ""),
        out,
    )
    out = _TIME_DOT.sub(
        lambda m: f"{int(m.group(1))}{'' if m.group(2) == '00' else ':' + m.group(2)}{m.group(3).lower()}m", out
    )
    out = _TIME_HOUR.sub(_time_hour, out)
    out = _TIME_24.sub(_time_24, out)
    out = _BETWEEN.sub(lambda m: ("F" if m.group(0)[0] == "B" else "f") + f"rom {m.group(1)} to {m.group(2)}", out)
    out = _NUMBER_WORD.sub(_number_word, out)
    if text.rstrip()[-1:] in ".!?" and out.rstrip()[-1:] not in ".!?":
        out = out.rstrip() + text.rstrip()[-1]  # "a.m." at the end also ended the sentence
    return _stray_quotes(out)


_QUOTES = '"“”'
_OPEN_QUOTE = re.compile(r'^["“”]\s+')
_CLOSE_QUOTE = re.compile(r'([.!?])\s*["“”]\s*\.?$')


def _stray_quotes(text: str) -> str:
    """A quote mark left over from a model line cut at a sentence end has no partner: taken away.

    Read in a real draft: '" You can call the DWP to ask for a reconsideration.' and '" Your decision letter will
    say this.' from a model line that quoted the decision letter. A quote with its partner ('"Arrears" means: ...')
    stays."""
    if sum(text.count(q) for q in _QUOTES) % 2 == 0:
        return text
    if _OPEN_QUOTE.match(text):
        return _OPEN_QUOTE.sub("", text)
    return _CLOSE_QUOTE.sub(r"\1", text)


# A run of spaces is entered only at its start: "\s*;" tried from every space of a long run was quadratic.
_SPLIT_AT = re.compile(r"(?:(?<!\s)\s+)?;\s*|,\s+(?=(?:and|but|so)\s+(?:you|we|your|our|this|it|they|the)\b)")


def split_long(text: str, max_words: int = 15) -> list[str]:
    """Split a long sentence at a semicolon or ", and you/we..." when both halves stand alone.

    Only splits where each part keeps a subject, so no fact moves between ideas.
    """
    if len(text.split()) <= max_words:
        return [text]
    parts = [p.strip() for p in _SPLIT_AT.split(text) if p and p.strip()]
    if len(parts) < 2 or any(len(p.split()) < 4 for p in parts):
        return [text]
    return [as_sentence(re.sub(r"^(?:and|but|so)\s+", "", part, flags=re.I)) for part in parts]


def as_sentence(text: str) -> str:
    """`text` with a capital first letter and a full stop when it has no end mark (a colon leads into a list)."""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?:" else text + "."


# "If you think the charge is wrong, you can challenge it online." becomes "Do you think the
# charge is wrong?" and "You can challenge it online.": Easy Read guides put a condition as
# a question before the action ("Do you need help? Call us."). The 1.5B model rarely splits
# these sentences itself when asked. Written by hand because it is a narrow rewrite no library
# does: only a "you" condition, a verb from a short list, and a main clause that is a whole
# sentence on its own, never a negated condition ("If you are not ...": as a question it reads
# the other way).
_IF_YOU = re.compile(
    r"^If you (?P<verb>(?:still |really )?(?:think|want|need|disagree|agree|find|feel|wish|are|would like)"
    r"|have(?= (?:any|a|an|questions|problems|difficulty|trouble)\b))(?P<rest>[^,;]+),\s+(?P<main>.+)$",
    re.I,
)
_NEGATED = re.compile(r"^\s*(?:not|never|no longer)\b", re.I)
_MAIN_START = re.compile(
    r"^(?:you|we|please|contact|call|phone|ring|email|tell|ask|send|write|visit|fill|let|go|speak|talk|use|apply)\b",
    re.I,
)


def question_first(text: str, max_words: int = 15) -> list[str]:
    """Split a long "If you ..., you can ..." sentence into a question and the action."""
    match = _IF_YOU.match(text.strip())
    if len(text.split()) <= max_words or not match:
        return [text]
    verb, rest, main = match.group("verb").strip(), match.group("rest").rstrip(), match.group("main").strip()
    if _NEGATED.match(rest) or not _MAIN_START.match(main) or len(main.split()) < 3:
        return [text]
    lead = verb.lower()
    if lead == "are":
        question = f"Are you{rest}?"
    elif lead == "would like":
        question = f"Would you like{rest}?"
    else:
        question = f"Do you {lead}{rest}?"
    return [question, as_sentence(main)]
