#!/usr/bin/env bash
# Installs what WebRtcChat runs on, when missing: Debian/Ubuntu packages for the servers (and
# Chromium for the browser tests with --with-browser), the npm packages from package-lock.json,
# and the .NET local tools. Safe to run again: it only installs what is missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
with_browser=false
[[ "${1:-}" == "--with-browser" ]] && with_browser=true

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-prerequisites: not root and no sudo; install the packages listed in README.md by hand" >&2; exit 1; }
  sudo_cmd=(sudo)
fi

command -v dotnet >/dev/null || { echo "install-prerequisites: dotnet not found; install the .NET 10 SDK first (README.md)" >&2; exit 1; }
command -v node >/dev/null || { echo "install-prerequisites: node not found; install Node.js 20+ and npm first (README.md)" >&2; exit 1; }

# package -> a file it installs (present means installed)
declare -A packages=(
  [postgresql]="/usr/lib/postgresql"
  [redis-server]="/usr/bin/redis-server"
  [rabbitmq-server]="/usr/lib/rabbitmq/bin/rabbitmq-server"
  [ffmpeg]="/usr/bin/ffprobe" # Messaging checks and measures voice messages and media attachments, and makes thumbnails
  [openssl]="/usr/bin/openssl" # the WebRtc tests prove DTLS-SRTP interop against OpenSSL's s_server and s_client
  [libsrtp2-1]="/usr/lib/x86_64-linux-gnu/libsrtp2.so.1" # the WebRtc tests prove SRTP interop against libsrtp, the library browsers and Janus use
  [coturn]="/usr/bin/turnserver" # the TURN/STUN server calls relay media through
  [janus]="/usr/bin/janus" # the SFU load benchmark runs the same load against Janus VideoRoom, and its smoke test drives Janus
)
if $with_browser; then
  packages[chromium]="/usr/bin/chromium"
fi

missing=()
for package in "${!packages[@]}"; do
  [[ -e "${packages[$package]}" ]] || missing+=("$package")
done

if ((${#missing[@]} > 0)); then
  echo "install-prerequisites: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  # The packages' own services are not used (the AppHost runs its own instances); keep them from starting.
  echo exit 101 | "${sudo_cmd[@]}" tee /usr/sbin/policy-rc.d >/dev/null
  "${sudo_cmd[@]}" chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  "${sudo_cmd[@]}" rm -f /usr/sbin/policy-rc.d
fi

cd "$root"
if [[ ! -d node_modules/s3rver || ! -d node_modules/maildev || ! -d node_modules/@microsoft/signalr || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "install-prerequisites: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [[ -f dotnet-tools.json ]]; then
  dotnet tool restore >/dev/null
fi
