#!/usr/bin/env bash
# Installs what is missing (Chromium included), builds, and runs every test against real servers.
# Extra arguments go to dotnet test (e.g. --filter FullyQualifiedName~Gateway).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
scripts/install-prerequisites.sh --with-browser
dotnet build WebRtcChat.sln -c Release -nologo -v quiet
log="$(mktemp)"
set +e
dotnet test WebRtcChat.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line for the whole run, summed over the test assemblies.
awk -F'[:,]' '/(Passed|Failed)! +- Failed:/ { failed += $2; passed += $4; skipped += $6 }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
rm -f "$log"
exit "$status"
