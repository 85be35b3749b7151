//! Cue lexicons: the data that says which words link a present situation
//! to a historical one. One TSV file per language under `gazetteers/cues/`
//! (format in `gazetteers/cues/en.tsv`); adding a language is adding a file.
//!
//! Each pattern compiles to anchored regexes: a *prefix* that must end
//! right before the historical side (determiners may stand between), a
//! *suffix* that must start right after it, or, for a pattern ending in
//! `{<}`, a free-standing cue that points back to an earlier historical
//! side.

use super::{CueFamily, Stance};
use crate::error::{Error, GazetteerErrorKind, Result};
use once_cell::sync::OnceCell;
use regex::{Regex, RegexSet};
use std::sync::Arc;

/// The bundled cue files: (source name, language, contents).
const BUNDLED: &[(&str, &str, &str)] = &[
    (
        "gazetteers/cues/en.tsv",
        "en",
        include_str!("../../gazetteers/cues/en.tsv"),
    ),
    (
        "gazetteers/cues/fr.tsv",
        "fr",
        include_str!("../../gazetteers/cues/fr.tsv"),
    ),
    (
        "gazetteers/cues/de.tsv",
        "de",
        include_str!("../../gazetteers/cues/de.tsv"),
    ),
];

/// Words that may stand between a cue and the historical side ("another
/// *the*…", "rappelle *l'*…", "erinnert an *den*…"), possessives included
/// ("becoming *Britain's* Suez", "*our* Suez moment", "*notre* Munich").
const DETERMINERS: &str = "the|a|an|le|la|les|l|un|une|des|du|d|der|die|das|den|dem|des|ein|eine|einen|einem|einer|this|that|\
our|their|his|her|its|my|your|notre|nos|leur|leurs|son|sa|ses|mon|ma|unser|unsere|unseren|unserem|ihr|ihre|ihren|sein|seine|seinen";

/// A cue starts and ends at a word boundary.
const BOUNDARY_BEFORE: &str = r"(?:^|[^\p{L}\p{N}])";
const BOUNDARY_AFTER: &str = r"(?:$|[^\p{L}\p{N}])";

/// Where a cue stands relative to the historical side.
#[derive(Debug)]
pub(crate) enum Shape {
    /// Around a slot: a prefix before it, a suffix after it, or both.
    Slot {
        prefix: Option<LazyRegex>,
        suffix: Option<LazyRegex>,
    },
    /// Free-standing, pointing back ("follow this example", "der Vergleich
    /// hinkt").
    Back,
}

/// A cue's own regex, compiled on its first use. The sets find which cues
/// match; only those need their own regex for the captures, and most cues
/// never match a given corpus. Compiling all of them up front doubled the
/// build time and held ~25 MB (stop 13). The source is checked by the
/// parser when the lexicon is read, so a bad pattern still names its line.
#[derive(Debug)]
pub(crate) struct LazyRegex {
    source: String,
    compiled: std::sync::OnceLock<Option<Regex>>,
}

impl LazyRegex {
    /// A regex of `source`, if it parses.
    fn new(source: String) -> Option<LazyRegex> {
        regex_syntax::Parser::new().parse(&source).ok()?;
        Some(LazyRegex {
            source,
            compiled: std::sync::OnceLock::new(),
        })
    }

    /// The compiled regex; `None` only if it exceeds the size limits, which
    /// the set it belongs to, larger, has already passed.
    fn get(&self) -> Option<&Regex> {
        self.compiled.get_or_init(|| build(&self.source).ok()).as_ref()
    }

    fn as_str(&self) -> &str {
        &self.source
    }
}

/// One cue of a lexicon.
#[derive(Debug)]
pub(crate) struct Cue {
    pub family: CueFamily,
    pub stance: Stance,
    pub weight: f32,
    pub lang: &'static str,
    pub shape: Shape,
}

/// All cues of all languages, compiled.
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub cues: Vec<Cue>,
    /// Indexes of the cues with a prefix, and their prefix regexes as a set.
    prefixed: Vec<usize>,
    prefix_set: RegexSet,
    /// Indexes of the cues with a suffix only.
    suffixed: Vec<usize>,
    suffix_set: RegexSet,
    /// Indexes of the free-standing cues and one regex finding any of them.
    back: Vec<(usize, LazyRegex)>,
    back_any: Option<Regex>,
    /// The words the cue-less second stage weighs.
    pub markers: super::implicit::Markers,
}

