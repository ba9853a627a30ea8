"""The faithful fallback: a model line the meaning check rejected twice is replaced by its letter sentence's own
words, cut short where the meaning rules allow (`easyread.verify.fallback.conservative`), once per letter sentence,
and marked for a person only when the pieces still need one. Split from easyread.simplify.meaning, which verifies
and repairs."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from easyread.simplify import checking
from easyread.simplify.meaning_rules import best_match
from easyread.simplify.state import Line, add_finding
from easyread.verify import Problem, assess
from easyread.verify.fallback import conservative
from easyread.verify.words import content_stems

if TYPE_CHECKING:  # the verification item is meaning's; only its fields are read here
    from easyread.simplify.meaning import _Item

FALLBACK_FLAG = "meaning-fallback"
_ADDED = {"invented", "fragment"}  # the kinds of problem where a line adds to the letter or says nothing whole
# A fallback piece that says its letter sentence faithfully and reads as Easy Read: where it came from is kept,
# but it is not a mark (the bench and the pages count only "meaning-*" flags as marks for a person).
FAITHFUL_FLAG = "letter-words"


def record(item: _Item, flag: str, problem: Problem, sentence: str) -> dict:
    """One record of a line the meaning check marked or replaced, as the bench and the notes read it."""
    return {
        "letter": item.letter.doc.source_name or item.letter.plan.title,
        "sentence": sentence,
        "flag": flag,
        "rule_id": f"meaning-{problem.kind}",
        "reason": problem.message,
        "kind": problem.kind,
        "harmful": problem.harmful,
        "source": item.source_text,
        "sources": list(item.line.sources),
        "_letter": item.letter,
    }


def leave_out_additions(failing: list[_Item]) -> set[int]:
    """Before any repair, leave out a sentence's failing lines that add nothing of the letter to its lines that
    passed (`_adds_nothing`, every fact kept by those); returns the ids of the items left out.

    Read in a real draft: asked to repair "This is the reason for the notice." (a reason the letter does not give),
    the model gave back the letter's whole sentence, which passed, and was laid out after the two lines that already
    said it, the first of them "It will tell you that we are going to court to evict you." before the notice it
    names. A line that only adds what the letter does not say needs no words in its place. Only additions and
    fragments go this way: a line that says the letter's point wrongly ("Emergency repairs take longer.") is
    repaired first, as its right version may be said by no other line."""
    gone: set[int] = set()
    for group, siblings in _by_sentence([i for i in failing if all(p.kind in _ADDED for p in i.problems)]):
        if _leave_out(group, siblings):
            gone |= {id(i) for i in group}
    return gone


def fall_back_by_sentence(failing: list[_Item], glossary) -> list[dict]:
    """Fall back once per letter sentence, so no letter sentence is said twice.

    Read on real drafts: when one of a sentence's three model lines failed, its fallback (the letter's words)
    was laid out beside the two lines that passed, and the resident read the same thing two or three times
    ("A copy of this letter can be used in court." then the letter's whole sentence). So a traced sentence whose
    failing lines add nothing of the letter (`_adds_nothing`), while the lines that passed keep all its facts,
    loses those lines and nothing else; otherwise the letter's own words replace every line that says it."""
    records: list[dict] = []
    for group, siblings in _by_sentence(failing):
        if _leave_out(group, siblings):
            continue
        letter, first = group[0].letter, group[0]
        others = siblings + [i.line for i in group[1:]]
        at = min(letter.lines.index(line) for line in [first.line, *others])  # where the sentence is said first
        for line in others:
            letter.lines.remove(line)
        letter.lines.remove(first.line)
        letter.lines.insert(at, first.line)
        records += _fall_back(first, glossary, also=[i.line.text for i in group[1:]] + [s.text for s in siblings])
    return records


def _by_sentence(failing: list[_Item]) -> list[tuple[list[_Item], list[Line]]]:
    """The failing items grouped by letter sentence, each group with the lines of its sentence that passed (none
    for an untraced line or the summary)."""
    groups: dict[tuple, list[_Item]] = {}
    for item in failing:
        groups.setdefault(_sentence_key(item), []).append(item)
    out = []
    for key, group in groups.items():
        first = group[0]
        failed = {id(i.line) for i in group}
        siblings = [
            line
            for line in first.letter.lines
            if len(key) == 2
            and line.unit is not None
            and line.sources == first.line.sources
            and id(line) not in failed
            and not is_fallback(line)
            and "fact-readded" not in line.flags
        ]
        out.append((group, siblings))
    return out


def _leave_out(group: list[_Item], siblings: list[Line]) -> bool:
    """Leave out the group's lines when they add nothing of the letter to `siblings`, which keep every fact."""
    if not (siblings and all(_adds_nothing(i, siblings) for i in group) and _keeps_facts(group[0], siblings)):
        return False
    for item in group:
        item.letter.lines.remove(item.line)
        # The check's own reason, not "which the letter does not say": a line close to the letter's words is left
        # out too when its siblings say all of it.
        why = f". {item.problems[0].message}" if item.problems else "."
        item.letter.notes.append(
            f'The rewrite said "{item.line.text}"{why} It was left out, as the other sentences say that part of the '
            "letter."
        )
    return True


def back_to_cut(item: _Item, glossary) -> list[dict]:
    """A plainer line of a cut (`Line.cut`) that the meaning check faults or cannot confirm becomes its cut again.

    The cut is the letter's own words and passes the meaning rules by construction, so it takes the line's place
    alone: the whole sentence's fallback would say its other cuts a second time beside them (read in a real draft:
    "Do you stop receiving Housing Benefit?" twice), and a plainer line left marked "meaning-unverified" asks a
    person to check what the letter's words already say."""
    line = item.line
    why = item.problems[0].message if item.problems else (item.undecided[0][1] if item.undecided else "")
    message = f"The model's plainer words \"{line.text}\" could not be confirmed, so the letter's own words are used."
    new = _letter_words(line, line.cut, glossary)
    mark_fallback(new, f"{message} {why}".strip(), item.sources, glossary, item.context)
    lines = item.letter.lines
    lines[lines.index(line)] = new
    item.letter.notes.append(
        f'"{line.text}" could not be confirmed, so the letter\'s own words are used there instead.'
    )
    return [record(item, FALLBACK_FLAG, item.problems[0], line.text)] if item.problems else []


def _letter_words(line: Line, text: str, glossary) -> Line:
    """A copy of `line` saying `text`, the letter's own words: its checks made again, its meaning marks and notes
    left behind (the fallback marks it afresh), its trace kept."""
    return replace(
        line,
        text=text,
        findings=checking.sentence_findings(text, glossary),
        flags=[f for f in line.flags if not f.startswith("meaning-")],
        extra=[],
        sources=list(line.sources),
        cut="",
    )


def _sentence_key(item: _Item) -> tuple:
    """(letter, traced sentences) for a line of the rewrite; the summary line (no unit) says several sentences in
    one and an untraced line has no sentence to share, so each of those is a group of its own, as before."""
    if item.line.sources and item.line.unit is not None:
        return (id(item.letter), tuple(item.line.sources))
    return (id(item),)


def _adds_nothing(item: _Item, lines: list[Line]) -> bool:
    """True when the failing line says no word of substance of its letter sentences that `lines` do not say:
    what it adds is not the letter's ("It is okay if it takes a little longer."), or it says nothing at all."""
    known = set().union(*(content_stems(line.text) for line in lines))
    letters = set().union(*(content_stems(s) for s in item.sources))
    return not (content_stems(item.line.text) & letters) - known


def _keeps_facts(item: _Item, lines: list[Line]) -> bool:
    """True when `lines` keep every hard fact (amount, date, phone number...) of the item's letter sentences."""
    return not checking.get(checking.compare_facts(item.source_text, " ".join(l.text for l in lines)), "lost", [])


def _fall_back(item: _Item, glossary, also: list[str] | None = None) -> list[dict]:
    """Replace a line that failed twice with the letter's own words, cut shorter, marked for a person.

    `also` are the texts of the other lines of the same letter sentence the fallback replaces too."""
    problem = item.problems[0]
    line = item.line
    sources = item.sources
    if not line.sources and len(sources) > 1:
        # No trace: the unit's best-matching sentence, not the whole paragraph again.
        sources = [best_match(line.text, sources)[0] or sources[0]]
    texts = conservative(sources, glossary) if sources else [line.text]
    message = (
        f'The rewrite said "{line.text}". {problem.message} It was replaced with the letter\'s own words, '
        "cut into short sentences where that keeps the meaning."
    )
    if also:
        message += " They also replace the other sentences that said the same part of the letter: " + " ".join(
            f'"{text}"' for text in also
        )
    new_lines = []
    for n, text in enumerate(texts):
        new = _letter_words(line, text, glossary)
        mark_fallback(new, message if n == 0 else "", sources, glossary, " ".join(texts[:n]))
        new_lines.append(new)
    lines = item.letter.lines
    at = lines.index(line)
    lines[at : at + 1] = new_lines
    item.letter.notes.append(
        f'The rewrite said "{line.text}", which the letter does not say; the letter\'s own words '
        "are used there instead."
    )
    return [record(item, FALLBACK_FLAG, problem, line.text)]


def is_fallback(line: Line) -> bool:
    """True for a line the faithful fallback made, marked or not."""
    return FALLBACK_FLAG in line.flags or FAITHFUL_FLAG in line.flags


def mark_fallback(
    line: Line, message: str = "", sources: list[str] | None = None, glossary=None, context: str = ""
) -> None:
    """Flag a piece of the faithful fallback: marked for a person only when it needs one.

    The fallback's pieces say their letter sentence by construction (`conservative` keeps a cut only when every
    piece passes the meaning rules against `sources`), so a piece that also passes the sentence checks needs nobody
    to look at it: it is flagged `FAITHFUL_FLAG` with an info note of what it replaced. A piece that fails the
    sentence checks (the letter's own long or hard sentence, kept whole), or that the meaning rules still fault (a
    list item of the letter that is not a whole sentence), is marked `FALLBACK_FLAG`, and its mark says why.
    """
    why = [str(checking.get(f, "message", "")) for f in line.fails[:2]]
    if sources:
        why += [p.message for p in assess(sources, line.text, glossary=glossary, context=context).problems[:1]]
    if not why:
        line.flags.append(FAITHFUL_FLAG)
        if message:
            add_finding(line, FAITHFUL_FLAG, "info", message, "")
        return
    line.flags.append(FALLBACK_FLAG)
    add_finding(
        line,
        FALLBACK_FLAG,
        "warn",
        (message + " " if message else "")
        + "These are the letter's own words, and they still need a person: "
        + " ".join(dict.fromkeys(why)),
        "Rewrite this sentence in Easy Read, keeping what the letter says.",
    )
