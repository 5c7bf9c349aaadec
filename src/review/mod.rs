//! The review stage: a laid-out leaflet read as a reviewer would. [`lint`] is what
//! every build warns about; [`plain`] is `leafpress check`'s plain-language and
//! clear-print review.

pub mod lint;
pub mod plain;
