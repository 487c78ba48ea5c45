#!/usr/bin/env bash
# Writes CASE/crash/Program.cs: the Sentry .NET SDK initialised as a production app would, then the scenario
# read from stdin (top-level statements that drive the app until it crashes). The exception is left unhandled
# so the SDK reports it the way it reports a real crash (mechanism AppDomain.UnhandledException).
# Usage: crash-program.sh CASE RELEASE USINGS <<'CS' ...scenario... CS
set -euo pipefail
case="$1"; release="$2"; usings="$3"
{
  echo "using Sentry;"
  for u in $usings; do echo "using $u;"; done
  cat <<CS

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "$release";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

CS
  cat
} >"$case/crash/Program.cs"
