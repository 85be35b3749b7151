//! Stage 4: historical analogies.
//!
//! An analogy links a present-day side (the *source*: "Alaska 2025",
//! "Putin", or nothing when the text leaves it implicit) to a historical
//! side (the *target*: "Munich 1938", "Hitler", "the Cuban Missile Crisis",
//! "1938") through a *cue* ("must not become", "another", "reminiscent of",
//! "the new", "moment", "the lessons of", "like", "unlike").
//!
//! Detection is cue-driven, because a historical name alone proves nothing
//! (the Munich Agreement is narrated far more often than it is invoked):
//!
//! 1. *Historical sides* are the mentions of past events, of people who
//!    died before the present, of places that stand for a commonly invoked
//!    event ("another Munich"), places with a past year, and bare years.
//!    The present is the document date when given, otherwise the crate's
//!    [`DEFAULT_PRESENT`]; a source with a year must also be later.
//! 2. A cue of the lexicons (`gazetteers/cues/*.tsv`, one per language)
//!    must stand right before the historical side (determiners between are
//!    allowed), right after it ("Sputnik moment", "Yalta 2.0"), or around
//!    it ("the Munich of our time"). Lists carry the cue on: "nor Munich,
//!    nor Yalta" gives two analogies.
//! 3. Free-standing cues point back: "Why did you not follow this
//!    example?" takes the nearest historical side in the same or the two
//!    previous sentences; "comparaison n'est pas raison" rejects it.
//! 4. Without a cue, two year-anchored sides in one sentence, a past one
//!    and a present one ("Alaska 2025 … Munich 1938"), are a juxtaposition.
//! 5. A second stage weighs the historical sides still unused: a commonly
//!    invoked one, the present named in its sentence, a comparison word
//!    ("the same", "than", "le même", "damals") and a document that already
//!    argues from history add up to an [`CueFamily::Implicit`] analogy of
//!    lower confidence (the words: `gazetteers/cues/markers.tsv`).
//!
//! *Stance* combines the cue family's default with the historical side's
//! usual valence (the `valence` column of the gazetteer): "a new Marshall
//! Plan" is an endorsement, "a new Munich" a warning. *Polarity* is
//! `negated` for rejection cues ("this is not Munich", "unlike 1938"),
//! `questioned` in a question, `affirmed` otherwise.

mod implicit;
mod lexicon;
mod periods;
mod sentences;

pub(crate) use lexicon::Lexicon;

use crate::gazetteer::{EntityKind, Entry, Gazetteer, Valence};
use crate::mention::Mention;
use crate::resolve::years::EventIndex;
use crate::span::{ceil_boundary, floor_boundary};
use sentences::Sentences;
use serde::{Deserialize, Serialize};

/// The year taken as the present when a document has no date.
pub const DEFAULT_PRESENT: i32 = 2026;

/// How far back an event or a death must lie to be history rather than
/// the present ("Alaska 2025" is the present side in 2026).
const RECENT: i32 = 5;

/// How far back a bare year must lie to be a historical side ("comme en
/// 1938"): nearer years are usually plain dates.
const BARE_YEAR_DISTANCE: i32 = 15;

/// A person born this many years before the present belongs to history
/// even when they died within [`RECENT`] years.
const ELDER_GENERATION: i32 = 90;

/// Cues weighing less need a present-day side in the sentence.
const WEAK_CUE: f32 = 0.75;

/// A rejection cue pointing back that is lighter than this only turns down
/// an analogy already made at the side it points to.
const FLIP_ONLY: f32 = 0.8;

/// How many bytes before a historical side a prefix cue may start.
const PREFIX_WINDOW: usize = 120;
/// How many bytes after a historical side a suffix cue may end.
const SUFFIX_WINDOW: usize = 60;

/// The family of a cue: how the text links present and past.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CueFamily {
    /// "must not become Y", "ne doit pas devenir Y", "darf kein zweites Y
    /// werden", "risks turning into Y".
    Becoming,
    /// "another Y", "a new Y", "Y all over again", "Y 2.0", "un nouveau Y".
    Repetition,
    /// "reminiscent of Y", "echoes of Y", "rappelle Y", "erinnert an Y".
    Evocation,
    /// Antonomasia: "the new Hitler", "the Y of our time", "le nouveau
    /// Staline".
    Naming,
    /// "a Sputnik moment", "un moment Munich", "ein Suez-Moment".
    Moment,
    /// "the lessons of Y", "do you remember Y?", "never again", "die Lehren
    /// aus Y".
    Lesson,
    /// "like de Gaulle did in 1958", "follow the example of Y", "comme en
    /// 1938", "wie 1938".
    Emulation,
    /// Two year-anchored sides side by side: "Alaska 2025 … Munich 1938".
    Juxtaposition,
    /// "this is not Munich", "unlike 1938", "comparaison n'est pas raison",
    /// "der Vergleich hinkt".
    Rejection,
    /// No cue of the lexicons: a historical side beside the present, with
    /// comparison words around ("cruder than anything Nixon said", "le
    /// même courage"); see the second stage in the module docs.
    Implicit,
}

impl CueFamily {
    /// The family's name as written in cue files and JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            CueFamily::Becoming => "becoming",
            CueFamily::Repetition => "repetition",
            CueFamily::Evocation => "evocation",
            CueFamily::Naming => "naming",
            CueFamily::Moment => "moment",
            CueFamily::Lesson => "lesson",
            CueFamily::Emulation => "emulation",
            CueFamily::Juxtaposition => "juxtaposition",
            CueFamily::Rejection => "rejection",
            CueFamily::Implicit => "implicit",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<CueFamily> {
        [
            CueFamily::Becoming,
            CueFamily::Repetition,
            CueFamily::Evocation,
            CueFamily::Naming,
            CueFamily::Moment,
            CueFamily::Lesson,
            CueFamily::Emulation,
            CueFamily::Juxtaposition,
            CueFamily::Rejection,
            CueFamily::Implicit,
        ]
        .into_iter()
        .find(|f| f.as_str() == s)
    }

    /// Whether the historical side's valence decides the stance for this
    /// family (a model to follow or a catastrophe to avoid).
    fn valence_decides(&self) -> bool {
        matches!(
            self,
            CueFamily::Becoming
                | CueFamily::Repetition
                | CueFamily::Naming
                | CueFamily::Moment
                | CueFamily::Emulation
                | CueFamily::Juxtaposition
                | CueFamily::Implicit
        )
    }
}

/// What the author does with the analogy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Stance {
    /// A negative precedent used against a course of action ("must not
    /// become Munich").
    Warning,
    /// A positive precedent used as a model ("follow the example of the
    /// Marshall Plan").
    Endorsement,
    /// A precedent to learn from ("the lessons of 1938").
    Lesson,
    /// The author denies the comparison ("this is not Munich").
    Rejection,
    /// A comparison without judgement ("reminiscent of Yalta").
    Neutral,
}

