//! Analyse files, folders or stdin and print the mentions as a table or as
//! JSON lines.
//!
//! ```text
//! cargo run --release --example analyze -- examples/data
//! cargo run --release --example analyze -- --format jsonl examples/data/editorial-fr.txt
//! echo "Putin met Trump in Alaska" | cargo run --release --example analyze -- -
//! ```
//!
//! Unreadable files and invalid UTF-8 are reported on stderr, one line per
//! file, and the run goes on; the exit code is 1 when anything failed. The
//! last line on stderr counts documents read, skipped and failed.

use clap::{Parser, ValueEnum};
use precedent::{Document, Extractor, Gazetteer};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(about = "Find people, places, events and organisations in texts")]
struct Args {
    /// Files or folders (searched recursively for .txt and .md); `-` reads stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Extra gazetteer TSV files, layered over the bundled one (repeatable).
    #[arg(long = "gazetteer")]
    gazetteers: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Table,
    Jsonl,
}

/// One input document.
struct Input {
    name: String,
    text: String,
}

#[derive(Default)]
struct Tally {
    read: usize,
    skipped: usize,
    failed: usize,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let extractor = match build(&args.gazetteers) {
        Ok(ex) => ex,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut tally = Tally::default();
    let inputs = collect(&args.paths, &mut tally);
    let docs = extractor.extract_batch(&inputs.iter().map(|i| i.text.as_str()).collect::<Vec<_>>());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = inputs
        .iter()
        .zip(&docs)
        .try_for_each(|(input, doc)| match args.format {
            Format::Table => table(&mut out, input, doc),
            Format::Jsonl => jsonl(&mut out, input, doc),
        });
    if let Err(e) = written.and_then(|_| out.flush()) {
        eprintln!("error: cannot write output: {e}");
        return ExitCode::from(2);
    }
    eprintln!(
        "{} documents read, {} skipped, {} failed",
        tally.read, tally.skipped, tally.failed
    );
    if tally.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn build(gazetteers: &[PathBuf]) -> Result<Extractor, precedent::Error> {
    let mut builder = Extractor::builder();
    for path in gazetteers {
        builder = builder.gazetteer(Gazetteer::from_path(path)?);
    }
    builder.build()
}

/// Reads every input in a stable order: arguments as given, folders sorted.
fn collect(paths: &[PathBuf], tally: &mut Tally) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            match std::io::stdin().read_to_end(&mut bytes) {
                Ok(_) => push_text(&mut inputs, "-".into(), bytes, tally),
                Err(e) => fail(tally, "-", &e.to_string()),
            }
        } else if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files, tally);
            files.sort();
            for f in files {
                read_file(&f, &mut inputs, tally);
            }
        } else {
            read_file(path, &mut inputs, tally);
        }
    }
    inputs
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, tally: &mut Tally) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return fail(tally, &dir.display().to_string(), &e.to_string()),
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files, tally);
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "md")) {
            files.push(path);
        }
    }
}

fn read_file(path: &Path, inputs: &mut Vec<Input>, tally: &mut Tally) {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => push_text(inputs, name, bytes, tally),
        Err(e) => fail(tally, &name, &e.to_string()),
    }
}

fn push_text(inputs: &mut Vec<Input>, name: String, bytes: Vec<u8>, tally: &mut Tally) {
    match String::from_utf8(bytes) {
        Ok(text) if text.trim().is_empty() => {
            eprintln!("{name}: skipped: empty");
            tally.skipped += 1;
        }
        Ok(text) => {
            tally.read += 1;
            inputs.push(Input { name, text });
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            fail(tally, &name, &format!("invalid UTF-8 at byte {at}"));
        }
    }
}

fn fail(tally: &mut Tally, name: &str, why: &str) {
    eprintln!("{name}: error: {why}");
    tally.failed += 1;
}

fn table(out: &mut impl Write, input: &Input, doc: &Document) -> std::io::Result<()> {
    writeln!(out, "== {} ({} mentions)", input.name, doc.mentions.len())?;
    for m in &doc.mentions {
        writeln!(
            out,
            "{:<12}  {:<30}  {:<30}  {:<36}  {}..{}",
            m.kind,
            clip(&m.text.replace(char::is_whitespace, " "), 30),
            clip(&m.canonical, 30),
            m.id.as_deref().unwrap_or("-"),
            m.start,
            m.end
        )?;
    }
    writeln!(out)
}

fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        s.chars().take(width - 1).chain(['…']).collect()
    }
}

fn jsonl(out: &mut impl Write, input: &Input, doc: &Document) -> std::io::Result<()> {
    #[derive(serde::Serialize)]
    struct Line<'a> {
        doc: &'a str,
        mentions: &'a [precedent::Mention],
    }
    let line = Line {
        doc: &input.name,
        mentions: &doc.mentions,
    };
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)
}
