//! `--format jsonl`: one JSON object per document, in input order.

use super::Sink;
use crate::input::Doc;
use crate::model::OutDoc;
use crate::summary::Summary;
use precedent::Document;
use std::io::{self, Write};

/// Writes one line per document.
pub struct Jsonl<W: Write> {
    out: W,
}

impl<W: Write> Jsonl<W> {
    /// A writer to `out`.
    pub fn new(out: W) -> Self {
        Jsonl { out }
    }
}

impl<W: Write> Sink for Jsonl<W> {
    fn document(&mut self, _input: &Doc, _doc: &Document, out: &OutDoc<'_>) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, out)?;
        self.out.write_all(b"\n")
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.out.flush()
    }
}
