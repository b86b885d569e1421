"""The intake inbox as installed, started in a temp folder: nginx from Debian with the package's own site
config (deploy/nginx/glowup-kiosk-inbox.conf) inside Debian's own /etc/nginx/nginx.conf, in front of
`intake-inbox` on a unix socket. Or, with mode "direct", intake-inbox alone serving HTTPS (the arrangement
before nginx, kept for development and tests), to show what nginx is for. With instances=2 (a clinic group,
README "A clinic group"), two intake-inbox processes on one PostgreSQL, each on its own socket, and the site's
upstream block lists both, as README tells a group to edit it.

Only locations move: /etc/glowup-kiosk-inbox, /run/glowup-kiosk-inbox, port 443, nginx's pid, logs and temp
folders go to the temp folder; every timeout, limit and buffer of both files is used as shipped. Each
substitution must match, so a change to either file that this misses fails the test instead of passing it.

Also a signer (Standard Webhooks HMAC by Python's hmac, independent of the C++ code), staff requests and the
one staff sign-in every test uses (through the sign-in form, over HTTP here and in Chromium in
staff_browser.py), and the tests' own database on the PostgreSQL of with_postgresql.py.
"""
import base64
import grp
import hashlib
import hmac
import http.client
import json
import os
import re
import signal
import socket
import ssl
import subprocess
import sqlite3
import time
import urllib.parse
import urllib.request
import uuid

PASSWORD = "a long staff password"
DEBIAN_NGINX_CONF = "/etc/nginx/nginx.conf"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd, timeout=120, **kw):
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stdout}\n{done.stderr}")
    return done


def psql(conninfo, sql):
    """One statement through psql; its output's words (-At: unaligned, tuples only)."""
    out = subprocess.run(["psql", conninfo, "-v", "ON_ERROR_STOP=1", "-Atc", sql], capture_output=True, text=True,
                         timeout=60)
    if out.returncode != 0:
        raise RuntimeError(f"psql: {out.stderr.strip()}")
    return out.stdout.split()


def test_database(prefix):
    """Under with_postgresql.py (KIOSK_TEST_POSTGRESQL set): a new database `<prefix>_<pid>` there, its libpq
    connection string. Otherwise None: the inbox stores into SQLite."""
    postgresql = os.environ.get("KIOSK_TEST_POSTGRESQL")
    if not postgresql:
        return None
    name = f"{prefix}_{os.getpid()}"
    psql(postgresql, f"CREATE DATABASE {name}")
    return f"{postgresql} dbname={name}"


class UnixHttp(http.client.HTTPConnection):
    """HTTP to one instance's unix socket, past nginx (as nginx itself talks to it)."""

    def __init__(self, path):
        super().__init__("localhost", timeout=30)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.path)


def set_cookies(headers):
    """{name: value} of the Set-Cookie headers in [(header, value)]."""
    return {m.group(1): m.group(2) for key, value in headers if key.lower() == "set-cookie"
            for m in [re.match(r"([^=]+)=([^;]*)", value)] if m}


def substitute(text, what, pattern, replacement, count=1):
    """Replaces `pattern` (a regex, multiline) exactly `count` times, or stops the test naming `what`."""
    new, n = re.subn(pattern, replacement, text, flags=re.M)
    if n != count:
        raise SystemExit(f"{what}: expected {count} match(es) of {pattern!r}, found {n}: the file changed, "
                         "update tests/inbox/arrangement.py")
    return new


