//! Coverage and precision of the bundled gazetteer: well-known names resolve
//! to the right entry, and common words in ordinary sentences are not tagged.

mod common;

use precedent::Extractor;
use serde::Deserialize;

#[derive(Deserialize)]
struct Coverage {
    cases: Vec<(String, String, String)>,
}

/// A neutral sentence per language, with `{}` for the name. The surface
/// stands mid-sentence, after a comma, so capitalisation counts as evidence.
fn frame(lang: &str) -> &'static str {
    match lang {
        "fr" => "Selon nos informations, {} occupe une place centrale.",
        "de" => "Nach unseren Informationen, {} steht im Mittelpunkt.",
        "ru" | "uk" => "По нашим данным, {} находится в центре внимания.",
        "it" | "es" | "pl" => "Secondo le nostre informazioni, {} è al centro della scena.",
        _ => "According to our reporters, {} was at the centre of attention.",
    }
}

#[test]
fn well_known_names_resolve_to_the_right_entry() {
    let ex = Extractor::new().unwrap();
    let cases = common::table::<Coverage>("coverage.toml").cases;
    assert!(cases.len() >= 300, "the coverage table has {} cases", cases.len());
    let mut failures = Vec::new();
    for (lang, surface, id) in &cases {
        let text = frame(lang).replace("{}", surface);
        let doc = ex.extract(&text);
        let got: Vec<(&str, Option<&str>)> = doc
            .mentions
            .iter()
            .map(|m| (m.text.as_str(), m.id.as_deref()))
            .collect();
        if got != [(surface.as_str(), Some(id.as_str()))] {
            failures.push(format!("{lang} `{surface}`: expected {id}, got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[derive(Deserialize)]
struct Precision {
    cases: Vec<PrecisionCase>,
}

#[derive(Deserialize)]
struct PrecisionCase {
    text: String,
    words: Vec<String>,
}

#[test]
fn common_words_are_not_tagged_in_ordinary_sentences() {
    let ex = Extractor::new().unwrap();
    let mut failures = Vec::new();
    for case in common::table::<Precision>("precision.toml").cases {
        for m in ex.extract(&case.text).mentions {
            if case.words.contains(&m.text) {
                failures.push(format!(
                    "`{}`: `{}` tagged as {:?} ({})",
                    case.text, m.text, m.id, m.kind
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
