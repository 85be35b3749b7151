//! Analyse files, folders, standard input or JSON Lines corpora and write
//! the mentions and historical analogies as a table, JSON lines, CSV, an HTML
//! report or a corpus summary.
//!
//! ```text
//! cargo run --release --example analyze -- examples/corpus
//! cargo run --release --example analyze -- --format jsonl examples/corpus/editorial-fr.txt
//! cargo run --release --example analyze -- --out report.html examples/corpus
//! cargo run --release --example analyze -- --summary examples/corpus
//! echo "Putin met Trump in Alaska" | cargo run --release --example analyze -- -
//! ```
//!
//! Every input that cannot be read (unreadable file, invalid UTF-8,
//! malformed JSON line) is reported on stderr, one line naming the file or
//! `file:line`, and the run goes on. The last line on stderr counts the
//! documents read, skipped and failed. Exit code: 0 when nothing failed, 1
//! when an input failed, 2 on a usage error or when the output cannot be
//! written.

mod input;
mod model;
mod output;
mod progress;
mod strip;
mod summary;

use clap::{Parser, ValueEnum};
use input::{Doc, Inputs, Outcome};
use model::OutDoc;
use output::Sink;
use precedent::{Extractor, Gazetteer, Language};
use progress::Progress;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use summary::Summary;

/// Documents extracted together (one parallel batch).
const CHUNK_DOCS: usize = 256;
/// A batch also closes when its texts reach this many bytes.
const CHUNK_BYTES: usize = 8 << 20;

#[derive(Parser, Debug)]
#[command(
    name = "analyze",
    about = "Find people, places, events, organisations and historical analogies in texts",
    after_help = "Exit status: 0 when every input was read, 1 when some input failed, 2 on a usage or output error."
)]
struct Args {
    /// Files or folders (searched recursively for .txt, .md, .html/.htm and
    /// .jsonl); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Output format [default: table on a terminal, else from the --out
    /// extension (.html, .csv, .jsonl), else jsonl].
    #[arg(long, short, value_enum)]
    format: Option<Format>,

    /// Write the output to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,

    /// Print only the corpus summary (top entities per kind, top historical
    /// analogies) as tables.
    #[arg(long, conflicts_with = "format")]
    summary: bool,

    /// Rows per summary table and bars per chart.
    #[arg(long, value_name = "N", default_value_t = 10)]
    top: usize,

    /// Read files given on the command line and stdin as JSON Lines (one
    /// object per line); .jsonl/.ndjson files always are.
    #[arg(long)]
    jsonl: bool,

    /// The JSON field holding a document's text (a dotted path reaches into
    /// nested objects).
    #[arg(long, value_name = "FIELD", default_value = "text")]
    text_field: String,

    /// The JSON field holding a document's id [fallback: FILE:LINE].
    #[arg(long, value_name = "FIELD", default_value = "id")]
    id_field: String,

    /// A gazetteer TSV file layered over the bundled entries (repeatable;
    /// later files win).
    #[arg(long = "gazetteer", value_name = "FILE")]
    gazetteers: Vec<PathBuf>,

    /// Do not add names the gazetteers lack (people by given name,
    /// organisations by name pattern).
    #[arg(long)]
    no_discovery: bool,

    /// The documents' language (en, fr, de) [default: guessed per document].
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    lang: Option<Language>,

    /// Worker threads [default: one per core]. Output is identical at any
    /// count.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,

    /// The documents' date, YYYY-MM-DD: what lies before its year is history,
    /// the rest the present.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<i32>,

    /// Never draw the progress bar (it is drawn only when stderr is a
    /// terminal anyway).
    #[arg(long)]
    no_progress: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Aligned columns per document, then its analogies.
    Table,
    /// One JSON object per document (the schema in README.md).
    Jsonl,
    /// One row per mention, with the document.
    Csv,
    /// One self-contained HTML report.
    Html,
}

fn parse_lang(s: &str) -> Result<Language, String> {
    s.parse()
}

