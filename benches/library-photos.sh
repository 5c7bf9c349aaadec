#!/usr/bin/env bash
# A library of 36 leaflets, a third of them with two photos of their own (a 2400 × 1600
# JPEG at full width, a 1200 × 800 PNG with alpha at 70 %), in a project whose outputs:
# ask for print and e-mail (72 PDFs), built with --jobs 1 and --jobs 2 (issue 22: two
# jobs should take at most 1/1.8 of one's time). Prints hyperfine's wall clock and, with
# perf, the CPU time each spends (`task-clock`): more CPU with two jobs is work done
# twice or threads waiting on each other, not a busy machine.
# Needs ImageMagick (`convert`). Usage: benches/library-photos.sh [extra hyperfine options]
# (LEAFPRESS=path/to/binary skips the release build.)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${LEAFPRESS:-}
if [ -z "$bin" ]; then
  . benches/release.sh
fi
lib=$(mktemp -d)
trap 'rm -rf "$lib"' EXIT
mkdir "$lib/content" "$lib/content/pictures"
printf 'outputs:\n  - {name: print}\n  - {name: email, for: email}\n' > "$lib/leafpress.yaml"
convert -size 2400x1600 -seed 7 plasma:fractal -blur 0x2 -quality 85 "$lib/photo.jpg"
convert -size 1200x800 -seed 3 plasma:fractal -alpha set -channel A -fx "0.3+0.7*(i/w)" +channel "png32:$lib/drawing.png"
for i in $(seq -w 1 36); do
  if [ $((10#$i % 3)) -eq 0 ]; then
    # Each photo leaflet has pictures of its own (the same size, other pixels), so no
    # leaflet is helped by another's being already decoded.
    convert "$lib/photo.jpg" -roll "+$((10#$i * 37))+0" -quality 85 "$lib/content/pictures/photo-$i.jpg"
    convert "$lib/drawing.png" -roll "+$((10#$i * 23))+0" "png32:$lib/content/pictures/drawing-$i.png"
  fi
done
python3 - "$lib" <<'PY'
import sys, yaml
lib = sys.argv[1]
d = yaml.safe_load(open("content/acupuncture-hip-knee.yaml"))
for i in range(1, 37):
    doc = dict(d, blocks=list(d["blocks"]))
    if i % 3 == 0:
        doc["blocks"].insert(2, {"image": {"src": f"pictures/photo-{i:02}.jpg", "alt": "A photo", "caption": "A 2400 × 1600 photo"}})
        doc["blocks"].insert(12, {"image": {"src": f"pictures/drawing-{i:02}.png", "alt": "A drawing", "caption": "A PNG with alpha", "width": "70%"}})
    yaml.safe_dump(doc, open(f"{lib}/content/leaflet-{i:02}.yaml", "w"), allow_unicode=True, sort_keys=False, width=1000)
PY
cd "$lib"
hyperfine --warmup 1 --min-runs 5 "$@" \
  "$bin build --quiet --jobs 1" \
  "$bin build --quiet --jobs 2"
if command -v perf >/dev/null && perf stat -e task-clock true 2>/dev/null; then
  for jobs in 1 2; do
    perf stat -r 3 -e task-clock "$bin" build --quiet --jobs "$jobs" 2>&1 \
      | grep -E 'task-clock|elapsed' | sed "s/^/--jobs $jobs: /"
  done
fi
