//! Discovery of organisations the gazetteer does not list, by cheap and
//! precise name patterns: "University of X", "X University", "X Foundation",
//! "X Institute", "Ministry of X", "X Party", and their French ("Université
//! de X", "Fondation X", "ministère de X", "Parti X") and German ("Universität
//! X", "X-Stiftung", "Ministerium für X", "X-Partei") forms. Such mentions
//! have `kind: organization`, no id, a lower score and the evidence
//! [`Evidence::Pattern`].

use crate::gazetteer::EntityKind;
use crate::mention::{Evidence, Mention};
use crate::resolve::cues::is_role;
use crate::span::{ceil_boundary, floor_boundary};
use aho_corasick::AhoCorasick;
use once_cell::sync::Lazy;
use regex::Regex;

/// The score of a discovered organisation.
const SCORE: f32 = 0.5;

/// The head words of the organisation patterns, per language.
const EN_HEADS: &str = "University|Institute|Foundation|Ministry|Department|Academy|Museum|Agency|Bank|Party|Centre|Center|Society|Association|Commission|Committee|Council|Federation|Movement|Alliance|Front|Trust|Fund|School|College|Corporation";
const FR_HEADS: &str = "Université|Institut|Fondation|Ministère|ministère|Académie|Musée|Agence|Banque|Parti|Conseil|Comité|Commission|Association|Fédération|Mouvement|Front|École|Centre";
const DE_HEADS: &str = "Universität|Institut|Stiftung|Ministerium|Akademie|Museum|Agentur|Bank|Partei|Verband|Bewegung|Hochschule|Zentrum";

/// How far around a head word a pattern may reach: a name of four words,
/// a connector and a second name.
const HEAD_REACH: usize = 160;

static PATTERNS: Lazy<Vec<Regex>> = Lazy::new(|| {
    // A capitalised name word (letters, apostrophes, inner hyphens).
    let cap = r"\p{Lu}[\p{L}'’]*(?:-\p{Lu}?[\p{L}'’]+)*";
    let name = format!(r"{cap}(?:\s+(?:and\s+|&\s+|of\s+|for\s+)?{cap}){{0,3}}");
    let (en_head, fr_head, de_head) = (EN_HEADS, FR_HEADS, DE_HEADS);
    let sources = [
        format!(r"\b(?:{en_head})\s+(?:of|for)\s+(?:the\s+)?{name}"),
        format!(r"\b{name}\s+(?:{en_head})\b(?:\s+(?:of|for)\s+(?:the\s+)?{name})?"),
        format!(
            r"\b(?:{fr_head})\s+(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+|d['’]|pour\s+(?:la\s+|le\s+|l['’])?)?{name}"
        ),
        format!(r"\b(?:{de_head})\s+(?:für\s+)?{name}"),
        format!(
            r"\b{cap}(?:-{cap})*-(?:{})\b",
            de_head.replace("Universität|", "")
        ),
    ];
    sources.iter().filter_map(|s| Regex::new(s).ok()).collect()
});

/// Finds the head words, so that the patterns run only around them: every
/// pattern match contains a head word, and the patterns' Unicode word
/// boundaries drive the regex engine to its slowest path on non-ASCII text
/// (a third of `extract`'s time went there, by `perf`).
static HEADS: Lazy<Option<AhoCorasick>> = Lazy::new(|| {
    let heads: Vec<&str> = [EN_HEADS, FR_HEADS, DE_HEADS]
        .iter()
        .flat_map(|h| h.split('|'))
        .collect();
    AhoCorasick::new(heads).ok()
});

