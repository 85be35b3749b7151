//! Year anchoring, part of the resolution stage: a place next to a year
//! names an event ("Munich 1938" is the Munich Agreement, "Yalta 1945" the
//! Yalta Conference, "München 1938", "Munich en 1938"), and a place with a
//! year that no event explains still becomes an event-like mention
//! ("Alaska 2025", "Helsinki 1975" if no entry existed) for the analogy
//! stage.
//!
//! An event is linked to a place when one of the event's names contains one
//! of the place's strong names as a whole phrase (`Munich Agreement`,
//! `conférence de Yalta`, `insurrection de Budapest`); among the events of a
//! place whose dates contain the year, one commonly invoked as an analogy
//! wins, then the higher prior, then the first listed.

use crate::gazetteer::{EntityKind, Entry, Gazetteer, Valence};
use crate::matcher::Matcher;
use crate::normalize::Normalizer;
use std::collections::HashMap;

/// Words that may stand between a place and its year: "Munich en 1938",
/// "Munich in 1938", "München im Jahr 1938" is not covered.
const CONNECTORS: &[&str] = &["en", "in", "im", "of", "de", "von", "a", "à"];

/// The events of each place, by gazetteer entry index.
#[derive(Clone, Debug, Default)]
pub(crate) struct EventIndex {
    by_place: HashMap<u32, Vec<u32>>,
    /// The valence most commonly invoked events that began in a year share
    /// (1929, 1938: negative), for the years with a clear majority.
    by_year: HashMap<i32, Valence>,
    /// The same by decade (1930 for the 1930s).
    by_decade: HashMap<i32, Valence>,
}

impl EventIndex {
    /// Links places to events through the matcher's normalised keys.
    pub fn build(
        gazetteer: &Gazetteer,
        matcher: &Matcher,
        keys: &[Box<str>],
        normalizer: &Normalizer,
    ) -> Self {
        let entries = gazetteer.entries();
        let mut phrases: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, e) in entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Event)
        {
            for (name, _) in e.names() {
                let norm = normalizer.normalize_str(name);
                let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
                for n in 1..=3.min(words.len()) {
                    for window in words.windows(n) {
                        let list = phrases.entry(window.join(" ")).or_default();
                        if list.last() != Some(&(i as u32)) {
                            list.push(i as u32);
                        }
                    }
                }
            }
        }
        let mut by_place: HashMap<u32, Vec<u32>> = HashMap::new();
        for (p, key) in keys.iter().enumerate() {
            let Some(events) = phrases.get(&**key) else {
                continue;
            };
            for t in matcher.targets(p as u32) {
                if !t.weak && entries[t.entry as usize].kind == EntityKind::Place {
                    let list = by_place.entry(t.entry).or_default();
                    for &ev in events {
                        if !list.contains(&ev) {
                            list.push(ev);
                        }
                    }
                }
            }
        }
        EventIndex {
            by_place,
            by_year: valences(entries, |y| y),
            by_decade: valences(entries, |y| y.div_euclid(10) * 10),
        }
    }

    /// The usual valence of a bare year: the one most of the commonly
    /// invoked events that began in it share (`None` when none has one, or
    /// no clear majority does).
    pub fn year_valence(&self, year: i32) -> Option<Valence> {
        self.by_year.get(&year).copied()
    }

    /// The usual valence of a decade starting at `year` (the 1930s warn),
    /// read like [`EventIndex::year_valence`] over its ten years.
    pub fn decade_valence(&self, year: i32) -> Option<Valence> {
        self.by_decade
            .get(&year.div_euclid(10).saturating_mul(10))
            .copied()
    }

    /// The event of `place` in `year`, if one is known.
    pub fn event(&self, gazetteer: &Gazetteer, place: u32, year: i32) -> Option<u32> {
        let entries = gazetteer.entries();
        self.by_place
            .get(&place)?
            .iter()
            .copied()
            .filter(|&e| {
                let e = &entries[e as usize];
                let start = e.start.map(|d| d.year);
                let end = e.end.map(|d| d.year).or(start);
                matches!((start, end), (Some(s), Some(t)) if s <= year && year <= t)
            })
            .max_by(|&a, &b| {
                let (a, b) = (&entries[a as usize], &entries[b as usize]);
                (a.analogy == Some(true), a.prior)
                    .partial_cmp(&(b.analogy == Some(true), b.prior))
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(std::cmp::Ordering::Greater)
            })
    }
}

/// Per year, the valence that at least two thirds of its commonly invoked
/// events with a positive or negative valence share (1938: the Munich
/// Agreement, the Anschluss and Kristallnacht outweigh the Kindertransport).
fn valences(entries: &[Entry], bucket: impl Fn(i32) -> i32) -> HashMap<i32, Valence> {
    let mut counts: HashMap<i32, (u32, u32)> = HashMap::new();
    let invoked = entries
        .iter()
        .filter(|e| e.kind == EntityKind::Event && e.analogy == Some(true));
    for e in invoked {
        let (Some(start), Some(v)) = (e.start, e.valence) else {
            continue;
        };
        let (negative, positive) = counts.entry(bucket(start.year)).or_default();
        match v {
            Valence::Negative => *negative += 1,
            Valence::Positive => *positive += 1,
            _ => {}
        }
    }
    counts
        .into_iter()
        .filter_map(|(year, (negative, positive))| {
            let total = negative + positive;
            if negative * 3 >= total * 2 && negative > 0 {
                Some((year, Valence::Negative))
            } else if positive * 3 >= total * 2 && positive > 0 {
                Some((year, Valence::Positive))
            } else {
                None
            }
        })
        .collect()
}

