"""Co-design review with residents, the rules without the database: redaction of personal data, the
approval gate, hard words and read-aloud speech. No Flask or database here.

The rows (rounds, reviewers' access, feedback, retention) are kept by `easyread.records`; the staff pages
are `easyread.web.review_staff`, the resident pages `easyread.web.review_resident`.

    from easyread.review import gate, hard_words, redact, speech
    from easyread.records import feedback, invites, retention, rounds
"""
