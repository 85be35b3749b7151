//! Co-mention evidence: what the rest of the document says about an
//! ambiguous name. Two cheap signals, both read from the gazetteer:
//!
//! - **country**: "Georgia" next to Tbilisi and Abkhazia is the country,
//!   next to Atlanta the US state; "Paris" next to Marseille is the French
//!   capital. The countries of a document are those of the entries named
//!   by unambiguous strong aliases.
//! - **period**: "Roosevelt" in a text about Pearl Harbor and 1941 is
//!   Franklin, not Theodore (who died in 1919). The years of a document are
//!   the years written in it and the years of the events it names without
//!   ambiguity; a person's period is their adult life, an event's its dates.
//!
//! A signal counts only when it tells the candidates apart: when every
//! candidate shares the document's country (the Kennedys are all American),
//! it says nothing.

use crate::gazetteer::{EntityKind, Entry};
use std::collections::HashSet;

/// How much a discriminating co-mention signal weighs in ranking.
pub(crate) const CONTEXT_BOOST: f32 = 2.5;

/// Age from which a person's life counts as their period of activity.
const ADULT_AGE: i32 = 18;

/// The year used for the open end of a living person's period.
const OPEN_END: i32 = 2100;

/// Countries and years of the document, from its unambiguous mentions.
#[derive(Debug, Default)]
pub(crate) struct DocContext {
    countries: HashSet<String>,
    years: Vec<i32>,
}

/// Which co-mention signals fit one candidate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Fit {
    pub country: bool,
    pub period: bool,
}

impl DocContext {
    /// `unambiguous` are the entries named by a strong alias that has a
    /// single candidate; `years` those written in the text.
    pub fn new<'e>(
        years: &[(usize, usize, i32)],
        unambiguous: impl Iterator<Item = &'e Entry>,
    ) -> DocContext {
        let mut ctx = DocContext {
            countries: HashSet::new(),
            years: years.iter().map(|y| y.2).collect(),
        };
        for entry in unambiguous {
            if let Some(c) = &entry.country {
                ctx.countries.insert(c.clone());
            }
            if entry.kind == EntityKind::Event {
                if let Some(start) = &entry.start {
                    ctx.years.push(start.year);
                }
            }
        }
        ctx.years.sort_unstable();
        ctx.years.dedup();
        ctx
    }

    /// Which signals fit each of `entries`, with signals that fit all of
    /// them (or none) cleared: they do not tell the candidates apart.
    pub fn fits(&self, entries: &[&Entry]) -> Vec<Fit> {
        let mut fits: Vec<Fit> = entries
            .iter()
            .map(|e| Fit {
                country: e.country.as_ref().is_some_and(|c| self.countries.contains(c)),
                period: period(e)
                    .is_some_and(|(from, to)| self.years.iter().any(|y| (from..=to).contains(y))),
            })
            .collect();
        // Only entries with the attribute at all take part in the vote: a
        // candidate without country or dates neither fits nor stands apart.
        let decisive = |has: &dyn Fn(&Entry) -> bool, fit: &dyn Fn(&Fit) -> bool| {
            let with: Vec<usize> = (0..entries.len()).filter(|&i| has(entries[i])).collect();
            let n = with.iter().filter(|&&i| fit(&fits[i])).count();
            n > 0 && n < with.len()
        };
        let country = decisive(&|e| e.country.is_some(), &|f| f.country);
        let period_ok = decisive(&|e| period(e).is_some(), &|f| f.period);
        for f in &mut fits {
            f.country &= country;
            f.period &= period_ok;
        }
        fits
    }
}

/// The years an entry was active: a person's adult life, an event's dates.
fn period(entry: &Entry) -> Option<(i32, i32)> {
    let start = entry.start.as_ref()?.year;
    let end = entry.end.as_ref().map(|d| d.year);
    match entry.kind {
        EntityKind::Person => Some((start + ADULT_AGE, end.unwrap_or(OPEN_END))),
        EntityKind::Event => Some((start, end.unwrap_or(start))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::PartialDate;

    fn person(id: &str, born: i32, died: Option<i32>, country: &str) -> Entry {
        let mut e = Entry::new(id, EntityKind::Person, id)
            .with_dates(Some(PartialDate::year(born)), died.map(PartialDate::year));
        e.country = Some(country.to_string());
        e
    }

    #[test]
    fn period_tells_apart() {
        let fdr = person("fdr", 1882, Some(1945), "US");
        let teddy = person("teddy", 1858, Some(1919), "US");
        let ctx = DocContext::new(&[(14, 18, 1941)], std::iter::empty());
        let fits = ctx.fits(&[&fdr, &teddy]);
        assert!(fits[0].period && !fits[1].period);
        // Same country for both: the country says nothing.
        let mut us = Entry::new("us", EntityKind::Place, "US");
        us.country = Some("US".into());
        let ctx = DocContext::new(&[], [&us].into_iter());
        assert_eq!(ctx.fits(&[&fdr, &teddy]), [Fit::default(), Fit::default()]);
    }
}
