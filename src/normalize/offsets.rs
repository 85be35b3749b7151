//! The offset map from normalised text back to the original text.
//!
//! Design: most of a normalised text lines up byte for byte with its
//! original (ASCII lowercasing, a newline turned into a space, Cyrillic `П`
//! lowercased to `п`). Such stretches are *linear*: normalised byte
//! `x` comes from original byte `x + delta`. The map stores only the places
//! where the correspondence is not linear, as [`Segment`]s: a normalised
//! range produced from an original range as a whole (`é` → `e`, `ß` → `ss`,
//! a removed soft hyphen, a collapsed run of spaces). Between segments the
//! delta is that of the previous segment's end.
//!
//! Invariants (upheld by [`OffsetMapBuilder`], the single choke point every
//! edit goes through):
//! - segments are sorted by normalised start and by original start, and do
//!   not overlap in either text;
//! - every segment boundary is a char boundary in both texts;
//! - inside linear stretches, char boundaries of the two texts coincide.
//!
//! Lookups that land strictly inside a segment have no exact answer and
//! return `None`: a caller must then drop or widen its span, never guess.

/// A non-linear piece of the map: `norm_len` normalised bytes at `norm` were
/// produced from `orig_len` original bytes at `orig`. `norm_len` may be 0 (a
/// removed character).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Segment {
    pub norm: usize,
    pub norm_len: usize,
    pub orig: usize,
    pub orig_len: usize,
}

impl Segment {
    fn norm_end(&self) -> usize {
        self.norm + self.norm_len
    }
    fn orig_end(&self) -> usize {
        self.orig + self.orig_len
    }
}

/// Maps byte offsets of a normalised text to byte offsets of its original.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    segments: Vec<Segment>,
}

impl OffsetMap {
    /// The identity map (normalised text equals the original).
    pub fn identity() -> OffsetMap {
        OffsetMap::default()
    }

    /// Whether the map is the identity.
    pub fn is_identity(&self) -> bool {
        self.segments.is_empty()
    }

    /// Number of non-linear segments stored (a measure of the map's size).
    pub fn segments(&self) -> usize {
        self.segments.len()
    }

    /// The original offset where the normalised text starting at `x` begins,
    /// skipping characters that normalisation removed just before `x`.
    /// `None` when `x` falls strictly inside a segment.
    pub fn start(&self, x: usize) -> Option<usize> {
        let k = self.segments.partition_point(|s| s.norm < x);
        if let Some(prev) = k.checked_sub(1).map(|i| self.segments[i]) {
            if prev.norm_end() > x {
                return None;
            }
        }
        // Segments starting exactly at `x`: zero-length ones (removed chars)
        // are skipped; the first non-empty one gives the answer.
        let mut base = k.checked_sub(1).map(|i| self.segments[i]);
        for s in &self.segments[k..] {
            if s.norm != x {
                break;
            }
            if s.norm_len > 0 {
                return Some(s.orig);
            }
            base = Some(*s);
        }
        Some(linear(base, x))
    }

    /// The original offset where the normalised text ending at `x` ends,
    /// excluding characters that normalisation removed just after it.
    /// `None` when `x` falls strictly inside a segment.
    pub fn end(&self, x: usize) -> Option<usize> {
        let k = self.segments.partition_point(|s| s.norm < x);
        match k.checked_sub(1).map(|i| self.segments[i]) {
            Some(prev) if prev.norm_end() > x => None,
            Some(prev) if prev.norm_end() == x => Some(prev.orig_end()),
            base => Some(linear(base, x)),
        }
    }

    /// Maps a normalised span to the original span, when both ends map
    /// exactly.
    pub fn span(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let s = self.start(start)?;
        let e = if end == start { s } else { self.end(end)? };
        (s <= e).then_some((s, e))
    }
}

fn linear(base: Option<Segment>, x: usize) -> usize {
    match base {
        Some(b) => x - b.norm_end() + b.orig_end(),
        None => x,
    }
}

/// Records edits while a normalised text is written. Every edit of the
/// normaliser goes through [`push_linear`](Self::push_linear) or
/// [`push_replaced`](Self::push_replaced); nothing else touches offsets.
#[derive(Debug, Default)]
pub(crate) struct OffsetMapBuilder {
    segments: Vec<Segment>,
}

impl OffsetMapBuilder {
    /// `norm` normalised bytes at `norm_at` replace `orig` original bytes at
    /// `orig_at` as a whole. Adjacent removals merge into one segment.
    pub fn push_replaced(&mut self, norm_at: usize, norm: usize, orig_at: usize, orig: usize) {
        if let Some(last) = self.segments.last_mut() {
            if norm == 0 && last.norm_len == 0 && last.norm == norm_at && last.orig_end() == orig_at {
                last.orig_len += orig;
                return;
            }
        }
        self.segments.push(Segment {
            norm: norm_at,
            norm_len: norm,
            orig: orig_at,
            orig_len: orig,
        });
    }

    pub fn finish(self) -> OffsetMap {
        OffsetMap {
            segments: self.segments,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(segs: &[(usize, usize, usize, usize)]) -> OffsetMap {
        let mut b = OffsetMapBuilder::default();
        for &(n, nl, o, ol) in segs {
            b.push_replaced(n, nl, o, ol);
        }
        b.finish()
    }

    #[test]
    fn identity_maps_every_offset_to_itself() {
        let m = OffsetMap::identity();
        assert_eq!(m.span(3, 7), Some((3, 7)));
    }

    #[test]
    fn removal_at_start_is_skipped() {
        // "\u{200B}putin": 3 removed bytes, then linear.
        let m = map(&[(0, 0, 0, 3)]);
        assert_eq!(m.span(0, 5), Some((3, 8)));
    }

    #[test]
    fn removal_at_end_is_excluded() {
        let m = map(&[(5, 0, 5, 3)]);
        assert_eq!(m.span(0, 5), Some((0, 5)));
    }

    #[test]
    fn replaced_char_maps_whole_and_rejects_inside() {
        // "josé" -> "jose": 'é' (2 bytes at 3) -> 'e' (1 byte at 3).
        let m = map(&[(3, 1, 3, 2)]);
        assert_eq!(m.span(0, 4), Some((0, 5)));
        // "ß" -> "ss": inside the pair is not exact.
        let m = map(&[(0, 2, 0, 2)]);
        assert_eq!(m.start(1), None);
        assert_eq!(m.end(1), None);
    }

    #[test]
    fn removal_then_replacement_at_same_offset() {
        let m = map(&[(0, 0, 0, 3), (0, 1, 3, 2)]);
        assert_eq!(m.span(0, 1), Some((3, 5)));
    }
}
