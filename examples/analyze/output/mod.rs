//! The output formats. Each is a [`Sink`] fed one document at a time, in
//! input order, then the corpus summary.

pub mod csv;
pub mod html;
pub mod jsonl;
pub mod summary;
pub mod table;

use crate::input::Doc;
use crate::model::OutDoc;
use crate::summary::Summary;
use precedent::Document;
use std::io;

/// Where documents go.
pub trait Sink {
    /// Writes one document: `input` as read, `doc` as extracted from
    /// `input.text`, `out` with offsets into the original.
    fn document(&mut self, input: &Doc, doc: &Document, out: &OutDoc<'_>) -> io::Result<()>;

    /// Ends the output; `summary` counts every document written.
    fn finish(&mut self, summary: &Summary) -> io::Result<()>;
}

/// Shortens `s` to `width` characters with an ellipsis, on one line.
pub fn clip(s: &str, width: usize) -> String {
    let one_line: String = s
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if one_line.chars().count() <= width {
        one_line
    } else {
        one_line
            .chars()
            .take(width.saturating_sub(1))
            .chain(['…'])
            .collect()
    }
}

/// Pads `s` with spaces to `width` characters.
pub fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    let mut out = s.to_string();
    out.extend(std::iter::repeat(' ').take(width.saturating_sub(n)));
    out
}
