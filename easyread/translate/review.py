"""A person's changes to a translation (a returned XLIFF, a fluent speaker's review) made into a new, checked version.

Each text of a draft has an id that keeps its structure: "title", "s2/heading",
"s2/p3" (section 2, point 3) and "s2/p3/picture". Changed points go through the fact
lock and, when a translator is given, the back-translation check; a point whose facts
no longer match cannot be approved.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from easyread.documents.model import EasyReadDocument, Point
from easyread.translate import backcheck
from easyread.translate.errors import TranslationError, UnsupportedLanguage
from easyread.translate.factcheck import check_translation
from easyread.translate.origin import PERSON, approve, is_approved, set_origin

_FLAGS_A_PERSON_ANSWERS = {
    "translation-facts",
    "translation-drift",
    "translation-low-trust",
    "translation-still-english",
    "translation-memory-fuzzy",
}


@dataclass
class Text:
    """One translatable text of a draft: its XLIFF id, English and translation."""

    id: str
    english: str
    target: str
    point: Point | None = None  # the translated point, for points


def texts(english: EasyReadDocument, translated: EasyReadDocument) -> list[Text]:
    """The draft's texts in reading order, with ids that keep sections, points and pictures apart."""
    if len(english.sections) != len(translated.sections) or any(
        len(a.points) != len(b.points) for a, b in zip(english.sections, translated.sections)
    ):
        raise TranslationError(
            "This translation no longer has the English draft's sections and points: translate it again first."
        )
    out = [Text("title", english.title, translated.title)] if english.title.strip() else []
    for s, (en_section, tr_section) in enumerate(zip(english.sections, translated.sections), start=1):
        if en_section.heading.strip():
            out.append(Text(f"s{s}/heading", en_section.heading, tr_section.heading))
        for p, (en_point, tr_point) in enumerate(zip(en_section.points, tr_section.points), start=1):
            out.append(Text(f"s{s}/p{p}", en_point.text, tr_point.text, tr_point))
            if en_point.picture and en_point.picture.alt.strip():
                alt = tr_point.picture.alt if tr_point.picture else ""
                out.append(Text(f"s{s}/p{p}/picture", en_point.picture.alt, alt))
    return out


@dataclass
class Returned:
    """What came back for one text: the translator's words and whether they approved them."""

    id: str
    target: str
    approved: bool


def _plain(text: str | None) -> str:
    return " ".join((text or "").split())


@dataclass
class Imported:
    """A translation made from a person's changes, and what happened to it."""

    draft: EasyReadDocument
    changed: list[str] = field(default_factory=list)  # ids whose translation the person changed
    approved: list[str] = field(default_factory=list)  # point ids the person approved
    flagged: list[str] = field(default_factory=list)  # changed point ids the fact lock or back-check flagged
    notes: list[str] = field(default_factory=list)


def apply_changes(
    english: EasyReadDocument,
    translated: EasyReadDocument,
    code: str,
    returned: list[Returned],
    *,
    translator=None,
    embedder=None,
    by: str = "translator",
    chrf_min: float,
    similarity_min: float,
) -> Imported:
    """A copy of `translated` with each returned text in place; ids not returned keep their text and approval.
    Changed points are back-checked with `translator` against `chrf_min` and `similarity_min` (the
    TRANSLATE_CHRF_MIN and TRANSLATE_SIMILARITY_MIN settings)."""
    answers = {r.id: r for r in returned}
    draft = copy.deepcopy(translated)
    draft.language = code
    result = Imported(draft)
    if "title" in answers:
        draft.title = _take(result, "title", draft.title, answers["title"].target)
    en_points: list[Point] = []
    new_points: list[Point] = []
    ids: list[str] = []
    for s, (en_section, section) in enumerate(zip(english.sections, draft.sections), start=1):
        if f"s{s}/heading" in answers:
            section.heading = _take(result, f"s{s}/heading", section.heading, answers[f"s{s}/heading"].target)
        for p, (en_point, point) in enumerate(zip(en_section.points, section.points), start=1):
            key = f"s{s}/p{p}"
            picture = answers.get(f"{key}/picture")
            if picture and point.picture is not None:
                point.picture.alt = _take(result, f"{key}/picture", point.picture.alt, picture.target)
            answer = answers.get(key)
            if answer is None:
                continue
            if _plain(answer.target) != _plain(point.text):
                result.changed.append(key)
                point.text = answer.target.strip()
                set_origin(point, PERSON, by=by)
                en_points.append(en_point)
                new_points.append(point)
                ids.append(key)
            if answer.approved:
                result.approved.append(key)
                # The person read it: the memory's other words and the engine's trust tier are answered.
                point.flags = [f for f in point.flags if f not in ("translation-memory-fuzzy", "translation-low-trust")]
            approve(point, answer.approved)
    _check_changed(en_points, new_points, ids, code, translator, embedder, chrf_min, similarity_min, result)
    _unapprove_failing(english, result)
    return result


def _unapprove_failing(english: EasyReadDocument, result: Imported) -> None:
    """An approved point whose facts do not match its English cannot go out as checked, whoever approved it."""
    for s, (en_section, section) in enumerate(zip(english.sections, result.draft.sections), start=1):
        for p, (en_point, point) in enumerate(zip(en_section.points, section.points), start=1):
            key = f"s{s}/p{p}"
            if not is_approved(point):
                continue
            facts = check_translation(en_point.text, point.text, result.draft.language)
            if not facts.ok:
                approve(point, False)
                if key in result.approved:
                    result.approved.remove(key)
                result.notes.append(f"{key} was not approved: {facts.finding()['message']}")


def _take(result: Imported, key: str, old: str, new: str) -> str:
    if _plain(new) != _plain(old):
        result.changed.append(key)
        return new.strip()
    return old


def _check_changed(en_points, new_points, ids, code, translator, embedder, chrf_min, similarity_min, result) -> None:
    """Fact lock and back-check on the points a person changed, with flags and findings as the pipeline makes them."""
    backs = [None] * len(new_points)
    if translator is not None and new_points:
        try:
            backs = backcheck.back_check(
                translator,
                [p.text for p in en_points],
                [p.text for p in new_points],
                code,
                embedder=embedder,
                chrf_min=chrf_min,
                similarity_min=similarity_min,
            )
        except UnsupportedLanguage as error:
            result.notes.append(f"No back-translation check: {error}")
    elif new_points:
        result.notes.append("No back-translation check was run on the changed points.")
    for key, en_point, point, back in zip(ids, en_points, new_points, backs):
        point.flags = [f for f in point.flags if f not in _FLAGS_A_PERSON_ANSWERS]
        point.findings = [
            f
            for f in point.findings
            if not re.match(r"translation-(facts|untranslated)|back-translation", f.get("check", ""))
        ]
        facts = check_translation(en_point.text, point.text, code)
        if not facts.ok or facts.date_format:
            point.findings.append(facts.finding())
        if not facts.ok:
            point.flags.append("translation-facts")
        if back is not None:
            point.findings.append(back.finding())
            if back.drifted:
                point.flags.append("translation-drift")
        if not facts.ok or (back is not None and back.drifted):
            result.flagged.append(key)
