"""What a plainer line of one faithful cut may not change: who is said in what order, the words that set a
sentence's scope, its duties, the names it uses, how to get in touch, and which way money goes.

A plainer line is checked against one short cut of the letter's own words (`condition_cuts.take_plain_words`), and
when it is refused the cut itself is used, which is faithful by construction. So these checks can be much stricter
than the meaning rules that judge a free rewrite: a refusal only costs plainer words. Each was read in the embedded
model's plainer lines of the real letters (`easyread bench conditions --scope others`), where the meaning rules
passed them:

* "... that you have given them permission to discuss your account with us." said "... that you have given us
  permission ..." (the people of the cut, in its order: the line's must be a subsequence of the cut's);
* "You will not be automatically moved from DLA to PIP." said "You won't be moved from DLA to PIP.", "Where
  applicable, we will contact your mortgage lender ..." said without "Where applicable" (scope words kept, none added);
* "An admission date has been agreed with you under the care of your Consultant." said "An agreement has been made
  with you to see a doctor.", "A Possession Order for your home." said "A court order to remove your home." (every
  name of the cut kept);
* "We will be in touch to reschedule" said "We will call you to reschedule" (no way of getting in touch the cut does
  not name).

Read in the same way on 22 texts of other publishers (the tuning texts g, h, k): "Please pay the amount demanded in
full immediately." said "Please pay the amount you are owed immediately." (no word of which way money goes that the
cut does not use, and "full" is a scope word), and "... may need to enter your home ..." said "... may enter your
home ..." (a duty kept).

Read on the texts of a fourth set of publishers (holdout4's letters, in full drafts): "We offer an introductory
tenancy for 12 months to new council tenants." said "We offer a tenancy for 12 months to new tenants.", "Are you an
assured tenant of a housing association?" said "Are you a tenant of a housing association?" (a thing the line
still names keeps the words that say which kind it is: "ground rent" is not "rent", nor "one calendar month" "one
month").

Hand-written: these are word lists over one cut and its paraphrase (and spaCy's parse for the kinds of a thing); no
library checks a paraphrase this way.
"""

from __future__ import annotations

import re

_PARTY = {
    **dict.fromkeys(("we", "us", "our", "ours", "ourselves"), "we"),
    **dict.fromkeys(("you", "your", "yours", "yourself"), "you"),
    **dict.fromkeys(("they", "them", "their", "theirs", "themselves"), "they"),
    **dict.fromkeys(("i", "me", "my", "mine", "myself"), "i"),
}
# Words that set what a sentence covers or when it holds: a plainer line keeps each one its cut has and adds none.
_SCOPE = frozenset(
    "automatically only always never not no none nothing unless if when whenever where wherever until before after "
    "within without except both either neither nor all every each full".split()
)
# A duty the cut puts on someone ("may need to enter your home") stays one in its plainer line, in any words.
_DUTY = re.compile(r"\b(need|needs|must|have to|has to|required|obliged)\b", re.I)
# Words that say which way money goes: a plainer line that brings one in can turn it round ("Please pay the amount
# demanded in full" said "Please pay the amount you are owed").
_MONEY_WAY = re.compile(r"\b(owe|owed|owes|owing|refund|refunds|refunded|repay|repays|repaid)\b", re.I)
_CHANNEL = {
    **dict.fromkeys(("call", "calls", "calling", "phone", "phoning", "telephone", "ring"), "phone"),
    **dict.fromkeys(("email", "emails", "emailing", "e-mail"), "email"),
    **dict.fromkeys(("text", "texting"), "text"),
    **dict.fromkeys(("write", "writing"), "write"),
    **dict.fromkeys(("visit", "visiting"), "visit"),
}


# Said the same for the scope words: "won't" and "unable" hold a "not", "decide whether" an "if"; "on or before a
# date" is "by" it, "each other" sets no scope.
_SAME = (
    (re.compile(r"n[’']t\b|\b(?:unable|cannot)\b", re.I), " not "),
    (re.compile(r"\bwhether\b", re.I), "if"),
    (re.compile(r"\bon or before\b|\bno later than\b", re.I), "by"),
    (re.compile(r"\beach other\b", re.I), "one another"),
)
_PHONE_NUMBER = re.compile(r"\d[\d -]{7,}\d")
# Words that pick no kind of a thing out from the others, so a plainer line may leave them out.
_LOOSE = frozenset("relevant specific particular prior appropriate".split())


