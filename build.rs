// The leafpress binary is linked at a fixed address on Linux (not position
// independent): a PIE executable has the dynamic loader patch ~17,500 pointers in
// its tables at every start, touching 290 KB of pages — an eighth of building the
// sample leaflet. The library and tests are unaffected. On x86-64 and ARM64 Linux
// .cargo/config.toml also links it statically, at a fixed address (rustc's
// `relocation-model=static`); this covers other Linux platforms and builds that
// name a target of their own.
fn main() {
    let target = std::env::var("TARGET").unwrap_or_default();
    if target.contains("linux-gnu") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
