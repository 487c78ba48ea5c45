#!/usr/bin/env bash
# Benchmarks of the real `heal feed` process (print figures; assert nothing). Run them on a quiet machine.
#   npm run bench:feed                         throughput with durable acks, overload, where the time goes
#   npm run bench:feed -- --store sqlite --events 100000 --connections 64
#   npm run bench:feed -- memory [--concurrency 8,16,64] [--cases large-strings,...]   peak memory under worst-case events
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tests/Heal.Feed.Benchmarks -c Release -nologo -v q -clp:NoSummary
dotnet tests/Heal.Feed.Benchmarks/bin/Release/net10.0/Heal.Feed.Benchmarks.dll "$@"
