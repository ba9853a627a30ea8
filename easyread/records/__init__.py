"""The records layer: every query and commit the web app, the jobs and the CLI make on the database.

Views (easyread/web), Huey tasks (easyread/jobs) and commands call these functions rather than
using `db.session` themselves, so what is stored, and when it is committed, is decided in one place.

    letters        uploaded letters: the council boundary, listing, creating, progress, deleting
    versions       draft versions: the latest, the next, and a person's edit checked again
    translations   translated versions and the council's translation memory rows
    users          accounts, passwords, browser sessions and API tokens
    throttle       sign-in limits (atomic counts of wrong passwords and codes)
    audit          the append-only audit log
    rounds         review rounds with residents and approvals
    invites        resident reviewers' accounts, invite links and sign-in codes
    feedback       reviewers' answers, and the triage and learning summaries made from them
    retention      erasing a letter entirely, and deleting originals after the retention period
    review         the changes the review pages make (each committed), and the rows they look up

The domain packages never import this package.
"""
