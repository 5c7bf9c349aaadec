#!/usr/bin/env bash
# The photo leaflet of issue 12: the sample with a 2400 × 1600 JPEG at full width and a
# 1200 × 800 PNG with alpha at 70 %, built for print and for e-mail. Times the release
# build with hyperfine, its peak memory with /usr/bin/time, and, when Typst's Python
# binding is installed (`pip install typst`), Typst's build of the same leaflet.
# Needs ImageMagick (`convert`) to make the pictures.
# Usage: benches/photos.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/release.sh
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
convert -size 2400x1600 -seed 7 plasma:fractal -blur 0x2 -quality 85 "$dir/photo.jpg"
convert -size 1200x800 -seed 3 plasma:fractal -alpha set -channel A -fx "0.3+0.7*(i/w)" +channel "png32:$dir/drawing.png"
python3 - "$dir" <<'PY'
import sys, yaml
d = yaml.safe_load(open("content/acupuncture-hip-knee.yaml"))
d["blocks"].insert(2, {"image": {"src": "photo.jpg", "alt": "A photo", "caption": "A 2400 × 1600 photo"}})
d["blocks"].insert(12, {"image": {"src": "drawing.png", "alt": "A drawing", "caption": "A PNG with alpha", "width": "70%"}})
yaml.safe_dump(d, open(sys.argv[1] + "/photos.yaml", "w"), allow_unicode=True, sort_keys=False, width=1000)
PY
hyperfine --warmup 2 --min-runs 15 --shell=none \
  "$bin build $dir/photos.yaml -o $dir/print.pdf -q" \
  "$bin build $dir/photos.yaml -o $dir/email.pdf -q --for email"
for purpose in print email; do
  /usr/bin/time -f "$purpose: peak %M KiB" "$bin" build "$dir/photos.yaml" \
    -o "$dir/$purpose.pdf" -q --for "$purpose" 2>&1 | grep peak
  ls -l "$dir/$purpose.pdf" | awk -v p="$purpose" '{print p ": " $5 " bytes"}'
done
if python3 -c 'import typst' 2>/dev/null; then
  python3 benches/typst-compare.py "$dir/photos.yaml" 10
fi
