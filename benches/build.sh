#!/usr/bin/env bash
# Times a release build of the sample leaflet, end to end (process start, YAML, shaping,
# layout, PDF, write), with hyperfine (apt-get install hyperfine).
# Usage: benches/build.sh [extra hyperfine options]
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/release.sh
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
hyperfine --warmup 5 --min-runs 50 --shell=none "$@" \
  "$bin build content/acupuncture-hip-knee.yaml -o $out/sample.pdf" \
  "$bin build tests/cases/every-block.yaml -o $out/every-block.pdf" \
  "$bin check content/acupuncture-hip-knee.yaml"
