//! `--format table`: per document, aligned columns kind / text / canonical
//! / id / span, then the analogies.

use super::{clip, pad, Sink};
use crate::input::Doc;
use crate::model::{OutAnalogy, OutDoc, OutSide};
use crate::summary::Summary;
use precedent::Document;
use std::io::{self, Write};

/// Widest text and canonical columns, in characters.
const NAME_WIDTH: usize = 32;
/// Widest id column.
const ID_WIDTH: usize = 40;

/// Writes a table per document.
pub struct Table<W: Write> {
    out: W,
}

impl<W: Write> Table<W> {
    /// A writer to `out`.
    pub fn new(out: W) -> Self {
        Table { out }
    }
}

impl<W: Write> Sink for Table<W> {
    fn document(&mut self, _input: &Doc, _doc: &Document, out: &OutDoc<'_>) -> io::Result<()> {
        let w = &mut self.out;
        writeln!(
            w,
            "== {} ({}, {})",
            out.doc,
            count(out.mentions.len(), "mention", "mentions"),
            count(out.analogies.len(), "analogy", "analogies")
        )?;
        let rows: Vec<[String; 5]> = out
            .mentions
            .iter()
            .map(|m| {
                [
                    m.kind.to_string(),
                    clip(m.plain.unwrap_or(m.text), NAME_WIDTH),
                    clip(m.canonical, NAME_WIDTH),
                    clip(m.id.unwrap_or("-"), ID_WIDTH),
                    format!("{}..{}", m.start, m.end),
                ]
            })
            .collect();
        write_rows(w, &["kind", "text", "canonical", "id", "span"], &rows)?;
        if !out.analogies.is_empty() {
            writeln!(w, "analogies:")?;
            for a in &out.analogies {
                writeln!(w, "  {}", analogy_line(a))?;
            }
        }
        writeln!(w)
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.out.flush()
    }
}

/// Writes `rows` under `header`, each column as wide as its widest cell.
pub fn write_rows<const N: usize>(
    w: &mut impl Write,
    header: &[&str; N],
    rows: &[[String; N]],
) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(w, "(none)");
    }
    let mut widths = header.map(|h| h.chars().count());
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    // Columns of numbers are aligned right.
    let numeric: Vec<bool> = (0..N)
        .map(|i| {
            rows.iter()
                .all(|r| !r[i].is_empty() && r[i].bytes().all(|b| b.is_ascii_digit()))
        })
        .collect();
    let line = |cells: Vec<&str>| -> String {
        let last = cells.len() - 1;
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| match (numeric[i], i == last) {
                (true, _) => format!("{c:>width$}", width = widths[i]),
                (false, true) => c.to_string(),
                (false, false) => pad(c, widths[i]),
            })
            .collect::<Vec<_>>()
            .join("  ")
    };
    writeln!(w, "{}", line(header.to_vec()))?;
    for row in rows {
        writeln!(w, "{}", line(row.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}

/// `1 mention`, `2 mentions`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `Alaska 2025 → Munich 1938 (Munich Agreement)  "must not become"  warning, affirmed  0.85`
pub fn analogy_line(a: &OutAnalogy<'_>) -> String {
    let source = a.source.as_ref().map_or_else(|| "(implicit)".to_string(), side);
    let cue = a.cue.as_ref().map_or_else(
        || a.family.as_str().to_string(),
        |c| format!("{:?} ({})", clip(c.text, 40), a.family.as_str()),
    );
    format!(
        "{source} → {}  {cue}  {}, {}  {:.2}",
        side(&a.target),
        a.stance.as_str(),
        polarity(a.polarity),
        a.confidence
    )
}

fn side(s: &OutSide<'_>) -> String {
    let text = clip(s.plain.unwrap_or(s.text), NAME_WIDTH);
    match s.canonical {
        Some(c) if c != text => format!("{text} ({c})"),
        _ => text,
    }
}

/// The polarity's JSON name.
pub fn polarity(p: precedent::Polarity) -> &'static str {
    match p {
        precedent::Polarity::Affirmed => "affirmed",
        precedent::Polarity::Negated => "negated",
        precedent::Polarity::Questioned => "questioned",
        _ => "other",
    }
}
