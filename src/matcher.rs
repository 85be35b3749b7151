//! Stage 2: whole-word, leftmost-longest matching of normalised aliases.
//!
//! # Design
//! All aliases are normalised with the document normaliser and compiled
//! into one Aho-Corasick automaton (`aho-corasick`'s contiguous NFA, standard
//! semantics). The automaton is never run over every byte: it is walked
//! *anchored* from each position where a word may start, which is a trie
//! walk that stops at the first byte no alias continues with. That makes
//! whole-word semantics part of the search rather than a filter afterwards,
//! and skips the interior of every word (see `perf-anchors.md`: anchoring at
//! word starts is 1.4–1.9× faster than an unanchored scan with large
//! gazetteers).
//!
//! Along the walk every alias that ends at the current byte is seen, so the
//! longest one whose end is a word boundary wins, and a longer alias that
//! fails the boundary test never hides a shorter valid one at the same start
//! (`"Cuba"` in `"Cubanism"` is rejected, `"Cuba"` in `"Cuba's"` is kept).
//! After a match the search resumes at its end (leftmost-longest, no
//! overlaps): `"John F. Kennedy"` wins over `"Kennedy"`, `"Cuban Missile
//! Crisis"` over `"Cuba"`.
//!
//! # Word boundaries
//! Letters, digits and combining marks of every script are word characters.
//! A match must start after a non-word character (or at the start) and end
//! before one (or at the end), with these refinements:
//! - characters of scripts written without spaces (Han, kana, Thai…) are
//!   each a word of their own, so `普京Putin` matches `Putin`;
//! - an apostrophe after a French or Italian elided article or preposition
//!   (`l'`, `d'`, `qu'`, `jusqu'`, `dell'`, `nell'`, …) starts a word, so
//!   `d'Alaska` matches `Alaska`; after any other word (`O'Brien`) it does
//!   not;
//! - an apostrophe after a match ends it when it begins a possessive `'s`
//!   or stands alone (`Putin's`, `the Joneses'`), not when a word continues
//!   after it (`Côte d'Ivoire` does not match an alias `Côte d`).
//! - an alias that begins or ends with punctuation (`U.S.`) needs no
//!   boundary on that side;
//! - with `genitive` set (German text), a match may also end before an `s`
//!   that ends the word (`Putins Krieg`, `Russlands`); the `s` stays outside
//!   the match, as `'s` does.

use crate::error::{Error, Result};
use crate::gazetteer::Gazetteer;
use crate::normalize::rules::{is_isolated, is_word_char};
use crate::normalize::Normalizer;
use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};
use std::collections::HashMap;

/// French and Italian words that elide before a vowel. An apostrophe after
/// one of them starts a new word.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "dell",
    "all", "dall", "nell", "sull", "coll", "quell", "un", "nell", "bell", "sant",
];

/// One candidate of a pattern: an entry and which of its names matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Target {
    /// Index of the entry in the gazetteer.
    pub entry: u32,
    /// Index into `Entry::names()`: 0 is the canonical name.
    pub name: u32,
    /// Whether the name is a weak alias.
    pub weak: bool,
}

/// A match in normalised text: byte span and pattern index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub pattern: u32,
}

/// The compiled aliases of a gazetteer.
#[derive(Clone, Debug)]
pub(crate) struct Matcher {
    /// One automaton per first byte of the aliases: a walk from a word
    /// start only ever needs the automaton of that byte, and smaller
    /// automata build faster (in parallel with the `parallel` feature).
    shards: Vec<Option<Shard>>,
    /// `targets[offsets[p]..offsets[p + 1]]` are the candidates of pattern p.
    offsets: Vec<u32>,
    targets: Vec<Target>,
}

/// The automaton of the aliases that begin with one byte.
#[derive(Clone, Debug)]
struct Shard {
    nfa: NFA,
    start: StateID,
    /// Global pattern index of each of the shard's patterns.
    patterns: Vec<u32>,
}

