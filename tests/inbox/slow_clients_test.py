#!/usr/bin/python3
"""Slow and idle clients against the inbox as installed (tests/inbox/arrangement.py: nginx with the shipped
site config in front of intake-inbox on a unix socket).

500 connections from nowhere with no credentials, a quarter of each kind seen to stop every delivery and
staff page of the inbox serving HTTPS itself (issue 16): TLS connections sending their request header one
byte every 10 s; TCP connections that never send a byte (no TLS ClientHello); a POST without Content-Length
whose body trickles in; browser-like keep-alive connections idle after one request. While they are all held:
a signed delivery (201) and the staff sign-in page (200) must each take under 1 s more than before the
attack, and SIGTERM must end intake-inbox within 2 s.

Usage: slow_clients_test.py --inbox BIN --source DIR [--mode nginx|direct] [--connections 500]
Exit 0 when every check held, 77 (skipped) when this machine is too loaded to make the attack's connections
within nginx's header timeout. `--mode direct` runs the same attack on intake-inbox serving HTTPS alone: it
fails (README, Intake inbox, "Slow and idle clients").
"""
import argparse
import asyncio
import os
import resource
import signal
import socket
import ssl
import statistics
import sys
import tempfile
import time

from arrangement import Arrangement

KINDS = ("slow_header", "silent_tcp", "no_content_length", "idle_keep_alive")
TRICKLE_SECONDS = 10.0
# nginx closes a connection whose TLS handshake and request header take longer than client_header_timeout
# (10 s in the shipped site): the attack must be all up well within it, or nginx is already closing its
# first connections while the last are made, and "held" counts the attacker's slowness, not the server.
ESTABLISH_SECONDS = 8.0


class Inconclusive(Exception):
    """This machine cannot run the attack (reported as skipped, never as passed or failed)."""


