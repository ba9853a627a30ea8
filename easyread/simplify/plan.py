"""Plan a letter before any model call: what to rewrite, what to keep, what to drop.

Letter parts never reach the model. Following the guidance (keep only what the
reader needs), references and the letter's date go to a "Your details" section
word for word; phone numbers, email and web addresses in the sender's address
become "Who to contact" points; the addresses, salutation and sign-off are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from easyread.documents.model import BlockKind, Document
from easyread.documents.sentences import sentence_id, split_block_text
from easyread.simplify import checking
from easyread.simplify.labels import is_label_line, label_line
from easyread.simplify.language import guess_language

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9£\"'(])")
_ACTION = re.compile(r"\b(you must|you need to|you should|please|you have to|you can|you will need)\b", re.I)
_PHONE = re.compile(r"(?:\+44\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"\b(?:https?://)?www\.[\w.-]+(?:/[\w./-]*)?", re.I)


@dataclass
class Unit:
    """One letter sentence: what one rewrite prompt turns into short sentences.

    `sid` is its id in `Document.sentences()`, so every line made from it traces back to it;
    `context` is the paragraph (or list) it sits in, shown to the model but not rewritten.
    """

    index: int  # position of its block in the document
    text: str
    heading: str | None = None  # the document heading it sits under, if any
    facts: list = field(default_factory=list)
    terms: list[tuple[str, str]] = field(default_factory=list)
    first: bool = False  # from the letter's opening: feeds "What this letter is about"
    sid: str | None = None
    context: str = ""
    label: str | None = None  # a label line ("Weekly rent: £128.75") laid out without the model (simplify.labels)

    @property
    def sources(self) -> list[str]:
        """The trace every line made from this unit records: its sentence id, when it has one."""
        return [self.sid] if self.sid else []


@dataclass
class DetailPoint:
    text: str
    index: int
    section: str  # "details" or "contact"
    sources: list[str] = field(default_factory=list)  # ids of the letter sentences it comes from


@dataclass
class LetterPlan:
    """What the letter is about, what the reader must do, and the pieces to rewrite."""

    title: str
    units: list[Unit]
    details: list[DetailPoint]
    actions: list[str]  # source sentences that ask the reader to do something
    key_facts: list  # every hard fact in the body, in order
    left_out: list[str] = field(default_factory=list)  # non-English paragraphs skipped
    opening: str = ""
    opening_sources: list[str] = field(default_factory=list)  # the sentences `opening` is made of
    about: str = ""  # one line on what the letter is, for every rewrite prompt

    def body_text(self) -> str:
        return "\n\n".join(u.text for u in self.units)


def split_plain(text: str) -> list[str]:
    """A dependency-free sentence split, for planning only."""
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def _chunks(sentences: list[tuple[str, str]], max_words: int) -> list[list[tuple[str, str]]]:
    """Group a paragraph's (id, sentence) pairs into runs of about `max_words`: the context each is rewritten in."""
    pieces: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for sentence in sentences:
        if current and len(" ".join(t for _, t in current + [sentence]).split()) > max_words:
            pieces.append(current)
            current = []
        current.append(sentence)
    if current:
        pieces.append(current)
    return pieces


# What a number's label says it is for: a textphone or fax number given as "phone us" sends a resident who
# calls it by voice to a line that cannot answer them (a DWP letter's "Textphone: 0800 121 4493" did).
_NUMBER_KINDS = (
    (
        re.compile(r"text\s*phone|minicom|text\s*relay|relay\s*uk|typetalk|\btty\b", re.I),
        "If you use a textphone, you can call {}.",
    ),
    (re.compile(r"\bfax\b", re.I), "Our fax number is {}."),
    (re.compile(r"\bsms\b|\btext(?:\s+message)?\b", re.I), "You can send a text message to {}."),
)


def _number_point(label: str, number: str) -> str:
    """The point for a phone number, said as what its label (the words before it on its line) says it is for."""
    for pattern, words in _NUMBER_KINDS:
        if pattern.search(label):
            return words.format(number)
    return f"You can phone us on {number}."


