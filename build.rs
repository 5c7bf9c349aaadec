// The leafpress binary is linked at a fixed address on Linux (not position
// independent): a PIE executable has the dynamic loader patch ~17,500 pointers in
// its tables at every start, touching 290 KB of pages — an eighth of building the
// sample leaflet. The library and tests are unaffected. On x86-64 and ARM64 Linux
// .cargo/config.toml also links it statically, at a fixed address (rustc's
// `relocation-model=static`); this covers other Linux platforms and builds that
// name a target of their own.
use std::path::PathBuf;
use std::process::Command;

fn main() {
    let target = std::env::var("TARGET").unwrap_or_default();
    if target.contains("linux-gnu") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    if target == "x86_64-unknown-linux-gnu" {
        hot_code_first();
    }
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=data/link-order.txt");
}

/// Lays out the functions a build runs next to each other, in the order of
/// data/link-order.txt (written by scripts/link-order). The program is 11.6 MB of
/// code, of which everyday builds run 2.9 MB, scattered: each first call into a new
/// part of it is a page fault that maps 64 KB. Packed together, the sample's
/// build faults 31 times in the code instead of 81 and takes about a tenth less time
/// (docs/internals.md, "Where a build's time and memory go").
///
/// Only lld reads the list (`--symbol-ordering-file`), and the GNU linker fails on
/// the option, so the list is passed only where the build can use the lld that ships
/// with Rust, and then that lld is asked for by name. Only for x86-64 Linux, where
/// Rust links with its own lld anyway (1.90 and later) and where the list was made:
/// elsewhere its names would not match. A configured linker of one's own is left
/// alone. Names the list has and the program lacks (another Rust version or other
/// dependency versions name functions differently) are skipped without a word: then
/// those functions keep the compiler's order.
fn hot_code_first() {
    let configured = std::env::var_os("RUSTC_LINKER").is_some()
        || std::env::var("CARGO_ENCODED_RUSTFLAGS").is_ok_and(|f| f.contains("link"));
    if configured {
        return;
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let host = std::env::var("HOST").unwrap_or_default();
    let Some(sysroot) = Command::new(rustc)
        .args(["--print", "sysroot"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
    else {
        return;
    };
    let lld = PathBuf::from(sysroot.trim()).join(format!("lib/rustlib/{host}/bin/gcc-ld"));
    let order =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("data/link-order.txt");
    if !lld.join("ld.lld").is_file() || !order.is_file() {
        return;
    }
    for arg in [
        "-fuse-ld=lld".to_string(),
        format!("-B{}", lld.display()),
        format!("-Wl,--symbol-ordering-file={}", order.display()),
        "-Wl,--no-warn-symbol-ordering".to_string(),
    ] {
        println!("cargo:rustc-link-arg-bins={arg}");
    }
}
