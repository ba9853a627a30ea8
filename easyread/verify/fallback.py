"""A conservative Easy Read version of letter sentences that is faithful by construction.

Used when a model sentence fails the meaning check twice. It only cuts and reorders the letter's own words:

* a sentence of two main clauses joined by "and" / "but" / ";" becomes two sentences, but only when no
  condition ("if", "unless"...) could belong to both (`easyread.verify.cuts.split_clauses`);
* a passive clause with a named agent ("... will be recovered by the council") is turned active
  ("The council will recover ...") where the verb's forms are known;
* each glossary term in the sentence is explained in the next sentence, in the glossary's own words;
* a sentence still over 15 words is cut further, one cut at a time, at its conditions, purposes, lists, asides
  and relative clauses (`easyread.verify.cuts.steps`), then by `easyread.verify.linked_cuts` (a linked piece
  cut with its link, conditions joined by "or" said one at a time).

Each cut is kept only when every piece passes the meaning rules (`easyread.verify.assess`) against the source,
the pieces before it as context: otherwise the next cut is tried, and the letter's own sentence is the last
resort. Every hard fact is kept because every word is.
"""

from __future__ import annotations

import re
from itertools import chain

from easyread.checks.nlp import parse
from easyread.verify import words as w
from easyread.verify.cuts import MAX_WORDS, split_clauses, steps, tidy, words
from easyread.verify.linked_cuts import more_steps

_PAST = {
    "pay": "paid",
    "give": "gave",
    "send": "sent",
    "take": "took",
    "make": "made",
    "tell": "told",
    "write": "wrote",
    "get": "got",
    "keep": "kept",
    "find": "found",
    "hold": "held",
    "bring": "brought",
}


def conservative(sources: list[str], glossary=None) -> list[str]:
    """Short sentences that say exactly what `sources` say, and nothing else."""
    out: list[str] = []
    explained: set[str] = set()
    for source in sources:
        source = " ".join(source.split())
        if not source:
            continue
        out += shorten(source, glossary)
        out += _explanations(source, glossary, explained)
    return out


def faithful(source: str, pieces: list[str], glossary=None) -> bool:
    """Every piece passes the meaning rules against `source`: the test each cut of `shorten` is kept by."""
    return _faithful(source, pieces, glossary)


def _faithful(source: str, pieces: list[str], glossary) -> bool:
    """Every piece passes the meaning rules against `source`, with the pieces before it as context."""
    from easyread.verify.rules import assess

    for n, piece in enumerate(pieces):
        problems = assess([source], piece, glossary=glossary, context=" ".join(pieces[:n])).problems
        if _same_end(piece, source):
            # "... any help that you are entitled to.": a piece that ends as the letter's sentence, or one of its
            # clauses ("benefits you may be entitled to and access ..."), ends is not cut off, whatever the
            # fragment rule thinks of the letter's last word.
            problems = [p for p in problems if not (p.kind == "fragment" and "stops at" in p.message)]
        if _repeats(piece) and _repeats(piece) <= _repeats(source):
            # "a Court Order Order against you": the letter's own slip, not a garbled cut.
            problems = [p for p in problems if not (p.kind == "fragment" and "repeats a word" in p.message)]
        if problems:
            return False
    return True


def _repeats(text: str) -> set[str]:
    """Words said twice in a row."""
    found = re.findall(r"\w+", text.lower())
    return {a for a, b in zip(found, found[1:]) if a == b and a.isalpha()}


def _same_end(piece: str, source: str) -> bool:
    last = re.findall(r"\w+", piece.lower())[-3:]
    if len(last) < 3:
        return False
    ends = r"\W+".join(last) + r"(?:\W*$|\s*[,;]|\s+(?:and|or|but)\b)"
    return re.search(r"\b" + ends, source.lower()) is not None


def shorten(source: str, glossary=None) -> list[str]:
    """`source` as short sentences: the boldest cuts that pass the meaning rules, else a plainer version."""
    plain = [_active(piece) for piece in split_clauses(source)]
    if len(plain) > 1 and not _faithful(source, plain, glossary):
        plain = [source]  # the letter's own sentence: the last resort
    if all(words(p) <= MAX_WORDS for p in plain):
        return plain
    bold = _cut_checked(source, glossary)
    if bold != [source] and _shorter(bold, plain):
        return bold
    return plain


def _shorter(bold: list[str], plain: list[str]) -> bool:
    """More of `bold` is at most 15 words, or as many with no more long ones and the longest shorter (a long
    sentence cut into two long ones, each saying the condition again, is not easier to read)."""
    short = sum(words(p) <= MAX_WORDS for p in bold) - sum(words(p) <= MAX_WORDS for p in plain)
    long = sum(words(p) > MAX_WORDS for p in bold) - sum(words(p) > MAX_WORDS for p in plain)
    return short > 0 or (short == 0 and long <= 0 and max(map(words, bold)) < max(map(words, plain)))


