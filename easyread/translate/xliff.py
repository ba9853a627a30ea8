"""The translator's round trip: a translation out as XLIFF 1.2, and back in as a new version.

Every CAT tool (Trados, memoQ, Phrase, OmegaT) reads XLIFF 1.2. We write and read it
with translate-toolkit, never by hand. One trans-unit per text of the draft, its id
keeping the structure: "title", "s2/heading", "s2/p3" (section 2, point 3) and
"s2/p3/picture" (that point's picture description). Each unit carries the English,
the current translation and its state (machine, memory or approved), and notes naming
the facts that must stay and the council's agreed words.

On the way back, ids must match and the English must be unchanged: anything else
is refused with one plain sentence. Changed points go through the fact lock and the
back-translation check like any other translation.
"""

from __future__ import annotations

from translate.storage import xliff as tt_xliff
from translate.storage import xliff2 as tt_xliff2

from easyread.documents.model import EasyReadDocument
from easyread.translate.catalogue import lookup
from easyread.translate.errors import TranslationError
from easyread.translate.factcheck import PROTECTED_KINDS, preferred_date
from easyread.translate.origin import FUZZY, MEMORY, PERSON, is_approved, origin_of
from easyread.translate.review import Imported, Returned, Text, _plain, apply_changes, texts

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
_FLAGS_A_PERSON_ANSWERS = {
    "translation-facts",
    "translation-drift",
    "translation-low-trust",
    "translation-still-english",
}


class XliffRefused(TranslationError):
    """The returned XLIFF cannot be taken in; the message says why and what to do."""


class _Unit12(tt_xliff.xliffunit):
    namespace = NAMESPACE


class _Xliff12(tt_xliff.xlifffile):
    """translate-toolkit's XLIFF store, writing version 1.2 (its default skeleton says 1.1)."""

    UnitClass = _Unit12

    XMLskeleton = f"""<?xml version="1.0" ?>
<xliff version='1.2' xmlns='{NAMESPACE}'>
<file original='NoName' source-language='en' datatype='plaintext'>
<body>
</body>
</file>
</xliff>"""
    namespace = NAMESPACE


def fact_note(english: str, language: str) -> str:
    """ "Keep these facts exactly: £125.00; 1 March 2025 (write it 1 marca 2025)", or ""."""
    from easyread.checks.facts import extract_facts

    kept = []
    for fact in extract_facts(english, "en"):
        if fact.kind == "date":
            kept.append(f"{fact.text} (write it {preferred_date(fact.value, language)})")
        elif fact.kind in PROTECTED_KINDS:
            kept.append(fact.text)
    return "Keep these facts exactly: " + "; ".join(dict.fromkeys(kept)) if kept else ""


def glossary_note(english: str, language: str, glossary) -> str:
    """ "Council's agreed words: council tax = podatek lokalny", or ""."""
    if glossary is None:
        return ""
    base = language.split("-")[0]
    pairs = []
    for entry in glossary.terms_in(english):
        agreed = entry.translations.get(language) or entry.translations.get(base)
        if agreed:
            pairs.append(f"{entry.term} = {agreed}")
    return "Council's agreed words: " + "; ".join(pairs) if pairs else ""


def _notes(text: Text, code: str, glossary) -> list[str]:
    memory_note = ""
    if text.point is not None and origin_of(text.point)["origin"] == FUZZY:
        origin = origin_of(text.point)
        memory_note = f"{origin.get('message', '')}. The English differs in the words marked «»: "
        memory_note += origin.get("diff", "")
    notes = (fact_note(text.english, code), glossary_note(text.english, code, glossary), memory_note)
    return [note for note in notes if note]


def _export_xliff2(english: EasyReadDocument, translated: EasyReadDocument, code: str, glossary) -> bytes:
    """XLIFF 2.0: the same units; a segment's state is initial (machine, fuzzy), translated (memory, a person)
    or final (approved)."""
    store = tt_xliff2.Xliff2File()
    store.setsourcelanguage("en")
    store.settargetlanguage(code)
    for text in texts(english, translated):
        unit = store.addsourceunit(text.english)
        unit.setid(text.id)
        unit.settarget(text.target)
        state = "initial"
        if text.point is not None:
            if is_approved(text.point):
                state = "final"
            elif origin_of(text.point)["origin"] in (MEMORY, PERSON):
                state = "translated"
        unit.xmlelement.set("state", state)
        for note in _notes(text, code, glossary):
            unit.addnote(note, origin="easyread")
    return bytes(store)