impl Stance {
    /// The stance's name as written in cue files and JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Stance::Warning => "warning",
            Stance::Endorsement => "endorsement",
            Stance::Lesson => "lesson",
            Stance::Rejection => "rejection",
            Stance::Neutral => "neutral",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Stance> {
        [
            Stance::Warning,
            Stance::Endorsement,
            Stance::Lesson,
            Stance::Rejection,
            Stance::Neutral,
        ]
        .into_iter()
        .find(|f| f.as_str() == s)
    }
}

/// Whether the text asserts, denies or asks about the analogy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Polarity {
    /// Asserted (also as a risk: "must not become Munich").
    Affirmed,
    /// Denied: "this is not Munich", "unlike 1938".
    Negated,
    /// Asked: "Is this another Munich?".
    Questioned,
}

/// Why an analogy was reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AnalogyEvidence {
    /// A cue of the lexicon stands next to the historical side.
    Cue,
    /// A free-standing cue points back to a historical side in an earlier
    /// sentence or earlier in the sentence.
    PointsBack,
    /// The historical side follows another one in a list ("nor Yalta").
    List,
    /// The historical side is a place and a past year ("Munich 1938").
    YearAnchor,
    /// The historical side is a place standing for its best-known event
    /// ("another Munich").
    PlaceForEvent,
    /// The gazetteer flags the historical event or person as commonly
    /// invoked in analogies.
    CommonAnalogy,
    /// The historical side's usual valence set the stance.
    Valence,
    /// The sentence is a question.
    Question,
    /// A rejection cue is followed by the same historical side again,
    /// named to be told apart ("The comparison is indecent. Alfred Dreyfus
    /// was tried in secret; …").
    Contrast,
    /// No cue: enough independent signals agree (a commonly invoked side,
    /// the present named in the sentence, a comparison word, a document
    /// that already argues from history).
    Signals,
}

/// One side of an analogy: a span of the original text and what it refers
/// to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Side {
    /// Byte offset of the first byte in the original text.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// `&original[start..end]`.
    pub text: String,
    /// The kind of entity, when the side is a mention.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EntityKind>,
    /// The gazetteer id: of the mention, or of the event a place stands
    /// for ("another Munich" → the Munich Agreement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The canonical name of that entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// The year the side stands for, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Index of the mention in [`crate::Document::mentions`], when the side
    /// is a mention.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mention: Option<usize>,
}

/// The words that link the two sides.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CueSpan {
    /// Byte offset of the first byte of the cue (for a cue in two parts,
    /// "the … of our time", the first part).
    pub start: usize,
    /// Byte offset just past the cue's last byte.
    pub end: usize,
    /// `&original[start..end]`.
    pub text: String,
    /// The cue's family.
    pub family: CueFamily,
    /// The language of the lexicon the cue comes from (`en`, `fr`, `de`).
    pub lang: String,
}

/// A sentence span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceSpan {
    /// Byte offset of the sentence's first byte.
    pub start: usize,
    /// Byte offset just past its last byte.
    pub end: usize,
}

/// A historical analogy: the text compares a present situation, person or
/// event (`source`) with a historical one (`target`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analogy {
    /// The historical side.
    pub target: Side,
    /// The present-day side; `None` when the text leaves it implicit.
    pub source: Option<Side>,
    /// The cue; `None` for a juxtaposition.
    pub cue: Option<CueSpan>,
    /// How the sides are linked.
    pub family: CueFamily,
    /// What the author does with the analogy.
    pub stance: Stance,
    /// Asserted, denied or asked.
    pub polarity: Polarity,
    /// The sentences the analogy spans, first to last (two or three when a
    /// cue points back to an earlier sentence).
    pub sentences: Vec<SentenceSpan>,
    /// Confidence in `[0, 1]`.
    pub confidence: f32,
    /// Why it was reported.
    pub evidence: Vec<AnalogyEvidence>,
}

/// What detection reads besides the text and its mentions.
pub(crate) struct Context<'a> {
    pub gazetteer: &'a Gazetteer,
    pub events: &'a EventIndex,
    pub lexicon: &'a Lexicon,
    /// The document's year, when known.
    pub year: Option<i32>,
    /// The years written in the document (see
    /// [`crate::resolve::years::written_years`]).
    pub years: &'a [(usize, usize, i32)],
}

/// A candidate historical side.
#[derive(Clone, Debug)]
struct Past {
    side: Side,
    valence: Option<Valence>,
    evidence: Vec<AnalogyEvidence>,
    analogy_flag: bool,
    /// A bare year or a place standing for an event: only a cue right
    /// next to it, with determiners at most, makes it historical.
    needs_tight_cue: bool,
}

/// Finds the analogies of `text`, whose mentions are `mentions`.
pub(crate) fn detect<'a>(ctx: &'a Context<'a>, text: &'a str, mentions: &'a [Mention]) -> Vec<Analogy> {
    let present = ctx.year.unwrap_or(DEFAULT_PRESENT);
    let past = historical_sides(ctx, text, mentions, present);
    let mut sentences = Sentences::new(text);
    sentences.keep_whole(mentions.iter().map(|m| (m.start, m.end)));
    let mut d = Detection {
        ctx,
        text,
        mentions,
        used: vec![false; past.len()],
        past,
        sentences,
        out: Vec::new(),
    };
    d.slot_cues();
    d.back_cues();
    d.juxtapositions();
    d.implicit_comparisons();
    let mut out = d.out;
    out.sort_by_key(|a| (a.target.start, a.cue.as_ref().map_or(0, |c| c.start)));
    out
}

/// The historical sides of the document, in text order.
fn historical_sides(ctx: &Context<'_>, text: &str, mentions: &[Mention], present: i32) -> Vec<Past> {
    let mut out = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if let Some(p) =
            historical_mention(ctx, text, m, i, present).or_else(|| dated_mention(ctx, text, m, i, present))
        {
            out.push(p);
        }
    }
    let dated: Vec<(usize, usize)> = out.iter().map(|p: &Past| (p.side.start, p.side.end)).collect();
    let decades = periods::decades(text);
    for &(start, end, year) in ctx.years {
        let inside = mentions.iter().any(|m| m.start <= start && end <= m.end)
            || dated.iter().any(|&(s, e)| s <= start && end <= e)
            || decades.iter().any(|&(s, e, _)| s <= start && end <= e);
        if !inside && !dates_a_mention(text, mentions, start) && year <= present - BARE_YEAR_DISTANCE {
            // A month or season before the year is part of the side
            // ("its own October 1962").
            let start = periods::month_before(text, start).unwrap_or(start);
            out.push(bare_period(text, start, end, year, ctx.events.year_valence(year)));
        }
    }
    for &(start, end, year) in &decades {
        let inside = mentions.iter().any(|m| m.start < end && start < m.end);
        if !inside && year <= present - BARE_YEAR_DISTANCE {
            out.push(bare_period(
                text,
                start,
                end,
                year,
                ctx.events.decade_valence(year),
            ));
        }
    }
    out.sort_by_key(|p| p.side.start);
    out
}

