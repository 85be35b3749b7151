//! Pipeline benchmarks on a reproducible news-like corpus.
//!
//! The corpus is generated here, deterministically: sentences built from a
//! fixed vocabulary of English, French and German function words and common
//! nouns, with a canonical name from the bundled gazetteer about every 200
//! bytes. Before timing, each benchmark checks its own answer: the
//! extractor must find exactly the names that were inserted.
//!
//! Baseline in the same run: a bare `aho-corasick` leftmost-longest scan
//! (contiguous NFA) of pre-normalised text over the same normalised aliases,
//! with a whole-word filter.
//!
//! `cargo bench --bench pipeline`

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use precedent::{Extractor, Gazetteer, Normalizer};
use std::hint::black_box;

// No role words ("minister", "spokesman") among them: followed by a random
// capitalised noun (`Gespräche`) they would make a name no real text holds.
const FILLER: &[&str] = &[
    "the",
    "government",
    "said",
    "on",
    "that",
    "statement",
    "talks",
    "were",
    "held",
    "after",
    "weeks",
    "of",
    "pressure",
    "and",
    "a",
    "office",
    "added",
    "new",
    "sanctions",
    "could",
    "follow",
    "le",
    "gouvernement",
    "a",
    "déclaré",
    "que",
    "les",
    "négociations",
    "reprendront",
    "die",
    "Regierung",
    "erklärte",
    "dass",
    "Gespräche",
    "über",
    "den",
    "Zukunft",
    "weitergehen",
    "officials",
    "warned",
    "economy",
    "budget",
    "week",
    "press",
    "conference",
    "vote",
    "report",
];

/// A small deterministic generator (64-bit LCG), so the corpus is the same
/// on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

/// Names that, alone, give exactly one mention covering the whole name.
fn names(ex: &Extractor) -> Vec<String> {
    ex.gazetteer()
        .entries()
        .iter()
        .map(|e| e.canonical.clone())
        .filter(|n| {
            let d = ex.extract(n);
            d.mentions.len() == 1 && d.mentions[0].text == *n
        })
        .collect()
}

/// `docs` documents of about `doc_bytes` bytes, and the byte spans of the
/// names inserted into each.
fn corpus(names: &[String], docs: usize, doc_bytes: usize) -> (Vec<String>, Vec<Vec<(usize, usize)>>) {
    let mut rng = Lcg(42);
    let mut spans = Vec::with_capacity(docs);
    let out = (0..docs)
        .map(|_| {
            let mut doc = String::with_capacity(doc_bytes + 64);
            let mut inserted = Vec::new();
            let mut since_name = 0;
            while doc.len() < doc_bytes {
                if since_name > 180 + rng.next() % 40 {
                    // A comma before the name keeps a filler word from
                    // forming a longer alias with it ("new" + "People…").
                    if doc.ends_with(' ') && !doc.ends_with(". ") {
                        doc.pop();
                        doc.push_str(", ");
                    }
                    let start = doc.len();
                    doc.push_str(&names[rng.next() % names.len()]);
                    inserted.push((start, doc.len()));
                    // And a comma after it keeps a capitalised filler word
                    // (`Zukunft`) from extending a name found by pattern.
                    doc.push(',');
                    since_name = 0;
                } else {
                    let w = FILLER[rng.next() % FILLER.len()];
                    doc.push_str(w);
                    since_name += w.len() + 1;
                }
                doc.push_str(if rng.next() % 12 == 0 { ". " } else { " " });
            }
            spans.push(inserted);
            doc
        })
        .collect();
    (out, spans)
}

