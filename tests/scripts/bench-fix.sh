#!/usr/bin/env bash
# Benchmark, not a test: event -> validated patch next to a warm `dotnet test` (see tests/bench/bench-fix.mjs).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build server/Heal.Cli/Heal.Cli.csproj -c Release -v q -nologo -clp:NoSummary
exec node tests/bench/bench-fix.mjs "$@"
