#!/usr/bin/env bash
# A 500-section leaflet (a heading, three paragraphs and a list each: 267 A5
# pages), built and checked by the release binary: time with hyperfine, peak memory
# (maximum resident set size) with GNU time. Issue 22's goal: at most 40 MiB.
# Usage: benches/stress.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/release.sh
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir/stress.yaml" <<'PY'
import sys
out = ["title: A very long leaflet", "blocks:"]
for i in range(1, 501):
    out.append(f"  - heading: Section {i}")
    out.append("  - paragraph: >-")
    out.append("      You may feel a little sore after your treatment. This is normal and should")
    out.append("      pass within a day or two. Rest, drink plenty of water and take it easy.")
    out.append("  - bullets:")
    out += [f"      - Point {k} of section {i}, keep moving gently." for k in range(1, 4)]
    out.append("  - paragraph: Call us if the soreness lasts longer than three days or gets worse.")
    out.append("  - paragraph: >-")
    out.append("      Most people go back to their usual activities the next day. If your work is")
    out.append("      physical, ask us when it is safe to return, and start with shorter days.")
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
"$bin" build "$dir/stress.yaml" -o "$dir/stress.pdf"
for cmd in "build $dir/stress.yaml -o $dir/stress.pdf" "check --format json $dir/stress.yaml"; do
  /usr/bin/time -f "$cmd: peak memory %M KiB, %e s" "$bin" $cmd > /dev/null 2> "$dir/time.txt" || true
  tail -1 "$dir/time.txt"
done
hyperfine --warmup 1 --min-runs 5 -N "$bin build $dir/stress.yaml -o $dir/stress.pdf"
