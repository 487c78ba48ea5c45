#!/usr/bin/env bash
# Mutation fuzzer of `heal lsp` (tests/Heal.LanguageServer.Fuzz): captures a real session's messages, mutates their framing
# and bodies, writes them to the real server over stdio with a ping after every burst, and prints requests sent, responses
# by kind, crashes (must be 0) and peak RSS. Exits 1 on any crash. Usage: npm run fuzz:lsp -- --minutes 10 [--seed N]
# [--ping-timeout 20] [--out DIR] [--heal path/to/heal.dll]. Crash inputs are saved under --out (default $TMPDIR/heal-fuzz-lsp).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tests/Heal.LanguageServer.Fuzz -c Release -nologo -v q -clp:NoSummary
dotnet tests/Heal.LanguageServer.Fuzz/bin/Release/net10.0/Heal.LanguageServer.Fuzz.dll "$@"
