//! Analogy detection against two tables written by the precedent authors:
//!
//! - `tests/data/analogies.toml`: short cases per cue family, language,
//!   stance and polarity, a third of them hard negatives;
//! - `tests/data/analogy-eval.toml`: 48 realistic paragraphs (a third
//!   without any analogy) for precision and recall at a realistic density;
//! - `tests/data/analogy-heldout.toml`: 36 more paragraphs by another
//!   author, written without reading the cue lists or the detector;
//! - `tests/data/analogy-heldout2.toml`: 30 paragraphs by a third author;
//! - `tests/data/analogy-heldout3.toml`: 30 paragraphs by a fourth author,
//!   unseen in stop 12, tuned on since stop 13;
//! - `tests/data/analogy-heldout4.toml`: 30 paragraphs by a fifth author,
//!   kept unseen (measured, not tuned on).
//!
//! A predicted analogy matches a gold one when their historical sides
//! overlap. Reported: detection precision and recall, and among the matched
//! ones the accuracy of the target id, stance, polarity and source. Each
//! figure has a floor; `PRECEDENT_ANALOGY_DETAILS=1` lists every miss and
//! false alarm. `cargo test --release --test analogies -- --nocapture`
//! prints the tables the README quotes.

use precedent::{Analogy, Document, Extractor};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Item>,
}

#[derive(Deserialize)]
struct Docs {
    doc: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    name: String,
    lang: String,
    #[serde(default)]
    family: String,
    text: String,
    #[serde(default)]
    date: Option<toml::Value>,
    analogies: Vec<Gold>,
}

#[derive(Deserialize, Clone)]
struct Gold {
    target: String,
    #[serde(default)]
    target_id: Option<String>,
    #[serde(default)]
    source: Option<String>,
    stance: String,
    polarity: String,
}

