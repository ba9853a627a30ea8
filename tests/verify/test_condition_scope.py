"""Which clause a letter's condition governs (easyread.verify.conditions.consequence_alone): the parse often hangs an
"if" on the wrong verb, and a faithful split that keeps another clause was flagged as a dropped condition. Letter
sentences are verbatim from benchmarks/easyread_bench/real_letters (06, 07, 16)."""

from easyread.verify import verify_sentence


def kinds(source, output):
    return [p.kind for p in verify_sentence([source], output)]


OTHERWISE = (
    "Please contact me immediately to ensure I have your current financial details, if you do not contact me, the "
    "Council will request a Court Order based on the most recent information we have."
)


def test_an_otherwise_is_not_the_condition_of_the_request_it_denies():
    assert "condition" not in kinds(
        OTHERWISE, "Please contact us straight away so we have your up-to-date money details."
    )
    # The consequence it does govern still needs it.
    assert "condition" in kinds(OTHERWISE, "The Council will ask the court for a Court Order.")


PIP = (
    "A new benefit called Personal Independence Payment (PIP) has been introduced to help with extra costs if you "
    "have a long-term health condition or disability."
)


def test_a_condition_does_not_govern_a_thing_already_done():
    assert "condition" not in kinds(
        PIP, "A new benefit called Personal Independence Payment (PIP) has been introduced."
    )


RELIST = (
    "If you fail to make contact, I will apply for the case to be re-listed in court where the Council will be "
    "seeking a Possession Order, and this could result in you losing your home."
)


def test_a_word_explained_is_not_a_consequence():
    assert "condition" not in kinds(RELIST, "A Possession Order lets us take back your home.")
    assert "condition" in kinds(RELIST, "We will ask the court to look at your case again.")
