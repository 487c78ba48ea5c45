#!/usr/bin/env bash
# Neovim headless as a real client of `heal lsp`: tests/nvim/nvim.test.mjs (see tests/nvim/diagnostics.lua).
# Needs Debian's neovim (tests/scripts/e2e-install.sh) and a built heal.dll (HEAL_DLL, else the extension's bundled
# server, else the Release build, which this script makes when none exists).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v nvim >/dev/null || { echo "nvim is missing; run tests/scripts/e2e-install.sh" >&2; exit 1; }
if [ -z "${HEAL_DLL:-}" ] && [ ! -f vscode-extension/server/heal.dll ] && [ ! -f server/Heal.Cli/bin/Release/net10.0/heal.dll ]; then
  dotnet build server/Heal.Cli/Heal.Cli.csproj -c Release -nologo -v q -clp:NoSummary
fi
echo "Neovim: $(nvim --version | head -1)"
exec node --test --test-reporter=spec tests/nvim/nvim.test.mjs