/// A living person or an organisation dated by the year written right
/// after it ("Schröder 2005", "Microsoft in 2001"): their act of that year
/// is the side, history only right next to a cue, like a bare year. A
/// person must have been an adult by then.
fn dated_mention(ctx: &Context<'_>, text: &str, m: &Mention, index: usize, present: i32) -> Option<Past> {
    if !matches!(m.kind, EntityKind::Person | EntityKind::Organization) {
        return None;
    }
    let (year, end) = crate::resolve::years::year_after(text, m.end)?;
    if year > present - BARE_YEAR_DISTANCE {
        return None;
    }
    let entry = m.id.as_deref().and_then(|id| ctx.gazetteer.get(id));
    let born = entry.and_then(|e| e.start).map(|d| d.year);
    if m.kind == EntityKind::Person && born.map_or(true, |b| b + ADULT > year) {
        return None;
    }
    let mut side = mention_side(m, index);
    side.end = end;
    side.text = text.get(m.start..end)?.to_string();
    side.year = Some(year);
    Some(Past {
        side,
        valence: entry.and_then(|e| e.valence),
        evidence: vec![AnalogyEvidence::YearAnchor],
        analogy_flag: false,
        needs_tight_cue: true,
    })
}

/// A person this old may stand for an act of theirs.
const ADULT: i32 = 18;

/// A year, a dated month or a decade as a historical side: history only
/// right next to a cue. A year takes the valence its commonly invoked
/// events share ("comme en 1938" warns, as the Munich Agreement does).
fn bare_period(text: &str, start: usize, end: usize, year: i32, valence: Option<Valence>) -> Past {
    Past {
        side: span_side(text, start, end, Some(year)),
        valence,
        evidence: Vec::new(),
        analogy_flag: false,
        needs_tight_cue: true,
    }
}

/// The widest gap between a mention and the year dating it (" de ", " vom ").
const MAX_DATING_GAP: usize = 8;

/// Whether the year at `start` dates the mention right before it ("the
/// Budapest Memorandum of 1994", "das Budapester Memorandum von 1994",
/// "les accords de Munich de 1938"): then it is no side of its own.
fn dates_a_mention(text: &str, mentions: &[Mention], start: usize) -> bool {
    const DATING: &[&str] = &["of", "in", "from", "de", "en", "du", "von", "aus", "im", "vom"];
    // Only one of the last mentions before the year, ending a word or two
    // before it, can date it (mentions are in text order). Lower-casing the
    // text between every earlier mention and every year was quadratic: a
    // 1 MB document took minutes (stop 13).
    let before = mentions.partition_point(|m| m.start < start);
    mentions[..before].iter().rev().take(4).any(|m| {
        m.end <= start
            && start - m.end <= MAX_DATING_GAP
            && text.get(m.end..start).is_some_and(|between| {
                let between = between.trim();
                DATING.contains(&between.to_lowercase().as_str())
                    // "vom Reichstagsbrand 1933": the event's own year;
                    // "was Brandt 1970 in Warschau tat": the person's act.
                    || (between.is_empty() && matches!(m.kind, EntityKind::Event | EntityKind::Person))
            })
    })
}

/// A mention as a historical side, if it is one.
fn historical_mention(
    ctx: &Context<'_>,
    text: &str,
    m: &Mention,
    index: usize,
    present: i32,
) -> Option<Past> {
    if speaker_label(text, m) {
        return None;
    }
    let entry = m.id.as_deref().and_then(|id| ctx.gazetteer.get(id));
    let mut side = mention_side(m, index);
    let mut evidence = Vec::new();
    let mut needs_tight_cue = false;
    let (valence, flag) = match (m.kind, entry) {
        (EntityKind::Event, Some(e)) => {
            let year = m.year.or(e.start.map(|d| d.year))?;
            if year > present - RECENT {
                return None;
            }
            side.year = Some(year);
            // Anchored by the resolver ("Munich 1938"), or an alias that
            // carries its year ("Saigon 1975", "the 1973 oil crisis").
            let written = ctx.years.iter().any(|&(s, e, _)| s >= m.start && e <= m.end)
                || crate::resolve::years::year_after(text, m.end).is_some_and(|(y, _)| y == year);
            if m.year.is_some() || written {
                evidence.push(AnalogyEvidence::YearAnchor);
            }
            (e.valence, e.analogy == Some(true))
        }
        (EntityKind::Event, None) => {
            // A place in a year that no event explains ("Helsinki 1975").
            let year = m.year?;
            if year > present - RECENT {
                return None;
            }
            evidence.push(AnalogyEvidence::YearAnchor);
            (None, false)
        }
        (EntityKind::Person, Some(e)) => {
            // Dead for a while, or of a generation whose time is history
            // though they died lately ("an Iranian Gorbachev", died 2022).
            let died = e.end?.year;
            let elder = e
                .start
                .is_some_and(|born| born.year <= present - ELDER_GENERATION);
            if died > present - RECENT && !elder {
                return None;
            }
            (e.valence, e.analogy == Some(true))
        }
        (EntityKind::Place, Some(e))
            if e.subtype.as_deref() == Some("historical_state") && e.end.is_some() =>
        {
            // A state that no longer exists stands for itself ("une
            // nouvelle Tchécoslovaquie", "the Weimar Republic").
            let year = e.end?.year;
            if year > present - RECENT {
                return None;
            }
            side.year = Some(year);
            (e.valence, e.analogy == Some(true))
        }
        (EntityKind::Place, Some(e)) => {
            let ev = event_of_place(ctx, m, e)?;
            let year = ev.start.map(|d| d.year)?;
            if year > present - RECENT {
                return None;
            }
            side.kind = Some(EntityKind::Event);
            side.id = Some(ev.id.clone());
            side.canonical = Some(ev.canonical.clone());
            side.year = Some(year);
            needs_tight_cue = true;
            evidence.push(AnalogyEvidence::PlaceForEvent);
            (ev.valence, true)
        }
        _ => return None,
    };
    if flag {
        evidence.push(AnalogyEvidence::CommonAnalogy);
    }
    Some(Past {
        side,
        valence,
        evidence,
        analogy_flag: flag,
        needs_tight_cue,
    })
}

