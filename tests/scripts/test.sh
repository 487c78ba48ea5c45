#!/usr/bin/env bash
# The README's test command: installs what the tests need, then runs every test: the .NET suites, the VS Code
# end-to-end tests (code-server + chromium, tests/scripts/e2e-vscode.sh), Neovim (tests/scripts/e2e-nvim.sh), then
# the Visual Studio VSIX, packed and read back (tests/scripts/vs-extension.sh); the installed tool (tool-install.sh) and the
# README's "Use it on your app" followed word for word (first-hour.sh).
# Every part runs even when an earlier one fails; the exit code is non-zero when any failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tests/scripts/install-test-deps.sh
bash tests/scripts/e2e-install.sh
dotnet build Heal.Lsp.sln -c Release -nologo -v q -clp:NoSummary

failed=()
part() {
  local name=$1
  shift
  local started=$SECONDS
  echo "== $name"
  if "$@"; then
    echo "== $name: passed in $((SECONDS - started)) s"
  else
    echo "== $name: FAILED after $((SECONDS - started)) s"
    failed+=("$name")
  fi
}
# The .NET output is long; it is kept so the failures can be repeated at the very end, where a CI log's tail shows them.
dotnet_log=$(mktemp -t heal-dotnet-test.XXXXXX)
trap 'rm -f "$dotnet_log"' EXIT
dotnet_test() {
  dotnet test Heal.Lsp.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$dotnet_log"
  return "${PIPESTATUS[0]}"
}
part "dotnet test" dotnet_test "$@"
part "dotnet tool install" bash tests/scripts/tool-install.sh
part "README: use it on your app" bash tests/scripts/first-hour.sh
part "VS Code e2e" bash tests/scripts/e2e-vscode.sh
part "Neovim e2e" bash tests/scripts/e2e-nvim.sh
part "Visual Studio VSIX" bash tests/scripts/vs-extension.sh

if [ ${#failed[@]} -gt 0 ]; then
  if grep -qE '^\s+Failed |^Failed!' "$dotnet_log"; then
    echo "== the .NET tests that failed (from the dotnet test output above):"
    grep -E -A 25 '^\s+Failed [A-Za-z]' "$dotnet_log" | cut -c1-400 | head -300
    grep -E '^Failed!' "$dotnet_log"
  fi
  echo "failed: ${failed[*]}"
  exit 1
fi
echo "all passed in $SECONDS s"
