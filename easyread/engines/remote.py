"""Any OpenAI-compatible model server (vLLM, llama.cpp server, `transformers serve`…).

For councils that outgrow one machine. We send one request per chat from a small
thread pool and let the server batch them: that is what these servers are built for.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import requests

from easyread.engines.base import Chat, EngineError, GenerationStats, Sampling

_RETRY_STATUS = {429, 500, 502, 503, 504}
_MAX_WAIT = 30.0


class _Retry(Exception):
    """A failure worth trying again (busy or unreachable server)."""

    def __init__(self, wait: float | None = None, status: int | None = None):
        super().__init__()
        self.wait = wait
        self.status = status


class OpenAIEngine:
    """A `TextGenerator` talking to an OpenAI-compatible /chat/completions endpoint."""

    def __init__(
        self,
        base_url: str,
        model: str | None = None,
        api_key: str | None = None,
        *,
        timeout: float = 300.0,
        retries: int = 3,
        concurrency: int = 8,
        backoff: float = 1.0,
        name: str | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model or None
        self.api_key = api_key or None
        self.timeout = float(timeout)
        self.retries = max(0, int(retries))
        self.concurrency = max(1, int(concurrency))
        self.backoff = backoff
        self.name = name or f"openai+{self.base_url}"
        self.stats = GenerationStats()
        self._stats_lock = threading.Lock()

    # --- plumbing -----------------------------------------------------------

    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        return headers

    def _down(self) -> EngineError:
        return EngineError(f"The model server at {self.base_url} is not answering. Check it is running.")

    def _request(self, method: str, path: str, payload: dict | None = None) -> dict:
        """One call with retries and exponential backoff; the parsed JSON reply."""
        url = self.base_url + path
        for attempt in range(self.retries + 1):
            try:
                return self._attempt(method, url, payload)
            except _Retry as retry:
                if attempt == self.retries:
                    if retry.status is not None:
                        raise EngineError(
                            f"The model server at {self.base_url} is busy or failing (error {retry.status}) "
                            f"and did not answer after {self.retries + 1} tries. Try again later."
                        ) from None
                    raise self._down() from None
                wait = retry.wait if retry.wait is not None else self.backoff * 2**attempt
                time.sleep(min(wait, _MAX_WAIT))
        raise self._down()  # pragma: no cover - the loop always returns or raises

    def _attempt(self, method: str, url: str, payload: dict | None) -> dict:
        try:
            # Connect quickly or call the server down; the read may take minutes on a busy server.
            response = requests.request(
                method, url, json=payload, headers=self._headers(), timeout=(min(10.0, self.timeout), self.timeout)
            )
        except requests.exceptions.ReadTimeout as exc:
            raise EngineError(
                f"The model server at {self.base_url} took longer than {self.timeout:g} seconds to answer. "
                "It may be overloaded: try again later, or raise EASYREAD_MODEL_TIMEOUT."
            ) from exc
        except (requests.exceptions.ConnectionError, requests.exceptions.ConnectTimeout) as exc:
            raise _Retry() from exc
        if response.status_code in _RETRY_STATUS:
            raise _Retry(_retry_after(response), response.status_code)
        if response.status_code >= 400:
            raise EngineError(
                f"The model server at {self.base_url} refused the request ({response.status_code}): {_server_message(response)}"
            )
        try:
            return response.json()
        except ValueError as exc:
            raise EngineError(f"The model server at {self.base_url} sent an answer easyread cannot read.") from exc

    def _model_name(self) -> str:
        if self.model is None:
            listed = self._request("GET", "/models").get("data") or []
            if not listed:
                raise EngineError(
                    f"The model server at {self.base_url} has no model loaded. Set EASYREAD_MODEL_SERVER_NAME."
                )
            self.model = str(listed[0]["id"])
        return self.model

    # --- the TextGenerator interface ------------------------------------------

    def list_models(self) -> list[str]:
        """Names of the models the server offers."""
        return [str(m.get("id")) for m in self._request("GET", "/models").get("data") or []]

    def generate(self, prompts: list[Chat], sampling: Sampling | None = None) -> list[str]:
        """Return one reply per chat, in the order given."""
        if not prompts:
            return []
        sampling = sampling or Sampling()
        model = self._model_name()
        started = time.perf_counter()
        workers = min(self.concurrency, len(prompts))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="easyread-openai") as pool:
            replies = list(pool.map(lambda chat: self._one(model, chat, sampling), prompts))
        with self._stats_lock:
            self.stats.seconds += time.perf_counter() - started
            self.stats.batches += 1
        return replies

    def _one(self, model: str, chat: Chat, sampling: Sampling) -> str:
        payload: dict[str, Any] = {
            "model": model,
            "messages": chat,
            "max_tokens": sampling.max_new_tokens,
            "temperature": max(0.0, sampling.temperature),
            "top_p": sampling.top_p,
            "stream": False,
        }
        if sampling.seed is not None:
            payload["seed"] = sampling.seed
        reply = self._request("POST", "/chat/completions", payload)
        try:
            text = reply["choices"][0]["message"]["content"] or ""
        except (KeyError, IndexError, TypeError) as exc:
            raise EngineError(f"The model server at {self.base_url} sent an answer easyread cannot read.") from exc
        usage = reply.get("usage") or {}
        with self._stats_lock:
            self.stats.prompts += 1
            self.stats.generated_tokens += int(usage.get("completion_tokens") or 0)
            self.stats.prompt_tokens += int(usage.get("prompt_tokens") or 0)
        return text.strip()


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _server_message(response: requests.Response) -> str:
    try:
        error = response.json().get("error")
        if isinstance(error, dict):
            return str(error.get("message") or error)
        if error:
            return str(error)
    except (ValueError, AttributeError):
        pass
    return response.text[:200] or response.reason or "no reason given"