impl Shard {
    fn build(keys: &[Box<str>], patterns: Vec<u32>) -> Result<Shard> {
        let nfa = NFA::builder()
            .match_kind(MatchKind::Standard)
            .build(patterns.iter().map(|&p| keys[p as usize].as_bytes()))
            .map_err(|e| Error::Build(e.to_string()))?;
        let start = nfa
            .start_state(Anchored::Yes)
            .map_err(|e| Error::Build(e.to_string()))?;
        Ok(Shard { nfa, start, patterns })
    }
}

/// Builds the shards, in parallel when the `parallel` feature is on; the
/// result does not depend on the number of threads.
fn build_shards(keys: &[Box<str>]) -> Result<Vec<Option<Shard>>> {
    let mut by_byte: Vec<Vec<u32>> = vec![Vec::new(); 256];
    for (i, k) in keys.iter().enumerate() {
        by_byte[k.as_bytes()[0] as usize].push(to_u32(i)?);
    }
    let build = |patterns: Vec<u32>| -> Result<Option<Shard>> {
        if patterns.is_empty() {
            Ok(None)
        } else {
            Shard::build(keys, patterns).map(Some)
        }
    };
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        by_byte.into_par_iter().map(build).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        by_byte.into_iter().map(build).collect()
    }
}

/// How a character takes part in word boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Word,
    Isolated,
    Space,
    Other,
}

/// Classes of the ASCII bytes.
const ASCII_CLASS: [Class; 128] = {
    let mut t = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => Class::Word,
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => Class::Space,
            _ => Class::Other,
        };
        b += 1;
    }
    t
};

