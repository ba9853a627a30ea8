"""The embedded model translating a short Easy Read draft into Polish (slow: loads the 1.5B model)."""

from __future__ import annotations

import pytest

from easyread.documents.model import EasyReadDocument, Point, Section
from easyread.translate import translate_draft
from easyread.translate.pipeline import FLAG_FACTS


@pytest.mark.model
def test_embedded_model_translates_into_polish_keeping_or_flagging_facts():
    # No title or heading: three texts each way keep the test to a few minutes on two cores.
    draft = EasyReadDocument(
        "",
        [
            Section(
                "",
                [
                    Point("You must pay £125.00 by 1 March 2025."),
                    Point("Call us on 01632 960 123 if you need help."),
                    Point("You can pay online at www.council.gov.uk/pay."),
                ],
            )
        ],
    )
    settings = {"MODEL_CACHE": "", "MODEL_BATCH_SIZE": 8, "TRANSLATE_BACK_CHECK": True, "GLOSSARY_DIR": ""}
    run = translate_draft(draft, "pl", engine="embedded", settings=settings)
    result = run.results["pl"]
    assert result.ok, result.error
    doc = result.draft
    assert doc.language == "pl" and doc.direction == "ltr" and len(doc.points()) == 3
    for english, point in zip(draft.points(), doc.points()):
        assert point.text.strip() and point.text != english.text
        # Every fact is in the Polish text, or the point is flagged for a person: never silently lost.
        facts = ("£125.00", "01632 960 123", "www.council.gov.uk/pay")
        for fact in facts:
            if fact in english.text and fact not in point.text:
                assert FLAG_FACTS in point.flags, point
        assert any(f["check"] == "back-translation" for f in point.findings)
    assert result.chrf is not None and 0 <= result.chrf <= 100
