#!/usr/bin/env bash
# Benchmark of `heal lsp` on a generated 10,000-group, 100,000-event store and a 2,000-file workspace (prints a table;
# asserts nothing). Run it on a quiet machine. Extra arguments go to the benchmark, e.g. --starts 10 --samples 500, or
# --heal path/to/heal.dll to measure another build of the server (a published one, say).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tests/Heal.LanguageServer.Benchmarks -c Release -nologo -v q -clp:NoSummary
dotnet tests/Heal.LanguageServer.Benchmarks/bin/Release/net10.0/Heal.LanguageServer.Benchmarks.dll "$@"