#[inline]
fn class_of(c: char) -> Class {
    if c.is_ascii() {
        return ASCII_CLASS[c as usize];
    }
    if is_isolated(c) {
        Class::Isolated
    } else if is_word_char(c) {
        Class::Word
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Other
    }
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

impl Matcher {
    /// Compiles every name of every entry, normalised with `normalizer`.
    ///
    /// # Errors
    /// [`Error::Build`] when a name normalises to nothing (it could never
    /// match) or the automaton cannot be built.
    #[cfg(test)]
    pub fn build(gazetteer: &Gazetteer, normalizer: &Normalizer) -> Result<Matcher> {
        Self::build_with_keys(gazetteer, normalizer).map(|(m, _)| m)
    }

    /// Like [`Matcher::build`], also returning the normalised key of each
    /// pattern (for indexes built next to the matcher).
    pub fn build_with_keys(
        gazetteer: &Gazetteer,
        normalizer: &Normalizer,
    ) -> Result<(Matcher, Vec<Box<str>>)> {
        let mut index: HashMap<Box<str>, usize> = HashMap::new();
        let mut keys: Vec<Box<str>> = Vec::new();
        let mut lists: Vec<Vec<Target>> = Vec::new();
        for (ei, entry) in gazetteer.entries().iter().enumerate() {
            for (ni, (name, weak)) in entry.names().enumerate() {
                let key = normalizer.normalize_str(name);
                let key = key.trim();
                if key.is_empty() {
                    return Err(Error::Build(format!(
                        "entry `{}`: the name `{name}` is empty once normalised",
                        entry.id
                    )));
                }
                let p = *index.entry(key.into()).or_insert_with(|| {
                    keys.push(key.into());
                    lists.push(Vec::new());
                    keys.len() - 1
                });
                add_target(&mut lists[p], ei, ni, weak);
            }
        }
        let mut offsets = vec![0u32];
        let mut targets = Vec::new();
        for list in lists {
            targets.extend(list);
            offsets.push(to_u32(targets.len())?);
        }
        let shards = build_shards(&keys)?;
        Ok((
            Matcher {
                shards,
                offsets,
                targets,
            },
            keys,
        ))
    }

    /// Number of distinct normalised aliases.
    pub fn patterns_len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Heap memory used by the automaton and the tables, in bytes.
    pub fn memory_usage(&self) -> usize {
        self.shards
            .iter()
            .flatten()
            .map(|s| s.nfa.memory_usage() + s.patterns.len() * 4)
            .sum::<usize>()
            + self.offsets.len() * 4
            + self.targets.len() * std::mem::size_of::<Target>()
    }

    /// The candidates of a pattern, in gazetteer order.
    pub fn targets(&self, pattern: u32) -> &[Target] {
        let p = pattern as usize;
        &self.targets[self.offsets[p] as usize..self.offsets[p + 1] as usize]
    }

    /// Appends to `hits` the whole-word, leftmost-longest matches in the
    /// normalised `text`, in order; `genitive` also lets a match end before
    /// a word-final `s` (see the module docs).
    pub fn find_into(&self, text: &str, hits: &mut Vec<Hit>, genitive: bool) {
        let bytes = text.as_bytes();
        let mut pos = 0;
        let mut prev = Class::Space;
        while pos < bytes.len() {
            let b = bytes[pos];
            let (cls, len) = if b < 0x80 {
                (ASCII_CLASS[b as usize], 1)
            } else {
                let c = char_at(text, pos).unwrap_or(' ');
                (class_of(c), c.len_utf8())
            };
            let shard = self.shards[b as usize].as_ref();
            if let Some(shard) = shard.filter(|_| may_start(text, pos, cls, prev)) {
                if let Some(hit) = longest_at(shard, text, pos, genitive) {
                    hits.push(hit);
                    pos = hit.end;
                    prev = char_before(text, pos).map_or(Class::Space, class_of);
                    continue;
                }
            }
            pos += len;
            prev = cls;
            if cls == Class::Word {
                // No match starts inside a word: skip its ASCII rest at once.
                while pos < bytes.len() && ASCII_CLASS.get(bytes[pos] as usize) == Some(&Class::Word) {
                    pos += 1;
                }
            }
        }
    }
}

/// The longest pattern of `shard` starting at `at` that ends on a word
/// boundary.
fn longest_at(shard: &Shard, text: &str, at: usize, genitive: bool) -> Option<Hit> {
    let nfa = &shard.nfa;
    let mut sid = shard.start;
    let mut best = None;
    for (depth, &b) in text.as_bytes()[at..].iter().enumerate() {
        sid = nfa.next_state(Anchored::Yes, sid, b);
        if !nfa.is_special(sid) {
            continue;
        }
        if nfa.is_dead(sid) {
            break;
        }
        // With standard semantics a state also lists the aliases that are
        // suffixes of the path; only the one spanning the whole walk starts
        // at `at`.
        let end = at + depth + 1;
        for i in 0..nfa.match_len(sid) {
            let pid = nfa.match_pattern(sid, i);
            if nfa.pattern_len(pid) == depth + 1
                && (may_end(text, end) || genitive && before_genitive_s(text, end))
            {
                best = Some(Hit {
                    start: at,
                    end,
                    pattern: shard.patterns[pid.as_usize()],
                });
            }
        }
    }
    best
}

/// Keeps one target per (entry, normalised name); a strong alias wins over
/// a weak one with the same normal form.
fn add_target(list: &mut Vec<Target>, entry: usize, name: usize, weak: bool) {
    let entry = entry as u32;
    match list.iter_mut().find(|t| t.entry == entry) {
        Some(t) if t.weak && !weak => {
            t.name = name as u32;
            t.weak = false;
        }
        Some(_) => {}
        None => list.push(Target {
            entry,
            name: name as u32,
            weak,
        }),
    }
}

fn to_u32(n: usize) -> Result<u32> {
    u32::try_from(n).map_err(|_| Error::Build("more than 4 billion aliases".into()))
}

/// Whether a match may start at `at`, where the character has class `cls`
/// and the one before has class `prev`.
fn may_start(text: &str, at: usize, cls: Class, prev: Class) -> bool {
    match cls {
        Class::Isolated => true,
        Class::Space => false,
        Class::Other => prev != Class::Word,
        Class::Word => match prev {
            Class::Word => false,
            _ if text.as_bytes().get(at.wrapping_sub(1)) == Some(&b'\'') => after_elision(text, at - 1),
            _ => true,
        },
    }
}

/// `apos` is the offset of an apostrophe. It starts a word when nothing
/// word-like precedes it, or when an elided particle does.
fn after_elision(text: &str, apos: usize) -> bool {
    let before = &text.as_bytes()[..apos];
    let token_start = before
        .iter()
        .rposition(|b| !b.is_ascii_alphanumeric())
        .map_or(0, |i| i + 1);
    if token_start == apos {
        // Not preceded by an ASCII letter: a word start unless a non-ASCII
        // letter precedes.
        return char_before(text, apos).map_or(true, |c| class_of(c) != Class::Word);
    }
    if char_before(text, token_start).is_some_and(|c| class_of(c) == Class::Word) {
        return false;
    }
    let token = &text[token_start..apos];
    ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(token))
}

