"""Letter anatomy on blocks from any reader: addresses, date, references, salutation, sign-off."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.documents.letter import DATE_LINE_RE, detect_letter_parts, parse_references
from easyread.documents.model import Block, BlockKind, Source


def para(text, index, page=None):
    return Block(BlockKind.PARAGRAPH, text=text, source=Source(index=index, page=page))


def kinds(blocks):
    return [(b.kind.value, b.label, b.text) for b in blocks]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Our ref: HR/2291", [("Our ref", "HR/2291")]),
        ("Your ref AB 12", [("Your ref", "AB 12")]),
        ("Account number: 5012 3344", [("Account number", "5012 3344")]),
        ("Council tax account 90021133", [("Council tax account", "90021133")]),
        ("Reference number: 2025/HB/771", [("Reference number", "2025/HB/771")]),
        ("Housing benefit claim number: 7781", [("Housing benefit claim number", "7781")]),
        ("Our ref: HR/2291 Your ref: JS/44", [("Our ref", "HR/2291"), ("Your ref", "JS/44")]),
        ("Vehicle registration: KX19 TNB", [("Vehicle registration", "KX19 TNB")]),
        ("Penalty Charge Notice number: EF40218876", [("Penalty Charge Notice number", "EF40218876")]),
        ("Tel: 0300 123 4567", []),
        ("Phone number: 0300 123 4567", []),
        ("Your reference is important to us, please keep it.", []),
    ],
)
def test_parse_references(line, expected):
    assert parse_references(line) == expected


@pytest.mark.parametrize(
    "line, is_date",
    [
        ("12 March 2025", True),
        ("Date: 12/03/2025", True),
        ("Wednesday 2nd April 2025", True),
        ("Dated 1 Sept 2024", True),
        ("Date of notice: 4 August 2025", True),
        ("Date of letter: 4 August 2025", True),
        ("Date of birth: 12 May 2014", False),  # the child's, not the letter's (a real school letter's head)
        ("Date of appointment: 4 August 2025", False),
        ("March 12, 2025", True),
        ("You must pay by 12 March 2025", False),
        ("12 Market Street", False),
    ],
)
def test_date_lines(line, is_date):
    assert bool(DATE_LINE_RE.match(line)) is is_date


def test_recipient_first_then_council_details_in_one_run():
    # No blank line between the two addresses: split after the first postcode and its contact lines.
    blocks = [
        para("Mr John Smith", 0),
        para("Flat 3, 22 Rose Lane", 1),
        para("Easttown EA3 9ZZ", 2),
        para("Benefits Service", 3),
        para("Westshire District Council", 4),
        para("PO Box 12, Westtown", 5),
        para("WS1 1AA", 6),
        para("benefits@westshire.gov.uk", 7),
        para("3rd February 2025", 9),
        para("Dear Mr Smith", 11),
        para("We have changed your housing benefit. This letter says why and what you can do next.", 12),
        para("Yours faithfully", 13),
        para("Benefits Team", 18),
    ]
    assert kinds(detect_letter_parts(blocks)) == [
        ("recipient_address", None, "Mr John Smith\nFlat 3, 22 Rose Lane\nEasttown EA3 9ZZ"),
        (
            "sender_address",
            None,
            "Benefits Service\nWestshire District Council\nPO Box 12, Westtown\nWS1 1AA\nbenefits@westshire.gov.uk",
        ),
        ("date_line", None, "3rd February 2025"),
        ("salutation", None, "Dear Mr Smith"),
        ("paragraph", None, blocks[10].text),
        ("sign_off", None, "Yours faithfully\nBenefits Team"),
    ]


def test_letterhead_lines_split_out_refs_and_date():
    block = Block(
        BlockKind.PARAGRAPH,
        text="Northshire County Council\nTel: 0300 123 4567\nOur ref: HR/2291\n12 March 2025",
        source=Source(index=0),
    )
    out = detect_letter_parts(
        [block, para("Dear Sir or Madam,", 2), para("Body text of the letter that is long enough.", 3)]
    )
    assert kinds(out) == [
        ("sender_address", None, "Northshire County Council\nTel: 0300 123 4567"),
        ("reference", "Our ref", "HR/2291"),
        ("date_line", None, "12 March 2025"),
        ("salutation", None, "Dear Sir or Madam,"),
        ("paragraph", None, "Body text of the letter that is long enough."),
    ]


def test_only_before_salutation_and_sign_off_after_body():
    blocks = [
        para("Dear Ms Patel,", 0),
        para("Our ref: HR/2291", 1),  # after the salutation: body text, not a reference
        para("12 March 2025", 2),
        para("Kind regards", 4),
        para("Jane Smith", 5),
        para("Revenues Manager", 6),
        para("Enc: payment form", 7),
    ]
    assert kinds(detect_letter_parts(blocks)) == [
        ("salutation", None, "Dear Ms Patel,"),
        ("paragraph", None, "Our ref: HR/2291"),
        ("paragraph", None, "12 March 2025"),
        ("sign_off", None, "Kind regards\nJane Smith\nRevenues Manager"),
        ("paragraph", None, "Enc: payment form"),
    ]


def test_no_letter_parts_in_a_notice():
    blocks = [
        Block(BlockKind.HEADING, text="Road closure", level=1),
        para("The High Street will be closed on 3 May 2025 for repairs to the road.", 1),
    ]
    assert detect_letter_parts(blocks) == blocks


def test_is_idempotent_and_keeps_body_blocks_identical():
    blocks = [
        para("Ms Priya Patel", 0),
        para("14 Elm Road", 1),
        para("NT4 7XY", 2),
        para("Dear Ms Patel,", 4),
        Block(BlockKind.HEADING, text="Your bill", level=1, source=Source(index=5)),
        para("Please pay.", 6),
        para("Yours sincerely,", 7),
        para("Jane Smith", 8),
    ]
    once = detect_letter_parts(blocks)
    assert detect_letter_parts(once) == once
    assert once[2] is blocks[4] and once[3] is blocks[5]
    assert [b.kind for b in once] == [
        BlockKind.RECIPIENT_ADDRESS,
        BlockKind.SALUTATION,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.SIGN_OFF,
    ]


def test_council_name_set_as_a_heading_joins_the_sender_address():
    blocks = [
        Block(BlockKind.HEADING, text="Northshire County Council", level=1, source=Source(index=0)),
        para("County Hall", 1),
        para("Northtown NT1 2AB", 2),
        Block(BlockKind.HEADING, text="Your bill", level=1, source=Source(index=4)),
        para("Dear Sir or Madam", 5),
    ]
    out = detect_letter_parts(blocks)
    assert kinds(out) == [
        ("sender_address", None, "Northshire County Council\nCounty Hall\nNorthtown NT1 2AB"),
        ("heading", None, "Your bill"),
        ("salutation", None, "Dear Sir or Madam"),
    ]


BENCH_LETTERS = sorted((Path(__file__).parents[2] / "benchmarks" / "easyread_bench" / "letters").glob("*.txt"))


@pytest.mark.skipif(not BENCH_LETTERS, reason="no benchmark letters in this tree")
@pytest.mark.parametrize("path", BENCH_LETTERS, ids=lambda p: p.stem)
def test_benchmark_letters_have_every_part(path):
    from easyread.documents.read import read_document

    found = {b.kind for b in read_document(path, settings={}).letter_parts()}
    assert found == {
        BlockKind.SENDER_ADDRESS,
        BlockKind.RECIPIENT_ADDRESS,
        BlockKind.DATE_LINE,
        BlockKind.REFERENCE,
        BlockKind.SALUTATION,
        BlockKind.SIGN_OFF,
    }


def test_thank_you_above_a_name_and_role_is_the_sign_off():
    blocks = [
        para("Dear Parent,", 0),
        para("Two doses of MMR are needed to get the best protection.", 1),
        para("Thank you", 2),
        para("Professor Matthew Ashton", 3),
        para("Director of Public Health Liverpool", 4),
    ]
    assert kinds(detect_letter_parts(blocks))[-1] == (
        "sign_off",
        None,
        "Thank you\nProfessor Matthew Ashton\nDirector of Public Health Liverpool",
    )
    # Thanks in a sentence of the body stays the letter's sentence.
    body = [para("Dear Parent,", 0), para("Thank you for your payment of £50.00 last week.", 1)]
    assert kinds(detect_letter_parts(body))[-1][0] == "paragraph"


def test_title_lines_pasted_as_one_paragraph_are_each_a_line_of_their_own():
    # Read in a full draft: the two lines were two sentences of one paragraph, and the summary said "Lincolnshire
    # County Council."
    blocks = [
        para("Lincolnshire County Council\nFixed Penalty Formal Warning", 0),
        para("Name of child or young person: Jamie Carter", 2),
        para("This letter is a Fixed Penalty Formal Warning and is being sent to you because of absence.", 4),
    ]
    assert [t for _, _, t in kinds(detect_letter_parts(blocks))][:2] == [
        "Lincolnshire County Council",
        "Fixed Penalty Formal Warning",
    ]
    # An address, or lines that say something, stay one block.
    kept = [para("Council Offices\nHigh Street, Northtown", 0), para("Please pay the amount below by Friday.", 2)]
    assert kinds(detect_letter_parts(kept))[0][2] == "Council Offices\nHigh Street, Northtown"
