#!/usr/bin/env bash
# Re-captures the Sentry event of one or more corpus cases FOR REAL:
#   builds the case's crash/ console (Release like a production deployment, portable PDBs so frames carry
#   lineno and paths; CAPTURE_CONFIGURATION=Debug gives exact statement lines instead of Release's drift),
#   runs it against a one-shot local envelope receiver with the real Sentry .NET SDK,
#   and rewrites the machine-local paths to the build-agent style named in case.json ("capture.pathStyle").
# Usage: tests/corpus/_tools/capture.sh tests/corpus/01-... [more cases]
set -euo pipefail
tools="$(cd "$(dirname "$0")" && pwd)"
for case in "$@"; do
  case="$(cd "$case" && pwd)"
  name="$(basename "$case")"
  style="$(jq -r '.capture.pathStyle // "linux"' "$case/case.json")"
  repo="$(jq -r '.capture.repository // "app"' "$case/case.json")"
  work="$(mktemp -d)"
  dotnet build "$case/crash" -c "${CAPTURE_CONFIGURATION:-Release}" -nologo -v q -clp:NoSummary >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
  python3 "$tools/receiver.py" "$work/port" "$work/event.raw.json" &
  receiver=$!
  for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
  port="$(cat "$work/port")"
  dll="$(ls "$case"/crash/bin/"${CAPTURE_CONFIGURATION:-Release}"/net10.0/Crash.dll)"
  # The console is expected to crash; its exit status is not the point, the captured event is.
  (cd "$case/crash" && SENTRY_DSN="http://5d0cbb4a1f0b4e1b9d2a7c5e3f6a8b90@127.0.0.1:$port/42" \
    bash -c 'timeout 120 dotnet "$1" 2>&1; true' crash "$dll") >"$work/run.log" 2>&1 || true
  for _ in $(seq 1 100); do [ -s "$work/event.raw.json" ] && break; kill -0 "$receiver" 2>/dev/null || break; sleep 0.1; done
  kill "$receiver" 2>/dev/null || true
  wait "$receiver" 2>/dev/null || true
  if [ ! -s "$work/event.raw.json" ]; then
    echo "$name: no event captured; console output:"; cat "$work/run.log"; exit 1
  fi
  node "$tools/rewrite-paths.mjs" "$work/event.raw.json" "$case" "$style" "$repo" >"$case/event.json"
  echo "$name: captured $(jq -r '.exception.values[-1].type' "$case/event.json") ($(jq '[.exception.values[-1].stacktrace.frames[]] | length' "$case/event.json") frames, $style paths)"
  rm -rf "$work"
done