impl Lexicon {
    /// The bundled lexicons of English, French and German, compiled once
    /// per process (compiling the regex sets is the costliest part of
    /// building an extractor) and shared by every extractor.
    pub fn bundled() -> Result<Arc<Lexicon>> {
        static COMPILED: OnceCell<Arc<Lexicon>> = OnceCell::new();
        COMPILED
            .get_or_try_init(|| Lexicon::parse_bundled().map(Arc::new))
            .cloned()
    }

    fn parse_bundled() -> Result<Lexicon> {
        let mut cues = Vec::new();
        let mut back_sources = Vec::new();
        for &(name, lang, text) in BUNDLED {
            parse(text, name, lang, &mut cues, &mut back_sources)?;
        }
        let mut lexicon = Lexicon::compile(cues, back_sources)?;
        lexicon.markers = super::implicit::Markers::bundled()?;
        Ok(lexicon)
    }

    fn compile(cues: Vec<Cue>, back_sources: Vec<(usize, String)>) -> Result<Lexicon> {
        let mut prefixed = Vec::new();
        let mut prefix_src = Vec::new();
        let mut suffixed = Vec::new();
        let mut suffix_src = Vec::new();
        for (i, cue) in cues.iter().enumerate() {
            if let Shape::Slot { prefix, suffix } = &cue.shape {
                if let Some(p) = prefix {
                    prefixed.push(i);
                    prefix_src.push(p.as_str().to_string());
                } else if let Some(s) = suffix {
                    suffixed.push(i);
                    suffix_src.push(s.as_str().to_string());
                }
            }
        }
        let set = |src: &[String]| {
            regex::RegexSetBuilder::new(src)
                .size_limit(SET_SIZE)
                .dfa_size_limit(DFA_CACHE)
                .build()
                .map_err(|e| Error::Build(format!("cue set: {e}")))
        };
        let back: Vec<(usize, LazyRegex)> = back_sources
            .iter()
            .map(|(i, body)| {
                let source = format!(r"(?i){BOUNDARY_BEFORE}(?P<cue>{body}){BOUNDARY_AFTER}");
                let re =
                    LazyRegex::new(source).ok_or_else(|| Error::Build(format!("cue pattern: {body}")))?;
                Ok((*i, re))
            })
            .collect::<Result<_>>()?;
        let back_any = if back_sources.is_empty() {
            None
        } else {
            let alternation: Vec<&str> = back_sources.iter().map(|(_, s)| s.as_str()).collect();
            Some(build(&format!(
                r"(?i){BOUNDARY_BEFORE}(?:{}){BOUNDARY_AFTER}",
                alternation.join("|")
            ))?)
        };
        Ok(Lexicon {
            prefix_set: set(&prefix_src)?,
            suffix_set: set(&suffix_src)?,
            cues,
            prefixed,
            suffixed,
            back,
            back_any,
            markers: super::implicit::Markers::default(),
        })
    }

    /// Cues whose prefix ends at the end of `before` (the text right before
    /// a historical side): (cue index, byte offset of the cue in `before`,
    /// end of the cue).
    pub fn prefixes(&self, before: &str) -> Vec<(usize, usize, usize)> {
        let found = self.prefixes_at_end(before);
        if !found.is_empty() {
            return found;
        }
        // A possessive name between the cue and the side ("becoming
        // Britain's Suez", "turn into Europe's Lehman Brothers") is read
        // like a determiner; matched here rather than in every cue regex,
        // where a letter class made the set too large.
        let Some(at) = possessive_start(before) else {
            return self.prefixes_over_modifier(before);
        };
        let found = self.prefixes_at_end(&before[..at]);
        if !found.is_empty() {
            return found;
        }
        // The possessive may itself fill a cue's possessive pronoun ("Is
        // Gaza Biden's Vietnam?" as "Is Gaza his Vietnam?"): read it as
        // "his", the cue then ends with the possessive.
        let end = before.trim_end().len();
        self.prefixes_at_end(&format!("{}his ", &before[..at]))
            .into_iter()
            .map(|(i, s, e)| {
                if s >= at {
                    (i, at, end)
                } else {
                    (i, s, e.min(at).max(end))
                }
            })
            .collect()
    }

