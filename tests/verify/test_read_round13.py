"""Rules from stop 33, from errors read in full drafts of new letters, each beside a sibling of the same shape that
keeps its verdict; through the real spaCy parse."""

from easyread.verify.rules import assess

PARCELS = (
    "The food parcels can be collected from the Infant and Junior site on a Wednesday with the first one being "
    "available on Wednesday 13th January."
)


def _kinds(letter, line, context=""):
    return [p.kind for p in assess([letter], line, context=context).problems]


def test_a_line_saying_where_to_collect_without_the_place_is_a_problem():
    # Read in a full draft: the resident goes to the wrong place.
    problems = assess([PARCELS], "The food parcels can be collected on a Wednesday.").problems
    assert [p.kind for p in problems] == ["fact-moved"]
    assert "from the Infant and Junior site" in problems[0].message
    # What another line of the sentence may say instead, as stems: the place's name, when it has one.
    assert problems[0].omits == {"infant", "junior"}
    # "Go to the site." does not say which one.
    assert _kinds(PARCELS, "The food parcels can be collected from the site on a Wednesday.") == ["fact-moved"]


def test_the_place_said_in_the_line_or_the_line_before_is_kept():
    assert not _kinds(PARCELS, "You can collect the food parcels from the Infant and Junior site on a Wednesday.")
    assert not _kinds(
        PARCELS, "Then the food parcels can be collected on a Wednesday.", context="Go to the Infant and Junior site."
    )
    # Where money is taken from is not a place to go.
    letter = "We can arrange for your employer to take the money you owe from your salary each month."
    assert not _kinds(letter, "Your employer can take the money you owe each month.")


def test_only_a_place_of_going_or_moving_a_thing_counts():
    # "to you" is a party (other rules read it), "at any time" is a time, and "speak" moves nothing.
    assert not _kinds("You can return the form to us at any time.", "You can return the form at any time.")
    assert not _kinds(
        "You can speak to an adviser at the Citizens Advice Bureau.", "You can speak to an adviser about this."
    )


def test_a_cheques_payee_said_as_where_to_send_it_is_a_money_problem():
    # Read in a full draft of a school trip letter: the parent posts the cheque to an address never given.
    letter = "Cheques should be made payable to Example Academy."
    problems = assess([letter], "Cheques should be sent to Example Academy.").problems
    assert [p.kind for p in problems] == ["money"]
    assert "payable to Example Academy" in problems[0].message
    assert not _kinds(letter, "Cheques should be made out to Example Academy.")
    assert not _kinds(letter, "Write Example Academy on your cheque as the name to pay.")


def test_the_first_sentence_of_a_two_sentence_explanation_said_as_a_sentence_is_the_glossarys(glossary):
    # The explanation was split after lower-casing, and the splitter does not cut "... each year. it pays ...", so
    # a two-sentence explanation was matched only whole and the model was asked about the glossary's own words.
    verdict = assess(["Council Tax"], "Council tax is the money you pay to the council each year.", glossary=glossary)
    assert not verdict.problems and not verdict.undecided
    # Words that are not the explanation's are still left to the model.
    other = assess(["Council Tax"], "Council tax is the money you pay to the police each week.", glossary=glossary)
    assert other.problems or other.undecided


def test_a_line_dropping_until_or_as_long_as_says_it_holds_for_ever():
    letter = "Your benefit will be suspended until you provide the information."
    assert _kinds(letter, "Your benefit will be suspended.") == ["condition"]
    assert not _kinds(letter, "Your benefit will be stopped until you give us the information.")
    letter = "We will not take any further action as long as you keep to the agreement."
    assert _kinds(letter, "We will not take any further action.") == ["condition"]
    assert not _kinds(letter, "We will not take any further action as long as you keep to the agreement.")
    # "while" says when, not how long it holds: left to the other rules.
    assert not _kinds(
        "You can stay in the property while we look for a new home for you.", "You can stay in the property."
    )


