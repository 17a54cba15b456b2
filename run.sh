#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole application under the AppHost:
# gateway http://localhost:8080, dashboard http://localhost:18888. Ctrl+C stops everything.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
scripts/install-prerequisites.sh
dotnet build AppHost/AppHost.csproj -c Release -nologo -v quiet
exec dotnet run --project AppHost/AppHost.csproj -c Release --no-build -- "$@"
