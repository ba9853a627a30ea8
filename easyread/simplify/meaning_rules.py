"""Rules that catch a rewrite saying the opposite of its source.

A 2025 prototype wrote "Urgent repairs take longer. Less urgent repairs are
faster." from a page that said the opposite. A small model misses such flips
when asked, so these rules look for them directly:

* negation flip: a sentence says "not" where the matching source sentence does
  not, or the other way round, with most of its words the same;
* comparative flip: the same subject ("urgent repairs") gets the opposite
  comparative ("longer" where the source says "faster");
* time-limit flip: the same date or period gets the opposite bound
  ("after 28 days" where the source says "within 28 days").
"""

from __future__ import annotations

import re

from easyread.checks.nlp import parse

_WORD = re.compile(r"[a-z0-9£.:/@'-]+")
_STOP = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been being it its this that "
    "these those you your we our us they them their he she his her i me my will would can could may might must "
    "shall should do does did done have has had not no never n't any some all each every there here what which who "
    "when where how so than then also only just about into out up down over more less very please".split()
)
_NEG = re.compile(
    r"\b(not|no|never|none|nothing|nobody|cannot|can't|won't|don't|doesn't|didn't|isn't|aren't|without|n't)\b", re.I
)
_GROUPS = [
    ({"longer", "slower", "later", "delayed"}, {"faster", "quicker", "sooner", "shorter", "earlier"}),
    (
        {"more", "higher", "bigger", "larger", "greater", "increase", "increased", "extra", "most"},
        {"less", "lower", "fewer", "smaller", "decrease", "decreased", "reduce", "reduced", "least"},
    ),
]
_UPPER = {"within", "before", "by", "until", "up"}
_LOWER = {"after", "from", "least", "over"}
_PERIOD = re.compile(
    r"\b(within|before|by|until|after|from|up to|at least|over)\s+((?:\d[\d,.]*|one)\s+(?:working\s+|calendar\s+|school\s+)?"
    r"(?:days?|weeks?|months?|years?|hours?)|\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?)",
)


def stem(word: str) -> str:
    word = word.lower().strip(".,'")
    return word[:5] if len(word) > 5 else word


def content(text: str) -> set[str]:
    """Content-word stems of a sentence (stopwords removed)."""
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1}


def best_match(sentence: str, sources: list[str]) -> tuple[str, float]:
    """The source sentence sharing most content words, and the share of `sentence`'s words it holds."""
    words = content(sentence)
    if not words or not sources:
        return "", 0.0
    scored = [(len(words & content(s)) / len(words), s) for s in sources]
    share, best = max(scored, key=lambda x: x[0])
    return best, share


# Each run of spaces is entered only at its start, so a long run is read once, not once per space.
_CLAUSE = re.compile(
    r"(?:(?<!\s)\s+)?[,;:]\s*|(?<!\s)\s+(?:and|but|which|that|who|so that|because|while|whereas)\s+", re.I
)


def clauses(sentences: list[str]) -> list[str]:
    """Source sentences cut into clauses, so 'not' in one clause is not pinned on another."""
    return [c for s in sentences for c in _CLAUSE.split(s) if c and len(c.split()) >= 2]


def _scope(text: str) -> set[str]:
    """Content words in the few words after a negation: what is being denied."""
    match = _NEG.search(text)
    if not match:
        return set()
    return content(" ".join(text[match.end() :].split()[:5]))


def negation_flip(sentence: str, sources: list[str], min_share: float = 0.5) -> str | None:
    """A reason string when a clause denies what the letter affirms, or the other way round.

    The clause must share most of its words with a source clause, and at least
    two of the denied words ("need ... home" in "do not need to be at home") must
    appear on the other side, so a 'not' elsewhere in a long sentence is ignored.
    """
    from easyread.simplify.fixes import fix_sentence

    source_clauses = clauses([fix_sentence(s) for s in sources])
    for clause in clauses([sentence]) or [sentence]:
        words = content(clause)
        if len(words) < 2:
            continue
        for src in source_clauses:
            shared = words & content(src)
            if len(shared) < 2 or len(shared) / len(words) < min_share:
                continue
            if bool(_NEG.search(clause)) == bool(_NEG.search(src)):
                continue
            denied, other = (_scope(src), words) if _NEG.search(src) else (_scope(clause), content(src))
            if len(denied & other) >= 2:
                said = "says 'not'" if _NEG.search(src) else "has no 'not'"
                return f'The letter {said} here: "{src}"'
    return None


def _subject_comparatives(text: str) -> list[tuple[frozenset, str]]:
    """(subject words, comparative word) pairs, e.g. ({'urgent', 'repairs'}, 'longer')."""
    doc = parse(text)
    pairs = []
    for tok in doc:
        word = tok.lower_
        if not any(word in a or word in b for a, b in _GROUPS):
            continue
        if tok.dep_ in ("amod", "advmod") and tok.head.pos_ in ("ADJ", "NOUN") and tok.head.i > tok.i:
            continue  # "less urgent repairs": part of a subject, not the claim
        verb = tok.head if tok.head.pos_ in ("VERB", "AUX") else tok.head.head
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj:
            continue
        pairs.append((_subject_words(subj[0]), word))
    return pairs


def _subject_words(head) -> frozenset:
    """The subject's noun and its close modifiers ("less urgent repairs"), not its "such as..." tail."""
    words = {head.lower_}
    for child in head.children:
        if child.dep_ in ("amod", "compound", "nmod", "advmod", "neg"):
            words.update(t.lower_ for t in child.subtree if t.is_alpha)
    return frozenset(words - {"the", "a", "an", "your", "our"})


def _subjects(text: str) -> set[frozenset]:
    return {_subject_words(t) for t in parse(text) if t.dep_ in ("nsubj", "nsubjpass")}


