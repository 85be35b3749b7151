//! Where documents come from: files, folders (recursively), standard input
//! and JSON Lines corpora, read lazily and in a stable order.
//!
//! Each input yields one [`Item`]: a document, or a reason it was skipped
//! (empty) or failed (unreadable, invalid UTF-8, malformed JSON line), named
//! by file or by `file:line`.

use crate::strip::{self, Stripped};
use std::collections::{HashSet, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// How a file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Plain text (`.txt`, `.md`, anything given explicitly).
    Plain,
    /// HTML (`.html`, `.htm`): tags stripped, offsets into the file.
    Html,
    /// JSON Lines (`.jsonl`, `.ndjson`, or anything with `--jsonl`): one
    /// document per line.
    Jsonl,
}

impl Kind {
    /// The kind of a file found in a folder, by extension; `None` for files
    /// that are not read.
    fn of_found(path: &Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "md" | "markdown" => Some(Kind::Plain),
            "html" | "htm" | "xhtml" => Some(Kind::Html),
            "jsonl" | "ndjson" => Some(Kind::Jsonl),
            _ => None,
        }
    }

    /// The kind of a file named on the command line.
    fn of_given(path: &Path, jsonl: bool) -> Kind {
        if jsonl {
            Kind::Jsonl
        } else {
            Kind::of_found(path).unwrap_or(Kind::Plain)
        }
    }
}

/// Options of the reader.
#[derive(Clone, Debug)]
pub struct Options {
    /// Read every file given and standard input as JSON Lines.
    pub jsonl: bool,
    /// The field of a JSON line holding the text.
    pub text_field: String,
    /// The field of a JSON line holding the document id.
    pub id_field: String,
}

/// One document, ready for extraction.
#[derive(Debug)]
pub struct Doc {
    /// The file path, `-`, or the id of a JSON line.
    pub name: String,
    /// What the extractor reads: the file's text, or for HTML the text of
    /// the page.
    pub text: String,
    /// For HTML: the file's source and the map from `text` back to it.
    pub html: Option<Html>,
}

/// An HTML document's source and stripped text.
#[derive(Debug)]
pub struct Html {
    /// The HTML file as read.
    pub source: String,
    /// Its text and the way back.
    pub stripped: Stripped,
}

/// What reading one input gave.
#[derive(Debug)]
pub enum Outcome {
    /// A document.
    Doc(Doc),
    /// Nothing to read (an empty file or text).
    Skipped(String),
    /// An error.
    Failed(String),
}

/// One input: its name for messages, how many bytes it took, what it gave.
#[derive(Debug)]
pub struct Item {
    /// The file, `-`, or `file:line`.
    pub name: String,
    /// Input bytes consumed (for the progress bar).
    pub bytes: u64,
    /// The document or why there is none.
    pub outcome: Outcome,
}

/// An input still to read.
enum Pending {
    File(PathBuf, Kind),
    Stdin(Kind),
    /// A folder that could not be listed.
    Error(String, String),
}

/// The inputs, in order: arguments as given, folder entries sorted by name.
pub struct Inputs {
    pending: VecDeque<Pending>,
    lines: Option<Lines>,
    options: Options,
    total: Option<u64>,
}

impl Inputs {
    /// Lists the inputs of `paths` (`-` is standard input), leaving out the
    /// file `exclude` (the output, when it lies among the inputs). Folders
    /// are listed now; files are read as they are consumed.
    pub fn new(paths: &[PathBuf], options: Options, exclude: Option<&Path>) -> Inputs {
        let mut pending = VecDeque::new();
        let mut seen = HashSet::new();
        for path in paths {
            if path.as_os_str() == "-" {
                pending.push_back(Pending::Stdin(if options.jsonl {
                    Kind::Jsonl
                } else {
                    Kind::Plain
                }));
            } else if path.is_dir() {
                walk(path, &mut pending, &mut seen);
            } else {
                pending.push_back(Pending::File(path.clone(), Kind::of_given(path, options.jsonl)));
            }
        }
        if let Some(out) = exclude.and_then(|p| p.canonicalize().ok()) {
            pending.retain(
                |p| !matches!(p, Pending::File(path, _) if path.canonicalize().is_ok_and(|c| c == out)),
            );
        }
        let total = pending
            .iter()
            .map(|p| match p {
                Pending::File(path, _) => Some(std::fs::metadata(path).map_or(0, |m| m.len())),
                Pending::Stdin(_) => None,
                Pending::Error(..) => Some(0),
            })
            .sum();
        Inputs {
            pending,
            lines: None,
            options,
            total,
        }
    }