/// The stretches of `text` that may hold an organisation pattern: around
/// each head word, widened to whitespace (so that a word boundary at a
/// window's edge is one in the text) and merged when they overlap.
fn head_windows(text: &str) -> Vec<(usize, usize)> {
    let Some(heads) = HEADS.as_ref() else {
        return vec![(0, text.len())];
    };
    let mut out: Vec<(usize, usize)> = Vec::new();
    for m in heads.find_iter(text) {
        let start = whitespace_before(text, m.start().saturating_sub(HEAD_REACH));
        let end = whitespace_after(text, m.end() + HEAD_REACH);
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

/// The nearest offset at or before `at` that starts the text or follows a
/// whitespace character.
fn whitespace_before(text: &str, at: usize) -> usize {
    let at = floor_boundary(text, at);
    text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// The nearest offset at or after `at` that ends the text or starts a
/// whitespace character.
fn whitespace_after(text: &str, at: usize) -> usize {
    let at = ceil_boundary(text, at);
    text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| at + i)
}

/// Adds the organisations found by pattern to `mentions` (sorted by start).
/// A pattern match that strictly contains gazetteer mentions replaces them
/// ("Taras Shevchenko National University" is one organisation); one that
/// overlaps a mention partially is dropped.
pub(crate) fn discover_organizations(text: &str, mentions: &mut Vec<Mention>) {
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (w0, w1) in head_windows(text) {
        let window = &text[w0..w1];
        for re in PATTERNS.iter() {
            found.extend(re.find_iter(window).map(|m| (w0 + m.start(), w0 + m.end())));
        }
    }
    let mut found: Vec<(usize, usize)> = found
        .into_iter()
        .map(|(start, end)| (start + leading_article(&text[start..end]), end))
        .collect();
    found.sort_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
    found.dedup();
    let mut last_end = 0;
    for (start, end) in found {
        if start < last_end {
            continue;
        }
        let covered_exactly = mentions.iter().any(|m| m.start == start && m.end == end);
        if overlaps_partly(mentions, start, end) || covered_exactly {
            continue;
        }
        insert_unlisted(
            text,
            mentions,
            start,
            end,
            EntityKind::Organization,
            SCORE,
            Evidence::Pattern,
        );
        last_end = end;
    }
    mentions.sort_by_key(|m| m.start);
}

/// The length of a capitalised article that a pattern swallowed at a
/// sentence start ("The Kyiv School…", "Die Bertelsmann-Stiftung").
fn leading_article(surface: &str) -> usize {
    const ARTICLES: &[&str] = &[
        "The ", "A ", "An ", "Le ", "La ", "Les ", "L'", "L’", "Die ", "Der ", "Das ", "Den ", "Dem ",
        "Des ", "Ein ", "Eine ",
    ];
    ARTICLES
        .iter()
        .find(|a| surface.starts_with(*a) && surface.len() > a.len() + 3)
        .map_or(0, |a| a.len())
}

/// Name particles that may stand between a given name and a surname.
const PARTICLES: &[&str] = &[
    "de", "du", "des", "van", "von", "der", "den", "le", "la", "bin", "ibn", "al", "di", "da", "ter", "zu",
    "dos",
];

/// Words a role may carry before it in apposition ("Mara Ellison, a former
/// historian"; "Jan Novák, l'ancien président").
const ROLE_MODIFIERS: &[&str] = &[
    "a",
    "an",
    "the",
    "former",
    "un",
    "une",
    "le",
    "la",
    "l",
    "ancien",
    "ancienne",
    "der",
    "die",
    "ein",
    "eine",
    "ehemaliger",
    "ehemalige",
    "frühere",
    "früherer",
];

/// Titles written abbreviated with a period before a name ("Dr. Ellison").
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "prof", "m", "mme", "mlle"];

/// How many lines shaped like an entry of a list of names (a bullet, a
/// name, then the end of the line or an affiliation) make a list.
const MIN_LIST_LINES: usize = 3;

/// The normalised word lists discovery reads.
pub(crate) struct Lexicon<'a> {
    /// Given names, normalised.
    pub given: &'a std::collections::HashSet<String>,
    /// Common words, normalised.
    pub common: &'a std::collections::HashSet<String>,
    /// The normaliser that produced both lists.
    pub normalizer: &'a crate::normalize::Normalizer,
}

impl Lexicon<'_> {
    fn key(&self, word: &str) -> String {
        // Plain ASCII words normalise to their lower case: skip the normaliser.
        if word.is_ascii() {
            word.to_ascii_lowercase()
        } else {
            self.normalizer.normalize_str(word)
        }
    }

    fn is_common(&self, word: &str) -> bool {
        self.common.contains(&self.key(word))
    }

    fn is_given(&self, word: &str) -> bool {
        self.given.contains(&self.key(word))
    }

    /// A capitalised word that may be part of a name: not a common word,
    /// not a title or role.
    fn is_name_word(&self, word: &str) -> bool {
        is_capitalised_word(word) && !self.common.contains(&self.key(word)) && !is_role(word)
    }
}

