//! Pipeline benchmarks on a reproducible news-like corpus.
//!
//! The corpus is generated here, deterministically: sentences built from a
//! fixed vocabulary of English, French and German function words and common
//! nouns, with a canonical name from the bundled gazetteer about every 200
//! bytes. Before timing, each benchmark checks its own answer: the
//! extractor must find exactly the names that were inserted.
//!
//! Baselines in the same run, on the same pre-normalised text and the same
//! normalised aliases, each with a whole-word filter and each checked to
//! find what the others find: `aho-corasick` leftmost-longest as contiguous
//! NFA and as DFA, and `daachorse` (charwise, leftmost-longest). Also:
//! extraction without the analogy stage, the batch in pools of one and two
//! threads, and extraction against gazetteer size (1,000 and 10,000
//! entries, and all 48,727) and document size (1 KB to 1 MB).
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
    if let Some(dir) = std::env::var_os("PRECEDENT_BENCH_DUMP") {
        dump(
            std::path::Path::new(&dir),
            &docs,
            &normalized_aliases(ex.gazetteer(), &normalizer),
        );
    }
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
    let mentions_only = Extractor::builder()
        .analogies(false)
        .build()
        .expect("mentions-only extractor");
    g.bench_function("extract_mentions_only", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| mentions_only.extract(black_box(d)).mentions.len())
                .sum::<usize>()
        })
    });
    // The batch in pools of one and two threads: the ratio is the scaling.
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool");
        g.bench_function(format!("extract_batch_{threads}_threads"), |b| {
            b.iter(|| pool.install(|| ex.extract_batch(black_box(&docs)).len()))
        });
    }

    let aliases = normalized_aliases(ex.gazetteer(), &normalizer);
    let baseline = Baseline::with_kind(&aliases, AhoCorasickKind::ContiguousNFA);
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
    let dfa = Baseline::with_kind(&aliases, AhoCorasickKind::DFA);
    assert_eq!(
        dfa.count(&lowered),
        seen,
        "the DFA baseline finds what the NFA finds"
    );
    println!(
        "baseline DFA: {:.1} MiB",
        dfa.ac.memory_usage() as f64 / f64::from(1 << 20)
    );
    g.bench_function("baseline_aho_corasick_dfa_whole_word", |b| {
        b.iter(|| dfa.count(black_box(&lowered)))
    });
    drop(dfa);
    let daac = Daachorse::new(&aliases);
    assert_eq!(
        daac.count(&lowered),
        seen,
        "daachorse finds what aho-corasick finds"
    );
    g.bench_function("baseline_daachorse_whole_word", |b| {
        b.iter(|| daac.count(black_box(&lowered)))
    });
    g.finish();

    // Throughput against gazetteer size: the first 1,000 and 10,000
    // entries of the bundled gazetteer, and all of it. Fewer entries find
    // fewer of the inserted names, never more.
    let mut g = c.benchmark_group("gazetteer_size");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    let full: usize = docs.iter().map(|d| ex.extract(d).mentions.len()).sum();
    for n in [1_000, 10_000, ex.gazetteer().len()] {
        let mut subset = Gazetteer::new();
        for e in ex.gazetteer().entries().iter().take(n) {
            subset.insert(e.clone());
        }
        let small = Extractor::builder()
            .bundled(false)
            .gazetteer(subset)
            .build()
            .expect("subset extractor");
        let found: usize = docs.iter().map(|d| small.extract(d).mentions.len()).sum();
        assert!(
            found <= full,
            "{n} entries find {found} mentions, the full gazetteer {full}"
        );
        println!(
            "gazetteer of {n} entries: {} aliases, {found} mentions",
            small.aliases_len()
        );
        g.bench_function(format!("extract_{n}_entries"), |b| {
            b.iter(|| {
                docs.iter()
                    .map(|d| small.extract(black_box(d)).mentions.len())
                    .sum::<usize>()
            })
        });
    }
    // About a million aliases: the bundled gazetteer plus synthetic person
    // names made of pseudo-syllables that never occur in the corpus, so
    // the mentions found stay exactly those of the full gazetteer.
    let mut big = ex.gazetteer().clone();
    let synthetic = synthetic_people(MILLION_ALIASES.saturating_sub(ex.aliases_len()));
    let extra = Gazetteer::from_str(&synthetic, "synthetic").expect("synthetic gazetteer");
    big.merge(extra);
    let t = std::time::Instant::now();
    let large = Extractor::builder()
        .bundled(false)
        .gazetteer(big)
        .build()
        .expect("large extractor");
    let found: usize = docs.iter().map(|d| large.extract(d).mentions.len()).sum();
    assert_eq!(found, full, "synthetic names must not occur in the corpus");
    println!(
        "gazetteer of {} entries: {} aliases, {found} mentions, built in {:.1} s, matcher {:.0} MiB",
        large.gazetteer().len(),
        large.aliases_len(),
        t.elapsed().as_secs_f64(),
        large.matcher_memory() as f64 / (1 << 20) as f64
    );
    g.bench_function("extract_1m_aliases", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| large.extract(black_box(d)).mentions.len())
                .sum::<usize>()
        })
    });
    drop(large);
    g.finish();

    // Throughput against document size: the same text cut into documents
    // of 1 KB, 64 KB, 1 MB and 10 MB (the corpus repeated to reach it).
    let mut all = docs.join(" ");
    while all.len() < 10 << 20 {
        all = format!("{all} {all}");
    }
    let mut g = c.benchmark_group("doc_size");
    g.sample_size(10);
    for size in [1 << 10, 1 << 16, 1 << 20, 10 << 20] {
        let pieces = split_at_spaces(&all, size);
        let bytes: usize = pieces.iter().map(|p| p.len()).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(format!("extract_{}k", size >> 10), |b| {
            b.iter(|| {
                pieces
                    .iter()
                    .map(|d| ex.extract(black_box(d)).mentions.len())
                    .sum::<usize>()
            })
        });
    }
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

