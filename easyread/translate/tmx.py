"""TMX 1.4 in and out for a translation memory, so a council can load its supplier's memory and give its own back.

Read and written with translate-toolkit's TMX store. On export each entry is written
with the real words of the point it was approved from; on import each English and
target pair becomes a segment with its facts as placeholders (easyread.translate.memory),
and pairs whose facts do not match between the two languages are skipped and counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from translate.storage import tmx as tt_tmx

from easyread.translate.catalogue import lookup
from easyread.translate.errors import TranslationError
from easyread.translate.memory import Segment, make_segment

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class TmxRefused(TranslationError):
    """The TMX file cannot be read; the message says what to do."""


def export_tmx(segments: list[Segment], language: str) -> bytes:
    """TMX 1.4 with one translation unit per segment (English and `language`)."""
    code = lookup(language).code
    store = tt_tmx.tmxfile(sourcelanguage="en", targetlanguage=code)
    for segment in segments:
        store.addtranslation(
            segment.example_source or segment.source, "en", segment.example_target or segment.target, code
        )
    return bytes(store)


@dataclass
class TmxImport:
    """Segments read from a TMX file, and how many of its pairs could not be used."""

    segments: list[Segment] = field(default_factory=list)
    pairs: int = 0  # English and target pairs in the file for this language
    skipped: int = 0  # pairs whose facts did not match, or empty


def _base(tag: str | None) -> str:
    return (tag or "").replace("_", "-").split("-")[0].lower()


def read_tmx(data: bytes, language: str) -> TmxImport:
    """Segments for `language` from a TMX file (any TMX version translate-toolkit reads). Raises TmxRefused."""
    code = lookup(language).code
    try:
        store = tt_tmx.tmxfile.parsestring(data)
    except Exception as error:  # lxml and translate-toolkit raise many kinds for a broken file
        raise TmxRefused(
            "This is not a TMX file we can read: upload the .tmx file your translation memory tool exported."
        ) from error
    result = TmxImport()
    for unit in store.units:
        english, target = None, None
        for node in unit.getlanguageNodes():
            tag = node.get(XML_LANG) or node.get("lang") or ""
            text = "".join(node.itertext()).strip()
            if _base(tag) == "en" and english is None:
                english = text
            elif _matches(tag, code) and target is None:
                target = text
        if english is None or target is None:
            continue
        result.pairs += 1
        segment = make_segment(english, target, code) if english and target else None
        if segment is None:
            result.skipped += 1
        else:
            result.segments.append(segment)
    if not result.pairs:
        raise TmxRefused(
            f"This TMX file has no English and {lookup(code).name} pairs: export the memory for this language."
        )
    return result


def _matches(tag: str, code: str) -> bool:
    tag = (tag or "").replace("_", "-")
    if not tag:
        return False
    try:
        return lookup(tag).code == code
    except TranslationError:
        return _base(tag) == _base(code)
