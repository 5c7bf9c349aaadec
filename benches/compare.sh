#!/usr/bin/env bash
# The sample built by two revisions' release binaries, side by side: hyperfine (wall
# clock, the runs of both interleaved in rounds so that a noisy machine hurts both
# alike) and callgrind's instruction count (repeatable whatever else the machine does;
# needs valgrind).
# Usage: benches/compare.sh [BASE_REV [ROUNDS]]   (default: HEAD~1 and 5 rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-HEAD~1}
rounds=${2:-5}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --quiet --detach "$work/base" "$base"
# The base builds in its own worktree into this target folder, sharing the compiled
# dependencies; each binary is copied out before the next build.
# Both name this machine's platform as the target (as .cargo/config.toml does), so
# each binary is at the same place whatever the base's config.
host=$(rustc --print host-tuple)
(cd "$work/base" && CARGO_TARGET_DIR="$OLDPWD/target" cargo build --release --quiet --target "$host")
cp "target/$host/release/leafpress" "$work/leafpress-base"
cargo build --release --quiet --target "$host"
cp "target/$host/release/leafpress" "$work/leafpress-new"
sample=content/acupuncture-hip-knee.yaml
for r in $(seq "$rounds"); do
  hyperfine -N --warmup 5 --runs 40 --export-json "$work/round-$r.json" \
    "$work/leafpress-base build $sample -o $work/base.pdf -q" \
    "$work/leafpress-new build $sample -o $work/new.pdf -q" >/dev/null
done
python3 - "$work" "$rounds" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
times = {0: [], 1: []}
for r in range(1, rounds + 1):
    for i, res in enumerate(json.load(open(f"{work}/round-{r}.json"))["results"]):
        times[i] += res["times"]
for i, name in enumerate(["base", "new"]):
    t = sorted(x * 1000 for x in times[i])
    print(f"{name}: mean {statistics.mean(t):.2f} ms, median {statistics.median(t):.2f} ms, "
          f"min {t[0]:.2f} ms over {len(t)} runs")
b, n = statistics.mean(times[0]), statistics.mean(times[1])
print(f"new / base: {n / b:.2f} (mean), {statistics.median(times[1]) / statistics.median(times[0]):.2f} (median)")
PY
if command -v valgrind >/dev/null; then
  for which in base new; do
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$work/leafpress-$which" \
      build $sample -o "$work/$which.pdf" -q 2>&1 | awk -v w="$which" '/Collected/ {print w ": " $4 " instructions"}'
  done
fi
ls -l "$work/base.pdf" "$work/new.pdf" | awk '{print $NF ": " $5 " bytes"}'