def _cut_checked(source: str, glossary) -> list[str]:
    """`source` cut one step at a time: each long piece by the first cut (`cuts.steps`) after which every piece
    still passes the meaning rules against `source`. A cut the rules reject costs only that cut, not the others."""
    pieces, stuck = [source], set()
    for _ in range(_MAX_STEPS):
        todo = next((n for n, p in enumerate(pieces) if words(p) > MAX_WORDS and p not in stuck), None)
        if todo is None:
            break
        # The cuts of `linked_cuts` last: a sentence an earlier cut shortens is cut as it was before them.
        for parts in chain(steps(pieces[todo]), more_steps(pieces[todo])):
            candidate = pieces[:todo] + [_active(p) for p in parts] + pieces[todo + 1 :]
            if pieces[todo] not in parts and _faithful(source, candidate, glossary):
                pieces = candidate
                break
        else:
            stuck.add(pieces[todo])
    return pieces


# A letter sentence is rarely cut more than five times; the bound keeps a parse that loops from costing more.
_MAX_STEPS = 12


_AGENT_SUBJECT = {"us": "We", "me": "I", "them": "They", "him": "He", "her": "She", "you": "You"}


def _join(tokens) -> str:
    """Tokens as the letter spaced them ("£1,204.50", not "£ 1,204.50")."""
    return "".join(t.text_with_ws for t in tokens).strip()


def _active(sentence: str) -> str:
    """'The X will be recovered by the council.' → 'The council will recover the X.'; else unchanged."""
    doc = parse(sentence)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ != "VBN":
        return sentence
    subj = [c for c in root.children if c.dep_ == "nsubjpass"]
    agent = [c for c in root.children if c.dep_ == "agent"]
    auxpass = [c for c in root.children if c.dep_ == "auxpass"]
    if len(subj) != 1 or len(agent) != 1 or len(auxpass) != 1:
        return sentence
    pobj = [c for c in agent[0].children if c.dep_ == "pobj"]
    if not pobj:
        return sentence
    aux = [c for c in root.children if c.dep_ in ("aux", "neg")]
    be = auxpass[0].lower_
    verb = w.base(root.text)
    if be == "be" and aux and aux[0].tag_ == "MD":
        new_verb = verb if verb in w.VERB_GROUP or verb in _PAST else None
        helpers = _join(aux)
    elif be in ("was", "were"):
        new_verb = _PAST.get(verb, root.text if root.text.endswith("ed") else None)
        helpers = ""
    elif be == "been" and aux and aux[0].lower_ in ("has", "have"):
        new_verb, helpers = root.text, "have" if pobj[0].lower_ in ("us", "you", "them") else "has"
    else:
        return sentence
    if not new_verb:
        return sentence
    agent_text = _join(pobj[0].subtree)
    agent_text = _AGENT_SUBJECT.get(agent_text.lower(), agent_text[:1].upper() + agent_text[1:])
    subject = _join(subj[0].subtree)
    subject = (
        subject if subj[0].tag_ in ("NNP", "NNPS") or subject.lower() == "i" else subject[:1].lower() + subject[1:]
    )
    subject = {"you": "you", "we": "us", "they": "them", "he": "him", "she": "her", "i": "me"}.get(
        subject.lower(), subject
    )
    skip = (
        {t.i for t in subj[0].subtree} | {t.i for t in agent[0].subtree} | {t.i for t in aux} | {auxpass[0].i, root.i}
    )
    rest = [t for t in doc if t.i not in skip and not (t.is_punct and t.i == len(doc) - 1)]
    after = _join(t for t in rest if t.i > root.i)
    before = _join(t for t in rest if t.i < root.i)
    if before.strip():
        return sentence  # words before the verb ("Each week, ...") would need reordering: keep the letter's
    parts = [agent_text, helpers, new_verb, subject, after]
    return tidy(" ".join(p for p in parts if p))


def _explanations(sentence: str, glossary, explained: set[str]) -> list[str]:
    if glossary is None:
        return []
    try:
        entries = glossary.terms_in(sentence)
    except Exception:  # a broken glossary: no explanations, the sentence itself is still faithful
        return []
    out = []
    for entry in entries:
        key = entry.term.casefold()
        if key in explained or not entry.explanation:
            continue
        explained.add(key)
        out.append(f'"{entry.term[:1].upper() + entry.term[1:]}" means: {entry.explanation.strip()}')
    return out
