from easyread.simplify.meaning import parse_verdicts
from easyread.simplify.meaning_rules import comparative_flip, negation_flip, rule_flags, time_limit_flip
from easyread.simplify.pipeline import simplify_document

from .fakes import FakeEngine, sentence_of
from .letters import letter

REPAIRS = (
    "Emergency repairs are done faster than other repairs, usually within 3 working days of your call to us. "
    "Less urgent repairs take longer, and you do not need to be at home for them if we have a key to the building."
)


def test_negation_flip_both_ways():
    assert negation_flip("You need to be at home.", ["You do not need to be at home."])
    assert negation_flip("You do not need to pay now.", ["You need to pay now."])
    assert negation_flip("You must pay now.", ["You must pay now."]) is None


def test_comparative_flip_catches_the_prototype_error():
    source = ["Urgent repairs are done faster.", "Less urgent repairs take longer."]
    assert comparative_flip("Urgent repairs take longer.", source)
    assert comparative_flip("Less urgent repairs are faster.", source)
    assert comparative_flip("Urgent repairs are done faster.", source) is None
    assert comparative_flip("Less urgent repairs take longer.", source) is None


def test_comparative_the_letter_never_made_is_flagged():
    source = ["Urgent work, such as a leaking pipe, will be done within 3 working days."]
    assert "does not say" in comparative_flip("Urgent work takes longer than other repairs.", source)


def test_time_limit_flip():
    source = ["You must pay within 28 days of the date of this notice."]
    assert time_limit_flip("You must pay after 28 days.", source)
    assert time_limit_flip("You must pay within 28 days.", source) is None
    assert [r for r, _ in rule_flags("You must pay after 28 days.", source)] == ["meaning-time-limit"]


def test_parse_verdicts_tolerates_chatter():
    reply = "Here you go:\n1: YES\n2. NO\n3) not said\n"
    assert parse_verdicts(reply, 4) == ["YES", "NO", "NOT SAID", None]


def _script(rewrite, verify=None, fix=None, later=None):
    """`rewrite` answers the letter's first sentence ("Emergency repairs ..."), `later` its second."""

    def script(kind, user, chat):
        if kind == "rewrite" and "Emergency" in sentence_of(user):
            return rewrite
        if kind == "rewrite" and later and "Less urgent" in sentence_of(user):
            return later
        if kind == "verify" and verify and "Emergency" in user:
            return verify(user)
        if kind == "meaning-repair":
            return fix(user) if fix else "- " + user.split("sentence:\n", 1)[1].split("\n")[0]
        return None

    return script


def test_flipped_comparative_is_repaired_when_the_repair_checks_out(settings):
    rewrite = "- We fix emergency repairs within 3 working days.\n- Emergency repairs take longer.\n- Other repairs are faster."
    engine = FakeEngine(
        _script(
            rewrite,
            fix=lambda user: (
                "- Emergency repairs are done faster."
                if "Emergency repairs take" in user
                else "- Less urgent repairs take longer."
            ),
        )
    )
    result = simplify_document(letter(REPAIRS, title="Repairs"), engine, settings=settings)
    texts = [p.text for p in result.draft.points()]
    assert "Emergency repairs take longer." not in texts
    assert "Emergency repairs are done faster." in texts
    assert not any("meaning-contradicts" in p.flags for p in result.draft.points() if "faster" in p.text)
    # What the bench reports as "meaning errors found before and after repair".
    assert result.meaning_counts["found"] >= 1
    assert result.meaning_counts["repaired"] >= 1
    assert result.meaning_counts["found"] == result.meaning_counts["repaired"] + result.meaning_counts.get(
        "fell_back", 0
    )


def test_an_unsupported_sentence_falls_back_to_the_letters_words_and_says_what_it_replaced(settings):
    # The only line for its letter sentence: nothing else says that sentence, so the letter's words come back.
    rewrite = "- Most tenants like our repair service."
    verify = lambda user: "1: NOT SAID"  # noqa: E731
    engine = FakeEngine(_script(rewrite, verify=verify))
    result = simplify_document(letter(REPAIRS, title="Repairs"), engine, settings=settings)
    texts = [p.text for p in result.draft.points()]
    assert "Most tenants like our repair service." not in texts
    marked = [p for p in result.draft.points() if {"meaning-fallback", "letter-words"} & set(p.flags)]
    assert marked and all(p.text in REPAIRS or " means: " in p.text for p in marked)
    assert any("Most tenants like our repair service." in f["message"] for p in marked for f in p.findings)
    assert any(f["sentence"] == "Most tenants like our repair service." for f in result.meaning_flags)
    assert result.meaning_counts.get("fell_back", 0) >= 1 and not result.meaning_counts.get("repaired")