/// Whether a person mention opens its line and a colon follows: the
/// speaker of an interview or a transcript ("Albers: Solche Schlagzeilen
/// helfen niemandem"), someone talking now, not a figure of history.
fn speaker_label(text: &str, m: &Mention) -> bool {
    let opens_line = text[..m.start].trim_end_matches([' ', '\t']).ends_with('\n') || m.start == 0;
    m.kind == EntityKind::Person && opens_line && text[m.end..].starts_with(':')
}

/// The event a place stands for in an analogy. A city or a region stands
/// for its event ("another Munich", "un nouveau Suez"); a country or a
/// continent stands for itself, unless an event takes its name as an alias
/// ("America's next Vietnam": the Vietnam War lists `~Vietnam`).
fn event_of_place<'g>(ctx: &Context<'g>, m: &Mention, place: &Entry) -> Option<&'g Entry> {
    let country = matches!(
        place.subtype.as_deref(),
        Some("country" | "continent" | "supranational")
    );
    if country || place.weak_canonical {
        return m
            .candidates
            .iter()
            .filter(|c| c.kind == EntityKind::Event)
            .filter_map(|c| ctx.gazetteer.get(&c.id))
            .find(|ev| ev.analogy == Some(true));
    }
    let index = ctx.gazetteer.index_of(m.id.as_deref()?)?;
    let event = ctx.events.analogy_event(ctx.gazetteer, index)?;
    ctx.gazetteer.entries().get(event as usize)
}

/// A matched cue next to a historical side: (cue index, cue start, cue end).
type Found = (usize, usize, usize);

/// The cue around past side `p` within sentence `[s0, s1)`, if any: prefix
/// cues (with their suffix when they have one) first, the longest wins;
/// then suffix-only cues.
fn cue_around(ctx: &Context<'_>, text: &str, p: &Past, s0: usize, s1: usize) -> Option<Found> {
    let lex = ctx.lexicon;
    // The side lies within its sentence (`Sentences::keep_whole`); the
    // clamps keep the slices valid should a side ever cross its end.
    let from = floor_boundary(
        text,
        p.side
            .start
            .saturating_sub(PREFIX_WINDOW)
            .max(s0)
            .min(p.side.start),
    );
    let before = &text[from..p.side.start];
    let to = ceil_boundary(text, (p.side.end + SUFFIX_WINDOW).min(s1).max(p.side.end));
    let after = &text[p.side.end..to];
    let mut best: Option<Found> = None;
    let modifier = names_a_work(before, after);
    // A place or a bare year is history only right next to its cue, a
    // place only next to a firm one: "This is Munich in October" and "back
    // in Munich by Friday" are the city, "another Munich" an analogy.
    let place = p.evidence.contains(&AnalogyEvidence::PlaceForEvent);
    for (i, cs, ce) in lex.prefixes(before) {
        let Some((_, suffix_end)) = lex.suffix_of(i, after) else {
            continue;
        };
        if modifier && suffix_end == 0 {
            continue;
        }
        // Antonomasia names a person or an event, never a bare period ("un
        // polar des années 1970" is no naming of the 1970s).
        if lex.cues[i].family == CueFamily::Naming && p.side.mention.is_none() {
            continue;
        }
        if p.needs_tight_cue
            && (!tight(before, ce)
                || after.starts_with(['-', '–', '—'])
                || (place && lex.cues[i].weight < FIRM_CUE))
        {
            continue;
        }
        let (start, end) = (
            from + cs,
            if suffix_end > 0 {
                p.side.end + suffix_end
            } else {
                from + ce
            },
        );
        // A weak cue never beats a firm one ("a new Watergate." is the
        // cue "a new", not the indefinite "a … ."); then the longest wins;
        // between equals, the first in the lexicon.
        let rank = |i: usize, s: usize, e: usize| (lex.cues[i].weight >= WEAK_CUE, e.max(p.side.start) - s);
        if best.map_or(true, |(bi, s, e)| rank(i, start, end) > rank(bi, s, e)) {
            best = Some((i, start, end));
        }
    }
    // A suffix-only cue beats a lighter prefix one ("This is Europe's
    // Churchill moment": the moment, not "This is").
    let weight = |f: Option<Found>| f.map_or(0.0, |(i, _, _)| lex.cues[i].weight);
    if weight(best) < SURE_PREFIX {
        if let Some(&(i, cs, ce)) = lex.suffixes(after).first() {
            // A place needs a firm cue on this side too ("Munich is back on
            // the agenda" is the city).
            let too_weak_for_place = place && lex.cues[i].weight < FIRM_CUE;
            if lex.cues[i].weight > weight(best) && !too_weak_for_place {
                best = Some((i, p.side.end + cs, p.side.end + ce));
            }
        }
    }
    // A moment in the side's own name ("a Sputnik moment") outweighs a
    // lighter cue around it (the indefinite "a … ,").
    match moment_inside(lex, &p.side) {
        Some(m) if weight(Some(m)) > weight(best) => Some(m),
        _ => best,
    }
}

/// Whether an analogy cue (not a weak one) stands right around `text[start..end]`
/// ("the Chamberlain *of our age*", "*needs a* Chamberlain"): evidence for
/// the resolver that a weak alias written like a common word names a
/// historical figure there.
pub(crate) fn cue_slot(lex: &Lexicon, text: &str, start: usize, end: usize) -> bool {
    let from = floor_boundary(text, start.saturating_sub(PREFIX_WINDOW));
    let before = &text[from..start];
    let after = &text[end..ceil_boundary(text, end + SUFFIX_WINDOW)];
    let not_weak = |i: usize| lex.cues[i].weight >= WEAK_CUE;
    lex.prefixes(before)
        .into_iter()
        .any(|(i, _, ce)| not_weak(i) && tight(before, ce) && lex.suffix_of(i, after).is_some())
        || lex.suffixes(after).into_iter().any(|(i, _, _)| not_weak(i))
}

/// Works about a person or an event, which a name before them only
/// qualifies ("a new Stalin biography").
const WORKS: &[&str] = &[
    "biography",
    "biographies",
    "biopic",
    "film",
    "films",
    "movie",
    "book",
    "books",
    "novel",
    "documentary",
    "exhibition",
    "statue",
    "portrait",
    "museum",
    "memoir",
    "memoirs",
    "series",
    "play",
    "opera",
    "musical",
    "retrospective",
    "scholar",
    "scholars",
    "historian",
    "historians",
    "archive",
    "archives",
];