    /// Cues ending before one lower-case modifier that stands right
    /// before the side ("erinnert an die *frühen* Dreißigerjahre", "another
    /// *humiliating* Suez", "un nouveau *petit* Munich"): the cue then
    /// spans the modifier, so that the side still counts as right next to
    /// its cue.
    fn prefixes_over_modifier(&self, before: &str) -> Vec<(usize, usize, usize)> {
        let Some(at) = modifier_start(before) else {
            return Vec::new();
        };
        let end = before.trim_end().len();
        self.prefixes_at_end(&before[..at])
            .into_iter()
            .map(|(i, s, _)| (i, s, end))
            .collect()
    }

    fn prefixes_at_end(&self, before: &str) -> Vec<(usize, usize, usize)> {
        self.prefix_set
            .matches(before)
            .iter()
            .filter_map(|k| {
                let i = self.prefixed[k];
                let Shape::Slot { prefix: Some(re), .. } = &self.cues[i].shape else {
                    return None;
                };
                let caps = re.get()?.captures(before)?;
                let cue = caps.name("cue")?;
                // The cue is a whole word: "and" is no cue "an" before a
                // determiner "d".
                let rest = &before[cue.end()..];
                let whole = rest.is_empty()
                    || rest.starts_with(|c: char| c.is_whitespace() || "«\"“„".contains(c))
                    || cue.as_str().ends_with(['\'', '’'])
                    // An optional last group left out ends the cue on a space.
                    || cue.as_str().ends_with(char::is_whitespace);
                // An optional last word leaves its space in the cue.
                let end = cue.start() + cue.as_str().trim_end().len();
                whole.then_some((i, cue.start(), end))
            })
            .collect()
    }

    /// Whether cue `i`'s suffix (if any) starts at the start of `after`:
    /// `Some(end of the cue's suffix)`, `Some(0)` when it has none.
    pub fn suffix_of(&self, i: usize, after: &str) -> Option<(usize, usize)> {
        match &self.cues[i].shape {
            Shape::Slot { suffix: None, .. } => Some((0, 0)),
            Shape::Slot { suffix: Some(re), .. } => {
                let cue = re.get()?.captures(after)?.name("cue")?;
                Some((cue.start(), cue.end()))
            }
            Shape::Back => None,
        }
    }

    /// Suffix-only cues that start at the start of `after`: (cue index,
    /// start and end of the cue in `after`).
    pub fn suffixes(&self, after: &str) -> Vec<(usize, usize, usize)> {
        self.suffix_set
            .matches(after)
            .iter()
            .filter_map(|k| {
                let i = self.suffixed[k];
                let (s, e) = self.suffix_of(i, after)?;
                Some((i, s, e))
            })
            .collect()
    }

    /// Free-standing cues in `text`: (cue index, start, end), in order.
    pub fn back_cues(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let Some(any) = &self.back_any else {
            return Vec::new();
        };
        any.find_iter(text)
            .filter_map(|m| {
                let (i, re) = self
                    .back
                    .iter()
                    .find(|(_, re)| re.get().is_some_and(|re| re.is_match(m.as_str())))?;
                let cue = re.get()?.captures(m.as_str())?.name("cue")?;
                Some((*i, m.start() + cue.start(), m.start() + cue.end()))
            })
            .collect()
    }
}

fn build(src: &str) -> Result<Regex> {
    regex::RegexBuilder::new(src)
        .dfa_size_limit(DFA_CACHE)
        .build()
        .map_err(|e| Error::Build(format!("cue pattern: {e}")))
}

/// The lazy DFA cache of the cue regexes. With the default (2 MiB) the
/// case-insensitive Unicode classes of a hundred patterns thrash it and the
/// search falls back to the NFA simulation, about 8× slower; at ~260
/// patterns 8 MiB thrashed too (extraction fell from 3.5 to 1.3 MiB/s,
/// stop 11). The cache grows only as far as the text needs.
const DFA_CACHE: usize = 32 << 20;

/// The compiled size allowed for each cue set. Every pattern carries its own
/// Unicode word-boundary classes, so ~200 patterns pass the default 10 MiB;
/// the set is built once per process and shared.
const SET_SIZE: usize = 32 << 20;

