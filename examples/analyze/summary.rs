//! The corpus summary: the most-mentioned entities of each kind and the
//! most-invoked historical analogies, counted over all documents.

use crate::model::{OutDoc, OutSide};
use precedent::{EntityKind, Stance};
use std::collections::HashMap;

/// A counted entity or analogy target.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Canonical name (or the text, for a side without one).
    pub label: String,
    /// Gazetteer id, if any.
    pub id: Option<String>,
    /// Mentions (or analogies) counted.
    pub count: usize,
    /// Documents it appears in.
    pub docs: usize,
    /// The last document counted, so that `docs` counts each once.
    last_doc: usize,
    /// Analogies only: count per stance, in [`STANCES`] order.
    pub stances: [usize; 5],
}

/// Stances in a fixed order.
pub const STANCES: [Stance; 5] = [
    Stance::Warning,
    Stance::Endorsement,
    Stance::Lesson,
    Stance::Rejection,
    Stance::Neutral,
];

/// How many skipped or failed inputs the summary keeps.
pub const MAX_PROBLEMS: usize = 1000;

/// Counts over the corpus.
#[derive(Debug, Default)]
pub struct Summary {
    /// Documents counted.
    pub docs: usize,
    /// Mentions counted.
    pub mentions: usize,
    /// Analogies counted.
    pub analogies: usize,
    /// The tally line of the run (`3 documents read, 1 skipped, 0 failed`).
    pub note: String,
    /// Inputs skipped or failed, as reported on stderr (the first
    /// [`MAX_PROBLEMS`]).
    pub problems: Vec<String>,
    kinds: HashMap<EntityKind, HashMap<String, Entry>>,
    targets: HashMap<String, Entry>,
}

impl Summary {
    /// Counts one document.
    pub fn add(&mut self, doc: &OutDoc<'_>) {
        self.docs += 1;
        let n = self.docs;
        for m in &doc.mentions {
            self.mentions += 1;
            let key = m.id.map_or_else(|| format!("~{}", m.canonical), str::to_string);
            let entry = self
                .kinds
                .entry(m.kind)
                .or_default()
                .entry(key)
                .or_insert_with(|| Entry::new(m.canonical, m.id));
            entry.count(n);
        }
        for a in &doc.analogies {
            self.analogies += 1;
            let (key, label) = target_key(&a.target);
            let entry = self
                .targets
                .entry(key)
                .or_insert_with(|| Entry::new(&label, a.target.id));
            entry.count(n);
            if let Some(i) = STANCES.iter().position(|s| *s == a.stance) {
                entry.stances[i] += 1;
            }
        }
    }

    /// Keeps a skipped or failed input's message.
    pub fn problem(&mut self, message: String) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(message);
        }
    }

    /// Mentions of `kind`, most frequent first (ties: more documents, then
    /// by name), at most `n`.
    pub fn top(&self, kind: EntityKind, n: usize) -> Vec<&Entry> {
        self.kinds.get(&kind).map_or_else(Vec::new, |m| ranked(m, n))
    }

    /// Number of distinct entities of `kind`.
    pub fn distinct(&self, kind: EntityKind) -> usize {
        self.kinds.get(&kind).map_or(0, HashMap::len)
    }

    /// Mentions of `kind`.
    pub fn mentions_of(&self, kind: EntityKind) -> usize {
        self.kinds
            .get(&kind)
            .map_or(0, |m| m.values().map(|e| e.count).sum())
    }

    /// Historical analogy targets, most invoked first, at most `n`.
    pub fn top_targets(&self, n: usize) -> Vec<&Entry> {
        ranked(&self.targets, n)
    }
}

impl Entry {
    fn new(label: &str, id: Option<&str>) -> Entry {
        Entry {
            label: label.to_string(),
            id: id.map(str::to_string),
            count: 0,
            docs: 0,
            last_doc: 0,
            stances: [0; 5],
        }
    }

    fn count(&mut self, doc: usize) {
        self.count += 1;
        if self.last_doc != doc {
            self.last_doc = doc;
            self.docs += 1;
        }
    }

    /// The stances used, most frequent first: `warning 3, rejection 1`.
    pub fn stances_text(&self) -> String {
        let mut used: Vec<(usize, Stance)> = STANCES
            .iter()
            .zip(self.stances)
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| (n, *s))
            .collect();
        used.sort_by_key(|u| std::cmp::Reverse(u.0));
        used.iter()
            .map(|(n, s)| format!("{} {n}", s.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A side is counted by id, else by canonical name, else by its text
/// ("1938").
fn target_key(side: &OutSide<'_>) -> (String, String) {
    let label = side
        .canonical
        .map_or_else(|| side.plain.unwrap_or(side.text).to_string(), str::to_string);
    let key = side.id.map_or_else(|| format!("~{label}"), str::to_string);
    (key, label)
}

fn ranked(map: &HashMap<String, Entry>, n: usize) -> Vec<&Entry> {
    let mut v: Vec<&Entry> = map.values().collect();
    v.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.docs.cmp(&a.docs))
            .then_with(|| a.label.cmp(&b.label))
            .then_with(|| a.id.cmp(&b.id))
    });
    v.truncate(n);
    v
}
