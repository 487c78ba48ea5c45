#!/usr/bin/env bash
# The README's main command: builds Heal and runs `heal demo` (the whole loop on the embedded default).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build server/Heal.Cli/Heal.Cli.csproj -c Release -v q -nologo -clp:NoSummary
exec dotnet server/Heal.Cli/bin/Release/net10.0/heal.dll demo "$@"