/// Whether `end` follows a word character and precedes an `s` that ends
/// the word.
pub(crate) fn before_genitive_s(text: &str, end: usize) -> bool {
    let b = text.as_bytes();
    end > 0
        && b.get(end) == Some(&b's')
        && char_before(text, end).is_some_and(|c| class_of(c) == Class::Word)
        && char_at(text, end + 1).map_or(true, |c| class_of(c) != Class::Word)
}

/// Whether a match may end at `end`.
fn may_end(text: &str, end: usize) -> bool {
    let Some(last) = char_before(text, end) else {
        return true;
    };
    let last = class_of(last);
    if !matches!(last, Class::Word) {
        return true;
    }
    let Some(next) = char_at(text, end) else {
        return true;
    };
    match class_of(next) {
        Class::Word => false,
        Class::Isolated | Class::Space => true,
        Class::Other if next != '\'' => true,
        Class::Other => {
            // An apostrophe: alone, or the possessive `'s`.
            let after = &text[end + 1..];
            let mut it = after.chars();
            match it.next() {
                None => true,
                Some(c) if class_of(c) != Class::Word => true,
                Some('s') => it.next().map_or(true, |c| class_of(c) != Class::Word),
                Some(_) => false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{Alias, EntityKind, Entry};

    fn matcher(names: &[&str]) -> (Matcher, Normalizer) {
        let g: Gazetteer = names
            .iter()
            .enumerate()
            .map(|(i, n)| Entry::new(format!("e{i}"), EntityKind::Place, *n))
            .collect();
        let n = Normalizer::default();
        (Matcher::build(&g, &n).unwrap(), n)
    }

    fn find(names: &[&str], text: &str) -> Vec<String> {
        let (m, n) = matcher(names);
        let norm = n.normalize_str(text);
        let mut hits = Vec::new();
        m.find_into(&norm, &mut hits, false);
        hits.iter().map(|h| norm[h.start..h.end].to_string()).collect()
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(find(&["Putin"], "Rasputin met Putin's aide"), ["putin"]);
        assert_eq!(
            find(
                &["Cuba", "Cuban Missile Crisis"],
                "the Cuban Missile Crisis, Cuba, Cubanism"
            ),
            ["cuban missile crisis", "cuba"]
        );
        assert_eq!(
            find(&["Alaska", "Ukraine"], "d'Alaska, l’Ukraine, O'Alaska"),
            ["alaska", "ukraine"]
        );
    }

    #[test]
    fn long_reject_does_not_hide_short() {
        assert_eq!(
            find(&["New York", "New York Timesx"], "New York Times"),
            ["new york"]
        );
    }

    #[test]
    fn duplicates_keep_all_candidates() {
        let g: Gazetteer = [
            Entry::new("a", EntityKind::Place, "Washington"),
            Entry::new("b", EntityKind::Person, "George Washington").with_alias(Alias::parse("~Washington")),
        ]
        .into_iter()
        .collect();
        let m = Matcher::build(&g, &Normalizer::default()).unwrap();
        let mut hits = Vec::new();
        m.find_into("washington", &mut hits, false);
        assert_eq!(m.targets(hits[0].pattern).len(), 2);
    }
}
