#!/usr/bin/env bash
# Load benchmark of the feed receiver (prints figures; asserts nothing). Run it on a quiet machine.
# Extra arguments go to the benchmark, e.g. --events 100000 --connections 64 --sync full.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tests/Heal.Feed.Benchmarks -c Release -nologo -v q -clp:NoSummary
dotnet tests/Heal.Feed.Benchmarks/bin/Release/net10.0/Heal.Feed.Benchmarks.dll "$@"
