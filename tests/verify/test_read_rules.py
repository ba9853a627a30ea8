"""Rules from reading real drafts of the embedded model on real letters sentence by sentence (the lead's reads of
letters 03 and 16): each unfaithful line is the model's own, beside a faithful rewrite of the same letter sentence
that the rule must leave alone."""

from easyread.simplify.checking import load_default_glossary
from easyread.verify import assess, verify_sentence

GLOSSARY = load_default_glossary()


def kinds(source, output, glossary=GLOSSARY):
    return [p.kind for p in verify_sentence([source], output, glossary=glossary)]


def test_a_sentence_cut_after_when_is_a_fragment():
    # The reader is not told when they must be with the caller: the clause after "when" is gone.
    source = "Someone else can call for you, but you will need to be with them when they call."
    assert "fragment" in kinds(source, "Someone else can call for you, but you will need to be with them when.")
    assert kinds(source, "Someone else can call for you. You must be with them when they call.") == []


def test_a_question_word_its_verb_can_leave_out_is_not_a_fragment():
    # "tell you when" is whole English: the question is the object of "tell", left unsaid.
    source = "We will let you know the date of your appointment."
    assert "fragment" not in kinds(source, "We will tell you when.")


def test_only_a_purpose_phrase_is_a_fragment():
    # The model kept the letter's purpose ("to form the basis of a Court Order") and cut who does what.
    source = (
        "A copy of this letter may be presented in court to form the basis of a Court Order Order against you in "
        "the event the Council commences legal proceedings against you."
    )
    assert "fragment" in kinds(source, "To make a court order against you.")
    assert "fragment" not in kinds(source, "We may show this letter in court to get a court order against you.")


def test_a_heading_with_to_is_not_a_fragment():
    source = "You can pay your rent online or by phone."
    assert "fragment" not in kinds(source, "To pay your rent:")


PIP_DEADLINE = "If you want to claim PIP call 0800 917 2222 by 12 December 2023."


def test_a_deadline_said_as_an_order_without_its_condition_is_flagged():
    # The verbs differ ("call" / "be made"); the shared date ties the order to the letter's conditional action.
    assert "condition" in kinds(PIP_DEADLINE, "This call must be made by 12 December 2023.")
    assert "condition" in kinds(PIP_DEADLINE, "You must call 0800 917 2222 by 12 December 2023.")


def test_a_deadline_with_its_condition_or_purpose_kept_passes():
    assert "condition" not in kinds(PIP_DEADLINE, "To claim PIP, you must call 0800 917 2222 by 12 December 2023.")
    assert "condition" not in kinds(PIP_DEADLINE, "If you want PIP, call 0800 917 2222 by 12 December 2023.")
    # The sentence before says what the call is for: "This call" goes on from it.
    found = verify_sentence(
        [PIP_DEADLINE],
        "This call must be made by 12 December 2023.",
        glossary=GLOSSARY,
        context="Call 0800 917 2222 to claim PIP.",
    )
    assert [p.kind for p in found if p.kind == "condition"] == []


def test_an_order_sharing_the_letters_object_without_its_condition_is_flagged():
    # A real holdout pair: the object ("the full cost of your care") ties the order to the letter's consequence.
    source = (
        "If you do not want to tell us about your finances you will have to pay the full cost of your care yourself."
    )
    assert "condition" in kinds(source, "You will have to pay the full cost of your care yourself.")
    assert "condition" not in kinds(
        source, "If you do not tell us about your money, you will have to pay the full cost of your care."
    )


PIP_NEW = (
    "A new benefit called Personal Independence Payment (PIP) has been introduced to help with extra costs if you "
    "have a long-term health condition or disability."
)


def test_a_needed_thing_the_letter_sentence_does_not_name_is_invented():
    # "assessment" comes from elsewhere in the letter: the sentence says nothing of what the reader needs.
    output = "They may need an assessment to get help if you have a long-term health condition or disability."
    assert "invented" in kinds(PIP_NEW, output)


def test_a_plain_retelling_or_the_letters_own_need_in_other_words_passes():
    faithful = "PIP is a new benefit. It helps with extra costs if you have a long-term health condition or disability."
    assert kinds(PIP_NEW, faithful) == []
    # A real dev pair: the letter's own need ("further investigations") said in plainer words.
    source = "Around 2 in every 100 people who return a kit may need further investigations such as a colonoscopy."
    assert kinds(source, "About 2 in every 100 people who send back a kit may need more tests.") == []


ACCESS = (
    "If you would like Braille, British Sign Language, a hearing loop, translations, large print, audio or something "
    "else please tell us using the phone number at the top of this letter."
)


def test_a_place_moved_from_a_thing_to_an_action_goes_to_the_model():
    # The letter's "at the top of this letter" says where the phone number is; "call us at the top of the letter"
    # drops the number. A labelled test pair reads the same line as faithful, so the rules ask the model.
    found = assess([ACCESS], "Please call us at the top of the letter.", glossary=GLOSSARY)
    assert "fact-moved" in [kind for kind, _ in found.undecided]
    assert found.problems == []


def test_a_place_kept_with_its_thing_is_not_sent_for_it():
    found = assess([ACCESS], "Call the number at the top of the letter.", glossary=GLOSSARY)
    assert "fact-moved" not in [kind for kind, _ in found.undecided]
