//! Stage 3: from matcher hits to mentions.
//!
//! This is the only place where offsets cross from normalised to original
//! text. For each hit it picks one entry among the candidates of the
//! matched alias and keeps the others.
//!
//! Rules, each cheap and explainable:
//! - a hit whose ends do not map exactly to the original text is dropped
//!   (it starts or ends inside a character that normalisation expanded);
//! - a *weak* alias (a bare surname, a short acronym, a common word) counts
//!   only with evidence: the same entry is named by a strong alias elsewhere
//!   in the document, or the surface is capitalised in a cased script (an
//!   acronym alias such as `PAS` needs as many capitals in the text);
//! - among the eligible candidates, the highest prior wins; ties go to the
//!   entry listed first. The score is the winner's share of the eligible
//!   priors, lowered for weak aliases.

use crate::gazetteer::{EntityKind, Entry, Gazetteer};
use crate::matcher::{Hit, Matcher, Target};
use crate::mention::{Candidate, Evidence, Mention};
use crate::normalize::Normalized;
mod context;
mod cues;
mod discover;
pub mod lang;
pub(crate) mod years;

use context::{DocContext, Fit, CONTEXT_BOOST};
use cues::{after_determiner, cues, in_longer_name, speech_before, Cues};
use std::collections::{HashMap, HashSet};
use years::{year_after, year_before, EventIndex};

/// How much a weak alias lowers the score of its mention.
const WEAK_FACTOR: f32 = 0.8;

/// What resolution reads besides the hits: the gazetteer, the matcher's
/// candidate lists and the common words of the languages covered.
pub(crate) struct Context<'a> {
    pub gazetteer: &'a Gazetteer,
    pub matcher: &'a Matcher,
    /// Events linked to places, for year anchoring.
    pub events: &'a EventIndex,
    /// Whether to add names found by pattern, without a gazetteer entry.
    pub discovery: bool,
    /// Normalised given names, for finding unlisted people.
    pub given: &'a HashSet<String>,
    /// Normalised common words (`police`, `auch`, `deal`): written with a
    /// capital only because a sentence starts with them, they are no
    /// evidence for a weak alias.
    pub common: &'a HashSet<String>,
    /// The German words among them (and generic place words): German
    /// capitalises its nouns, so in German text their capital says nothing.
    pub german_nouns: &'a HashSet<String>,
    /// The normaliser of texts and word lists.
    pub normalizer: &'a crate::normalize::Normalizer,
    /// The document's main language, when its function words tell.
    pub lang: Option<lang::Lang>,
    /// The years written in the document ([`years::written_years`]).
    pub years: &'a [(usize, usize, i32)],
    /// The analogy cues, when analogies are detected: a cue around a weak
    /// alias of a historical figure is evidence for it.
    pub cues: Option<&'a crate::analogy::Lexicon>,
}

/// Turns hits into mentions.
pub(crate) fn resolve(ctx: &Context<'_>, norm: &Normalized<'_>, hits: &[Hit]) -> Vec<Mention> {
    let resolved = choose(ctx, norm, hits);
    let mut mentions = anchor_years(ctx, norm.original(), resolved);
    if ctx.discovery {
        discover::discover_organizations(norm.original(), &mut mentions);
        let lexicon = discover::Lexicon {
            given: ctx.given,
            common: ctx.common,
            normalizer: ctx.normalizer,
        };
        discover::discover_people(norm.original(), &mut mentions, &lexicon);
    }
    mentions
}

