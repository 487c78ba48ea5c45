#!/usr/bin/env bash
# Installs what the end-to-end tests with real editors need, idempotently and quietly when everything is present:
#   - Debian: chromium (no browser downloads here), ripgrep and libkrb5-dev (for code-server), neovim (0.7.2 on bookworm);
#   - code-server 4.100.3 (the newest on node 20) under .tmp/code-server, as /work/shared/recipes/vscode-e2e.md says;
#   - the npm packages of tests/e2e (playwright-core) and vscode-extension (the client, esbuild, vsce).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
T=$ROOT/.tmp
mkdir -p "$T"

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v nvim >/dev/null || need_apt+=(neovim)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need_apt[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

CS=$T/code-server
if [ ! -x "$CS/node_modules/.bin/code-server" ]; then
  echo "installing code-server 4.100.3 into $CS (native modules compile: about a minute)"
  mkdir -p "$CS" "$T/vscode-ripgrep-cache-1.15.11"
  # @vscode/ripgrep downloads rg from the internet; it reuses a tarball found at this exact cache path.
  tar czf "$T/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg
  [ -f "$CS/package.json" ] || echo '{"name":"heal-code-server","private":true}' > "$CS/package.json"
  # argon2 and node-pty compile from source: unsafe_perm for argon2's postinstall as root, yes for node-pty's npx,
  # nodedir=/usr for node 20's headers.
  (cd "$CS" && TMPDIR=$T npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr \
    npm install --no-audit --no-fund code-server@4.100.3 --foreground-scripts >"$T/code-server-install.log" 2>&1) \
    || { echo "code-server install failed; see $T/code-server-install.log" >&2; exit 1; }
fi

if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -d vscode-extension/node_modules/vscode-languageclient ] || [ ! -d vscode-extension/node_modules/@vscode/vsce ]; then
  (cd vscode-extension && npm ci --no-audit --no-fund --loglevel=error)
fi