/// Whether the side between `before` and `after` qualifies something
/// rather than being compared: a compound ("der neue Stalin-Film"), a
/// work about it ("a new Stalin biography") or a title in quotation marks
/// ("le nouveau « Staline » de Khlevniouk").
fn names_a_work(before: &str, after: &str) -> bool {
    let compound = after
        .strip_prefix('-')
        .is_some_and(|r| r.starts_with(char::is_alphabetic));
    let next: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let title = before.trim_end().ends_with(['«', '"', '“', '„'])
        && after.trim_start().starts_with(['»', '"', '”', '“']);
    compound || WORKS.contains(&next.as_str()) || title
}

/// An event whose own name carries the cue ("Sputnik moment", "moment
/// Spoutnik", "Lehman-Moment"): the cue is that word.
fn moment_inside(lex: &Lexicon, side: &Side) -> Option<Found> {
    let lower = side.text.to_lowercase();
    let (cs, ce) = if lower.ends_with("moment") && lower.len() > 7 {
        (side.end - 6, side.end)
    } else if lower.starts_with("moment ") {
        (side.start, side.start + 6)
    } else {
        return None;
    };
    let i = lex.cues.iter().position(|c| c.family == CueFamily::Moment)?;
    Some((i, cs, ce))
}

/// How far after its colon a list of dated precedents may end.
const COLON_REACH: usize = 200;

/// The weight a cue needs to make a place stand for its event.
const FIRM_CUE: f32 = 0.8;

/// A prefix cue this sure is not second-guessed by a suffix cue.
const SURE_PREFIX: f32 = 0.85;

/// Whether only spaces and at most one determiner or possessive ("l'",
/// "Britain's") stand between a cue ending at `cue_end` and the end of
/// `before`.
fn tight(before: &str, cue_end: usize) -> bool {
    before[cue_end..].split_whitespace().count() <= 1
}

/// Whether two surfaces share a capitalised word of four letters or more
/// ("affaire Dreyfus", "Alfred Dreyfus").
fn shares_proper_name(a: &str, b: &str) -> bool {
    let names = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_uppercase))
            .map(str::to_string)
            .collect()
    };
    let theirs = names(b);
    names(a).iter().any(|w| theirs.contains(w))
}

/// Whether the text between two historical sides joins them in a list.
fn is_list_joint(between: &str) -> bool {
    let words: Vec<String> = between
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    // Besides conjunctions: articles, "of", "as well", "then", "not".
    const JOINS: &[&str] = &[
        "weder", "then", "not", "the", "a", "le", "la", "l", "der", "die", "das", "of", "de", "von", "as",
        "well",
    ];
    between.len() <= 24
        && between
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || ",;'’".contains(c))
        && words
            .iter()
            .all(|w| CONJUNCTIONS.contains(&w.as_str()) || JOINS.contains(&w.as_str()))
}

/// Conjunctions that join the items of a list (EN, FR, DE).
const CONJUNCTIONS: &[&str] = &[
    "or", "nor", "and", "ou", "ni", "et", "oder", "noch", "und", "even",
];

/// The state of one detection run: the document, its historical sides,
/// which of them an analogy already took, and the analogies found.
struct Detection<'a> {
    ctx: &'a Context<'a>,
    text: &'a str,
    mentions: &'a [Mention],
    past: Vec<Past>,
    sentences: Sentences,
    used: Vec<bool>,
    out: Vec<Analogy>,
}

