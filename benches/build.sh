#!/usr/bin/env bash
# Times a release build of the sample leaflet, end to end (process start, YAML, shaping,
# layout, PDF, write), with hyperfine (apt-get install hyperfine).
# Usage: benches/build.sh [extra hyperfine options]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
hyperfine --warmup 5 --min-runs 50 --shell=none "$@" \
  "target/release/leafpress build content/acupuncture-hip-knee.yaml -o $out/sample.pdf" \
  "target/release/leafpress build tests/cases/every-block.yaml -o $out/every-block.pdf" \
  "target/release/leafpress check content/acupuncture-hip-knee.yaml"
