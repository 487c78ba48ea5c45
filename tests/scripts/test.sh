#!/usr/bin/env bash
# The README's test command: installs what the tests need, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tests/scripts/install-test-deps.sh
dotnet build Heal.Lsp.sln -c Release -nologo -v q -clp:NoSummary
dotnet test Heal.Lsp.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@"
