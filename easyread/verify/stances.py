"""Must, may, will, "not": the stance a frame takes on its action, and when two stances clash (a modal
or a negation error). Shared by the frame checks and the fact checks."""

from __future__ import annotations

from easyread.verify import frames as fr
from easyread.verify.findings import who

NEGATIVE = {"must not", "need not", "cannot", "may not", "will not", "not", "do not", "might not", "should not"}


def stance(frame: fr.Frame) -> str:
    """The frame's stance: 'must', 'must not', 'need not', 'can', 'cannot', 'may', 'might', 'will', 'will not',
    'plain', 'not', 'do', 'do not'."""
    if frame.modal == fr.NOOBLIG:
        return "need not"
    base = {
        fr.OBLIG: "must",
        fr.POSSIB: "can",
        fr.MAY: "may",
        fr.HEDGE: "might",
        fr.FUTURE: "will",
        fr.PLAIN: "plain",
        fr.IMP: "do",
        fr.SHOULD: "should",
    }[frame.modal]
    if not frame.neg:
        return base
    return {"can": "cannot", "plain": "not"}.get(base, base + " not")


_MODAL_CLASH = [
    ({"must"}, {"can", "may", "might"}),
    ({"do"}, {"may", "might"}),
    ({"cannot"}, {"need not"}),
    ({"must not", "do not"}, {"need not"}),
    ({"may", "might"}, {"will", "must"}),
    ({"will"}, {"might", "can", "may"}),
    # "You should not drive" for "You must not drive": an order made advice
    ({"must"}, {"should"}),
    ({"must not"}, {"should not"}),
]
_SAY = {
    "must": "must",
    "can": "can",
    "may": "may",
    "might": "might",
    "will": "will",
    "plain": "",
    "do": "must (an instruction)",
    "must not": "must not",
    "need not": "does not have to",
    "cannot": "cannot",
    "may not": "may not",
    "will not": "will not",
    "not": "do not",
    "should": "should",
    "should not": "should not",
    "do not": "must not (an instruction)",
    "might not": "might not",
}


def stance_clash(src: str, out: str) -> str | None:
    """'negation' or 'modal' when the output's stance changes the source's; None when they agree."""
    if src == out:
        return None
    if (src in NEGATIVE) != (out in NEGATIVE):
        if {src, out} in ({"need not", "must not"}, {"need not", "do not"}):
            return "modal"
        if {src, out} <= {
            "will",
            "will not",
            "plain",
            "not",
            "do",
            "do not",
            "must",
            "must not",
            "need not",
            "can",
            "cannot",
            "may",
            "may not",
            "might",
            "might not",
            "should",
            "should not",
        }:
            return "negation"
    for a, b in _MODAL_CLASH:
        if (src in a and out in b) or (src in b and out in a):
            return "modal"
    return None


def said(f: fr.Frame) -> str:
    """Who, stance and verb of a frame in words: "you must pay"."""
    return " ".join(x for x in (who(f.agent), _SAY[stance(f)], f.verb.lower()) if x)


def main_frames(sentence: fr.Sentence) -> list[fr.Frame]:
    """The frames of the main clause: the root verb, the verbs joined to it by "and" / "or", and what it asks for
    ("you will be required to be on the ward": "be")."""
    main = []
    for f in sentence.frames:
        tok = sentence.doc[f.i]
        while tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ == "ROOT":
            main.append(f)
    return main


_NOTICE = {"note", "aware", "remember", "understand", "know", "see", "notice"}


def main_stance_problems(out: fr.Sentence, srcs: list[fr.Sentence], result) -> None:
    """ "We might take legal action" for "Failure to pay will result in legal action": when the two sentences say
    the same thing with different verbs, the frame checks have nothing to pair; the stance of the main clauses
    (must / will against may / might / can) is still compared, if they share words of substance."""
    from easyread.verify import words as w
    from easyread.verify.findings import Problem, quote

    if out.question or result.problems:
        return
    groups = {f.group for s in srcs for f in s.frames}
    # "Please note", "be aware", "you will need": frames that carry no action of their own are not compared
    mine = [f for f in main_frames(out) if not f.purpose and f.group not in groups | w.LIGHT_VERBS | _NOTICE]
    if not mine:
        return
    pronouns = {w.stem(x) for x in ("we", "us", "our", "ours", "i", "me", "my", "you", "your", "yours")}
    words = w.content_stems(out.text) - pronouns
    for src in srcs:
        theirs = [
            s for s in main_frames(src) if not s.purpose and stance(s) not in ("plain", "do") and s.group not in _NOTICE
        ]
        if len(words & w.content_stems(src.text)) < 2 or not theirs:
            continue
        for f in mine:
            clashes = [stance_clash(enabled_stance(s), stance(f)) for s in theirs]
            if clashes and all(c == "modal" for c in clashes):
                s = theirs[0]
                result.problems.append(
                    Problem("modal", f'The letter says {said(s)} ("{quote(s.text)}"); this sentence says {said(f)}.')
                )
                return


_ENABLING = {"help", "allow", "enable", "let"}