/// One mention per hit that has an eligible candidate, with the index of the
/// chosen entry.
fn choose(ctx: &Context<'_>, norm: &Normalized<'_>, hits: &[Hit]) -> Vec<(Mention, u32)> {
    let (gazetteer, matcher) = (ctx.gazetteer, ctx.matcher);
    let original = norm.original();
    let entries = gazetteer.entries();
    let lowercase_doc = is_lowercase_document(original);
    // German capitalises every noun: there a capital on a common word
    // (`für Frieden`, `mit Kohl`) is no evidence anywhere in a sentence.
    let nouns_capitalised = ctx.lang == Some(lang::Lang::German);
    // Each hit's original span, mapped once; `None` when it has no exact one.
    let spans: Vec<Option<(usize, usize)>> = hits.iter().map(|h| norm.to_original(h.start, h.end)).collect();
    // A name written all in lower case where the gazetteer capitalises it
    // (`el centro`, `the kremlin`) is not a mention by itself, unless the
    // whole document is written in lower case.
    let lower: Vec<bool> = spans
        .iter()
        .map(|span| {
            !lowercase_doc && span.is_some_and(|(s, e)| is_all_lowercase(original.get(s..e).unwrap_or("")))
        })
        .collect();
    let casing_ok =
        |i: usize, t: &Target| !lower[i] || !has_uppercase(name_of(&entries[t.entry as usize], t.name));
    // How many hits name each entry by a strong alias.
    let mut strong_hits: HashMap<u32, u32> = HashMap::new();
    for (i, h) in hits.iter().enumerate() {
        for t in matcher.targets(h.pattern) {
            if !t.weak && casing_ok(i, t) {
                *strong_hits.entry(t.entry).or_default() += 1;
            }
        }
    }
    let strong: HashSet<u32> = strong_hits.keys().copied().collect();
    let doc = DocContext::new(
        ctx.years,
        hits.iter()
            .enumerate()
            .filter_map(|(i, h)| match matcher.targets(h.pattern) {
                [t] if !t.weak && casing_ok(i, t) => Some(&entries[t.entry as usize]),
                _ => None,
            }),
    );
    // In a document without capitals a weak alias has no capital to show;
    // a distinctive one (four letters or more, neither a common word nor a
    // given name: `putin`, `zelensky`) of a prominent entry (prior at
    // least `PROMINENT`) counts by itself. The common-word list is short, so
    // the prior keeps out obscure entries whose alias is an ordinary word
    // (`post`, `unity`, `total`).
    let distinctive: Vec<bool> = hits
        .iter()
        .map(|h| {
            lowercase_doc && {
                let key = norm.as_str().get(h.start..h.end).unwrap_or("");
                key.chars().count() >= 4 && !ctx.common.contains(key) && !ctx.given.contains(key)
            }
        })
        .collect();
    let listed = enumerations(original, &spans, hits, matcher, entries, &distinctive);
    let mut capital_lines = CapitalLines::new(original);
    hits.iter()
        .enumerate()
        .filter_map(|(i, hit)| {
            // Most hits are lower-case words whose every entry is written
            // with a capital (`march`, `bank`): no target can pass
            // `casing_ok`, so none is eligible; skipped before the costlier
            // context checks below.
            if !matcher.targets(hit.pattern).iter().any(|t| casing_ok(i, t)) {
                return None;
            }
            let (start, end) = spans[i]?;
            let surface = original.get(start..end)?;
            let key = norm.as_str().get(hit.start..hit.end).unwrap_or("");
            // A German genitive (`Putins`, `Russlands`) counts for a
            // capitalised name of four letters or more that is not, with its
            // `s`, a word of its own (`Alles`).
            if nouns_capitalised
                && crate::matcher::before_genitive_s(norm.as_str(), hit.end)
                && (!is_capitalised(surface)
                    || key.chars().count() < 4
                    || ctx.common.contains(&format!("{key}s")))
            {
                return None;
            }
            let common_word = ctx.common.contains(key);
            let german_noun = nouns_capitalised && ctx.german_nouns.contains(key);
            let determiner = after_determiner(original, start);
            let caps_line = capital_lines.at(start);
            // A capital says nothing about a common word at a sentence start,
            // after an article or in a headline written in capitals, nor
            // about a German noun anywhere.
            let plain_word =
                common_word && (caps_line || german_noun || sentence_initial(original, start) || determiner);
            let longer_name = in_longer_name(original, start, end, ctx.common);
            let capitalised =
                is_capitalised(surface) && !ALWAYS_CAPITALISED.contains(&key) && !plain_word && !longer_name;
            let cue = cues(original, start, end);
            // A capitalised place name right before a year ("Anchorage
            // 2025", even at a sentence start where `anchorage` is a common
            // word) is named, not a common word.
            let calendar = ALWAYS_CAPITALISED.contains(&key);
            let year_named =
                !calendar && is_capitalised(surface) && !longer_name && year_after(original, end).is_some();
            // In German text a noun that is also a name (`Frieden`) takes
            // its co-reference only where a name stands: next to a speech
            // verb, a title or before a comma, never after an article.
            // A month or weekday (`In May`, `im Mai`, after Theresa May)
            // needs a speech verb or a title even then: a comma follows dates
            // too (`In May, the talks resumed`).
            let spoken = cue.speech || cue.title || speech_before(original, start);
            let name_slot = if calendar {
                !determiner && (spoken || person_follows(&original[end..]))
            } else {
                !german_noun || (!determiner && (spoken || original[end..].starts_with(',')))
            };
            // A capitalised common word in a cue's slot ("the Chamberlain
            // of our age") may name a figure an analogy invokes; asked only
            // when the hit could be one, as the cue lookup costs.
            let historical = |e: &crate::gazetteer::Entry| e.analogy == Some(true) || e.valence.is_some();
            // A lower-case surface counts where the gazetteer writes the
            // alias in lower case too ("this is appeasement").
            let written_so = |t: &Target| {
                is_capitalised(surface)
                    || surface.starts_with(|c: char| c.is_ascii_digit())
                    || (is_all_lowercase(surface)
                        && !has_uppercase(name_of(&entries[t.entry as usize], t.name)))
            };
            let in_cue_slot = !capitalised
                && !calendar
                && matcher
                    .targets(hit.pattern)
                    .iter()
                    .any(|t| t.weak && historical(&entries[t.entry as usize]) && written_so(t))
                && ctx
                    .cues
                    .is_some_and(|lex| crate::analogy::cue_slot(lex, original, start, end));
            let eligible: Vec<Target> = matcher
                .targets(hit.pattern)
                .iter()
                .copied()
                .filter(|t| {
                    let entry = &entries[t.entry as usize];
                    let alias = name_of(entry, t.name);
                    // A month spelled as a strong alias (the town of Mai)
                    // still needs its name slot.
                    let evidence = (!t.weak && (!calendar || spoken))
                        || (strong.contains(&t.entry) && name_slot)
                        || (!(caps_line && common_word) && written_as_acronym(alias, surface))
                        || (cue.title && entry.kind == EntityKind::Person)
                        || (cue.speech && entry.kind == EntityKind::Person && is_capitalised(surface))
                        || listed[i].contains(&entry.kind)
                        || (german_noun
                            && !calendar
                            && cue.locative
                            && entry.kind == EntityKind::Place
                            && is_capitalised(surface))
                        || (capitalised && case_fits(alias, surface))
                        || (year_named && entry.kind == EntityKind::Place && case_fits(alias, surface))
                        || (distinctive[i] && entry.prior >= PROMINENT)
                        || (in_cue_slot && historical(entry) && case_fits(alias, surface));
                    evidence && casing_ok(i, t)
                })
                .collect();
            // A lone candidate has nobody to be told apart from.
            let fits = if eligible.len() < 2 {
                vec![Fit::default(); eligible.len()]
            } else {
                doc.fits(
                    &eligible
                        .iter()
                        .map(|t| &entries[t.entry as usize])
                        .collect::<Vec<_>>(),
                )
            };
            // Co-reference needs the entry named strongly by another hit: a
            // strong alias is no evidence for its own entry over the others
            // ("Lincoln said": the city's name, the president's surname).
            let own = |e: u32| {
                matcher
                    .targets(hit.pattern)
                    .iter()
                    .any(|t| t.entry == e && !t.weak && casing_ok(i, t))
            };
            let named_elsewhere = |e: u32| strong_hits.get(&e).copied().unwrap_or(0) > u32::from(own(e));
            let ranked = rank(entries, &eligible, &fits, cue, &named_elsewhere);
            let (&(best, best_score, fit), rest) = ranked.split_first()?;
            let entry = &entries[best.entry as usize];
            let alias = name_of(entry, best.name);
            let mut evidence = Vec::new();
            if !best.weak {
                evidence.push(Evidence::StrongAlias);
            } else if strong.contains(&best.entry) {
                evidence.push(Evidence::CoReference);
            } else if !(caps_line && common_word) && written_as_acronym(alias, surface) {
                evidence.push(Evidence::Acronym);
            } else if capitalised {
                evidence.push(Evidence::Capitalised);
            } else if listed[i].contains(&entry.kind) {
                evidence.push(Evidence::Enumeration);
            } else if in_cue_slot {
                evidence.push(Evidence::AnalogyCue);
            }
            if !best.weak && named_elsewhere(best.entry) && ranked.len() > 1 {
                evidence.push(Evidence::CoReference);
            }
            match entry.kind {
                EntityKind::Person if cue.title => evidence.push(Evidence::Title),
                EntityKind::Person if cue.speech => evidence.push(Evidence::Speech),
                EntityKind::Place if cue.locative => evidence.push(Evidence::Locative),
                _ => {}
            }
            if fit.country {
                evidence.push(Evidence::Country);
            }
            if fit.period {
                evidence.push(Evidence::Period);
            }
            if ranked.len() > 1 {
                evidence.push(Evidence::Prior);
            }
            if lowercase_doc && is_all_lowercase(surface) {
                evidence.push(Evidence::LowercaseDocument);
            }
            let mention = Mention {
                start,
                end,
                text: surface.to_string(),
                kind: entry.kind,
                id: Some(entry.id.clone()),
                canonical: entry.canonical.clone(),
                alias: alias.to_string(),
                score: best_score,
                evidence,
                candidates: rest
                    .iter()
                    .map(|&(t, score, _)| candidate(&entries[t.entry as usize], score))
                    .collect(),
                year: None,
                place: None,
                chars: None,
                utf16: None,
            };
            Some((mention, best.entry))
        })
        .collect()
}

