"""Passes that leave out lines a resident would read for nothing, after the meaning check: a line that says
nothing of its letter sentence ("You need to do something."), a fallback piece that the verified lines of its
sentence already say, and a sentence said twice. Split from easyread.simplify.pipeline, which runs them through
`stages`."""

from __future__ import annotations

from easyread.documents.identity import LETTER_PART
from easyread.simplify import checking
from easyread.simplify.meaning_fallback import is_fallback, mark_fallback
from easyread.simplify.prompts import line_key
from easyread.simplify.repeats import answers, drop_near_repeats
from easyread.simplify.state import LetterInProgress, Line, merge_sources
from easyread.verify.fallback import conservative
from easyread.verify.words import content_stems, stem

# Words that say nothing on their own: a line made only of these ("You need to do something.") is empty.
_EMPTY_WORDS = {
    stem(x) for x in ("need", "something", "anything", "thing", "things", "do", "make", "get", "go", "know")
}


def empty_line(line_text: str, sources: list[str]) -> bool:
    """True when a line has no fact and no word of substance of its source sentences."""
    if not sources or checking.extract_facts(line_text):
        return False
    said = content_stems(line_text) - _EMPTY_WORDS
    return not (said & content_stems(" ".join(sources)))


def drop_empty(letters: list[LetterInProgress], glossary) -> None:
    """Drop a line with no content word of its source ("You need to do something.").

    When no other line says its source sentence, the source's conservative version takes its place, marked.
    A cut's plainer line (`Line.cut`) is never empty: it was checked against its cut, and its everyday words
    share none with the letter's by design ("Are you having trouble with money?" for "Are you facing any
    financial difficulty?"; left out, its "Then you can get help with your rent." hung on no question).
    """
    for letter in letters:
        sentences = letter.doc.sentence_map()
        texts_of = {id(line): [sentences[i] for i in line.sources if i in sentences] for line in letter.lines}
        empty = {
            id(line)
            for line in letter.lines
            if LETTER_PART not in line.flags and not line.cut and empty_line(line.text, texts_of[id(line)])
        }
        # Read on a real draft: two lines of one sentence that both said the next sentence each counted the other
        # as saying theirs, and both went; only a line that stays (or a replacement) says a sentence.
        said = {s for line in letter.lines if id(line) not in empty for s in line.sources}
        out: list[Line] = []
        for line in letter.lines:
            texts = texts_of[id(line)]
            if id(line) not in empty:
                out.append(line)
                continue
            if said & set(line.sources):
                letter.notes.append(f'"{line.text}" said nothing of its letter sentence, so it was left out.')
                continue
            said |= set(line.sources)
            pieces = conservative(texts, glossary)
            for n, text in enumerate(pieces):
                new = Line(
                    text,
                    line.unit,
                    checking.sentence_findings(text, glossary),
                    section=line.section,
                    source_index=line.source_index,
                    sources=list(line.sources),
                )
                what = f'The rewrite said "{line.text}", which says nothing of the letter sentence. '
                told = what + "It was replaced with the letter's own words." if n == 0 else ""
                mark_fallback(new, told, texts, glossary, " ".join(pieces[:n]))
                out.append(new)
        letter.lines = out


def _facts_of(text: str) -> set:
    return {(checking.fact_kind(f), checking.fact_value(f)) for f in checking.extract_facts(text)}


def drop_said_by_siblings(letters: list[LetterInProgress]) -> None:
    """Leave out a fallback sentence that verified lines of the same letter sentence already say.

    A letter sentence rewritten as three lines, one of which failed, falls back to the whole sentence: its
    other pieces would repeat the two lines that passed. A piece whose words of substance and facts are all in
    those lines is left out; the pieces that say something they do not stay, marked.
    """
    for letter in letters:
        out: list[Line] = []
        findings: dict[tuple, list[dict]] = {}  # a left-out piece's finding goes to the next piece kept
        for line in letter.lines:
            key = tuple(line.sources)
            if is_fallback(line) and findings.get(key):
                line.extra[:0] = [x for x in findings.pop(key) if x not in line.extra]
            if is_fallback(line) and line.sources:
                siblings = [
                    o
                    for o in letter.lines
                    if o.sources == line.sources
                    and not is_fallback(o)
                    and not any(f.startswith("meaning-") for f in o.flags)
                ]
                said = " ".join(o.text for o in siblings)
                if (
                    siblings
                    and content_stems(line.text) <= content_stems(said)
                    and _facts_of(line.text) <= _facts_of(said)
                ):
                    findings.setdefault(key, []).extend(line.extra)
                    continue
            out.append(line)
        letter.lines = out


def drop_repeats(letters: list[LetterInProgress]) -> None:
    """Say each sentence once after the meaning check.

    Several rewritten lines of one letter sentence can each fall back to that sentence's own words (and their
    glossary explanations), and a fallback can repeat a line kept beside it: a resident would read it twice. The
    first copy stays, with the sources, flags and findings of every copy, so nothing marked loses its mark.
    """
    for letter in letters:
        kept: dict[str, Line] = {}
        out: list[Line] = []
        for line in letter.lines:
            first = kept.get(line_key(line.text))
            if first is None or answers(out, len(out), line.text):  # an answer to the question before it stays
                kept.setdefault(line_key(line.text), line)
                out.append(line)
                continue
            first.sources = merge_sources(first.sources, line.sources)
            first.flags.extend(f for f in line.flags if f not in first.flags)
            first.extra.extend(e for e in line.extra if e not in first.extra)
        letter.lines = out
    # Then the near repeats: a line that another line of the letter already says (easyread.simplify.repeats).
    drop_near_repeats(letters)
