#!/usr/bin/env bash
# Heal's ad-hoc workspace loader vs Roslyn's MSBuildWorkspace on the demo sample and the 19 corpus cases (prints a
# table and one summary line per loader; asserts nothing). Each repository is copied as the engine sees it (a corpus
# case without behaviour/, crash/ and its metadata; the corpus's shared build files beside it) into one folder,
# restored once from the package cache, then measured in a fresh process per repository and loader, without a
# network: inside `unshare -n` where the machine allows it. Extra arguments go to the benchmark, e.g. --warm 5 or
# --loaders adhoc. HEAL_BENCH_REPOS=DIR chooses the folder (default: $TMPDIR/heal-workspace-bench, made anew).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
repos="${HEAL_BENCH_REPOS:-${TMPDIR:-/tmp}/heal-workspace-bench}"

dotnet build tests/Heal.Repair.Benchmarks -c Release -nologo -v q -clp:NoSummary

rm -rf "$repos"
mkdir -p "$repos"
copy_without_outputs() { # source destination
  mkdir -p "$2"
  tar -C "$1" --exclude=./bin --exclude=./obj --exclude='*/bin' --exclude='*/obj' -cf - . | tar -C "$2" -xf -
}
copy_without_outputs server/Heal.Cli/Demo/Sample "$repos/00-demo-sample"
for case_dir in tests/corpus/[0-9][0-9]-*/; do
  name="$(basename "$case_dir")"
  mkdir -p "$repos/$name"
  for entry in "$case_dir"* "$case_dir".[!.]*; do
    [ -e "$entry" ] || continue
    case "$(basename "$entry")" in
      behaviour|crash|event.json|case.json|reference.patch|wrong.patch|bin|obj) ;;
      *) if [ -d "$entry" ]; then copy_without_outputs "$entry" "$repos/$name/$(basename "$entry")"; else cp "$entry" "$repos/$name/"; fi ;;
    esac
  done
  cp tests/corpus/Directory.Build.props tests/corpus/Directory.Packages.props tests/corpus/Directory.Build.targets tests/corpus/.editorconfig "$repos/$name/"
done

started=$(date +%s)
for repo in "$repos"/*/; do
  sln=("$repo"*.sln)
  dotnet restore "${sln[0]}" -nologo -v q >/dev/null || { echo "restore failed in $repo" >&2; exit 1; }
done
echo "copied and restored $(ls "$repos" | wc -l) repositories under $repos in $(( $(date +%s) - started )) s"

bench=(dotnet "$root/tests/Heal.Repair.Benchmarks/bin/Release/net10.0/Heal.Repair.Benchmarks.dll" --repos "$repos" "$@")
isolate=()
if unshare -n true 2>/dev/null; then isolate=(unshare -n); elif unshare -rn true 2>/dev/null; then isolate=(unshare -rn); fi
if [ ${#isolate[@]} -gt 0 ]; then
  echo "network: none (${isolate[*]}: a new network namespace, only its loopback interface, which is down)"
  "${isolate[@]}" "${bench[@]}"
else
  echo "network: unshare -n is not allowed here; the benchmark runs with the machine's network (no restore is run)"
  "${bench[@]}"
fi
