//! The output stage: pages put on sheets ([`impose`]) and written as a tagged PDF
//! ([`pdf`]), or the content written as one web page ([`html`]). Only this stage
//! knows PDF.

pub mod html;
pub mod impose;
pub mod pdf;