class Attack:
    def __init__(self, port, connections):
        self.port, self.connections = port, connections
        self.connected = {k: 0 for k in KINDS}
        self.closed = 0  # by the server, before the end of the test
        self.ctx = ssl.create_default_context()
        self.ctx.check_hostname = False
        self.ctx.verify_mode = ssl.CERT_NONE
        self.tasks = []

    async def one(self, kind):
        writer = None
        try:
            if kind == "silent_tcp":
                _, writer = await asyncio.open_connection("127.0.0.1", self.port)
                self.connected[kind] += 1
                await asyncio.sleep(3600)
                return
            reader, writer = await asyncio.open_connection("127.0.0.1", self.port, ssl=self.ctx,
                                                           ssl_handshake_timeout=60)
            self.connected[kind] += 1
            if kind == "idle_keep_alive":
                writer.write(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n")
                await writer.drain()
                await reader.read(4096)
                await asyncio.sleep(3600)
                return
            if kind == "slow_header":
                trickle = b"GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\n\r\n"
            else:
                writer.write(b"POST /intakes HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                             b"webhook-id: x\r\n\r\n")
                trickle = b'{"intake_id": "' + b"x" * 4096
            for i in range(len(trickle)):
                writer.write(trickle[i:i + 1])
                await writer.drain()
                await asyncio.sleep(TRICKLE_SECONDS)
        except (OSError, asyncio.TimeoutError, ssl.SSLError):
            self.closed += 1  # refused or closed by the server: what it may do with them
        finally:
            if writer:
                writer.close()

    def start(self):
        for i in range(self.connections):
            self.tasks.append(asyncio.ensure_future(self.one(KINDS[i % len(KINDS)])))

    async def established(self, deadline):
        while sum(self.connected.values()) < self.connections and time.monotonic() < deadline:
            await asyncio.sleep(0.1)

    def stop(self):
        for t in self.tasks:
            t.cancel()


def timed(fn):
    started = time.monotonic()
    try:
        result = fn()
    except OSError as e:
        result = f"error: {e}"
    return result, time.monotonic() - started


def measure(arr, label):
    """Delivery and sign-in page: (status, seconds) of each, median of three when undisturbed."""
    out = {}
    for name, fn, ok in (("signed delivery", lambda: arr.deliver(timeout=20), 201),
                         ("staff sign-in page", lambda: arr.request("GET", "/login", timeout=20)[0], 200)):
        runs = [timed(fn) for _ in range(3 if label == "before" else 1)]
        status = runs[-1][0]
        seconds = statistics.median(s for _, s in runs)
        out[name] = (status, seconds, ok)
        print(f"  {label:>6}: {name}: {status} in {seconds * 1000:.0f} ms", flush=True)
    return out


def header_checks(arr):
    """Every answer, nginx's own included, carries the security headers once."""
    failures = []
    ctx = arr.tls_context()
    for what, raw in (("a staff page", b"GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
                      ("nginx's own 400", b"NOT A REQUEST\r\n\r\n"),
                      # A request line over nginx's 8k buffer, but the whole request in one TLS record (at most
                      # 16 KiB), so it is written before nginx can answer: nginx answers 414 and closes, and
                      # a request still being written then (40 KB used to be) fails with SSLEOFError.
                      ("nginx's own 414", b"GET /" + b"a" * 10000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")):
        with socket.create_connection(("127.0.0.1", arr.port), timeout=10) as tcp:
            with ctx.wrap_socket(tcp, server_hostname="127.0.0.1") as tls:
                tls.sendall(raw)
                answer = b""
                while b"\r\n\r\n" not in answer:
                    chunk = tls.recv(65536)
                    if not chunk:
                        break
                    answer += chunk
        head = answer.split(b"\r\n\r\n")[0].decode("latin-1").lower()
        count = head.count("\r\ncontent-security-policy:")
        print(f"  {what}: {head.splitlines()[0] if head else '(nothing)'}, CSP header x{count}", flush=True)
        if count != 1 or "x-frame-options: deny" not in head:
            failures.append(f"{what}: the security headers are missing or doubled")
    return failures


async def main_async(args, arr):
    loop = asyncio.get_running_loop()
    failures = header_checks(arr) if args.mode == "nginx" else []
    before = await loop.run_in_executor(None, measure, arr, "before")
    attack = Attack(arr.port, args.connections)
    attack.start()
    attack_started = time.monotonic()
    await attack.established(attack_started + ESTABLISH_SECONDS)
    took, made = time.monotonic() - attack_started, sum(attack.connected.values())
    if args.mode == "nginx" and (made < args.connections or took > ESTABLISH_SECONDS):
        attack.stop()
        await asyncio.gather(*attack.tasks, return_exceptions=True)
        raise Inconclusive(f"the attacker made {made} of {args.connections} TLS connections in {took:.1f} s "
                           f"(load {os.getloadavg()[0]:.1f}): too slow to hold them all within nginx's 10 s "
                           "header timeout")
    await asyncio.sleep(1)
    held = sum(attack.connected.values()) - attack.closed
    print(f"  {args.connections} attacking connections, established: {attack.connected}, "
          f"held when measured: {held}", flush=True)
    if args.mode == "nginx" and held < args.connections:
        failures.append(f"only {held} of {args.connections} attacking connections held: the test proves nothing")
    during = await loop.run_in_executor(None, measure, arr, "during")
    for name, (status, seconds, ok) in during.items():
        delay = seconds - before[name][1]
        if status != ok or delay >= 1.0:
            failures.append(f"{name} under attack: {status} in {seconds * 1000:.0f} ms "
                            f"({delay * 1000:+.0f} ms; wanted {ok} and < +1000 ms)")
    # A request in flight at the signal must not keep it up either.
    in_flight = loop.run_in_executor(None, lambda: timed(lambda: arr.deliver(timeout=20)))
    await asyncio.sleep(0.05)
    started = time.monotonic()
    arr.inbox.send_signal(signal.SIGTERM)
    while arr.inbox.poll() is None and time.monotonic() - started < 10:
        await asyncio.sleep(0.02)
    stopped = time.monotonic() - started
    print(f"  SIGTERM: intake-inbox {'ended' if arr.inbox.poll() is not None else 'still running'} after "
          f"{stopped * 1000:.0f} ms (exit {arr.inbox.returncode})", flush=True)
    if arr.inbox.poll() is None or stopped >= 2.0:
        failures.append(f"SIGTERM: intake-inbox still running after {stopped:.1f} s (wanted < 2 s)")
    attack.stop()
    await asyncio.gather(*attack.tasks, return_exceptions=True)
    await in_flight
    return failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--inbox", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--mode", choices=("nginx", "direct"), default="nginx")
    parser.add_argument("--connections", type=int, default=500)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 4096)), hard))
    with tempfile.TemporaryDirectory(prefix="inbox-slow-") as work:
        arr = Arrangement(args.inbox, args.source, work, args.mode)
        print(f"slow clients against the inbox ({args.mode})", flush=True)
        try:
            arr.start()
            failures = asyncio.run(main_async(args, arr))
        except Inconclusive as e:
            print(f"SKIP: {e}")
            return 77
        finally:
            arr.stop()
        if failures:
            print("FAILED:\n  " + "\n  ".join(failures) + "\n" + arr.logs()[-3000:])
            return 1
    print("every check held")
    return 0


if __name__ == "__main__":
    sys.exit(main())
