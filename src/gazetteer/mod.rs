//! Gazetteers: the people, places, events and organisations precedent knows.
//!
//! A [`Gazetteer`] is an ordered list of [`Entry`]s with unique ids. It comes
//! from TSV files (format in `gazetteers/README.md`), from the bundled
//! default set ([`Gazetteer::bundled`]), or from code ([`Entry::new`]).
//! Gazetteers layer: [`Gazetteer::merge`] puts a user's entries over the
//! defaults, replacing entries with the same id.

mod load;

use crate::error::Result;
use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

pub(crate) use load::KNOWN_COLUMNS;

/// What an entry (and a mention) refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum EntityKind {
    /// A person, living or historical.
    Person,
    /// A country, region, city, historical state or landmark.
    Place,
    /// A historical or current event: war, treaty, crisis, summit…
    Event,
    /// An organisation: alliance, party, agency, newspaper, NGO…
    Organization,
    /// A people or nationality named by a demonym (`Russians`, `russe`,
    /// `ukrainisch`). Kept apart so that nationality words are never taken
    /// for places.
    Group,
}

impl EntityKind {
    /// All kinds, in a fixed order.
    pub const ALL: [EntityKind; 5] = [
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Event,
        EntityKind::Organization,
        EntityKind::Group,
    ];

    /// The lowercase name used in files and JSON (`person`, `place`, …).
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Event => "event",
            EntityKind::Organization => "organization",
            EntityKind::Group => "group",
        }
    }

    /// Parses the lowercase name.
    pub fn parse(s: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The usual moral valence of an event when writers invoke it: a warning
/// (negative), a model to follow (positive), or contested.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Valence {
    /// A catastrophe, a capitulation, a crime: invoked as a warning.
    Negative,
    /// A success or an act of courage: invoked as an example.
    Positive,
    /// Judged both ways.
    Mixed,
    /// No usual valence.
    Neutral,
}

impl Valence {
    pub(crate) fn parse(s: &str) -> Option<Valence> {
        match s {
            "negative" => Some(Valence::Negative),
            "positive" => Some(Valence::Positive),
            "mixed" => Some(Valence::Mixed),
            "neutral" => Some(Valence::Neutral),
            _ => None,
        }
    }
}

/// A date that may be known only to the year or month. Years before the
/// common era are negative (`-44` is 44 BC).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PartialDate {
    /// The year.
    pub year: i32,
    /// The month, 1–12, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// The day of the month, 1–31, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
}

