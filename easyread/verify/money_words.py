"""Money words the meaning verifier compares on: which verbs move money which way, which nouns are money, and
the wording that shows money going to or from the reader when no verb says so.
"""

from __future__ import annotations

import re

from easyread.verify.plain_words import stem

# Money verbs: which way the money goes. "to": from the subject to the recipient; "from": from the object
# (or "from X") to the subject.
MONEY_TO = {"pay", "repay", "give", "owe", "send"}
MONEY_FROM = {"recover", "charge", "receive"}
# Groups that return money already paid; a "back" particle turns pay / give / take into them.
BACK = {"repay", "recover", "owe", "charge"}

# Verbs that move money only when their object is money ("give you a refund", not "give you a form").
MONEY_MAYBE = {"give", "send", "receive", "recover"}
MONEY_WORDS = {
    stem(x)
    for x in [
        "money",
        "payment",
        "refund",
        "benefit",
        "amount",
        "cash",
        "fee",
        "charge",
        "cost",
        "overpayment",
        "debt",
        "arrears",
        "rent",
        "balance",
        "fine",
        "grant",
        "allowance",
        "credit",
        "loan",
        "compensation",
        "bill",
        "invoice",
        "sum",
        "pound",
        "pence",
        "repayment",
        "wages",
        "salary",
    ]
}
# Evidence in a letter that money goes from the council to the reader, or from the reader to the council, when
# no verb says so ("your arrears", "amount payable", "you may incur charges").
TO_YOU = re.compile(
    r"\b(refund|reimburs|benefit|grant|award|compensat|allowance|credit|pay(s|ing)? you|paid (to )?you|"
    r"overpa(id|yment)|paid into your|into your (bank )?account|your payments?\b|"
    r"pay (it|this|them) (in)?to you|give you (money|£)|we (will )?pay|"
    # "The money you receive as a Direct Payment is for ...": the reader gets it, though the verb is in a clause
    r"(money|payments?|amount) (that )?you (will )?(receive|get)|you (will )?(receive|get) (the |a |your )?(money|payments?|£))\w*",
    re.IGNORECASE,
)
BACK_TO_YOU = re.compile(
    r"\b(refund|reimburs|repay you|pay you back|paid back to you|return(ed)? to you|credit)\w*", re.IGNORECASE
)
FROM_YOU = re.compile(
    r"\b(arrears|owe|owing|pay|payable|charge|cost|fee|bill|invoice|repay|overpa|balance|rent|debt|"
    r"incur|fine|penalt|due|shortfall|contribut|instal)\w*",
    re.IGNORECASE,
)
