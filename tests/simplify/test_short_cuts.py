"""A letter sentence without a condition whose faithful cuts are all short is said as those cuts in the model's
plainer words (REWRITE_SHORT_CUTS), and a plainer line is kept only when it keeps its cut's people, scope words,
names and ways to get in touch (easyread.simplify.plain_lines).

Each refusal below is a line the embedded model wrote for a real letter's cut and the meaning rules passed."""

import pytest

from easyread.simplify.checking import load_default_glossary
from easyread.simplify.condition_cuts import SHORT_CUTS_NOTE, condition_cuts, take_plain_words
from easyread.simplify.meaning_fallback import FAITHFUL_FLAG
from easyread.simplify.pipeline import simplify_document
from easyread.simplify.plain_lines import plain_line_problem
from easyread.simplify.prompts import plain_words_prompt

from .fakes import FakeEngine, plain_cuts
from .letters import letter

GLOSSARY = load_default_glossary()
PERMISSION = "We will ask for proof that you have given them permission to discuss your account."
DLA = "You will not be automatically moved from DLA to PIP."


@pytest.fixture
def settings(settings):
    return {**settings, "REWRITE_CONDITION_CUTS": True, "REWRITE_SHORT_CUTS": True}  # the defaults


@pytest.mark.parametrize(
    "cut, line, why",
    [
        # Who gave permission to whom, swapped.
        (
            "We will ask for proof that you have given them permission to discuss your account with us.",
            "We will ask for proof that you have given us permission to talk about your account.",
            "who",
        ),
        (DLA, "You won't be moved from DLA to PIP.", "scope"),  # you must claim: "automatically" is the point
        (
            "Where applicable, we will contact your mortgage lender to advise them of our intentions.",
            "We will tell your mortgage lender about our plans.",
            "scope",
        ),
        ("You will not be moved from DLA to PIP.", "You will only be moved from DLA to PIP.", "scope"),
        (
            "An admission date has been agreed with you under the care of your Consultant.",
            "An agreement has been made with you to see a doctor.",
            "name",
        ),
        ("A Possession Order for your home.", "A court order to remove your home.", "name"),
        ("We will be in touch to reschedule as soon as possible.", "We will call you to reschedule soon.", "touch"),
        # Read on texts of other publishers: the money turned round, and a duty dropped.
        ("Please pay the amount demanded immediately.", "Please pay the amount you are owed immediately.", "money"),
        ("Please pay the amount demanded in full.", "Please pay the amount demanded.", "scope"),
        (
            "Council employees may need to enter your home at reasonable times.",
            "Council employees may enter your home at reasonable times.",
            "duty",
        ),
        # Read in full drafts of a fourth set of publishers: the kind of tenancy, and of tenant, left out.
        (
            "We offer an introductory tenancy for 12 months to new council tenants.",
            "We offer a tenancy for 12 months to new tenants.",
            "kind",
        ),
        ("Are you an assured tenant of a housing association?", "Are you a tenant of a housing association?", "kind"),
        ("You have not paid your ground rent.", "You have not paid your rent.", "kind"),
    ],
)
def test_a_plainer_line_that_changes_people_scope_names_or_contact_is_refused(cut, line, why):
    problem = plain_line_problem(cut, line)
    assert problem is not None
    said = {"who": "who is said", "scope": "scope", "name": "name", "touch": "get in touch", "money": "money goes"}
    assert {**said, "duty": "duty", "kind": "which kind"}[why] in problem


@pytest.mark.parametrize(
    "cut, line",
    [
        ("They can offer advice and support.", "They can give you advice and help."),  # the reader made explicit
        ("Are you struggling financially?", "Are you having trouble with your money?"),
        ("We are unable to offer you an appointment at this time.", "We can't give you an appointment right now."),
        (
            "The first payment must be made on or before 15 June 2026.",
            "The first payment must be made by 15 June 2026.",
        ),
        ("Please contact us on 020 7946 0000.", "Please call us on 020 7946 0000."),  # a phone number is called
        ("You are required to pay the charge.", "You must pay the charge."),  # a duty in other words
        ("Please pay the debt you owe.", "Please pay the money you owe."),
        (
            "Please attend the Court Hearing to explain it to the Judge.",
            "Please go to the court hearing to tell the judge.",
        ),
        # A word that picks out no kind may go, and so may a kind said in other words.
        (
            "All rent changes have been made in accordance with the relevant Consumer Price Index (CPI).",
            "All rent changes have been made according to the Consumer Price Index (CPI).",
        ),
        ("Are you facing any financial difficulty?", "Are you having trouble with money?"),
    ],
)
def test_a_plainer_line_that_keeps_them_passes(cut, line):
    assert plain_line_problem(cut, line) is None


def test_the_prompt_says_how_many_lines_to_write():
    one = plain_words_prompt([DLA], [], [])[-1]["content"]
    two = plain_words_prompt(["Are you 75 or over?", "Then you can ask for a kit."], [], [])[-1]["content"]
    assert "Write exactly 1 line:" in one and "Write exactly 2 lines:" in two


def test_only_short_cuts_of_a_sentence_without_a_condition_are_said_as_cuts():
    assert condition_cuts(DLA, GLOSSARY) is None  # REWRITE_SHORT_CUTS off
    assert condition_cuts(DLA, GLOSSARY, others=True).pieces == [DLA]
    long = (
        "Information and advice about Housing Benefit and Debt Counselling and Money Management and your rights "
        "as a tenant is available at www.hackney.gov.uk."
    )
    assert condition_cuts(long, GLOSSARY, others=True) is None  # a cut over 15 words: the model rewrites it
    # Conditions keep their own setting.
    assert (
        condition_cuts("If you are 75 or over, you can ask for a kit.", GLOSSARY, conditions=False, others=True) is None
    )