class Arrangement:
    def __init__(self, inbox_bin, source, work, mode="nginx", postgresql=None, instances=1):
        self.inbox_bin, self.source, self.d, self.mode = inbox_bin, os.path.abspath(source), work, mode
        self.postgresql = postgresql  # a libpq connection string: the inbox's store there instead of SQLite
        if instances > 1 and not (postgresql and mode == "nginx"):
            raise ValueError("several inbox instances share a PostgreSQL behind nginx")
        self.instances = instances
        self.port = free_port()
        self.ca = os.path.join(work, "etc", "tls", "inbox.pem")
        self.inbox = self.nginx = None
        self.others = []  # with instances > 1: the processes of the instances after the first (self.inbox)
        self.inbox_log = os.path.join(work, "inbox.log")

    # --- files -------------------------------------------------------------------------------------------
    def make_files(self):
        etc, run_dir = os.path.join(self.d, "etc"), os.path.join(self.d, "run")
        os.makedirs(os.path.join(etc, "tls"))
        os.makedirs(run_dir)
        os.chmod(self.d, 0o755)  # nginx's workers (www-data when the test runs as root) reach the socket
        os.chmod(run_dir, 0o755)
        run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-days", "2", "-keyout", "inbox.key", "-out", "inbox.pem", "-subj", "/CN=localhost",
             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"], cwd=os.path.join(etc, "tls"))
        secret = "whsec_" + base64.b64encode(os.urandom(32)).decode()
        with open(os.path.join(etc, "front-desk-1.whsec"), "w") as f:
            f.write(secret + "\n")
        self.key = base64.b64decode(secret[len("whsec_"):])
        config = {"kiosks": {"front-desk-1": {"webhook_secret_files": ["front-desk-1.whsec"]}},
                  "content_dir": os.path.join(self.source, "content"), "data_dir": os.path.join(self.d, "data")}
        if self.postgresql:
            config["store"] = {"postgresql": self.postgresql}
        if self.mode == "nginx":
            config["listen"] = {"unix_socket": os.path.join(run_dir, "inbox.sock")}
            if os.geteuid() != 0:  # nginx's workers run as this user: the socket in its own group
                config["listen"]["socket_group"] = grp.getgrgid(os.getegid()).gr_name
            self.make_nginx_conf(etc, run_dir)
        else:
            config["listen"] = {"address": "127.0.0.1", "port": self.port}
            config["tls"] = {"cert_file": "tls/inbox.pem", "key_file": "tls/inbox.key"}
        self.config = os.path.join(etc, "inbox.json")
        with open(self.config, "w") as f:
            json.dump(config, f, indent=1)
        self.configs = [self.config]
        for i in range(1, self.instances):  # the same inbox, on a socket of its own
            config["listen"]["unix_socket"] = self.socket(i)
            self.configs.append(os.path.join(etc, f"inbox-{i}.json"))
            with open(self.configs[-1], "w") as f:
                json.dump(config, f, indent=1)

    def socket(self, instance):
        """Where instance `instance` (0 first) listens when nginx is in front."""
        return os.path.join(self.d, "run", "inbox.sock" if instance == 0 else f"inbox-{instance}.sock")

    def log(self, instance):
        return self.inbox_log if instance == 0 else os.path.join(self.d, f"inbox-{instance}.log")

    def make_nginx_conf(self, etc, run_dir):
        site_file = os.path.join(self.source, "deploy", "nginx", "glowup-kiosk-inbox.conf")
        site = open(site_file).read()
        # Answers never spill to nginx's temp files (intake pages with signatures, exports: health data).
        if not re.search(r"^\s*proxy_max_temp_file_size 0;", site, flags=re.M):
            raise SystemExit(f"{site_file}: no 'proxy_max_temp_file_size 0;': large answers would go to disk")
        site = substitute(site, site_file, r"/etc/glowup-kiosk-inbox/", etc + "/", 2)
        site = substitute(site, site_file, r"/run/glowup-kiosk-inbox/", run_dir + "/", 1)
        if self.instances > 1:  # README "A clinic group": one server line for each instance
            servers = "".join(f"    server unix:{self.socket(i)} max_fails=1 fail_timeout=10s;\n"
                              for i in range(self.instances))
            site = substitute(site, site_file, r"^    server unix:[^;]*;\n", servers.replace("\\", "\\\\"))
        site = substitute(site, site_file, r"^(\s*)listen 443 ssl;", rf"\1listen 127.0.0.1:{self.port} ssl;")
        site = substitute(site, site_file, r"^\s*listen \[::\]:443 ssl;\n", "")  # the host may have no IPv6
        self.site = os.path.join(self.d, "nginx-site.conf")
        with open(self.site, "w") as f:
            f.write(site)
        main = open(DEBIAN_NGINX_CONF).read()
        what = DEBIAN_NGINX_CONF
        main = substitute(main, what, r"^pid /run/nginx.pid;", f"pid {self.d}/nginx.pid;")
        main = substitute(main, what, r"^error_log /var/log/nginx/error.log;", f"error_log {self.d}/nginx.log;")
        main = substitute(main, what, r"^(\s*)access_log /var/log/nginx/access.log;",
                          rf"\1access_log {self.d}/nginx-access.log;")
        temp = "".join(f"\t{kind}_temp_path {self.d}/nginx-temp/{kind};\n"
                       for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        main = substitute(main, what, r"^(\s*)include /etc/nginx/sites-enabled/\*;",
                          rf"\1include {self.site};\n" + temp)
        os.makedirs(os.path.join(self.d, "nginx-temp"))
        os.chmod(os.path.join(self.d, "nginx-temp"), 0o777)
        self.nginx_conf = os.path.join(self.d, "nginx.conf")
        with open(self.nginx_conf, "w") as f:
            f.write(main)

    # --- processes ---------------------------------------------------------------------------------------
    def start(self):
        self.make_files()
        run([self.inbox_bin, "--config", self.config, "add-user", "vanessa"], input=PASSWORD + "\n")
        # every instance at once, as after a group's hosts boot: they must agree on the schema between them
        self.inbox, *self.others = [subprocess.Popen([self.inbox_bin, "--config", c], stdout=subprocess.DEVNULL,
                                                     stderr=open(self.log(i), "w"))
                                    for i, c in enumerate(self.configs)]
        if self.mode == "nginx":
            # nginx only once every instance listens: a request that finds none marks them all failed
            # for fail_timeout, and with several instances nginx then answers 502 until it ends
            for i in range(self.instances):
                for _ in range(200):
                    if os.path.exists(self.socket(i)):
                        break
                    time.sleep(0.05)
            run(["nginx", "-t", "-q", "-c", self.nginx_conf, "-g", "daemon off;"])
            self.nginx = subprocess.Popen(["nginx", "-c", self.nginx_conf, "-g", "daemon off;"],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.wait_healthy()

    def wait_healthy(self):
        for _ in range(200):
            for proc in (self.inbox, *self.others, self.nginx):
                if proc and proc.poll() is not None:
                    raise SystemExit(f"{proc.args[0]} exited with {proc.returncode}:\n{self.logs()}")
            try:
                if self.request("GET", "/healthz", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise SystemExit("the inbox never answered /healthz:\n" + self.logs())

    def logs(self):
        out = ""
        for name in [os.path.basename(self.log(i)) for i in range(self.instances)] + ["nginx.log"]:
            path = os.path.join(self.d, name)
            if os.path.exists(path):
                out += f"--- {name}\n" + open(path).read()[-4000:]
        return out

    def stop(self):
        for proc in (self.nginx, self.inbox, *self.others):
            if proc and proc.poll() is None:
                proc.send_signal(signal.SIGQUIT if proc is self.nginx else signal.SIGTERM)
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()

    # --- requests ----------------------------------------------------------------------------------------
    def tls_context(self):
        return ssl.create_default_context(cafile=self.ca)

    def request(self, method, path, body=None, headers=None, timeout=30):
        """(status, body bytes); an HTTP error status is returned, not raised."""
        req = urllib.request.Request(f"https://127.0.0.1:{self.port}{path}", data=body, method=method,
                                     headers=headers or {})
        try:
            with urllib.request.urlopen(req, context=self.tls_context(), timeout=timeout) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def fetch(self, method, path, body=None, headers=None, instance=None):
        """(status, [(header, value)], body text), redirects not followed: over HTTPS to the front (nginx, or
        the inbox itself in mode "direct"), or with `instance` to that instance's unix socket, past nginx
        (plain HTTP with the X-Real-IP nginx sets)."""
        headers = dict(headers or {})
        if instance is None:
            conn = http.client.HTTPSConnection("127.0.0.1", self.port, context=self.tls_context(), timeout=30)
        else:
            conn = UnixHttp(self.socket(instance))
            headers.setdefault("X-Real-IP", "127.0.0.1")
        try:
            conn.request(method, path, body=body, headers=headers)
            r = conn.getresponse()
            return r.status, r.getheaders(), r.read().decode("utf-8", "replace")
        finally:
            conn.close()

    def sign_in(self, user="vanessa", password=PASSWORD, instance=None):
        """Signs `user` in through the sign-in form, as a browser does (the form's CSRF token and the login
        cookie set with it); the session cookie's value. Stops the test when it is refused."""
        status, headers, page = self.fetch("GET", "/login", instance=instance)
        csrf = re.search(r'name="csrf" value="([^"]+)"', page)
        if status != 200 or not csrf:
            raise SystemExit(f"the sign-in page: {status}")
        jar = set_cookies(headers)
        form = urllib.parse.urlencode({"user": user, "password": password, "csrf": csrf.group(1)})
        status, headers, _ = self.fetch("POST", "/login", form, {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())}, instance)
        session = set_cookies(headers).get("__Host-inbox_session")
        if status != 303 or not session:
            raise SystemExit(f"sign-in of {user}{'' if instance is None else f' on instance {instance}'}: "
                             f"{status}, no session cookie")
        return session

    def execute(self, sql):
        """One statement on the inbox's store, SQLite or PostgreSQL, as the test's own change to the data."""
        if self.postgresql:
            psql(self.postgresql, sql)
            return
        with sqlite3.connect(os.path.join(self.d, "data", "inbox.sqlite")) as db:
            db.execute(sql)

    def intake(self):
        cases = json.load(open(os.path.join(self.source, "tests", "inbox", "fixtures", "intake_cases.json")))
        intake = cases["base"]
        intake["intake_id"] = str(uuid.uuid4())
        return intake

    def signed_headers(self, intake_id, body):
        stamp = str(int(time.time()))
        mac = hmac.new(self.key, f"{intake_id}.{stamp}.".encode() + body, hashlib.sha256).digest()
        return {"Content-Type": "application/json", "webhook-id": intake_id, "webhook-timestamp": stamp,
                "webhook-signature": "v1," + base64.b64encode(mac).decode()}

    def deliver(self, timeout=30):
        """Posts one new signed intake; its status."""
        intake = self.intake()
        body = json.dumps(intake).encode()
        return self.request("POST", "/intakes", body, self.signed_headers(intake["intake_id"], body),
                            timeout)[0]


def main():
    """`arrangement.py --bench BENCH --inbox BIN --source DIR [--senders K] [N]`: inbox_bench through the
    arrangement; under with_postgresql.py (KIOSK_TEST_POSTGRESQL) the inbox stores into a new database there."""
    import argparse
    import tempfile
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", required=True)
    parser.add_argument("--inbox", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--mode", choices=("nginx", "direct"), default="nginx")
    parser.add_argument("--senders", default="4")
    parser.add_argument("per_sender", nargs="?", default="500")
    args = parser.parse_args()
    postgresql = test_database("inbox_bench")
    with tempfile.TemporaryDirectory(prefix="inbox-bench-") as work:
        arr = Arrangement(args.inbox, args.source, work, args.mode, postgresql=postgresql)
        try:
            arr.start()
            done = subprocess.run([args.bench, "--senders", args.senders, args.per_sender,
                                   f"https://127.0.0.1:{arr.port}/intakes", arr.ca,
                                   os.path.join(work, "etc", "front-desk-1.whsec")])
        finally:
            arr.stop()
        return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