def export_xliff(
    english: EasyReadDocument,
    translated: EasyReadDocument,
    language: str,
    *,
    glossary=None,
    original: str = "letter",
    version: str = "1.2",
) -> bytes:
    """XLIFF 1.2 (or 2.0) of `translated` (in `language`) beside its English draft, for a translator's CAT tool."""
    code = lookup(language).code
    if version.startswith("2"):
        return _export_xliff2(english, translated, code, glossary)
    store = _Xliff12(sourcelanguage="en", targetlanguage=code)
    store.setfilename(store.getfilenode("NoName"), original)
    for text in texts(english, translated):
        unit = store.addsourceunit(text.english, filename=original)
        unit.setid(text.id)
        unit.settarget(text.target)
        target = unit.getlanguageNode(lang=None, index=1)
        state, qualifier, approved = "needs-review-translation", "mt-suggestion", False
        if text.point is not None:
            origin = origin_of(text.point)
            approved = is_approved(text.point)
            if approved:
                state, qualifier = "signed-off", ""
            elif origin["origin"] == MEMORY:
                state, qualifier = "translated", "exact-match"
            elif origin["origin"] == FUZZY:
                qualifier = "fuzzy-match"
            elif origin["origin"] == PERSON:
                state, qualifier = "translated", ""
        target.set("state", state)
        if qualifier:
            target.set("state-qualifier", qualifier)
        unit.markapproved(approved)
        for note in _notes(text, code, glossary):
            unit.addnote(note, origin="easyread")
    return bytes(store)


def read_xliff(data: bytes, english: EasyReadDocument, translated: EasyReadDocument, language: str) -> list[Returned]:
    """The targets of a returned XLIFF, after making sure it is the file we sent. Raises XliffRefused."""
    code = lookup(language).code
    version_two = b"urn:oasis:names:tc:xliff:document:2." in data[:2000]
    try:
        store = (tt_xliff2.Xliff2File if version_two else tt_xliff.xlifffile).parsestring(data)
    except Exception as error:  # lxml and translate-toolkit raise many kinds for a broken file
        raise XliffRefused(
            "This is not an XLIFF file we can read: upload the .xlf file your translation tool saved."
        ) from error
    target_language = (store.gettargetlanguage() or "").replace("_", "-")
    if target_language and lookup_code(target_language) != code:
        raise XliffRefused(
            f"This XLIFF file is for {target_language}, not {lookup(code).name}: upload the file for this language."
        )
    expected = {t.id: t for t in texts(english, translated)}
    units = [u for u in store.units if not u.isheader()]
    ids = [_id(u) for u in units]
    unknown = [i for i in ids if i not in expected]
    if unknown:
        raise XliffRefused(
            f"The file has parts this letter does not have ({', '.join(unknown[:3])}): "
            "only change the translations, not the structure, and export the file again if the letter changed."
        )
    missing = [i for i in expected if i not in ids]
    if missing:
        raise XliffRefused(
            f"The file is missing parts of this letter ({', '.join(missing[:3])}): "
            "send back the whole file your translation tool saved."
        )
    changed = [_id(u) for u in units if _plain(u.source) != _plain(expected[_id(u)].english)]
    if changed:
        raise XliffRefused(
            f"The English was changed in {', '.join(changed[:3])}: only change the translations. "
            "If the English draft changed, export the file again."
        )
    out = []
    for unit in units:
        target = unit.target or ""
        if not target.strip():
            target = expected[_id(unit)].target  # left empty: keep what we had
        out.append(Returned(_id(unit), target, bool(unit.isapproved()) or _state(unit) in ("signed-off", "final")))
    return out


def lookup_code(code: str) -> str:
    """The catalogue code for a language tag, or the tag itself when the catalogue does not know it."""
    try:
        return lookup(code).code
    except TranslationError:
        return code


def _id(unit) -> str:
    # translate-toolkit prefixes a unit's id with its file's name and a separator.
    return unit.getid().rpartition(tt_xliff.ID_SEPARATOR)[2]


def _state(unit) -> str:
    if isinstance(unit, tt_xliff2.Xliff2Unit):
        return unit.xmlelement.get("state") or ""  # XLIFF 2.0 keeps the state on the segment
    node = unit.getlanguageNode(lang=None, index=1)
    return "" if node is None else (node.get("state") or "")


def import_xliff(
    data: bytes,
    english: EasyReadDocument,
    translated: EasyReadDocument,
    language: str,
    *,
    translator=None,
    embedder=None,
    by: str = "translator",
    chrf_min: float,
    similarity_min: float,
) -> Imported:
    """A new version of `translated` with the returned XLIFF's targets; raises XliffRefused.

    Changed points are checked with the fact lock and, when a `translator` is given, the
    back-translation check; their flags say what a reviewer must still look at. A point
    the translator marked approved (approved="yes" or state signed-off/final) is approved.
    """
    code = lookup(language).code
    returned = read_xliff(data, english, translated, code)
    return apply_changes(
        english,
        translated,
        code,
        returned,
        translator=translator,
        embedder=embedder,
        by=by,
        chrf_min=chrf_min,
        similarity_min=similarity_min,
    )