/// Adds people the gazetteer does not list, each with the evidence that
/// found it:
/// - [`Evidence::GivenName`]: a known given name followed by one or two
///   capitalised surnames, with particles (`de`, `von`, `bin`) in between
///   ("Anna Kowalska", "Jean de la Fontaine", "Олена Коваленко");
/// - [`Evidence::Title`]: two or three capitalised words after a role ("the
///   historian Mara Ellison", "die Publizistin Jana Petrov"), or one to
///   three after an abbreviated title ("Dr. Ellison");
/// - [`Evidence::Apposition`]: two to three capitalised words followed by a
///   comma and a role ("Jan Novák, President of the Academy");
/// - [`Evidence::List`]: two to three capitalised words that make up a line
///   of a list of names, as in the signatories of an open letter (at least
///   [`MIN_LIST_LINES`] such lines, each a name alone or followed by a comma,
///   a bracket or a dash).
///
/// No name word may be a common word or a role. Such mentions have
/// `kind: person`, no id and a lower score. A name that overlaps a
/// gazetteer mention only partly is left alone; one that contains mentions
/// found on weak evidence (a place called "Anna") replaces them.
pub(crate) fn discover_people(text: &str, mentions: &mut Vec<Mention>, lex: &Lexicon<'_>) {
    let words = words(text);
    let mut found: Vec<(usize, usize, Evidence)> = Vec::new();
    let mut listed: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &text[words[i].0..words[i].1];
        if !is_capitalised_word(w) {
            i += 1;
            continue;
        }
        let (j, surnames) = extend(text, &words, i, lex, true);
        let given = lex.is_given(w) && surnames > 0;
        // Without a given name, the context decides, and common words may
        // be part of the name as long as one word is not (`Christian
        // Estrosi, maire de Nice`).
        let (j, surnames) = if given {
            (j, surnames)
        } else {
            extend(text, &words, i, lex, false)
        };
        let (start, end) = (words[i].0, words[j - 1].1);
        let named = (i..j).any(|k| !lex.is_common(&text[words[k].0..words[k].1]));
        let evidence = if given {
            Some(Evidence::GivenName)
        } else if !named || is_role(w) {
            None
        } else if role_before(text, &words, i).is_some_and(|r| r == Before::Honorific || surnames > 0) {
            // A role before one capitalised word is no evidence: in German
            // every noun is capitalised ("der Sprecher Gespräche …").
            Some(Evidence::Title)
        } else if surnames > 0 && apposition_after(text, end) {
            Some(Evidence::Apposition)
        } else {
            if surnames > 0 && list_line(text, start, end) {
                listed.push((start, end));
            }
            None
        };
        match evidence {
            Some(ev) => {
                found.push((start, end, ev));
                i = j;
            }
            None => i += 1,
        }
    }
    if listed.len() >= MIN_LIST_LINES {
        found.extend(listed.into_iter().map(|(s, e)| (s, e, Evidence::List)));
    }
    for (start, end, evidence) in found {
        add_person(text, mentions, start, end, evidence);
    }
    mentions.sort_by_key(|m| m.start);
    add_surnames(text, &words, mentions);
}

/// Adds the later bare surnames of people found by discovery ("Felix
/// Brandner … Brandner"), linked by canonical name, with the evidence
/// [`Evidence::CoReference`]. A gazetteer mention of the same word found on
/// weak evidence gives way.
fn add_surnames(text: &str, words: &[(usize, usize)], mentions: &mut Vec<Mention>) {
    let discovered: Vec<(String, String, usize)> = mentions
        .iter()
        .filter(|m| m.id.is_none() && m.kind == EntityKind::Person && m.text.contains(' '))
        .filter_map(|m| {
            let surname = m.text.rsplit(' ').next()?;
            Some((surname.to_string(), m.canonical.clone(), m.end))
        })
        .collect();
    if discovered.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for &(s, e) in words {
        let w = &text[s..e];
        let Some((_, canonical, _)) = discovered.iter().find(|(sur, _, after)| sur == w && s >= *after)
        else {
            continue;
        };
        let covered = mentions
            .iter()
            .any(|m| m.start < e && s < m.end && !(m.start == s && m.end == e && is_weak(m)));
        if !covered {
            added.push((s, e, canonical.clone()));
        }
    }
    for (s, e, canonical) in added {
        insert_unlisted(
            text,
            mentions,
            s,
            e,
            EntityKind::Person,
            PERSON_SCORE,
            Evidence::CoReference,
        );
        if let Some(m) = mentions.last_mut() {
            m.canonical = canonical;
        }
    }
    mentions.sort_by_key(|m| m.start);
}

/// A mention made on weak evidence only: no strong alias, no co-reference.
fn is_weak(m: &Mention) -> bool {
    !m.evidence
        .iter()
        .any(|e| matches!(e, Evidence::StrongAlias | Evidence::CoReference | Evidence::Title))
}

