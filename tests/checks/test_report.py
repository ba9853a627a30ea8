"""The report: per-sentence findings, metrics, facts, score, gate, JSON, terminal and HTML views."""

import json
from html.parser import HTMLParser

from easyread.checks.report import check_document, check_draft, render_html_fragment, render_terminal
from easyread.documents.model import Block, BlockKind, Document, EasyReadDocument, Mark, Point, Section

from .letters import COUNCIL_TAX, COUNCIL_TAX_EASY


def easy_draft(text=COUNCIL_TAX_EASY):
    lines = text.splitlines()
    return EasyReadDocument(
        title="Your council tax",
        sections=[
            Section("What you owe", [Point(t) for t in lines[:5]]),
            Section("How to pay", [Point(t) for t in lines[5:]]),
        ],
    )


def letter():
    return Document(
        blocks=[Block(BlockKind.HEADING, "Council Tax reminder", level=1)]
        + [Block(BlockKind.PARAGRAPH, p) for p in COUNCIL_TAX.split("\n\n")]
    )


def test_original_letter_fails_with_sentence_findings_and_facts():
    report = check_document(letter())
    assert not report.passed
    assert report.score < 80
    ids = {f.rule_id for f in report.findings()}
    assert {"sentence-length", "number-words", "date-format", "jargon"} <= ids
    assert {f.kind for f in report.facts} >= {"money", "date", "duration", "phone", "url", "reference"}
    assert report.metrics["flesch_reading_ease"]["implementation"].startswith("textstat 0.7.13")


def test_faithful_easy_read_draft_passes_the_gate():
    draft = easy_draft()
    report = check_draft(draft, COUNCIL_TAX)
    assert report.comparison.ok
    assert report.counts()["fail"] == 0, [f.to_dict() for f in report.findings() if f.severity == "fail"]
    assert report.passed
    assert report.score >= 80
    # Every point got its findings as plain dicts, with offsets in the point's text.
    for point in draft.points():
        for finding in point.findings:
            assert point.text[finding["start"] : finding["end"]] == finding["text"]


def test_changed_and_invented_facts_land_on_their_points_and_fail_the_gate():
    draft = easy_draft(
        COUNCIL_TAX_EASY.replace("£85 more", "£58 more").replace("0161 496 0199 to pay", "0161 496 0100 to pay")
    )
    report = check_draft(draft, COUNCIL_TAX)
    assert not report.passed
    texts = [f["text"] for p in draft.points() for f in p.findings if f["rule_id"] == "fact-changed"]
    assert sorted(texts) == ["0161 496 0100", "£58"]


def test_lost_fact_is_a_document_finding():
    draft = easy_draft(COUNCIL_TAX_EASY.replace("Your account number is 40018837.", "Keep this letter."))
    report = check_draft(draft, COUNCIL_TAX)
    assert [f.text for f in report.document_findings if f.rule_id == "fact-lost"] == ["40018837"]
    assert not report.passed


def test_italics_from_docx_fail():
    doc = Document(blocks=[Block(BlockKind.PARAGRAPH, "You must pay now.", marks=[Mark(9, 12, "italic")])])
    report = check_document(doc)
    assert [f.text for f in report.findings() if f.rule_id == "formatting"] == ["pay"]
    assert not report.passed


def test_json_is_complete_and_serialisable():
    data = json.loads(json.dumps(check_draft(easy_draft(), COUNCIL_TAX).to_dict()))
    assert set(data) >= {"passed", "score", "counts", "parts", "document_findings", "metrics", "facts", "fact_lock"}
    assert data["parts"][0]["sentences"][0]["text"] == "You have not paid £142.50 of your council tax."
    assert data["fact_lock"]["ok"] is True


def test_terminal_view_names_verdict_findings_facts_and_metrics():
    text = render_terminal(check_document(letter()))
    assert text.startswith("Easy Read check: NOT PASSED")
    assert (
        "FAIL sentence-length" in text
        and "Facts (" in text
        and "Flesch Reading Ease" in text
        and "textstat 0.7.13" in text
    )


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.marks, self.ids = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag not in ("br", "img", "input", "meta"):
            self.stack.append(tag)
        if tag == "mark":
            self.marks.append(dict(attrs)["class"])

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()


def test_html_fragment_is_balanced_with_traffic_lights_and_highlights():
    html = render_html_fragment(
        check_draft(easy_draft(COUNCIL_TAX_EASY.replace("within 7 days", "within seven days")), COUNCIL_TAX)
    )
    parser = _Collector()
    parser.feed(html)
    assert parser.stack == []
    assert "<h1" not in html
    assert "er-fail" in parser.marks
    assert '<mark class="er-fail">seven</mark>' in html
    assert "govuk-tag--red" in html and "govuk-tag--green" not in html.split("Sentences")[0]
    assert "er-sentence--ok" in html and "er-sentence--fail" in html


def test_html_escapes_letter_text():
    doc = Document(blocks=[Block(BlockKind.PARAGRAPH, "Pay <b>now</b> & thanks.")])
    html = render_html_fragment(check_document(doc))
    assert "<b>" not in html and "&lt;b&gt;" in html


def test_non_english_draft_gets_the_fact_lock_only():
    draft = EasyReadDocument(
        title="Podatek", language="pl", sections=[Section("Ile", [Point("Zapłać 142,50 £ do 10 marca 2025.")])]
    )
    report = check_draft(draft, "Pay £142.50 by 10 March 2025.")
    assert report.comparison.ok
    assert [f for f in report.findings() if not f.rule_id.startswith("fact-")] == []
