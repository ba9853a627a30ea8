"""False alarms on rewrites that keep the meaning, fixed by their general cause (easyread.verify.related and the
rules that use it), each beside the error the rule must still catch. A flagged faithful sentence is repaired or
marked for a person, so every false alarm costs staff time."""

from easyread.verify import verify_sentence


def kinds(source, output):
    return [p.kind for p in verify_sentence([source], output)]


def test_legal_action_and_orders_are_the_courts():
    source = "Should legal action be necessary, any increase to the arrears stated above will be added."
    assert "invented" not in kinds(source, "If we go to court, we will add any more money you owe by then.")
    # A party the letter's words do not imply is still brought in.
    assert "invented" in kinds(source, "If your landlord goes to court, we will add any more money you owe.")
    order = "The order must be based on one of the Grounds which are set out in the 1985 Act (see paragraphs 3 and 4)."
    assert "invented" not in kinds(order, "The court order must be for one of the reasons in the law.")
