"""Small letters built straight from blocks, so the rewriter's tests need no reader."""

from __future__ import annotations

from easyread.documents.model import Block, BlockKind, Document

SENDER = "Northbridge Borough Council\nCivic Centre\nNorthbridge NB1 1AA\nTelephone: 0161 496 0120"


def letter(
    *paragraphs: str, title: str = "Council Tax reminder", refs: dict | None = None, sender: str = SENDER
) -> Document:
    """A letter with the usual parts around the given body paragraphs."""
    blocks = [
        Block(BlockKind.SENDER_ADDRESS, sender),
        Block(BlockKind.RECIPIENT_ADDRESS, "Mr D Okafor\n27 Willow Close\nNorthbridge\nNB4 2JP"),
        Block(BlockKind.DATE_LINE, "Date: 3 March 2025"),
    ]
    for label, value in (refs or {"Our ref": "CT/REM1/88213"}).items():
        blocks.append(Block(BlockKind.REFERENCE, value, label=label))
    blocks.append(Block(BlockKind.SALUTATION, "Dear Mr Okafor,"))
    if title:
        blocks.append(Block(BlockKind.HEADING, title, level=1))
    blocks += [Block(BlockKind.PARAGRAPH, p) for p in paragraphs]
    blocks.append(Block(BlockKind.SIGN_OFF, "Yours sincerely,\nHelen Marsh\nRevenues Manager"))
    return Document(blocks=blocks, source_name="test-letter")


REMINDER = [
    "Our records show that you have not paid the instalment of £142.50 that was due on 1 March 2025 "
    "for your Council Tax at the address shown above this notice.",
    "You must pay £142.50 by 10 March 2025, and if you do so you can carry on paying by instalments as shown on your bill. "
    "You can pay online at www.northbridge.gov.uk/pay.",
    "If you are having difficulty paying, please phone us on 0161 496 0199, Monday to Friday, so that we can discuss "
    "whether you are entitled to a reduction.",
]
