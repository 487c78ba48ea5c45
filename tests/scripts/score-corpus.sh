#!/usr/bin/env bash
# Scores the repair engine on the public crash corpus (tests/corpus). See tests/corpus/README.md.
# Usage: tests/scripts/score-corpus.sh [--corpus DIR] [--heal PATH_TO_heal.dll] [--cases GLOB] [--reference] [--jobs N] [--json FILE] [--keep]
set -euo pipefail
exec node "$(dirname "$0")/../corpus/_scorer/score.mjs" "$@"
