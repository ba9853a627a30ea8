"""Convert a chunk of letters on a running easyread server, through its REST API (/api/v1).

Each letter is posted, polled until the server's workers finish it, and its
outputs and check report are fetched into the same folders a local run makes. A
chunk's letters are all posted before polling, so the server (and every worker
sharing its queue) works on them at the same time.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import requests

from easyread.batch.run import BatchError, BatchOptions, Chunk, Item, Reporter, guard_folder, report_stats, tidy_folder
from easyread.batch.state import DONE, FAILED, SKIPPED, Entry, Manifest
from easyread.documents.atomic import atomic_write_bytes, atomic_write_text
from easyread.documents.errors import InputError

POLL_START, POLL_MAX = 0.2, 5.0
RETRIES = 3
# Letters sent but not yet fetched, by path and hash: a run stopped while the server works
# picks them up again instead of sending them twice.
SENT = ".easyread-remote.json"


class RemoteConverter:
    """A chunk converter that sends the letters to `url` with the API token `token`."""

    def __init__(
        self, url: str, token: str, in_dir: Path, out_dir: Path, options: BatchOptions, *, timeout: float = 120.0
    ):
        self.url = url.rstrip("/")
        if not self.url.endswith("/api/v1"):
            self.url += "/api/v1"
        self.options, self.timeout = options, timeout
        self.in_root, self.out_root = Path(in_dir).resolve(), Path(out_dir).resolve()
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"
        self._previous: Manifest | None = None
        self._sent_path = self.out_root / SENT
        try:
            self._sent: dict[str, dict] = json.loads(self._sent_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self._sent = {}

    def _remember(self, item: Item, doc_id: int | None) -> None:
        if doc_id is None:
            self._sent.pop(item.found.rel, None)
        else:
            self._sent[item.found.rel] = {"hash": item.digest, "id": doc_id, "url": self.url}
        atomic_write_text(self._sent_path, json.dumps(self._sent))

    def _already_sent(self, item: Item) -> int | None:
        """The server's id for this letter if an earlier run sent these bytes and the server still has it."""
        sent = self._sent.get(item.found.rel)
        if not sent or sent.get("hash") != item.digest or sent.get("url") != self.url:
            return None
        try:
            self._request("get", f"/documents/{sent['id']}")
        except BatchError:
            return None  # deleted on the server since: send it again
        return int(sent["id"])

    def __call__(self, chunk: Chunk, reporter: Reporter) -> Iterator[Entry]:
        if self._previous is None:
            self._previous = Manifest(self.out_root)
        waiting: dict[int, tuple[Item, float]] = {}
        for item, data in chunk:
            if isinstance(data, InputError):
                yield _entry(item, SKIPPED, reason=str(data))
                continue
            started = time.monotonic()
            known = self._already_sent(item)
            if known is not None:
                waiting[known] = (item, started)
                continue
            form = {"formats": ",".join(self.options.formats), "pictures": "true" if self.options.pictures else "false"}
            if self.options.model:  # none given: the server's own model
                form["model"] = self.options.model
            response = self._request("post", "/documents", files={"file": (item.found.path.name, data)}, data=form)
            if response.status_code in (413, 422):
                yield _entry(item, SKIPPED, reason=_error(response))
                continue
            if response.status_code != 202:
                raise BatchError(f"The server refused the letters: {_error(response)}")
            doc_id = response.json()["id"]
            self._remember(item, doc_id)
            waiting[doc_id] = (item, started)
        delay = POLL_START
        while waiting:
            for doc_id in list(waiting):
                body = self._request("get", f"/documents/{doc_id}").json()
                if body["status"] not in ("done", "failed"):
                    progress = body.get("progress") or {}
                    reporter.stage(
                        f"server: {progress.get('stage') or body['status']}", int(progress.get("percent") or 0), 100
                    )
                    continue
                item, started = waiting.pop(doc_id)
                if body["status"] == "failed":
                    entry = _entry(
                        item,
                        FAILED,
                        reason=body.get("error") or "The server could not convert this letter.",
                        remote_id=doc_id,
                    )
                else:
                    entry = self._fetch(item, doc_id)
                entry.seconds = round(time.monotonic() - started, 2)
                self._remember(item, None)  # only once its files are here: a stop before this fetches them next time
                yield entry
            if waiting:
                time.sleep(delay)
                delay = min(POLL_MAX, delay * 1.5)

    def _fetch(self, item: Item, doc_id: int) -> Entry:
        """Download the letter's outputs and report into its folder, each file atomically."""
        folder = guard_folder(self.out_root, self.in_root, item.folder)
        stem = Path(item.folder).name
        names = [f"{stem}.{fmt}" for fmt in self.options.formats] + [f"{stem}.draft.json", f"{stem}.report.json"]
        tidy_folder(folder, names, self._previous.get(item.found.rel))
        report = self._request("get", f"/documents/{doc_id}/report").json().get("report") or {}
        draft = self._request("get", f"/documents/{doc_id}/draft").json().get("draft") or {}
        for fmt in self.options.formats:
            atomic_write_bytes(
                folder / f"{stem}.{fmt}", self._request("get", f"/documents/{doc_id}/outputs/{fmt}").content
            )
        atomic_write_text(folder / f"{stem}.draft.json", json.dumps(draft, indent=2, ensure_ascii=False))
        atomic_write_text(folder / f"{stem}.report.json", json.dumps(report, indent=2, ensure_ascii=False))
        entry = _entry(item, DONE, folder=item.folder, outputs=names, remote_id=doc_id)
        report_stats(entry, report)
        return entry

    def _request(self, method: str, path: str, **kwargs) -> requests.Response:
        """One API call, tried again when the server is briefly unreachable; BatchError with a plain message otherwise."""
        for attempt in range(RETRIES + 1):
            try:
                response = self.session.request(method, self.url + path, timeout=self.timeout, **kwargs)
            except requests.RequestException as error:
                if attempt == RETRIES:
                    raise BatchError(
                        f"The easyread server at {self.url} cannot be reached ({type(error).__name__}). "
                        "Check the address and that it is running, then run the same command again."
                    ) from error
                time.sleep(1 + attempt * 2)
                continue
            if response.status_code in (401, 403):
                raise BatchError(
                    f"The server refused the API token: {_error(response)} Make a token with `easyread users token EMAIL` on the server."
                )
            if response.status_code in (502, 503, 504) and attempt < RETRIES:
                time.sleep(1 + attempt * 2)
                continue
            if response.status_code >= 400 and not (method == "post" and response.status_code in (400, 413, 422)):
                raise BatchError(f"The server answered {response.status_code} for {path}: {_error(response)}")
            return response
        raise AssertionError("unreachable")


def _error(response: requests.Response) -> str:
    try:
        return str(response.json().get("error") or response.reason)
    except ValueError:
        return response.reason or f"status {response.status_code}"


def _entry(item: Item, status: str, **fields) -> Entry:
    return Entry(rel=item.found.rel, status=status, hash=item.digest, **fields)
