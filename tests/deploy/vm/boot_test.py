#!/usr/bin/env python3
"""The real Debian package booted in a VM: a Debian 12 image made with mmdebstrap (cached under the build
dir, keyed by its package list), the project's .debs installed in it with dpkg, the inbox set up as its
package says (nginx and the shipped site on the guest's loopback, a certificate made here), booted by QEMU
with systemd as PID 1 and no network device. Driven from the host through QMP (screendumps, a usb-tablet
tap) and an agent on a virtio serial port (commands as root in the guest). Each check is a named step; the first that fails ends the run with its evidence.

  a  the kiosk is on the screen under cage within N s of power-on (screendump vs a headless render)
  b  a tap through QMP reaches the app ("Tap to start" leads to the language screen)
  c  an intake committed on the guest (headless visit as the kiosk's user, real data dir) is delivered by
     the sender service to the inbox and stored exactly once
  d  the UI's unit cannot reach the network nor read the delivery secret; the UI process has no inet socket
  e  kill -9 of the UI: screen back within 5 s, the sender untouched; SIGSTOP of the UI: the watchdog
     restarts it; `systemctl stop` in under 2 s without SIGKILL; a reboot brings the kiosk back

usage: boot_test.py BUILD_DIR SOURCE_DIR [--keep] [--hold] [--tcg] [--fault NAME] [--image-only]
Exit 0 passed, 1 failed, 77 cannot run here (not root, no QEMU/mmdebstrap, no network and no cached image).
Screendumps (PNG), the serial console and the guest's journal land in BUILD_DIR/vm-boot/.
"""
import argparse
import fcntl
import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import guest  # noqa: E402
import screen  # noqa: E402

SUITE = "bookworm"
MIRROR = "http://deb.debian.org/debian"
# What a Debian 12 machine booted by systemd needs besides the packages' own Depends.
# libpam-systemd: a standard Debian install has it (systemd recommends it); the package no longer needs it, but
# the planted fault "pam-session" does.
BASE_PACKAGES = ["systemd", "systemd-sysv", "udev", "dbus", "linux-image-amd64", "libpam-systemd"]
# What the checks run inside the guest.
TOOL_PACKAGES = ["sqlite3", "procps", "iproute2"]
IMAGE_RECIPE = 1  # bump when the mmdebstrap command below changes what the image holds
INBOX_PORT = 443  # nginx, in front of intake-inbox (the inbox package's site)
KIOSK = "glowup-kiosk"
UI_UNIT, SENDER_UNIT, INBOX_UNIT = "glowup-kiosk.service", "glowup-kiosk-sender.service", "glowup-kiosk-inbox.service"
MATCH = 0.85  # similarity of a screendump to a headless render that counts as "this screen"
# Under TCG the guest's CPU is emulated, several times slower than the hardware the limits are written for:
# the limits of e1 (screen back after kill -9) and e3 (systemctl stop) are multiplied by this there.
TCG_SLOWDOWN = 6.0
HERE = os.path.dirname(os.path.abspath(__file__))

# Faults planted on purpose (--fault), to show that the checks fail: each is a drop-in or a fixture change.
FAULTS = {
    "ui-network": "UI unit may use the network (RestrictAddressFamilies and IPAddressDeny cleared)",
    "secret-world-readable": "the delivery secret (and the directory it is in) readable by everyone",
    "no-ready": "the UI never sends READY=1 (NOTIFY_SOCKET removed from its environment)",
    "pam-session": "the UI unit opens a logind session again (PAMName=, as before this test existed)",
    "no-watchdog": "the UI unit has no watchdog (WatchdogSec=0)",
    "cage-sigterm": "systemctl stop signals cage itself (the unit's ExecStop= cleared)",
}

T0 = time.monotonic()


class Failed(Exception):
    pass


class Skipped(Exception):
    pass


def say(msg):
    print(f"[{time.monotonic() - T0:7.1f}s] {msg}", flush=True)


class Steps:
    """Named phases: each prints its start, its duration, and on failure its name with the reason."""

    def __init__(self):
        self.timings = []

    def __call__(self, name):
        steps = self

        class Step:
            def __enter__(self):
                self.start = time.monotonic()
                print(f"\n== {name}", flush=True)
                return self

            def __exit__(self, kind, exc, tb):
                took = time.monotonic() - self.start
                steps.timings.append((name, took, kind is None))
                if kind is None:
                    say(f"ok: {name} ({took:.1f} s)")
                elif kind in (Failed, guest.GuestError, subprocess.CalledProcessError):
                    print(f"\nFAIL [{name}]: {exc}", flush=True)
                return False

        return Step()

    def report(self):
        print("\n== timings")
        for name, took, ok in self.timings:
            print(f"  {took:7.1f} s  {'ok  ' if ok else 'FAIL'}  {name}")
        print(f"  {time.monotonic() - T0:7.1f} s  total")


def run(cmd, **kw):
    kw.setdefault("check", True)
    kw.setdefault("stdout", subprocess.PIPE)
    kw.setdefault("stderr", subprocess.STDOUT)
    kw.setdefault("text", True)
    try:
        return subprocess.run(cmd, **kw)
    except subprocess.CalledProcessError as e:
        raise Failed(f"{' '.join(cmd[:4])}... exited {e.returncode}:\n{(e.stdout or '')[-3000:]}") from None


# ---------------------------------------------------------------------------------------------- the image

def deb_depends(deb, ours):
    """The package names in a .deb's Depends (first alternative, no versions), without our own packages."""
    field = run(["dpkg-deb", "-f", deb, "Depends"]).stdout.strip()
    names = []
    for dep in filter(None, (d.strip() for d in field.split(","))):
        name = re.split(r"[\s(:]", dep.split("|")[0].strip())[0]
        if name and name not in ours:
            names.append(name)
    return names


