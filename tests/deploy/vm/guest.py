"""The boot test's side of the VM (tests/deploy/vm/boot_test.py): the QEMU command line, QMP (screendumps,
the usb-tablet tap, quit) and the agent on the virtio serial port (commands run in the guest as root).
Python standard library only."""
import base64
import json
import os
import socket
import subprocess
import time

# Serial ports: ttyS0 is the kernel and journal console (a file); the agent's port is a virtio serial port.
AGENT_PORT = "vmagent"


class GuestError(Exception):
    pass


def qemu_command(work, kernel, initrd, disk, accel, memory_mb=2048, cpus=2, append_extra=""):
    append = ("root=/dev/vda rw console=ttyS0 systemd.journald.forward_to_console=1 "
              "systemd.show_status=1 mitigations=off " + append_extra).strip()
    return [
        "qemu-system-x86_64", "-nodefaults", "-no-user-config", "-name", "glowup-kiosk-boot-test",
        "-machine", "q35", "-accel", accel, "-cpu", "host" if accel == "kvm" else "max",
        "-smp", str(cpus), "-m", str(memory_mb),
        "-kernel", kernel, "-initrd", initrd, "-append", append,
        "-drive", f"file={disk},format=raw,if=virtio,cache=unsafe",
        "-nic", "none", "-display", "none",
        # A guest reboot ends QEMU; the test starts it again on the same disk (a power cycle): a reset inside
        # the same TCG process made the next boot several times slower than a first boot.
        "-no-reboot",
        "-device", "virtio-vga,xres=1920,yres=1080",
        "-device", "qemu-xhci", "-device", "usb-tablet",
        "-chardev", f"file,id=console,path={os.path.join(work, 'serial.log')},append=on", "-serial", "chardev:console",
        "-device", "virtio-serial-pci",
        "-chardev", f"socket,id=agent,path={os.path.join(work, 'agent.sock')},server=on,wait=off",
        "-device", f"virtserialport,chardev=agent,name={AGENT_PORT}",
        "-qmp", f"unix:{os.path.join(work, 'qmp.sock')},server=on,wait=off",
    ]


def _connect_unix(path, deadline):
    while True:
        try:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(path)
            return s
        except (FileNotFoundError, ConnectionRefusedError):
            s.close()
            if time.monotonic() > deadline:
                raise GuestError(f"cannot connect to {path}")
            time.sleep(0.05)


