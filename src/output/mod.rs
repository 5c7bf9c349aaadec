//! The output stage: pages put on sheets ([`impose`]) and written as a tagged PDF
//! ([`pdf`]). Only this stage knows PDF.

pub mod impose;
pub mod pdf;