    /// The total size of the inputs in bytes, when known (not for stdin).
    pub fn total_bytes(&self) -> Option<u64> {
        self.total
    }
}

impl Iterator for Inputs {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(lines) = &mut self.lines {
                match lines.next(&self.options) {
                    Some(item) => return Some(item),
                    None => self.lines = None,
                }
            }
            match self.pending.pop_front()? {
                Pending::Error(name, why) => return Some(failed(name, 0, why)),
                Pending::File(path, Kind::Jsonl) => {
                    let name = path.display().to_string();
                    match File::open(&path) {
                        Ok(f) => self.lines = Some(Lines::new(name, Box::new(BufReader::new(f)))),
                        Err(e) => return Some(failed(name, 0, e.to_string())),
                    }
                }
                Pending::File(path, kind) => return Some(read_file(&path, kind)),
                Pending::Stdin(Kind::Jsonl) => {
                    self.lines = Some(Lines::new("-".into(), Box::new(BufReader::new(std::io::stdin()))));
                }
                Pending::Stdin(kind) => return Some(read_stdin(kind)),
            }
        }
    }
}

fn failed(name: String, bytes: u64, why: String) -> Item {
    Item {
        name,
        bytes,
        outcome: Outcome::Failed(why),
    }
}

/// Adds the readable files under `dir`, sorted by name, depth first.
/// Hidden entries (`.git`, `.cache`) are passed over, and a folder reached
/// twice through symbolic links is listed once.
fn walk(dir: &Path, pending: &mut VecDeque<Pending>, seen: &mut HashSet<PathBuf>) {
    if let Ok(real) = dir.canonicalize() {
        if !seen.insert(real) {
            return;
        }
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            pending.push_back(Pending::Error(dir.display().to_string(), e.to_string()));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) if !entry.file_name().to_string_lossy().starts_with('.') => paths.push(entry.path()),
            Ok(_) => {}
            Err(e) => pending.push_back(Pending::Error(dir.display().to_string(), e.to_string())),
        }
    }
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, pending, seen);
        } else if let Some(kind) = Kind::of_found(&path) {
            pending.push_back(Pending::File(path, kind));
        }
    }
}

fn read_file(path: &Path, kind: Kind) -> Item {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => document(name, bytes, kind),
        Err(e) => failed(name, 0, e.to_string()),
    }
}

fn read_stdin(kind: Kind) -> Item {
    let mut bytes = Vec::new();
    match std::io::stdin().read_to_end(&mut bytes) {
        Ok(_) => document("-".into(), bytes, kind),
        Err(e) => failed("-".into(), 0, e.to_string()),
    }
}

/// A whole file's bytes as one document.
fn document(name: String, bytes: Vec<u8>, kind: Kind) -> Item {
    let len = bytes.len() as u64;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            return failed(name, len, format!("invalid UTF-8 at byte {at}"));
        }
    };
    let doc = match kind {
        Kind::Html => {
            let stripped = strip::strip(&text);
            Doc {
                name: name.clone(),
                text: stripped.text.clone(),
                html: Some(Html {
                    source: text,
                    stripped,
                }),
            }
        }
        _ => Doc {
            name: name.clone(),
            text,
            html: None,
        },
    };
    let outcome = if doc.text.trim().is_empty() {
        Outcome::Skipped("empty".into())
    } else {
        Outcome::Doc(doc)
    };
    Item {
        name,
        bytes: len,
        outcome,
    }
}

/// A JSON Lines file being read.
struct Lines {
    name: String,
    reader: Box<dyn BufRead>,
    line: usize,
    buf: Vec<u8>,
}