/// The end (exclusive word index) of the name that starts at word `i`, and
/// how many capitalised words follow the first: particles are crossed,
/// at most two more name words are taken, all on the same line. With
/// `strict`, common words end the name.
fn extend(text: &str, words: &[(usize, usize)], i: usize, lex: &Lexicon<'_>, strict: bool) -> (usize, usize) {
    let (mut end, mut j, mut surnames) = (i + 1, i + 1, 0);
    while j < words.len() && surnames < 2 && only_space_between(text, words[j - 1].1, words[j].0) {
        let t = &text[words[j].0..words[j].1];
        if PARTICLES.contains(&t) {
            j += 1;
            continue;
        }
        let fits = if strict {
            lex.is_name_word(t)
        } else {
            is_capitalised_word(t) && !is_role(t)
        };
        if !fits {
            break;
        }
        surnames += 1;
        j += 1;
        end = j;
    }
    (end, surnames)
}

/// What stands right before a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Before {
    /// An abbreviated title with its period ("Dr. Ellison", "Mme. …").
    Honorific,
    /// A role or title word, in any case ("historian", "Publizistin").
    Role,
}

/// The role ("historian", "Publizistin") or abbreviated title ("Dr.") that
/// stands right before word `i` on the same line, if any.
fn role_before(text: &str, words: &[(usize, usize)], i: usize) -> Option<Before> {
    let &(ps, pe) = i.checked_sub(1).and_then(|p| words.get(p))?;
    let prev = &text[ps..pe];
    let between = &text[pe..words[i].0];
    if (between == ". " || between == ".\u{a0}") && HONORIFICS.contains(&prev.to_lowercase().as_str()) {
        Some(Before::Honorific)
    } else if (between == " " || between == "\u{a0}") && is_role(prev) {
        Some(Before::Role)
    } else {
        None
    }
}

/// Whether a comma and a role follow `end` ("…, a historian at", "…,
/// President of", "…, l'ancien ministre").
fn apposition_after(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(',')) else {
        return false;
    };
    // The role may carry one adjective before it ("a local councillor").
    rest.split(|c: char| !(c.is_alphabetic() || c == '-'))
        .filter(|w| !w.is_empty())
        .skip_while(|w| ROLE_MODIFIERS.contains(&w.to_lowercase().as_str()))
        .take(2)
        .any(is_role)
}

/// Whether `start..end` makes up an entry of a list of names: only a bullet,
/// a number or spaces before it on its line, and after it the end of the
/// line, a comma, a bracket or a dash.
fn list_line(text: &str, start: usize, end: usize) -> bool {
    // Walks back only over what may stand before a list entry, so that a
    // long line costs nothing (an `rfind` of the line start made a
    // megabyte-long line quadratic).
    let before_ok = text[..start]
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .all(|c| c.is_whitespace() || c.is_ascii_digit() || "-*•–—·.)".contains(c));
    let after = text[end..].trim_start_matches([' ', '\t']);
    let after_ok = after.is_empty() || after.starts_with(['\n', '\r', ',', '(', '–', '—', '-', ':', ';']);
    before_ok && after_ok
}

/// Adds one discovered person unless a mention already covers it or
/// overlaps it partly. Only names found on weak evidence give way ("Anna"
/// the town inside "Anna Kowalska"); a strong gazetteer name inside stays.
fn add_person(text: &str, mentions: &mut Vec<Mention>, start: usize, end: usize, evidence: Evidence) {
    let known = mentions.iter().any(|m| m.start <= start && end <= m.end);
    // The given name itself may give way ("Ruth" inside "Ruth Abernathy").
    let first_word =
        |m: &Mention| m.start == start && evidence == Evidence::GivenName && !m.text.contains(' ');
    let strong_inside = mentions.iter().any(|m| {
        start <= m.start && m.end <= end && m.evidence.contains(&Evidence::StrongAlias) && !first_word(m)
    });
    if overlaps_partly(mentions, start, end) || known || strong_inside {
        return;
    }
    let score = match evidence {
        Evidence::GivenName | Evidence::Title => PERSON_SCORE,
        _ => PERSON_SCORE * 0.85,
    };
    insert_unlisted(text, mentions, start, end, EntityKind::Person, score, evidence);
}

/// Whether a mention overlaps `start..end` without lying inside it.
fn overlaps_partly(mentions: &[Mention], start: usize, end: usize) -> bool {
    mentions
        .iter()
        .any(|m| m.start < end && start < m.end && !(start <= m.start && m.end <= end))
}

/// Adds a mention without gazetteer entry for `text[start..end]`, replacing
/// the mentions it contains.
fn insert_unlisted(
    text: &str,
    mentions: &mut Vec<Mention>,
    start: usize,
    end: usize,
    kind: EntityKind,
    score: f32,
    evidence: Evidence,
) {
    mentions.retain(|m| !(start <= m.start && m.end <= end));
    let surface = &text[start..end];
    mentions.push(Mention {
        start,
        end,
        text: surface.to_string(),
        kind,
        id: None,
        canonical: surface.split_whitespace().collect::<Vec<_>>().join(" "),
        alias: surface.to_string(),
        score,
        evidence: vec![evidence],
        candidates: Vec::new(),
        year: None,
        place: None,
        chars: None,
        utf16: None,
    });
}

