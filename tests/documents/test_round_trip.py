"""Read a letter, write it as an Easy Read DOCX (words unchanged), read that back."""

from __future__ import annotations

from easyread.documents.identity import DETAILS_HEADING, SIGN_OFF_HEADING, identity_draft
from easyread.documents.model import BlockKind
from easyread.documents.read import read_document
from easyread.documents.write import WriteOptions, write_outputs
from tests import samples


def _fragments(doc) -> list[str]:
    """Every piece of text in reading order, table cells one by one, empty cells skipped."""
    out = []
    for block in doc.blocks:
        if block.kind is BlockKind.TABLE:
            out.extend(cell.strip() for row in block.rows for cell in row if cell.strip())
        elif block.plain_text().strip():
            out.append(block.plain_text().strip())
    return out


def _is_subsequence(needles: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(n == h for h in it) for n in needles)


def test_docx_round_trip_keeps_text_order_and_headings(tmp_path):
    original = read_document(samples.make_letter_docx(tmp_path / "letter.docx"))
    draft = identity_draft(original)
    out = write_outputs(draft, tmp_path / "out", "letter", ["docx"], WriteOptions.defaults())
    again = read_document(out["docx"])

    body = [b for b in original.body_blocks() if b.kind is not BlockKind.TABLE]
    expected = [b.text.strip() for b in body if b.text.strip() and b.text != draft.title]
    got = _fragments(again)
    assert expected, "the sample letter has body text"
    assert _is_subsequence(expected, got), f"missing or out of order:\n{expected}\n--\n{got}"

    headings_before = [b.text for b in original.blocks if b.kind is BlockKind.HEADING and b.text != draft.title]
    headings_after = [b.text for b in again.blocks if b.kind is BlockKind.HEADING]
    assert headings_before and _is_subsequence(headings_before, headings_after)
    assert DETAILS_HEADING in headings_after  # letter parts kept in their own section

    # every letter part's words survive too, in order (line breaks may become spaces)
    everything = " ".join(" ".join(f.split()) for f in got)
    for part in original.letter_parts():
        assert " ".join(part.plain_text().split()) in everything, part.plain_text()


def test_identity_draft_routes_letter_parts_to_your_details(tmp_path):
    original = read_document(samples.make_letter_docx(tmp_path / "letter.docx"))
    draft = identity_draft(original)
    details, signed = draft.sections[0], draft.sections[-1]
    assert details.heading == DETAILS_HEADING
    parts = [b for b in original.letter_parts() if b.plain_text().strip()]
    assert len(details.points) == len([b for b in parts if b.kind is not BlockKind.SIGN_OFF])
    # the sign-off closes the letter, after the body, in its own section
    assert signed.heading == SIGN_OFF_HEADING and signed.points[0].text.startswith("Yours")
    assert all(p.source_index is not None for s in draft.sections for p in s.points)
