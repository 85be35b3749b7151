//! `--summary`: the corpus summary alone, as tables.

use super::table::{count, write_rows};
use super::{clip, Sink};
use crate::input::Doc;
use crate::model::OutDoc;
use crate::summary::{Entry, Summary};
use precedent::{Document, EntityKind};
use std::io::{self, Write};

/// Writes nothing per document, then the summary tables.
pub struct SummaryTable<W: Write> {
    out: W,
    top: usize,
}

impl<W: Write> SummaryTable<W> {
    /// A writer to `out` listing at most `top` rows per table.
    pub fn new(out: W, top: usize) -> Self {
        SummaryTable { out, top }
    }
}

/// The plural heading of a kind.
pub fn heading(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "people",
        EntityKind::Place => "places",
        EntityKind::Event => "events",
        EntityKind::Organization => "organisations",
        EntityKind::Group => "groups",
        _ => "other",
    }
}

/// The first four cells of an entry's row: label, id, count, documents.
fn entry_cells(e: &Entry) -> [String; 4] {
    [
        clip(&e.label, 40),
        clip(e.id.as_deref().unwrap_or("-"), 44),
        e.count.to_string(),
        e.docs.to_string(),
    ]
}

impl<W: Write> Sink for SummaryTable<W> {
    fn document(&mut self, _input: &Doc, _doc: &Document, _out: &OutDoc<'_>) -> io::Result<()> {
        Ok(())
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        let w = &mut self.out;
        writeln!(
            w,
            "== corpus: {}, {}, {}",
            count(s.docs, "document", "documents"),
            count(s.mentions, "mention", "mentions"),
            count(s.analogies, "analogy", "analogies")
        )?;
        for kind in EntityKind::ALL {
            writeln!(
                w,
                "\n{} ({} mentions of {} distinct)",
                heading(kind),
                s.mentions_of(kind),
                s.distinct(kind)
            )?;
            let rows: Vec<[String; 4]> = s.top(kind, self.top).iter().map(|e| entry_cells(e)).collect();
            write_rows(w, &["canonical", "id", "mentions", "documents"], &rows)?;
        }
        writeln!(w, "\nhistorical analogies ({})", s.analogies)?;
        let rows: Vec<[String; 5]> = s
            .top_targets(self.top)
            .iter()
            .map(|e| {
                let [label, id, count, docs] = entry_cells(e);
                [label, id, count, docs, e.stances_text()]
            })
            .collect();
        write_rows(
            w,
            &["historical side", "id", "invoked", "documents", "stances"],
            &rows,
        )?;
        w.flush()
    }
}
