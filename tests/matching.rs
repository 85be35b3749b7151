//! Runs `tests/data/matching.toml` through every entry point of the
//! extractor and checks each against the expected mentions.

mod common;

use common::Row;
use precedent::{Document, Extractor, OffsetConverter, Offsets};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    text: String,
    rows: Vec<Row>,
    expect: Vec<Expected>,
}

#[derive(Debug, Deserialize)]
struct Expected {
    text: String,
    id: String,
    start: Option<usize>,
    end: Option<usize>,
    #[serde(default)]
    candidates: Option<Vec<String>>,
}

fn check(case: &Case, doc: &Document, how: &str) {
    let got: Vec<(&str, Option<&str>)> = doc
        .mentions
        .iter()
        .map(|m| (m.text.as_str(), m.id.as_deref()))
        .collect();
    let want: Vec<(&str, Option<&str>)> = case
        .expect
        .iter()
        // An empty expected id means a mention without gazetteer entry.
        .map(|e| (e.text.as_str(), Some(e.id.as_str()).filter(|id| !id.is_empty())))
        .collect();
    assert_eq!(got, want, "case `{}` ({how})", case.name);
    for (m, e) in doc.mentions.iter().zip(&case.expect) {
        assert_eq!(
            &case.text[m.start..m.end],
            m.text,
            "case `{}`: span and text disagree",
            case.name
        );
        if let Some(s) = e.start {
            assert_eq!(m.start, s, "case `{}`: start of `{}`", case.name, e.text);
        }
        if let Some(s) = e.end {
            assert_eq!(m.end, s, "case `{}`: end of `{}`", case.name, e.text);
        }
        if let Some(c) = &e.candidates {
            let ids: Vec<&str> = m.candidates.iter().map(|c| c.id.as_str()).collect();
            assert_eq!(&ids, c, "case `{}`: candidates", case.name);
        }
    }
}

fn cases() -> Vec<Case> {
    common::table::<Table>("matching.toml").case
}

#[test]
fn table_through_extract() {
    for case in cases() {
        let ex = common::extractor(&case.rows);
        check(&case, &ex.extract(&case.text), "extract");
    }
}

#[test]
fn table_with_char_and_utf16_offsets() {
    for case in cases() {
        let ex: Extractor = Extractor::builder()
            .bundled(false)
            .gazetteer(common::gazetteer(&case.rows))
            .offsets(Offsets::All)
            .build()
            .unwrap();
        let doc = ex.extract(&case.text);
        check(&case, &doc, "offsets all");
        let conv = OffsetConverter::new(&case.text);
        for m in &doc.mentions {
            let chars = m.chars.expect("char offsets requested");
            let utf16 = m.utf16.expect("utf16 offsets requested");
            assert_eq!(
                chars.start,
                case.text[..m.start].chars().count(),
                "case `{}`",
                case.name
            );
            assert_eq!(chars.len(), m.text.chars().count(), "case `{}`", case.name);
            assert_eq!(
                utf16.start,
                case.text[..m.start].encode_utf16().count(),
                "case `{}`",
                case.name
            );
            assert_eq!(utf16.len(), m.text.encode_utf16().count(), "case `{}`", case.name);
            assert_eq!(conv.chars(m.start), Some(chars.start));
        }
    }
}

#[test]
fn table_through_batch_and_stream() {
    for case in cases() {
        let ex = common::extractor(&case.rows);
        let texts = vec![case.text.clone(); 3];
        for doc in ex.extract_batch(&texts) {
            check(&case, &doc, "extract_batch");
        }
        for doc in ex.extract_stream(texts.iter()) {
            check(&case, &doc, "extract_stream");
        }
    }
}
