//! Content: the YAML model, loading it with located errors, and resolving it
//! (checks and images) so later stages cannot fail on bad input.

pub mod load;
pub mod model;
pub mod resolve;

pub use load::{parse, Source};
pub use model::{Block, Leaflet};
pub use resolve::{resolve, LoadedImage, Pixels, Resolved};
