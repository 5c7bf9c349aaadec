//! The base stage: what every other stage stands on, knowing nothing of leaflets.
//! Lengths and units, colours and contrast, a file's text, located diagnostics,
//! and writing a file whole or not at all.

pub mod colour;
pub mod diag;
pub mod escape;
pub mod files;
pub mod lang;
pub mod paper;
pub mod source;
pub mod units;
