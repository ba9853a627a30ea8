"""Sign-in limits that slow guessing down without locking the right person out for good.

Wrong passwords and reviewer codes are counted per key: the account ("account:<email>"), the
client address ("address:<ip>") and a reviewer's link ("reviewer:<id>"). The first few failures
cost nothing; after that each one doubles the wait before the next try (1, 2, 4 ... seconds, up
to a cap), so the owner can still sign in once the wait is over, but guessing stays slow.

Parallel requests cannot slip past the count: a check may start only by winning one conditional
UPDATE (`busy_until` and `next_at` both in the past), which the database applies atomically on
SQLite and PostgreSQL alike, so only one check per key runs at a time and each one sees every
earlier failure. A request that loses waits a moment for the lease (a double-click is not an
attack), then is told how long to wait.

    with throttle.attempt(keys, free=5, cap_seconds=900) as turn:
        if not turn.allowed:
            return f"Wait {turn.wait_seconds} seconds and try again."
        ok = check_password(...)
        turn.failed() if not ok else turn.succeeded()
"""

from __future__ import annotations

import math
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import case, or_, select, update

from easyread.store.db import db
from easyread.store.models import SignInLimit

LEASE_SECONDS = 10  # a check that crashed frees its key after this long
WAIT_FOR_LEASE = 3.0  # how long a request waits for another check of the same key before refusing
FORGET_AFTER = timedelta(hours=24)  # failures with no new one for this long are forgotten


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    # SQLite gives back naive datetimes; they were stored in UTC.
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def delay_seconds(failures: int, free: int, cap_seconds: int) -> int:
    """The wait after `failures` wrong tries in a row: 0 for the first `free - 1`, then 1, 2, 4 ... up to the cap."""
    if failures < free:
        return 0
    return min(2 ** min(failures - free, 30), max(cap_seconds, 1))


def _ensure_rows(keys: list[str]) -> None:
    """Make the counter rows that do not exist yet (INSERT ... ON CONFLICT DO NOTHING, safe in parallel)."""
    dialect = db.session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    for key in keys:
        db.session.execute(
            insert(SignInLimit).values(key=key, failures=0).on_conflict_do_nothing(index_elements=["key"])
        )
    db.session.commit()


def _claim(key: str) -> int | None:
    """Take the key's lease if it is free and its wait is over; the failures so far, or None if not. Commits."""
    now = _now()
    stale = or_(SignInLimit.last_failure_at.is_(None), SignInLimit.last_failure_at < now - FORGET_AFTER)
    row = db.session.execute(
        update(SignInLimit)
        .where(
            SignInLimit.key == key,
            or_(SignInLimit.busy_until.is_(None), SignInLimit.busy_until <= now),
            or_(SignInLimit.next_at.is_(None), SignInLimit.next_at <= now),
        )
        .values(
            busy_until=now + timedelta(seconds=LEASE_SECONDS), failures=case((stale, 0), else_=SignInLimit.failures)
        )
        .returning(SignInLimit.failures)
    ).first()
    db.session.commit()
    return None if row is None else int(row[0])


def _release(key: str, failures: int | None = None, next_at: datetime | None = None) -> None:
    values: dict = {"busy_until": None}
    if failures is not None:
        values.update(failures=failures, next_at=next_at)
        if failures:
            values["last_failure_at"] = _now()
    db.session.execute(update(SignInLimit).where(SignInLimit.key == key).values(**values))


def wait_seconds(keys: list[str], lease: bool = False) -> int:
    """Seconds until every one of `keys` may be tried again after its failures (or its lease too, if `lease`)."""
    now = _now()
    latest = now
    for row in db.session.scalars(select(SignInLimit).where(SignInLimit.key.in_(keys))):
        for moment in (_aware(row.next_at), _aware(row.busy_until) if lease else None):
            if moment is not None and moment > latest:
                latest = moment
    return max(math.ceil((latest - now).total_seconds()), 1) if latest > now else 0


@dataclass
class Turn:
    """One sign-in try: `allowed` (the check may run) or `wait_seconds` to tell the person."""

    keys: list[str]
    free: dict[str, int]
    cap_seconds: int
    allowed: bool = False
    wait_seconds: int = 0
    failures: dict[str, int] = field(default_factory=dict)
    _done: bool = False

    def failed(self) -> None:
        """Count a wrong password or code under every key and start its wait. The caller commits."""
        now = _now()
        for key in self.keys:
            count = self.failures[key] + 1
            wait = delay_seconds(count, self.free[key], self.cap_seconds)
            _release(key, count, now + timedelta(seconds=wait) if wait else None)
        self._done = True

    def succeeded(self, forget: tuple[str, ...] = ()) -> None:
        """Free the keys; forget the failures of the keys in `forget` (the account, not the address). Caller commits."""
        for key in self.keys:
            _release(key, 0 if key in forget else self.failures[key], None)
        self._done = True


@contextmanager
def attempt(keys: dict[str, int], cap_seconds: int):
    """A Turn over `keys` ({key: free tries}); the keys' leases are held for the block and always freed."""
    names = [k[:400] for k in keys]
    free = {k[:400]: n for k, n in keys.items()}
    _ensure_rows(names)
    turn = Turn(names, free, cap_seconds)
    deadline = time.monotonic() + WAIT_FOR_LEASE
    while True:
        held: dict[str, int] = {}
        for key in names:
            got = _claim(key)
            if got is None:
                break
            held[key] = got
        if len(held) == len(names):
            turn.allowed, turn.failures = True, held
            break
        for key in held:  # give back what we took, so two requests never hold half each
            _release(key)
        db.session.commit()
        wait = wait_seconds(names)
        if wait:  # earlier failures: tell them now rather than hold the request
            turn.wait_seconds = wait
            break
        if time.monotonic() >= deadline:  # another check of this key is still running
            turn.wait_seconds = max(wait_seconds(names, lease=True), 1)
            break
        time.sleep(0.05)
    try:
        yield turn
    finally:
        if turn.allowed and not turn._done:
            db.session.rollback()
            for key in names:
                _release(key)
            db.session.commit()