def _tokens(text: str) -> list[str]:
    for pattern, said in _SAME:
        text = pattern.sub(said, text)
    return re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)?", text)


def _parties(tokens: list[str]) -> list[str]:
    """The people the tokens name, in order."""
    return _collapse([_PARTY[t.lower()] for t in tokens if t.lower() in _PARTY])


def _collapse(found: list[str]) -> list[str]:
    """A person named twice running counted once ("you ... your")."""
    return [p for n, p in enumerate(found) if not n or found[n - 1] != p]


def _subsequence(short: list[str], long: list[str]) -> bool:
    rest = iter(long)
    return all(any(x == y for y in rest) for x in short)


def _names(tokens: list[str]) -> set[str]:
    """Capitalised words after the first ("Consultant", "Possession Order"), and acronyms anywhere ("DLA")."""
    return {
        t.lower() for n, t in enumerate(tokens) if t != "I" and (t.isupper() and len(t) > 1 or n and t[0].isupper())
    }


def plain_line_problem(cut: str, line: str, context: str = "") -> str | None:
    """Why `line` does not say `cut` in plainer words by the checks above, or None when it passes them; `context`
    is what the lines before it (of the same letter sentence) say."""
    cut_tokens, line_tokens = _tokens(cut), _tokens(line)
    cut_parties, line_parties = _parties(cut_tokens), _parties(line_tokens)
    if "you" not in cut_parties:
        # "They can offer advice." said "They can give you advice.": the reader made explicit changes nobody.
        line_parties = _collapse([p for p in line_parties if p != "you"])
    if not _subsequence(line_parties, cut_parties):
        return "changes who is said, or their order"
    cut_words = {t.lower() for t in cut_tokens}
    line_words = {t.lower() for t in line_tokens}
    if (cut_words & _SCOPE) != (line_words & _SCOPE):
        return "changes a word of scope: " + ", ".join(sorted((cut_words ^ line_words) & _SCOPE))
    if _DUTY.search(cut) and not _DUTY.search(line):
        return "drops a duty: " + _DUTY.search(cut).group(1).lower()
    added_way = {w.lower() for w in _MONEY_WAY.findall(line)} - {w.lower() for w in _MONEY_WAY.findall(cut)}
    if added_way:
        return "says which way money goes in words the cut does not: " + ", ".join(sorted(added_way))
    lost = _names(cut_tokens) - line_words
    if lost:
        return "leaves out a name: " + ", ".join(sorted(lost))
    ways = {_CHANNEL[w] for w in cut_words if w in _CHANNEL} | ({"phone"} if _PHONE_NUMBER.search(cut) else set())
    added = {_CHANNEL[w] for w in line_words if w in _CHANNEL} - ways
    if added:
        return "names a way to get in touch the letter does not: " + ", ".join(sorted(added))
    dropped = _dropped_kinds(cut, line, context)
    if dropped:
        return "leaves out which kind of thing it is: " + ", ".join(dropped)
    return None


def _dropped_kinds(cut: str, line: str, context: str) -> list[str]:
    """The cut's "introductory tenancy", "ground rent": a noun the line still names, without a word the cut puts
    before it to say which kind (an adjective or a noun of its own, by spaCy's parse), unless the line just before
    says it ("Do you want to appeal?" "Then you must send your form ...")."""
    from easyread.checks.nlp import parse
    from easyread.verify.plain_words import stem

    said = parse(line)
    have = {stem(t.lower_) for t in said} | {stem(w) for w in re.findall(r"[a-z]+", context.lower())}
    nouns = {stem(t.lower_) for t in said if t.tag_.startswith("NN")}
    return [
        f"{kind.text} {t.text}"
        for t in parse(cut)
        if t.tag_.startswith("NN") and stem(t.lower_) in nouns
        for kind in t.children
        if kind.dep_ in ("amod", "compound") and kind.lower_ not in _LOOSE and stem(kind.lower_) not in have
    ]