class Qmp:
    """QEMU Machine Protocol over a unix socket: one command at a time, events skipped."""

    def __init__(self, path, timeout=20):
        self.sock = _connect_unix(path, time.monotonic() + timeout)
        self.file = self.sock.makefile("rwb", buffering=0)
        self._read()  # the greeting
        self.execute("qmp_capabilities")

    def _read(self):
        line = self.file.readline()
        if not line:
            raise GuestError("QMP connection closed")
        return json.loads(line)

    def execute(self, command, **arguments):
        msg = {"execute": command}
        if arguments:
            msg["arguments"] = arguments
        self.file.write(json.dumps(msg).encode() + b"\n")
        while True:
            reply = self._read()
            if "event" in reply:
                continue
            if "error" in reply:
                raise GuestError(f"QMP {command}: {reply['error']}")
            return reply.get("return")

    def screendump(self, path):
        self.execute("screendump", filename=path)

    def move(self, x, y, width, height):
        """The usb-tablet pointer to pixel (x, y) (absolute axes 0..32767)."""
        self.execute("input-send-event", events=[
            {"type": "abs", "data": {"axis": "x", "value": round(x * 32767 / (width - 1))}},
            {"type": "abs", "data": {"axis": "y", "value": round(y * 32767 / (height - 1))}}])

    def tap(self, x, y, width, height, pause=0.7):
        """A press and release at pixel (x, y) through the usb-tablet. The pointer first moves next to the
        target, then onto it: the kiosk does not see the pointer's first motion after it starts (a press that
        comes with it is lost), and a press counts only on a widget the pointer already hovers."""
        self.move(x - 8, y - 8, width, height)
        time.sleep(pause)
        self.move(x, y, width, height)
        time.sleep(pause)
        self.execute("input-send-event", events=[{"type": "btn", "data": {"down": True, "button": "left"}}])
        time.sleep(0.3)
        self.execute("input-send-event", events=[{"type": "btn", "data": {"down": False, "button": "left"}}])

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class Agent:
    """The guest's vm-agent: commands as bash scripts, answered with output and exit status."""

    def __init__(self, path, timeout=20):
        self.sock = _connect_unix(path, time.monotonic() + timeout)
        self.buf = b""
        self.next_id = 1
        self.boot_id = None

    def _lines(self, deadline):
        while True:
            nl = self.buf.find(b"\n")
            if nl >= 0:
                line, self.buf = self.buf[:nl], self.buf[nl + 1:]
                yield line.decode(errors="replace").strip()
                continue
            left = deadline - time.monotonic()
            if left <= 0:
                return
            self.sock.settimeout(min(left, 1.0))
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                continue
            if not data:
                raise GuestError("the agent's port closed (QEMU exited?)")
            self.buf += data

    def wait_ready(self, timeout, not_boot=None):
        """Waits until the agent of a boot other than `not_boot` answers; returns its boot id."""
        deadline = time.monotonic() + timeout
        last_ping = 0.0
        while time.monotonic() < deadline:
            if time.monotonic() - last_ping > 2:
                self._ping()
                last_ping = time.monotonic()
            for line in self._lines(min(deadline, time.monotonic() + 1)):
                if line.startswith("@@VMAGENT READY "):
                    boot = line.split()[2]
                    if boot != not_boot:
                        self.boot_id = boot
                        return boot
        raise GuestError(f"the guest's agent did not answer within {timeout:.0f} s")

    def _ping(self):
        # While the guest reboots nobody reads the port and QEMU stops taking bytes: never block on a ping.
        try:
            self.sock.setblocking(False)
            self.sock.send(b"ping\n")
        except (BlockingIOError, socket.timeout):
            pass
        finally:
            self.sock.setblocking(True)

    def run(self, script, timeout=60, check=True):
        """Runs a bash script as root in the guest; returns (status, output)."""
        cid = f"c{self.next_id}"
        self.next_id += 1
        payload = base64.b64encode(script.encode()).decode()
        self.sock.settimeout(timeout)
        self.sock.sendall(f"{cid} {payload}\n".encode())
        deadline = time.monotonic() + timeout
        out, inside = [], False
        for line in self._lines(deadline):
            if line == f"@@VMAGENT BEGIN {cid}":
                inside = True
            elif line.startswith(f"@@VMAGENT END {cid} "):
                status = int(line.split()[3])
                text = base64.b64decode("".join(out)).decode(errors="replace")
                if check and status != 0:
                    raise GuestError(f"guest command failed ({status}):\n{script.strip()}\n--- output:\n{text}")
                return status, text
            elif inside:
                out.append(line)
        raise GuestError(f"guest command did not finish within {timeout} s:\n{script.strip()}")

    def send_only(self, script):
        """Starts a command whose answer never comes (reboot, poweroff)."""
        payload = base64.b64encode(script.encode()).decode()
        self.sock.sendall(f"x{self.next_id} {payload}\n".encode())
        self.next_id += 1

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class Vm:
    """One QEMU process and its two control channels."""

    def __init__(self, work, cmd):
        self.work = work
        self.cmd = cmd
        self.proc = None
        self.qmp = None
        self.agent = None
        self.started = None

    def start(self):
        for name in ("qmp.sock", "agent.sock"):
            try:
                os.unlink(os.path.join(self.work, name))
            except FileNotFoundError:
                pass
        self.log = open(os.path.join(self.work, "qemu.log"), "ab")
        self.started = time.monotonic()
        self.proc = subprocess.Popen(self.cmd, stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT)
        self.qmp = Qmp(os.path.join(self.work, "qmp.sock"))
        self.agent = Agent(os.path.join(self.work, "agent.sock"))

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def serial_tail(self, lines=60):
        try:
            with open(os.path.join(self.work, "serial.log"), "rb") as f:
                return b"\n".join(f.read().splitlines()[-lines:]).decode(errors="replace")
        except FileNotFoundError:
            return "(no serial log)"

    def stop(self):
        if self.qmp and self.alive():
            try:
                self.qmp.execute("quit")
            except (GuestError, OSError):
                pass
        if self.proc:
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for c in (self.qmp, self.agent):
            if c:
                c.close()
        self.qmp = self.agent = None
