//! The present stage: what leafpress shows people besides leaflets: the review as
//! text, JSON or an HTML page ([`report`]), the email draft ([`email`]), the register of
//! a project's leaflets ([`register`]), and JSON Schemas for editors ([`schema`]).

pub mod email;
pub mod register;
pub mod report;
pub mod schema;
pub mod table;
