//! The present stage: what leafpress shows people besides leaflets: the review as
//! text, JSON or an HTML page ([`report`]), and JSON Schemas for editors ([`schema`]).

pub mod email;
pub mod report;
pub mod schema;