/// The prior from which an entry's distinctive weak alias counts in a
/// lower-case document.
const PROMINENT: f32 = 0.8;

/// For each hit, the kinds named by a strong alias (or a `distinctive` weak
/// one) in the same enumeration ("Halle, Essen, Dresden", "Paris et Nice",
/// "trump and putin"): hits joined by a comma or a conjunction only. A weak
/// alias there is a name of that kind even where a capital says nothing
/// (German nouns, lower-case documents).
fn enumerations(
    text: &str,
    spans: &[Option<(usize, usize)>],
    hits: &[Hit],
    matcher: &Matcher,
    entries: &[Entry],
    distinctive: &[bool],
) -> Vec<Vec<EntityKind>> {
    let mut out = vec![Vec::new(); hits.len()];
    // A conjunction that is itself a hit (`and` spells the acronym AND) is
    // part of the joint, not a member of the enumeration.
    let members: Vec<usize> = (0..hits.len())
        .filter(|&k| !spans[k].is_some_and(|(s, e)| is_list_joint(text.get(s..e).unwrap_or(""))))
        .collect();
    let mut group_start = 0;
    for i in 1..=members.len() {
        let joined = i < members.len()
            && match (spans[members[i - 1]], spans[members[i]]) {
                (Some((_, prev_end)), Some((start, _))) => {
                    is_list_joint(text.get(prev_end..start).unwrap_or(""))
                }
                _ => false,
            };
        if joined {
            continue;
        }
        let group = &members[group_start..i];
        if group.len() > 1 {
            let kinds: Vec<EntityKind> = group
                .iter()
                .flat_map(|&k| {
                    matcher.targets(hits[k].pattern).iter().filter(move |t| {
                        !t.weak || (distinctive[k] && entries[t.entry as usize].prior >= PROMINENT)
                    })
                })
                .map(|t| entries[t.entry as usize].kind)
                .collect();
            for &k in group {
                out[k].clone_from(&kinds);
            }
        }
        group_start = i;
    }
    out
}

