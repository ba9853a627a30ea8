"""Prompts for the rewriter, kept short because every prompt token costs CPU time.

The worked examples use facts nobody could take for a real letter's (£12.34,
01234 567890, dates in the year 2000, reference "AB/0000/1"), so the fact lock's
"invented" check catches any that leak into a draft: the 2025 prototype copied
its example's £1,240.00 into an unrelated letter.
"""

from __future__ import annotations

import re

from easyread.engines.base import Chat
from easyread.simplify import checking
from easyread.simplify.fixes import as_sentence

EXAMPLE_FACTS = ("£12.34", "01234 567890", "1 January 2000", "AB/0000/1", "3 hours")

SYSTEM = (
    "You rewrite council letters in Easy Read for adults with learning disabilities.\n"
    "Rules:\n"
    "- One idea in each sentence. Each sentence has at most 12 words.\n"
    '- Use everyday words. Say "you" for the reader and "we" for the council.\n'
    "- Use digits for numbers. Keep every amount, date, time, phone number and web address exactly.\n"
    "- Only say what the letter says. Do not add reasons, advice or comfort. Keep the meaning the same.\n"
    "- Rewrite only the sentence you are asked to. The paragraph around it is there to help you understand it.\n"
    '- Write each sentence on its own line, starting with "- ".'
)

_EXAMPLE_IN = (
    "Letter: Rent arrears\n"
    "Paragraph:\n"
    "If you fail to pay the outstanding balance of £12.34 by 1 January 2000, we may commence "
    "recovery action and you may incur additional costs. Emergency repairs are attended within "
    "3 hours, whereas routine repairs take longer. Please telephone 01234 567890 should you require assistance.\n"
    "Rewrite this sentence:\n"
    "If you fail to pay the outstanding balance of £12.34 by 1 January 2000, we may commence "
    "recovery action and you may incur additional costs.\n"
    "Keep exactly: £12.34; 1 January 2000\n"
    "Hard words: recovery action = steps we take to get the money back"
)
_EXAMPLE_OUT = (
    "- You owe us £12.34.\n"
    "- You must pay it by 1 January 2000.\n"
    "- If you do not pay, we may take steps to get the money back.\n"
    "- This may cost you more money."
)
REWRITE_MARK = "Rewrite this sentence:"


def _keep_line(facts: list[str]) -> str:
    return f"Keep exactly: {'; '.join(facts)}\n" if facts else ""


def _words_line(terms: list[tuple[str, str]]) -> str:
    if not terms:
        return ""
    return "Hard words: " + "; ".join(f"{t} = {e}" for t, e in terms) + "\n"


def rewrite_prompt(
    sentence: str,
    context: str,
    facts: list[str],
    terms: list[tuple[str, str]],
    *,
    about: str = "",
    heading: str | None = None,
) -> Chat:
    """Ask for one letter sentence in Easy Read, one short sentence per line.

    The paragraph is there so the model knows who "it" or "this" is, and the letter's title says what
    the letter is about; only the one sentence is rewritten, so every line of the reply comes from it.
    The fixed rules and example come first and the paragraph before the sentence, so the prompts of
    one paragraph share a long start the engine reads once.
    """
    head = f"Letter: {about}\n" if about else ""
    head += f"Part: {heading}\n" if heading else ""
    user = (
        f"{head}Paragraph:\n{context or sentence}\n{REWRITE_MARK}\n{sentence}\n{_keep_line(facts)}{_words_line(terms)}"
    ).rstrip()
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": _EXAMPLE_IN},
        {"role": "assistant", "content": _EXAMPLE_OUT},
        {"role": "user", "content": user},
    ]


PLAIN_MARK = "Say these sentences in everyday words:"
_PLAIN_IN = (
    "Letter: Blue Badge\n"
    f"{PLAIN_MARK}\n"
    "- Do you require assistance completing the application form?\n"
    "- Then please telephone 01234 567890 before 1 January 2000.\n"
    "- If not, please return the form to us.\n"
    "Keep exactly: 01234 567890; 1 January 2000"
)
_PLAIN_OUT = (
    "- Do you need help to fill in the form?\n"
    "- Then please call 01234 567890 before 1 January 2000.\n"
    "- If not, please send the form back to us."
)