/// Parses one cue file into `cues`, with the regex sources of its
/// free-standing cues in `back`.
fn parse(
    text: &str,
    source_name: &str,
    lang: &'static str,
    cues: &mut Vec<Cue>,
    back: &mut Vec<(usize, String)>,
) -> Result<()> {
    let bad = |line: usize, kind: GazetteerErrorKind| Error::Gazetteer {
        source_name: source_name.to_string(),
        line,
        kind,
    };
    let mut header_seen = false;
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if !header_seen {
            header_seen = true;
            if fields.first() == Some(&"family") {
                continue;
            }
        }
        let [family, stance, weight, pattern] = fields[..] else {
            return Err(bad(
                line_no,
                GazetteerErrorKind::FieldCount {
                    expected: 4,
                    found: fields.len(),
                },
            ));
        };
        let family = CueFamily::parse(family).ok_or_else(|| {
            bad(
                line_no,
                GazetteerErrorKind::InvalidCue("family", family.to_string()),
            )
        })?;
        let stance = Stance::parse(stance).ok_or_else(|| {
            bad(
                line_no,
                GazetteerErrorKind::InvalidCue("stance", stance.to_string()),
            )
        })?;
        let weight: f32 = weight
            .parse()
            .ok()
            .filter(|w: &f32| (0.0..=1.0).contains(w))
            .ok_or_else(|| {
                bad(
                    line_no,
                    GazetteerErrorKind::InvalidCue("weight", weight.to_string()),
                )
            })?;
        let shape = shape(pattern).ok_or_else(|| {
            bad(
                line_no,
                GazetteerErrorKind::InvalidCue("pattern", pattern.to_string()),
            )
        })?;
        if let Some(src) = shape.1 {
            back.push((cues.len(), src));
        }
        cues.push(Cue {
            family,
            stance,
            weight,
            lang,
            shape: shape.0,
        });
    }
    Ok(())
}

/// Compiles a pattern: the shape, and for a free-standing cue the regex
/// source of its words. `None` for a pattern without `{H}` or `{<}`, or one
/// whose regex does not compile.
fn shape(pattern: &str) -> Option<(Shape, Option<String>)> {
    let (boundary_before, boundary_after) = (BOUNDARY_BEFORE, BOUNDARY_AFTER);
    if let Some(cue) = pattern.strip_suffix("{<}") {
        let body = to_regex(cue.trim())?;
        regex_syntax::Parser::new().parse(&body).ok()?;
        return Some((Shape::Back, Some(body)));
    }
    let at = pattern.find("{H}")?;
    let (before, after) = (pattern[..at].trim(), &pattern[at + 3..]);
    let prefix = if before.is_empty() {
        None
    } else {
        let dets = format!(r"(?:(?:{DETERMINERS})(?:\s+|\s*['’]\s*))*");
        let src = format!(
            r#"(?i){boundary_before}(?P<cue>{})[\s«"“„]*{dets}$"#,
            to_regex(before)?
        );
        Some(LazyRegex::new(src)?)
    };
    let suffix = if after.trim().is_empty() {
        None
    } else {
        let lead = if after.starts_with('-') {
            r"^\s*"
        } else {
            r"^\s*-?\s*"
        };
        let src = format!(r"(?i){lead}(?P<cue>{}){boundary_after}", to_regex(after.trim())?);
        Some(LazyRegex::new(src)?)
    };
    if prefix.is_none() && suffix.is_none() {
        return None;
    }
    Some((Shape::Slot { prefix, suffix }, None))
}

