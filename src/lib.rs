//! precedent (work in progress)
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod error;
pub mod normalize;
pub mod gazetteer;
mod span;

pub use error::{Error, GazetteerErrorKind, Result};
pub use normalize::{Normalized, Normalizer, NormalizerConfig, OffsetMap};
pub use gazetteer::{Alias, EntityKind, Entry, Gazetteer, PartialDate, Valence};
pub use span::{OffsetConverter, Span};