/// Whether the text between two names joins them in an enumeration.
fn is_list_joint(between: &str) -> bool {
    let t = between.trim();
    between.len() <= 6
        && (t == "," || ["and", "und", "et", "or", "oder", "ou", "&"].contains(&t.to_lowercase().as_str()))
}

/// Extends place mentions that stand next to a year into event mentions
/// (see [`crate::years`]). The year must not overlap the next mention.
fn anchor_years(ctx: &Context<'_>, text: &str, resolved: Vec<(Mention, u32)>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(resolved.len());
    let next_starts: Vec<usize> = resolved
        .iter()
        .skip(1)
        .map(|(m, _)| m.start)
        .chain([text.len()])
        .collect();
    for ((mut m, entry), next) in resolved.into_iter().zip(next_starts) {
        // A place inside a longer unknown name ("Silicon Valley Bank 2023")
        // is not anchored: the year belongs to that name.
        if m.kind == EntityKind::Place && !in_longer_name(text, m.start, m.end, ctx.common) {
            let prev_end = out.last().map_or(0, |p| p.end);
            let anchor = match year_after(text, m.end) {
                Some((year, end)) if end <= next => Some((year, m.start, end)),
                _ => year_before(text, m.start)
                    .filter(|&(_, start)| start >= prev_end)
                    .map(|(year, start)| (year, start, m.end)),
            };
            if let Some((year, start, end)) = anchor {
                m = anchored(ctx, text, m, entry, year, start, end);
            }
        }
        out.push(m);
    }
    out
}

