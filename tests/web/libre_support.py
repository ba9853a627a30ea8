"""A small LibreTranslate-speaking HTTP server for the web tests: a real HTTP engine with a
translation a test can recognise ("PL " in front, a few words swapped, every fact untouched)."""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# A "translation" a test can recognise: Polish-looking words around the untouched facts.
WORDS = {"you": "ty", "must": "musisz", "pay": "zapłacić", "by": "do", "call": "zadzwoń", "us": "do nas", "on": "pod"}


def _to_polish(text: str) -> str:
    return "PL " + re.sub(r"[A-Za-z]+", lambda m: WORDS.get(m.group(0).lower(), m.group(0)), text)


def _to_english(text: str) -> str:
    back = {v: k for k, v in WORDS.items()}
    return re.sub(r"\w+", lambda m: back.get(m.group(0), m.group(0)), text.removeprefix("PL ")).replace("do nas", "us")


class Libre:
    """LibreTranslate's /languages and /translate, on a free port."""

    def __init__(self):
        self.requests = 0

        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, body):
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                self._send(
                    [
                        {"code": "en", "name": "English", "targets": ["pl"]},
                        {"code": "pl", "name": "Polish", "targets": ["en"]},
                    ]
                )

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.requests += 1
                texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
                turn = _to_english if body["target"] == "en" else _to_polish
                out = [turn(t) for t in texts]
                self._send({"translatedText": out if isinstance(body["q"], list) else out[0]})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