impl Detection<'_> {
    /// Cues next to a historical side, carried on over lists.
    fn slot_cues(&mut self) {
        let mut k = 0;
        while k < self.past.len() {
            let p = &self.past[k];
            let (s0, s1) = self.sentences.around(p.side.start);
            let Some(cue) = cue_around(self.ctx, self.text, p, s0, s1) else {
                k += 1;
                continue;
            };
            // The cue carries on over a list: "nor Munich, nor Yalta".
            let mut last = k;
            while let Some(next) = self.past.get(last + 1) {
                let between = &self.text[self.past[last].side.end.min(next.side.start)..next.side.start];
                if next.side.start >= s1 || !is_list_joint(between) {
                    break;
                }
                last += 1;
            }
            for j in k..=last {
                if self.used[j] {
                    continue;
                }
                let how: &[AnalogyEvidence] = if j > k {
                    &[AnalogyEvidence::Cue, AnalogyEvidence::List]
                } else {
                    &[AnalogyEvidence::Cue]
                };
                let spans = vec![SentenceSpan { start: s0, end: s1 }];
                self.push(j, self.analogy(j, cue, spans, how));
            }
            k = last + 1;
        }
    }

    /// Free-standing cues, pointing back to the nearest earlier side.
    fn back_cues(&mut self) {
        for (cue, cs, ce) in self.ctx.lexicon.back_cues(self.text) {
            if self.contrast_after(cue, cs, ce) {
                continue;
            }
            let (s0, _) = self.sentences.around(cs);
            let window_start = self.sentences.start_of_previous(s0, 2);
            // The nearest historical side before the cue, not a bare year or
            // a place (too weak without a cue next to it) unless an analogy
            // already took it.
            let past = &self.past;
            let Some(j) = (0..past.len()).rev().find(|&j| {
                past[j].side.end <= cs
                    && past[j].side.start >= window_start
                    && (!past[j].needs_tight_cue || self.used[j])
            }) else {
                continue;
            };
            let family = self.ctx.lexicon.cues[cue].family;
            let earlier = self.out.iter().position(|a| a.target.start == past[j].side.start);
            // A light rejection ("It isn't.", "That is wishful.", "la
            // comparaison ne tient pas") only turns down an analogy already
            // made; alone it would reject any history nearby.
            if family == CueFamily::Rejection
                && self.ctx.lexicon.cues[cue].weight < FLIP_ONLY
                && earlier.is_none()
            {
                continue;
            }
            // A question, or a memory cue ("Do you remember Y? … Why did you
            // not follow this example?"), gives way to the cue pointing back.
            let overridable = earlier.is_some_and(|k| {
                self.out[k].polarity == Polarity::Questioned || self.out[k].family == CueFamily::Lesson
            });
            if self.used[j] && family != CueFamily::Rejection && !overridable {
                continue;
            }
            let spans = self.sentences.spanning(past[j].side.start, cs);
            let Some(a) = self.analogy(j, (cue, cs, ce), spans, &[AnalogyEvidence::PointsBack]) else {
                continue;
            };
            if let Some(k) = earlier {
                // A later rejection overrides what an earlier cue asserted, a
                // cue pointing back what an earlier question asked.
                self.out.remove(k);
            }
            self.push(j, Some(a));
        }
    }

    /// A rejection cue followed, in its sentence or the next, by a side
    /// that names an earlier analogy's target again (same entry, or its
    /// year): "Some call it a new Dreyfus affair. The comparison is
    /// indecent. Alfred Dreyfus was tried in secret…", "la comparaison a
    /// ses limites : en 1945, …". The earlier analogy stands (it was made,
    /// and reported); the re-mention gets the rejection. Returns whether
    /// one was made.
    fn contrast_after(&mut self, cue: usize, cs: usize, ce: usize) -> bool {
        if self.ctx.lexicon.cues[cue].family != CueFamily::Rejection {
            return false;
        }
        let (c0, c1) = self.sentences.around(cs);
        let window_end = if c1 < self.text.len() {
            self.sentences.around(c1).1
        } else {
            c1
        };
        let earlier: Vec<&Side> = self
            .out
            .iter()
            .filter(|a| a.target.end <= cs && a.family != CueFamily::Rejection)
            .map(|a| &a.target)
            .collect();
        // The same entry, a bare year of its ("en 1945" after Yalta), or a
        // name sharing a proper name with it ("Alfred Dreyfus" after
        // "l'affaire Dreyfus").
        let again = |q: &Past| {
            earlier.iter().copied().find(|t| {
                (t.id.is_some() && t.id == q.side.id)
                    || (q.side.id.is_none() && t.year.is_some() && t.year == q.side.year)
                    || shares_proper_name(&t.text, &q.side.text)
            })
        };
        let Some((j, before)) = (0..self.past.len()).find_map(|j| {
            let q = &self.past[j];
            let fresh = !self.used[j] && q.side.start >= ce && q.side.end <= window_end;
            fresh.then(|| again(q)).flatten().map(|t| (j, t.clone()))
        }) else {
            return false;
        };
        // A bare year speaks of the earlier target's event.
        if self.past[j].side.id.is_none() && before.id.is_some() {
            let side = &mut self.past[j].side;
            side.kind = before.kind;
            side.id = before.id.clone();
            side.canonical = before.canonical.clone();
        }
        let (s0, s1) = self.sentences.around(self.past[j].side.start);
        let spans = self.sentences.spanning(c0, s0);
        let Some(mut a) = self.analogy(j, (cue, cs, ce), spans, &[AnalogyEvidence::Contrast]) else {
            return false;
        };
        a.source = self.source_side(&self.past[j], self.past[j].side.start, s0, s1);
        self.push(j, Some(a));
        true
    }

    /// Two year-anchored sides in one sentence, a past one and a present
    /// one, with no cue: "Alaska 2025, Munich 1938, Yalta 1945".
    fn juxtapositions(&mut self) {
        for (j, p) in self.past.iter().enumerate() {
            if self.used[j] || !p.evidence.contains(&AnalogyEvidence::YearAnchor) {
                continue;
            }
            let (s0, s1) = self.sentences.around(p.side.start);
            let Some(year) = p.side.year else { continue };
            // The present side: a year-anchored mention of the same sentence
            // at least a generation later, or else a present-day name
            // before a colon that opens a list of dated precedents ("Trump
            // and Putin in Alaska: Munich 1938? Yalta 1945?").
            let mentions = self.mentions;
            let same_sentence = mentions.iter().enumerate().find(|(_, m)| {
                m.start >= s0
                    && m.end <= s1
                    && m.year.is_some_and(|y| y >= year + 25)
                    && m.start != p.side.start
            });
            let (s0, (mi, m)) = match same_sentence {
                Some(found) => (s0, found),
                None => match self.colon_list_source(p.side.start) {
                    Some((colon_sentence, mi)) => (colon_sentence, (mi, &mentions[mi])),
                    None => continue,
                },
            };
            if !p.analogy_flag && p.side.id.is_some() {
                continue;
            }
            self.used[j] = true;
            let (stance, mut evidence) = valence_stance(CueFamily::Juxtaposition, Stance::Neutral, p.valence);
            evidence.extend(p.evidence.iter().copied());
            self.out.push(Analogy {
                target: p.side.clone(),
                source: Some(mention_side(m, mi)),
                cue: None,
                family: CueFamily::Juxtaposition,
                stance,
                polarity: polarity_of(self.text, s1, false),
                sentences: vec![SentenceSpan { start: s0, end: s1 }],
                confidence: 0.6 + if p.analogy_flag { 0.15 } else { 0.0 },
                evidence,
            });
        }
    }

    /// The present-day side of a list of dated precedents opened by a
    /// colon: `start` is preceded, up to a colon, only by other
    /// year-anchored historical sides, punctuation and conjunctions, and the
    /// colon's sentence names something of the present (the last such
    /// mention before the colon). Returns the colon sentence's start and the
    /// mention's index.
    fn colon_list_source(&self, start: usize) -> Option<(usize, usize)> {
        // Only a colon within `COLON_REACH` bytes can open the list (see
        // the length check below); looking further made long documents
        // quadratic.
        let from = floor_boundary(self.text, start.saturating_sub(COLON_REACH));
        let colon = from + self.text.get(from..start)?.rfind(':')?;
        // The list runs from the colon to the end of the side's sentence
        // (a question mark ends each item): up to the next sentence that
        // is not itself a dated item.
        let mut end = self.sentences.around(start).1;
        while end < self.text.len() {
            let (n0, n1) = self.sentences.around(end);
            if n1 <= end || !self.dated_items_only(n0, n1) {
                break;
            }
            end = n1;
        }
        if !self.dated_items_only(colon + 1, end) || end - colon > COLON_REACH {
            return None;
        }
        let (c0, _) = self.sentences.around(colon);
        // Dated precedents are not the present; a place that could stand
        // for an event ("Alaska") still names the present here.
        let dated = |start: usize| {
            self.past
                .iter()
                .any(|q| q.side.start == start && q.evidence.contains(&AnalogyEvidence::YearAnchor))
        };
        self.mentions
            .iter()
            .enumerate()
            .rev()
            .find(|(_, m)| {
                m.start >= c0
                    && m.end <= colon
                    && !dated(m.start)
                    && matches!(m.kind, EntityKind::Person | EntityKind::Place | EntityKind::Event)
            })
            .map(|(mi, _)| (c0, mi))
    }

    /// Whether `text[from..to]` holds only year-anchored historical sides,
    /// punctuation and conjunctions ("Munich 1938? Yalta 1945? Or
    /// Reykjavik 1986?"), and at least one side.
    fn dated_items_only(&self, from: usize, to: usize) -> bool {
        let Some(span) = self.text.get(from..to) else {
            return false;
        };
        let mut rest = span.to_string();
        let mut items = 0;
        for q in self
            .past
            .iter()
            .filter(|q| q.side.start >= from && q.side.end <= to)
        {
            if !q.evidence.contains(&AnalogyEvidence::YearAnchor) {
                return false;
            }
            let (a, b) = (q.side.start - from, q.side.end - from);
            rest.replace_range(a..b, &" ".repeat(b - a));
            items += 1;
        }
        items > 0
            && rest
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .all(|w| CONJUNCTIONS.contains(&w.as_str()) || w == "bien")
    }

    /// Records the analogy made for historical side `j`, if any: only a
    /// side that gave an analogy is taken (a weak cue without a present-day
    /// side leaves it free for a later cue).
    fn push(&mut self, j: usize, analogy: Option<Analogy>) {
        if let Some(a) = analogy {
            self.used[j] = true;
            self.out.push(a);
        }
    }

    /// Builds the analogy of historical side `j` and its cue over
    /// `sentences` (the cue's sentence last), or `None` when the source is
    /// not later than the target or a weak cue has no source. `how` leads
    /// the evidence.
    fn analogy(
        &self,
        j: usize,
        (ci, cs, ce): Found,
        sentences: Vec<SentenceSpan>,
        how: &[AnalogyEvidence],
    ) -> Option<Analogy> {
        let p = &self.past[j];
        let rule = &self.ctx.lexicon.cues[ci];
        let (s0, s1) = (sentences.first()?.start, sentences.last()?.end);
        let source = self.source_side(p, cs.min(p.side.start), s0, s1);
        if let (Some(src), Some(ty)) = (source.as_ref().and_then(|s| s.year), p.side.year) {
            if src <= ty {
                return None;
            }
        }
        // A weak cue ("like", "remember") makes an analogy only with a
        // present-day side in the sentence.
        if rule.weight < WEAK_CUE && source.is_none() {
            return None;
        }
        // "The new Hitler" names a person: antonomasia, not repetition.
        let family = match rule.family {
            CueFamily::Repetition if p.side.kind == Some(EntityKind::Person) => CueFamily::Naming,
            f => f,
        };
        let denial = family == CueFamily::Rejection;
        let (stance, valence_evidence) = if denial {
            (Stance::Rejection, Vec::new())
        } else {
            valence_stance(family, rule.stance, p.valence)
        };
        // A question with a cue pointing back is a reproach ("Why did you
        // not follow this example?"), not a question about the analogy.
        // So is a lesson asked as a question ("Do you remember the Cuban
        // Missile Crisis?"): rhetorical, the lesson is affirmed.
        let back = how.contains(&AnalogyEvidence::PointsBack);
        let polarity = match polarity_of(self.text, s1, denial) {
            Polarity::Questioned if back || family == CueFamily::Lesson => Polarity::Affirmed,
            p => p,
        };
        let mut evidence = how.to_vec();
        evidence.extend(p.evidence.iter().copied());
        evidence.extend(valence_evidence);
        if polarity == Polarity::Questioned {
            evidence.push(AnalogyEvidence::Question);
        }
        let mut confidence = rule.weight;
        if p.analogy_flag {
            confidence += (1.0 - confidence) * 0.3;
        }
        if p.needs_tight_cue {
            confidence *= 0.9;
        }
        if back {
            confidence *= 0.85;
        }
        Some(Analogy {
            target: p.side.clone(),
            source,
            cue: Some(CueSpan {
                start: cs,
                end: ce,
                text: self.text.get(cs..ce).unwrap_or_default().to_string(),
                family,
                lang: rule.lang.to_string(),
            }),
            family,
            stance,
            polarity,
            sentences,
            confidence: confidence.clamp(0.0, 1.0),
            evidence,
        })
    }

    /// The present-day side: the nearest mention before `before` in the
    /// sentence `[s0, s1)` that is not itself a historical side, else the
    /// nearest one after the target.
    fn source_side(&self, p: &Past, before: usize, s0: usize, s1: usize) -> Option<Side> {
        let current = |m: &Mention| {
            let historical = self
                .past
                .iter()
                .any(|q| q.side.start == m.start && !q.needs_tight_cue);
            m.start != p.side.start && !historical && m.kind != EntityKind::Group
        };
        let mentions = self.mentions.iter().enumerate();
        // The possessor right before the cue ("becoming Britain's Suez",
        // "America's next Vietnam") owns the comparison but is seldom the
        // thing compared: an earlier name of the sentence goes first.
        let possessor = |m: &Mention| {
            let between = self.text.get(m.end..before).unwrap_or("");
            let between = between.trim_end();
            between == "'s" || between == "’s"
        };
        let before_cue = mentions
            .clone()
            .rfind(|(_, m)| m.start >= s0 && m.end <= before && current(m) && !possessor(m))
            .or_else(|| {
                mentions
                    .clone()
                    .rfind(|(_, m)| m.start >= s0 && m.end <= before && current(m))
            });
        let after_target = || {
            mentions
                .clone()
                .find(|(_, m)| m.start >= p.side.end && m.end <= s1 && current(m))
        };
        // A name in the cue's own clause, else the noun phrase that opens
        // that clause ("The deal must not become Munich"), else a name
        // elsewhere in the sentence, else the noun phrase opening the
        // clause after the target ("Like Roosevelt in 1933, the new
        // president must act").
        let clause = clause_start(self.text, s0, before);
        if let Some((i, m)) = before_cue.filter(|(_, m)| m.start >= clause) {
            return Some(mention_side(m, i));
        }
        let phrase = |from: usize, to: usize| {
            noun_phrase(self.text, from, to).map(|(a, b)| span_side(self.text, a, b, None))
        };
        if let Some(side) = phrase(clause, before) {
            return Some(side);
        }
        if let Some((i, m)) = before_cue.or_else(after_target) {
            return Some(mention_side(m, i));
        }
        let rest = self.text.get(p.side.end..s1)?;
        let comma = p.side.end + rest.find(',')? + 1;
        phrase(comma, s1)
    }
}

