"""The OpenAI-compatible engine against a small server on 127.0.0.1, backed by the tiny model."""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from easyread.engines.base import EngineError, Sampling
from easyread.engines.remote import OpenAIEngine


class FakeServer:
    """An OpenAI-style /v1 server whose replies come from a real (tiny) engine.

    `failures` is a list of HTTP statuses to answer with before answering properly;
    `delay` makes every chat reply slow.
    """

    def __init__(self, engine):
        self.engine = engine
        self.failures: list[int] = []
        self.delay = 0.0
        self.requests: list[dict] = []
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def _send(self, status, body, headers=()):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in headers:
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                if self.path == "/v1/models":
                    self._send(200, {"object": "list", "data": [{"id": "tiny", "object": "model"}]})
                else:
                    self._send(404, {"error": {"message": "not found"}})

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with server.lock:
                    server.requests.append({"body": body, "auth": self.headers.get("Authorization")})
                    status = server.failures.pop(0) if server.failures else None
                if status:
                    self._send(
                        status, {"error": {"message": "try later"}}, [("Retry-After", "0")] if status == 429 else ()
                    )
                    return
                if self.path != "/v1/chat/completions":
                    self._send(404, {"error": {"message": "not found"}})
                    return
                if body.get("model") != "tiny":
                    self._send(400, {"error": {"message": f"model {body.get('model')!r} does not exist"}})
                    return
                time.sleep(server.delay)
                sampling = Sampling(
                    max_new_tokens=body["max_tokens"], temperature=body["temperature"], seed=body.get("seed")
                )
                before = server.engine.stats.generated_tokens
                text = server.engine.generate([body["messages"]], sampling)[0]
                used = server.engine.stats.generated_tokens - before
                self._send(
                    200,
                    {
                        "object": "chat.completion",
                        "choices": [
                            {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
                        ],
                        "usage": {"prompt_tokens": 1, "completion_tokens": used, "total_tokens": used + 1},
                    },
                )

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        # Not daemon threads: server_close() then waits for a slow reply to finish, so no
        # handler is still inside torch when the interpreter exits (which aborts the process).
        self.httpd.daemon_threads = False
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server(tiny_engine):
    with FakeServer(tiny_engine) as running:
        yield running


def _engine(url, **kwargs):
    kwargs.setdefault("backoff", 0.01)
    return OpenAIEngine(url, **kwargs)


def test_replies_match_the_local_engine_in_order(server, tiny_engine, chats):
    greedy = Sampling(max_new_tokens=6)
    remote = _engine(server.url, concurrency=3)
    assert remote.generate(chats, greedy) == tiny_engine.generate(chats, greedy)
    assert remote.model == "tiny"  # found through /models
    assert remote.stats.prompts == len(chats) and remote.stats.generated_tokens > 0


def test_sends_sampling_and_api_key(server, chats):
    _engine(server.url, model="tiny", api_key="s3cret").generate(
        chats[:1], Sampling(max_new_tokens=4, temperature=0.5, seed=3)
    )
    sent = server.requests[-1]
    assert sent["auth"] == "Bearer s3cret"
    assert sent["body"]["max_tokens"] == 4 and sent["body"]["temperature"] == 0.5 and sent["body"]["seed"] == 3
    assert sent["body"]["messages"] == chats[0]


@pytest.mark.parametrize("status", [503, 429, 502])
def test_retries_a_busy_server(server, chats, status):
    server.failures = [status, status]
    replies = _engine(server.url, model="tiny", retries=3).generate(chats[:1], Sampling(max_new_tokens=3))
    assert len(replies) == 1
    assert len(server.requests) == 3


def test_gives_up_on_a_server_that_keeps_failing(server, chats):
    server.failures = [500] * 10
    with pytest.raises(EngineError, match=r"is busy or failing \(error 500\) and did not answer after 3 tries"):
        _engine(server.url, model="tiny", retries=2).generate(chats[:1])
    assert len(server.requests) == 3


def test_a_refused_request_is_not_retried(server, chats):
    with pytest.raises(EngineError, match="refused the request \\(400\\): model 'other' does not exist"):
        _engine(server.url, model="other").generate(chats[:1])
    assert len(server.requests) == 1


def test_timeout_is_a_plain_error(server, chats):
    server.delay = 1.0
    started = time.monotonic()
    with pytest.raises(EngineError, match="took longer than 0.2 seconds"):
        _engine(server.url, model="tiny", timeout=0.2).generate(chats[:1])
    assert time.monotonic() - started < 1.0


def test_a_server_that_is_down_says_so(chats):
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1"
    with pytest.raises(EngineError) as caught:
        _engine(url, model="tiny", retries=1).generate(chats[:1])
    assert str(caught.value) == f"The model server at {url} is not answering. Check it is running."


def test_registry_builds_the_engine_from_settings(server, chats):
    from easyread.engines.registry import get_engine, list_models

    settings = {
        "MODEL": "openai+" + server.url,
        "MODEL_SERVER_NAME": "tiny",
        "MODEL_TIMEOUT": 5.0,
        "MODEL_RETRIES": 0,
        "MODEL_CONCURRENCY": 2,
        "MODEL_API_KEY": "",
    }
    engine = get_engine(None, settings)
    assert isinstance(engine, OpenAIEngine)
    assert (engine.base_url, engine.model, engine.retries, engine.concurrency) == (server.url, "tiny", 0, 2)
    assert len(engine.generate(chats[:2], Sampling(max_new_tokens=2))) == 2
    listed = {info.name: info for info in list_models({**settings, "MODEL_CACHE": "/nonexistent"})}
    assert listed["configured"].ready and "tiny" in listed["configured"].note