def test_added_reassurance_is_caught_even_when_the_model_says_yes(settings):
    rewrite = "- We fix emergency repairs within 3 working days.\n- It is okay if it takes a little longer."
    verify = lambda user: "1: YES\n2: YES"  # noqa: E731
    engine = FakeEngine(_script(rewrite, verify=verify))
    result = simplify_document(letter(REPAIRS, title="Repairs"), engine, settings=settings)
    texts = [p.text for p in result.draft.points()]
    assert "It is okay if it takes a little longer." not in texts
    # The line that passed says the letter sentence with its facts: the invented one is left out, not replaced by
    # the letter's words again beside it, and the notes say so.
    assert "We fix emergency repairs within 3 working days." in texts
    assert any("It is okay if it takes a little longer." in n and "left out" in n for n in result.notes)


def test_a_line_that_only_adds_a_reason_is_left_out_before_any_repair(settings):
    # Read in a real draft: asked to repair the added reason, the model gave back the letter's whole sentence, which
    # passed and was laid out after the two lines that already said it.
    notice = "You will receive a notice from us informing you that we are going to court to evict you."
    rewrite = (
        "- You will receive a notice from us.\n- It will tell you that we are going to court to evict you.\n"
        "- This is the reason for the notice."
    )

    def script(kind, user, chat):
        if kind == "rewrite" and sentence_of(user) == notice:
            return rewrite
        if kind == "meaning-repair" and "the reason for the notice" in user:
            return f"- {notice}"
        return None

    engine = FakeEngine(script)
    result = simplify_document(letter(notice, title="Eviction"), engine, settings=settings)
    said = [p.text for p in result.draft.points() if "notice" in p.text or "court" in p.text]
    assert said == ["You will receive a notice from us.", "It will tell you that we are going to court to evict you."]
    assert not any(k == "meaning-repair" and "the reason for the notice" in u for k, u in engine.calls)
    assert result.meaning_counts.get("left_out") == 1
    # The note gives the check's reason, not a blanket "which the letter does not say".
    note = next(n for n in result.notes if "This is the reason for the notice." in n and "left out" in n)
    assert "which the letter does not say" not in note and "This sentence gives a reason" in note


def test_negation_flip_is_replaced_and_marked_when_repair_fails(settings):
    rewrite = "- We fix emergency repairs within 3 working days."
    later = "- You need to be at home for less urgent repairs."
    engine = FakeEngine(_script(rewrite, later=later))  # the meaning repair returns the same sentence
    result = simplify_document(letter(REPAIRS, title="Repairs"), engine, settings=settings)
    points = result.draft.points()
    assert "You need to be at home for less urgent repairs." not in [p.text for p in points]
    fallback = {"meaning-fallback", "letter-words"}
    point = next(p for p in points if fallback & set(p.flags) and "at home" in p.text)
    assert "not need to be at home" in point.text
    # The finding that names the problem is shown once, on the first piece of the fallback.
    pieces = [p for p in points if fallback & set(p.flags) and p.sources == point.sources]
    assert any(f["rule_id"] in fallback and "The letter says" in f["message"] for p in pieces for f in p.findings)


def test_without_repair_a_failing_line_keeps_its_flag(settings):
    from easyread.simplify.meaning import check_meaning
    from easyread.simplify.plan import plan_letter
    from easyread.simplify.state import LetterInProgress, Line

    doc = letter(REPAIRS, title="Repairs")
    in_progress = LetterInProgress(doc, plan_letter(doc))
    second = next(s.id for s in doc.sentences() if s.text.startswith("Less urgent"))
    in_progress.lines = [Line("You need to be at home for less urgent repairs.", 0, sources=[second])]
    records = check_meaning([in_progress], FakeEngine(), batch_size=4, repair=False)
    assert in_progress.lines[0].flags == ["meaning-contradicts"]
    assert records[0]["rule_id"] == "meaning-negation"


def test_meaning_check_off_uses_rules_only(settings):
    rewrite = "- We fix emergency repairs within 3 working days.\n- It is okay if it takes a little longer."
    engine = FakeEngine(_script(rewrite, verify=lambda user: "1: NO\n2: NO"))
    simplify_document(letter(REPAIRS, title="Repairs"), engine, settings={**settings, "REWRITE_MEANING_CHECK": False})
    assert not any(kind == "verify" for kind, _ in engine.calls)


def test_dropped_condition_is_flagged():
    source = ["If you have already paid, please ignore this notice."]
    assert [r for r, _ in rule_flags("You have already paid the outstanding balance.", source)] == ["meaning-condition"]
    assert rule_flags("If you have already paid, ignore this notice.", source) == []


def test_negation_elsewhere_in_a_long_source_sentence_is_not_pinned_on_a_clause():
    source = [
        "If you do not pay within seven days, you will lose the right to pay by instalments "
        "and the full balance for the year of £1,425.00 will become due."
    ]
    assert negation_flip("The full balance for the year is £1,425.00.", source) is None
    assert negation_flip("If you pay within 7 days, you will lose the right to pay by instalments.", source)