/// Where the clause holding `at` starts: after the last comma, semicolon,
/// colon, dash, bracket or quotation mark before `at` in the sentence
/// starting at `s0`.
fn clause_start(text: &str, s0: usize, at: usize) -> usize {
    text.get(s0..at)
        .and_then(|t| t.rfind([',', ';', ':', '(', ')', '—', '–', '«', '»', '"', '“', '”', '„']))
        .map_or(s0, |i| {
            let rest = &text[s0 + i..];
            s0 + i + rest.chars().next().map_or(1, char::len_utf8)
        })
}

/// Words that open a noun phrase (articles, demonstratives, possessives).
const NP_OPENERS: &[&str] = &[
    "the", "this", "these", "those", "a", "an", "our", "their", "its", "his", "her", "today's", "le", "la",
    "les", "l", "ce", "cet", "cette", "ces", "un", "une", "notre", "nos", "leur", "leurs", "son", "sa",
    "ses", "der", "die", "das", "dieser", "diese", "dieses", "ein", "eine", "unser", "unsere", "ihr", "ihre",
    "sein", "seine", "den", "dem",
];

/// Words that end a noun phrase: verbs a subject stands before, and the
/// words of comparison.
const NP_STOPS: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "must",
    "may",
    "might",
    "can",
    "cannot",
    "can't",
    "won't",
    "does",
    "did",
    "do",
    "risks",
    "threatens",
    "looks",
    "seems",
    "feels",
    "becomes",
    "became",
    "as",
    "like",
    "to",
    "into",
    "not",
    "no",
    "never",
    "est",
    "sont",
    "était",
    "étaient",
    "a",
    "ont",
    "avait",
    "doit",
    "doivent",
    "peut",
    "pourrait",
    "risque",
    "semble",
    "ressemble",
    "devient",
    "comme",
    "ne",
    "n",
    "rappelle",
    "ist",
    "sind",
    "war",
    "waren",
    "hat",
    "haben",
    "wird",
    "werden",
    "darf",
    "kann",
    "könnte",
    "muss",
    "droht",
    "soll",
    "sollte",
    "erinnert",
    "gleicht",
    "wie",
    "als",
    "nicht",
    "kein",
    "keine",
    "hatte",
    "hatten",
    "wurde",
    "wurden",
    "scheint",
    "gilt",
    "believes",
    "says",
    "said",
    "wants",
    "thinks",
    "knows",
    "seems",
    "remains",
    "needs",
    "faces",
    "makes",
    "takes",
    "sees",
    "tries",
    "hopes",
    "fears",
    "warns",
    "insists",
    "argues",
    "claims",
    "refuses",
    "dit",
    "veut",
    "croit",
    "pense",
    "reste",
    "fait",
    "va",
    "sagt",
    "will",
    "glaubt",
    "meint",
    "bleibt",
    "macht",
    "geht",
    "steht",
    "fut",
    "serait",
    "sera",
    "seront",
    "furent",
    "qui",
    "que",
    "who",
    "which",
    "that",
];

