"""A short noun or "-ing" line that leads into a paragraph is a heading, not a sentence for the model to rewrite."""

from easyread.documents.model import EasyReadDocument
from easyread.simplify.plan import plan_letter
from easyread.simplify.trace import coverage

from .letters import letter

BODY = "When you leave hospital, you will be given any new medicines and more of your own medicines."


def _units(doc):
    return {u.text: u.heading for u in plan_letter(doc).units}


def test_a_topic_line_names_the_part_after_it():
    doc = letter("Getting more medicines", BODY, "Access to your home", "We will tell you when we intend to call.")
    units = _units(doc)
    assert "Getting more medicines" not in units and "Access to your home" not in units
    assert units[BODY] == "Getting more medicines"
    assert units["We will tell you when we intend to call."] == "Access to your home"
    # A heading carries no information of its own: it is never listed as "Not in the Easy Read yet".
    informative = {s.text for s in coverage(doc, EasyReadDocument(title="x", sections=[])).informative}
    assert "Getting more medicines" not in informative and BODY in informative


def test_two_headings_in_a_row_lead_into_the_paragraph_after_them():
    doc = letter("Council Tax", "First Reminder", "We will send you a reminder if you do not pay on time.")
    units = _units(doc)
    assert set(units) == {"We will send you a reminder if you do not pay on time."}


def test_lines_that_say_something_stay_sentences():
    doc = letter(
        "At the court hearing on 2 June 2026 the judge granted the following:",
        "Suspended Possession Order",  # what the judge granted: the lead-in's content, not a heading
        "The Housing Needs address is:",
        "Hackney Service Centre",
        "1 Hillman Street, London, E8 1DY",  # a line of an address, not a sentence
        "The Day Surgery Unit,",
        "Location of contravention: Example Road",
        "Pay your rent on time",  # an order: its root is a verb
        "You must pay £20.00 each week.",
    )
    units = _units(doc)
    for line in (
        "Suspended Possession Order",
        "Hackney Service Centre",
        "The Day Surgery Unit,",
        "Pay your rent on time",
    ):
        assert line in units, line
    assert any(u.startswith("Location of contravention") for u in units)


def test_a_title_line_above_the_letters_first_sentence_is_not_rewritten():
    # Read in full drafts of other publishers: sent to the model as a sentence, "Council tenants" under the council's
    # name came back as "The people who live in the council homes."
    offer = "We offer an introductory tenancy for 12 months to new council tenants."
    units = _units(letter("Council tenants", offer, title="Swindon Borough Council"))
    assert set(units) == {offer}
    # A line that says something above the first sentence is the letter's own point (a real DWP letter's).
    ending = "Your Disability Living Allowance is ending"
    assert ending in _units(letter(ending, offer, title="Your letter"))
    # An order above the first sentence is the letter's own point, and stays one.
    renew = "You can renew your garden waste subscription for 12 months by making a one-off payment."
    assert "Renew your garden waste collection" in _units(
        letter("Renew your garden waste collection", renew, title="Garden waste")
    )


def test_a_lead_in_line_is_never_the_title():
    # Read in a real school letter: "Our current Lunch Money Policy states:" was taken as the title, so the policy it
    # leads into (the one being replaced) was rewritten as the rule, without "current".
    old = "Any student with arrears of more than £10 is supplied with a sandwich, drink and fruit."
    units = _units(letter("Our current Lunch Money Policy states:", old, title=""))
    assert "Our current Lunch Money Policy states:" in units and old in units
    # A short first line without a colon is still the title.
    assert set(_units(letter("Lunch money", old, title=""))) == {old}
