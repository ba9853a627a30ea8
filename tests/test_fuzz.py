"""Fuzzing the doors (Hypothesis): any bytes as a .docx, .pdf or .txt file, and any text through the checks,
give a result or a plain refusal (InputError) within a time bound, never another exception.

Kept small (a few seconds): fixed example counts, no example database in the repository, no random
seed between runs that could make one run fail and the next pass without a change (derandomize).
"""

from __future__ import annotations

import io
import time
import zipfile
from datetime import timedelta

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from easyread.documents.errors import InputError  # noqa: E402
from easyread.documents.read import read_document  # noqa: E402

BOUND = 5.0  # seconds for one example: a letter-sized input takes well under one
FUZZ = settings(
    max_examples=150,
    deadline=timedelta(seconds=BOUND),
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Characters the patterns care about, so the text is pathological more often than random letters are.
TRICKY = st.sampled_from(
    list("aA1 .,;:@£%/-()'\n\t")
    + ["٣", "\u00a0", "\u202e", "\x00", "www.", ".gov.uk", "pounds", "Monday", "seven", "If you", "£1,000"]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(TRICKY, max_size=200).map("".join))


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Council tax", level=1)
    document.add_paragraph("Dear resident, you must pay £120 by 1 May 2026.")
    document.add_paragraph("Call 01793 445500.", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


DOCX = _docx_bytes()
PDF_HEADER = b"%PDF-1.7\n"


@st.composite
def damaged_docx(draw) -> bytes:
    """A real DOCX with some bytes of its document.xml changed (the zip is rebuilt, so the XML parser sees them)."""
    with zipfile.ZipFile(io.BytesIO(DOCX)) as src:
        xml = bytearray(src.read("word/document.xml"))
        for _ in range(draw(st.integers(1, 5))):
            xml[draw(st.integers(0, len(xml) - 1))] = draw(st.integers(0, 255))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst:
            for item in src.infolist():
                dst.writestr(item, bytes(xml) if item.filename == "word/document.xml" else src.read(item.filename))
    return out.getvalue()


BYTES = st.one_of(
    st.binary(max_size=2000),
    st.binary(max_size=2000).map(lambda b: b"PK\x03\x04" + b),
    st.binary(max_size=2000).map(lambda b: PDF_HEADER + b),
    damaged_docx(),
    st.binary(min_size=1, max_size=len(DOCX)).map(lambda b: DOCX[: len(b)]),
    TEXTS.map(lambda t: t.encode("utf-8")),
)


def _read(data: bytes, name: str):
    start = time.perf_counter()
    try:
        return read_document(data, filename=name, settings={})
    except InputError as error:
        assert str(error).strip().endswith((".", "?")) and "\n" not in str(error), str(error)
        return None
    finally:
        assert time.perf_counter() - start < BOUND


@pytest.fixture(scope="module", autouse=True)
def _warm():
    """Load spaCy and the word lists once, so the time bound measures the work and not the first load."""
    from easyread.checks.report import check_document
    from easyread.documents.model import Block, BlockKind, Document

    check_document(Document(blocks=[Block(BlockKind.PARAGRAPH, "You must pay £120 by 1 May 2026.")]))


@FUZZ
@given(data=BYTES, name=st.sampled_from(["letter.docx", "letter.pdf", "letter.txt", "letter", "..txt"]))
def test_any_bytes_are_read_or_refused_in_plain_words(data, name):
    _read(data, name)


@FUZZ
@given(text=TEXTS)
def test_any_text_is_checked_or_refused_never_crashes(text):
    from easyread.checks.report import check_document
    from easyread.documents.model import Block, BlockKind, Document

    start = time.perf_counter()
    letter = _read(text.encode("utf-8"), "letter.txt")
    if letter is not None:
        report = check_document(letter)
        assert isinstance(report.to_dict(), dict)
    # The checks on the raw text too, as a draft's point would hold it (no door in between).
    check_document(Document(blocks=[Block(BlockKind.PARAGRAPH, text)])).to_dict()
    assert time.perf_counter() - start < BOUND


@FUZZ
@given(source=TEXTS, draft=TEXTS)
def test_the_fact_lock_compares_any_two_texts(source, draft):
    from easyread.checks.facts import compare_facts

    compare_facts(source, draft).to_dict()