def _group(word: str) -> tuple[int, int] | None:
    for g, (a, b) in enumerate(_GROUPS):
        if word in a:
            return g, 0
        if word in b:
            return g, 1
    return None


def comparative_flip(sentence: str, sources: list[str]) -> str | None:
    """A reason string when the same subject gets the opposite comparative in the source."""
    mine = _subject_comparatives(sentence)
    if not mine:
        return None
    theirs = [(subj, word, s) for s in sources for subj, word in _subject_comparatives(s)]
    for subj, word in mine:
        g = _group(word)
        same = [t for t in theirs if t[0] == subj and _group(t[1]) == g]
        opposite = [
            t for t in theirs if t[0] == subj and _group(t[1]) and _group(t[1])[0] == g[0] and _group(t[1])[1] != g[1]
        ]
        if opposite and not same:
            return f"The letter says '{opposite[0][1]}', not '{word}': \"{opposite[0][2]}\""
        if not same and not opposite and any(subj in _subjects(s) for s in sources):
            return f"The letter does not say that {' '.join(sorted(subj))} is '{word}'."
    return None


def time_limit_flip(sentence: str, sources: list[str]) -> str | None:
    """A reason string when a period or date gets the opposite bound ("after" for "within")."""
    source_bounds = {}
    for s in sources:
        for bound, what in _PERIOD.findall(s):
            source_bounds.setdefault(what.lower(), set()).add(bound.split()[-1].lower())
    for bound, what in _PERIOD.findall(sentence):
        theirs = source_bounds.get(what.lower())
        mine = bound.split()[-1].lower()
        if not theirs or mine in theirs:
            continue
        if (mine in _UPPER and theirs <= _LOWER) or (mine in _LOWER and theirs <= _UPPER):
            return f"The letter says '{sorted(theirs)[0]} {what}', not '{bound} {what}'."
    return None


_IF = re.compile(r"^\s*(if|unless|when|where)\b", re.I)


def condition_dropped(sentence: str, sources: list[str]) -> str | None:
    """A reason string when a sentence states as fact what the letter only says 'if' about.

    "If you have already paid, please ignore this notice" must not become
    "You have already paid."
    """
    if re.search(r"\b(if|unless|when|maybe|may|might|could)\b", sentence, re.I):
        return None
    words = content(sentence)
    for src in clauses(sources):
        if not _IF.match(src):
            continue
        shared = words & content(src)
        if len(shared) >= 2 and len(shared) / max(1, len(words)) >= 0.5:
            return f'The letter only says this might happen: "{src}"'
    return None


def condition_left_hanging(sentence: str, sources: list[str]) -> str | None:
    """A reason string when a sentence is only an 'if' part, without what then happens.

    "If you pay the £142.50 by 10 March 2025, you can carry on paying by instalments"
    must not become "If you pay £142.50 by 10 March 2025." (seen in a real draft).
    """
    if not _IF.match(sentence) or re.search(r"[,;:]", sentence):
        return None
    # The first "then/you/we" with a modal anywhere after it; one search each, where ".*" between them was quadratic.
    subject = re.search(r"\b(?:then|you|we)\b", sentence, re.I)
    if subject and re.search(
        r"\b(?:can|will|must|may|should|need|have to)\b", sentence[subject.end() :].split("\n")[0], re.I
    ):
        return None
    return 'This sentence says "if" but not what happens then.'


# Comfort a letter rarely gives and a small model likes to add ("It's okay if it takes a
# little longer.", "You do not need to worry about this notice." from "If you have already
# paid, please ignore this notice.").
_REASSURANCE = re.compile(
    # Not "fine": a fine is a penalty.
    r"\b(worry|worried|worries|panic|okay|ok|alright|all right|relax|scared|afraid|nothing to fear|no problem|don't be)\b",
    re.I,
)


def reassurance_added(sentence: str, sources: list[str]) -> str | None:
    """A reason string when a sentence comforts the reader and the letter does not."""
    found = _REASSURANCE.search(sentence)
    if not found or any(_REASSURANCE.search(src) for src in sources):
        return None
    return (
        f'The letter does not say "{found.group(0)}" or anything like it: this adds comfort the council did not give.'
    )


def rule_flags(sentence: str, sources: list[str]) -> list[tuple[str, str]]:
    """Every meaning rule that fires: (rule id, reason)."""
    out = []
    for rule_id, rule in (
        ("meaning-negation", negation_flip),
        ("meaning-comparative", comparative_flip),
        ("meaning-time-limit", time_limit_flip),
        ("meaning-condition", condition_dropped),
        ("meaning-condition", condition_left_hanging),
        ("meaning-reassurance", reassurance_added),
    ):
        reason = rule(sentence, sources)
        if reason:
            out.append((rule_id, reason))
    return out


_ASKED = re.compile(r"^(do you|are you|would you like)\s+(.+?)\s*\?$", re.I)
_IF_LEAD = {"do you": "if you", "are you": "if you are", "would you like": "if you would like"}


def restates_condition(sentence: str, source: str) -> bool:
    """True when `sentence` asks the letter's own "if you ..." condition, word for word.

    The final fixes turn "If you are having difficulty paying, please contact us." into
    "Are you having difficulty paying?" and "Please contact us.". Asked whether the letter
    says the question, the model answers NO (a question states nothing), so these are
    settled here instead: the letter holds exactly that condition.
    """
    match = _ASKED.match(sentence.strip())
    if not match:
        return False
    condition = f"{_IF_LEAD[match.group(1).lower()]} {match.group(2)}"
    return f" {_plain(condition)} " in f" {_plain(source)} "


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[\w£']+", text.lower().replace("’", "'")))
