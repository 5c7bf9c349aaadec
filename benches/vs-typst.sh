#!/usr/bin/env bash
# The sample built by leafpress and by Typst's command line, whole process against
# whole process, as a user runs each: hyperfine -N, the two interleaved in ROUNDS
# rounds of 30 runs so that a noisy machine hurts both alike; medians and the ratio.
# Typst gets the same leaflet in the same look (benches/typst-compare.py converts
# it), the repository's fonts only (--ignore-system-fonts --ignore-embedded-fonts,
# its fastest start) and PDF/UA-1, as leafpress writes.
# Needs typst (`cargo install typst-cli --locked`; TYPST=path/to/typst otherwise)
# and PyYAML. Usage: benches/vs-typst.sh [ROUNDS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
typst=${TYPST:-typst}
. benches/release.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sample=$PWD/content/acupuncture-hip-knee.yaml
python3 benches/typst-compare.py --write-typ "$sample" "$work/leaflet.typ"
cd "$work"
"$typst" --version
for r in $(seq "$rounds"); do
  hyperfine -N --warmup 3 --runs 30 --export-json "round-$r.json" \
    "$bin build $sample -o leafpress.pdf -q" \
    "$typst compile --ignore-system-fonts --ignore-embedded-fonts --font-path $OLDPWD/fonts --pdf-standard ua-1 leaflet.typ typst.pdf" \
    >/dev/null
done
python3 - "$rounds" <<'PY'
import json, statistics, sys
times = [[], []]
for r in range(1, int(sys.argv[1]) + 1):
    for i, result in enumerate(json.load(open(f"round-{r}.json"))["results"]):
        times[i] += [t * 1000 for t in result["times"]]
lp, ty = (statistics.median(t) for t in times)
print(f"leafpress: median {lp:.2f} ms, fastest {min(times[0]):.2f} ms over {len(times[0])} runs")
print(f"typst:     median {ty:.2f} ms, fastest {min(times[1]):.2f} ms over {len(times[1])} runs")
print(f"ratio (leafpress / typst, medians): {lp / ty:.3f}")
PY