/// The size of the largest point of the gazetteer-size curve.
const MILLION_ALIASES: usize = 1_000_000;

/// A gazetteer file of `n` synthetic people, one alias each ("Kavrulo
/// Tezimbrak"): three pseudo-syllables per word, from letter pairs chosen so
/// that the words are no words of English, French or German text.
fn synthetic_people(n: usize) -> String {
    const ONSETS: &[&str] = &[
        "kav", "tez", "vul", "zor", "qim", "xar", "yul", "brak", "drom", "gruv",
    ];
    const NUCLEI: &[&str] = &["ru", "im", "ok", "az", "ev", "ul", "iq", "ox", "ej", "uy"];
    const CODAS: &[&str] = &[
        "lo", "brak", "zen", "trix", "vok", "mur", "dax", "quo", "sel", "fin",
    ];
    let word = |k: usize| {
        let w = format!(
            "{}{}{}",
            ONSETS[k % 10],
            NUCLEI[(k / 10) % 10],
            CODAS[(k / 100) % 10]
        );
        let mut c = w.chars();
        c.next()
            .map_or(w.clone(), |f| f.to_uppercase().chain(c).collect())
    };
    let mut out = String::from("id\tkind\tcanonical\taliases\n");
    for i in 0..n {
        // 1,000 first words × 1,000 last words cover a million names.
        out.push_str(&format!(
            "synthetic/{i}\tperson\t{} {}\t\n",
            word(i % 1000),
            word(i / 1000 % 1000 + 7)
        ));
    }
    out
}

/// Every alias of the gazetteer, normalised, sorted and deduplicated: the
/// baselines' patterns.
fn normalized_aliases(g: &Gazetteer, n: &Normalizer) -> Vec<String> {
    let mut aliases: Vec<String> = g
        .entries()
        .iter()
        .flat_map(|e| e.names().map(|(name, _)| n.normalize_str(name)))
        .collect();
    aliases.sort();
    aliases.dedup();
    aliases
}

/// Whether `[start, end)` of `b` is a whole word (ASCII boundaries: the
/// baselines' filter, as cheap as it gets).
fn whole_word(b: &[u8], start: usize, end: usize) -> bool {
    let before = start == 0 || !b[start - 1].is_ascii_alphanumeric();
    let after = end == b.len() || !b[end].is_ascii_alphanumeric();
    before && after
}

/// How many of the matches `find` gives in each document are whole words.
fn count_whole_words<'d, I>(docs: &'d [String], find: impl Fn(&'d str) -> I) -> usize
where
    I: Iterator<Item = (usize, usize)>,
{
    docs.iter()
        .map(|d| {
            let b = d.as_bytes();
            find(d).filter(|&(s, e)| whole_word(b, s, e)).count()
        })
        .sum()
}

/// A bare Aho-Corasick scan: every normalised alias, leftmost-longest,
/// whole words by a filter after the fact.
struct Baseline {
    ac: AhoCorasick,
}

impl Baseline {
    fn with_kind(aliases: &[String], kind: AhoCorasickKind) -> Baseline {
        let ac = AhoCorasick::builder()
            .kind(Some(kind))
            .match_kind(MatchKind::LeftmostLongest)
            .build(aliases)
            .expect("baseline builds");
        Baseline { ac }
    }

    fn count(&self, docs: &[String]) -> usize {
        count_whole_words(docs, |d| self.ac.find_iter(d).map(|m| (m.start(), m.end())))
    }
}

/// The same scan with `daachorse` (charwise double-array Aho-Corasick,
/// leftmost-longest), a peer the research notes measured faster than the
/// contiguous NFA on large dictionaries.
struct Daachorse {
    pma: daachorse::CharwiseDoubleArrayAhoCorasick<u32>,
}

impl Daachorse {
    fn new(aliases: &[String]) -> Daachorse {
        let pma = daachorse::CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(daachorse::MatchKind::LeftmostLongest)
            .build(aliases)
            .expect("daachorse builds");
        Daachorse { pma }
    }

    fn count(&self, docs: &[String]) -> usize {
        count_whole_words(docs, |d| {
            self.pma.leftmost_find_iter(d).map(|m| (m.start(), m.end()))
        })
    }
}

/// Writes the corpus (one document per line) and the normalised aliases
/// (one per line) for `benches/peers.py`, which runs the Python peers on
/// the same text and names.
fn dump(dir: &std::path::Path, docs: &[String], aliases: &[String]) {
    let write = |name: &str, lines: &[String]| {
        let path = dir.join(name);
        let mut body = lines.join("\n");
        body.push('\n');
        std::fs::write(&path, body).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    };
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    assert!(
        docs.iter().all(|d| !d.contains('\n')),
        "documents are single lines"
    );
    write("corpus.txt", docs);
    write("aliases.txt", aliases);
    println!(
        "wrote {} documents and {} aliases to {}",
        docs.len(),
        aliases.len(),
        dir.display()
    );
}

/// `text` cut into pieces of about `size` bytes, at spaces.
fn split_at_spaces(text: &str, size: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let cut = (size.min(rest.len())..rest.len())
            .find(|&i| rest.as_bytes()[i] == b' ')
            .unwrap_or(rest.len());
        out.push(&rest[..cut]);
        rest = rest[cut..].trim_start_matches(' ');
    }
    out
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
