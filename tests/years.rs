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

/// The builder's present year moves the line between present and history,
/// and a fixed language overrides the guess.
#[test]
fn builder_present_year_and_language() {
    use precedent::{Extractor, Language};
    let text = "Alaska 2025 must not become Munich 1938.";
    let late = Extractor::builder().present_year(Some(1930)).build().unwrap();
    assert!(
        late.extract(text).analogies.is_empty(),
        "1938 is the future in 1930"
    );
    let now = Extractor::builder().present_year(Some(2026)).build().unwrap();
    assert_eq!(now.extract(text).analogies.len(), 1);
    assert_eq!("DE".parse::<Language>(), Ok(Language::German));
    assert!("xx".parse::<Language>().is_err());
    let german = Extractor::builder()
        .language(Some(Language::German))
        .build()
        .unwrap();
    // Too few function words to guess a language, so the later capitalised
    // "Kohl" co-refers with Helmut Kohl; declared German, a capitalised noun
    // (cabbage) needs a name slot to co-refer.
    let text = "Helmut Kohl regierte lange. Später gab es viel Kohl.";
    let found = |ex: &Extractor| {
        ex.extract(text)
            .mentions
            .iter()
            .filter(|m| m.text == "Kohl")
            .count()
            == 1
    };
    assert!(found(&Extractor::new().unwrap()));
    assert!(!found(&german));
}
