//! The functions everyday builds run are laid out together at the start of the
//! program's code, in the order of data/link-order.txt (build.rs passes the list to
//! lld; docs/internals.md says why). Read back from the binary's symbol table.
#![cfg(all(target_os = "linux", target_env = "gnu", target_arch = "x86_64"))]

mod common;

use common::tool;
use std::collections::HashMap;
use std::path::PathBuf;

/// Where build.rs hands the list to a linker: the Rust install has its own lld.
fn rust_lld_present() -> bool {
    let sysroot = tool("rustc", &[&"--print", &"sysroot"]);
    let host = tool("rustc", &[&"--print", &"host-tuple"]);
    PathBuf::from(sysroot.trim())
        .join(format!("lib/rustlib/{}/bin/gcc-ld/ld.lld", host.trim()))
        .is_file()
}

#[test]
fn the_listed_functions_come_first_in_the_code() {
    if !rust_lld_present() {
        eprintln!("skipped: this Rust has no lld of its own, so the list is not used");
        return;
    }
    // The C functions only (the C library's, mimalloc's, libdeflate's): Rust names carry
    // hashes of the Rust version and the build profile, so a debug build, or another
    // Rust than the list was made with, has other names for its Rust functions.
    let list = std::fs::read_to_string(common::repo().join("data/link-order.txt")).unwrap();
    let listed: Vec<&str> = list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("_ZN") && !l.starts_with("_R"))
        .collect();

    // Code symbols (nm's t and T) that occur once, with their addresses and sizes.
    let nm = tool(
        "nm",
        &[&"-S", &"--defined-only", &env!("CARGO_BIN_EXE_leafpress")],
    );
    let mut code: HashMap<&str, Option<(u64, u64)>> = HashMap::new();
    for line in nm.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        if let [addr, size, "t" | "T", name] = f[..] {
            let at = (
                u64::from_str_radix(addr, 16).unwrap(),
                u64::from_str_radix(size, 16).unwrap(),
            );
            code.entry(name)
                .and_modify(|seen| *seen = None)
                .or_insert(Some(at));
        }
    }
    let text_start = code.values().flatten().map(|&(a, _)| a).min().unwrap();
    let text_end = code.values().flatten().map(|&(a, s)| a + s).max().unwrap();
    let found: Vec<(u64, u64)> = listed
        .iter()
        .filter_map(|n| code.get(n).copied().flatten())
        .collect();
    assert!(
        found.len() >= 100,
        "only {} of the list's {} C functions are in the program",
        found.len(),
        listed.len()
    );
    let size: u64 = found.iter().map(|&(_, s)| s).sum();
    let last = found.iter().map(|&(a, s)| a + s).max().unwrap();
    // Packed, they end within a little more than their own size of the start (other
    // code that shares their sections comes with them); in the compiler's order they
    // spread over the whole program.
    assert!(
        last - text_start < 3 * size,
        "the {} listed functions ({size} bytes) reach {} bytes into {} bytes of code: \
         they are not laid out together",
        found.len(),
        last - text_start,
        text_end - text_start
    );
}