impl PartialDate {
    /// A date known to the year.
    pub fn year(year: i32) -> PartialDate {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with an optional leading `-`.
    ///
    /// ```
    /// use precedent::PartialDate;
    /// let d = PartialDate::parse("1938-09-30").unwrap();
    /// assert_eq!((d.year, d.month, d.day), (1938, Some(9), Some(30)));
    /// assert!(PartialDate::parse("1938-13").is_none());
    /// ```
    pub fn parse(s: &str) -> Option<PartialDate> {
        let (neg, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let mut parts = body.split('-');
        let year = parse_digits(parts.next()?, 1, 4)? as i32;
        let month = match parts.next() {
            Some(m) => Some(parse_digits(m, 2, 2)?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(parse_digits(d, 2, 2)?),
            None => None,
        };
        if parts.next().is_some()
            || month.is_some_and(|m| !(1..=12).contains(&m))
            || day.is_some_and(|d| !(1..=31).contains(&d))
        {
            return None;
        }
        Some(PartialDate {
            year: if neg { -year } else { year },
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        })
    }
}

fn parse_digits(s: &str, min: usize, max: usize) -> Option<u32> {
    if s.len() < min || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// One name of an entry.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Alias {
    /// The alias as written in the gazetteer.
    pub text: String,
    /// ISO 639 language code, when the alias belongs to one language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// A weak alias (a bare surname, a first name, a short acronym, a word
    /// that is also a common noun) yields a mention only with supporting
    /// evidence.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub weak: bool,
}

impl Alias {
    /// A strong alias with no language tag.
    pub fn new(text: impl Into<String>) -> Alias {
        Alias {
            text: text.into(),
            lang: None,
            weak: false,
        }
    }

    /// Parses the file syntax `[~]text[@lang]`.
    pub(crate) fn parse(item: &str) -> Alias {
        let (weak, rest) = match item.strip_prefix('~') {
            Some(r) => (true, r),
            None => (false, item),
        };
        let (text, lang) = match rest.rsplit_once('@') {
            Some((t, l)) if is_lang_tag(l) => (t, Some(l.to_string())),
            _ => (rest, None),
        };
        Alias {
            text: text.trim().to_string(),
            lang,
            weak,
        }
    }
}

fn is_lang_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// One person, place, event or organisation.
///
/// Construct with [`Entry::new`] and the chaining setters; the fields are
/// public for reading and editing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entry {
    /// Stable id, unique in a gazetteer (`person/vladimir-putin`).
    pub id: String,
    /// What the entry is.
    pub kind: EntityKind,
    /// The canonical (English) name. It is always matched; as a strong alias
    /// unless [`weak_canonical`](Self::weak_canonical) is set.
    pub canonical: String,
    /// The canonical name is itself weak: it is also a common word (a town
    /// called `Police`, a region called `Southern`). Written as a leading `~`
    /// on the canonical name in files.
    pub weak_canonical: bool,
    /// Other names, in any language.
    pub aliases: Vec<Alias>,
    /// A finer type: `city`, `country`, `landmark`, `treaty`, `war`…
    pub subtype: Option<String>,
    /// Start: birth for people, start for events, founding for others.
    pub start: Option<PartialDate>,
    /// End: death for people, end for events, dissolution for others.
    pub end: Option<PartialDate>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// Wikidata id (`Q7747`).
    pub wikidata: Option<String>,
    /// How likely a shared alias means this entry, in `[0, 1]`.
    pub prior: f32,
    /// The usual valence of an event when invoked as an analogy.
    pub valence: Option<Valence>,
    /// Whether the event is commonly invoked as a historical analogy.
    pub analogy: Option<bool>,
}

/// The prior of an entry whose file gives none.
pub const DEFAULT_PRIOR: f32 = 0.5;

impl Entry {
    /// A new entry with no aliases and the default prior.
    pub fn new(id: impl Into<String>, kind: EntityKind, canonical: impl Into<String>) -> Entry {
        Entry {
            id: id.into(),
            kind,
            canonical: canonical.into(),
            weak_canonical: false,
            aliases: Vec::new(),
            subtype: None,
            start: None,
            end: None,
            country: None,
            wikidata: None,
            prior: DEFAULT_PRIOR,
            valence: None,
            analogy: None,
        }
    }

    /// Adds an alias.
    pub fn with_alias(mut self, alias: Alias) -> Entry {
        self.aliases.push(alias);
        self
    }

    /// Sets the start and end dates.
    pub fn with_dates(mut self, start: Option<PartialDate>, end: Option<PartialDate>) -> Entry {
        self.start = start;
        self.end = end;
        self
    }

    /// Sets the prior.
    pub fn with_prior(mut self, prior: f32) -> Entry {
        self.prior = prior;
        self
    }

    /// Every name of the entry with its weakness: the canonical name, then
    /// the aliases in file order.
    pub fn names(&self) -> impl Iterator<Item = (&str, bool)> + '_ {
        std::iter::once((self.canonical.as_str(), self.weak_canonical))
            .chain(self.aliases.iter().map(|a| (a.text.as_str(), a.weak)))
    }
}

/// An ordered set of entries with unique ids.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
}

/// The bundled gazetteer files, compiled into the crate.
const BUNDLED: [(&str, &str); 5] = [
    (
        "gazetteers/people.tsv",
        include_str!("../../gazetteers/people.tsv"),
    ),
    (
        "gazetteers/places.tsv",
        include_str!("../../gazetteers/places.tsv"),
    ),
    (
        "gazetteers/events.tsv",
        include_str!("../../gazetteers/events.tsv"),
    ),
    (
        "gazetteers/organizations.tsv",
        include_str!("../../gazetteers/organizations.tsv"),
    ),
    (
        "gazetteers/groups.tsv",
        include_str!("../../gazetteers/groups.tsv"),
    ),
];

