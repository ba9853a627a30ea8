"""easyread.verify.claims: claims the letter sentence does not make, and parts of it a rewrite drops.

Each unfaithful case is a real output of the embedded model on the Hackney letters 02 and 03
(benchmarks/easyread_bench/real_letters), with its letter sentence verbatim; each faithful case beside it is a rewrite of the
same letter sentence that must pass."""

from __future__ import annotations

import pytest

from easyread.verify import assess

STATUS = (
    "This letter does not alter the legal status of the Council or the tenants and is only intended to set out the "
    "level of repayment of arrears of rent."
)
NOSP = "If you don’t talk to us, and we can’t solve the problem we may issue a Notice of Seeking Possession."
COURT = (
    "A copy of this letter may be presented in court to form the basis of a Court Order Order against you in the "
    "event the Council commences legal proceedings against you."
)
THANKS = (
    "Thank you for contacting me about your rent arrears, and this letter confirms the agreement you have made to "
    "clear your arrears."
)
PROOF = "We will ask them for proof that you have given them permission to discuss your account first."


def kinds(source: str, output: str, context: str = "") -> list[str]:
    return [p.kind for p in assess([source], output, context=context).problems]


@pytest.mark.parametrize(
    ("source", "output", "kind"),
    [
        (STATUS, "This is not a legal document.", "negation"),
        (NOSP, "If you don't talk to us, we may issue a Notice of Seeking Possession.", "condition"),
        (COURT, "To make a court order against you, a copy of this letter is necessary.", "modal"),
        (THANKS, "This agreement means you owe money because you did not pay on time.", "invented"),
        (PROOF, "We will ask them for proof.", "fragment"),
        (PROOF, "First, we will ask them for proof.", "fragment"),
    ],
)
def test_a_claim_the_letter_sentence_does_not_make_is_found(source, output, kind):
    assert kind in kinds(source, output)


@pytest.mark.parametrize(
    ("source", "output"),
    [
        (STATUS, "This letter does not change the legal status of the Council or the tenants."),
        (NOSP, "If you don't talk to us and we can't solve the problem, we may issue a Notice of Seeking Possession."),
        (COURT, "A copy of this letter may be shown in court."),
        (PROOF, "We will ask them for proof that you have given them permission to discuss your account."),
    ],
)
def test_the_faithful_rewrite_of_the_same_sentence_raises_none_of_these(source, output):
    found = kinds(source, output)
    assert not {"negation", "condition", "modal", "fragment"} & set(found), found


def test_the_dropped_part_of_a_condition_is_named():
    [problem] = [
        p for p in assess([NOSP], "If you don't talk to us, we may issue a Notice.").problems if p.kind == "condition"
    ]
    assert "we can’t solve the problem" in problem.message


def test_the_condition_said_in_the_sentence_before_is_not_dropped():
    context = "We can't solve the problem."
    assert "condition" not in kinds(
        NOSP, "If you don't talk to us, we may issue a Notice of Seeking Possession.", context
    )


def test_a_reason_the_letter_gives_is_not_invented():
    source = "We have stopped your Housing Benefit because you did not send us the form we asked for."
    assert "invented" not in kinds(source, "We stopped your Housing Benefit because you did not send the form.")


def test_proof_said_in_the_line_before_is_not_lost():
    context = "You must give them permission to discuss your account."
    assert "fragment" not in kinds(PROOF, "We will ask them for proof.", context)


def test_necessary_where_the_letter_says_must_is_not_a_modal_change():
    source = "You must bring your appointment letter with you."
    assert "modal" not in kinds(source, "Your appointment letter is necessary.")


@pytest.mark.parametrize(
    ("source", "output"),
    [
        # Faithful rewrites of the labelled pairs (benchmarks/easyread_bench/meaning/pairs.csv) the first version of these rules
        # raised false alarms on: a purpose ("to claim PIP") or an alternative ("or ...") is not a part of the
        # condition every "if" needs, a paraphrase of the letter's own denial is not a new one, and a reason said in
        # the letter's words is not invented.
        ("If you do not contact us to claim PIP your DLA will end.", "If you don't contact us, your DLA will end."),
        (
            "If you plan to cancel let me know as soon as possible, so another patient may be given the chance to "
            "attend.",
            "If you want to cancel, tell me as soon as you can.",
        ),
        (
            "If you are evicted from your home the Council may not provide you and anyone else who is part of your "
            "household with other accommodation.",
            "If you are evicted, we may not give you or your family another home.",
        ),
        (
            "Under the terms of your lease/transfer agreement, you are required to pay ground rent and service "
            "charges.",
            "Ground rent is a charge you pay us because you have a lease.",
        ),
        (
            "We are writing to you as your non-payment of service charges and ground rent totalling £1,876.35 is a "
            "breach of these terms.",
            "We are writing because you have not paid £1,876.35.",
        ),
    ],
)
def test_faithful_rewrites_the_rules_once_alarmed_on_pass_these_rules(source, output):
    found = kinds(source, output)
    assert not {"negation", "condition", "invented"} & set(found), found
