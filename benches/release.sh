# Sourced by the benchmarks: builds leafpress as `cargo install --path .` does and
# sets $bin to a copy of it, as `cargo install` copies it into ~/.cargo/bin. The copy
# matters: the file the linker wrote sits in the page cache in small pieces, and
# the same program started from it took 33 more page faults and 0.5 ms longer to
# build the sample (Linux 6.18). .cargo/config.toml builds for this machine's
# platform by name, so cargo leaves it in target/<platform>/release/.
host=$(rustc --print host-tuple)
cargo build --release --quiet --target "$host"
mkdir -p target/bench
bin="$PWD/target/bench/leafpress"
cp "target/$host/release/leafpress" "$bin.new" && mv "$bin.new" "$bin"
