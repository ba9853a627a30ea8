"""What a line leaves out of the very action it says: where to go, collect from or send to.

The other rules check what a line says; a line can say the letter's action, with its time, and drop the place the
action happens: "The food parcels can be collected on Wednesday 13 January." for "The food parcels can be collected
from the Infant and Junior site on a Wednesday ..." (read in a full draft of a free school meals letter). A resident
who acts on it goes to the wrong place. The hard facts (amounts, dates, phone numbers) are held by the fact lock;
a place has no fixed form, so it is read here off the parse: a phrase of place the letter hangs on a verb, said by
the line with that verb and none of the place's words.

A place can be said in another line of the same letter sentence ("Collect them from the Infant and Junior site."),
which one line cannot see; the problem carries the place's words (`Problem.omits`) so the pipeline can let it go
when another line of the sentence says them (`easyread.simplify.meaning`).
"""

from __future__ import annotations

from easyread.checks.facts import extract_facts
from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem
from easyread.verify.related import RELATED

# A phrase of place or of where a thing goes: "from the Infant and Junior site", "to the school office", "at the
# Town Hall". "in" and "on" are left out: they are as often time or manner ("in writing", "on time").
_WHERE_PREPS = {"from", "to", "at", "via"}
# Verbs of going somewhere or moving a thing, where a place is what the reader needs to act.
_MOVING = {
    w.verb_group(v)
    for v in (
        "collect",
        "return",
        "send",
        "post",
        "bring",
        "take",
        "hand",
        "deliver",
        "drop",
        "pick",
        "go",
        "come",
        "attend",
        "visit",
        "report",
        "pay",
    )
}
# Nouns of time or manner after "at" / "to" ("at any time", "to the end of the month", "at your own cost").
_NOT_PLACES = {
    "time",
    "moment",
    "end",
    "start",
    "beginning",
    "least",
    "most",
    "risk",
    "cost",
    "expense",
    "rate",
    "point",
    "stage",
    "date",
    "attention",
    "request",
    "discretion",
    # where money is taken from or paid into, not a place to go ("from your salary", "to your account")
    "salary",
    "wages",
    "earnings",
    "income",
    "account",
    "benefit",
    "benefits",
    "pension",
}


# People a thing goes to or comes from.
_PEOPLE = {
    "residents",
    "tenants",
    "parents",
    "carers",
    "people",
    "patients",
    "families",
    "customers",
    "members",
    "everyone",
    "pupils",
    "students",
    "children",
    "households",
    "owners",
    "leaseholders",
}


def where_dropped(out: fr.Sentence, srcs: list[fr.Sentence], ctx: list[fr.Sentence], result: Assessment) -> None:
    """The line says the letter's action of going or moving a thing, and none of the words of where."""
    if result.problems or out.question:
        return
    said = w.content_stems(out.text) | {x for c in ctx for x in w.content_stems(c.text)}
    said |= {r for x in said for r in RELATED.get(x, ())}
    for f in out.frames:
        if f.group not in _MOVING or f.neg:
            continue
        for src in srcs:
            for g in src.frames:
                if g.group != f.group or g.neg:
                    continue
                place = _place_of(src, src.doc[g.i])
                if place is None:
                    continue
                text, stems = place
                if stems & said:
                    continue
                result.problems.append(
                    Problem(
                        "fact-moved",
                        f'The letter says where: "{text}"; this sentence leaves that out.',
                        omits=frozenset(stems),
                    )
                )
                return


def _place_of(src: fr.Sentence, verb) -> tuple[str, set[str]] | None:
    """The verb's phrase of place in the letter, and its words of substance; None when it has none."""
    facts = [(f.start, f.end) for f in extract_facts(src.text)]
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in _WHERE_PREPS:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.tag_ in ("PRP", "PRP$", "WP", "CD") or obj.lower_ in _NOT_PLACES:
            continue
        if obj.lower_ in _PEOPLE:
            continue  # "sending out to all residents": whom it goes to, not where
        if (obj.lower_ in w.PARTY_OF and obj.tag_ not in ("NNP", "NNPS")) or any(a <= obj.idx < b for a, b in facts):
            # "to the council", "from the hospital": a party said as "us" as often as by name, which the party
            # rules read ("to the Housing Office at Hackney Service Centre" is a named place, and counts); "at 4pm"
            continue
        # The place's own words, not a clause that describes it ("to all residents that rent ... from the Council").
        clauses = {t.i for c in obj.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
        words = [t for t in obj.subtree if t.i > prep.i and t.i not in clauses]
        easy = {w.stem(x) for x in w.EASY_WORDS}
        # A name is the place ("Hackney Service Centre"): "Go to the office." does not say which one.
        named = w.content_stems(" ".join(t.text for t in words if t.tag_ in ("NNP", "NNPS"))) - easy
        stems = named or w.content_stems(" ".join(t.text for t in words)) - easy
        if stems:
            return f"{prep.text} {' '.join(t.text for t in words)}", stems
    return None
