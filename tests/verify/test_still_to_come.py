"""Done in the letter, still to come in the Easy Read: the resident would wait for what has already happened."""

from easyread.verify import verify_sentence

# A Hackney notice of a court hearing (benchmarks/easyread_bench/real_letters/06), read sentence by sentence.
SOURCE = ["The Court will have contacted you about this."]


def test_a_contact_the_letter_says_has_come_is_not_said_as_still_to_come():
    problems = verify_sentence(SOURCE, "The court will contact you about the hearing.")
    assert [p.kind for p in problems] == ["invented"] and "already happened" in problems[0].message


def test_the_same_thing_said_as_done_passes():
    assert verify_sentence(SOURCE, "The court has contacted you about this.") == []
    assert verify_sentence(["We have sent you a bill."], "We sent you a bill.") == []
    assert verify_sentence(["We will send you a bill."], "We will send you a bill soon.") == []