def _contacts(text: str) -> list[tuple[str, str]]:
    """Contact points found in an address or sign-off, each with the words it was made from."""
    points = []
    for line in text.splitlines() or [text]:
        for found in _PHONE.finditer(line):
            number = found.group(0).strip()
            points.append((_number_point(line[: found.start()], number), number))
    for email in _EMAIL.findall(text):
        points.append((f"You can email us at {email}.", email))
    for url in _URL.findall(text):
        points.append((f"Our website is {url.rstrip('.')}.", url.rstrip(".")))
    return points


def block_sentences(doc: Document, index: int) -> list[tuple[str, str]]:
    """(id, text) of every sentence of block `index`, as `Document.sentences()` numbers them."""
    return [(sentence_id(index, n), t) for n, t in enumerate(split_block_text(doc.blocks[index].plain_text()))]


def _holding(ids: list[tuple[str, str]], words: str) -> list[str]:
    """The ids of the sentences holding `words`, or every id of the block when none does."""
    return [i for i, t in ids if words and words in t] or [i for i, _ in ids]


def _detail_text(block) -> str:
    if block.kind is BlockKind.DATE_LINE:
        date = re.sub(r"^\s*(date(\s+of\s+\w+)?)\s*:?\s*", "", block.text, flags=re.I)
        return f"Date of this letter: {date.strip()}"
    return block.plain_text().strip()


def _looks_like_heading(text: str) -> bool:
    """A short line without a full stop: a title or a label, not a sentence."""
    return len(text.split()) <= 12 and "\n" not in text and text[-1] not in ".!?"


# A short line that asks or announces rather than says: "What to do if your condition gets worse", "If you want to
# claim PIP". Sent to the model as a sentence, it came back as advice or a promise the letter never gives ("you
# should see a doctor", read in an NHS letter), so such a line names the part of the letter after it instead.
_SECTION_LINE = re.compile(r"^(what|how|when|where|why|who|which|if|about|more about|changing|cancelling)\b", re.I)
# "I accept the rent changes, what do I need to do": a reader's question heading, asked after a comma. Rewritten, it
# came back as "I have accepted the rent changes." (read in a real draft of a rent-change letter).
_ASKED_AFTER = re.compile(r",\s*(what|how|when|where|why|who|which)\s+(do|does|can|should|will|is|are|happens)\b", re.I)


def names_a_part(text: str) -> bool:
    """True for a heading-like paragraph with no hard fact: a short line that opens with a question word or an
    "if" (a question too), or a short noun phrase ended with a full stop ("Support for you while you wait.")."""
    text = text.strip()
    if not text or len(text.split()) > 12 or _hard_facts(text):
        return False
    if text.endswith("?"):
        # "What will happen if I don't pay the outstanding service charges?": a letter's questions and answers.
        # Rewritten, the question came back as a statement ("I am being pursued for unpaid service charges.").
        return bool(_SECTION_LINE.match(text))
    if text[-1] not in ".!:?" and _ASKED_AFTER.search(text):
        return True
    if len(text.split()) > 10:
        return False
    if text[-1] not in ".!:":
        return bool(_SECTION_LINE.match(text))
    return text.endswith(".") and _names_a_thing(text)


def _hard_facts(text: str) -> list:
    """The facts a heading must not swallow: amounts, dates, numbers. A right it names ("If you do not respond to
    the review", "Your right to appeal") is the part's subject, said again by the sentences under it; sent to the
    model as a sentence, "If you do not respond to the review" came back with a consequence of its own ("..., we
    will ask the council to look at the decision again.", read in a real draft)."""
    return [f for f in checking.extract_facts(text) if checking.fact_kind(f) != "right"]


def heads_a_part(doc: Document, index: int) -> bool:
    """True when the paragraph at `index` is a heading, not a sentence: `names_a_part`, or a topic line.

    A topic line is a short line with no full stop whose main word is a noun or an opening "-ing" ("Getting more
    medicines", "Access to your home", "Council Tax Reduction") and that leads into the text after it. Read on the
    texts of new publishers: sent to the model as a sentence, each came back as a statement or an order the letter
    never makes ("We need more medicines.", "You can get to your home.", "We need to make repairs to your home that
    are broken."). Not one: the content of a lead-in ("the judge granted the following:" / "Suspended Possession
    Order"), a line of an address ("Hackney Service Centre" above "1 Hillman Street"), a label ("Location: ...")."""
    text = doc.blocks[index].plain_text().strip()
    if names_a_part(text):
        return True
    if not text or text[-1] in ".!?:,;" or ":" in text or "\n" in text or len(text.split()) > 12:
        return False
    if _hard_facts(text):
        return False
    if _above_the_letter(doc, index) and _names_only(text):
        return True
    if not _topic(text):
        return False
    # Only the lines next to it are read, so a long document of short lines stays linear.
    before = next((t for b in reversed(doc.blocks[:index]) if (t := b.plain_text().strip())), "")
    after = list(_texts_after(doc, index, 2))
    if before.endswith(":") or not after:
        return False
    # It leads into a sentence, or into a second heading that does ("Council Tax" / "First Reminder" / "...").
    if len(after) > 1 and after[0][-1] not in ".!?:" and len(after[0].split()) <= 12 and "\n" not in after[0]:
        after = after[1:]
    return after[0][-1] in ".!?:" and len(after[0].split()) >= 4