/// The event-like mention of `place` in `year`, spanning `start..end`.
fn anchored(
    ctx: &Context<'_>,
    text: &str,
    place: Mention,
    entry: u32,
    year: i32,
    start: usize,
    end: usize,
) -> Mention {
    let entries = ctx.gazetteer.entries();
    let place_candidate = candidate(&entries[entry as usize], place.score);
    let (id, canonical, score) = match ctx.events.event(ctx.gazetteer, entry, year) {
        Some(ev) => {
            let ev = &entries[ev as usize];
            (Some(ev.id.clone()), ev.canonical.clone(), place.score)
        }
        None => (None, format!("{} {year}", place.canonical), place.score * 0.8),
    };
    let mut candidates = vec![place_candidate];
    candidates.extend(place.candidates);
    Mention {
        start,
        end,
        text: text.get(start..end).unwrap_or_default().to_string(),
        kind: EntityKind::Event,
        id,
        canonical,
        alias: place.alias,
        score,
        evidence: place.evidence.into_iter().chain([Evidence::YearAnchor]).collect(),
        candidates,
        year: Some(year),
        place: place.id,
        chars: None,
        utf16: None,
    }
}

/// Eligible targets with their scores and co-mention fits, best first
/// (stable on ties). The weight of a candidate is its prior, multiplied when
/// the document names the entity in full elsewhere (co-reference), when a
/// cue word asks for its kind (a title or speech verb for a person, a
/// preposition of place for a place), and for each co-mention signal that
/// fits it (`fits`, parallel to `eligible`); the score is its share of the
/// total weight.
fn rank(
    entries: &[Entry],
    eligible: &[Target],
    fits: &[Fit],
    cue: Cues,
    named_elsewhere: &dyn Fn(u32) -> bool,
) -> Vec<(Target, f32, Fit)> {
    let weight = |(t, fit): (&Target, &Fit)| {
        let entry = &entries[t.entry as usize];
        let mut w = entry.prior.max(1e-3);
        if named_elsewhere(t.entry) {
            w *= COREFERENCE_BOOST;
        }
        let kind_cue = match entry.kind {
            EntityKind::Person => cue.title || cue.speech,
            // Governments speak through their capitals and countries
            // ("Washington said", "Moscow warned"): metonymy, for
            // prominent places only ("Lincoln said" is the president).
            EntityKind::Place => {
                cue.locative
                    || (cue.speech
                        && (entry.subtype.as_deref() == Some("country") || entry.prior >= PROMINENT))
            }
            _ => false,
        };
        if kind_cue {
            w *= CUE_BOOST;
        }
        for signal in [fit.country, fit.period] {
            if signal {
                w *= CONTEXT_BOOST;
            }
        }
        w
    };
    let total: f32 = eligible.iter().zip(fits).map(weight).sum();
    let mut ranked: Vec<(Target, f32, Fit)> = eligible
        .iter()
        .zip(fits)
        .map(|(t, fit)| {
            let weak = if t.weak { WEAK_FACTOR } else { 1.0 };
            (*t, weight((t, fit)) / total * weak, *fit)
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranked
}

/// How much naming the entity in full elsewhere in the document weighs.
const COREFERENCE_BOOST: f32 = 4.0;
/// How much a cue word for the candidate's kind weighs.
const CUE_BOOST: f32 = 3.0;

/// Which lines are written in capitals (headlines): a capital there says
/// nothing about names. Each line is scanned once: hits come in text order
/// and the answer for the last line asked about is kept (a document on one
/// long line made the scan per hit quadratic).
struct CapitalLines<'t> {
    text: &'t str,
    /// The last line asked about: its bounds and whether it is in capitals.
    last: Option<(usize, usize, bool)>,
}

impl<'t> CapitalLines<'t> {
    fn new(text: &'t str) -> Self {
        CapitalLines { text, last: None }
    }

    /// Whether the line around `at` is written in capitals.
    fn at(&mut self, at: usize) -> bool {
        if let Some((start, end, caps)) = self.last {
            if start <= at && at <= end {
                return caps;
            }
        }
        let text = self.text;
        let start = text.get(..at).and_then(|b| b.rfind('\n')).map_or(0, |i| i + 1);
        let end = text
            .get(at..)
            .and_then(|a| a.find('\n'))
            .map_or(text.len(), |i| at + i);
        let caps = in_capitals(text.get(start..end).unwrap_or(""));
        self.last = Some((start, end, caps));
        caps
    }
}

/// Whether a line has at least 8 letters, 4 in 5 of them upper case.
fn in_capitals(line: &str) -> bool {
    let (mut upper, mut letters) = (0usize, 0usize);
    for c in line.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    letters >= 8 && upper * 5 >= letters * 4
}

fn candidate(entry: &Entry, score: f32) -> Candidate {
    Candidate {
        id: entry.id.clone(),
        kind: entry.kind,
        canonical: entry.canonical.clone(),
        score,
    }
}

fn name_of(entry: &Entry, name: u32) -> &str {
    entry
        .names()
        .nth(name as usize)
        .map_or(entry.canonical.as_str(), |(n, _)| n)
}

/// Whether `after` (the text after a name) goes on as only a person does:
/// a reflexive or relative pronoun ("May herself", "May, who…").
fn person_follows(after: &str) -> bool {
    const PRONOUNS: &[&str] = &[
        "herself",
        "himself",
        ", who ",
        "elle-même",
        "lui-même",
        ", qui ",
        "selbst",
        ", die ",
        ", der ",
    ];
    let after = after.trim_start_matches(' ');
    PRONOUNS.iter().any(|p| {
        let p = p.trim_start_matches(' ');
        after.get(..p.len()).is_some_and(|a| a.eq_ignore_ascii_case(p))
    })
}

/// Common words that English and German write with a capital anywhere in a
/// sentence (months, weekdays; normalised): a capital is no evidence for
/// them (`In May the talks resumed` is not about Theresa May), nor is a
/// full name elsewhere in the document without a speech verb or a title.
const ALWAYS_CAPITALISED: &[&str] = &[
    "januar",
    "februar",
    "marz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn has_uppercase(s: &str) -> bool {
    s.chars().any(char::is_uppercase)
}

/// Letters of a cased script, none of them upper case.
fn is_all_lowercase(s: &str) -> bool {
    s.chars().any(char::is_lowercase) && !has_uppercase(s)
}

/// A document written (almost) without capitals, like many social media
/// posts: fewer than 1 capital per 200 cased letters (so none at all in a
/// short text). Capitalisation then says nothing and is not asked for.
fn is_lowercase_document(text: &str) -> bool {
    let (mut lower, mut upper) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_lowercase() {
            lower += 1;
        } else if c.is_uppercase() {
            upper += 1;
        }
    }
    lower > 0 && upper * 200 < lower
}

