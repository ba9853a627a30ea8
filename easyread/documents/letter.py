"""Find the parts of a UK letter among a reader's blocks: addresses, date, references, salutation, sign-off.

Hand-written heuristics: no maintained library knows UK letter anatomy. They work
on lines, so they apply alike to a DOCX paragraph with line breaks, to one
paragraph per line, and to lines rebuilt from a PDF or a text file. Addresses,
the date and references are only looked for before the salutation; the sign-off
only after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from easyread.documents.model import Block, BlockKind, Source

_MONTHS = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
_DATE = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2}))"
)
# The letter's own date only: "Date of birth: 12 May 2014" at the head of a school letter was laid out as "Date of
# this letter: 12 May 2014" (read in a real draft); a date of birth, of an appointment or of a hearing is a detail.
DATE_LINE_RE = re.compile(
    rf"^(?:(?:date(?:\s+of\s+(?:this\s+)?(?:letter|notice|issue))?|dated|issued(?:\s+on)?)\s*[:\-]?\s*)?{_DATE}\.?$",
    re.IGNORECASE,
)

# Labels recognised without a colon ("Our ref HR/2291"); any other "... reference/number/account/ID/...:" needs one.
_KNOWN_LABEL = (
    r"(?:our|your)\s+ref(?:erence)?(?:\s+(?:number|no\.?))?"
    r"|ref(?:erence)?(?:\s+(?:number|no\.?))?"
    r"|(?:council\s+tax\s+)?account\s+(?:number|no\.?|reference|ref)"
    r"|council\s+tax\s+account"
    r"|(?:case|claim|customer|tenancy|application|payment|invoice|property|benefit)\s+(?:number|no\.?|reference|ref)"
    r"|national\s+insurance\s+number|uprn"
)
_KNOWN_REF_RE = re.compile(rf"^(?P<label>{_KNOWN_LABEL})\s*[:\-]?\s+(?P<value>\S.*)$", re.IGNORECASE)
_LABELLED_REF_RE = re.compile(
    r"^(?P<label>[A-Za-z][A-Za-z'’ ]{0,40}?\b(?:ref|reference|number|no|account|id|registration|code))\.?\s*:\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)
# Non-overlapping, so "ref" inside "Our ref" is not taken as a second label.
_KNOWN_LABEL_START = re.compile(rf"(?:^|(?<=\s))(?:{_KNOWN_LABEL})\b", re.IGNORECASE)
_REF_VALUE_RE = re.compile(r"^[\w/\\\-.() ]{1,40}$")
_NOT_A_REF_LABEL = re.compile(r"tel|phone|mobile|fax|textphone|minicom", re.IGNORECASE)

POSTCODE_END_RE = re.compile(r"(?:^|[\s,])(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\.?$")
_CONTACT_RE = re.compile(
    r"^(?:tel|telephone|phone|mobile|fax|textphone|minicom|email|e-mail|web|website|opening hours)\b|@|\bwww\.|https?://|^[\d ()+]{10,}$",
    re.IGNORECASE,
)
_ORGANISATION_RE = re.compile(
    r"\b(?:council|borough|district|county|city of|authority|civic centre|town hall|county hall|services?)\b",
    re.IGNORECASE,
)
_PERSON_RE = re.compile(
    r"^(?:mr|mrs|ms|miss|mx|dr|prof|the occupiers?|the residents?|the householder)\b\.?", re.IGNORECASE
)
SALUTATION_RE = re.compile(
    r"^(?:dear|hello|hi|good (?:morning|afternoon))\b.{0,60}$|^to whom it may concern[,.:]?$", re.IGNORECASE
)
SIGN_OFF_RE = re.compile(
    r"^(?:yours\s+(?:sincerely|faithfully|truly)|(?:kind|best|warm|warmest|many)\s+(?:regards|thanks)|regards"
    r"|with\s+(?:best|kind)\s+(?:wishes|regards)|best\s+wishes"
    # "Thank you" above the name and role of a public health letter: read as sentences, the role came back as
    # "The Director of Public Health is in Liverpool." (a real draft)
    r"|thank\s+you|with\s+thanks)\s*[,.!]?$",
    re.IGNORECASE,
)
_AFTER_SIGN_OFF_STOP = re.compile(r"^(?:enc|enclosures?|cc|p\.?s\.?|please turn over)\b", re.IGNORECASE)
# Address and sign-off lines are short: a name, a street, a job title.
SHORT_LINE_WORDS = 8
SHORT_LINE_CHARS = 60
SIGN_OFF_MAX_LINES = 4
SIGN_OFF_MAX_GAP = 6  # empty paragraphs left for a signature between "Yours sincerely" and the name


@dataclass
class _Line:
    text: str
    block: int  # position of its block in the list
    line: int  # line number inside that block
    source: Source


def detect_letter_parts(blocks: list[Block]) -> list[Block]:
    """Return a new block list with addresses, date line, references, salutation and sign-off marked as such.

    Blocks that are not letter parts come back unchanged and in order. Running it
    twice gives the same result.
    """
    blocks = list(blocks)
    salutation = _find_salutation(blocks)
    if salutation is not None and blocks[salutation].kind is BlockKind.PARAGRAPH:
        blocks[salutation] = replace(blocks[salutation], kind=BlockKind.SALUTATION, marks=[])
    head_end = salutation if salutation is not None else _body_start(blocks)
    head = _mark_head(blocks[:head_end])
    tail = _mark_sign_off(blocks[head_end:])
    return head + tail


def _find_salutation(blocks: list[Block]) -> int | None:
    for i, block in enumerate(blocks):
        if block.kind is BlockKind.SALUTATION:
            return i
        if block.kind is BlockKind.PARAGRAPH and "\n" not in block.text and SALUTATION_RE.match(block.text.strip()):
            return i
    return None


def _body_start(blocks: list[Block]) -> int:
    """Without a salutation, the letter head ends at the first heading, list, table or sentence-long paragraph."""
    for i, block in enumerate(blocks):
        if block.kind in (BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.TABLE):
            return i
        if block.kind is BlockKind.PARAGRAPH and any(len(x.split()) > 12 for x in block.text.split("\n")):
            return i
    return len(blocks)


def _is_short(text: str) -> bool:
    return len(text) <= SHORT_LINE_CHARS and len(text.split()) <= SHORT_LINE_WORDS


# --- before the salutation: addresses, date, references -----------------------------------


def parse_references(line: str) -> list[tuple[str, str]]:
    """(label, value) pairs of a reference line such as 'Our ref: HR/2291  Your ref: AB1', or [] if it is none."""
    starts = [m.start() for m in _KNOWN_LABEL_START.finditer(line)]
    if len(starts) > 1 and starts[0] == 0:
        pieces = [line[a:b].strip() for a, b in zip(starts, starts[1:] + [len(line)])]
        refs = [_parse_reference(piece) for piece in pieces]
        if all(refs):
            return refs
    ref = _parse_reference(line.strip())
    return [ref] if ref else []


def _parse_reference(text: str) -> tuple[str, str] | None:
    match = _KNOWN_REF_RE.match(text) or _LABELLED_REF_RE.match(text)
    if not match or _NOT_A_REF_LABEL.search(match.group("label")):
        return None
    value = match.group("value").strip().rstrip(".,;")
    # References are short codes, nearly always with a digit: this keeps sentences out.
    if not _REF_VALUE_RE.match(value) or not (any(c.isdigit() for c in value) or len(value.split()) == 1):
        return None
    return " ".join(match.group("label").split()), value


def _mark_head(blocks: list[Block]) -> list[Block]:
    lines = [
        _Line(text.strip(), b, n, block.source)
        for b, block in enumerate(blocks)
        # A letterhead often sets the council's name as a title; it still belongs to the sender address.
        if block.kind is BlockKind.PARAGRAPH
        or (block.kind is BlockKind.HEADING and _ORGANISATION_RE.search(block.text))
        for n, text in enumerate(block.text.split("\n"))
        if text.strip()
    ]
    found: list[tuple[tuple[int, int], Block]] = []  # (position of first line, new block)
    used: set[tuple[int, int]] = set()
    group: list[_Line] = []
    groups: list[list[_Line]] = []
    for line in lines:
        refs = parse_references(line.text)
        if refs or DATE_LINE_RE.match(line.text):
            used.add((line.block, line.line))
            if refs:
                found.extend(
                    ((line.block, line.line), Block(BlockKind.REFERENCE, text=v, label=l, source=line.source))
                    for l, v in refs
                )
            else:
                found.append(((line.block, line.line), Block(BlockKind.DATE_LINE, text=line.text, source=line.source)))
            group = []
            continue
        if not group or not _adjacent(group[-1], line, blocks):
            group = []
            groups.append(group)
        group.append(line)
    for part, kind in _addresses(groups):
        used.update((x.block, x.line) for x in part)
        text = "\n".join(x.text for x in part)
        found.append(((part[0].block, part[0].line), Block(kind, text=text, source=part[0].source)))
    by_block: dict[int, list[_Line]] = {}
    for line in lines:
        by_block.setdefault(line.block, []).append(line)
    for b, block in enumerate(blocks):
        block_lines = by_block.get(b, [])
        if not any((b, x.line) in used for x in block_lines):
            if block.kind is BlockKind.PARAGRAPH and _title_lines(block_lines):
                found.extend(((b, x.line), replace(block, text=x.text, marks=[])) for x in block_lines)
            else:
                found.append(((b, 0), block))
            continue
        rest = [x for x in block_lines if (b, x.line) not in used]
        if rest:
            found.append(((b, rest[0].line), replace(block, text="\n".join(x.text for x in rest), marks=[])))
    found.sort(key=lambda item: item[0])
    return [block for _, block in found]


def _title_lines(lines: list[_Line]) -> bool:
    """Two or three short title lines in one paragraph of the letter head ("Lincolnshire County Council" /
    "Fixed Penalty Formal Warning", as plain text is often pasted), not an address: no digit, no comma, no end
    punctuation. Read in a full draft, such a block was taken as two sentences of one paragraph, and the summary
    said "Lincolnshire County Council." Each line alone is a title or a heading the plan knows."""
    texts = [x.text for x in lines]
    return 2 <= len(texts) <= 3 and all(len(t.split()) <= 12 and not re.search(r"[\d,]|[.;:!?]\s*$", t) for t in texts)


def _adjacent(prev: _Line, line: _Line, blocks: list[Block]) -> bool:
    """True when two lines sit together with no blank line between (same paragraph, or next paragraph)."""
    if prev.block == line.block:
        return True
    if line.block != prev.block + 1:
        return False
    a, b = blocks[prev.block].source, blocks[line.block].source
    return a.index is not None and b.index is not None and a.page == b.page and b.index == a.index + 1


def _addresses(groups: list[list[_Line]]) -> list[tuple[list[_Line], BlockKind]]:
    """Address parts among groups of adjacent lines, each with SENDER_ADDRESS or RECIPIENT_ADDRESS."""
    parts = [part for group in groups for part in _split_addresses(group) if _is_address(part)]
    roles = []
    for part in parts:
        texts = [x.text for x in part]
        sender = any(_CONTACT_RE.search(t) for t in texts) or bool(_ORGANISATION_RE.search(texts[0]))
        recipient = bool(_PERSON_RE.match(texts[0])) or (not sender and bool(POSTCODE_END_RE.search(texts[-1])))
        roles.append("sender" if sender and not recipient else "recipient" if recipient and not sender else None)
    # Undecided parts take the role left over, the sender first (letterheads come first in reading order).
    for i, role in enumerate(roles):
        if role is None:
            roles[i] = "recipient" if "sender" in roles else "sender"
    kinds = {"sender": BlockKind.SENDER_ADDRESS, "recipient": BlockKind.RECIPIENT_ADDRESS}
    return [(part, kinds[role]) for part, role in zip(parts, roles)]


def _split_addresses(group: list[_Line]) -> list[list[_Line]]:
    """Split a run of lines holding two addresses (no blank line between) after the first postcode and its contact lines."""
    postcodes = [i for i, x in enumerate(group) if POSTCODE_END_RE.search(x.text)]
    if len(postcodes) < 2:
        return [group] if group else []
    cut = postcodes[0] + 1
    while cut < len(group) and _CONTACT_RE.search(group[cut].text):
        cut += 1
    return [group[:cut]] + _split_addresses(group[cut:])


def _is_address(part: list[_Line]) -> bool:
    texts = [x.text for x in part]
    if len(texts) < 2 or not all(_is_short(t) for t in texts) or any(t.endswith(("?", "!")) for t in texts):
        return False
    has_postcode = any(POSTCODE_END_RE.search(t) for t in texts)
    has_contact = any(_CONTACT_RE.search(t) for t in texts)
    return has_postcode or has_contact or (len(texts) >= 3 and bool(_ORGANISATION_RE.search(texts[0])))


# --- after the salutation: the sign-off --------------------------------------------------


def _mark_sign_off(blocks: list[Block]) -> list[Block]:
    if any(b.kind is BlockKind.SIGN_OFF for b in blocks):
        return blocks
    start = None
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        if block.kind is BlockKind.PARAGRAPH and SIGN_OFF_RE.match(block.text.split("\n")[0].strip()):
            start = i
            break
    if start is None:
        return blocks
    first = blocks[start]
    lines = [x.strip() for x in first.text.split("\n") if x.strip()]
    end = start + 1
    prev_index = first.source.index
    while end < len(blocks) and len(lines) < SIGN_OFF_MAX_LINES + 1:
        block = blocks[end]
        block_lines = [x.strip() for x in block.text.split("\n") if x.strip()]
        index = block.source.index
        gap_ok = (
            index is None
            or prev_index is None
            or block.source.page != blocks[end - 1].source.page
            or index - prev_index <= SIGN_OFF_MAX_GAP
        )
        if block.kind is not BlockKind.PARAGRAPH or not gap_ok or not all(_name_line(x) for x in block_lines):
            break
        if len(lines) + len(block_lines) > SIGN_OFF_MAX_LINES + 1:
            break
        lines.extend(block_lines)
        prev_index = index
        end += 1
    sign_off = Block(BlockKind.SIGN_OFF, text="\n".join(lines), source=first.source)
    return blocks[:start] + [sign_off] + blocks[end:]


def _name_line(text: str) -> bool:
    """A line that can follow 'Yours sincerely': a name, a job title, a team."""
    return (
        _is_short(text)
        and not text.endswith((".", "?", ":", "!"))
        and not _AFTER_SIGN_OFF_STOP.match(text)
        and not _CONTACT_RE.search(text)
        and not POSTCODE_END_RE.search(text)
    )