def _above_the_letter(doc: Document, index: int) -> bool:
    """Only title lines and the letterhead come before the paragraph at `index`: read in full drafts of other
    publishers, a second title line ("Council tenants" under "Swindon Borough Council", "Putting the record
    straight") sent to the model as a sentence came back as a claim ("The people who live in the council homes.",
    "Tower Hamlets is a borough in London.")."""
    for block in doc.blocks[:index]:
        text = block.plain_text().strip()
        if not text or block.kind is not BlockKind.PARAGRAPH:
            continue  # the letterhead, a date or a reference: not the letter's sentences
        if not all(_looks_like_heading(line.strip()) for line in text.split("\n") if line.strip()):
            return False
    return True


_SAYS = {"is", "are", "was", "were", "will", "has", "have", "had", "must", "can", "may"}


def _names_only(text: str) -> bool:
    """A line that names and says nothing: not an order ("Renew your garden waste collection"), no helper or modal
    verb ("Your Disability Living Allowance is ending" says something), and not shouted in capitals ("PAY NOW AVOID
    EVICTION" is a call to act)."""
    from easyread.checks.nlp import parse

    if text.isupper():
        return False
    doc = parse(text)
    if not len(doc) or doc[0].lower_ == "please" or doc[0].tag_ == "VB":
        return False  # an order
    # A verb with a helper or a modal says something; a bare "-s" word may be the tagger's guess at a plural noun
    # ("Council tenants" is read as a subject and a verb).
    return not any(t.dep_ in ("aux", "auxpass") or t.tag_ == "MD" or t.lower_ in _SAYS for t in doc)


def _texts_after(doc: Document, index: int, count: int):
    for block in doc.blocks[index + 1 :]:
        if count and (text := block.plain_text().strip()):
            count -= 1
            yield text
        if not count:
            return


