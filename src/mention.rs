//! The public output: mentions and documents, serde-serialisable.
//!
//! Field names are a public contract (JSON consumers rely on them):
//! `start`/`end` are byte offsets into the original text, `text` is
//! `&original[start..end]`, always.

use crate::gazetteer::EntityKind;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// Another entry the same surface could refer to, kept for explanation and
/// for downstream re-ranking.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The entry's id.
    pub id: String,
    /// The entry's kind.
    pub kind: EntityKind,
    /// The entry's canonical name.
    pub canonical: String,
    /// The candidate's score on the same scale as [`Mention::score`].
    pub score: f32,
}

/// Why a mention was made and its entry chosen. Each decision of the
/// resolver is cheap and explainable; a mention lists the evidence it rests
/// on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Evidence {
    /// A strong alias matched (a full name, an unambiguous name).
    StrongAlias,
    /// A weak alias written with a capital where that means a name.
    Capitalised,
    /// An acronym written with all its capitals.
    Acronym,
    /// The same entity is named by a strong alias elsewhere in the document
    /// ("Emmanuel Macron … Macron").
    CoReference,
    /// A title or role before the name ("President", "Bundeskanzler", "M.").
    Title,
    /// A speech verb after the name ("said", "a déclaré", "sagte").
    Speech,
    /// A preposition of place before the name ("in", "à", "nach").
    Locative,
    /// Other names in the document belong to this entry's country
    /// ("Georgia" next to Tbilisi) and not to every candidate's.
    Country,
    /// A year written in the document, or the date of an event it names,
    /// falls in this entry's period (a person's adult life, an event's
    /// dates) and not in every candidate's ("Roosevelt" next to 1941).
    Period,
    /// Several entries share the alias; the gazetteer prior decided.
    Prior,
    /// A place next to a year ("Munich 1938").
    YearAnchor,
    /// A name pattern without a gazetteer entry ("University of Tartu",
    /// "Bertelsmann-Stiftung").
    Pattern,
    /// A known given name followed by capitalised surnames, without a
    /// gazetteer entry ("Anna Kowalska").
    GivenName,
    /// Listed with a name of the same kind ("Halle, Essen, Dresden").
    Enumeration,
    /// A comma and a role follow a name the gazetteer does not list ("Jan
    /// Novák, President of the Academy").
    Apposition,
    /// A line of a list of names, as in the signatories of an open letter.
    List,
    /// The whole document is written in lower case, so case was not asked
    /// for.
    LowercaseDocument,
    /// A cue of a historical analogy stands around a name that is also a
    /// common word ("the Chamberlain of our age", "needs a Chamberlain").
    AnalogyCue,
}

/// One reference to a person, place, event or organisation in a text.
///
/// Invariant: `&original[m.start..m.end] == m.text` for every mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte offset of the first byte in the original text.
    pub start: usize,
    /// Byte offset just past the last byte in the original text.
    pub end: usize,
    /// The surface as written in the original text.
    pub text: String,
    /// What the mention refers to.
    pub kind: EntityKind,
    /// The gazetteer id of the chosen entry; `None` for names found by rules
    /// without a gazetteer entry, and for a place in a year that no known
    /// event explains.
    pub id: Option<String>,
    /// The canonical name of the chosen entry.
    pub canonical: String,
    /// The gazetteer alias that matched, as written in the gazetteer (for a
    /// year-anchored mention, the alias of the place).
    pub alias: String,
    /// Confidence in the choice of entry, in `[0, 1]`.
    pub score: f32,
    /// The evidence the mention and the choice of entry rest on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// The other entries the surface could refer to, best first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Candidate>,
    /// The year of a year-anchored mention: "Munich 1938" (the Munich
    /// Agreement), "Alaska 2025" (a place in a year, `id` null when no event
    /// is known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The id of the place of a year-anchored mention.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Char (code point) offsets, when requested with
    /// [`crate::Offsets::All`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chars: Option<Span>,
    /// UTF-16 code unit offsets, when requested with
    /// [`crate::Offsets::All`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utf16: Option<Span>,
}

impl Mention {
    /// The byte span in the original text.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Everything extracted from one text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Mentions, ordered by start offset; they never overlap.
    pub mentions: Vec<Mention>,
    /// Historical analogies, ordered by the start of their historical side
    /// (see [`crate::analogy`]).
    #[serde(default)]
    pub analogies: Vec<crate::analogy::Analogy>,
}
