from easyread.documents.model import Block, BlockKind
from easyread.simplify.pipeline import simplify_document
from easyread.simplify.plan import plan_letter
from easyread.simplify.sections import HEADINGS, route
from easyread.simplify.state import Line

from .letters import REMINDER, letter


def test_plan_keeps_letter_parts_away_from_the_model():
    plan = plan_letter(letter(*REMINDER, refs={"Our ref": "CT/1/2", "Account number": "40018837"}))
    assert plan.title == "Council Tax reminder"
    # One unit per letter sentence, each with its id and its paragraph as context.
    assert " ".join(u.text for u in plan.units) == " ".join(REMINDER)
    assert [u.sid for u in plan.units] == ["7.0", "8.0", "8.1", "9.0"]
    assert plan.units[2].context == REMINDER[1]
    details = [(d.section, d.text) for d in plan.details]
    assert ("details", "Date of this letter: 3 March 2025") in details
    assert ("details", "Our ref: CT/1/2") in details
    assert ("details", "Account number: 40018837") in details
    assert ("contact", "You can phone us on 0161 496 0120.") in details
    assert not any("Willow Close" in u.text or "Dear" in u.text or "Yours" in u.text for u in plan.units)


def test_plan_finds_actions_and_facts():
    plan = plan_letter(letter(*REMINDER))
    assert any("You must pay £142.50" in a for a in plan.actions)
    kinds = {f.kind for f in plan.key_facts}
    assert {"money", "date", "phone", "url"} <= kinds
    assert plan.units[0].first and not plan.units[1].first


def test_long_paragraph_is_split_into_units():
    long = " ".join(f"Sentence number {i} is here and it has some words in it." for i in range(20))
    plan = plan_letter(letter(long), unit_words=40)
    assert len(plan.units) > 3
    assert all(len(u.text.split()) <= 40 for u in plan.units)


def test_short_lines_before_the_salutation_are_details():
    doc = letter("You must pay now.", title="")
    doc.blocks.insert(3, Block(BlockKind.PARAGRAPH, "Vehicle registration: KX19 TNB"))
    doc.blocks.insert(6, Block(BlockKind.PARAGRAPH, "Penalty Charge Notice"))
    plan = plan_letter(doc)
    assert "Vehicle registration: KX19 TNB" in [d.text for d in plan.details]
    assert plan.title == "Penalty Charge Notice"


def test_routing_of_sentences():
    first = {0}
    assert route(Line("You must pay £142.50 by 10 March 2025.", unit=1), first) == "do"
    assert route(Line("Phone us on 0161 496 0199.", unit=1), first) == "contact"
    assert route(Line("Your appointment is on 22 April 2025.", unit=1), first) == "dates"
    assert route(Line("You have not paid your council tax.", unit=0), first) == "about"
    assert route(Line("The money pays for bins.", unit=2), first) == "more"
    # An obligation said the letter's way (Hackney letter 05) is an action too.
    assert route(Line("It is essential you contact us immediately.", unit=2), first) == "do"
    assert route(Line("It is important that you keep as fit as you can.", unit=2), first) == "do"


def test_draft_has_sections_in_order(fake, settings):
    result = simplify_document(letter(*REMINDER), fake, settings=settings)
    headings = [s.heading for s in result.draft.sections]
    order = [h for h in HEADINGS.values() if h in headings]
    assert headings[0] == "What this letter is about"
    assert headings == order  # no custom headings in this letter
    assert headings[-1] == "Your details"
    details = [p.text for p in result.draft.sections[-1].points]
    assert "Our ref: CT/REM1/88213" in details
    # the council's phone number from the address is in the draft once, under "Who to contact"
    contact = next(s for s in result.draft.sections if s.heading == "Who to contact")
    assert any("0161 496 0120" in p.text for p in contact.points)


def test_progress_reports_every_stage_and_batches_stay_small(fake, settings):
    seen = []
    simplify_document(letter(*REMINDER), fake, settings=settings, progress=lambda s, d, t: seen.append((s, d, t)))
    stages = [s for s, _, _ in seen]
    for stage in ("plan", "rewrite", "meaning check", "fact lock and report"):
        assert stage in stages
    assert all(0 <= d <= t for _, d, t in seen)
    assert max(fake.batches) <= settings["REWRITE_BATCH_SIZE"]
    rewrite = [b for b in fake.batches]
    assert rewrite[0] == 4  # 3 paragraphs + the summary went together


def test_result_carries_timings_tokens_and_report(fake, settings):
    result = simplify_document(letter(*REMINDER), fake, settings=settings)
    assert {"plan", "rewrite", "repair", "meaning", "finish"} <= set(result.timings)
    assert result.tokens["generated"] > 0 and result.tokens["prompts"] > 0
    assert result.report is not None and hasattr(result.report, "passed")
    assert result.facts.ok
    assert "Easy Read sentences" in result.summary()
