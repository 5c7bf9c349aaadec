// The leafpress binary is linked at a fixed address on Linux (not position
// independent): a PIE executable has the dynamic loader patch ~17,500 pointers in
// its tables at every start, touching 290 KB of pages — an eighth of building the
// sample leaflet. The library and tests are unaffected.
fn main() {
    let target = std::env::var("TARGET").unwrap_or_default();
    if target.contains("linux-gnu") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
