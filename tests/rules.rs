//! Runs `tests/data/rules.toml`: one table per resolution rule, each case
//! in English, French or German with the decision the resolver must take
//! and the evidence it must give, against the bundled gazetteer.
//!
//! A case lists `mentions` (each found at its `text`, searched in order,
//! after the optional `before` context) and `absent` surfaces (no mention
//! may start at them). Only the mentions named are checked: others in the
//! text are allowed.

use precedent::{Document, Extractor, Mention};
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    rule: String,
    lang: String,
    text: String,
    #[serde(default)]
    mentions: Vec<Expected>,
    #[serde(default)]
    absent: Vec<Absent>,
    /// Run with discovery switched off.
    #[serde(default)]
    no_discovery: bool,
}

#[derive(Debug, Deserialize)]
struct Expected {
    text: String,
    #[serde(default)]
    before: String,
    kind: String,
    /// The gazetteer id; "" for a mention without one.
    id: String,
    /// Evidence that must be among the mention's evidence.
    #[serde(default)]
    evidence: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Absent {
    text: String,
    #[serde(default)]
    before: String,
}

fn extractors() -> &'static (Extractor, Extractor) {
    static EX: OnceLock<(Extractor, Extractor)> = OnceLock::new();
    EX.get_or_init(|| {
        let on = Extractor::new().expect("bundled extractor");
        let off = Extractor::builder().discovery(false).build().expect("extractor");
        (on, off)
    })
}

/// The byte offset of `text` in `doc`, after `before`, searched from `from`.
fn locate(case: &str, doc: &str, before: &str, text: &str, from: usize) -> usize {
    doc[from..]
        .find(&format!("{before}{text}"))
        .map(|i| from + i + before.len())
        .unwrap_or_else(|| panic!("{case}: `{before}{text}` not in text"))
}

fn evidence_names(m: &Mention) -> Vec<String> {
    m.evidence
        .iter()
        .map(|e| {
            serde_json::to_value(e)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default()
        })
        .collect()
}

fn check(case: &Case, doc: &Document) -> Vec<String> {
    let mut errors = Vec::new();
    let mut at = 0;
    for want in &case.mentions {
        let start = locate(&case.name, &case.text, &want.before, &want.text, at);
        at = start + want.text.len();
        let Some(m) = doc.mentions.iter().find(|m| m.start == start && m.end == at) else {
            let near: Vec<&str> = doc.mentions.iter().map(|m| m.text.as_str()).collect();
            errors.push(format!("missing `{}` (got {near:?})", want.text));
            continue;
        };
        let id = m.id.as_deref().unwrap_or("");
        if m.kind.as_str() != want.kind || id != want.id {
            errors.push(format!(
                "`{}`: got {} {id:?}, want {} {:?}",
                want.text,
                m.kind.as_str(),
                want.kind,
                want.id
            ));
        }
        let got = evidence_names(m);
        for e in &want.evidence {
            if !got.contains(e) {
                errors.push(format!("`{}`: evidence {got:?} lacks {e}", want.text));
            }
        }
    }
    for no in &case.absent {
        let start = locate(&case.name, &case.text, &no.before, &no.text, 0);
        if let Some(m) = doc.mentions.iter().find(|m| m.start == start) {
            errors.push(format!(
                "`{}` should be no mention, got {} {:?}",
                no.text,
                m.kind.as_str(),
                m.id
            ));
        }
    }
    errors
}

#[test]
fn rule_tables() {
    let table: Table =
        toml::from_str(include_str!("data/rules.toml")).unwrap_or_else(|e| panic!("rules.toml: {e}"));
    let (on, off) = extractors();
    let mut failures = Vec::new();
    let mut langs = std::collections::BTreeSet::new();
    for case in &table.case {
        langs.insert((case.rule.as_str(), case.lang.as_str()));
        let ex = if case.no_discovery { off } else { on };
        for e in check(case, &ex.extract(&case.text)) {
            failures.push(format!("{} [{}]: {e}", case.name, case.rule));
        }
    }
    // Every rule is tested in all three languages.
    let rules: std::collections::BTreeSet<&str> = table.case.iter().map(|c| c.rule.as_str()).collect();
    for rule in rules {
        for lang in ["en", "fr", "de"] {
            if !langs.contains(&(rule, lang)) {
                failures.push(format!("rule {rule} has no {lang} case"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