def test_flags_stay_with_their_own_letter_in_a_batch(settings):
    from easyread.simplify.pipeline import simplify_documents

    rewrite = "- We fix emergency repairs within 3 working days.\n- It is okay if it takes a little longer."
    engine = FakeEngine(_script(rewrite, verify=lambda user: "1: YES\n2: NOT SAID"))
    docs = [letter(REPAIRS, title="Repairs"), letter(REPAIRS, title="Repairs again")]
    results = simplify_documents(docs, engine, settings=settings)
    # Each letter's invented line is left out with a note in that letter only.
    assert [sum("It is okay" in n for n in r.notes) for r in results] == [1, 1]
    assert all("_letter" not in f for r in results for f in r.meaning_flags)


def test_comfort_the_letter_does_not_give_is_flagged():
    source = [
        "You must pay the amount shown within seven days.",
        "If you have already paid, please ignore this notice.",
    ]
    assert [r for r, _ in rule_flags("You do not need to worry about this notice.", source)] == ["meaning-reassurance"]
    assert [r for r, _ in rule_flags("It's okay if it takes a little longer.", ["Urgent repairs are done first."])] == [
        "meaning-reassurance"
    ]
    # The letter's own comfort, and a fine that is a penalty, are not added comfort.
    assert rule_flags("Please do not worry.", ["Please do not worry: we can help you."]) == []
    assert rule_flags("You may have to pay a fine of £70.", ["You may receive a penalty charge of £70."]) == []


def test_an_if_part_without_what_happens_then_is_flagged():
    source = ["If you pay the £142.50 by 10 March 2025, you can carry on paying by instalments as shown on your bill."]
    assert [r for r, _ in rule_flags("If you pay £142.50 by 10 March 2025.", source)] == ["meaning-condition"]
    assert rule_flags("If you pay £142.50 by 10 March 2025, you can pay in parts.", source) == []
    assert rule_flags("If you pay by 10 March 2025 you can pay in parts.", source) == []


def test_a_question_asking_the_letters_own_condition_is_supported():
    from easyread.simplify.meaning_rules import restates_condition

    source = (
        "If you are having difficulty paying, please contact us as soon as possible. "
        "If you still disagree, you can appeal to an independent tribunal."
    )
    assert restates_condition("Are you having difficulty paying?", source)
    assert restates_condition("Do you still disagree?", source)
    assert not restates_condition("Do you still agree?", source)  # not what the letter asks
    assert not restates_condition("Are you having difficulty paying.", source)  # not a question
    assert not restates_condition("Do you still disagree?", "You still disagree with us.")  # no 'if'


def test_the_question_made_from_a_long_condition_is_not_marked(settings):
    source = "If you are having difficulty paying your rent, please contact the income team as soon as you can."
    rewrite = f"- {source}"
    engine = FakeEngine(_script(rewrite, verify=lambda user: "\n".join(f"{i}: NO" for i in range(1, 4))))
    result = simplify_document(letter(source, title="Rent"), engine, settings=settings)
    texts = [p.text for p in result.draft.points()]
    assert "Are you having difficulty paying your rent?" in texts
    asked = " ".join(user for kind, user in engine.calls if kind == "verify")
    assert "Are you having difficulty" not in asked  # the rules settle it: the model is not asked
    question = next(p for p in result.draft.points() if p.text.startswith("Are you"))
    assert not any(flag.startswith("meaning") for flag in question.flags)


def test_lines_that_say_the_next_sentence_of_the_paragraph_are_not_passed_on_the_models_word(settings):
    # Read in a real draft of a benefit decision: the rewrite of the "offence" sentence added the next sentence's
    # point without its "and you do not tell me within one month", and the model's second opinion passed both lines.
    offence = (
        "If you deliberately fail to tell me about changes which result in too much benefit being paid, you are "
        "committing an offence and you may be prosecuted."
    )
    backdate = (
        "If the change means that you would get more benefit, and you do not tell me within one month, I will not "
        "usually be able to backdate the change."
    )
    borrowed = [
        "Does the change mean you would get more money?",
        "Then I will not usually be able to backdate the change.",
    ]

    def script(kind, user, chat):
        if kind == "rewrite" and sentence_of(user) == offence:
            return "- If you do not tell me about changes on purpose, you are committing an offence.\n" + "\n".join(
                f"- {b}" for b in borrowed
            )
        return None  # YES to every meaning question

    result = simplify_document(letter(f"{offence} {backdate}", title="Benefit"), FakeEngine(script), settings=settings)
    texts = [p.text for p in result.draft.points()]
    assert "If you do not tell me about changes on purpose, you are committing an offence." in texts
    assert not set(borrowed) & set(texts)
