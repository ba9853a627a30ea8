"""A conservative Easy Read version of letter sentences that is faithful by construction.

Used when a model sentence fails the meaning check twice. It only cuts and reorders the letter's own words:

* a sentence of two main clauses joined by "and" / "but" / ";" becomes two sentences, but only when no
  condition ("if", "unless"...) could belong to both;
* a passive clause with a named agent ("... will be recovered by the council") is turned active
  ("The council will recover ...") where the verb's forms are known;
* each glossary term in the sentence is explained in the next sentence, in the glossary's own words.

Anything it cannot do safely it leaves as the letter wrote it. Every hard fact is kept because every word is.
"""

from __future__ import annotations

import re

from easyread.checks.nlp import parse
from easyread.verify import words as w

_CONDITIONAL = {"if", "unless", "provided", "providing", "when", "whenever", "until", "once", "where", "while"}
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
        for piece in split_clauses(source):
            out.append(_active(piece))
        out += _explanations(source, glossary, explained)
    return out


def split_clauses(sentence: str) -> list[str]:
    """The sentence cut at its main clause boundaries, or whole when a cut could change its meaning."""
    doc = parse(sentence)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1 or any(t.dep_ == "mark" and t.lower_ in _CONDITIONAL for t in doc):
        return [sentence]
    root = roots[0]
    if any(c.dep_ == "advcl" for c in root.children):
        return [sentence]
    cuts = []
    for conj in (c for c in root.children if c.dep_ == "conj"):
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            continue  # "pay and send the form": one subject, one sentence
        start = conj.left_edge.i
        cc = [c for c in root.children if c.dep_ in ("cc", "punct") and c.i < start]
        cut_at = min((c.i for c in cc if c.i > root.i and all(not (c.i < x.i < start) for x in roots)), default=start)
        if cut_at > 0:
            cuts.append((cut_at, start))
    if not cuts:
        return [sentence]
    pieces, begin = [], 0
    for cut_at, start in sorted(cuts):
        pieces.append(doc[begin:cut_at].text)
        begin = start
    pieces.append(doc[begin:].text)
    pieces = [_tidy(p) for p in pieces if p.strip(" ,;")]
    # Only keep the split when every piece is a sentence with a verb of its own.
    if len(pieces) < 2 or any(not any(t.tag_.startswith("VB") for t in parse(p)) for p in pieces):
        return [sentence]
    return pieces


def _tidy(piece: str) -> str:
    piece = piece.strip(" ,;")
    piece = re.sub(r"\s+([,.;:!?])", r"\1", piece)
    piece = re.sub(r"(\S)\s+'(s|re|ll|ve|d)\b", r"\1'\2", piece)
    piece = piece[:1].upper() + piece[1:]
    return piece if piece[-1:] in ".!?" else piece + "."


_AGENT_SUBJECT = {"us": "We", "me": "I", "them": "They", "him": "He", "her": "She", "you": "You"}


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
        helpers = " ".join(t.text for t in aux)
    elif be in ("was", "were"):
        new_verb = _PAST.get(verb, root.text if root.text.endswith("ed") else None)
        helpers = ""
    elif be == "been" and aux and aux[0].lower_ in ("has", "have"):
        new_verb, helpers = root.text, "have" if pobj[0].lower_ in ("us", "you", "them") else "has"
    else:
        return sentence
    if not new_verb:
        return sentence
    agent_text = " ".join(t.text for t in pobj[0].subtree)
    agent_text = _AGENT_SUBJECT.get(agent_text.lower(), agent_text[:1].upper() + agent_text[1:])
    subject = " ".join(t.text for t in subj[0].subtree)
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
    after = " ".join(t.text for t in rest if t.i > root.i)
    before = " ".join(t.text for t in rest if t.i < root.i)
    if before.strip():
        return sentence  # words before the verb ("Each week, ...") would need reordering: keep the letter's
    parts = [agent_text, helpers, new_verb, subject, after]
    return _tidy(" ".join(p for p in parts if p))


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
