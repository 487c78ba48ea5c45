#!/usr/bin/env python3
"""A one-shot Sentry envelope receiver for capture.sh.

Listens on 127.0.0.1 (an ephemeral port written to PORT_FILE), accepts envelopes exactly as the .NET SDK sends
them (gzip, no Content-Type), writes the first `event` item's payload verbatim to OUT_FILE and exits.
Other items (sessions, client reports) are acknowledged and skipped.
"""
import gzip, http.server, json, sys, uuid

port_file, out_file = sys.argv[1], sys.argv[2]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        event = None
        header, _, rest = body.partition(b"\n")
        while rest:
            item_header, _, rest = rest.partition(b"\n")
            if not item_header.strip():
                continue
            item = json.loads(item_header)
            if "length" in item:
                n = item["length"]
                payload, rest = rest[:n], rest[n:]
                if rest.startswith(b"\n"):
                    rest = rest[1:]
            else:
                payload, _, rest = rest.partition(b"\n")
            if item.get("type") == "event" and event is None:
                event = payload
        answer = json.dumps({"id": uuid.uuid4().hex}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)
        if event is not None:
            with open(out_file, "wb") as f:
                f.write(event)
            self.server.got_event = True

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
server.got_event = False
with open(port_file, "w") as f:
    f.write(str(server.server_address[1]))
server.timeout = 60
while not server.got_event:
    server.handle_request()