impl EventIndex {
    /// The event a bare place name stands for in an analogy ("another
    /// Munich" is the Munich Agreement): among the place's events flagged as
    /// commonly invoked, one whose canonical name names the place (not the
    /// Yalta Conference for "Crimea"), then the highest prior, then the
    /// lowest index (so the choice never depends on hash order).
    pub fn analogy_event(&self, gazetteer: &Gazetteer, place: u32) -> Option<u32> {
        let entries = gazetteer.entries();
        let place_name = entries.get(place as usize)?.canonical.to_lowercase();
        let key = |e: u32| {
            let entry = &entries[e as usize];
            let named = entry.canonical.to_lowercase().contains(&place_name);
            (named, entry.prior, std::cmp::Reverse(e))
        };
        self.by_place
            .get(&place)?
            .iter()
            .copied()
            .filter(|&e| entries[e as usize].analogy == Some(true))
            .max_by(|&a, &b| key(a).partial_cmp(&key(b)).unwrap_or(std::cmp::Ordering::Equal))
    }
}

/// Four-digit years from 1000 to 2099 standing alone as words (not
/// "1,938", not "1938a", not "19385"): (start, end, year). Computed once
/// per document and read by resolution and analogy detection.
pub(crate) fn written_years(text: &str) -> Vec<(usize, usize, i32)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let before_ok = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b',' | b'.'));
        let after = b.get(i + run);
        let after_ok = after.map_or(true, |c| !c.is_ascii_alphanumeric())
            && !(matches!(after, Some(b',' | b'.')) && b.get(i + run + 1).is_some_and(u8::is_ascii_digit));
        if run == 4 && before_ok && after_ok {
            if let Ok(year) = text[i..i + 4].parse::<i32>() {
                if (1000..2100).contains(&year) {
                    out.push((i, i + 4, year));
                }
            }
        }
        i += run;
    }
    out
}

/// A year written right after `end` ("Munich 1938", "Munich, 1938",
/// "Munich en 1938"): the year and the offset where it ends.
pub(crate) fn year_after(text: &str, end: usize) -> Option<(i32, usize)> {
    let rest = text.get(end..)?;
    let trimmed = rest.trim_start_matches([' ', ',', '\u{a0}']);
    if trimmed.len() == rest.len() || rest.len() - trimmed.len() > 3 {
        return None;
    }
    let mut at = end + rest.len() - trimmed.len();
    if let Some((word, after)) = trimmed.split_once(' ') {
        if CONNECTORS.contains(&word.to_lowercase().as_str()) {
            at += word.len() + 1 + (after.len() - after.trim_start().len());
        }
    }
    let year = four_digits(text, at)?;
    Some((year, at + 4))
}

/// A year written right before `start` ("1938 Munich"): the year and the
/// offset where it starts.
pub(crate) fn year_before(text: &str, start: usize) -> Option<(i32, usize)> {
    let before = text.get(..start)?;
    let trimmed = before.trim_end_matches(' ');
    if trimmed.len() == before.len() || before.len() - trimmed.len() > 2 || trimmed.len() < 4 {
        return None;
    }
    let at = trimmed.len() - 4;
    let year = four_digits(text, at)?;
    Some((year, at))
}

/// Four ASCII digits at `at`, not part of a longer number or word, read as
/// a year from 1000 to 2100.
fn four_digits(text: &str, at: usize) -> Option<i32> {
    let bytes = text.as_bytes();
    let digits = bytes.get(at..at + 4)?;
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let glued = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
    if glued(bytes.get(at + 4)) || (at > 0 && glued(bytes.get(at - 1))) {
        return None;
    }
    let year: i32 = std::str::from_utf8(digits).ok()?.parse().ok()?;
    (1000..=2100).contains(&year).then_some(year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_standing_alone() {
        let ys: Vec<i32> = written_years("In 1938, not 1,938 or 19385 or 1938a; 2025.")
            .iter()
            .map(|y| y.2)
            .collect();
        assert_eq!(ys, [1938, 2025]);
        assert!(written_years("").is_empty());
    }

    #[test]
    fn years_next_to_places() {
        assert_eq!(year_after("Munich 1938!", 6), Some((1938, 11)));
        assert_eq!(year_after("Munich, 1938", 6), Some((1938, 12)));
        assert_eq!(year_after("Munich en 1938", 6), Some((1938, 14)));
        assert_eq!(year_after("Munich 19385", 6), None);
        assert_eq!(year_after("Munich 1938th", 6), None);
        assert_eq!(year_after("Munich 3000", 6), None);
        assert_eq!(year_after("Munich said 1938", 6), None);
        assert_eq!(year_before("the 1938 Munich", 9), Some((1938, 4)));
        assert_eq!(year_before("x21938 Munich", 7), None);
    }
}