def enabled_stance(frame: fr.Frame) -> str:
    """ "It will help us to understand why" says "we can understand why": what a "will help" (allow, enable, let)
    makes certain is that someone else can act, so its stance, set against that act, is "can"."""
    from easyread.verify import words as w

    # The verb's base, not its group: "let" is grouped with "tell" (for "let us know"), and "This will tell you how"
    # is a promise to tell, not a "can".
    groups = {w.verb_group(x) for x in _ENABLING if x != "let"}
    if stance(frame) == "will" and (w.base(frame.verb) in _ENABLING or frame.group in groups):
        return "can"
    return stance(frame)


def negation_moved(out: fr.Sentence, srcs: list[fr.Sentence], result) -> None:
    """ "This is not a legal document." for "This letter does not alter the legal status of the Council": the "not"
    is kept but moved onto another predicate, so the sentence denies something the letter never denies. Found when
    an output verb the letter does not use is denied, its object shares a word with what the letter denies, and its
    head noun is a thing the letter never names."""
    from easyread.verify import words as w
    from easyread.verify.findings import Problem, quote

    if out.question or result.problems:
        return
    groups = {f.group for s in srcs for f in s.frames}
    src_words = set().union(*(w.content_stems(s.text) for s in srcs)) if srcs else set()
    denied = [(src, f) for src in srcs for f in src.frames if f.neg]
    for f in out.frames:
        if not f.neg or (f.group in groups and f.group not in w.LIGHT_VERBS):
            continue
        tok = out.doc[f.i]
        heads = [c for c in tok.children if c.dep_ in ("dobj", "attr", "nsubjpass") and c.tag_.startswith("NN")]
        new_heads = [h for h in heads if w.stem(h.lower_) not in src_words and h.lower_ not in w.EASY_WORDS]
        if not new_heads:
            continue
        shared = {w.stem(t.lower_) for h in new_heads for t in h.subtree if t.i != h.i and t.is_alpha} - {"a", "the"}
        for src, s in denied:
            theirs = src.doc[s.i]
            theirs = theirs.head.head if theirs.dep_ == "relcl" else theirs  # "no circumstances in which it can be"
            if _there_is_no(tok) and _there_is_no(theirs):
                # "there are no exceptions to the deadline" for "there are no circumstances by which the deadline
                # can be extended": both deny that a thing exists, the same denial in other words
                continue
            if shared & s.objects:
                result.problems.append(
                    Problem(
                        "negation",
                        f'The letter denies "{quote(s.text)}"; this sentence denies something else: '
                        f'"{f.text.strip()}".',
                    )
                )
                return


def _there_is_no(tok) -> bool:
    """ "there are no ...": the verb denies that a thing exists."""
    return any(c.dep_ == "expl" for c in tok.children) and _denied_noun(tok) is not None


def _denied_noun(tok):
    """The noun a "no" denies on this verb ("There is no discount", "you will get no refund"), or None."""
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and any(
            d.dep_ == "det" and d.lower_ == "no" for d in c.children
        ):
            return c
    return None


def noun_denied(out: fr.Sentence, srcs: list[fr.Sentence], result) -> None:
    """ "There is no discount if you pay within 14 days." for "A 50 percent discount will be given if the charge is
    paid within 14 days": the sentence denies a thing the letter says is given, with another verb."""
    from easyread.verify import words as w
    from easyread.verify.findings import Problem, quote

    if out.question or result.problems:
        return
    for f in out.frames:
        noun = _denied_noun(out.doc[f.i])
        if noun is None:
            continue
        n = w.stem(noun.lower_)
        for s in srcs:
            for g in s.frames:
                tok = s.doc[g.i]
                if g.neg or _denied_noun(tok) is not None:
                    continue
                if any(
                    c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and w.stem(c.lower_) == n for c in tok.children
                ):
                    result.problems.append(
                        Problem(
                            "negation",
                            f'The letter says "{quote(g.text)}"; this sentence says there is no {noun.text}.',
                        )
                    )
                    return


_FINAL = {"last", "final"}
_MORE = {"keep", "continue", "again", "another", "more", "further"}


def _final_things(sentence: fr.Sentence) -> set[str]:
    """Nouns the sentence calls the last or final one ("the last reminder we send")."""
    from easyread.verify import words as w

    return {w.stem(t.head.lower_) for t in sentence.doc if t.lower_ in _FINAL and t.dep_ == "amod"}


def finality_reversed(out: fr.Sentence, srcs: list[fr.Sentence], result) -> None:
    """ "We will keep sending you reminders" for "This will be the last reminder we send": the letter says there
    will be no more; the rewrite says more will come (a lost "not" without the word "not")."""
    from easyread.verify import words as w
    from easyread.verify.findings import Problem, quote

    if result.problems or out.question:
        return
    for src in srcs:
        last = _final_things(src)
        if not last or _final_things(out) & last:
            continue
        if any(f.neg for f in out.frames) or any(t.lower_ in ("no", "never") for t in out.doc):
            continue  # "We will not send you any more reminders": the same, said with "not"
        more = [t for t in out.doc if t.lower_ in _MORE or w.base(t.lower_) in _MORE]
        things = {w.stem(t.lower_) for t in out.doc if t.tag_.startswith("NN")}
        if more and things & last:
            result.problems.append(
                Problem(
                    "negation",
                    f'The letter says this is the last one ("{quote(src.text)}"); this sentence says more will come '
                    f'("{more[0].text}").',
                )
            )
            return
