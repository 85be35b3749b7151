//! Spans and offset conversion.
//!
//! Every span this crate returns is a pair of **byte** offsets into the
//! caller's *original* text, so `&text[span.range()]` is always the surface the
//! user sees. Python and JavaScript consumers index strings by code point or
//! by UTF-16 unit; [`OffsetConverter`] turns byte offsets into those.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open range `[start, end)` of offsets.
///
/// It exists because `Range<usize>` is not `Copy`. The unit (bytes, chars or
/// UTF-16 code units) depends on where the span comes from and is documented
/// there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Inclusive start offset.
    pub start: usize,
    /// Exclusive end offset.
    pub end: usize,
}

impl Span {
    /// Creates a span. `start` should not exceed `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a range, to index a `str`.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The length of the span in its unit.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// Converts byte offsets of one text into char (code point) and UTF-16
/// offsets.
///
/// Building the converter walks the text once and keeps a checkpoint every
/// 256 bytes; each lookup then scans at most 256 bytes. Build one converter
/// per document and reuse it for all its spans.
///
/// # Example
/// ```
/// use precedent::OffsetConverter;
/// let text = "Zürich 🇨🇭 Putin";
/// let conv = OffsetConverter::new(text);
/// let byte = text.find("Putin").unwrap();
/// assert_eq!(conv.chars(byte), Some(10));
/// assert_eq!(conv.utf16(byte), Some(12));
/// ```
#[derive(Debug, Clone)]
pub struct OffsetConverter<'a> {
    text: &'a str,
    // Checkpoints every `STEP` bytes (rounded to char boundaries): (byte,
    // char, utf16). Lookups start from the nearest checkpoint, so a lookup
    // costs at most STEP bytes of scanning.
    checkpoints: Vec<(usize, usize, usize)>,
}

const STEP: usize = 256;

impl<'a> OffsetConverter<'a> {
    /// Prepares conversions for `text`.
    pub fn new(text: &'a str) -> OffsetConverter<'a> {
        let mut checkpoints = vec![(0, 0, 0)];
        let (mut chars, mut units, mut next) = (0, 0, STEP);
        for (i, c) in text.char_indices() {
            if i >= next {
                checkpoints.push((i, chars, units));
                next = i + STEP;
            }
            chars += 1;
            units += c.len_utf16();
        }
        OffsetConverter { text, checkpoints }
    }

    /// The char offset of byte offset `byte`, or `None` when `byte` is not a
    /// char boundary of the text.
    pub fn chars(&self, byte: usize) -> Option<usize> {
        self.convert(byte).map(|(c, _)| c)
    }

    /// The UTF-16 offset of byte offset `byte`, or `None` when `byte` is not
    /// a char boundary of the text.
    pub fn utf16(&self, byte: usize) -> Option<usize> {
        self.convert(byte).map(|(_, u)| u)
    }

    /// Both the char and the UTF-16 offset of byte offset `byte`.
    pub fn convert(&self, byte: usize) -> Option<(usize, usize)> {
        if !self.text.is_char_boundary(byte) {
            return None;
        }
        let k = self.checkpoints.partition_point(|&(b, _, _)| b <= byte);
        let (b0, mut chars, mut units) = self.checkpoints[k.saturating_sub(1)];
        for c in self.text[b0..byte].chars() {
            chars += 1;
            units += c.len_utf16();
        }
        Some((chars, units))
    }

    /// Converts a byte span into a `(chars, utf16)` pair of spans.
    pub fn convert_span(&self, span: Span) -> Option<(Span, Span)> {
        let (cs, us) = self.convert(span.start)?;
        let (ce, ue) = self.convert(span.end)?;
        Some((Span::new(cs, ce), Span::new(us, ue)))
    }
}

/// The largest char boundary of `text` at or before `at` (clamped to its
/// length).
pub(crate) fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest char boundary of `text` at or after `at` (clamped to its
/// length).
pub(crate) fn ceil_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_across_checkpoints() {
        let text = "é".repeat(1000) + "x😀y";
        let conv = OffsetConverter::new(&text);
        let x = text.find('x').unwrap();
        assert_eq!(conv.convert(x), Some((1000, 1000)));
        let y = text.find('y').unwrap();
        assert_eq!(conv.convert(y), Some((1002, 1003)));
        assert_eq!(conv.convert(text.len()), Some((1003, 1004)));
        assert_eq!(conv.convert(1), None);
    }
}
