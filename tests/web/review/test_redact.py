"""Redaction: the letter's known parts and the detectors hide every planted piece of personal data."""

from __future__ import annotations

import json

from easyread.review import redact
from tests.web.review.conftest import DRAFT, LETTER, PERSONAL


def _letter():
    from easyread.config import load_settings
    from easyread.documents.read import read_document

    return read_document(LETTER.encode(), filename="letter.txt", settings=load_settings())


def test_letter_parts_give_name_address_postcode_and_references():
    found = {(r["text"], r["label"]) for r in redact.from_letter(_letter())}
    assert ("Ms Jane Smith", "Name") in found and ("Smith", "Name") in found and ("Jane", "Name") in found
    assert ("12 Acacia Avenue", "Address") in found and ("Testtown", "Address") in found
    assert ("TE1 2ST", "Postcode") in found
    assert ("CT-998877", "Reference") in found and ("QQ 12 34 56 C", "NI number") in found


def test_detect_and_apply_hide_every_planted_item():
    found = redact.detect(DRAFT, _letter(), ignore=("Testshire Council",))
    copy = redact.apply(DRAFT, found)
    text = json.dumps(copy, ensure_ascii=False)
    for item in PERSONAL:
        assert item.lower() not in text.lower(), item
    assert (
        "[Name]" in text and "[Postcode]" in text and "[Reference]" in text and "[Phone]" in text and "[Email]" in text
    )
    assert "[Date of birth]" in text and "[NI number]" in text and "[Address]" in text
    # the facts reviewers must understand stay
    assert "You must pay £120 by 1 May 2025." in text
    # findings quote the words and source_index points into the letter: neither goes to reviewers
    assert all(not p["findings"] and p["source_index"] is None for s in copy["sections"] for p in s["points"])


def test_detectors_work_without_the_letter():
    found = redact.detect(DRAFT, None)
    text = json.dumps(redact.apply(DRAFT, found), ensure_ascii=False)
    for item in [
        "Jane",
        "Smith",
        "TE1 2ST",
        "CT-998877",
        "QQ 12 34 56 C",
        "03/04/1961",
        "07700 900123",
        "jane.smith@example.com",
    ]:
        assert item.lower() not in text.lower(), item


def test_patterns_alone_without_presidio():
    found = redact.detect(DRAFT, _letter(), use_presidio=False)
    text = json.dumps(redact.apply(DRAFT, found)).lower()
    assert all(item.lower() not in text for item in PERSONAL)


def test_staff_add_and_remove_and_word_edges():
    base = [{"text": "Smith", "label": "Name", "source": "letter"}]
    assert redact.apply_text("Mr Smith and Smithson Road", base) == "Mr [Name] and Smithson Road"
    more = redact.add(base, "  bins  and roads ", "Address")
    assert redact.apply_text("Council tax pays for bins and roads.", more) == "Council tax pays for [Address]."
    assert redact.remove(more, "smith") == [more[1]]
    for bad in (("", "Name"), ("x" * 201, "Name"), ("words", "Shoe size")):
        try:
            redact.add(base, *bad)
        except ValueError:
            continue
        raise AssertionError(f"{bad} should be refused")


def test_where_lists_the_places():
    places = redact.where(DRAFT, {"text": "Jane Smith", "label": "Name"})
    assert places == ["Title", "Point 1 of section 1"]


def test_the_councils_own_details_stay_even_when_the_resident_lives_in_the_same_town():
    draft = {
        "title": "",
        "sections": [
            {
                "heading": "",
                "points": [
                    {"text": "Swindon Borough Council wrote to you at 27 Kingfisher Close, Swindon.", "picture": None},
                    {"text": "See www.swindon.gov.uk or call 0300 123 4567. Call us on 01793 445500.", "picture": None},
                    {"text": "We may phone you on 01793 612345.", "picture": None},
                ],
            }
        ],
    }
    found = redact.detect(draft, None, ignore=("Swindon Borough Council",)) + [
        {"text": "Swindon", "label": "Address", "source": "letter"}
    ]
    text = json.dumps(redact.apply(draft, found))
    assert "Swindon Borough Council wrote" in text and "www.swindon.gov.uk" in text
    assert "0300 123 4567" in text and "01793 445500" in text
    assert "01793 612345" not in text and "Kingfisher" not in text  # the resident's own line and street are hidden
    assert "[Address], Swindon." in text  # the council's own town is public: it says nothing about the resident
    assert all(r["label"] != redact.KEEP for r in redact.hidden_only(found))


def test_bank_and_account_numbers_in_any_format():
    for sentence, secret in (
        ("paid from the account ending 6789", "6789"),
        ("sort code 20-45-77", "20-45-77"),
        ("sort code 20 45 77", "20 45 77"),
        ("council tax account CT 7755 1234", "7755 1234"),
        ("NHS number 943 476 5919", "476 5919"),
        ("NI number qq 12 34 56 c", "34 56"),
        ("postcode sn25 3ab", "sn25 3ab"),
        ("postcode SN253AB", "SN253AB"),
    ):
        draft = {"title": sentence, "sections": []}
        assert secret not in redact.apply(draft, redact.detect(draft, None, use_presidio=False))["title"], sentence
