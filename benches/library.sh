#!/usr/bin/env bash
# A library build (issue 8): 100 copies of the sample in a project whose outputs:
# ask for a print and an e-mail edition (200 PDFs), built with --jobs 1 and
# --jobs 2, and, for comparison, as 200 separate `leafpress build` processes.
# Usage: benches/library.sh [extra hyperfine options]
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/release.sh
lib=$(mktemp -d)
trap 'rm -rf "$lib"' EXIT
mkdir "$lib/content"
printf 'outputs:\n  - {name: print}\n  - {name: email, for: email}\n' > "$lib/leafpress.yaml"
for i in $(seq -w 1 100); do cp content/acupuncture-hip-knee.yaml "$lib/content/leaflet-$i.yaml"; done
cd "$lib"
hyperfine --warmup 1 --min-runs 5 "$@" \
  "$bin build --quiet --jobs 1" \
  "$bin build --quiet --jobs 2" \
  "for f in content/*.yaml; do $bin build --quiet \$f -o one/\$(basename \$f .yaml).pdf; $bin build --quiet --for email \$f -o two/\$(basename \$f .yaml).pdf; done"
