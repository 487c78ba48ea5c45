#!/usr/bin/env bash
# Installs the real clients and servers the tests drive: Python's and Go's Sentry SDKs and PostgreSQL 15 (Debian),
# @sentry/node (npm), and bubblewrap, the sandbox Heal builds and tests model-written patches in (docs/security.md).
# The tests start and stop PostgreSQL themselves (tests/Heal.Testing/PostgresServer.cs).
# Idempotent and quiet when everything is present.
set -euo pipefail
cd "$(dirname "$0")/../.."

need_apt=()
dpkg -s python3-sentry-sdk >/dev/null 2>&1 || need_apt+=(python3-sentry-sdk)
dpkg -s golang-go >/dev/null 2>&1 || need_apt+=(golang-go)
dpkg -s golang-github-getsentry-sentry-go-dev >/dev/null 2>&1 || need_apt+=(golang-github-getsentry-sentry-go-dev)
dpkg -s postgresql-15 >/dev/null 2>&1 || need_apt+=(postgresql-15)
dpkg -s bubblewrap >/dev/null 2>&1 || need_apt+=(bubblewrap)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need_apt[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  # Go's SDK is optional (the test says so when it is missing); the others are not.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-sentry-sdk postgresql-15 bubblewrap >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends golang-go golang-github-getsentry-sentry-go-dev >/dev/null \
    || echo "warning: Go's Sentry SDK did not install; its client test reports that instead of running"
fi

if [ -f tests/clients/node/package.json ] && [ ! -d tests/clients/node/node_modules/@sentry/node ]; then
  (cd tests/clients/node && npm ci --no-audit --no-fund --loglevel=error)
fi
