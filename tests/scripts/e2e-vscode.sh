#!/usr/bin/env bash
# The VS Code end-to-end tests and the extension's protocol test, self-installing and idempotent:
#   1. installs what they need (tests/scripts/e2e-install.sh: chromium, code-server 4.100.3, the npm packages);
#   2. publishes the server into vscode-extension/server (framework-dependent and ReadyToRun for linux-x64, so
#      `initialize` answers without JIT warm-up: `dotnet heal.dll lsp`), builds and
#      packages the extension as vscode-extension/heal.vsix;
#   3. runs vscode-extension/test (protocol, over stdio) and tests/e2e (code-server + chromium), one file at a time:
#      vscode.e2e.test.mjs heals a crash captured for real from the demo sample and accepts the patch;
#      vscode.decline.e2e.test.mjs heals an error the engine declines.
# Screenshots and logs land in tests/e2e/artifacts/<test>/. Ends with "N passed, N failed"; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
T=$ROOT/.tmp
mkdir -p "$T"
bash tests/scripts/e2e-install.sh

dotnet publish server/Heal.Cli -c Release -r linux-x64 --self-contained false -o vscode-extension/server -nologo -v q -clp:NoSummary
(cd vscode-extension && npm run -s build && npx vsce package --allow-missing-repository --no-dependencies -o heal.vsix >/dev/null)

set +e
node --test --test-concurrency=1 --test-reporter=tap vscode-extension/test/protocol.test.mjs tests/e2e/vscode.e2e.test.mjs \
  tests/e2e/vscode.decline.e2e.test.mjs \
  | tee "$T/e2e-vscode.tap"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -E '^# pass ' "$T/e2e-vscode.tap" | awk '{s+=$3} END {print s+0}')
failed=$(grep -E '^# (fail|cancelled) ' "$T/e2e-vscode.tap" | awk '{s+=$3} END {print s+0}')
echo "VS Code e2e + protocol: screenshots in tests/e2e/artifacts/"
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
