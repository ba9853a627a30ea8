"""Many wrong passwords or codes at once against a real server (threads over HTTP), for the sign-in limit tests.

results = parallel_posts(url, 40, lambda n: {"email": ..., "password": f"wrong {n}"})
statuses = Counter(status for status, _ in results)
"""

from __future__ import annotations

import threading

import requests


def parallel_posts(url: str, count: int, form_for, timeout: float = 60) -> list[tuple[int, str]]:
    """POST `form_for(n)` to `url` from `count` threads released together; (status, body) of each."""
    barrier = threading.Barrier(count)
    results: list[tuple[int, str]] = []
    lock = threading.Lock()

    def one(n: int) -> None:
        session = requests.Session()
        barrier.wait()
        response = session.post(url, data=form_for(n), allow_redirects=False, timeout=timeout)
        with lock:
            results.append((response.status_code, response.text))

    threads = [threading.Thread(target=one, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout + 10)
    return results
