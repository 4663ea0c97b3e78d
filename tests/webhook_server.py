"""A real local HTTP server (http.server in a thread) that records the webhooks posted to it."""

from __future__ import annotations

import json
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator


class Received(list):
    """The JSON bodies posted, in order; `status` is what the server answers, after `delay_s`."""
    status = 200
    delay_s = 0.0


@contextmanager
def webhook_server() -> Iterator[tuple[str, Received]]:
    received = Received()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            received.append({"path": self.path, "json": json.loads(body), "type": self.headers.get("content-type")})
            time.sleep(received.delay_s)
            self.send_response(received.status)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", received
    finally:
        server.shutdown()
        server.server_close()
