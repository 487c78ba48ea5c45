#!/usr/bin/env bash
# Follows the README's "Use it on your app" word for word: every block marked <!-- first-hour:NAME --> is read from
# README.md and run as written, on a fresh `dotnet new web` app (tests/first-hour/app: a lending service whose late-fee
# method throws for free-tier members, with an xunit project) in a git repository, as a new user with an empty home:
# install heal as a global .NET tool, start the feed, add the real Sentry ASP.NET Core SDK, crash the app over HTTP,
# list the error, see it in Neovim through the README's snippet, heal it. Only these are the test's own: making the
# app, committing it, choosing the app's port (ASPNETCORE_URLS), the request that crashes, and the group id for ID.
# Needs the Release build (npm test builds first), nvim (tests/scripts/e2e-install.sh) and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
clone=$PWD
work=$(mktemp -d -t heal-first-hour-XXXXXX)
groups=()
cleanup() {
  for group in "${groups[@]}"; do kill -TERM -- "-$group" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# A new user: an empty home (its own global tools, dotnet first run and per-user Heal store), the shared NuGet cache.
export NUGET_PACKAGES=${NUGET_PACKAGES:-$HOME/.nuget/packages}
export HOME=$work/home XDG_DATA_HOME=$work/home/.local/share
mkdir -p "$HOME"
export PATH="$HOME/.dotnet/tools:$PATH"

block() {
  local found
  found=$(awk -v marker="<!-- first-hour:$1 -->" '$0 == marker { state = 1; next } state == 1 && /^```/ { state = 2; next } state == 2 && /^```/ { exit } state == 2 { print }' "$clone/README.md")
  [ -n "$found" ] || { echo "first-hour: README.md has no block <!-- first-hour:$1 -->" >&2; exit 1; }
  printf '%s\n' "$found"
}
step() { echo "-- $1 (at $SECONDS s)"; }
fail() { echo "first-hour: $1" >&2; exit 1; }
wait_for() { # FILE PATTERN SECONDS: waits until FILE has a line matching PATTERN
  local deadline=$((SECONDS + $3))
  until grep -qE "$2" "$1" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { cat "$1" >&2 || true; fail "no '$2' in $1 within $3 s"; }
    sleep 0.5
  done
}
background() { # LOG DIR SCRIPT: runs SCRIPT in DIR in a process group of its own, killed on exit
  (cd "$2" && exec setsid bash -euo pipefail -c "$3") >"$1" 2>&1 &
  groups+=("$!")
}

step "1. install heal"
(cd "$clone" && bash -euo pipefail -c "$(block install)")
command -v heal >/dev/null || fail "heal is not on PATH after the install block"
heal --version

step "the user's app: dotnet new web, the app's own code, a test project, one commit"
app=$work/lending
dotnet new web -o "$app/src/Lending" -n Lending --exclude-launch-settings >/dev/null
dotnet new gitignore -o "$app" >/dev/null
cp -r tests/first-hour/app/. "$app/"
git -C "$app" init -q -b main
git -C "$app" config user.name "Lending Dev"
git -C "$app" config user.email "dev@lending.example"
git -C "$app" add -A
git -C "$app" commit -qm "Lending service"

step "2. start the feed"
background "$work/feed.log" "$app" "$(block feed)"
wait_for "$work/feed.log" '^dsn ' 60
cat "$work/feed.log"

step "3. point the app at it"
(cd "$app/src/Lending" && bash -euo pipefail -c "$(block sdk)") >/dev/null
code=$(block sdk-code)
awk -v code="$code" '{ print } /WebApplication\.CreateBuilder\(args\);/ { print code }' "$app/src/Lending/Program.cs" >"$work/Program.cs"
mv "$work/Program.cs" "$app/src/Lending/Program.cs"
grep -qF "$code" "$app/src/Lending/Program.cs" || fail "the README's SDK line did not go into Program.cs"
git -C "$app" add -A
git -C "$app" commit -qm "Report errors to Heal's feed"
ASPNETCORE_URLS=http://127.0.0.1:0 background "$work/app.log" "$app/src/Lending" "$(block run)"
wait_for "$work/app.log" 'Now listening on: http://127\.0\.0\.1:[0-9]+' 240
url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/app.log" | head -1)
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/loans/L-1/fee")" = 200 ] || fail "the app's healthy path does not answer 200"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/loans/L-2/fee")" = 500 ] || fail "the free-tier loan did not crash the request"

step "4. see the error"
deadline=$((SECONDS + 60))
until [ "$(heal errors --json | grep -c LateFees.cs || true)" -gt 0 ]; do
  [ $SECONDS -lt $deadline ] || { cat "$work/feed.log" "$work/app.log" >&2; fail "the crash never reached heal errors"; }
  sleep 0.5
done
errors=$(cd "$app" && bash -euo pipefail -c "$(block errors)")
echo "$errors"
grep -q 'NullReferenceException' <<<"$errors" || fail "heal errors does not show the NullReferenceException"
grep -q 'LateFees.cs:21' <<<"$errors" || fail "heal errors does not show LateFees.cs:21"
id=$(heal errors --json | node -e 'const groups = JSON.parse(require("fs").readFileSync(0, "utf8")); process.stdout.write(groups.find(g => g.frame && g.frame.file.endsWith("LateFees.cs")).id)')
grep -q "^${id:0:8}" <<<"$errors" || fail "heal errors does not show the group's short id ${id:0:8}"

block nvim >"$work/heal.lua"
(cd "$app" && HEAL_SNIPPET="$work/heal.lua" HEAL_FILE="$app/src/Lending/LateFees.cs" HEAL_OUT="$work/nvim.json" \
  timeout 180 nvim --headless -u NONE -c "luafile $clone/tests/first-hour/diagnostics.lua")
node -e '
  const seen = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const error = seen.diagnostics.find(d => d.severity === 1);
  if (!error || error.lnum !== 20 || error.code !== process.argv[2] || !error.message.startsWith("NullReferenceException")) {
    console.error("Neovim did not show the error on LateFees.cs:21:", JSON.stringify(seen)); process.exit(1);
  }
  console.log(`Neovim: ${error.message} (line ${error.lnum + 1})`);' "$work/nvim.json" "$id"

step "5. heal it"
before=$(git -C "$app" status --porcelain; git -C "$app" rev-parse HEAD)
fix=$(block fix)
(cd "$app" && bash -euo pipefail -c "${fix//--group ID/--group ${id:0:8}}")
after=$(git -C "$app" status --porcelain; git -C "$app" rev-parse HEAD)
[ "$before" = "$after" ] || fail "heal fix touched the working tree or HEAD"
branch=$(git -C "$app" branch --list 'heal/*' --format '%(refname:short)')
[ -n "$branch" ] || fail "heal fix made no heal/… branch"
git -C "$app" diff --stat main "$branch"
git -C "$app" diff main "$branch" -- src/Lending/LateFees.cs | grep -q '^+' || fail "the heal branch does not change LateFees.cs"

kill -TERM -- "-${groups[0]}"
wait "${groups[0]}" || fail "heal feed did not stop cleanly on SIGTERM"
echo "first hour: passed in $SECONDS s"
