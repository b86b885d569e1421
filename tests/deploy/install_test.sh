#!/usr/bin/env bash
# The Debian package on this machine: build it with cpack, check its files, control data and maintainer
# scripts (and lintian), install it with apt, check the user, permissions and paths, verify the units,
# deliver an intake as the kiosk user to a loopback receiver (through systemd when it runs as PID 1), then
# purge and check that nothing is left. Needs root and KIOSK_INSTALL_TEST=1 (tests/run-all.sh sets it, so a
# plain `ctest` on a developer's machine installs nothing); exits 77 (skipped) otherwise.
# Parts that cannot run on this machine (lintian missing, systemd not PID 1, no systemd-analyze, the inbox not
# built) are written to PARTS_FILE as "NAME skipped: why", the ones that ran as "NAME passed"; ctest reports
# each part as its own test (install_part.sh), so a part that did not run is a skip, never a pass.
#
# usage: install_test.sh BUILD_DIR SOURCE_DIR [PARTS_FILE]
set -euo pipefail

build=$(realpath "$1")
source=$(realpath "$2")
parts=${3:-/dev/null}
: >"$parts"
pkg=glowup-kiosk
inbox_pkg=glowup-kiosk-inbox
user=glowup-kiosk
sender=glowup-kiosk-sender

step() { echo "== $*"; }
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
skip() {
  echo "SKIP: $*"
  echo "all skipped: $*" >>"$parts"
  exit 77
}
passed() { echo "$1 passed" >>"$parts"; }
skipped() {
  echo "SKIP ($1): $2"
  echo "$1 skipped: $2" >>"$parts"
}

[ "$(id -u)" -eq 0 ] || skip "installing a package needs root (CI runs as root)"
[ "${KIOSK_INSTALL_TEST:-}" = 1 ] ||
  skip "this installs and purges a package system-wide: run it with KIOSK_INSTALL_TEST=1 (tests/run-all.sh does)"
command -v apt-get >/dev/null || skip "no apt-get: not a Debian machine"

# One install test at a time on this machine (several checkouts may run their tests at once).
mkdir -p /run/lock
exec 9>/run/lock/glowup-kiosk-install-test.lock
flock -w 240 9 || fail "another install test holds /run/lock/glowup-kiosk-install-test.lock"

for p in $pkg $inbox_pkg; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q installed; then
    skip "$p is already installed on this machine: this test will not touch an installation it did not make"
  fi
done

