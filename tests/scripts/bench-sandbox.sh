#!/usr/bin/env bash
# Benchmark, not a test: validation with and without the bubblewrap sandbox (see tests/bench/bench-sandbox.mjs).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build server/Heal.Cli/Heal.Cli.csproj -c Release -v q -nologo -clp:NoSummary
exec node tests/bench/bench-sandbox.mjs "$@"
