//! Property tests: offsets on random Unicode, idempotent normalisation, the
//! automaton against a naive reference, batch against sequential.

use precedent::{Extractor, Gazetteer, Normalizer, NormalizerConfig};
use proptest::prelude::*;

/// Case count: the default, or `PRECEDENT_PROPTEST_CASES` for deep runs.
fn cases(default: u32) -> u32 {
    std::env::var("PRECEDENT_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

const ALIASES: &[(&str, &str)] = &[
    ("person", "Vladimir Putin|~Putin|Poutine@fr|Путин@ru"),
    ("place", "Élysée|palais de l'Élysée@fr"),
    ("place", "Łódź"),
    ("place", "Київ@uk|Kyiv|Kiew@de"),
    ("place", "Straße von Hormus@de"),
    ("place", "İstanbul"),
    ("person", "Volodymyr Zelenskyy|~Zelensky|Selenskyj@de"),
    ("place", "Côte d'Ivoire"),
    ("event", "9/11|September 11 attacks"),
    ("place", "U.S.|United States"),
    ("person", "马克龙@zh|Emmanuel Macron"),
    ("person", "Οδυσσεύς@el"),
    ("event", "Cuban Missile Crisis|crise des missiles de Cuba@fr"),
    ("place", "Cuba"),
];

fn gazetteer() -> Gazetteer {
    let mut tsv = String::from("id\tkind\tcanonical\taliases\n");
    for (i, (kind, names)) in ALIASES.iter().enumerate() {
        let (canonical, aliases) = names.split_once('|').unwrap_or((names, ""));
        let canonical = canonical.split('@').next().unwrap();
        tsv.push_str(&format!("e{i}\t{kind}\t{canonical}\t{aliases}\n"));
    }
    Gazetteer::from_str(&tsv, "props").unwrap()
}

fn surfaces() -> Vec<String> {
    ALIASES
        .iter()
        .flat_map(|(_, names)| names.split('|'))
        .map(|n| n.trim_start_matches('~').split('@').next().unwrap().to_string())
        .collect()
}

/// An alias as a writer might type it: case changed, accents decomposed,
/// spaces as NBSP, a soft hyphen inside, a curly apostrophe.
fn perturbed(alias: String, how: u8) -> String {
    use unicode_normalization::UnicodeNormalization;
    match how % 6 {
        0 => alias,
        1 => alias.to_uppercase(),
        2 => alias.nfd().collect(),
        3 => alias.replace(' ', "\u{00A0}"),
        4 => {
            let mut s = alias;
            if let Some((i, _)) = s.char_indices().nth(2) {
                s.insert(i, '\u{00AD}');
            }
            s
        }
        _ => alias.replace('\'', "’"),
    }
}

fn document() -> impl Strategy<Value = String> {
    let names = surfaces();
    let piece = prop_oneof![
        any::<String>(),
        "[ a-zA-Z'’\\-.,]{0,12}",
        (proptest::sample::select(names), any::<u8>()).prop_map(|(a, h)| perturbed(a, h)),
    ];
    let sep = proptest::sample::select(vec![
        "", " ", "\n\n", "’s ", "\u{00A0}", "\u{200B}", "d'", "-", " — ", "É ", " 1938",
    ]);
    proptest::collection::vec((piece, sep), 0..12)
        .prop_map(|parts| parts.into_iter().map(|(p, s)| p + s).collect())
}

fn config() -> impl Strategy<Value = NormalizerConfig> {
    proptest::collection::vec(any::<bool>(), 6).prop_map(|b| {
        NormalizerConfig::new()
            .remove_invisibles(b[0])
            .unify_punctuation(b[1])
            .nfkc(b[2])
            .case_fold(b[3])
            .fold_diacritics(b[4])
            .collapse_spaces(b[5])
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(400)))]

    #[test]
    fn spans_are_exact_on_random_unicode(text in document()) {
        let ex = Extractor::builder().bundled(false).gazetteer(gazetteer()).build().unwrap();
        let norm = Normalizer::default();
        let doc = ex.extract(&text);
        let mut last_end = 0;
        for m in &doc.mentions {
            prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            prop_assert!(m.start < m.end && m.start >= last_end, "spans overlap or are empty");
            last_end = m.end;
            prop_assert_eq!(&text[m.start..m.end], m.text.as_str());
            let (surface, alias) = (norm.normalize_str(&m.text), norm.normalize_str(&m.alias));
            if m.year.is_some() {
                // A year-anchored place: the place's alias plus the year.
                prop_assert!(surface.contains(alias.trim()), "{:?} lacks {:?}", surface, alias);
            } else {
                prop_assert_eq!(surface.trim(), alias.trim());
            }
        }
    }

    #[test]
    fn normalisation_is_idempotent(text in any::<String>(), cfg in config()) {
        let n = Normalizer::new(cfg);
        let once = n.normalize_str(&text);
        prop_assert_eq!(n.normalize_str(&once), once);
    }

    #[test]
    fn mapped_tokens_normalise_back_to_themselves(text in document(), cfg in config()) {
        let n = Normalizer::new(cfg);
        let norm = n.normalize(&text);
        let s = norm.as_str();
        let mut at = 0;
        for token in s.split(' ') {
            let (start, end) = (at, at + token.len());
            at = end + 1;
            if token.is_empty() {
                continue;
            }
            if let Some((a, b)) = norm.to_original(start, end) {
                prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
                // Trimmed: a character whose compatibility form starts with a
                // space (U+1FCD `῍` is space + marks) gives up that space to
                // the collapsed run before it, so alone it normalises with it.
                let again = n.normalize_str(&text[a..b]);
                prop_assert_eq!(again.trim_matches(' '), token);
            }
        }
    }

    #[test]
    fn matcher_agrees_with_naive_reference(
        aliases in proptest::collection::vec("[abc]{1,3}( [abc]{1,3})?", 1..8),
        text in "[abc .]{0,40}",
    ) {
        // Runs of spaces are one space to the matcher; the reference does not
        // know that, so it gets single spaces only.
        let text = text.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
        let mut tsv = String::from("id\tkind\tcanonical\n");
        for (i, a) in aliases.iter().enumerate() {
            tsv.push_str(&format!("e{i}\tplace\t{a}\n"));
        }
        let g = Gazetteer::from_str(&tsv, "naive").unwrap();
        let ex = Extractor::builder().bundled(false).gazetteer(g).build().unwrap();
        let got: Vec<(usize, usize)> = ex.extract(&text).mentions.iter().map(|m| (m.start, m.end)).collect();
        prop_assert_eq!(got, naive(&aliases, &text));
    }
}

/// Whole-word, leftmost-longest matching by brute force over ASCII text.
fn naive(aliases: &[String], text: &str) -> Vec<(usize, usize)> {
    let word = |b: u8| b.is_ascii_alphanumeric();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut p = 0;
    while p < bytes.len() {
        let starts_word = word(bytes[p]) && (p == 0 || !word(bytes[p - 1]));
        let best = aliases
            .iter()
            .filter(|a| starts_word && text[p..].starts_with(a.as_str()))
            .map(|a| p + a.len())
            .filter(|&e| e == bytes.len() || !word(bytes[e]))
            .max();
        match best {
            Some(e) => {
                out.push((p, e));
                p = e;
            }
            None => p += 1,
        }
    }
    out
}

#[cfg(feature = "parallel")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(24)))]

    #[test]
    fn batch_equals_sequential_at_any_thread_count(docs in proptest::collection::vec(document(), 0..40)) {
        let ex = Extractor::builder().bundled(false).gazetteer(gazetteer()).build().unwrap();
        let sequential: Vec<_> = docs.iter().map(|d| ex.extract(d)).collect();
        for threads in [1, 2, 4] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let batch = pool.install(|| ex.extract_batch(&docs));
            prop_assert_eq!(&batch, &sequential);
            let stream: Vec<_> = pool.install(|| ex.extract_stream(docs.iter()).collect());
            prop_assert_eq!(&stream, &sequential);
        }
    }
}