def mirror_reachable():
    try:
        with urllib.request.urlopen(f"{MIRROR}/dists/{SUITE}/InRelease", timeout=15) as r:
            return r.status == 200
    except OSError:
        return False


def base_image(cache, packages):
    """The cached mmdebstrap tarball for this package list; made (a few minutes) when missing."""
    os.makedirs(cache, exist_ok=True)
    key = hashlib.sha256(json.dumps({"suite": SUITE, "mirror": MIRROR, "recipe": IMAGE_RECIPE,
                                     "packages": sorted(set(packages))}).encode()).hexdigest()[:16]
    tar = os.path.join(cache, f"base-{SUITE}-{key}.tar")
    with open(os.path.join(cache, "lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one image build at a time (several checkouts may share a build dir)
        if os.path.exists(tar):
            say(f"cached image {os.path.basename(tar)} (package list unchanged: no mmdebstrap)")
            return tar
        if not mirror_reachable():
            raise Skipped(f"no cached image for this package list and {MIRROR} is not reachable")
        say(f"no cached image for this package list: mmdebstrap {SUITE} ({len(set(packages))} packages)")
        partial = tar + ".partial"
        run(["mmdebstrap", "--mode=root", "--format=tar", "--variant=apt", "--aptopt=APT::Install-Recommends \"false\"",
             "--include=" + ",".join(sorted(set(packages))), SUITE, partial, MIRROR], stdout=None, stderr=None)
        os.rename(partial, tar)
        # Only the newest image is kept: each is about 1 GB.
        for old in glob.glob(os.path.join(cache, "base-*.tar*")):
            if old != tar:
                os.unlink(old)
        return tar


# ---------------------------------------------------------------------------------------------- the disk

def chroot(root, *cmd, user=None, stdin=None):
    args = ["chroot"] + ([f"--userspec={user}:{user}"] if user else []) + [root] + list(cmd)
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "DEBIAN_FRONTEND": "noninteractive", "LC_ALL": "C.UTF-8",
           "HOME": "/root"}
    return run(args, env=env, input=stdin)


def write(root, path, text, mode=0o644, owner=None):
    full = root + path
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(full, mode)
    if owner:
        chroot(root, "chown", owner, path)


def unit_dir(root):
    for d in ("/usr/lib/systemd/system", "/lib/systemd/system"):
        if os.path.exists(root + d + "/" + UI_UNIT):
            return d
    raise Failed(f"{UI_UNIT} is not installed by the package")


def enable(root, unit, target):
    wants = f"{root}/etc/systemd/system/{target}.wants"
    os.makedirs(wants, exist_ok=True)
    link = f"{wants}/{unit}"
    if not os.path.lexists(link):
        os.symlink(f"{unit_dir(root)}/{unit}", link)


def make_certificate(work):
    key, pem = os.path.join(work, "inbox.key"), os.path.join(work, "inbox.pem")
    run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-days", "30", "-keyout", key, "-out", pem, "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
    return open(key).read(), open(pem).read()


def install_fixtures(root, work, source, fault):
    """What the guest needs besides the packages: an inbox with a certificate and a staff user, the kiosk
    pointed at it with a delivery secret, the agent, the visit script. Returns facts the checks use."""
    key, pem = make_certificate(work)
    secret = "whsec_" + __import__("base64").b64encode(os.urandom(32)).decode()
    inbox_user = "glowup-kiosk-inbox"
    # The inbox as README's "The intake inbox package" sets it up: nginx in front with the shipped site
    # (TLS on 443, its certificate read by nginx's master as root), intake-inbox on its unix socket.
    write(root, "/etc/glowup-kiosk-inbox/tls/inbox.pem", pem, 0o644)
    write(root, "/etc/glowup-kiosk-inbox/tls/inbox.key", key, 0o600)
    write(root, "/etc/glowup-kiosk-inbox/secrets/front-desk-1.whsec", secret + "\n", 0o600, owner=inbox_user)
    inbox = json.load(open(root + "/usr/share/doc/glowup-kiosk-inbox/examples/inbox.json"))
    inbox["kiosks"] = {"front-desk-1": {"webhook_secret_files": ["/etc/glowup-kiosk-inbox/secrets/front-desk-1.whsec"]}}
    write(root, "/etc/glowup-kiosk-inbox/inbox.json", json.dumps(inbox, indent=2) + "\n", 0o644)
    enable(root, INBOX_UNIT, "multi-user.target")
    os.symlink("../sites-available/glowup-kiosk-inbox", root + "/etc/nginx/sites-enabled/glowup-kiosk-inbox")
    chroot(root, "/usr/bin/intake-inbox", "--config", "/etc/glowup-kiosk-inbox/inbox.json", "add-user",
           "vm-staff", user=inbox_user, stdin="boot-test-staff-password\n")

    # The kiosk: the secret where this package says secrets go (a directory only the sender can read, or,
    # before the sender had its own user, a file beside kiosk.json in the kiosk's group).
    secrets_dir = root + "/etc/glowup-kiosk/secrets"
    if os.path.isdir(secrets_dir):
        secret_path = "/etc/glowup-kiosk/secrets/webhook-secret"
        group = os.stat(secrets_dir).st_gid
    else:
        secret_path = "/etc/glowup-kiosk/webhook-secret"
        group = int(chroot(root, "getent", "group", KIOSK).stdout.split(":")[2])
    write(root, secret_path, secret + "\n", 0o644 if fault == "secret-world-readable" else 0o640)
    os.chown(root + secret_path, 0, group)
    if fault == "secret-world-readable":
        os.chmod(os.path.dirname(root + secret_path), 0o755)
    write(root, "/etc/glowup-kiosk/inbox-ca.pem", pem, 0o644)
    config_path = root + "/etc/glowup-kiosk/kiosk.json"
    config = json.load(open(config_path))
    config["delivery"] = {"url": f"https://127.0.0.1:{INBOX_PORT}/intakes", "webhook_secret_file": secret_path,
                          "ca_file": "/etc/glowup-kiosk/inbox-ca.pem"}
    write(root, "/etc/glowup-kiosk/kiosk.json", json.dumps(config, indent=2) + "\n", 0o644)

    # The agent (commands from the host) and what the checks run.
    shutil.copy(os.path.join(HERE, "vm-agent"), root + "/usr/local/sbin/vm-agent")
    os.chmod(root + "/usr/local/sbin/vm-agent", 0o755)
    shutil.copy(os.path.join(HERE, "vm-agent.service"), root + "/etc/systemd/system/vm-agent.service")
    os.makedirs(root + "/etc/systemd/system/sysinit.target.wants", exist_ok=True)
    os.symlink("/etc/systemd/system/vm-agent.service", root + "/etc/systemd/system/sysinit.target.wants/vm-agent.service")
    shutil.copy(os.path.join(HERE, "sandbox-probe"), root + "/usr/local/sbin/sandbox-probe")
    os.chmod(root + "/usr/local/sbin/sandbox-probe", 0o755)
    # The privacy notice follows the config: this one delivers, so the notice must say the answers are sent.
    visit = open(os.path.join(source, "tests/scripts/full-visit.kiosk"), encoding="utf-8").read()
    not_sent = 'expect text "This kiosk does not send your answers anywhere"\n'
    if not_sent not in visit:
        raise Failed("full-visit.kiosk no longer checks the privacy notice")
    visit = visit.replace(not_sent, 'expect text "Your answers are sent over a secure connection"\n')
    write(root, "/usr/local/share/vm-test-visit.kiosk", visit, 0o644)
    # A quiet, repeatable boot: no apt timers, a name.
    for timer in glob.glob(root + "/etc/systemd/system/timers.target.wants/*"):
        os.unlink(timer)
    write(root, "/etc/hostname", "kiosk-vm\n")

    if fault == "ui-network":
        write(root, f"/etc/systemd/system/{UI_UNIT}.d/fault.conf",
              "[Service]\nRestrictAddressFamilies=\nIPAddressDeny=\n")
    elif fault == "no-ready":
        write(root, f"/etc/systemd/system/{UI_UNIT}.d/fault.conf",
              "[Service]\nUnsetEnvironment=NOTIFY_SOCKET\n")
    elif fault == "pam-session":
        # As the unit was: a logind session (pam_systemd points XDG_RUNTIME_DIR at /run/user, hence env), with
        # the PAM stack the package used to ship.
        write(root, f"/etc/pam.d/{KIOSK}", "auth required pam_unix.so\naccount required pam_unix.so\n"
              "session required pam_unix.so\nsession required pam_systemd.so\n")
        write(root, f"/etc/systemd/system/{UI_UNIT}.d/fault.conf",
              f"[Service]\nPAMName={KIOSK}\nExecStart=\nExecStart=/usr/bin/env XDG_RUNTIME_DIR=/run/{KIOSK} "
              "/usr/bin/cage $CAGE_OPTIONS -- /usr/bin/kiosk $KIOSK_OPTIONS\n")
    elif fault == "no-watchdog":
        write(root, f"/etc/systemd/system/{UI_UNIT}.d/fault.conf", "[Service]\nWatchdogSec=0\n")
    elif fault == "cage-sigterm":
        write(root, f"/etc/systemd/system/{UI_UNIT}.d/fault.conf", "[Service]\nExecStop=\n")
    return {"secret_path": secret_path}


def make_disk(base_tar, debs, work, source, fault):
    root = os.path.join(work, "root")
    os.makedirs(root)
    run(["tar", "-C", root, "--numeric-owner", "-xpf", base_tar])
    os.makedirs(root + "/tmp/vm-debs")
    for deb in debs:
        shutil.copy(deb, root + "/tmp/vm-debs/")
    out = chroot(root, "sh", "-c", "dpkg -i /tmp/vm-debs/*.deb").stdout
    say("dpkg -i: " + "; ".join(line for line in out.splitlines() if line.startswith("Setting up")))
    shutil.rmtree(root + "/tmp/vm-debs")
    facts = install_fixtures(root, work, source, fault)
    kernel = sorted(glob.glob(root + "/boot/vmlinuz-*"))[-1]
    initrd = sorted(glob.glob(root + "/boot/initrd.img-*"))[-1]
    shutil.copy(kernel, os.path.join(work, "vmlinuz"))
    shutil.copy(initrd, os.path.join(work, "initrd.img"))
    disk = os.path.join(work, "disk.img")
    run(["mke2fs", "-q", "-F", "-t", "ext4", "-L", "kiosk-root", "-d", root, disk, "3G"])
    shutil.rmtree(root)
    return disk, facts


# ---------------------------------------------------------------------------------------- reference renders

def reference_renders(debs, work):
    """The attract and language screens as the packaged binary draws them headless at 1920x1080."""
    pkg = os.path.join(work, "pkgroot")
    for deb in debs:
        run(["dpkg-deb", "-x", deb, pkg])
    script = os.path.join(work, "reference.kiosk")
    with open(script, "w") as f:
        f.write('expect screen attract\nscreenshot attract.png\ntap "Tap to start"\n'
                'expect screen language\nscreenshot language.png\n')
    shots = os.path.join(work, "reference")
    run([pkg + "/usr/bin/kiosk", "--headless", "--script", script, "--screenshots", shots, "--size", "1920x1080",
         "--config", pkg + "/etc/glowup-kiosk/kiosk.json", "--content", pkg + "/usr/share/glowup-kiosk/content",
         "--data-dir", os.path.join(work, "reference-data")])
    return screen.read_png(os.path.join(shots, "attract.png")), screen.read_png(os.path.join(shots, "language.png"))


# ------------------------------------------------------------------------------------------------ the run

class Run:
    def __init__(self, args, out, work, vm, attract, language, facts, slowdown):
        self.args, self.out, self.work, self.vm = args, out, work, vm
        self.slowdown = slowdown
        self.attract, self.language, self.facts = attract, language, facts
        self.dumps = 0

    @property
    def agent(self):
        return self.vm.agent

    def sh(self, script, timeout=60, check=True):
        return self.agent.run(script, timeout=timeout, check=check)[1]

    def grab(self, name=None):
        """A screendump; saved as PNG under vm-boot/screens when named."""
        ppm = os.path.join(self.work, "dump.ppm")
        self.vm.qmp.screendump(ppm)
        img = screen.read_ppm(ppm)
        if name:
            screen.write_png(os.path.join(self.out, "screens", name + ".png"), img)
        return img

    def unit(self, unit, *props):
        text = self.sh(f"systemctl show {unit} " + " ".join(f"-p {p}" for p in props))
        return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)

    def kiosk_pid(self):
        main = self.unit(UI_UNIT, "MainPID")["MainPID"]
        return self.sh(f"pgrep -P {main} -x kiosk || true").strip().split("\n")[0], main

    def wait_for_screen(self, reference, deadline, name, also=None, every=0.5):
        """Polls screendumps until one matches `reference` (and `also()` holds); returns (seconds, score)."""
        start, best, last, matched_but = time.monotonic(), 0.0, None, None
        while time.monotonic() < deadline:
            if not self.vm.alive():
                raise Failed("QEMU exited")
            img = self.grab()
            score = screen.similarity(img, reference)
            best, last = max(best, score), img
            if score >= MATCH:
                if also is None or also():
                    screen.write_png(os.path.join(self.out, "screens", name + ".png"), img)
                    return time.monotonic() - start, score
                matched_but = self.unit(UI_UNIT, "ActiveState", "SubState", "Result", "MainPID")
            time.sleep(every)
        if matched_but:
            screen.write_png(os.path.join(self.out, "screens", name + "-FAILED.png"), last)
            raise Failed(f"the screen showed the expected picture, but {UI_UNIT} was not up as required "
                         f"({matched_but}); last screendump: {os.path.join(self.out, 'screens', name + '-FAILED.png')}")
        if last is not None:
            screen.write_png(os.path.join(self.out, "screens", name + "-FAILED.png"), last)
        raise Failed(f"the expected screen did not appear (best similarity {best:.2f} < {MATCH}); last "
                     f"screendump: {os.path.join(self.out, 'screens', name + '-FAILED.png')}")

    def ui_active(self):
        p = self.unit(UI_UNIT, "ActiveState", "SubState")
        return p.get("ActiveState") == "active" and p.get("SubState") == "running"

    # -- a: on screen at boot
    def on_screen_at_boot(self, limit, label):
        deadline = self.vm.started + limit
        took, score = self.wait_for_screen(self.attract, deadline, label, also=self.ui_active)
        since_power_on = time.monotonic() - self.vm.started
        p = self.unit(UI_UNIT, "ActiveEnterTimestampMonotonic", "MainPID")
        active_at = int(p["ActiveEnterTimestampMonotonic"]) / 1e6
        say(f"kiosk on screen {since_power_on:.1f} s after power-on (similarity {score:.2f} to the headless "
            f"attract render); {UI_UNIT} active (READY=1 taken) at {active_at:.1f} s of guest uptime")
        pss = self.sh(f"for p in $(systemctl show {UI_UNIT} -p ControlGroup --value | xargs -I@ cat /sys/fs/cgroup@/cgroup.procs); do "
                      "echo \"$(cat /proc/$p/comm) $(awk '/^Pss:/ {print $2}' /proc/$p/smaps_rollup)\"; done", check=False)
        say("PSS in the UI's service: " + ", ".join(f"{c} {int(k) / 1024:.0f} MB" for c, k in
                                                     (l.split() for l in pss.splitlines() if len(l.split()) == 2)))
        return since_power_on

    # -- b: a tap
    def tap_reaches_app(self):
        box = screen.find_colour_box(self.attract, self.attract.pixel(*self._button_probe()),
                                     top=int(self.attract.height * 0.7))
        if not box:
            raise Failed("could not find the 'Tap to start' button in the headless render")
        x, y = (box[0] + box[2]) // 2, (box[1] + box[3]) // 2
        # Up to three taps: on an emulated CPU shared with other work the kiosk can take longer than the tap's
        # pauses to take the pointer's first motion, and then that press is lost (as a first touch before the
        # app has drawn would be). The note says how many it took.
        for attempt in range(1, 4):
            self.vm.qmp.tap(x, y, self.attract.width, self.attract.height, pause=0.7 * min(self.slowdown, 3.0))
            say(f"tap {attempt}: ({x}, {y}) through QMP (usb-tablet)")
            try:
                took, score = self.wait_for_screen(self.language, time.monotonic() + 20, "b-language-after-tap")
                break
            except Failed:
                if attempt == 3:
                    raise
        log = self.sh(f"journalctl -b -u {UI_UNIT} -o cat | grep -c 'screen attract -> language' || true")
        say(f"language screen {took:.1f} s after the tap (similarity {score:.2f}); the kiosk logged "
            f"'screen attract -> language' {log.strip()} time(s)")
        if int(log.strip() or 0) < 1:
            raise Failed("the screen changed but the kiosk did not log the change to the language screen")

    def _button_probe(self):
        # The "Tap to start" button is the brand-coloured shape in the bottom third of the attract screen.
        img = self.attract
        for y in range(int(img.height * 0.7), img.height, 4):
            for x in range(img.width // 3, 2 * img.width // 3, 4):
                p = img.pixel(x, y)
                if max(p) - min(p) > 60:
                    return x, y
        raise Failed("no coloured button in the bottom third of the attract render")

    # -- c: an intake delivered once
    def intake_delivered_once(self):
        out = self.sh(f"cd / && runuser -u {KIOSK} -- kiosk --headless --script /usr/local/share/vm-test-visit.kiosk "
                      f"--data-dir /var/lib/{KIOSK} 2>&1", timeout=300)
        m = re.search(r"intake ([0-9a-f-]+) committed", out)
        if not m:
            raise Failed(f"the headless visit committed no intake:\n{out[-2000:]}")
        intake = m.group(1)
        say(f"headless visit as {KIOSK} into /var/lib/{KIOSK}: intake {intake} committed")
        # The visit runs on a virtual clock (2026-11-25 10:00): make the intake due now, as "retry now" would.
        self.sh(f"runuser -u {KIOSK} -- sqlite3 -cmd '.timeout 10000' /var/lib/{KIOSK}/outbox.sqlite "
                f"\"UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00Z' WHERE id = '{intake}'\"")
        start, count = time.monotonic(), "0"
        while time.monotonic() - start < 60:
            count = self.sh("runuser -u glowup-kiosk-inbox -- sqlite3 -cmd '.timeout 10000' /var/lib/glowup-kiosk-inbox/inbox.sqlite "
                            f"\"SELECT count(*) FROM intakes WHERE id = '{intake}'\"").strip()
            if count != "0":
                break
            time.sleep(1)
        took = time.monotonic() - start
        if count != "1":
            raise Failed(f"the inbox holds {count} row(s) for {intake} after {took:.0f} s (expected exactly 1)\n"
                         + self.sh(f"journalctl -b -u {SENDER_UNIT} -u {INBOX_UNIT} -n 40 --no-pager", check=False))
        time.sleep(3)  # a duplicate post would come now, if at all
        rows = self.sh("runuser -u glowup-kiosk-inbox -- sqlite3 -cmd '.timeout 10000' /var/lib/glowup-kiosk-inbox/inbox.sqlite "
                       "\"SELECT count(*) FROM intakes\"").strip()
        posts = self.sh(f"journalctl -b -u {SENDER_UNIT} -o cat | grep -c 'intake {intake} delivered' || true").strip()
        state = self.sh(f"runuser -u {KIOSK} -- sqlite3 -cmd '.timeout 10000' /var/lib/{KIOSK}/outbox.sqlite "
                        f"\"SELECT state FROM outbox WHERE id = '{intake}'\"").strip()
        say(f"delivered {took:.1f} s after commit by {SENDER_UNIT}; inbox rows: {rows} (this intake once), "
            f"sender log lines 'delivered': {posts}, outbox state: {state}")
        if rows != "1" or posts != "1" or state != "delivered":
            raise Failed(f"expected one stored intake, one delivery and state delivered; got rows={rows}, "
                         f"deliveries={posts}, state={state}")
        self.intake = intake

    # -- d: the UI's sandbox
    def probe_units(self, probes):
        """Runs tests/deploy/vm/sandbox-probe under the sandbox and credentials of each unit (the [Service]
        settings that confine a process, drop-ins included) as oneshot units; returns their answers and the
        settings each ran with. probes: {unit: probe unit name}."""
        keep = re.compile(r"^(User|Group|SupplementaryGroups|DynamicUser|NoNewPrivileges|Protect\w+|Private\w+|"
                          r"CapabilityBoundingSet|AmbientCapabilities|RestrictAddressFamilies|IPAddress\w+|"
                          r"Restrict\w+|LockPersonality|MemoryDenyWriteExecute|SystemCall\w+|ReadWritePaths|"
                          r"ReadOnlyPaths|InaccessiblePaths|TemporaryFileSystem|Bind\w*Paths|UMask|ProcSubset|"
                          r"SocketBind\w+|NetworkNamespacePath|UnsetEnvironment)=")
        script, settings = "", {}
        for unit, name in probes.items():
            lines, section = [], None
            for line in self.sh(f"systemctl cat {unit}").splitlines():
                line = line.strip()
                if line.startswith("["):
                    section = line
                elif section == "[Service]" and keep.match(line):
                    lines.append(line)
            settings[unit] = lines
            body = ("[Unit]\nDescription=boot test: what the sandbox of %s allows\n[Service]\nType=oneshot\n"
                    "ExecStart=/usr/local/sbin/sandbox-probe %s %d\nStandardOutput=file:/run/%s.out\n"
                    "StandardError=inherit\n%s\n" % (unit, self.facts["secret_path"], INBOX_PORT, name, "\n".join(lines)))
            script += f"cat > /run/systemd/system/{name}.service <<'EOF'\n{body}EOF\n"
        script += "systemctl daemon-reload\n" + "".join(f"systemctl start {n}.service\n" for n in probes.values())
        self.sh(script, timeout=120)
        answers = {}
        for unit, name in probes.items():
            out = self.sh(f"cat /run/{name}.out")
            answers[unit] = dict(l.split(": ", 1) for l in out.splitlines() if ": " in l)
        return answers, settings

    def ui_sandbox(self):
        answers, settings = self.probe_units({UI_UNIT: "vmtest-probe-ui", SENDER_UNIT: "vmtest-probe-sender"})
        ui, sender, ui_lines = answers[UI_UNIT], answers[SENDER_UNIT], settings[UI_UNIT]
        say(f"as {UI_UNIT}: {ui}")
        say(f"as {SENDER_UNIT} (the control: must connect and read): {sender}")
        if sender.get("connect") != "yes" or sender.get("secret") != "yes":
            raise Failed(f"the probe does not work: under the sender's unit it should connect to the inbox and "
                         f"read the secret, it says {sender}")
        problems = []
        if not ui.get("connect", "").startswith("no"):
            problems.append(f"the UI's unit connected to 127.0.0.1:{INBOX_PORT} ({ui.get('connect')})")
        if not ui.get("secret", "").startswith("no"):
            problems.append(f"the UI's unit can read the delivery secret {self.facts['secret_path']}")
        problems += self.ui_process_has_no_inet()
        if problems:
            raise Failed("; ".join(problems) + "\n(probe ran with: " + " ".join(ui_lines) + ")")

    def ui_process_has_no_inet(self):
        kiosk, main = self.kiosk_pid()
        if not kiosk:
            return ["no kiosk process under cage"]
        out = self.sh(f"""
            echo "cgroup: $(cut -d: -f3 /proc/{kiosk}/cgroup)"
            echo "seccomp: $(awk '/^Seccomp:/ {{print $2}}' /proc/{kiosk}/status)"
            inet=$(awk 'NR > 1 {{print $10}}' /proc/net/tcp /proc/net/tcp6 /proc/net/udp /proc/net/udp6 \
                   /proc/net/raw /proc/net/raw6 | sort -u)
            n=0; bad=""
            for s in $(ls -l /proc/{kiosk}/fd /proc/{main}/fd 2>/dev/null | grep -o 'socket:\\[[0-9]*\\]' | tr -dc '0-9\\n'); do
              n=$((n + 1)); echo "$inet" | grep -qx "$s" && bad="$bad $s"
            done
            echo "sockets: $n"; echo "inet:$bad"
        """)
        facts = dict(l.split(": ", 1) if ": " in l else (l.rstrip(":"), "") for l in out.splitlines() if l)
        say(f"kiosk pid {kiosk} (cage {main}): cgroup {facts.get('cgroup')}, seccomp mode {facts.get('seccomp')}, "
            f"{facts.get('sockets')} sockets, inet sockets: {facts.get('inet') or 'none'}")
        problems = []
        if facts.get("cgroup") != f"/system.slice/{UI_UNIT}":
            problems.append(f"the kiosk runs in {facts.get('cgroup')}, outside {UI_UNIT}: the unit's IP firewall "
                            "(IPAddressDeny) and its limits do not apply to it")
        if facts.get("seccomp") != "2":
            problems.append("the kiosk has no seccomp filter (RestrictAddressFamilies/SystemCallFilter)")
        if facts.get("inet"):
            problems.append(f"the kiosk or cage holds inet sockets: {facts['inet']}")
        return problems

    # -- e: crashes, hangs, stop, reboot
    def kill_9(self):
        sender_before = self.unit(SENDER_UNIT, "MainPID", "NRestarts")
        kiosk, main = self.kiosk_pid()
        t0 = time.monotonic()
        self.sh(f"kill -9 {kiosk}")
        self.grab("e1-just-after-kill-9")

        def back():
            k, m = self.kiosk_pid()
            return m != main and k and self.ui_active()
        limit = 5.0 * self.slowdown
        took, score = self.wait_for_screen(self.attract, t0 + limit, "e1-back-after-kill-9", also=back, every=0.2)
        took = time.monotonic() - t0
        sender_after = self.unit(SENDER_UNIT, "MainPID", "NRestarts", "ActiveState")
        say(f"kill -9 of kiosk {kiosk}: attract screen back after {took:.1f} s (limit {limit:.0f} s"
            f"{'' if self.slowdown == 1 else ': 5 s x ' + str(self.slowdown) + ' under TCG'}; new cage {self.kiosk_pid()[1]}); "
            f"sender MainPID {sender_before['MainPID']} -> {sender_after['MainPID']}, restarts "
            f"{sender_before['NRestarts']} -> {sender_after['NRestarts']}, {sender_after['ActiveState']}")
        if (sender_after["MainPID"], sender_after["NRestarts"]) != (sender_before["MainPID"], sender_before["NRestarts"]) \
                or sender_after["ActiveState"] != "active":
            raise Failed("the sender service stopped or restarted when the UI was killed")

    def sigstop(self):
        p = self.unit(UI_UNIT, "WatchdogUSec", "TimeoutAbortUSec", "RestartUSec")
        watchdog = int(p["WatchdogUSec"]) / 1e6 if p["WatchdogUSec"].isdigit() else None
        if not watchdog:
            raw = self.sh(f"systemctl show {UI_UNIT} -p WatchdogUSec --value").strip()
            watchdog = parse_seconds(raw)
        if not watchdog:
            raise Failed(f"{UI_UNIT} has no watchdog (WatchdogUSec={p['WatchdogUSec']})")
        cursor = self.sh(f"journalctl -u {UI_UNIT} -n 0 --show-cursor | sed -n 's/^-- cursor: //p'").strip()
        kiosk, main = self.kiosk_pid()
        t0 = time.monotonic()
        self.sh(f"kill -STOP {kiosk}")

        def back():
            k, m = self.kiosk_pid()
            return m != main and k and self.ui_active()
        limit = watchdog + 10 + 30
        self.wait_for_screen(self.attract, t0 + limit, "e2-back-after-sigstop", also=back, every=1.0)
        took = time.monotonic() - t0
        log = self.sh(f"journalctl -u {UI_UNIT} --after-cursor='{cursor}' -o cat --no-pager")
        say(f"SIGSTOP of kiosk {kiosk}: back after {took:.1f} s (WatchdogSec {watchdog:.0f} s)")
        if "Watchdog timeout" not in log:
            raise Failed(f"the UI came back but not through the watchdog:\n{log[-2000:]}")
        print("    " + "\n    ".join(l for l in log.splitlines() if "atchdog" in l or "Main process" in l))

    def stop_quickly(self):
        out = self.sh(f"""
            cursor=$(journalctl -u {UI_UNIT} -n 0 --show-cursor | sed -n 's/^-- cursor: //p')
            t0=$(date +%s%N); systemctl stop {UI_UNIT}; t1=$(date +%s%N)
            echo "elapsed_ms: $(( (t1 - t0) / 1000000 ))"
            systemctl show {UI_UNIT} -p Result -p ExecMainCode -p ExecMainStatus | sed 's/=/: /'
            journalctl -u {UI_UNIT} --after-cursor="$cursor" -o cat --no-pager | sed 's/^/log: /'
        """, timeout=60)
        ms = int(re.search(r"elapsed_ms: (\d+)", out).group(1))
        log = [l[5:] for l in out.splitlines() if l.startswith("log: ")]
        killed = [l for l in log if re.search(r"Killing|SIGKILL|timed out", l)]
        say(f"systemctl stop took {ms} ms; " + re.sub(r"\n(?!log)", ", ", "\n".join(
            l for l in out.splitlines() if l.startswith(("Result", "ExecMain")))))
        print("    " + "\n    ".join(log[-8:]))
        self.grab("e3-after-stop")
        result = re.search(r"^Result: (\S+)", out, re.M)
        result = result.group(1) if result else "?"
        limit_ms = 2000 * self.slowdown
        say(f"limit {limit_ms / 1000:.0f} s" + ("" if self.slowdown == 1 else f" (2 s x {self.slowdown} under TCG)"))
        if ms >= limit_ms or killed or result != "success":
            raise Failed(f"systemctl stop took {ms} ms, result {result}"
                         + (f"; the journal shows: {killed}" if killed else "") + "\n" + "\n".join(log[-12:]))

    def reboot(self, limit):
        old = self.agent.boot_id
        t0 = time.monotonic()
        self.agent.send_only("systemctl reboot")
        try:
            self.vm.proc.wait(timeout=120)  # -no-reboot: QEMU exits when the guest has shut down
        except subprocess.TimeoutExpired:
            raise Failed("the guest did not finish shutting down within 120 s of `systemctl reboot`") from None
        say(f"the guest shut down in {time.monotonic() - t0:.1f} s; powering it on again (same disk)")
        self.vm.stop()
        self.vm.start()
        self.agent.wait_ready(limit, not_boot=old)
        self.vm.started = t0  # "power-on" for the on-screen deadline is the reboot command
        took = self.on_screen_at_boot(limit, "e4-after-reboot")
        rows = self.sh("runuser -u glowup-kiosk-inbox -- sqlite3 -cmd '.timeout 10000' /var/lib/glowup-kiosk-inbox/inbox.sqlite "
                       f"\"SELECT count(*) FROM intakes WHERE id = '{self.intake}'\"").strip()
        say(f"after the reboot: kiosk on screen {took:.1f} s after `systemctl reboot`; intake still stored {rows}x")
        if rows != "1":
            raise Failed(f"after the reboot the inbox holds the intake {rows} times")

    def save_journal(self):
        try:
            text = self.sh("journalctl -b -o short-monotonic --no-pager", timeout=120, check=False)
            with open(os.path.join(self.out, "journal.txt"), "w") as f:
                f.write(text)
        except (guest.GuestError, OSError) as e:
            say(f"(could not save the guest's journal: {e})")

    def diagnose(self):
        try:
            print(self.sh(f"systemctl --no-pager status {UI_UNIT} {SENDER_UNIT} seatd.service 2>&1 | head -60; "
                          f"journalctl -b --no-pager -n 60 -u {UI_UNIT}", timeout=60, check=False))
        except (guest.GuestError, OSError) as e:
            print(f"(the guest does not answer: {e})\n--- serial console (tail):\n{self.vm.serial_tail()}")


def parse_seconds(text):
    m = re.fullmatch(r"(?:(\d+)min ?)?(?:(\d+(?:\.\d+)?)s)?", text.strip())
    if not m or not any(m.groups()):
        return None
    return int(m.group(1) or 0) * 60 + float(m.group(2) or 0)


def kvm_usable():
    return os.path.exists("/dev/kvm") and os.access("/dev/kvm", os.R_OK | os.W_OK)


def boot(work, disk, steps, force_tcg):
    """Starts the VM; KVM when it works (a boot that does not reach the agent falls back to TCG)."""
    kernel, initrd = os.path.join(work, "vmlinuz"), os.path.join(work, "initrd.img")
    if kvm_usable() and not force_tcg:
        pristine = disk + ".pristine"
        run(["cp", "--sparse=always", disk, pristine])
        vm = guest.Vm(work, guest.qemu_command(work, kernel, initrd, disk, "kvm", append_extra="edd=off"))
        vm.start()
        try:
            vm.agent.wait_ready(60)
            os.unlink(pristine)
            return vm, "kvm"
        except guest.GuestError:
            say("KVM: the guest did not reach its agent within 60 s; serial console:\n" + vm.serial_tail(15))
            say("falling back to TCG (software emulation)")
            vm.stop()
            os.replace(pristine, disk)
    elif not force_tcg:
        say("no usable /dev/kvm: TCG (software emulation)")
    vm = guest.Vm(work, guest.qemu_command(work, kernel, initrd, disk, "tcg,thread=multi"))
    vm.start()
    return vm, "tcg"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("build")
    ap.add_argument("source")
    ap.add_argument("--keep", action="store_true", help="keep the work dir (disk image) afterwards")
    ap.add_argument("--hold", action="store_true", help="leave the VM running at the end (or at a failure)")
    ap.add_argument("--tcg", action="store_true", help="do not try KVM")
    ap.add_argument("--fault", choices=sorted(FAULTS), help="plant a fault the test must catch")
    ap.add_argument("--base-tar", help="use this mmdebstrap tarball instead of the cached image (debugging)")
    ap.add_argument("--out", help="where screendumps and logs go (default BUILD_DIR/vm-boot)")
    ap.add_argument("--image-only", action="store_true",
                    help="only make (or find) the cached base image for today's packages, then exit: tests/run-all.sh "
                         "runs this in the background while other tests run")
    args = ap.parse_args()
    build, source = os.path.abspath(args.build), os.path.abspath(args.source)

    if os.geteuid() != 0:
        raise Skipped("needs root (mmdebstrap --mode=root, chroot, file ownership in the image)")
    for tool, package in (("qemu-system-x86_64", "qemu-system-x86"), ("mmdebstrap", "mmdebstrap"),
                          ("mke2fs", "e2fsprogs"), ("cpack", "cmake"), ("openssl", "openssl")):
        if not shutil.which(tool):
            raise Skipped(f"{tool} is not installed (package {package}; deploy/setup-debian.sh installs it)")
    if not os.path.exists(os.path.join(build, "CPackConfig.cmake")):
        raise Skipped(f"{build} has no CPackConfig.cmake (a build without the kiosk UI)")
    if args.fault:
        say(f"planted fault: {args.fault}: {FAULTS[args.fault]}")

    out = os.path.abspath(args.out) if args.out else os.path.join(build, "vm-boot")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "screens"))
    cache = os.path.join(build, "vm-cache")
    os.makedirs(cache, exist_ok=True)
    work = tempfile.mkdtemp(prefix="run-", dir=cache)
    steps = Steps()
    vm = None
    status = 1
    try:
        with steps("packages (cpack -G DEB)"):
            # Up to date first: cpack reads the CPack config of the last configure and only then builds.
            run(["cmake", "--build", build])
            run(["cpack", "--config", os.path.join(build, "CPackConfig.cmake"), "-G", "DEB", "-B",
                 os.path.join(work, "packages")])
            debs = sorted(glob.glob(os.path.join(work, "packages", "*.deb")))
            names = [run(["dpkg-deb", "-f", d, "Package"]).stdout.strip() for d in debs]
            if KIOSK not in names or "glowup-kiosk-inbox" not in names:
                raise Failed(f"cpack made {names}: the boot test needs {KIOSK} and glowup-kiosk-inbox")
            depends = [p for d in debs for p in deb_depends(d, names)]
            say("built " + ", ".join(os.path.basename(d) for d in debs))
        with steps("base image (mmdebstrap, cached by package list)"):
            base = args.base_tar or base_image(cache, BASE_PACKAGES + TOOL_PACKAGES + depends)
        if args.image_only:
            status = 0
            return status
        with steps("disk: the packages installed with dpkg, test fixtures, ext4 image"):
            disk, facts = make_disk(base, debs, work, source, args.fault)
        with steps("reference renders (the packaged kiosk, headless, 1920x1080)"):
            attract, language = reference_renders(debs, work)
            screen.write_png(os.path.join(out, "screens", "reference-attract.png"), attract)
            screen.write_png(os.path.join(out, "screens", "reference-language.png"), language)
        with steps("boot (QEMU, systemd as PID 1, no network device)"):
            vm, accel = boot(work, disk, steps, args.tcg)
            vm.agent.wait_ready(120 if accel == "kvm" else 300)
            say(f"accelerator {accel}; the guest's agent answered {time.monotonic() - vm.started:.1f} s after power-on")
        limit = 60 if accel == "kvm" else 300
        slowdown = 1.0 if accel == "kvm" else TCG_SLOWDOWN
        r = Run(args, out, work, vm, attract, language, facts, slowdown)
        try:
            with steps(f"a. the kiosk is on screen under cage within {limit} s of power-on"):
                r.on_screen_at_boot(limit, "a-attract-after-boot")
            with steps("b. a tap through QMP reaches the app"):
                r.tap_reaches_app()
            with steps("c. an intake committed on the guest is delivered by the sender service, stored once"):
                r.intake_delivered_once()
            with steps("d. the UI's unit has no network and no secret; the UI process has no inet socket"):
                r.ui_sandbox()
            with steps("e1. kill -9 of the UI: screen back within 5 s, the sender never stopped"):
                r.kill_9()
            with steps("e2. SIGSTOP of the UI: the watchdog restarts it"):
                r.sigstop()
            with steps("e3. systemctl stop glowup-kiosk: under 2 s, no SIGKILL"):
                r.stop_quickly()
            with steps("e4. a reboot brings the kiosk back on screen"):
                r.reboot(limit)
            status = 0
        except (Failed, guest.GuestError):
            r.diagnose()
            raise
        finally:
            r.save_journal()
    except (Failed, guest.GuestError, subprocess.CalledProcessError):
        status = 1
    finally:
        if vm:
            try:
                shutil.copy(os.path.join(work, "serial.log"), os.path.join(out, "serial.log"))
            except OSError:
                pass
            if args.hold:
                print(f"\nVM left running (--hold): QEMU pid {vm.proc.pid}; agent {work}/agent.sock, QMP {work}/qmp.sock")
                vm.agent.close()
                vm.qmp.close()
            else:
                vm.stop()
        if not (args.keep or args.hold):
            shutil.rmtree(work, ignore_errors=True)
        steps.report()
    print(f"\nscreendumps: {out}/screens; serial console: {out}/serial.log; guest journal: {out}/journal.txt")
    print("PASS" if status == 0 else "FAIL")
    return status


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Skipped as e:
        print(f"SKIP: {e}")
        sys.exit(77)
