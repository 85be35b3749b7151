//! Discovery of organisations the gazetteer does not list, by cheap and
//! precise name patterns: "University of X", "X University", "X Foundation",
//! "X Institute", "Ministry of X", "X Party", and their French ("Université
//! de X", "Fondation X", "ministère de X", "Parti X") and German ("Universität
//! X", "X-Stiftung", "Ministerium für X", "X-Partei") forms. Such mentions
//! have `kind: organization`, no id, a lower score and the evidence
//! [`Evidence::Pattern`].

use crate::gazetteer::EntityKind;
use crate::mention::{Evidence, Mention};
use once_cell::sync::Lazy;
use regex::Regex;

/// The score of a discovered organisation.
const SCORE: f32 = 0.5;

static PATTERNS: Lazy<Vec<Regex>> = Lazy::new(|| {
    // A capitalised name word (letters, apostrophes, inner hyphens).
    let cap = r"\p{Lu}[\p{L}'’]*(?:-\p{Lu}?[\p{L}'’]+)*";
    let name = format!(r"{cap}(?:\s+(?:and\s+|&\s+|of\s+|for\s+)?{cap}){{0,3}}");
    let en_head = "University|Institute|Foundation|Ministry|Department|Academy|Museum|Agency|Bank|Party|Centre|Center|Society|Association|Commission|Committee|Council|Federation|Movement|Alliance|Front|Trust|Fund|School|College|Corporation";
    let fr_head = "Université|Institut|Fondation|Ministère|ministère|Académie|Musée|Agence|Banque|Parti|Conseil|Comité|Commission|Association|Fédération|Mouvement|Front|École|Centre";
    let de_head = "Universität|Institut|Stiftung|Ministerium|Akademie|Museum|Agentur|Bank|Partei|Verband|Bewegung|Hochschule|Zentrum";
    let sources = [
        format!(r"\b(?:{en_head})\s+(?:of|for)\s+(?:the\s+)?{name}"),
        format!(r"\b{name}\s+(?:{en_head})\b(?:\s+(?:of|for)\s+(?:the\s+)?{name})?"),
        format!(
            r"\b(?:{fr_head})\s+(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+|d['’]|pour\s+(?:la\s+|le\s+|l['’])?)?{name}"
        ),
        format!(r"\b(?:{de_head})\s+(?:für\s+)?{name}"),
        format!(
            r"\b{cap}(?:-{cap})*-(?:{})\b",
            de_head.replace("Universität|", "")
        ),
    ];
    sources.iter().filter_map(|s| Regex::new(s).ok()).collect()
});

/// Adds the organisations found by pattern to `mentions` (sorted by start).
/// A pattern match that strictly contains gazetteer mentions replaces them
/// ("Taras Shevchenko National University" is one organisation); one that
/// overlaps a mention partially is dropped.
pub(crate) fn discover_organizations(text: &str, mentions: &mut Vec<Mention>) {
    let mut found: Vec<(usize, usize)> = PATTERNS
        .iter()
        .flat_map(|re| re.find_iter(text).map(|m| (m.start(), m.end())))
        .map(|(start, end)| (start + leading_article(&text[start..end]), end))
        .collect();
    found.sort_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
    let mut last_end = 0;
    for (start, end) in found {
        if start < last_end {
            continue;
        }
        let covered_exactly = mentions.iter().any(|m| m.start == start && m.end == end);
        if overlaps_partly(mentions, start, end) || covered_exactly {
            continue;
        }
        insert_unlisted(
            text,
            mentions,
            start,
            end,
            EntityKind::Organization,
            SCORE,
            Evidence::Pattern,
        );
        last_end = end;
    }
    mentions.sort_by_key(|m| m.start);
}

/// The length of a capitalised article that a pattern swallowed at a
/// sentence start ("The Kyiv School…", "Die Bertelsmann-Stiftung").
fn leading_article(surface: &str) -> usize {
    const ARTICLES: &[&str] = &[
        "The ", "A ", "An ", "Le ", "La ", "Les ", "L'", "L’", "Die ", "Der ", "Das ", "Den ", "Dem ",
        "Des ", "Ein ", "Eine ",
    ];
    ARTICLES
        .iter()
        .find(|a| surface.starts_with(*a) && surface.len() > a.len() + 3)
        .map_or(0, |a| a.len())
}

/// Name particles that may stand between a given name and a surname.
const PARTICLES: &[&str] = &[
    "de", "du", "des", "van", "von", "der", "den", "le", "la", "bin", "ibn", "al", "di", "da", "ter", "zu",
    "dos",
];

