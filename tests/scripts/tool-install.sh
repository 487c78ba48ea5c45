#!/usr/bin/env bash
# Installs heal as a .NET tool the way the README says (npm run pack, then dotnet tool install from ./artifacts), into a
# temporary tool path, and runs `heal --version` and `heal demo` from the installed copy: proves the package is whole
# (the demo's sample, its .gitignore, every dependency). Expects the solution built in Release (npm test does that first).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d -t heal-tool-XXXXXX)
trap 'rm -rf "$work"' EXIT
dotnet pack server/Heal.Cli -c Release --no-build -nologo -v q -o "$work/feed"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' server/Heal.Cli/Heal.Cli.csproj)
dotnet tool install Heal.Cli --version "$version" --tool-path "$work/tools" --add-source "$work/feed" --ignore-failed-sources
"$work/tools/heal" --version
"$work/tools/heal" demo
