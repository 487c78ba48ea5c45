#!/usr/bin/env bash
# Writes CASE/reference.patch: the hand-written intended fix, as a git diff relative to the case root.
# The fix is given as a Python snippet on stdin that edits files (paths relative to the case root) with the
# helper edit(path, old, new), which fails unless `old` occurs exactly once.
# A second argument writes another file, e.g. wrong.patch (a plausible but wrong fix the behaviour tests reject).
# Usage: make-reference.sh CASE [reference.patch] <<'PY'
#   edit("src/App/Orders.cs", "return customer.Name;", "return customer?.Name ?? \"\";")
# PY
set -euo pipefail
case="$(cd "$1" && pwd)"
out="${2:-reference.patch}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$case/src" "$work/src"
find "$work/src" -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
cd "$work"
git init -q && git add -A && git -c user.name=c -c user.email=c@example.invalid commit -qm buggy
{
  cat <<'PY'
def edit(path, old, new):
    text = open(path, encoding="utf-8").read()
    if text.count(old) != 1:
        raise SystemExit(f"{path}: expected exactly one occurrence of {old!r}, found {text.count(old)}")
    open(path, "w", encoding="utf-8").write(text.replace(old, new))
PY
  cat
} >"$work/.edit.py"
python3 "$work/.edit.py"
git diff >"$case/$out"
[ -s "$case/$out" ] || { echo "empty reference patch"; exit 1; }
git diff --stat | tail -1
