"""Cuts tried after every cut of `easyread.verify.cuts.steps`, for the long pieces those leave.

As in `easyread.verify.cuts`, each cut proposes pieces made of the sentence's own words plus a link word, and
`easyread.verify.fallback` keeps a cut only when every piece passes the meaning rules against the letter's
sentence. They run last, so a sentence some earlier cut already shortens is cut as before. Each returns the
pieces, or None when it does not apply:

* a piece that opens with its link ("Then ...", "If not, ...", "This is because ...") is cut by any of the
  other cuts, and each new piece that does not say its own link ("This ...", "So ...") is given the piece's
  link again, so no consequence or reason stands on its own (a reason's second clause may say "And ..." instead:
  "This is because" again can read as a reason the letter does not give);
"""

from __future__ import annotations

import re

from easyread.verify.cuts import tidy

# A link the earlier cuts open a piece with, and that each piece cut from it must keep. "This is to ..." is left
# out: what follows it is a verb phrase, not a sentence the other cuts can take apart.
_LINK = re.compile(
    r"^(?P<link>then|if not,|if so,|if you do not,|this is because|this is so that|this means)\s+(?=\w)", re.I
)
_CONDITION_LINK = re.compile(r"^(then|if)\b", re.I)
# A piece that says its own link to the one before it: it is not given the link again.
_OWN_LINK = re.compile(r"^(this|these|so|or|but|and|then|if not|if so|if you do not)\b", re.I)


def more_steps(sentence: str):
    """Each way to cut `sentence` once with the cuts of this module, as lists of pieces (`cuts.steps` runs first)."""
    yield from _linked(sentence)


def _linked(sentence: str):
    """'Then you must ensure that your payments are updated to reflect the changes from 7 April.' → 'Then you must
    ensure that your payments are updated.' 'This is to reflect the changes from 7 April.'; 'This is because car
    parking is limited and it may take time to find a space.' → 'This is because car parking is limited.' 'This is
    because it may take time to find a space.': each cut of the piece without its link, the link said again."""
    match = _LINK.match(sentence)
    if not match:
        return
    link, rest = match.group("link"), sentence[match.end() :]
    for parts in _cuts_of(rest[:1].upper() + rest[1:]):
        if len(parts) < 2 or any(p.endswith("?") or re.match(r"^(if|when|unless)\b", p, re.I) for p in parts):
            # A condition asked inside a consequence ("Then can you ...?") would need its own "If so": not made.
            continue
        yield [
            tidy(f"{link} {_lower(part, sentence)}") if not (n and _OWN_LINK.match(part)) else part
            for n, part in enumerate(parts)
        ]
        if not _CONDITION_LINK.match(link):
            # A second reason said with "And", as the letter's "and" joins it: "This is because" again may read
            # as a reason the letter does not give for it.
            yield [tidy(f"{link} {_lower(parts[0], sentence)}")] + [
                part if _OWN_LINK.match(part) else tidy(f"And {_lower(part, sentence)}") for part in parts[1:]
            ]


def _cuts_of(whole: str):
    """Every cut of `cuts.steps` and of this module (but the link's) of a piece without its link."""
    from easyread.verify.cuts import steps

    yield from steps(whole)


def _lower(part: str, sentence: str) -> str:
    """`part` with its first word in lower case where the letter has it so (not a name, "I" or an acronym)."""
    first = part.split()[0]
    if first == "I" or first[:2].isupper():
        return part
    return part[:1].lower() + part[1:] if re.search(rf"\b{re.escape(first.lower())}\b", sentence) else part