#[derive(Default)]
struct Score {
    gold: usize,
    predicted: usize,
    matched: usize,
    id_total: usize,
    id_ok: usize,
    stance_ok: usize,
    polarity_ok: usize,
    source_total: usize,
    source_ok: usize,
    /// Misses by what stood at the target: a mention, a year or decade
    /// only, nothing the extractor knows (a gazetteer gap).
    missed_named: usize,
    missed_period: usize,
    missed_unknown: usize,
    /// Misses at a mention by the mention's kind, and how many of them lay
    /// in a document where no analogy was found at all.
    missed_by_kind: BTreeMap<String, usize>,
    missed_in_silent_doc: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    fn add(&mut self, o: &Score) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.matched += o.matched;
        self.id_total += o.id_total;
        self.id_ok += o.id_ok;
        self.stance_ok += o.stance_ok;
        self.polarity_ok += o.polarity_ok;
        self.source_total += o.source_total;
        self.source_ok += o.source_ok;
        self.missed_named += o.missed_named;
        self.missed_period += o.missed_period;
        self.missed_unknown += o.missed_unknown;
        for (kind, n) in &o.missed_by_kind {
            *self.missed_by_kind.entry(kind.clone()).or_default() += n;
        }
        self.missed_in_silent_doc += o.missed_in_silent_doc;
    }
    fn row(&self, name: &str) -> String {
        format!(
            "{name:<16} {:>5} {:>5} {:>9.3} {:>7.3} {:>7.3} {:>7.3} {:>7.3} {:>7.3}",
            self.gold,
            self.predicted,
            self.precision(),
            self.recall(),
            ratio(self.id_ok, self.id_total),
            ratio(self.stance_ok, self.matched),
            ratio(self.polarity_ok, self.matched),
            ratio(self.source_ok, self.source_total),
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn year_of(date: &Option<toml::Value>) -> Option<i32> {
    match date {
        Some(toml::Value::Integer(y)) => i32::try_from(*y).ok(),
        Some(toml::Value::String(s)) => s.get(..4)?.parse().ok(),
        Some(toml::Value::Datetime(d)) => d.date.map(|d| i32::from(d.year)),
        _ => None,
    }
}

/// Scores one item; returns its score and detail lines.
fn score(item: &Item, doc: &Document) -> (Score, Vec<String>) {
    let mut s = Score {
        gold: item.analogies.len(),
        predicted: doc.analogies.len(),
        ..Score::default()
    };
    let mut details = Vec::new();
    // Gold analogies are listed in text order; a target written again in
    // the next gold item is its next occurrence (it used to be located at
    // the same one, so the second of two "Staline" never matched).
    let mut at = 0;
    let mut previous: Option<(&str, usize)> = None;
    let mut taken = vec![false; doc.analogies.len()];
    for g in &item.analogies {
        let from = match previous {
            Some((text, end)) if text == g.target => end,
            _ => at,
        };
        let start = item.text[from..]
            .find(&g.target)
            .map(|i| from + i)
            .unwrap_or_else(|| panic!("{}: target `{}` not in text", item.name, g.target));
        let end = start + g.target.len();
        at = start;
        previous = Some((g.target.as_str(), end));
        let found = doc
            .analogies
            .iter()
            .enumerate()
            .find(|(k, a)| !taken[*k] && a.target.start < end && start < a.target.end);
        let Some((k, a)) = found else {
            if let Some(m) = doc.mentions.iter().find(|m| m.start < end && start < m.end) {
                s.missed_named += 1;
                *s.missed_by_kind.entry(m.kind.to_string()).or_default() += 1;
                s.missed_in_silent_doc += usize::from(doc.analogies.is_empty());
            } else if g.target.contains(|c: char| c.is_ascii_digit()) {
                s.missed_period += 1;
            } else {
                s.missed_unknown += 1;
            }
            details.push(format!("{}: missed `{}` ({})", item.name, g.target, g.stance));
            continue;
        };
        taken[k] = true;
        s.matched += 1;
        check(item, g, a, &mut s, &mut details);
    }
    for (k, a) in doc.analogies.iter().enumerate() {
        if !taken[k] {
            details.push(format!(
                "{}: false alarm `{}` [{} {:?}]",
                item.name,
                a.target.text,
                a.family.as_str(),
                a.cue.as_ref().map(|c| c.text.as_str())
            ));
        }
    }
    (s, details)
}

fn check(item: &Item, g: &Gold, a: &Analogy, s: &mut Score, details: &mut Vec<String>) {
    if let Some(id) = &g.target_id {
        s.id_total += 1;
        if a.target.id.as_deref() == Some(id) {
            s.id_ok += 1;
        } else {
            details.push(format!(
                "{}: `{}` id {:?}, want {id}",
                item.name, g.target, a.target.id
            ));
        }
    }
    if a.stance.as_str() == g.stance {
        s.stance_ok += 1;
    } else {
        details.push(format!(
            "{}: `{}` stance {}, want {}",
            item.name,
            g.target,
            a.stance.as_str(),
            g.stance
        ));
    }
    let polarity = format!("{:?}", a.polarity).to_lowercase();
    if polarity == g.polarity {
        s.polarity_ok += 1;
    } else {
        details.push(format!(
            "{}: `{}` polarity {polarity}, want {}",
            item.name, g.target, g.polarity
        ));
    }
    if let Some(src) = &g.source {
        s.source_total += 1;
        let got = a.source.as_ref().map(|x| x.text.as_str());
        if got.is_some_and(|t| t == src || src.contains(t) || t.contains(src.as_str())) {
            s.source_ok += 1;
        } else {
            details.push(format!(
                "{}: `{}` source {got:?}, want {src}",
                item.name, g.target
            ));
        }
    }
}

fn run(items: &[Item], ex: &Extractor, title: &str, by_family: bool) -> Score {
    let show = std::env::var_os("PRECEDENT_ANALOGY_DETAILS").is_some();
    let mut groups: BTreeMap<String, Score> = BTreeMap::new();
    let mut total = Score::default();
    let mut negatives = (0usize, 0usize);
    for item in items {
        let doc = ex.extract_dated(&item.text, year_of(&item.date));
        let (s, details) = score(item, &doc);
        if item.analogies.is_empty() {
            negatives.0 += 1;
            negatives.1 += usize::from(doc.analogies.is_empty());
        }
        let key = if by_family {
            item.family.clone()
        } else {
            item.lang.clone()
        };
        groups.entry(key).or_default().add(&s);
        if by_family {
            groups.entry(item.lang.clone()).or_default().add(&s);
        }
        total.add(&s);
        if show {
            details.iter().for_each(|d| println!("{d}"));
        }
    }
    println!("\n{title}");
    println!("group             gold found precision  recall  target  stance  polar.  source");
    for (k, s) in &groups {
        println!("{}", s.row(k));
    }
    println!("{}", total.row("all"));
    println!(
        "negatives with no false alarm: {} of {}",
        negatives.1, negatives.0
    );
    println!(
        "misses at a mention: {}, at a bare year or decade: {}, at no known name: {}",
        total.missed_named, total.missed_period, total.missed_unknown
    );
    println!(
        "misses at a mention by kind: {:?}; in documents with no analogy found: {}",
        total.missed_by_kind, total.missed_in_silent_doc
    );
    total
}

fn extractor() -> Extractor {
    Extractor::new().expect("bundled extractor")
}

#[test]
fn analogy_cases() {
    let cases: Cases = toml::from_str(include_str!("data/analogies.toml")).expect("analogies.toml");
    let mut names = std::collections::HashSet::new();
    for c in &cases.case {
        assert!(names.insert(c.name.as_str()), "case name `{}` used twice", c.name);
    }
    let total = run(
        &cases.case,
        &extractor(),
        "tests/data/analogies.toml (per family and language)",
        true,
    );
    floors(&total, "analogies.toml", [0.96, 0.92, 0.94, 0.91, 0.96]);
}

/// Bare years, dated months and decades as historical sides, written by a
/// helper who did not read the cue lists (stop 12): 61 analogies in 60
/// cases and 30 hard negatives (years that date, narrate or count). Tuned
/// on since its first measurement (P 0.950 R 0.623).
#[test]
fn analogy_years() {
    let cases: Cases = toml::from_str(include_str!("data/analogy-years.toml")).expect("analogy-years.toml");
    let total = run(
        &cases.case,
        &extractor(),
        "tests/data/analogy-years.toml (per family and language)",
        true,
    );
    floors(&total, "analogy-years.toml", [0.93, 0.90, 0.95, 0.50, 0.90]);
}

#[test]
fn analogy_eval() {
    paragraphs(
        include_str!("data/analogy-eval.toml"),
        "analogy-eval.toml",
        [0.90, 0.76, 0.79, 0.67, 0.92],
    );
}

/// A second set of paragraphs, written by another author without reading
/// the cue lists or the detector, to measure generalisation. Tuned on since
/// (stop 11), so no longer unseen; its floors sit below the first run's
/// figures plus what the tuning on it recovered.
#[test]
fn analogy_heldout() {
    paragraphs(
        include_str!("data/analogy-heldout.toml"),
        "analogy-heldout.toml",
        [0.93, 0.60, 0.85, 0.70, 0.86],
    );
}

/// A third set by yet another author, kept unseen in stop 11; in stop 12
/// debugging output showed parts of it and a few cues came from its
/// misses, so `analogy-heldout3.toml` took over as the unseen set.
#[test]
fn analogy_heldout2() {
    paragraphs(
        include_str!("data/analogy-heldout2.toml"),
        "analogy-heldout2.toml",
        [0.85, 0.52, 0.85, 0.55, 0.76],
    );
}

/// A fourth set by a fourth author, written at the start of stop 12 and
/// kept unseen there (first measurement: P 0.952, R 0.345; 0.885 / 0.397 at
/// the end of stop 12). Tuned on from stop 13, when
/// `analogy-heldout4.toml` took over as the unseen set.
#[test]
fn analogy_heldout3() {
    paragraphs(
        include_str!("data/analogy-heldout3.toml"),
        "analogy-heldout3.toml",
        [0.92, 0.74, 0.95, 0.62, 0.88],
    );
}

/// A fifth set by a fifth author, written at the start of stop 13 and
/// kept unseen: measured, never tuned on, and its misses never printed
/// while tuning (first measurement: P 0.950, R 0.322). Its floors sit a
/// little below the figures at the end of stop 13.
#[test]
fn analogy_heldout4() {
    paragraphs(
        include_str!("data/analogy-heldout4.toml"),
        "analogy-heldout4.toml",
        [0.90, 0.33, 0.85, 0.40, 0.50],
    );
}

/// Scores a table of paragraphs (`tests/data/<name>`), printed per
/// language, against its floors.
fn paragraphs(source: &str, name: &str, floor: [f64; 5]) {
    let docs: Docs = toml::from_str(source).unwrap_or_else(|e| panic!("{name}: {e}"));
    let title = format!("tests/data/{name} (per language)");
    let total = run(&docs.doc, &extractor(), &title, false);
    floors(&total, name, floor);
}

/// Fails when precision, recall, target-id, stance or polarity accuracy
/// drops below its floor.
fn floors(s: &Score, name: &str, [p, r, id, stance, polarity]: [f64; 5]) {
    let got = [
        s.precision(),
        s.recall(),
        ratio(s.id_ok, s.id_total),
        ratio(s.stance_ok, s.matched),
        ratio(s.polarity_ok, s.matched),
    ];
    let names = ["precision", "recall", "target id", "stance", "polarity"];
    for ((g, want), n) in got.iter().zip([p, r, id, stance, polarity]).zip(names) {
        assert!(*g >= want, "{name}: {n} {g:.3} below its floor {want}");
    }
}

/// Regression: a cue pointing back to an earlier sentence lists both
/// sentences, first to last, instead of one span over both.
#[test]
fn back_pointing_analogy_lists_its_sentences() {
    let text = "Do you remember the Cuban Missile Crisis? Why did you not follow this example?";
    let doc = extractor().extract(text);
    let a = doc
        .analogies
        .iter()
        .find(|a| a.target.text == "Cuban Missile Crisis")
        .expect("analogy");
    let spans: Vec<&str> = a.sentences.iter().map(|s| &text[s.start..s.end]).collect();
    assert_eq!(
        spans,
        [
            "Do you remember the Cuban Missile Crisis? ",
            "Why did you not follow this example?"
        ]
    );
}
