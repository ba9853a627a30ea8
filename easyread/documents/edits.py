"""Changes to an Easy Read draft, as plain functions on its dict (`EasyReadDocument.to_dict()`).

Every function returns a new dict and leaves its input unchanged, so the web app
can store the result as the draft's next version (nothing is ever overwritten).
A change that cannot be made raises DraftError with a plain message for the user.
Points are addressed by section number and point number, both counted from 0.
"""

from __future__ import annotations

import copy

MAX_POINT_CHARS = 1000


class DraftError(ValueError):
    """A change we cannot make. `str(error)` says why, in plain words."""


def _copy(draft: dict) -> dict:
    return copy.deepcopy(draft)


def _section(draft: dict, section: int) -> dict:
    sections = draft.get("sections", [])
    if not 0 <= section < len(sections):
        raise DraftError("That section is not in this draft. Reload the page and try again.")
    return sections[section]


def _point(draft: dict, section: int, index: int) -> dict:
    points = _section(draft, section)["points"]
    if not 0 <= index < len(points):
        raise DraftError("That point is not in this draft. Reload the page and try again.")
    return points[index]


def _clean_text(text: str) -> str:
    text = " ".join((text or "").split())
    if not text:
        raise DraftError("Enter the words for the point.")
    if len(text) > MAX_POINT_CHARS:
        raise DraftError(f"A point must be {MAX_POINT_CHARS} characters or fewer. Split it into shorter points.")
    return text


def new_point(text: str, *, source_index: int | None = None, sources: list[str] | None = None) -> dict:
    """A point dict with no picture, findings or flags.

    `sources` are the letter sentences it says: none for words a person types themselves ("Not in the letter").
    """
    return {
        "text": _clean_text(text),
        "picture": None,
        "findings": [],
        "flags": [],
        "source_index": source_index,
        "sources": list(sources or []),
    }


def point_at(draft: dict, section: int, index: int) -> dict:
    """The point dict itself (a copy), or DraftError."""
    return copy.deepcopy(_point(draft, section, index))


def edit_point(draft: dict, section: int, index: int, text: str) -> dict:
    """The draft with point (section, index) saying `text`. Its findings are cleared until it is checked again;
    its sources stay (an edited point still says the same letter sentences)."""
    draft = _copy(draft)
    point = _point(draft, section, index)
    point["text"] = _clean_text(text)
    point["findings"] = []
    point["flags"] = [f for f in point.get("flags", []) if f != "edited"] + ["edited"]
    return draft


def add_point(draft: dict, section: int, index: int, text: str) -> dict:
    """The draft with a new point `text` placed at position `index` of `section` (at the end if index is past it)."""
    draft = _copy(draft)
    points = _section(draft, section)["points"]
    index = max(0, min(index, len(points)))
    neighbour = points[index - 1] if index > 0 else (points[0] if points else None)
    points.insert(index, new_point(text, source_index=neighbour.get("source_index") if neighbour else None))
    return draft


DETAILS_HEADING = "Your details"


def _order(sid: str) -> tuple[int, int]:
    head, _, tail = str(sid).partition(".")
    return (int(head), int(tail)) if head.isdigit() and tail.isdigit() else (-1, -1)


def add_from_sentence(draft: dict, sentence_id: str, text: str) -> tuple[dict, int, int]:
    """The draft with a new point saying a letter sentence no point covers, traced to it, and where it went.

    Its words are the letter's own for staff to simplify. It goes after the last point that says an earlier
    sentence of the letter (outside "Your details"), or at the end of the last body section.
    Returns (draft, section, index).
    """
    draft = _copy(draft)
    sections = draft.get("sections", [])
    if not sections:
        raise DraftError("This draft has no sections to add a point to. Add a section first.")
    wanted = _order(sentence_id)
    if wanted == (-1, -1):
        raise DraftError("That sentence is not in the letter. Reload the page and try again.")
    body = [s for s, section in enumerate(sections) if section.get("heading") != DETAILS_HEADING] or [len(sections) - 1]
    place: tuple[int, int] | None = None
    best = (-1, -1)
    for s in body:
        for i, point in enumerate(sections[s].get("points", [])):
            before = [_order(x) for x in point.get("sources") or [] if _order(x) < wanted]
            if before and max(before) >= best:
                best, place = max(before), (s, i + 1)
    section, index = place or (body[-1], len(sections[body[-1]]["points"]))
    block = int(sentence_id.split(".")[0])
    sections[section]["points"].insert(index, new_point(text, source_index=block, sources=[sentence_id]))
    return draft, section, index