/// Fragments of analogy-like text, with non-ASCII noise between them.
const ANALOGY_BITS: &[&str] = &[
    "Alaska 2025",
    "must not become",
    "Munich 1938",
    ", nor",
    "Yalta 1945",
    "another",
    "Munich",
    "the new",
    "Hitler",
    "ne doit pas devenir",
    "l’",
    "Munich en 1938",
    "wie 1938",
    "comme en 1938",
    "moment",
    "Sputnik",
    "this is not",
    "Do you remember the Cuban Missile Crisis?",
    "Why did you not follow this example?",
    "der Vergleich hinkt",
    "?",
    ".",
    "\n",
    "é",
    "🙂",
    "ß",
    "\u{301}",
    "\u{ad}",
    "Ǆ",
    "İ",
];

fn analogy_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        (
            proptest::sample::select(ANALOGY_BITS),
            proptest::sample::select(&[" ", "", "  ", "\u{a0}", "-"][..]),
        ),
        0..24,
    )
    .prop_map(|parts| parts.into_iter().map(|(a, b)| format!("{a}{b}")).collect())
}

fn bundled() -> &'static Extractor {
    static EX: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(|| Extractor::new().unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(200)))]

    /// Every span of an analogy lies on char boundaries and its text is
    /// the original text there; confidences are in [0, 1].
    #[test]
    fn analogy_spans_are_exact(text in analogy_text()) {
        let doc = bundled().extract(&text);
        for a in &doc.analogies {
            let mut sides = vec![(a.target.start, a.target.end, a.target.text.as_str())];
            sides.extend(a.source.iter().map(|s| (s.start, s.end, s.text.as_str())));
            sides.extend(a.cue.iter().map(|c| (c.start, c.end, c.text.as_str())));
            for (s, e, t) in sides {
                prop_assert!(s < e && text.is_char_boundary(s) && text.is_char_boundary(e));
                prop_assert_eq!(&text[s..e], t);
            }
            for s in &a.sentences {
                prop_assert!(s.start <= s.end && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
            prop_assert!((0.0..=1.0).contains(&a.confidence));
        }
    }
}

/// Regression (stop 13): a name with an abbreviation's period inside it
/// ("Sony Corp. of America v. Universal City Studios") was cut by the
/// sentence splitter and the analogy stage sliced past its sentence and
/// panicked. Every canonical name of the bundled gazetteer, inside a cue
/// frame, now goes through the whole pipeline; none may panic, and every
/// span stays on char boundaries of the input.
#[test]
fn every_bundled_name_in_a_frame_extracts_without_panic() {
    let ex = bundled();
    for e in ex.gazetteer().entries() {
        let text = format!(
            "Critics call it another {}. It isn't, and 1938 was different.",
            e.canonical
        );
        let doc = ex.extract(&text);
        for m in &doc.mentions {
            assert!(
                text.get(m.start..m.end).is_some(),
                "{text}: {}..{}",
                m.start,
                m.end
            );
        }
        for a in &doc.analogies {
            assert!(text.get(a.target.start..a.target.end).is_some(), "{text}");
        }
    }
}
