//! Errors: one typed enum, with the context a user needs to fix the input.

use std::fmt;

/// The error type of this crate.
///
/// Every error carries enough context to act on it: a gazetteer error names
/// the source (a file path or a name given by the caller), the 1-based line
/// number and what is wrong with the line.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A gazetteer file or stream could not be parsed.
    #[error("{source_name}:{line}: {kind}")]
    Gazetteer {
        /// The file path, or the name given to [`crate::Gazetteer::from_reader`].
        source_name: String,
        /// 1-based line number (0 when the error concerns the whole source).
        line: usize,
        /// What is wrong.
        kind: GazetteerErrorKind,
    },
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path that failed.
        path: String,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The matcher could not be built from the gazetteer's aliases.
    #[error("cannot build the matcher: {0}")]
    Build(String),
}

/// What is wrong with a gazetteer line. Part of [`Error::Gazetteer`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum GazetteerErrorKind {
    /// The source has no header line (only comments or nothing).
    MissingHeader,
    /// A required column is absent from the header.
    MissingColumn(&'static str),
    /// The header names a column this version does not know.
    UnknownColumn(String),
    /// The header names a column twice.
    DuplicateColumn(String),
    /// A line has a different number of fields than the header.
    FieldCount {
        /// Number of columns in the header.
        expected: usize,
        /// Number of fields on the line.
        found: usize,
    },
    /// A required field is empty.
    EmptyField(&'static str),
    /// The `id` field has characters outside `[A-Za-z0-9_./:-]`.
    InvalidId(String),
    /// The same id appears twice in one source.
    DuplicateId {
        /// The repeated id.
        id: String,
        /// The line where it was first defined.
        first_line: usize,
    },
    /// The `kind` field is not one of the known kinds.
    InvalidKind(String),
    /// A date field is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (optionally negative).
    InvalidDate {
        /// The column.
        column: &'static str,
        /// The value found.
        value: String,
    },
    /// `start` is later than `end`.
    DateOrder,
    /// The `prior` field is not a number in `[0, 1]`.
    InvalidPrior(String),
    /// The `valence` field is not one of the known values.
    InvalidValence(String),
    /// The `analogy` field is not `yes` or `no`.
    InvalidAnalogy(String),
    /// An alias is malformed; the string says how.
    InvalidAlias {
        /// The alias as written.
        alias: String,
        /// Why it is rejected.
        reason: &'static str,
    },
    /// The line is not valid UTF-8.
    InvalidUtf8,
    /// A field of a cue lexicon has a value it does not accept: the column
    /// and the value.
    InvalidCue(&'static str, String),
}

impl fmt::Display for GazetteerErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use GazetteerErrorKind::*;
        match self {
            MissingHeader => write!(f, "no header line (expected a line naming the columns, e.g. `id<TAB>kind<TAB>canonical<TAB>aliases`)"),
            MissingColumn(c) => write!(f, "the header has no `{c}` column"),
            UnknownColumn(c) => write!(f, "unknown column `{c}` (known: {})", crate::gazetteer::KNOWN_COLUMNS.join(", ")),
            DuplicateColumn(c) => write!(f, "column `{c}` appears twice in the header"),
            FieldCount { expected, found } => write!(f, "expected {expected} tab-separated fields, found {found}"),
            EmptyField(c) => write!(f, "the `{c}` field is empty"),
            InvalidId(id) => write!(f, "invalid id `{id}` (use letters, digits and `_ . / : -`)"),
            DuplicateId { id, first_line } => write!(f, "duplicate id `{id}` (first defined on line {first_line})"),
            InvalidKind(k) => write!(f, "invalid kind `{k}` (expected person, place, event, organization or group)"),
            InvalidDate { column, value } => write!(f, "invalid date `{value}` in `{column}` (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
            DateOrder => write!(f, "`start` is later than `end`"),
            InvalidPrior(p) => write!(f, "invalid prior `{p}` (expected a number from 0 to 1)"),
            InvalidValence(v) => write!(f, "invalid valence `{v}` (expected negative, positive, mixed or neutral)"),
            InvalidAnalogy(v) => write!(f, "invalid analogy flag `{v}` (expected yes or no)"),
            InvalidAlias { alias, reason } => write!(f, "invalid alias `{alias}`: {reason}"),
            InvalidUtf8 => write!(f, "the line is not valid UTF-8"),
            InvalidCue(column, v) => write!(
                f,
                "invalid cue {column} `{v}` (see the header of gazetteers/cues/en.tsv for the format)"
            ),
        }
    }
}

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