impl Lines {
    fn new(name: String, reader: Box<dyn BufRead>) -> Lines {
        Lines {
            name,
            reader,
            line: 0,
            buf: Vec::new(),
        }
    }

    /// The next non-blank line's item; `None` at the end (a read error is
    /// reported once, then the file ends).
    fn next(&mut self, options: &Options) -> Option<Item> {
        loop {
            self.buf.clear();
            self.line += 1;
            let here = format!("{}:{}", self.name, self.line);
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(n) => {
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue; // blank lines are no documents
                    }
                    return Some(json_line(here, &self.buf, n as u64, options));
                }
                Err(e) => {
                    self.reader = Box::new(std::io::empty());
                    return Some(failed(here, 0, e.to_string()));
                }
            }
        }
    }
}

/// One JSON line as a document named by its id (or `file:line`).
fn json_line(here: String, bytes: &[u8], len: u64, options: &Options) -> Item {
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) if e.is_syntax() || e.is_eof() => {
            return failed(here, len, format!("malformed JSON: {e}"));
        }
        Err(e) => return failed(here, len, e.to_string()),
    };
    if !value.is_object() {
        return failed(here, len, "not a JSON object".into());
    }
    let text = match field(&value, &options.text_field) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(_) => {
            return failed(
                here,
                len,
                format!("field {:?} is not a string", options.text_field),
            )
        }
        None => return failed(here, len, format!("no field {:?}", options.text_field)),
    };
    let name = match field(&value, &options.id_field) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(v @ serde_json::Value::Number(_)) => v.to_string(),
        _ => here.clone(),
    };
    let outcome = if text.trim().is_empty() {
        Outcome::Skipped(format!("empty field {:?}", options.text_field))
    } else {
        Outcome::Doc(Doc {
            name,
            text,
            html: None,
        })
    };
    Item {
        name: here,
        bytes: len,
        outcome,
    }
}

/// The field `name` of an object, or a dotted path into nested objects
/// (`meta.id`) when no field has that exact name.
fn field<'v>(value: &'v serde_json::Value, name: &str) -> Option<&'v serde_json::Value> {
    value.get(name).or_else(|| {
        name.split('.')
            .try_fold(value, |v, key| v.get(key))
            .filter(|_| name.contains('.'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Options {
        Options {
            jsonl: true,
            text_field: "text".into(),
            id_field: "id".into(),
        }
    }

    #[test]
    fn json_lines() {
        let data = "{\"id\": 7, \"text\": \"Kyiv\"}\n\n{\"text\": \"Moscow\"}\nnot json\n[1]\n{\"text\": 3}\n{\"id\": \"x\"}\n{\"text\": \" \"}\n";
        let mut lines = Lines::new("c.jsonl".into(), Box::new(data.as_bytes()));
        let items: Vec<Item> = std::iter::from_fn(|| lines.next(&options())).collect();
        let summary: Vec<String> = items
            .iter()
            .map(|i| match &i.outcome {
                Outcome::Doc(d) => format!("{} doc {}", i.name, d.name),
                Outcome::Skipped(w) => format!("{} skipped {w}", i.name),
                Outcome::Failed(w) => format!("{} failed {}", i.name, w.split(':').next().unwrap_or("")),
            })
            .collect();
        assert_eq!(
            summary,
            [
                "c.jsonl:1 doc 7",
                "c.jsonl:3 doc c.jsonl:3",
                "c.jsonl:4 failed malformed JSON",
                "c.jsonl:5 failed not a JSON object",
                "c.jsonl:6 failed field \"text\" is not a string",
                "c.jsonl:7 failed no field \"text\"",
                "c.jsonl:8 skipped empty field \"text\"",
            ]
        );
    }

    #[test]
    fn dotted_fields() {
        let v: serde_json::Value = serde_json::from_str(r#"{"meta": {"id": "a"}, "a.b": 1}"#).unwrap();
        assert_eq!(field(&v, "meta.id"), Some(&serde_json::json!("a")));
        assert_eq!(field(&v, "a.b"), Some(&serde_json::json!(1)));
        assert_eq!(field(&v, "meta"), v.get("meta"));
        assert_eq!(field(&v, "nope.x"), None);
    }
}