/// Adds people the gazetteer does not list: a known given name followed by
/// one or two capitalised surnames (with particles such as `de`, `von`,
/// `bin` in between), none of them a common word ("Anna Kowalska", "Jean
/// de la Fontaine", "Mara Ellison"). Such mentions have `kind: person`, no
/// id, a lower score and the evidence [`Evidence::GivenName`]. A name that
/// overlaps a gazetteer mention only partly is left alone; one that contains
/// mentions (a weak place called "Anna") replaces them.
pub(crate) fn discover_people(
    text: &str,
    mentions: &mut Vec<Mention>,
    given: &std::collections::HashSet<String>,
    common: &std::collections::HashSet<String>,
) {
    let words = words(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (s, e) = words[i];
        let w = &text[s..e];
        if !is_capitalised_word(w) || !given.contains(&w.to_lowercase()) {
            i += 1;
            continue;
        }
        // Extend over particles and capitalised surnames on the same line.
        let mut end = None;
        let mut j = i + 1;
        let mut surnames = 0;
        while j < words.len() && surnames < 2 && only_space_between(text, words[j - 1].1, words[j].0) {
            let t = &text[words[j].0..words[j].1];
            if PARTICLES.contains(&t) {
                j += 1;
                continue;
            }
            if !is_capitalised_word(t) || common.contains(&t.to_lowercase()) {
                break;
            }
            surnames += 1;
            end = Some(words[j].1);
            j += 1;
        }
        match end {
            Some(end) => {
                found.push((s, end));
                i = j;
            }
            None => i += 1,
        }
    }
    for (start, end) in found {
        let known = mentions.iter().any(|m| m.start <= start && end <= m.end);
        // Only names found on weak evidence give way ("Anna" the town inside
        // "Anna Kowalska"); a strong gazetteer name inside stays.
        let strong_inside = mentions
            .iter()
            .any(|m| start <= m.start && m.end <= end && m.evidence.contains(&Evidence::StrongAlias));
        if overlaps_partly(mentions, start, end) || known || strong_inside {
            continue;
        }
        insert_unlisted(
            text,
            mentions,
            start,
            end,
            EntityKind::Person,
            PERSON_SCORE,
            Evidence::GivenName,
        );
    }
    mentions.sort_by_key(|m| m.start);
}

/// Whether a mention overlaps `start..end` without lying inside it.
fn overlaps_partly(mentions: &[Mention], start: usize, end: usize) -> bool {
    mentions
        .iter()
        .any(|m| m.start < end && start < m.end && !(start <= m.start && m.end <= end))
}

/// Adds a mention without gazetteer entry for `text[start..end]`, replacing
/// the mentions it contains.
fn insert_unlisted(
    text: &str,
    mentions: &mut Vec<Mention>,
    start: usize,
    end: usize,
    kind: EntityKind,
    score: f32,
    evidence: Evidence,
) {
    mentions.retain(|m| !(start <= m.start && m.end <= end));
    let surface = &text[start..end];
    mentions.push(Mention {
        start,
        end,
        text: surface.to_string(),
        kind,
        id: None,
        canonical: surface.split_whitespace().collect::<Vec<_>>().join(" "),
        alias: surface.to_string(),
        score,
        evidence: vec![evidence],
        candidates: Vec::new(),
        year: None,
        place: None,
        chars: None,
        utf16: None,
    });
}

/// The score of a discovered person.
const PERSON_SCORE: f32 = 0.4;

/// Byte spans of the words of `text`: letters, with inner hyphens and
/// apostrophes ("Jean-Luc", "O'Brien").
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut prev = '\0';
    for (i, c) in text.char_indices() {
        let inner = (c == '-' || c == '\'' || c == '’') && prev.is_alphabetic();
        if c.is_alphabetic() || (inner && start.is_some()) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, trim_joiner(text, s, i)));
        }
        prev = c;
    }
    if let Some(s) = start {
        out.push((s, trim_joiner(text, s, text.len())));
    }
    out
}

/// Drops a possessive `'s` and a trailing hyphen or apostrophe from a word
/// ("Putin’s" → "Putin", "Putin'" → "Putin").
fn trim_joiner(text: &str, start: usize, end: usize) -> usize {
    let w = &text[start..end];
    let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
    start + w.trim_end_matches(['-', '\'', '’']).len()
}

fn is_capitalised_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().count() >= 1
        && chars.any(char::is_lowercase)
}

fn only_space_between(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b)
        .is_some_and(|s| !s.is_empty() && s.chars().all(|c| c == ' ' || c == '\u{a0}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let mut m = Vec::new();
        discover_organizations(text, &mut m);
        m.into_iter().map(|m| m.text).collect()
    }

    #[test]
    fn people_by_given_name() {
        let given: std::collections::HashSet<String> = ["anna", "jean", "mara"].map(String::from).into();
        let common: std::collections::HashSet<String> = ["said"].map(String::from).into();
        let mut m = Vec::new();
        discover_people(
            "Signed: Anna Kowalska, historian. Jean de La Fontaine said Mara",
            &mut m,
            &given,
            &common,
        );
        let names: Vec<&str> = m.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(names, ["Anna Kowalska", "Jean de La Fontaine"]);
    }

    #[test]
    fn organisation_patterns() {
        assert_eq!(
            found("She teaches at the University of Tartu now."),
            ["University of Tartu"]
        );
        assert_eq!(
            found("The Kyiv School of Economics and the Mohyla Academy"),
            ["Kyiv School of Economics", "Mohyla Academy"]
        );
        assert_eq!(found("Une note de l'Institut Montaigne."), ["Institut Montaigne"]);
        assert_eq!(
            found("Die Bertelsmann-Stiftung und das Ministerium für Bildung"),
            ["Bertelsmann-Stiftung", "Ministerium für Bildung"]
        );
        assert!(found("the university said the party was over").is_empty());
    }
}
