//! Shared helpers for the integration tests: table loading and gazetteers
//! built from inline rows.
#![allow(dead_code)]

use precedent::{Extractor, Gazetteer};
use serde::Deserialize;

/// One inline gazetteer row.
#[derive(Debug, Deserialize, Clone)]
pub struct Row {
    pub id: String,
    pub kind: String,
    pub canonical: String,
    #[serde(default)]
    pub aliases: String,
    #[serde(default)]
    pub prior: Option<f32>,
}

/// Builds a gazetteer from inline rows through the public TSV loader, so the
/// tables exercise the same path as files.
pub fn gazetteer(rows: &[Row]) -> Gazetteer {
    let mut tsv = String::from("id\tkind\tcanonical\taliases\tprior\n");
    for r in rows {
        let prior = r.prior.map(|p| p.to_string()).unwrap_or_default();
        tsv.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            r.id, r.kind, r.canonical, r.aliases, prior
        ));
    }
    Gazetteer::from_str(&tsv, "inline").unwrap_or_else(|e| panic!("bad inline gazetteer: {e}"))
}

/// An extractor over inline rows only (no bundled data).
pub fn extractor(rows: &[Row]) -> Extractor {
    Extractor::builder()
        .bundled(false)
        .gazetteer(gazetteer(rows))
        .build()
        .expect("extractor builds")
}

/// Reads a TOML table from `tests/data`.
pub fn table<T: for<'de> Deserialize<'de>>(name: &str) -> T {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}