/// Whether `at` begins a sentence, a line or the text (opening quotes and
/// brackets in between are skipped).
fn sentence_initial(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    for c in before.chars().rev() {
        match c {
            '\n' | '\r' => return true,
            '.' | '!' | '?' | ':' | ';' | '…' | '•' => return true,
            c if c.is_whitespace() => continue,
            '"' | '\'' | '“' | '„' | '«' | '‘' | '(' | '[' | '-' | '–' | '—' | '*' => continue,
            _ => return false,
        }
    }
    true
}

fn uppercase_count(s: &str) -> usize {
    s.chars().filter(|c| c.is_uppercase()).count()
}

/// An acronym alias (`PAS`, `AfD`, `UN`) is evidence only when the text
/// writes at least as many capitals: `pas` and `Pas` are not `PAS`.
fn case_fits(alias: &str, surface: &str) -> bool {
    let wanted = uppercase_count(alias);
    wanted < 2 || uppercase_count(surface) >= wanted
}

/// An acronym written with all its capitals is evidence on its own, even
/// where the same letters also spell a common word (`le PAS malaisien`).
fn written_as_acronym(alias: &str, surface: &str) -> bool {
    let wanted = uppercase_count(alias);
    wanted >= 2 && uppercase_count(surface) >= wanted
}

