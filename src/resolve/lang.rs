//! A cheap guess of a text's main language from its function words, enough
//! for rules that depend on the writing system's habits: German capitalises
//! every noun, so a capital on a common word (`Frieden`, `Kohl`) says
//! nothing about a name there.

use once_cell::sync::Lazy;
use std::collections::HashMap;

/// The languages whose writing habits the resolver's rules tell apart.
///
/// By default the extractor guesses each document's language from its
/// function words; [`crate::ExtractorBuilder::language`] fixes it instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Language {
    /// English.
    English,
    /// French.
    French,
    /// German: every noun is capitalised, so a capital says less.
    German,
}

impl std::str::FromStr for Language {
    type Err = String;

    /// Reads `en`/`english`, `fr`/`french`/`français`, `de`/`german`/`deutsch`
    /// (any case).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_lowercase().as_str() {
            "en" | "eng" | "english" => Ok(Language::English),
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Ok(Language::French),
            "de" | "deu" | "ger" | "german" | "deutsch" => Ok(Language::German),
            other => Err(format!("unknown language {other:?} (expected en, fr or de)")),
        }
    }
}

pub(crate) type Lang = Language;

/// Short, frequent function words of each language, none shared with
/// another list.
const STOP_WORDS: &[(Lang, &[&str])] = &[
    (
        Lang::English,
        &[
            "the", "and", "of", "to", "is", "that", "was", "for", "with", "this", "are", "it", "be", "not",
        ],
    ),
    (
        Lang::French,
        &[
            "le", "la", "les", "et", "des", "du", "est", "une", "dans", "pour", "que", "qui", "pas", "sur",
            "au",
        ],
    ),
    (
        Lang::German,
        &[
            "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit", "von", "zu", "den", "dem",
            "sich", "auf", "für", "im", "wird", "auch",
        ],
    ),
];

/// Each stop word with a bit per language of [`STOP_WORDS`] that lists it.
static STOP_INDEX: Lazy<HashMap<&'static str, u8>> = Lazy::new(|| {
    let mut index = HashMap::new();
    for (i, (_, list)) in STOP_WORDS.iter().enumerate() {
        for w in *list {
            *index.entry(*w).or_insert(0u8) |= 1 << i;
        }
    }
    index
});

/// The language whose function words are most frequent in `text`, when they
/// make up at least one word in twenty and clearly lead (half again as many
/// as the runner-up); `None` otherwise.
pub(crate) fn dominant(text: &str) -> Option<Lang> {
    let mut counts = [0usize; 3];
    let mut words = 0usize;
    let mut buf = [0u8; 6];
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        if word.len() > 6 {
            continue;
        }
        // Lower-cased without allocating for ASCII words; the lists' few
        // non-ASCII words (`für`) take the allocating path.
        let mask = if word.is_ascii() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower)
                .ok()
                .and_then(|w| STOP_INDEX.get(w))
                .copied()
        } else {
            STOP_INDEX.get(word.to_lowercase().as_str()).copied()
        };
        for (i, count) in counts.iter_mut().enumerate() {
            if mask.is_some_and(|m| m & (1 << i) != 0) {
                *count += 1;
            }
        }
    }
    let (best, &n) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, n)| (n, std::cmp::Reverse(i)))?;
    let runner_up = counts
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != best)
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    (n * 20 >= words && n * 2 >= runner_up * 3 && n > 0).then_some(STOP_WORDS[best].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses() {
        assert_eq!(
            dominant("Die Regierung hat sich für den Frieden entschieden."),
            Some(Lang::German)
        );
        assert_eq!(
            dominant("The government is ready for peace and that is all."),
            Some(Lang::English)
        );
        assert_eq!(
            dominant("Le gouvernement est prêt pour la paix."),
            Some(Lang::French)
        );
        assert_eq!(dominant("Putin Macron Scholz"), None);
        assert_eq!(dominant(""), None);
    }
}
