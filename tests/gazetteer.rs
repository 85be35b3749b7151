//! Gazetteer loading: every error kind names its line; files, readers,
//! merging and the bundled set.

mod common;

use precedent::{EntityKind, Error, Extractor, Gazetteer, GazetteerErrorKind};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    tsv: String,
    line: usize,
    message: String,
}

#[test]
fn malformed_gazetteers_report_file_and_line() {
    for case in common::table::<Table>("malformed.toml").case {
        let err = match Gazetteer::from_str(&case.tsv, "test.tsv") {
            Ok(_) => panic!("case `{}` loaded without error", case.name),
            Err(e) => e,
        };
        let Error::Gazetteer {
            source_name, line, ..
        } = &err
        else {
            panic!("case `{}`: wrong error type {err:?}", case.name);
        };
        assert_eq!(source_name, "test.tsv", "case `{}`", case.name);
        assert_eq!(*line, case.line, "case `{}`: {err}", case.name);
        let shown = err.to_string();
        assert!(
            shown.starts_with(&format!("test.tsv:{}: ", case.line)),
            "case `{}`: {shown}",
            case.name
        );
        assert!(
            shown.contains(&case.message),
            "case `{}`: `{shown}` lacks `{}`",
            case.name,
            case.message
        );
    }
}

#[test]
fn invalid_utf8_names_the_line() {
    let bytes = b"id\tkind\tcanonical\nx\tperson\tPutin\ny\tperson\tP\xFFtin\n";
    let err = Gazetteer::from_reader(&bytes[..], "bytes.tsv").unwrap_err();
    assert!(
        matches!(
            err,
            Error::Gazetteer {
                line: 3,
                kind: GazetteerErrorKind::InvalidUtf8,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().starts_with("bytes.tsv:3: "));
}

#[test]
fn missing_file_is_an_io_error_naming_the_path() {
    let err = Gazetteer::from_path("/nonexistent/people.tsv").unwrap_err();
    assert!(matches!(err, Error::Io { .. }));
    assert!(err.to_string().contains("/nonexistent/people.tsv"));
}

#[test]
fn from_path_reads_a_file_with_crlf_bom_comments_and_extension_columns() {
    let dir = std::env::temp_dir().join(format!("precedent-gaz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("mine.tsv");
    let text = "\u{FEFF}# my file\r\nid\tkind\tcanonical\taliases\tx-note\r\n\r\norg/acme\torganization\tAcme Corp\t~Acme\tmine\r\n";
    std::fs::write(&path, text).unwrap();
    let g = Gazetteer::from_path(&path).unwrap();
    let e = g.get("org/acme").unwrap();
    assert_eq!(e.kind, EntityKind::Organization);
    assert!(e.aliases[0].weak);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn user_gazetteer_layers_over_bundled() {
    let bundled = Gazetteer::bundled().expect("bundled gazetteer loads");
    let some = bundled
        .entries()
        .first()
        .expect("bundled gazetteer is not empty")
        .clone();
    let tsv = format!(
        "id\tkind\tcanonical\taliases\n{}\t{}\tReplaced Name\t\nnew/thing\tplace\tAtlantis\t\n",
        some.id, some.kind
    );
    let mine = Gazetteer::from_str(&tsv, "mine.tsv").unwrap();
    let ex = Extractor::builder().gazetteer(mine).build().unwrap();
    assert_eq!(ex.gazetteer().len(), bundled.len() + 1);
    assert_eq!(ex.gazetteer().get(&some.id).unwrap().canonical, "Replaced Name");
    // The replaced entry keeps its position.
    assert_eq!(ex.gazetteer().entries()[0].id, some.id);
    let doc = ex.extract("Atlantis sank.");
    assert_eq!(doc.mentions[0].id.as_deref(), Some("new/thing"));
}

#[test]
fn bundled_gazetteer_loads_and_has_every_kind() {
    let g = Gazetteer::bundled().unwrap();
    for kind in EntityKind::ALL {
        assert!(
            g.entries().iter().any(|e| e.kind == kind),
            "no {kind} in the bundled gazetteer"
        );
    }
}

/// Regression (stop 13): an event without a start year is never a
/// historical side, so "aus dem NATO-Doppelbeschluss lernen" found
/// nothing. Every event flagged as a common analogy must carry its year.
#[test]
fn bundled_analogy_events_have_a_start_year() {
    let g = Gazetteer::bundled().unwrap();
    let undated: Vec<&str> = g
        .entries()
        .iter()
        .filter(|e| e.kind == EntityKind::Event && e.analogy == Some(true) && e.start.is_none())
        .map(|e| e.id.as_str())
        .collect();
    assert!(
        undated.is_empty(),
        "analogy events without a start year: {undated:?}"
    );
}
