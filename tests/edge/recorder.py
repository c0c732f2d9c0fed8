"""A small HTTP server that notes the requests it gets: the caches in front, as purges see them."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Recorder:
    """Listen on a free loopback port; keep (method, path, headers, body) of each request."""

    def __init__(self, answer=None):
        self.requests = []
        self.answer = answer or {"success": True}
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def _record(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {name.lower(): value for name, value in self.headers.items()}
                recorder.requests.append((self.command, self.path, headers, body))
                payload = json.dumps(recorder.answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_PURGE = do_POST = do_GET = _record

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def purged_tags(self):
        """Return the set of tags each PURGE request named, in order."""
        return [
            set(headers["xkey-purge"].split())
            for method, _, headers, _ in self.requests
            if method == "PURGE"
        ]

    def close(self):
        self.server.shutdown()
        self.server.server_close()
