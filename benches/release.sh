# Sourced by the benchmarks: builds leafpress as `cargo install --locked --path .`
# does and sets $bin to a copy of it, as `cargo install` copies it into ~/.cargo/bin.
# The copy matters: the file the linker wrote sits in the page cache in small pieces,
# and the same program started from it took 33 more page faults and 0.5 ms longer to
# build the sample (Linux 6.18). .cargo/config.toml builds for this machine's
# platform by name, so cargo leaves it in target/<platform>/release/.
host=$(rustc --print host-tuple)
cargo build --release --quiet --target "$host"
mkdir -p target/bench
bin="$PWD/target/bench/leafpress"
cp "target/$host/release/leafpress" "$bin.new" && mv "$bin.new" "$bin"

# How many of data/link-order.txt's functions the program has (build.rs): a list
# made with another Rust or other dependency versions no longer matches, and the
# figures come out about a tenth slower.
link_order_found() {
  local list=data/link-order.txt
  total=$(grep -vc '^#' "$list")
  found=$(grep -v '^#' "$list" | sort -u |
    comm -12 - <(nm --defined-only "$bin" | awk '{print $3}' | sort -u) | wc -l)
}
if command -v nm >/dev/null; then
  link_order_found
  [ $((found * 10)) -ge $((total * 9)) ] ||
    echo "note: only $found of data/link-order.txt's $total functions are in the program;" \
      "scripts/link-order writes the list again for this Rust and Cargo.lock" >&2
fi
