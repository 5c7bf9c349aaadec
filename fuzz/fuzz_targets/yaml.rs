//! Any bytes as a content file: the YAML reader, the trap finder, the checks, and
//! whatever layout and PDF writing a file that parses reaches.
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::check(data, &leafpress::model::edition::Options::default());
});