def remove_point(draft: dict, section: int, index: int) -> dict:
    """The draft without point (section, index). An emptied section stays, so its heading is kept."""
    draft = _copy(draft)
    _point(draft, section, index)
    del _section(draft, section)["points"][index]
    return draft


def move_point(draft: dict, section: int, index: int, direction: str) -> dict:
    """The draft with point (section, index) moved one place "up" or "down".

    At the top or bottom of a section the point moves into the section before or after,
    so a point can be moved anywhere one step at a time.
    """
    if direction not in ("up", "down"):
        raise DraftError("Choose to move the point up or down.")
    draft = _copy(draft)
    sections = draft.get("sections", [])
    points = _section(draft, section)["points"]
    point = _point(draft, section, index)
    if direction == "up":
        if index > 0:
            points[index - 1], points[index] = points[index], points[index - 1]
        elif section > 0:
            del points[index]
            sections[section - 1]["points"].append(point)
        else:
            raise DraftError("This point is already at the top.")
    else:
        if index < len(points) - 1:
            points[index + 1], points[index] = points[index], points[index + 1]
        elif section < len(sections) - 1:
            del points[index]
            sections[section + 1]["points"].insert(0, point)
        else:
            raise DraftError("This point is already at the bottom.")
    return draft


def replace_point(draft: dict, section: int, index: int, texts: list[str]) -> dict:
    """The draft with point (section, index) replaced by new points saying `texts` (a regenerated point).
    The first new point keeps the old point's picture."""
    texts = [t for t in (" ".join((t or "").split()) for t in texts) if t]
    if not texts:
        raise DraftError("The model gave no words for this point. Try again or edit the point yourself.")
    draft = _copy(draft)
    old = _point(draft, section, index)
    fresh = [new_point(t, source_index=old.get("source_index"), sources=old.get("sources")) for t in texts]
    if old.get("sources") is None:
        for point in fresh:
            point["sources"] = None  # made again from a point whose sources were never recorded
    fresh[0]["picture"] = old.get("picture")
    _section(draft, section)["points"][index : index + 1] = fresh
    return with_credits(draft)


def set_picture(draft: dict, section: int, index: int, picture: dict) -> dict:
    """The draft with `picture` ({path, alt, credit}) beside point (section, index)."""
    if not picture or not picture.get("path"):
        raise DraftError("Choose a picture.")
    draft = _copy(draft)
    _point(draft, section, index)["picture"] = {
        "path": str(picture["path"]),
        "alt": " ".join(str(picture.get("alt") or "").split()),
        "credit": picture.get("credit") or None,
    }
    return with_credits(draft)


def remove_picture(draft: dict, section: int, index: int) -> dict:
    """The draft with no picture beside point (section, index)."""
    draft = _copy(draft)
    point = _point(draft, section, index)
    if point.get("picture") is None:
        raise DraftError("This point has no picture to remove.")
    point["picture"] = None
    return with_credits(draft)


def with_credits(draft: dict) -> dict:
    """The draft's credits made to match its pictures: credits no picture uses any more are dropped."""
    draft = _copy(draft)
    wanted: list[str] = []
    for section in draft.get("sections", []):
        for point in section.get("points", []):
            credit = (point.get("picture") or {}).get("credit")
            if credit and credit not in wanted:
                wanted.append(credit)
    draft["credits"] = wanted
    return draft


def restore(older: dict) -> dict:
    """Undo: the content of an older version, to be stored as the next version."""
    return _copy(older)


def describe_points(draft: dict) -> list[tuple[int, int, dict]]:
    """(section, index, point) for every point, in reading order."""
    return [
        (s, i, p)
        for s, section in enumerate(draft.get("sections", []))
        for i, p in enumerate(section.get("points", []))
    ]
