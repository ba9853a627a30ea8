"""What the meaning verifier reports: the kinds of error, one problem, one assessment, and helpers its
messages share (who a party is in words, a short quote). Also the cached parse of one text into frames."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from easyread.verify import frames as fr
from easyread.verify import words as w

KINDS = ("agent", "money", "modal", "negation", "condition", "fact-moved", "invented", "fragment")


@dataclass(frozen=True)
class Problem:
    """One way an Easy Read sentence changes the letter's meaning, in words council staff can act on."""

    kind: str  # one of KINDS, or "model" for the model's second opinion
    message: str
    harmful: bool = True
    # Words the line leaves out that another line of the same letter sentence may say instead (a place): the
    # pipeline, which sees those lines, lets the problem go when one does (`easyread.verify.dropped`).
    omits: frozenset[str] = frozenset()

    def to_dict(self) -> dict:
        return {"kind": self.kind, "message": self.message, "harmful": self.harmful}


@dataclass
class Assessment:
    problems: list[Problem] = field(default_factory=list)
    undecided: list[tuple[str, str]] = field(default_factory=list)  # (likely kind, what the rules could not settle)

    @property
    def ok(self) -> bool:
        return not self.problems


@lru_cache(maxsize=4096)
def read(text: str) -> fr.Sentence:
    """The frames of one text, parsed once and cached."""
    return fr.read_sentences([text])[0]


def who(parties) -> str:
    """A set of parties in words: "we or you"; "someone" when unknown."""
    if not parties:
        return "someone"
    names = {w.WE: "we", w.YOU: "you"}
    return " or ".join(names.get(p, p) for p in sorted(parties, key=lambda p: (p != w.WE, p != w.YOU, p)))


def who_obj(parties) -> str:
    """`who` as an object: "us" for "we"."""
    return {"we": "us"}.get(who(parties), who(parties))


def quote(text: str, limit: int = 12) -> str:
    """The first `limit` words of a text, for a message."""
    words = text.split()
    return " ".join(words[:limit]) + (" ..." if len(words) > limit else "")