/// Validates a `YYYY-MM-DD` date and returns its year.
fn parse_date(s: &str) -> Result<i32, String> {
    let bad = || format!("invalid date {s:?} (expected YYYY-MM-DD, e.g. 2025-08-15)");
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let (year, month, day): (i32, u32, u32) = match (y.parse(), m.parse(), d.parse()) {
        (Ok(y), Ok(m), Ok(d)) => (y, m, d),
        _ => return Err(bad()),
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if day == 0 || day > days {
        return Err(bad());
    }
    Ok(year)
}

/// Why a run stopped early.
#[derive(Debug, thiserror::Error)]
enum Fatal {
    #[error("{0}")]
    Extractor(#[from] precedent::Error),
    #[error("cannot start {threads} worker threads: {source}")]
    Pool {
        threads: usize,
        source: rayon::ThreadPoolBuildError,
    },
    #[error("cannot create {path}: {source}")]
    Create { path: String, source: io::Error },
    #[error("cannot write the output: {0}")]
    Write(#[from] io::Error),
}

/// Counts of the inputs.
#[derive(Default, Debug)]
struct Tally {
    read: usize,
    skipped: usize,
    failed: usize,
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = if self.read == 1 { "" } else { "s" };
        write!(
            f,
            "{} document{s} read, {} skipped, {} failed",
            self.read, self.skipped, self.failed
        )
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut tally = Tally::default();
    let result = run(&args, &mut tally);
    eprintln!("{tally}");
    match result {
        Err(Fatal::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
        Ok(()) if tally.failed > 0 => ExitCode::from(1),
        Ok(()) => ExitCode::SUCCESS,
    }
}

fn run(args: &Args, tally: &mut Tally) -> Result<(), Fatal> {
    let extractor = build(args)?;
    let threads = args.threads.map_or(0, usize::from);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|source| Fatal::Pool { threads, source })?;
    // Listed before the output is created, and without it, so that a run
    // never reads its own output.
    let inputs = Inputs::new(
        &args.paths,
        input::Options {
            jsonl: args.jsonl,
            text_field: args.text_field.clone(),
            id_field: args.id_field.clone(),
        },
        args.out.as_deref(),
    );
    let out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(BufWriter::new(File::create(path).map_err(|source| {
            Fatal::Create {
                path: path.display().to_string(),
                source,
            }
        })?)),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let format = format(args);
    let mut sink: Box<dyn Sink> = match format {
        _ if args.summary => Box::new(output::summary::SummaryTable::new(out, args.top)),
        Format::Table => Box::new(output::table::Table::new(out)),
        Format::Jsonl => Box::new(output::jsonl::Jsonl::new(out)),
        Format::Csv => Box::new(output::csv::Csv::new(out)),
        Format::Html => Box::new(output::html::Html::new(out, args.top)),
    };
    let mut progress = Progress::new(inputs.total_bytes(), !args.no_progress);
    let mut run = Run {
        extractor: &extractor,
        pool: &pool,
        sink: sink.as_mut(),
        summary: Summary::default(),
        progress: &mut progress,
    };
    let result = run.all(inputs, tally);
    progress.finish();
    result
}

/// The output format: asked for, else from the `--out` extension, else
/// `table` on a terminal and `jsonl` otherwise.
fn format(args: &Args) -> Format {
    if let Some(f) = args.format {
        return f;
    }
    if let Some(path) = &args.out {
        return match extension(path).as_deref() {
            Some("html" | "htm") => Format::Html,
            Some("csv") => Format::Csv,
            Some("txt") => Format::Table,
            _ => Format::Jsonl,
        };
    }
    if io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Jsonl
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension()?.to_str().map(str::to_ascii_lowercase)
}

fn build(args: &Args) -> Result<Extractor, precedent::Error> {
    let mut builder = Extractor::builder()
        .discovery(!args.no_discovery)
        .language(args.lang)
        .present_year(args.date);
    for path in &args.gazetteers {
        builder = builder.gazetteer(Gazetteer::from_path(path)?);
    }
    builder.build()
}

/// A run over the inputs, batch by batch.
struct Run<'a> {
    extractor: &'a Extractor,
    pool: &'a rayon::ThreadPool,
    sink: &'a mut dyn Sink,
    summary: Summary,
    progress: &'a mut Progress,
}

impl Run<'_> {
    fn all(&mut self, inputs: Inputs, tally: &mut Tally) -> Result<(), Fatal> {
        let mut batch: Vec<Doc> = Vec::new();
        let mut batch_bytes = 0usize;
        let mut pending_bytes = 0u64;
        for item in inputs {
            pending_bytes += item.bytes;
            match item.outcome {
                Outcome::Doc(doc) => {
                    tally.read += 1;
                    batch_bytes += doc.text.len();
                    batch.push(doc);
                }
                Outcome::Skipped(why) => {
                    tally.skipped += 1;
                    self.report(format!("{}: skipped: {why}", item.name));
                }
                Outcome::Failed(why) => {
                    tally.failed += 1;
                    self.report(format!("{}: error: {why}", item.name));
                }
            }
            if batch.len() >= CHUNK_DOCS || batch_bytes >= CHUNK_BYTES {
                self.batch(&batch, std::mem::take(&mut pending_bytes))?;
                batch.clear();
                batch_bytes = 0;
            }
        }
        self.batch(&batch, pending_bytes)?;
        self.summary.note = tally.to_string();
        self.sink.finish(&self.summary)?;
        Ok(())
    }

    /// Reports a skipped or failed input on stderr (and in the summary).
    fn report(&mut self, message: String) {
        self.progress.suspend(|| eprintln!("{message}"));
        self.summary.problem(message);
    }

    /// Extracts a batch in parallel and writes it in input order.
    fn batch(&mut self, batch: &[Doc], bytes: u64) -> Result<(), Fatal> {
        let texts: Vec<&str> = batch.iter().map(|d| d.text.as_str()).collect();
        let docs = self.pool.install(|| self.extractor.extract_batch(&texts));
        for (input, doc) in batch.iter().zip(&docs) {
            let out = OutDoc::new(input, doc);
            self.summary.add(&out);
            self.sink.document(input, doc, &out)?;
        }
        self.progress.advance(batch.len() as u64, bytes);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn dates() {
        assert_eq!(parse_date("2025-08-15"), Ok(2025));
        assert_eq!(parse_date("2024-02-29"), Ok(2024));
        for bad in [
            "2025-02-29",
            "1900-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-1-1",
            "25-01-01",
            "x",
            "2025-01-01-",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }
}
