#!/usr/bin/env bash
# Times a release build of one patient's plan (issue 25: made while the patient waits),
# end to end, in the sample clinic (library/), in English and in Urdu, with hyperfine.
# Usage: benches/plan.sh [extra hyperfine options]
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/release.sh
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd library
plan="$bin plan -q --force --start 2026-12-07 --exercise wall-push=10x2/day --exercise sit-to-stand=8x3/day --exercise bridge"
hyperfine --warmup 3 --min-runs 20 --shell=none "$@" \
  "$plan --patient Khan --clinician Smith -o $out/en.pdf" \
  "$plan --patient Khan --lang ur -o $out/ur.pdf"