/// The score of a discovered person.
const PERSON_SCORE: f32 = 0.4;

/// Byte spans of the words of `text`: letters, with inner hyphens and
/// apostrophes ("Jean-Luc", "O'Brien").
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut prev = '\0';
    for (i, c) in text.char_indices() {
        let inner = (c == '-' || c == '\'' || c == '’') && prev.is_alphabetic();
        if c.is_alphabetic() || (inner && start.is_some()) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, trim_joiner(text, s, i)));
        }
        prev = c;
    }
    if let Some(s) = start {
        out.push((s, trim_joiner(text, s, text.len())));
    }
    out
}

/// Drops a possessive `'s` and a trailing hyphen or apostrophe from a word
/// ("Putin’s" → "Putin", "Putin'" → "Putin").
fn trim_joiner(text: &str, start: usize, end: usize) -> usize {
    let w = &text[start..end];
    let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
    start + w.trim_end_matches(['-', '\'', '’']).len()
}

fn is_capitalised_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().count() >= 1
        && chars.any(char::is_lowercase)
}

fn only_space_between(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b)
        .is_some_and(|s| !s.is_empty() && s.chars().all(|c| c == ' ' || c == '\u{a0}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let mut m = Vec::new();
        discover_organizations(text, &mut m);
        m.into_iter().map(|m| m.text).collect()
    }

    fn people(text: &str) -> Vec<(String, Evidence)> {
        let set = |words: &[&str]| words.iter().map(|w| w.to_string()).collect();
        let given = set(&["anna", "jean", "mara", "олена"]);
        let common = set(&["said", "the", "peace"]);
        let normalizer = crate::normalize::Normalizer::default();
        let lex = Lexicon {
            given: &given,
            common: &common,
            normalizer: &normalizer,
        };
        let mut m = Vec::new();
        discover_people(text, &mut m, &lex);
        m.into_iter().map(|m| (m.text, m.evidence[0])).collect()
    }

    #[test]
    fn people_by_given_name() {
        let found = people("Signed: Anna Kowalska, historian. Jean de La Fontaine said Mara");
        assert_eq!(
            found,
            [
                ("Anna Kowalska".into(), Evidence::GivenName),
                ("Jean de La Fontaine".into(), Evidence::GivenName)
            ]
        );
        assert_eq!(people("Заява: Олена Коваленко.")[0].0, "Олена Коваленко");
    }

    #[test]
    fn people_by_role() {
        assert_eq!(
            people("the historian Tim Zorblat wrote"),
            [("Tim Zorblat".into(), Evidence::Title)]
        );
        assert_eq!(
            people("asked Dr. Zorblat twice"),
            [("Zorblat".into(), Evidence::Title)]
        );
        assert_eq!(
            people("Tim Zorblat, a former historian at Yale"),
            [("Tim Zorblat".into(), Evidence::Apposition)]
        );
        // A role needs a name after it: common words are not names.
        assert!(people("the historian Peace said").is_empty());
        assert!(people("Saint Grobnik, the capital").is_empty());
    }

    #[test]
    fn people_in_lists() {
        let letter = "Signatories:\n- Tim Zorblat, Yale\n- Ula Vrenn (Oslo)\n- Kip Dorrance\n";
        let found: Vec<String> = people(letter).into_iter().map(|(t, _)| t).collect();
        assert_eq!(found, ["Tim Zorblat", "Ula Vrenn", "Kip Dorrance"]);
        // Two lines are not a list.
        assert!(people("- Tim Zorblat\n- Ula Vrenn\n").is_empty());
    }

    #[test]
    fn organisation_patterns() {
        assert_eq!(
            found("She teaches at the University of Tartu now."),
            ["University of Tartu"]
        );
        assert_eq!(
            found("The Kyiv School of Economics and the Mohyla Academy"),
            ["Kyiv School of Economics", "Mohyla Academy"]
        );
        assert_eq!(found("Une note de l'Institut Montaigne."), ["Institut Montaigne"]);
        assert_eq!(
            found("Die Bertelsmann-Stiftung und das Ministerium für Bildung"),
            ["Bertelsmann-Stiftung", "Ministerium für Bildung"]
        );
        assert!(found("the university said the party was over").is_empty());
    }
}