/// Lower-case name particles skipped by the capitalisation test, so that
/// `de Gaulle` and `von der Leyen` count as capitalised.
const PARTICLES: &[&str] = &[
    "de", "du", "des", "d'", "la", "le", "les", "von", "van", "der", "den", "zu", "di", "da", "del", "della",
    "dos", "das", "bin", "ibn", "al", "el", "ter", "op",
];

/// Whether the first word of `surface` that is not a lower-case particle
/// starts with an upper-case letter; text in a script without case counts
/// as capitalised.
fn is_capitalised(surface: &str) -> bool {
    let word = surface
        .split(|c: char| c.is_whitespace() || c == '-')
        .find(|w| !w.is_empty() && !PARTICLES.contains(w))
        .unwrap_or(surface);
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| c.is_uppercase() || !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::{after_determiner, is_capitalised, sentence_initial};

    #[test]
    fn determiners() {
        assert!(after_determiner("über den Frieden", 10));
        assert!(after_determiner("la Police", 3));
        assert!(after_determiner("l’Orange", 4));
        assert!(!after_determiner("Luc Frieden", 4));
        assert!(!after_determiner("Frieden", 0));
    }

    #[test]
    fn sentence_starts() {
        assert!(sentence_initial("Auch hier", 0));
        assert!(sentence_initial("Ja. Auch hier", 4));
        assert!(sentence_initial("Er sagte: „Auch", 13));
        assert!(!sentence_initial("Er war in Auch", 10));
    }

    #[test]
    fn capitalisation() {
        assert!(is_capitalised("Putin"));
        assert!(is_capitalised("de Gaulle"));
        assert!(is_capitalised("von der Leyen"));
        assert!(is_capitalised("普京"));
        assert!(!is_capitalised("putin"));
        assert!(!is_capitalised("de gaulle"));
    }
}
