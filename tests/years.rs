//! Year anchoring with the bundled gazetteer (`tests/data/years.toml`).

mod common;

use precedent::{EntityKind, Extractor};
use serde::Deserialize;

#[derive(Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    expect: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    text: String,
    id: String,
    year: Option<i32>,
}

#[test]
fn places_next_to_years_become_events() {
    let ex = Extractor::new().unwrap();
    for case in common::table::<Table>("years.toml").case {
        let doc = ex.extract(&case.text);
        let got: Vec<(&str, &str, Option<i32>)> = doc
            .mentions
            .iter()
            .map(|m| (m.text.as_str(), m.id.as_deref().unwrap_or(""), m.year))
            .collect();
        let want: Vec<(&str, &str, Option<i32>)> = case
            .expect
            .iter()
            .map(|e| (e.text.as_str(), e.id.as_str(), e.year))
            .collect();
        assert_eq!(got, want, "case `{}`", case.name);
        for m in doc.mentions.iter().filter(|m| m.year.is_some()) {
            assert_eq!(m.kind, EntityKind::Event, "case `{}`", case.name);
            assert!(
                m.place.is_some(),
                "case `{}`: a year-anchored mention names its place",
                case.name
            );
            assert_eq!(&case.text[m.start..m.end], m.text);
        }
    }
}