def _topic(text: str) -> bool:
    from easyread.checks.nlp import parse

    roots = [t for t in parse(text) if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return False
    return roots[0].tag_ in ("NN", "NNS", "NNP", "NNPS") or (roots[0].tag_ == "VBG" and roots[0].i == 0)


def _names_a_thing(text: str) -> bool:
    """True when the line's main word is a common noun: it names a topic and says nothing about it.

    An NHS letter's "Support for you while you wait for your appointment." was rewritten as a sentence and came back
    as promises the letter never makes ("We'll be here to help you wait."). A name ("The Day Surgery Unit.") is not
    a topic, and a line with a verb at its root says something, so both stay sentences."""
    from easyread.checks.nlp import parse

    roots = [t for t in parse(text) if t.dep_ == "ROOT"]
    if len(roots) != 1 or roots[0].tag_ not in ("NN", "NNS"):
        return False
    return all(t.tag_ in ("DT", "PRP$", "JJ", "NN", "NNS") for t in roots[0].lefts)


def plan_letter(doc: Document, *, glossary=None, unit_words: int = 80, english_share: float = 0.6) -> LetterPlan:
    """Build the plan: one unit per letter sentence to rewrite, details kept as they are, actions and facts."""
    units: list[Unit] = []
    details: list[DetailPoint] = []
    left_out: list[str] = []
    title = doc.title
    heading: str | None = None
    pending_list: list[tuple[int, str, list[tuple[str, str]]]] = []

    def add(index: int, ids: list[tuple[str, str]]) -> None:
        for run in _chunks(ids, unit_words):
            context = " ".join(t for _, t in run)
            units.extend(Unit(index, text, heading, sid=sid, context=context) for sid, text in run)

    def flush_list() -> None:
        if pending_list:
            # A list is rewritten item by item, with the sentence that leads into it ("We will tell you:").
            lead = units[-1].text if units and units[-1].text.rstrip().endswith(":") else ""
            items = "\n".join(f"- {t}" for _, t, _ in pending_list)
            context = f"{lead}\n{items}" if lead else items
            for index, _, ids in pending_list:
                units.extend(Unit(index, text, heading, sid=sid, context=context) for sid, text in ids)
            pending_list.clear()

    salutation = next((i for i, b in enumerate(doc.blocks) if b.kind is BlockKind.SALUTATION), None)
    for index, block in enumerate(doc.blocks):
        text = block.plain_text().strip()
        if not text:
            continue
        ids = block_sentences(doc, index)
        if block.kind is BlockKind.PARAGRAPH and _looks_like_heading(text):
            if is_label_line(text) and not units:
                # "Rent Account Balance: £1,204.50" in the letter's head: a detail, never the title (a title is
                # not a point, and the amount was lost with it).
                details.append(DetailPoint(text, index, "details", [i for i, _ in ids]))
                continue
            if salutation is not None and index < salutation:
                # A short line in the letter's head ("Vehicle registration: KX19 TNB") is a detail.
                details.append(DetailPoint(text, index, "details", [i for i, _ in ids]))
                continue
            if not title and not units and not text.endswith(":"):
                # A line ending in ":" leads into what follows ("Our current Lunch Money Policy states:", read in a
                # real school letter): taken as the title, it left the old policy under it to be said as the rule.
                title = text
                continue
            if (units or title) and heads_a_part(doc, index):
                flush_list()
                heading = text
                continue
        if (
            block.kind is BlockKind.PARAGRAPH
            and (units or title)
            and "\n" not in text
            and text[-1] in ".?"
            and names_a_part(text)
        ):
            flush_list()
            heading = text.rstrip(".")
            continue
        if block.kind in (BlockKind.REFERENCE, BlockKind.DATE_LINE):
            details.append(DetailPoint(_detail_text(block), index, "details", [i for i, _ in ids]))
            continue
        if block.kind is BlockKind.SENDER_ADDRESS or block.kind is BlockKind.SIGN_OFF:
            details.extend(DetailPoint(p, index, "contact", _holding(ids, words)) for p, words in _contacts(text))
            continue
        if block.kind.is_letter_part:
            continue  # recipient address and salutation: the reader knows them
        if block.kind is BlockKind.HEADING and is_label_line(text):
            # "Amount due: £50.00" set as a heading is a fact, not a section name: never drop it.
            flush_list()
            if units:
                add(index, ids)
            else:
                details.append(DetailPoint(text, index, "details", [i for i, _ in ids]))
            continue
        if block.kind is BlockKind.HEADING:
            flush_list()
            if not title:
                title = text
            elif text != title:
                heading = text
            continue
        if not guess_language(text, threshold=english_share).is_english:
            left_out.append(text)
            continue
        if block.kind is BlockKind.LIST_ITEM:
            pending_list.append((index, text, ids))
            continue
        flush_list()
        add(index, ids)
    flush_list()

    for unit in units:
        unit.first = unit.index == units[0].index
        laid_out = label_line(unit.text)
        unit.label = laid_out.text if laid_out else None
        unit.facts = checking.extract_facts(unit.text)
        unit.terms = [
            (checking.get(e, "term"), checking.get(e, "explanation"))
            for e in checking.glossary_terms(glossary, unit.text)[:4]
            if checking.get(e, "explanation")
        ]
    actions = [u.text for u in units if _ACTION.search(u.text)]
    opening_units: list[Unit] = []
    blocks_seen: list[int] = []
    for unit in units:
        if unit.index not in blocks_seen:
            blocks_seen.append(unit.index)
        if len(blocks_seen) > 2 or (opening_units and sum(len(u.text.split()) for u in opening_units) >= 120):
            break
        opening_units.append(unit)
    opening = " ".join(" ".join(u.text for u in opening_units).split()[:120])
    return LetterPlan(
        title=title or "Your letter",
        units=units,
        details=details,
        actions=actions,
        key_facts=[f for u in units for f in u.facts],
        left_out=left_out,
        opening=opening,
        opening_sources=[u.sid for u in opening_units if u.sid],
        about=title or "",
    )