def _plain_rules(count: int) -> str:
    # Saying how many lines matters: asked for "one line for each sentence", the embedded model added a line of
    # its own to its replies for 78 of 109 sentences of the real letters without a condition ("It is important to be
    # present."), and a reply with a line too many is refused whole; told the number, to 10 of them.
    return (
        f"Write exactly {count} line{'s' if count > 1 else ''}: one line for each sentence, in the same order. "
        'Keep each question a question. Keep the first word when it is "Then", "If not", "Or" or "And". '
        "Do not add anything."
    )


def plain_words_prompt(pieces: list[str], facts: list[str], terms: list[tuple[str, str]], *, about: str = "") -> Chat:
    """Ask for the letter's own short sentences (the cuts of one letter sentence) in everyday words, one line for each.

    The sentences already say the letter faithfully; only the words may change, so each line of the reply can be
    checked against its own sentence (`condition_cuts.take_plain_words`)."""
    head = f"Letter: {about}\n" if about else ""
    listed = "\n".join(f"- {p}" for p in pieces)
    rules = _plain_rules(len(pieces))
    user = f"{head}{PLAIN_MARK}\n{listed}\n{_keep_line(facts)}{_words_line(terms)}{rules}".rstrip()
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": _PLAIN_IN + "\n" + _plain_rules(3)},
        {"role": "assistant", "content": _PLAIN_OUT},
        {"role": "user", "content": user},
    ]


def repair_prompt(source: str, sentence: str, problems: list[str], facts: list[str]) -> Chat:
    """Ask to fix one sentence, with targeted instructions ("split into two sentences")."""
    todo = "\n".join(f"- {p}" for p in problems)
    user = (
        f"Letter text:\n{source}\n\nEasy Read sentence:\n{sentence}\n\n"
        f"Fix these problems:\n{todo}\n{_keep_line(facts)}"
        'Write the fixed sentence. You may write 2 short sentences, each on its own line starting with "- ".'
    )
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]


def lost_fact_prompt(source_sentence: str, fact: str) -> Chat:
    """Ask for one short sentence that brings back a fact the rewrite lost."""
    user = (
        f"Letter text:\n{source_sentence}\n\n"
        f"Write 1 short Easy Read sentence that says what the letter says about {fact}.\n"
        f'Keep exactly: {fact}\nStart the line with "- ".'
    )
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]


def summary_prompt(opening: str) -> Chat:
    """Ask what the letter is about, in one sentence."""
    user = (
        f"Letter:\n{opening}\n\nWrite 1 short sentence that says what this letter is about. "
        'Start with "This letter is about". Use at most 12 words.'
    )
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]


BULLET = re.compile(r"^\s*(?:(?:[-*•]|\d+[.)])\s*)+")
MIN_WORDS = 3


def parse_lines(reply: str, max_lines: int | None = None, *, one_sentence_each: bool = False) -> list[str]:
    """Sentences from a model reply: bullet lines, with numbering and quotes removed.

    A small model sometimes loops ("We can help..." ten times) or stops mid-word:
    repeated lines and fragments under 3 words are dropped, and at most
    `max_lines` are kept. With `one_sentence_each`, a line holding two sentences
    ("... by instalments. This means ...") becomes two lines, so every point is one
    sentence; a piece too short to stand alone stays with the sentence before it.
    """
    lines: list[str] = []
    seen: set[str] = set()
    for raw in reply.splitlines():
        line = raw.strip()
        if not line or line.endswith(":") and len(line.split()) <= 4:
            continue  # "Here is the rewrite:" and similar chatter
        line = BULLET.sub("", line).strip().strip('"“”').strip()
        if line.lower().startswith(
            ("paragraph", "keep exactly", "hard words", "here is", "sure", "rewrite this", "letter:")
        ):
            continue
        key = line_key(line)
        if len(line.split()) < MIN_WORDS or key in seen:
            continue
        seen.add(key)
        lines.append(as_sentence(line))
    lines = lines[:max_lines] if max_lines else lines
    if not one_sentence_each:
        return lines
    sentences: list[str] = []
    kept: set[str] = set()
    for line in lines:
        pieces: list[str] = []
        for piece in checking.split_sentences(line):
            if pieces and len(piece.split()) < MIN_WORDS:
                pieces[-1] = f"{pieces[-1]} {piece}"
            else:
                pieces.append(piece)
        for piece in pieces:
            if line_key(piece) not in kept:
                kept.add(line_key(piece))
                sentences.append(as_sentence(piece))
    return sentences


def line_key(line: str) -> str:
    """What two lines must share to count as the same sentence (case and punctuation aside)."""
    return re.sub(r"\W+", " ", line.lower()).strip()
