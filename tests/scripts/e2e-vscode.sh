#!/usr/bin/env bash
# The VS Code end-to-end test and the extension's protocol test, self-installing and idempotent:
#   1. installs Debian's chromium (no browser downloads here), code-server 4.100.3 (the newest on node 20) under
#      .tmp/code-server, and the npm packages of vscode-extension/ and tests/e2e/;
#   2. publishes the server into vscode-extension/server (framework-dependent: `dotnet heal.dll lsp`), builds and
#      packages the extension as vscode-extension/heal.vsix;
#   3. runs vscode-extension/test (protocol, over stdio) and tests/e2e (code-server + chromium), one file at a time.
# Screenshots and logs land in tests/e2e/artifacts/. Ends with "N passed, N failed"; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
T=$ROOT/.tmp
mkdir -p "$T"
if ! command -v chromium >/dev/null || ! command -v rg >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium ripgrep libkrb5-dev >/dev/null
fi
CS=$T/code-server
if [ ! -x "$CS/node_modules/.bin/code-server" ]; then
  mkdir -p "$CS" "$T/vscode-ripgrep-cache-1.15.11"
  # @vscode/ripgrep downloads rg from the internet; it reuses a tarball found at this exact cache path.
  tar czf "$T/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg
  [ -f "$CS/package.json" ] || echo '{"name":"heal-code-server","private":true}' > "$CS/package.json"
  (cd "$CS" && TMPDIR=$T npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr \
    npm install --no-audit --no-fund code-server@4.100.3 --foreground-scripts >"$T/code-server-install.log" 2>&1) \
    || { echo "code-server install failed; see $T/code-server-install.log" >&2; exit 1; }
fi
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund >/dev/null)
fi
if [ ! -d vscode-extension/node_modules/vscode-languageclient ]; then
  (cd vscode-extension && npm ci --no-audit --no-fund >/dev/null)
fi

dotnet publish server/Heal.Cli -c Release -o vscode-extension/server -nologo -v q -clp:NoSummary
(cd vscode-extension && npm run -s build && npx vsce package --allow-missing-repository --no-dependencies -o heal.vsix >/dev/null)

set +e
node --test --test-concurrency=1 --test-reporter=tap vscode-extension/test/protocol.test.mjs tests/e2e/vscode.e2e.test.mjs \
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
