//! Stage 3: from matcher hits to mentions.
//!
//! This is the only place where offsets cross from normalised to original
//! text. For each hit it picks one entry among the candidates of the
//! matched alias and keeps the others.
//!
//! Rules, each cheap and explainable:
//! - a hit whose ends do not map exactly to the original text is dropped
//!   (it starts or ends inside a character that normalisation expanded);
//! - a *weak* alias (a bare surname, a short acronym, a common word) counts
//!   only with evidence: the same entry is named by a strong alias elsewhere
//!   in the document, or the surface is capitalised in a cased script;
//! - among the eligible candidates, the highest prior wins; ties go to the
//!   entry listed first. The score is the winner's share of the eligible
//!   priors, lowered for weak aliases.

use crate::gazetteer::{Entry, Gazetteer};
use crate::matcher::{Hit, Matcher, Target};
use crate::mention::{Candidate, Mention};
use crate::normalize::Normalized;
use std::collections::HashSet;

/// How much a weak alias lowers the score of its mention.
const WEAK_FACTOR: f32 = 0.8;

/// Turns hits into mentions.
pub(crate) fn resolve(
    gazetteer: &Gazetteer,
    matcher: &Matcher,
    norm: &Normalized<'_>,
    hits: &[Hit],
) -> Vec<Mention> {
    let original = norm.original();
    let strong: HashSet<u32> = hits
        .iter()
        .flat_map(|h| matcher.targets(h.pattern))
        .filter(|t| !t.weak)
        .map(|t| t.entry)
        .collect();
    let entries = gazetteer.entries();
    hits.iter()
        .filter_map(|hit| {
            let (start, end) = norm.to_original(hit.start, hit.end)?;
            let surface = original.get(start..end)?;
            let capitalised = is_capitalised(surface);
            let eligible: Vec<Target> = matcher
                .targets(hit.pattern)
                .iter()
                .copied()
                .filter(|t| !t.weak || capitalised || strong.contains(&t.entry))
                .collect();
            let ranked = rank(entries, &eligible);
            let (&(best, best_score), rest) = ranked.split_first()?;
            let entry = &entries[best.entry as usize];
            Some(Mention {
                start,
                end,
                text: surface.to_string(),
                kind: entry.kind,
                id: Some(entry.id.clone()),
                canonical: entry.canonical.clone(),
                alias: name_of(entry, best.name).to_string(),
                score: best_score,
                candidates: rest
                    .iter()
                    .map(|&(t, score)| candidate(&entries[t.entry as usize], score))
                    .collect(),
                chars: None,
                utf16: None,
            })
        })
        .collect()
}

/// Eligible targets with their scores, best first (stable on ties).
fn rank(entries: &[Entry], eligible: &[Target]) -> Vec<(Target, f32)> {
    let prior = |t: &Target| entries[t.entry as usize].prior.max(1e-3);
    let total: f32 = eligible.iter().map(prior).sum();
    let mut ranked: Vec<(Target, f32)> = eligible
        .iter()
        .map(|t| {
            let weak = if t.weak { WEAK_FACTOR } else { 1.0 };
            (*t, prior(t) / total * weak)
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranked
}

fn candidate(entry: &Entry, score: f32) -> Candidate {
    Candidate {
        id: entry.id.clone(),
        kind: entry.kind,
        canonical: entry.canonical.clone(),
        score,
    }
}

fn name_of(entry: &Entry, name: u32) -> &str {
    entry
        .names()
        .nth(name as usize)
        .map_or(entry.canonical.as_str(), |(n, _)| n)
}

/// Lower-case name particles skipped by the capitalisation test, so that
/// `de Gaulle` and `von der Leyen` count as capitalised.
const PARTICLES: &[&str] = &[
    "de", "du", "des", "d'", "la", "le", "les", "von", "van", "der", "den", "zu", "di", "da", "del", "della",
    "dos", "das", "bin", "ibn", "al", "el", "ter", "op",
];

/// Whether the first word of `surface` that is not a lower-case particle
/// starts with an upper-case letter; text in a script without case counts
/// as capitalised.
fn is_capitalised(surface: &str) -> bool {
    let word = surface
        .split(|c: char| c.is_whitespace() || c == '-')
        .find(|w| !w.is_empty() && !PARTICLES.contains(w))
        .unwrap_or(surface);
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| c.is_uppercase() || !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::is_capitalised;

    #[test]
    fn capitalisation() {
        assert!(is_capitalised("Putin"));
        assert!(is_capitalised("de Gaulle"));
        assert!(is_capitalised("von der Leyen"));
        assert!(is_capitalised("普京"));
        assert!(!is_capitalised("putin"));
        assert!(!is_capitalised("de gaulle"));
    }
}