/// Common words of English, French and German that are also names
/// somewhere (`police`, `auch`, `deal`), one per line, normalised, with
/// their languages after a tab.
const COMMON_WORDS: &str = include_str!("../../gazetteers/common-words.txt");

/// The bundled common words with their languages (`"en,fr"`; `"any"` for
/// generic place words); see `gazetteers/README.md`.
pub(crate) fn common_words() -> impl Iterator<Item = (&'static str, &'static str)> {
    COMMON_WORDS
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (word, langs) = l.split_once('\t').unwrap_or((l, "any"));
            (word.trim(), langs.trim())
        })
}

/// Given names (from wikidata-person-names, MIT), normalised, one per line.
const GIVEN_NAMES: &str = include_str!("../../gazetteers/given-names.txt");

/// The bundled given names (see `gazetteers/README.md`), read once per
/// process and shared by every extractor.
pub(crate) fn given_names() -> &'static std::collections::HashSet<String> {
    static SET: Lazy<std::collections::HashSet<String>> = Lazy::new(|| {
        GIVEN_NAMES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect()
    });
    &SET
}

impl Gazetteer {
    /// An empty gazetteer.
    pub fn new() -> Gazetteer {
        Gazetteer::default()
    }

    /// The default gazetteer bundled with the crate (people, places, events,
    /// organisations; see `gazetteers/README.md`).
    ///
    /// # Errors
    /// Only if the bundled files are malformed, which the crate's tests rule
    /// out.
    pub fn bundled() -> Result<Gazetteer> {
        // Parsed once per process; every call hands out a copy.
        static PARSED: Lazy<std::result::Result<Gazetteer, (&str, load::LineError)>> = Lazy::new(|| {
            let mut g = Gazetteer::new();
            for (name, text) in BUNDLED {
                g.merge(load::parse_lines(text.as_bytes()).map_err(|e| (name, e))?);
            }
            Ok(g)
        });
        PARSED.clone().map_err(|(name, e)| e.into_error(name))
    }

    /// Parses a gazetteer TSV held in memory. `source_name` is used in
    /// error messages.
    ///
    /// # Errors
    /// A malformed line gives [`crate::Error::Gazetteer`] with the source
    /// name, the line number and what is wrong.
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(text: &str, source_name: &str) -> Result<Gazetteer> {
        load::parse(text.as_bytes(), source_name)
    }

    /// Reads a gazetteer TSV from a reader. `source_name` is used in error
    /// messages.
    ///
    /// # Errors
    /// I/O errors and malformed lines (see [`Gazetteer::from_str`]).
    pub fn from_reader<R: std::io::Read>(mut reader: R, source_name: &str) -> Result<Gazetteer> {
        let mut buf = Vec::new();
        reader.read_to_end(&mut buf).map_err(|source| crate::Error::Io {
            path: source_name.to_string(),
            source,
        })?;
        load::parse(&buf, source_name)
    }

    /// Reads a gazetteer TSV file.
    ///
    /// # Errors
    /// I/O errors and malformed lines (see [`Gazetteer::from_str`]).
    pub fn from_path(path: impl AsRef<Path>) -> Result<Gazetteer> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| crate::Error::Io {
            path: name.clone(),
            source,
        })?;
        load::parse(&bytes, &name)
    }

    /// Adds an entry; an entry with the same id is replaced in place.
    pub fn insert(&mut self, entry: Entry) {
        match self.by_id.get(&entry.id) {
            Some(&i) => self.entries[i] = entry,
            None => {
                self.by_id.insert(entry.id.clone(), self.entries.len());
                self.entries.push(entry);
            }
        }
    }

    /// Layers `other` over `self`: its entries replace those with the same
    /// id (keeping their position), and new ones are appended in order.
    pub fn merge(&mut self, other: Gazetteer) {
        for e in other.entries {
            self.insert(e);
        }
    }

    /// The index of the entry with this id in [`Gazetteer::entries`].
    pub(crate) fn index_of(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).map(|&i| i as u32)
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// All entries, in order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the gazetteer is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl FromIterator<Entry> for Gazetteer {
    fn from_iter<I: IntoIterator<Item = Entry>>(iter: I) -> Gazetteer {
        let mut g = Gazetteer::new();
        for e in iter {
            g.insert(e);
        }
        g
    }
}
