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