tmp=$(mktemp -d)
chmod 0755 "$tmp"
receiver_pid=""
cleanup() {
  [ -n "$receiver_pid" ] && kill "$receiver_pid" 2>/dev/null || true
  # Never leave a half-tested install behind.
  for p in $inbox_pkg $pkg; do
    if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q installed; then
      DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "$p" >/dev/null 2>&1 || true
    fi
  done
  # Only the link this test made, and only if it is still ours.
  if [ "$(readlink /etc/nginx/sites-enabled/$inbox_pkg 2>/dev/null)" = ../sites-available/$inbox_pkg ]; then
    rm -f /etc/nginx/sites-enabled/$inbox_pkg
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

step "build the packages (cpack)"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$tmp/packages" >"$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log"; fail "cpack failed"; }
deb=$(ls "$tmp"/packages/${pkg}_*.deb)
inbox_deb=$(ls "$tmp"/packages/${inbox_pkg}_*.deb 2>/dev/null || true)
echo "built $(basename "$deb")${inbox_deb:+ and $(basename "$inbox_deb")}"

step "file list"
dpkg-deb -c "$deb" >"$tmp/contents"
files=$(awk '{print $NF}' "$tmp/contents" | sed 's#^\./#/#')
for f in /usr/bin/kiosk /usr/bin/kiosk-sender /etc/$pkg/kiosk.json /etc/$pkg/logo.png /etc/default/$pkg \
  /usr/share/$pkg/content/questionnaire.json /usr/lib/systemd/system/$pkg.service \
  /usr/lib/systemd/system/$pkg-sender.service /usr/share/doc/$pkg/copyright /usr/share/doc/$pkg/changelog.gz; do
  grep -qx "$f" <<<"$files" || fail "$f is not in the package"
done
places="^/(usr/bin|usr/share/$pkg|usr/share/doc/$pkg|usr/lib/systemd/system|etc/$pkg|etc/default)(/|$)"
parents='^/((etc|usr|usr/share|usr/share/doc|usr/lib|usr/lib/systemd)/?)?$'
stray=$(grep -v -E "$places|$parents" <<<"$files" || true)
[ -z "$stray" ] || fail "files outside the package's places: $stray"
awk '$2 != "root/root" {print}' "$tmp/contents" | grep . && fail "files not owned by root"
echo "$(wc -l <"$tmp/contents") entries, all root-owned, all in the package's places"

step "control data and maintainer scripts"
mkdir "$tmp/control"
dpkg-deb -e "$deb" "$tmp/control"
depends=$(dpkg-deb -f "$deb" Depends)
for d in cage xwayland seatd procps fonts-noto-core adduser libsdl2-2.0-0 libsystemd0; do
  grep -q "\b$d\b" <<<"$depends" || fail "Depends lacks $d: $depends"
done
etc_files=$(grep '^/etc/' <<<"$files" | grep -v '/$' | sort)
diff <(sort "$tmp/control/conffiles") <(echo "$etc_files") >/dev/null ||
  fail "every file in /etc must be a conffile: conffiles=$(cat "$tmp/control/conffiles") etc=$etc_files"
for s in postinst prerm postrm; do
  [ -x "$tmp/control/$s" ] || fail "$s is missing or not executable"
  sh -n "$tmp/control/$s" || fail "$s: shell syntax"
done
grep -q 'adduser --system' "$tmp/control/postinst" || fail "postinst does not create the system user"
grep -q 'deluser --system' "$tmp/control/postrm" || fail "postrm does not remove the system user on purge"
echo "conffiles = every file in /etc; Depends: cage, fonts-noto-core, ...; scripts parse"

step "lintian"
if command -v lintian >/dev/null; then
  lintian --tag-display-limit 0 "$deb" $inbox_deb 2>/dev/null | tee "$tmp/lintian" || true
  grep -q '^E:' "$tmp/lintian" && fail "lintian reports errors"
  echo "no lintian errors"
  passed lintian
else
  skipped lintian "lintian is not installed (deploy/setup-debian.sh installs it)"
fi

step "install (apt-get install ./$(basename "$deb"))"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq -o DPkg::Lock::Timeout=120 "$deb" $inbox_deb >"$tmp/apt.log" 2>&1 ||
  { cat "$tmp/apt.log"; fail "apt-get install failed"; }

step "user, permissions, paths"
IFS=: read -r _ _ uid _ _ home shell < <(getent passwd $user) || fail "no user $user"
[ "$uid" -lt 1000 ] || fail "$user is not a system user (uid $uid)"
[ "$home" = /var/lib/$pkg ] || fail "$user's home is $home"
[ "$shell" = /usr/sbin/nologin ] || fail "$user can log in (shell $shell)"
[ "$(stat -c '%U:%G %a' /var/lib/$pkg)" = "$user:$user 770" ] ||
  fail "/var/lib/$pkg is $(stat -c '%U:%G %a' /var/lib/$pkg), expected $user:$user 770"
getent passwd $sender >/dev/null || fail "no user $sender"
[ "$(getent passwd $sender | cut -d: -f7)" = /usr/sbin/nologin ] || fail "$sender can log in"
[ "$(stat -c '%U:%G %a' /etc/$pkg/secrets)" = "root:$sender 750" ] ||
  fail "/etc/$pkg/secrets is $(stat -c '%U:%G %a' /etc/$pkg/secrets), expected root:$sender 750"
# The UI's program links no network or TLS library; the sender's no SDL, ImGui, FreeType or fontconfig.
ldd /usr/bin/kiosk | grep -E 'libcurl|libssl|libgnutls|libgssapi|libldap' && fail "kiosk links network code"
ldd /usr/bin/kiosk-sender | grep -E 'libSDL|libfreetype|libfontconfig' && fail "kiosk-sender links UI code"
[ "$(stat -c '%U %a' /etc/$pkg/kiosk.json)" = "root 644" ] || fail "/etc/$pkg/kiosk.json is not root's 644"
dpkg-query -W -f='${Conffiles}\n' $pkg | grep -q "/etc/$pkg/kiosk.json" || fail "kiosk.json is not a conffile"
[ -L /etc/systemd/system/graphical.target.wants/$pkg.service ] || fail "the UI service is not enabled"
[ -L /etc/systemd/system/multi-user.target.wants/$pkg-sender.service ] || fail "the sender is not enabled"
runuser -u $user -- kiosk check-content || fail "the installed kiosk rejects the installed content"
echo "system users $user (uid $uid) and $sender, nologin; /var/lib/$pkg 770; secrets 750 root:$sender; services enabled"
if [ -n "$inbox_deb" ]; then
  getent passwd $inbox_pkg >/dev/null || fail "no user $inbox_pkg"
  [ "$(stat -c '%U:%G %a' /var/lib/$inbox_pkg)" = "$inbox_pkg:$inbox_pkg 750" ] ||
    fail "/var/lib/$inbox_pkg is $(stat -c '%U:%G %a' /var/lib/$inbox_pkg)"
  [ ! -e /etc/systemd/system/multi-user.target.wants/$inbox_pkg.service ] ||
    fail "the inbox is enabled before it is configured"
  [ -f /usr/share/doc/$inbox_pkg/examples/inbox.json ] || fail "the inbox package has no example inbox.json"
  [ -f /usr/share/doc/$inbox_pkg/examples/inbox-postgresql.json ] || fail "the inbox package has no example inbox-postgresql.json"
  site=/etc/nginx/sites-available/$inbox_pkg
  cmp -s "$site" "$source/deploy/nginx/$inbox_pkg.conf" || fail "$site is not deploy/nginx/$inbox_pkg.conf"
  dpkg-query -W -f='${Conffiles}\n' $inbox_pkg | grep -q "$site" || fail "$site is not a conffile"
  [ ! -e /etc/nginx/sites-enabled/$inbox_pkg ] || fail "the nginx site is enabled before it has a certificate"
  grep -Eq '^\s*proxy_max_temp_file_size 0;' "$site" ||
    fail "$site lets nginx spill large answers (exports, intakes with signatures) to temp files"
  echo "system user $inbox_pkg, /var/lib/$inbox_pkg $inbox_pkg 750, inbox service installed but not enabled," \
    "nginx site in sites-available"
  # The site enabled as README says (certificate and key, then the link): nginx accepts it. Purging the
  # package must take the link away with the certificate, or nginx -t (and every site's reload) fails.
  mkdir -p /etc/$inbox_pkg/tls
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=localhost \
    -keyout /etc/$inbox_pkg/tls/inbox.key -out /etc/$inbox_pkg/tls/inbox.pem 2>/dev/null
  ln -s ../sites-available/$inbox_pkg /etc/nginx/sites-enabled/$inbox_pkg
  nginx -t -q || fail "nginx -t fails with the inbox's site enabled"
  passed inbox
else
  skipped inbox "intake-inbox is not in this build (cpack made no $inbox_pkg package)"
fi

step "systemd-analyze verify"
if ! command -v systemd-analyze >/dev/null; then
  skipped units "systemd-analyze is not installed"
else
  units=(/usr/lib/systemd/system/$pkg.service /usr/lib/systemd/system/$pkg-sender.service)
  if [ -n "$inbox_deb" ]; then
    units+=(/usr/lib/systemd/system/$inbox_pkg.service)
  else
    # intake-inbox is not in this build: verify its unit with a stand-in binary (verify checks it exists).
    mkdir -p "$tmp/units"
    sed 's#^ExecStart=/usr/bin/intake-inbox#ExecStart=/usr/bin/true#' "$source/deploy/systemd/$inbox_pkg.service" \
      >"$tmp/units/$inbox_pkg.service"
    units+=("$tmp/units/$inbox_pkg.service")
    echo "(intake-inbox not built: its unit verified with /usr/bin/true as ExecStart)"
  fi
  systemd-analyze verify "${units[@]}" >"$tmp/verify.log" 2>&1 || { cat "$tmp/verify.log"; fail "systemd-analyze verify"; }
  # verify exits 0 on a key it ignores (a setting under the wrong section, a misspelt one): those fail too.
  grep -E "Unknown (key|section)|ignoring" "$tmp/verify.log" && fail "systemd-analyze verify ignored settings in the units"
  for u in "${units[@]}"; do
    systemd-analyze security --offline=true "$u" 2>/dev/null | tail -1
  done
  passed units
fi

step "deliver an intake as $user to a loopback receiver"
python3 "$source/tests/deploy/loopback_receiver.py" "$tmp/received" >"$tmp/port" &
receiver_pid=$!
for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
port=$(head -1 "$tmp/port")
[ -n "$port" ] || fail "the loopback receiver did not start"
# What a clinic does (README): the secret in the package's secrets directory, then the URL. Even a
# world-readable file there is out of the UI user's reach.
printf 'whsec_%s\n' "$(head -c 32 /dev/urandom | base64)" >/etc/$pkg/secrets/webhook-secret
chmod 0644 /etc/$pkg/secrets/webhook-secret
runuser -u $user -- cat /etc/$pkg/secrets/webhook-secret >/dev/null 2>&1 && fail "the UI's user can read the secret"
runuser -u $sender -- cat /etc/$pkg/secrets/webhook-secret >/dev/null 2>&1 || fail "the sender's user cannot read the secret"
python3 - "$port" <<'EOF'
import json, sys
path = "/etc/glowup-kiosk/kiosk.json"
config = json.load(open(path))
config["delivery"] = {"url": f"http://127.0.0.1:{sys.argv[1]}/intakes",
                      "webhook_secret_file": "/etc/glowup-kiosk/secrets/webhook-secret"}
json.dump(config, open(path, "w"), indent=2)
EOF
# The privacy notice follows the config: this one delivers, so the notice must say the answers are sent.
sed 's/^expect text "This kiosk does not send your answers anywhere"$/expect text "Your answers are sent over a secure connection"/' \
  "$source/tests/scripts/full-visit.kiosk" >"$tmp/visit.kiosk"
grep -q '^expect text "Your answers are sent' "$tmp/visit.kiosk" || fail "full-visit.kiosk no longer checks the privacy notice"
chmod 0644 "$tmp/visit.kiosk"
(cd / && runuser -u $user -- kiosk --headless --script "$tmp/visit.kiosk" >"$tmp/visit.log" 2>&1) ||
  { cat "$tmp/visit.log"; fail "a headless visit as $user failed"; }
intake_id=$(grep -o 'intake [0-9a-f-]* committed' "$tmp/visit.log" | awk '{print $2}' || true)
[ -n "$intake_id" ] || fail "the visit committed no intake"
[ "$(stat -c '%U:%G %a' /var/lib/$pkg/outbox.sqlite)" = "$user:$user 660" ] ||
  fail "the outbox is $(stat -c '%U:%G %a' /var/lib/$pkg/outbox.sqlite), expected $user:$user 660"
# A headless visit runs on a virtual clock (2026-11-25 10:00 UTC), so its intake may be due in the future
# of the real clock: make it due now, as a staff "retry now" would.
runuser -u $user -- sqlite3 /var/lib/$pkg/outbox.sqlite \
  "UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00Z' WHERE id = '$intake_id'"

if [ "$(cat /proc/1/comm)" = systemd ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  systemctl restart $pkg-sender.service
  for _ in $(seq 100); do grep -qx "$intake_id" "$tmp/received" 2>/dev/null && break; sleep 0.2; done
  grep -qx "$intake_id" "$tmp/received" || {
    journalctl -u $pkg-sender.service -n 30 --no-pager
    fail "$pkg-sender.service did not deliver $intake_id"
  }
  systemctl is-active --quiet $pkg-sender.service || fail "the sender service is not active"
  journalctl -u $pkg-sender.service --no-pager -o cat >"$tmp/journal"
  echo "$pkg-sender.service (systemd, hardened) delivered $intake_id"
  passed sender-service
else
  # The services themselves run under systemd in the VM boot test (tests/deploy/vm); here, the unit's
  # binary, user and groups by hand.
  echo "PID 1 is '$(cat /proc/1/comm)', not systemd: delivering as the unit would ($sender, group $user)"
  (umask 0007 && setpriv --reuid=$sender --regid=$user --groups=$sender,$user -- kiosk-sender --once) \
    >"$tmp/journal" 2>&1 || { cat "$tmp/journal"; fail "kiosk-sender --once"; }
  grep -qx "$intake_id" "$tmp/received" || { cat "$tmp/journal"; fail "kiosk-sender --once did not deliver"; }
  echo "kiosk-sender --once as $sender delivered $intake_id"
  skipped sender-service "PID 1 is '$(cat /proc/1/comm)', not systemd: the sender's unit was not started (delivery checked by hand as its user instead)"
fi
runuser -u $user -- kiosk outbox | grep "$intake_id" | grep -q delivered || fail "the outbox does not say delivered"
# The visit typed a name and contact details: none of them may reach the logs.
for typed in $(grep -o '^type "[^"]*"' "$tmp/visit.kiosk" | cut -d'"' -f2 | grep -E '^[A-Za-z@.]{4,}$'); do
  ! grep -qi -- "$typed" "$tmp/journal" "$tmp/visit.log" || fail "the logs contain typed text '$typed'"
done
kill "$receiver_pid"
receiver_pid=""

step "reinstall (postinst on an existing installation), then remove (keeps settings and data)"
apt-get install -y -qq --reinstall -o DPkg::Lock::Timeout=120 -o Dpkg::Options::=--force-confold "$deb" >"$tmp/apt.log" 2>&1 ||
  { cat "$tmp/apt.log"; fail "reinstalling failed"; }
[ "$(stat -c '%U:%G %a' /var/lib/$pkg)" = "$user:$user 770" ] || fail "reinstalling changed /var/lib/$pkg"
grep -q 127.0.0.1 /etc/$pkg/kiosk.json || fail "reinstalling overwrote the edited kiosk.json"
apt-get remove -y -qq -o DPkg::Lock::Timeout=120 $pkg >"$tmp/apt.log" 2>&1 ||
  { cat "$tmp/apt.log"; fail "apt-get remove failed"; }
[ -f /var/lib/$pkg/outbox.sqlite ] || fail "remove deleted the outbox (only purge may)"
[ -f /etc/$pkg/kiosk.json ] || fail "remove deleted the settings (only purge may)"
getent passwd $user >/dev/null || fail "remove deleted the user (only purge may)"
[ ! -e /usr/bin/kiosk ] || fail "remove left /usr/bin/kiosk"
echo "reinstall kept the data and the edited config; remove kept settings, outbox and user"

step "purge"
apt-get purge -y -qq -o DPkg::Lock::Timeout=120 $pkg ${inbox_deb:+$inbox_pkg} >"$tmp/apt.log" 2>&1 ||
  { cat "$tmp/apt.log"; fail "apt-get purge failed"; }
for p in $pkg $sender $inbox_pkg; do
  getent passwd "$p" >/dev/null && fail "user $p is left"
  getent group "$p" >/dev/null && fail "group $p is left"
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q installed && fail "$p is still installed"
done
if [ -n "$inbox_deb" ]; then
  [ ! -L /etc/nginx/sites-enabled/$inbox_pkg ] || fail "purge left the inbox's nginx site enabled"
  nginx -t -q || fail "nginx -t fails after purging $inbox_pkg"
  echo "purge took the nginx site's link away; nginx -t passes"
fi
left=$(find /etc /usr /var/lib /run/systemd/system -name "$pkg*" 2>/dev/null || true)
[ -z "$left" ] || fail "left after purge: $left"
[ ! -e /usr/bin/kiosk ] || fail "/usr/bin/kiosk is left"
echo "nothing named $pkg* left in /etc, /usr, /var/lib; no user, no group"
passed install
echo "PASS (parts: $(tr '\n' ';' <"$parts"))"
