#!/usr/bin/env python3
"""A plain-HTTP receiver on 127.0.0.1 for the install test: answers 200 to POST /intakes and appends each
request's Idempotency-Key to a file. Prints its port on the first line of stdout.

usage: loopback_receiver.py RECEIVED_FILE
"""
import http.server
import sys


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        ok = self.path == "/intakes" and self.headers.get("webhook-signature", "").startswith("v1,")
        if ok:
            with open(sys.argv[1], "a") as received:
                received.write(self.headers.get("Idempotency-Key", "") + "\n")
        self.send_response(200 if ok else 400)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
