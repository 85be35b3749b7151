//! `--format csv`: one row per mention, for spreadsheets.

use super::Sink;
use crate::input::Doc;
use crate::model::OutDoc;
use crate::summary::Summary;
use precedent::Document;
use std::io::{self, Write};

/// The header row.
pub const HEADER: &str = "doc,start,end,kind,text,canonical,id,score,alias,year";

/// Writes a header, then one row per mention.
pub struct Csv<W: Write> {
    out: W,
    header: bool,
}

impl<W: Write> Csv<W> {
    /// A writer to `out`.
    pub fn new(out: W) -> Self {
        Csv { out, header: false }
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.header {
            self.header = true;
            writeln!(self.out, "{HEADER}")?;
        }
        Ok(())
    }
}

impl<W: Write> Sink for Csv<W> {
    fn document(&mut self, _input: &Doc, _doc: &Document, out: &OutDoc<'_>) -> io::Result<()> {
        self.header()?;
        for m in &out.mentions {
            let year = m.year.map(|y| y.to_string()).unwrap_or_default();
            let row = [
                field(out.doc),
                m.start.to_string(),
                m.end.to_string(),
                m.kind.to_string(),
                field(m.text),
                field(m.canonical),
                field(m.id.unwrap_or_default()),
                format!("{:.3}", m.score),
                field(m.alias),
                year,
            ];
            writeln!(self.out, "{}", row.join(","))?;
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.header()?;
        self.out.flush()
    }
}

/// A CSV field, quoted when it holds a comma, a quote or a line break
/// (RFC 4180).
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn quoting() {
        assert_eq!(super::field("Kyiv"), "Kyiv");
        assert_eq!(super::field("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(super::field("a\nb"), "\"a\nb\"");
    }
}