/// Words that are no modifier of the side: a cue ending before one of
/// them does not reach the side ("like *with* Munich", "wie *bei* 1938").
const NOT_MODIFIERS: &[&str] = &[
    "and",
    "but",
    "for",
    "from",
    "with",
    "without",
    "than",
    "like",
    "not",
    "nor",
    "into",
    "onto",
    "was",
    "were",
    "has",
    "had",
    "avec",
    "pour",
    "sans",
    "que",
    "comme",
    "pas",
    "dans",
    "sur",
    "chez",
    "était",
    "und",
    "aber",
    "mit",
    "ohne",
    "für",
    "von",
    "aus",
    "bei",
    "als",
    "wie",
    "nicht",
    "kein",
    "keine",
    "war",
    "hat",
    "nach",
    // Prepositions and adverbs of time: "so hoch wie *seit* 1973" is a
    // superlative, not "wie 1973".
    "seit",
    "since",
    "depuis",
    "vor",
    "bis",
    "until",
    "before",
    "after",
    "during",
    "avant",
    "après",
    "pendant",
    "während",
    "über",
    "unter",
    "gegen",
    "durch",
    "zwischen",
    "between",
    "entre",
    "about",
    "around",
    "vers",
    "toward",
    "towards",
    "against",
    "contre",
    "par",
    "through",
    "ago",
    "jusqu",
    "selon",
    "under",
    "over",
    "only",
    "seulement",
    "nur",
    "just",
    "schon",
    "déjà",
    "already",
    "still",
    "encore",
    "then",
    "alors",
    "dann",
    "damals",
    "now",
    "jetzt",
    "heute",
    "today",
    "here",
    "hier",
    "there",
    "dort",
];

/// Where a trailing lower-case modifier word starts in `before`, when
/// `before` ends with one: letters (and hyphens), three at least, no
/// determiner and no function word.
fn modifier_start(before: &str) -> Option<usize> {
    let t = before.trim_end();
    let start = t
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &t[start..];
    let lower = word.chars().next().is_some_and(char::is_lowercase);
    let determiner = DETERMINERS.split('|').any(|d| d == word);
    (lower && word.chars().count() >= 3 && !determiner && !NOT_MODIFIERS.contains(&word)).then_some(start)
}

/// Where a trailing possessive word (`Britain's `, `Europe’s `, `Amerikas`
/// is not one) starts in `before`, when `before` ends with one.
fn possessive_start(before: &str) -> Option<usize> {
    let t = before.trim_end();
    let word = t.strip_suffix("'s").or_else(|| t.strip_suffix("’s"))?;
    let start = word
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '-' || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    (start < word.len() && word[start..].chars().next().is_some_and(char::is_uppercase)).then_some(start)
}

