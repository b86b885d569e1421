#!/usr/bin/env bash
# Installs every build and test dependency of the kiosk on Debian 12 (run as root, non-interactive).
# Only Debian packages: nothing is downloaded from anywhere else.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config clang-format clang-14 libclang-rt-14-dev
  # the kiosk
  libsdl2-dev libimgui-dev libfreetype-dev libfontconfig-dev fonts-noto-core libstb-dev libespeak-ng-dev
  # content in Chinese, Japanese or Korean (the zh-Hans fixture's headless runs): Noto Sans CJK
  fonts-noto-cjk
  nlohmann-json3-dev libsqlite3-dev libsodium-dev libcurl4-openssl-dev libssl-dev
  libspdlog-dev libfmt-dev libcli11-dev libsystemd-dev
  # the Debian package: its runtime (installed by the install test) and its checks
  cage xwayland seatd procps adduser systemd dbus lintian
  # tests
  doctest-dev python3 python3-jsonschema sqlite3 openssl libcpp-httplib-dev
  # the intake inbox's staff pages: mustache templates, HTML-escaped by default (header only)
  libkainjow-mustache-dev
  # the intake inbox's PostgreSQL store (libpqxx) and the PostgreSQL 15 its tests start themselves
  libpqxx-dev postgresql-15
  # the intake inbox's content publishing: uploaded folders as .zip, .tar or .tar.gz
  libarchive-dev
  # the intake inbox as installed: nginx in front (its slow-clients test runs the shipped site config)
  nginx
  # tests of the intake inbox in a real browser
  chromium chromium-driver python3-selenium
  # benchmarks (tests/bench/run): a virtual X server and XTest for the taps on the real window; the Wayland
  # figures use cage (above) on wlroots' headless backend
  xvfb libxtst6
  # the VM boot test (tests/deploy/vm/boot_test.py): QEMU, a Debian image made with mmdebstrap, mke2fs
  qemu-system-x86 mmdebstrap e2fsprogs
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null; then
    echo "setup: missing packages: ${missing[*]}; run this script as root" >&2
    exit 1
  fi
  as_root=(sudo)
fi
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: installed ${#missing[@]} packages"