def test_the_day_a_thing_runs_until_said_as_the_day_it_ends_is_not_moved():
    letter = "Your subscription will be backdated to 1 April 2026 and will run until 31 March 2027."
    assert not _kinds(letter, "It will end on 31 March 2027.")
    # A last day to act is still not the day something happens.
    assert _kinds("Please call us by 12 December 2026.", "This call will be made on 12 December 2026.") == [
        "fact-moved"
    ]
    # Nor is an end date given to another action.
    assert _kinds(letter, "You must pay on 31 March 2027.")


def test_a_date_the_letter_gives_for_a_thing_said_of_the_same_thing_is_not_moved():
    letter = (
        "Following our assessment meeting with you on Thursday 12 March 2026, we have determined that you are "
        "eligible to receive support."
    )
    assert "fact-moved" not in _kinds(letter, "We held an assessment meeting with you on Thursday 12 March 2026.")
    # A date the letter puts on an action is still not another action's.
    assert _kinds("You must pay the invoice within 14 days.", "You must tell us about the invoice within 14 days.") == [
        "fact-moved"
    ]


def test_an_order_inside_what_a_line_tells_is_not_an_order_it_gives():
    letter = "The Direct Payments Advisor can provide advice to you on record keeping and storage."
    assert not _kinds(letter, "They can tell you what you need to do to keep your records.")
    # The same order given outright is still added.
    assert _kinds(letter, "You need to keep your records.") == ["modal"]


def test_unable_is_not_able():
    letter = "If you have not told us by Thursday at 4pm, we will be unable to provide a food parcel for that week."
    assert not _kinds(
        letter, "If you do not tell us by Thursday at 4pm, we will not be able to give you a food parcel."
    )
    # The "not" taken away is still lost.
    assert "negation" in _kinds(
        letter, "If you do not tell us by Thursday at 4pm, we will be able to give you a parcel."
    )


def test_a_condition_with_a_consequence_of_its_own_is_for_the_model_not_a_dropped_consequence():
    letter = "Telephone interpreters are available if you speak little or no English."
    verdict = assess([letter], "If you speak little or no English, we can help you.")
    assert not verdict.problems and verdict.undecided
    # A line that is only the condition still says nothing of what happens then.
    assert "condition" in _kinds(letter, "If you speak little or no English.")


def test_losing_the_right_to_do_something_is_no_longer_being_able_to():
    letter = (
        "If you pay the second reminder within seven days, but you then miss another instalment later in the year, "
        "you will lose the right to pay by instalments."
    )
    assert "negation" in _kinds(letter, "If you miss another payment, you can still pay in instalments.")
    assert "negation" not in _kinds(letter, "If you then miss another payment, you cannot pay in instalments.")


def test_invoices_the_reader_gives_us_are_records_not_a_bill_to_us():
    letter = "You will be required to provide bank statements, time sheets, invoices and receipts every three months."
    assert "money" not in _kinds(letter, "You must give us your invoices and receipts every three months.")
    # A bill we send is still money the reader pays.
    billed = "If you stop receiving Housing Benefit we will send you an invoice for the amount you owe."
    assert _kinds(billed, "If your Housing Benefit stops, please send us an invoice.")


def test_one_end_of_a_range_is_said_by_the_letter():
    letter = "Your test result should be posted to you within one to two weeks of sending off your kit."
    assert not _kinds(letter, "Your test result should be posted to you within two weeks.")
    assert not _kinds(
        "Please allow at least two to three hours for your visit.", "Please allow at least 2 hours for your visit."
    )
    # A number outside the range is still added.
    assert _kinds(letter, "Your test result should be posted to you within three weeks.") == ["invented"]


def test_may_find_that_you_have_to_is_a_chance_and_for_example_if_is_one_case():
    letter = (
        "We apologise that during the change-over period you may find that you have to wait longer for a collection "
        "for example, if you change from a Monday one week to a Thursday the next."
    )
    assert not _kinds(letter, "You might have to wait longer for a collection.")
    # "For example, if ..." before what it governs is still the condition of it.
    savings = "For example, if you have more than £23,250 in savings we will ask you to pay the full cost for services."
    assert "condition" in _kinds(savings, "We will ask you to pay the full cost for services.")


