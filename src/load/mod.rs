//! The load stage: a content file and its project read once, parsed into the
//! model with located errors ([`parse()`], [`traps`]) and a source map
//! ([`spans`]), and resolved ([`resolve()`]: checks serde cannot make, images read,
//! anchors named) so that no later stage fails on bad input.

pub mod anchors;
mod checks;
mod fix;
mod links;
mod open;
pub mod parse;
mod pieces;
pub mod plan;
pub mod project;
pub mod qr;
pub mod resolve;
pub mod settings;
pub mod spans;
pub mod translate;
pub mod traps;

pub use open::open;
pub use parse::parse;
pub use resolve::{resolve, Resolved};
