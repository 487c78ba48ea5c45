#!/usr/bin/env bash
# Fuzzes the real `heal feed` with mutated real envelopes (prints requests, status histogram, 5xx, crashes, peak memory;
# exits 1 on any 5xx or crash). Usage: npm run fuzz:feed -- --minutes N [--seed S] [--workers W]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tests/Heal.Feed.Benchmarks -c Release -nologo -v q -clp:NoSummary
dotnet tests/Heal.Feed.Benchmarks/bin/Release/net10.0/Heal.Feed.Benchmarks.dll fuzz "$@"