def test_advice_to_use_is_the_readers_and_whether_or_not_denies_nothing():
    letter = "We recommend you use public transport to get here if possible as car parking on the site is limited."
    assert not _kinds(letter, "We suggest using public transport to get here.")
    # Something the letter never says costs nothing is still added.
    assert _kinds(letter, "Parking at the hospital is free for patients.") == ["invented"]
    assert not _kinds(
        "We will contact you again as soon as a place becomes available.", "We will contact you when a place is free."
    )
    registered = "You have to respond every year whether or not you are already registered."
    assert "negation" not in _kinds(registered, "You have to respond even if you are already registered.")
    assert "negation" in _kinds("You are already registered.", "You are not registered.")


def test_near_words_of_the_letter_are_not_new_claims():
    # "taken the decision to introduce a charge" is "decided to add a fee"
    letter = "Reluctantly, we have taken the decision to introduce an annual charge for the garden waste service."
    assert "negation" not in _kinds(letter, "We decided to add a fee for the garden waste service.")
    # "strongly encouraged to register" is "should register", not an order the letter does not give
    encouraged = "Parents of children who receive free school meals are strongly encouraged to register online."
    assert not _kinds(encouraged, "Parents should register online.")
    assert _kinds(encouraged, "Parents must register online.")
    # "telephone the office by Friday" is "contact the office by Friday"
    phone = "If you are unsure, please telephone the school office team by Friday 26th January to discuss this."
    assert "fact-moved" not in _kinds(
        phone, "If you are unsure, please contact the school office by Friday 26th January."
    )
    # "As from Monday 4th May ... introducing" starts on that day
    started = "As from Monday 4th May, the Council will be introducing a Direct Payment system for parents."
    assert "fact-moved" not in _kinds(started, "The Council will start offering Direct Payment on Monday 4th May.")


def test_a_price_for_having_something_done_is_not_money_the_reader_gets():
    letter = "Use our special collection service where you can get up to six bags of garden waste removed for £10."
    assert "money" not in _kinds(
        letter, "Use our special collection service to get six bags of garden waste removed for £10."
    )
    assert "money" in _kinds(letter, "We will give you £10 for six bags of garden waste.")


def test_whom_a_letter_is_sent_to_is_not_a_place_left_out():
    letter = (
        "Use the reference number at the top of the letter we are sending out to all residents that use the service."
    )
    assert not _kinds(letter, "Use the reference number at the top of the letter we are sending out.")


def test_up_to_and_including_a_date_is_until_it():
    letter = "This system was introduced as an interim measure and will continue upto and including Friday 1st May."
    assert not _kinds(letter, "This system will continue until Friday 1st May.")
    assert _kinds(letter, "This system will continue until Friday 8th May.") == ["invented"]


def test_should_they_wish_inside_a_sentence_is_its_condition():
    letter = (
        "This scheme will also apply and parents will be required to pay for the meal in school should they wish "
        "their child to have one."
    )
    assert _kinds(letter, "Parents must pay for meals in school.") == ["condition"]
    assert not _kinds(letter, "Parents must pay for meals in school if they want their child to have one.")
    # The clause before the one it governs is not under it.
    assert not _kinds(letter, "This scheme will also apply.")


def test_it_after_a_line_naming_another_thing_of_the_letter_reads_as_that_thing():
    letter = (
        "You may also be offered a vaccination against pneumococcal disease which can cause severe pneumonia or a "
        "new vaccine to reduce the chance of getting shingles."
    )
    line = "It can cause serious pneumonia."
    assert _kinds(letter, line, context="You can get a pneumococcal vaccine.") == ["agent"]
    # After a line that names the disease, "It" is the disease.
    assert not _kinds(letter, line, context="Pneumococcal disease is an illness.")
    assert not _kinds(
        letter, "This disease can cause serious pneumonia.", context="You can get a pneumococcal vaccine."
    )


def test_whom_to_contact_said_as_an_office_the_letter_never_names():
    letter = (
        "If you don’t receive confirmation of your new entitlement by 30 April 2018 please call your local housing "
        "benefit department."
    )
    assert _kinds(letter, "If not, please call your local money office.") == ["agent"]
    # The letter's own name for it, or a shorter one of its words, still passes.
    assert not _kinds(letter, "If not, please call your local housing benefit department.")
    assert not _kinds(letter, "If not, please call your housing benefit office.")