/// Words that may come before the subject of a clause.
const NP_SKIP: &[&str] = &[
    "and", "but", "so", "yet", "et", "mais", "donc", "und", "aber", "doch", "denn",
];

/// The noun phrase opening `text[from..to]`: an article, demonstrative or
/// possessive and up to five more words, up to a verb, a participle, a
/// relative pronoun or a comparison word.
/// `None` when the clause does not open with one.
fn noun_phrase(text: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    let clause = text.get(from..to)?;
    let mut words = clause
        .split_inclusive(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .scan(from, |at, w| {
            let start = *at;
            *at += w.len();
            let word = w.trim_end_matches(|c: char| c.is_whitespace() || c == '\'' || c == '’');
            Some((
                start + (w.len() - w.trim_start().len()),
                start + word.len(),
                word.trim().to_lowercase(),
            ))
        })
        .filter(|(_, _, w)| !w.is_empty())
        .skip_while(|(_, _, w)| NP_SKIP.contains(&w.as_str()));
    let (start, _, first) = words.next()?;
    // After a comma, German "der", "die", "das" open a relative clause
    // more often than a subject.
    let relative = matches!(first.as_str(), "der" | "die" | "das") && text[..start].trim_end().ends_with(',');
    if !NP_OPENERS.contains(&first.as_str()) || relative {
        return None;
    }
    let mut end = None;
    for (s, e, w) in words.take(5) {
        // A lower-case past participle is a verb ("called", "réclamé").
        let participle = text[s..e].starts_with(char::is_lowercase)
            && (w.ends_with("ed") || w.ends_with('é') || w.ends_with("ée") || w.ends_with("és"));
        if NP_STOPS.contains(&w.as_str()) || participle || !w.chars().all(|c| c.is_alphanumeric() || c == '-')
        {
            break;
        }
        end = Some(e);
    }
    end.map(|e| (start, e))
}

/// A side that is a span of text without a mention: a bare period (with
/// its year) or a noun phrase.
fn span_side(text: &str, start: usize, end: usize, year: Option<i32>) -> Side {
    Side {
        start,
        end,
        text: text[start..end].to_string(),
        kind: None,
        id: None,
        canonical: None,
        year,
        mention: None,
    }
}

/// A mention as a side of an analogy.
fn mention_side(m: &Mention, index: usize) -> Side {
    Side {
        start: m.start,
        end: m.end,
        text: m.text.clone(),
        kind: Some(m.kind),
        id: m.id.clone(),
        canonical: Some(m.canonical.clone()),
        year: m.year,
        mention: Some(index),
    }
}

/// The stance of a cue family given the historical side's valence, and the
/// evidence when the valence decided.
fn valence_stance(
    family: CueFamily,
    default: Stance,
    valence: Option<Valence>,
) -> (Stance, Vec<AnalogyEvidence>) {
    if !family.valence_decides() {
        return (default, Vec::new());
    }
    match valence {
        Some(Valence::Positive) => (Stance::Endorsement, vec![AnalogyEvidence::Valence]),
        Some(Valence::Negative) => (Stance::Warning, vec![AnalogyEvidence::Valence]),
        _ => (default, Vec::new()),
    }
}

/// `Questioned` when the sentence ending at `s1` is a question (and the
/// cue does not deny), `Negated` for a denial.
fn polarity_of(text: &str, s1: usize, denial: bool) -> Polarity {
    if denial {
        return Polarity::Negated;
    }
    let sentence_end = text[..s1].trim_end();
    if sentence_end.ends_with('?') || sentence_end.ends_with("?»") || sentence_end.ends_with("? »") {
        Polarity::Questioned
    } else {
        Polarity::Affirmed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_joints() {
        assert!(is_list_joint(", nor "));
        assert!(is_list_joint(" und "));
        assert!(is_list_joint(", "));
        assert!(!is_list_joint(" was followed by "));
    }

    #[test]
    fn noun_phrases_open_clauses() {
        fn np(t: &str) -> Option<&str> {
            noun_phrase(t, 0, t.len()).map(|(a, b)| &t[a..b])
        }
        assert_eq!(np("The deal must not become"), Some("The deal"));
        assert_eq!(np("and the new president must act"), Some("the new president"));
        assert_eq!(np("The commissioner called for"), Some("The commissioner"));
        assert_eq!(np("la France de 2024 ne revit pas"), Some("la France de 2024"));
        assert_eq!(
            np("Der Sturm auf die Reichstagstreppe hatte"),
            Some("Der Sturm auf die Reichstagstreppe")
        );
        assert_eq!(np("it is"), None);
        assert_eq!(np("Putin is"), None);
        let t = "Like Roosevelt in 1933, the president must act";
        assert_eq!(clause_start(t, 0, t.len()), t.find(" the").unwrap());
    }
}
