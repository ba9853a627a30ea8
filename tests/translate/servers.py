"""Small local HTTP servers speaking LibreTranslate's and the OpenAI chat API, for the engine tests.

The same pattern as tests/engines' OpenAI server: a ThreadingHTTPServer on 127.0.0.1,
`failures` to answer with an error status first, `delay` to make replies slow.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.translate.fakes import from_polish, to_polish


class TestServer:
    __test__ = False  # not a test class

    def __init__(self):
        self.failures: list[int] = []
        self.delay = 0.0
        self.requests: list[tuple[str, dict]] = []
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                if self.path == "/languages":
                    self._send(
                        200,
                        [
                            {"code": "en", "name": "English", "targets": ["pl", "ro", "ur", "zt", "zh"]},
                            {"code": "pl", "name": "Polish", "targets": ["en"]},
                            {"code": "ur", "name": "Urdu", "targets": ["en"]},
                        ],
                    )
                elif self.path == "/v1/models":
                    self._send(200, {"object": "list", "data": [{"id": "translator", "object": "model"}]})
                else:
                    self._send(404, {"error": "not found"})

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with server.lock:
                    server.requests.append((self.path, body))
                    status = server.failures.pop(0) if server.failures else None
                if status:
                    self._send(status, {"error": "busy"})
                    return
                time.sleep(server.delay)
                if self.path == "/translate":
                    texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
                    turn = from_polish if body["target"] == "en" else to_polish
                    out = [turn(t) for t in texts]
                    self._send(200, {"translatedText": out if isinstance(body["q"], list) else out[0]})
                elif self.path == "/v1/chat/completions":
                    system, user = body["messages"][0]["content"], body["messages"][-1]["content"]
                    reply = from_polish(user) if "into English" in system else "Translation: " + to_polish(user)
                    self._send(
                        200,
                        {
                            "choices": [{"index": 0, "message": {"role": "assistant", "content": reply}}],
                            "usage": {"prompt_tokens": 5, "completion_tokens": len(reply.split())},
                        },
                    )
                else:
                    self._send(404, {"error": "not found"})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def free_port_url() -> str:
    """A local URL nothing listens on, for 'server down' tests."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
