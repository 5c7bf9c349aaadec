//! The commands' work that is more than a call into the library.

pub mod check;
pub mod new;