def test_take_plain_words_refuses_a_line_that_drops_automatically():
    cuts = condition_cuts(DLA, GLOSSARY, others=True)
    assert take_plain_words(["You won't be moved from DLA to PIP."], cuts, DLA, GLOSSARY) == [None]
    assert take_plain_words(["You won't be moved from DLA to PIP automatically."], cuts, DLA, GLOSSARY) == [
        "You won't be moved from DLA to PIP automatically."
    ]


def _draft(settings, script, *paragraph):
    engine = FakeEngine(script)
    result = simplify_document(letter(*paragraph, title="Your account"), engine, settings=settings, glossary=GLOSSARY)
    return result, engine


def test_a_sentence_with_short_cuts_is_said_in_plainer_words_and_a_swapped_line_falls_back(settings):
    def swap(kind, user, chat):
        if kind == "plain":
            return plain_cuts(user).replace("given them permission", "allowed us")
        return None

    result, engine = _draft(settings, swap, PERMISSION)
    assert any(k == "plain" and PERMISSION in u for k, u in engine.calls)
    assert not any(k == "rewrite" and "permission" in u for k, u in engine.calls)
    said = [p for p in result.draft.points() if "permission" in p.text]
    assert [p.text for p in said] == [PERMISSION]  # the letter's words: "given us" reversed who was given it
    assert FAITHFUL_FLAG in said[0].flags
    assert any(f["message"] == SHORT_CUTS_NOTE for f in said[0].findings)
    assert said[0].sources  # traced to the letter sentence

    def plainer(kind, user, chat):
        return plain_cuts(user).replace("given them permission", "allowed them") if kind == "plain" else None

    result, _ = _draft(settings, plainer, PERMISSION)
    texts = [p.text for p in result.draft.points()]
    assert "We will ask for proof that you have allowed them to discuss your account." in texts


def test_with_the_setting_off_the_model_rewrites_the_sentence(settings):
    _, engine = _draft({**settings, "REWRITE_SHORT_CUTS": False}, None, PERMISSION)
    assert any(k == "rewrite" and "permission" in u for k, u in engine.calls)
    assert not any(k == "plain" for k, _ in engine.calls)


@pytest.mark.model
@pytest.mark.timeout(1500)
def test_the_real_model_says_a_short_sentence_in_checked_plainer_words():
    from easyread.engines.registry import get_engine

    engine = get_engine("embedded", {"MODEL_CACHE": "", "MODEL_BATCH_SIZE": 8})
    settings = {"REWRITE_REPAIR_ROUNDS": 1, "REWRITE_BEST_OF": 1, "REWRITE_BATCH_SIZE": 8}  # cuts on by default
    doc = letter("Disability Living Allowance (DLA) will end soon for most people.", DLA, title="PIP")
    result = simplify_document(doc, engine, settings=settings, glossary=GLOSSARY)
    (sid,) = [s.id for s in doc.sentences() if "automatically" in s.text]
    said = [p for p in result.draft.points() if p.sources == [sid] and '" means: ' not in p.text]
    assert len(said) == 1, [p.text for p in said]
    # Whatever words the model chose, the line is the letter's cut or keeps its scope word and names.
    assert said[0].text == DLA or plain_line_problem(DLA, said[0].text) is None
    assert "automatically" in said[0].text.lower() and "DLA" in said[0].text and "PIP" in said[0].text


def test_a_plainer_line_the_meaning_check_cannot_confirm_becomes_its_cut_not_a_mark(settings):
    # Read in real drafts: "The coronavirus pandemic has affected many people in Hackney, including financially."
    # stayed marked "meaning-unverified" for a person, where the letter's cut says the same without a doubt.
    sentence = (
        "However, we know that the coronavirus pandemic has had a direct impact on many people in Hackney, "
        "including financially."
    )
    cut = "The coronavirus pandemic has had a direct impact on many people in Hackney, including financially."
    plainer = "The coronavirus pandemic has affected many people in Hackney, including financially."

    def script(kind, user, chat):
        if kind == "plain":
            return plain_cuts(user).replace("has had a direct impact on", "has affected")
        if kind == "verify":
            return "I am not sure."  # no usable answer: the line cannot be confirmed
        return None

    result, engine = _draft(settings, script, sentence)
    assert any(k == "plain" for k, _ in engine.calls)
    said = {p.text: p for p in result.draft.points()}
    assert plainer not in said
    assert cut in said
    assert FAITHFUL_FLAG in said[cut].flags and not any(f.startswith("meaning-") for f in said[cut].flags)
    assert any(plainer in f["message"] for f in said[cut].findings)
    assert list(said).count(cut) == 1


def test_a_plainer_question_in_words_the_letter_does_not_use_is_not_left_out_as_empty(settings):
    # Read in a real draft: the question went as "saying nothing of its letter sentence" (no word of it), and its
    # "Then you can get help with your rent." stayed, hanging on no question.
    sentence = "If you are facing any financial difficulty, you can also get advice about paying your rent."

    def script(kind, user, chat):
        if kind == "plain":
            return plain_cuts(user).replace("facing any financial difficulty", "having trouble with money")
        return None

    result, engine = _draft({**settings, "REWRITE_CONDITION_CUTS": True}, script, sentence)
    assert any(k == "plain" for k, _ in engine.calls)
    texts = [p.text for p in result.draft.points()]
    question = texts.index("Are you having trouble with money?")
    assert texts[question + 1].startswith("Then you can also get advice")
