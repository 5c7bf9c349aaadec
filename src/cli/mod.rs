//! The commands' work that is more than a call into the library.

pub mod args;
pub mod build;
pub mod check;
pub mod email;
pub mod fix;
pub mod index;
pub mod list;
pub mod new;
pub mod plan;
pub mod pool;
pub mod schedule;
pub mod translate;
pub mod watch;