fn bench(c: &mut Criterion) {
    let ex = Extractor::new().expect("default extractor");
    println!(
        "default extractor: {} entries, {} distinct aliases, matcher {:.1} MiB, process resident {}",
        ex.gazetteer().len(),
        ex.aliases_len(),
        ex.matcher_memory() as f64 / f64::from(1 << 20),
        resident()
    );
    let names = names(&ex);
    let (docs, spans) = corpus(&names, 800, 5_000);
    let inserted: usize = spans.iter().map(Vec::len).sum();
    let bytes: usize = docs.iter().map(String::len).sum();
    for (doc, want) in docs.iter().zip(&spans) {
        let found = ex.extract(doc);
        let got: Vec<(usize, usize)> = found.mentions.iter().map(|m| (m.start, m.end)).collect();
        if &got != want {
            for m in found
                .mentions
                .iter()
                .filter(|m| !want.contains(&(m.start, m.end)))
            {
                eprintln!(
                    "extra: {:?} {:?} {:?} {:?}",
                    m.text, m.id, m.canonical, m.evidence
                );
            }
            // Each false alarm with its context, to see which rule made it.
            let extra: Vec<&str> = got
                .iter()
                .filter(|s| !want.contains(s))
                .map(|&(a, b)| {
                    let from = (0..=a.saturating_sub(60))
                        .rev()
                        .find(|&i| doc.is_char_boundary(i))
                        .unwrap_or(0);
                    let to = (b.min(doc.len())..=doc.len())
                        .find(|&i| doc.is_char_boundary(i))
                        .unwrap_or(b);
                    let _ = &doc[a..b];
                    &doc[from..to]
                })
                .collect();
            let missed: Vec<&str> = want
                .iter()
                .filter(|s| !got.contains(s))
                .map(|&(a, b)| &doc[a..b])
                .collect();
            panic!("the extractor must find exactly the inserted names; extra {extra:?}, missed {missed:?}");
        }
    }
    assert_eq!(
        ex.extract(&FILLER.join(" ")).mentions.len(),
        0,
        "filler words must not match"
    );

    let normalizer = Normalizer::default();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("normalize", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| normalizer.normalize(black_box(d)).as_str().len())
                .sum::<usize>()
        })
    });
    // The same corpus with every non-ASCII byte dropped: the ASCII fast path.
    let ascii: Vec<String> = docs
        .iter()
        .map(|d| d.chars().filter(char::is_ascii).collect())
        .collect();
    g.bench_function("normalize_ascii_only", |b| {
        b.iter(|| {
            ascii
                .iter()
                .map(|d| normalizer.normalize(black_box(d)).as_str().len())
                .sum::<usize>()
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| ex.extract(black_box(d)).mentions.len())
                .sum::<usize>()
        })
    });
    g.bench_function("extract_batch", |b| {
        b.iter(|| ex.extract_batch(black_box(&docs)).len())
    });

    let baseline = Baseline::new(&ex.gazetteer().clone(), &normalizer);
    // The baseline gets the text already normalised, so it matches the same
    // aliases; its time excludes normalisation.
    let lowered: Vec<String> = docs.iter().map(|d| normalizer.normalize_str(d)).collect();
    // A bare leftmost-longest scan loses a name when a longer alias that
    // fails the whole-word filter starts at or before it; it must still see
    // nearly all of them for the comparison to be fair.
    let seen = baseline.count(&lowered);
    assert!(
        seen * 100 >= inserted * 95,
        "baseline sees {seen} of {inserted} names"
    );
    g.bench_function("baseline_aho_corasick_nfa_whole_word", |b| {
        b.iter(|| baseline.count(black_box(&lowered)))
    });
    g.finish();

    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("default_extractor", |b| {
        b.iter_batched(
            || (),
            |_| Extractor::new().expect("builds"),
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

/// A bare Aho-Corasick scan: every normalised alias, leftmost-longest,
/// whole words by a filter after the fact.
struct Baseline {
    ac: AhoCorasick,
}

impl Baseline {
    fn new(g: &Gazetteer, n: &Normalizer) -> Baseline {
        let mut aliases: Vec<String> = g
            .entries()
            .iter()
            .flat_map(|e| e.names().map(|(name, _)| n.normalize_str(name)))
            .collect();
        aliases.sort();
        aliases.dedup();
        let ac = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(&aliases)
            .expect("baseline builds");
        Baseline { ac }
    }

    fn count(&self, docs: &[String]) -> usize {
        docs.iter()
            .map(|d| {
                let b = d.as_bytes();
                self.ac
                    .find_iter(d)
                    .filter(|m| {
                        let before = m.start() == 0 || !b[m.start() - 1].is_ascii_alphanumeric();
                        let after = m.end() == b.len() || !b[m.end()].is_ascii_alphanumeric();
                        before && after
                    })
                    .count()
            })
            .sum()
    }
}

/// Resident memory of this process (Linux), for the build report.
fn resident() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .map(|l| l[6..].trim().to_string())
        })
        .unwrap_or_else(|| "n/a".into())
}

criterion_group!(benches, bench);
criterion_main!(benches);
