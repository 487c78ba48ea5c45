#!/usr/bin/env bash
# Benchmark of `heal lsp` on a generated 10,000-group, 100,000-event store and a 2,000-file workspace (prints a table;
# asserts nothing). Run it on a quiet machine. Extra arguments go to the benchmark, e.g. --starts 10 --samples 500,
# --world DIR to generate the world once and reuse it, or --heal path/to/heal.dll to measure another build of the server.
# HEAL_BENCH_R2R=1 measures a ReadyToRun publish of the server (what a runtime-specific `dotnet publish` ships).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tests/Heal.LanguageServer.Benchmarks -c Release -nologo -v q -clp:NoSummary
server=()
if [ "${HEAL_BENCH_R2R:-0}" = 1 ]; then
  out="${TMPDIR:-/tmp}/heal-lsp-bench-r2r"
  dotnet publish server/Heal.Cli -c Release -r linux-x64 --self-contained false -o "$out" -nologo -v q -clp:NoSummary
  server=(--heal "$out/heal.dll")
fi
dotnet tests/Heal.LanguageServer.Benchmarks/bin/Release/net10.0/Heal.LanguageServer.Benchmarks.dll "${server[@]}" "$@"
