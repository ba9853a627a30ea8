"""Co-design review with residents: rounds, redaction, reviewer access, feedback, learning, retention.

Plain functions over the database and dicts; no Flask here. The staff pages are
`easyread.web.review_staff`, the resident pages `easyread.web.review_resident`.

    from easyread.review import rounds, redact, feedback, invites, retention, speech
"""
