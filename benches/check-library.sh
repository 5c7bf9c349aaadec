#!/usr/bin/env bash
# Times `leafpress check` on a library of 50 leaflets (the physiotherapy project with
# 25 copies each of its branded knee leaflet and of the acupuncture sample), end to
# end: reading, layout, the plain-language review, the terminal report. The goal
# (issue 11) is under one second on the 2-core machine.
# Usage: benches/check-library.sh [extra hyperfine options]
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/release.sh
lib=$(mktemp -d)
trap 'rm -rf "$lib"' EXIT
cp -r library/leafpress.yaml library/assets library/fonts "$lib/"
mkdir "$lib/content"
for i in $(seq -w 1 25); do
  cp library/content/knee-exercises.yaml "$lib/content/knee-$i.yaml"
  cp content/acupuncture-hip-knee.yaml "$lib/content/acupuncture-$i.yaml"
done
cd "$lib"
hyperfine --warmup 2 --min-runs 10 --shell=none "$@" \
  "$bin check --today 2026-11-29" \
  "$bin check --today 2026-11-29 --format json" \
  "$bin check --today 2026-11-29 --report $lib/report.html"