/// Translates pattern syntax to regex syntax: `(a|b)` groups, `?` after a
/// group makes it (and the space after it) optional, a space matches any
/// spacing and quotation marks (or none before punctuation), `'` any apostrophe, `*` one word;
/// everything else is literal.
fn to_regex(pattern: &str) -> Option<String> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::new();
    let mut groups: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '(' => {
                groups.push(out.len());
                out.push_str("(?:");
            }
            ')' => {
                let start = groups.pop()?;
                out.push(')');
                if chars.get(i + 1) == Some(&'?') {
                    i += 1;
                    if chars.get(i + 1) == Some(&' ') {
                        // `(a|b)? x`: the space is optional with the group.
                        i += 1;
                        out.insert_str(start, "(?:");
                        out.push_str(r"\s+)?");
                    } else {
                        out.push('?');
                    }
                }
            }
            '|' => out.push('|'),
            // Quotation marks may stand between words: une « nouvelle Yalta ».
            // Before a colon or other punctuation the space is optional:
            // French typography sets one ("exemple :"), English and German
            // do not.
            ' ' if chars.get(i + 1).is_some_and(|c| ":,;.?!".contains(*c)) => out.push_str(r#"[\s«»"“”„]*"#),
            ' ' => out.push_str(r#"[\s«»"“”„]+"#),
            '\'' | '’' => out.push_str("['’]"),
            '-' => out.push_str(r"\s*-\s*"),
            // One word of any kind ("an AI Chernobyl", "einen iranischen
            // Gorbatschow"); kept to few patterns, as the set grows with it.
            '*' => out.push_str(r"[^\s.,;:!?]+"),
            c => out.push_str(&regex::escape(&c.to_string())),
        }
        i += 1;
    }
    groups.is_empty().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: alternation is leftmost-first, so in `(nouvel|nouvelle)`
    /// the cue stopped at "nouvel" and "le" was read as a determiner. A
    /// longer alternative must come before any alternative it extends.
    #[test]
    fn alternatives_put_extensions_first() {
        for (path, _, text) in BUNDLED {
            for (n, line) in text.lines().enumerate() {
                let Some(pattern) = line.split('\t').nth(3) else {
                    continue;
                };
                for group in pattern.split('(').skip(1).filter_map(|g| g.split(')').next()) {
                    let alts: Vec<&str> = group.split('|').collect();
                    for (i, a) in alts.iter().enumerate() {
                        for b in &alts[i + 1..] {
                            assert!(
                                !(b.len() > a.len() && b.starts_with(a)),
                                "{path}:{}: `{b}` must come before `{a}`",
                                n + 1
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn bundled_lexicons_compile() {
        let lex = Lexicon::bundled().expect("bundled cues");
        assert!(lex.cues.len() > 100);
        for lang in ["en", "fr", "de"] {
            assert!(lex.cues.iter().any(|c| c.lang == lang));
        }
    }

    #[test]
    fn prefixes_end_at_the_slot() {
        let lex = Lexicon::bundled().unwrap();
        let before = "Alaska 2025 must not become ";
        let found = lex.prefixes(before);
        assert!(found.iter().any(
            |&(i, s, e)| lex.cues[i].family == CueFamily::Becoming && &before[s..e] == "must not become"
        ));
        assert!(lex.prefixes("we will meet in ").is_empty());
        // A determiner may stand between.
        assert!(!lex.prefixes("this is reminiscent of the ").is_empty());
        assert!(!lex.prefixes("cela rappelle l’").is_empty());
        // Regression: "and" read as the cue "an" before a determiner "d";
        // "und" as "un" + "d".
        assert!(lex.prefixes("Wellington and ").is_empty());
        assert!(lex.prefixes("Stalin und ").is_empty());
        // A possessive name fills a cue's possessive pronoun.
        let before = "Is Gaza Biden's ";
        assert!(lex
            .prefixes(before)
            .iter()
            .any(|&(_, s, e)| &before[s..e] == "Biden's"));
    }

    #[test]
    fn suffixes_and_back_cues() {
        let lex = Lexicon::bundled().unwrap();
        assert!(lex
            .suffixes(" moment for Europe")
            .iter()
            .any(|&(i, _, _)| lex.cues[i].family == CueFamily::Moment));
        assert!(lex
            .suffixes("-Moment")
            .iter()
            .any(|&(i, _, _)| lex.cues[i].family == CueFamily::Moment));
        let text = "Warum seid ihr diesem Beispiel nicht gefolgt? Der Vergleich hinkt.";
        let back = lex.back_cues(text);
        assert_eq!(back.len(), 2);
        assert_eq!(&text[back[1].1..back[1].2], "Der Vergleich hinkt");
    }

    #[test]
    fn malformed_lines_report_file_and_line() {
        let error = |text: &str, name: &str| {
            parse(text, name, "en", &mut Vec::new(), &mut Vec::new())
                .unwrap_err()
                .to_string()
        };
        let err = error(
            "family\tstance\tweight\tpattern\nbecoming\twarning\t0.9\n",
            "x.tsv",
        );
        assert!(err.contains("x.tsv") && err.contains('2'), "{err}");
        let err = error("nonsense\twarning\t0.9\tanother {H}\n", "y.tsv");
        assert!(err.contains("y.tsv"), "{err}");
        let err = error("repetition\twarning\t0.9\tanother\n", "z.tsv");
        assert!(err.contains("z.tsv"), "{err}");
        // Unbalanced groups: checked when read, though each cue's own regex
        // compiles only on first use.
        for pattern in ["(another {H}", "another) {H}", "(a|b {<}"] {
            let err = error(&format!("repetition\twarning\t0.9\t{pattern}\n"), "w.tsv");
            assert!(err.contains("w.tsv"), "{err}");
        }
    }

    /// Every bundled cue's own regex compiles (they compile lazily, on a
    /// cue's first match, so a broken one would otherwise pass the build).
    #[test]
    fn every_bundled_cue_regex_compiles() {
        let lex = Lexicon::bundled().unwrap();
        for (i, cue) in lex.cues.iter().enumerate() {
            if let Shape::Slot { prefix, suffix } = &cue.shape {
                for re in prefix.iter().chain(suffix) {
                    assert!(re.get().is_some(), "cue {i}: {}", re.as_str());
                }
            }
        }
        for (i, re) in &lex.back {
            assert!(re.get().is_some(), "cue {i}: {}", re.as_str());
        }
    }
}
