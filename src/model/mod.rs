//! The model stage: the data a clinic writes, as Rust values. A leaflet's YAML
//! ([`Leaflet`], its blocks, pages and details), a project's `leafpress.yaml`
//! ([`project`], [`brand`], [`check`], [`outputs`], [`email`]), the design ([`theme`]) and the
//! edition asked for ([`edition`]). Nothing here reads a file or lays out a page.

pub mod blocks;
pub mod brand;
pub mod check;
pub mod details;
pub mod edition;
pub mod email;
pub mod labels;
mod leaflet;
pub mod outputs;
pub mod plan;
pub mod project;
pub mod rules;
pub mod theme;

pub use blocks::{Block, BlockKind, BLOCK_KINDS, BLOCK_TYPES};
pub use leaflet::*;
