//! precedent finds the people, places, events and organisations that news
//! and opinion texts talk about, with exact byte offsets into the original
//! text — and, in later stages, the historical analogies writers draw
//! ("Alaska 2025 must not become Munich 1938").
//!
//! # Overview
//! The pipeline has one module per stage, and a thin [`Extractor`] on top:
//! 1. [`normalize`]: Unicode NFKC, full case folding, diacritic folding,
//!    ASCII punctuation, collapsed spaces, invisible characters removed —
//!    with an [`OffsetMap`] back to the original text;
//! 2. matching: every alias of the [`Gazetteer`], normalised the same way,
//!    in one Aho-Corasick automaton walked from word starts only (whole
//!    words, leftmost-longest, French elision and English possessives);
//! 3. resolution: one entry per match, chosen by priors and evidence, with
//!    the alternatives kept; a place next to a year becomes the event of that
//!    place and year ("Munich 1938" is the Munich Agreement);
//! 4. output: serde-serialisable [`Mention`]s in a [`Document`].
//!
//! Every [`Mention`] satisfies `&text[m.start..m.end] == m.text`.
//!
//! # Example
//! ```
//! use precedent::{EntityKind, Extractor};
//!
//! let ex = Extractor::new()?;
//! let text = "L’Alaska 2025 ne doit pas devenir Munich 1938, selon Poutine’s critics.";
//! let doc = ex.extract(text);
//! for m in &doc.mentions {
//!     assert_eq!(&text[m.start..m.end], m.text);
//! }
//! // A place next to a year names the event of that place and year.
//! let munich = &doc.mentions[1];
//! assert_eq!((munich.text.as_str(), munich.kind), ("Munich 1938", EntityKind::Event));
//! assert_eq!(munich.id.as_deref(), Some("event/munich-agreement"));
//! assert_eq!(munich.place.as_deref(), Some("place/munich"));
//! # Ok::<(), precedent::Error>(())
//! ```
//!
//! # A gazetteer of your own
//! ```
//! use precedent::{Extractor, Gazetteer};
//!
//! let tsv = "id\tkind\tcanonical\taliases\n\
//!            org/acme\torganization\tAcme Corporation\tAcme Corp.|~Acme\n";
//! let mine = Gazetteer::from_str(tsv, "mine.tsv")?;
//! let ex = Extractor::builder().bundled(false).gazetteer(mine).build()?;
//! let doc = ex.extract("Shares of ACME CORPORATION fell.");
//! assert_eq!(doc.mentions[0].id.as_deref(), Some("org/acme"));
//! # Ok::<(), precedent::Error>(())
//! ```
//!
//! # Many documents
//! [`Extractor::extract_batch`] and [`Extractor::extract_stream`] run on
//! rayon's thread pool and return results in input order, identical at any
//! thread count.
//!
//! # Crate features
//! - `parallel` (default): batch extraction over rayon. Without it the
//!   batch functions run sequentially with the same results.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

pub mod analogy;
mod batch;
mod error;
mod extractor;
pub mod gazetteer;
mod matcher;
mod mention;
pub mod normalize;
mod resolve;
mod span;

pub use analogy::{Analogy, AnalogyEvidence, CueFamily, CueSpan, Polarity, SentenceSpan, Side, Stance};
pub use batch::{ExtractStream, STREAM_CHUNK};
pub use error::{Error, GazetteerErrorKind, Result};
pub use extractor::{Extractor, ExtractorBuilder, Offsets};
pub use gazetteer::{Alias, EntityKind, Entry, Gazetteer, PartialDate, Valence};
pub use mention::{Candidate, Document, Evidence, Mention};
pub use normalize::{Normalized, Normalizer, NormalizerConfig, OffsetMap};
pub use resolve::lang::Language;
pub use span::{OffsetConverter, Span};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(test)]
mod auto_traits {
    use super::*;

    fn assert_send_sync_unwind<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}

    #[test]
    fn public_types_are_thread_safe() {
        assert_send_sync_unwind::<Extractor>();
        assert_send_sync_unwind::<Gazetteer>();
        assert_send_sync_unwind::<Normalizer>();
        assert_send_sync_unwind::<Document>();
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Error>();
    }
}
