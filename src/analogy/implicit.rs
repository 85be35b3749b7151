//! The second stage: comparisons without a cue of the lexicons.
//!
//! Writers often compare without a set phrase: "Trump's posts against
//! Powell are cruder than anything Nixon ever said about Arthur Burns, but
//! the pressure is the same"; "De Gaulle l'a fait en 1966 ; l'Europe doit
//! aujourd'hui trouver le même courage". No single word proves a
//! comparison, so this stage adds up independent, explainable signals
//! around each historical side the cue stage left unused, and reports an
//! analogy only when enough of them agree (see [`Signals::score`]):
//!
//! - the side is commonly invoked (the gazetteer's `analogy` flag or a
//!   valence);
//! - the sentence names the present: a living person, an organisation, a
//!   recent year, or a present-time word ("today", "notre", "heute");
//! - the sentence holds a comparison word ("the same", "than", "comme",
//!   "damals");
//! - the document already draws an analogy with a cue: it argues from
//!   history, so its other historical sides are likely part of the
//!   argument.
//!
//! In a document that argues from history, a commonly invoked side needs
//! no comparison word, unless it belongs to the story of a precedent an
//! analogy already took (Kennedy after the Cuban Missile Crisis: same
//! years, or the same entry again).
//!
//! A word of plain narration or commemoration in the sentence
//! ("anniversary", "was born", "Gedenkfeier", a superlative's "since")
//! vetoes the stage. The words are data: `gazetteers/cues/markers.tsv`.

use super::Analogy;
use super::{
    mention_side, polarity_of, valence_stance, AnalogyEvidence, CueFamily, CueSpan, Detection, Polarity,
    SentenceSpan, Stance,
};
use crate::error::{Error, GazetteerErrorKind, Result};
use crate::gazetteer::EntityKind;
use std::collections::HashMap;

/// The bundled marker file.
const BUNDLED: (&str, &str) = (
    "gazetteers/cues/markers.tsv",
    include_str!("../../gazetteers/cues/markers.tsv"),
);

/// The score at which the signals make an analogy (see [`Signals::score`]).
const THRESHOLD: u32 = 3;

/// Years by which two entries' times may miss each other and still be
/// one story (see `Detection::elaborates`).
const ELABORATION_SLACK: i32 = 2;

/// How many bytes open a document (its headline and lead).
const LEAD: usize = 300;

/// What a marker word says about its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Explicitly likens two things ("the same", "parallel").
    Compare,
    /// A comparator or a then-and-now adverb ("than", "like", "damals"):
    /// it may compare, but plain narration uses it too.
    Comparator,
    /// Puts the sentence in the present.
    Present,
    /// Narration: no comparison.
    History,
    /// Commemoration, exhibition, obituary, review: no comparison in the
    /// sentence, nor in the document when it opens with one.
    Frame,
    /// The comparison draws a lesson.
    Lesson,
    /// The comparison is denied.
    Deny,
}

impl Class {
    fn parse(s: &str) -> Option<Class> {
        Some(match s {
            "compare" => Class::Compare,
            "comparator" => Class::Comparator,
            "present" => Class::Present,
            "history" => Class::History,
            "frame" => Class::Frame,
            "lesson" => Class::Lesson,
            "deny" => Class::Deny,
            _ => return None,
        })
    }
}

/// The marker phrases of all languages, indexed by their first word.
#[derive(Debug, Default)]
pub(crate) struct Markers {
    /// First word → (class, language, the phrase's words).
    by_first: HashMap<String, Vec<(Class, String, Vec<String>)>>,
}

/// A marker found in a sentence: its class, byte span and language.
type Hit<'m> = (Class, usize, usize, &'m str);

impl Markers {
    /// The bundled markers.
    pub fn bundled() -> Result<Markers> {
        Markers::parse(BUNDLED.1, BUNDLED.0)
    }

    /// Parses a marker file; a malformed line is an error naming the file
    /// and line.
    pub fn parse(text: &str, source_name: &str) -> Result<Markers> {
        let mut markers = Markers::default();
        let bad = |line: usize, kind: GazetteerErrorKind| Error::Gazetteer {
            source_name: source_name.to_string(),
            line,
            kind,
        };
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') || line.starts_with("lang\t") {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let [lang, class, phrase] = fields[..] else {
                let kind = GazetteerErrorKind::FieldCount {
                    expected: 3,
                    found: fields.len(),
                };
                return Err(bad(n + 1, kind));
            };
            let class = Class::parse(class)
                .ok_or_else(|| bad(n + 1, GazetteerErrorKind::InvalidCue("class", class.to_string())))?;
            let words: Vec<String> = words(phrase).map(|(_, _, w)| w).collect();
            let Some(first) = words.first() else {
                return Err(bad(n + 1, GazetteerErrorKind::EmptyField("phrase")));
            };
            markers
                .by_first
                .entry(first.clone())
                .or_default()
                .push((class, lang.to_string(), words));
        }
        Ok(markers)
    }

    /// The markers in `text`, which starts at byte `offset` of the
    /// document; spans are document offsets.
    fn find(&self, text: &str, offset: usize) -> Vec<Hit<'_>> {
        let tokens: Vec<(usize, usize, String)> = words(text).collect();
        let mut out = Vec::new();
        for (i, (start, _, word)) in tokens.iter().enumerate() {
            let Some(phrases) = self.by_first.get(word) else {
                continue;
            };
            for (class, lang, phrase) in phrases {
                let matches = tokens
                    .get(i..i + phrase.len())
                    .is_some_and(|run| run.iter().zip(phrase).all(|((_, _, w), p)| w == p));
                if matches {
                    let end = tokens[i + phrase.len() - 1].1;
                    out.push((*class, offset + start, offset + end, lang.as_str()));
                }
            }
        }
        out
    }
}

/// The lower-cased words of `text` with their byte spans: runs of letters
/// and digits (an apostrophe splits "aujourd'hui" and "n'est" alike in
/// text and phrases).
fn words(text: &str) -> impl Iterator<Item = (usize, usize, String)> + '_ {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = rest.by_ref().find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            rest.next();
        }
        Some((start, end, text[start..end].to_lowercase()))
    })
}

/// A historical side the stage may report.
struct Candidate {
    j: usize,
    signals: Signals,
    /// The mention index of the present-day side.
    source: Option<usize>,
    sentence: SentenceSpan,
}

/// A comparison word found.
#[derive(Debug)]
struct Compared {
    start: usize,
    end: usize,
    explicit: bool,
    lang: String,
}

/// The signals around one historical side.
#[derive(Debug, Default)]
struct Signals {
    invoked: bool,
    present: bool,
    /// The first explicit comparison word, else the first comparator.
    compare: Option<Compared>,
    arguing: bool,
    /// The side belongs to the story of a precedent already taken.
    elaborates: bool,
    history: bool,
    lesson: bool,
    deny: bool,
}

impl Signals {
    fn add(&mut self, class: Class, start: usize, end: usize, lang: &str) {
        let explicit = self.compare.as_ref().is_some_and(|c| c.explicit);
        let word = Compared {
            start,
            end,
            explicit: class == Class::Compare,
            lang: lang.to_string(),
        };
        match class {
            Class::Compare if !explicit => self.compare = Some(word),
            Class::Compare => {}
            Class::Comparator => self.compare = self.compare.take().or(Some(word)),
            Class::Present => self.present = true,
            Class::History | Class::Frame => self.history = true,
            Class::Lesson => self.lesson = true,
            Class::Deny => self.deny = true,
        }
    }

    /// One point per signal, two for an explicit comparison word. Without
    /// a comparison word, only a commonly invoked side in a document that
    /// argues from history (and not a detail of a precedent already taken)
    /// reaches the threshold: a commonly invoked name beside a present-day
    /// one is otherwise often just news. A mere comparator ("than",
    /// "comme", "damals") needs the present named in the sentence, since
    /// narration compares the past with the past ("stronger than in
    /// 1940"). A narration word vetoes.
    fn score(&self) -> u32 {
        let Some(explicit) = self.compare.as_ref().map(|c| c.explicit) else {
            // No comparison word: a commonly invoked side in a document
            // that already argues from history is part of the argument,
            // unless it merely spells out a precedent already taken.
            let argued = self.invoked && self.arguing && !self.history && !self.elaborates;
            return if argued { THRESHOLD } else { 0 };
        };
        if self.history || !(explicit || self.present) {
            return 0;
        }
        [self.invoked, self.present, self.arguing, true, explicit]
            .into_iter()
            .map(u32::from)
            .sum()
    }
}

impl Detection<'_> {
    /// Historical sides left unused by the cue stages that enough signals
    /// make an analogy of.
    pub(super) fn implicit_comparisons(&mut self) {
        let candidates: Vec<Candidate> = (0..self.past.len()).filter_map(|j| self.candidate(j)).collect();
        // A document whose opening marks history (a museum opening, an
        // anniversary, an obituary, a review) narrates it throughout; read
        // only when there is a candidate, as most documents have none.
        if candidates.is_empty() || self.framed_as_history() {
            return;
        }
        // One analogy per sentence: of two historical sides ("Willy Brandt
        // … seiner Ostpolitik"), the one of the present side's kind (a
        // person for a person), then the higher score, then the one nearer
        // to the comparison word.
        let mut k = 0;
        while k < candidates.len() {
            let sentence = candidates[k].sentence;
            let group = candidates[k..].iter().take_while(|c| c.sentence == sentence);
            let n = group.clone().count();
            if let Some(best) = group.max_by_key(|c| self.preference(c)) {
                let source = best.source.map(|i| mention_side(&self.mentions[i], i));
                let a = self.implicit_analogy(best.j, &best.signals, source, sentence);
                self.push(best.j, Some(a));
            }
            k += n;
        }
    }

    /// Whether a cue-based analogy already stands in sentence `[s0, s1)`:
    /// its other historical sides are that analogy's present-day side or
    /// detail ("Alaska 2025 must not become Munich 1938", read in 2040).
    fn sentence_taken(&self, s0: usize, s1: usize) -> bool {
        self.out
            .iter()
            .any(|a| a.sentences.iter().any(|s| s.start < s1 && s0 < s.end))
    }

    /// Whether the sentence starting at `s0` comes right after one that
    /// rejects an analogy: it spells out the contrast ("…kein zweites 1982.
    /// Damals wechselte die FDP die Seiten…"), narrating the precedent.
    fn follows_a_rejection(&self, s0: usize) -> bool {
        let previous = self.sentences.start_of_previous(s0, 1);
        previous < s0
            && self.out.iter().any(|a| {
                a.stance == Stance::Rejection && a.sentences.iter().any(|s| s.end <= s0 && s.end > previous)
            })
    }

    /// Whether `side` belongs to the story of a precedent an analogy
    /// already took: the same entry again, or an entry whose time overlaps
    /// the precedent's ("Kennedy" and "Khrushchev" after the Cuban Missile
    /// Crisis, the Great Depression after Smoot-Hawley). Writers spell out
    /// the precedent they invoked; that is no second analogy.
    fn elaborates(&self, side: &super::Side) -> bool {
        let span = |s: &super::Side| -> Option<(i32, i32)> {
            let entry = s.id.as_deref().and_then(|id| self.ctx.gazetteer.get(id));
            let start = entry.and_then(|e| e.start).map(|d| d.year).or(s.year)?;
            let end = entry.and_then(|e| e.end).map_or(start, |d| d.year);
            Some((start.min(end), end.max(start)))
        };
        let own = span(side);
        self.out.iter().any(|a| {
            (a.target.id.is_some() && a.target.id == side.id)
                || matches!((own, span(&a.target)), (Some((s, e)), Some((t, u))) if s <= u + ELABORATION_SLACK && t <= e + ELABORATION_SLACK)
        })
    }

    /// Whether the document's first [`LEAD`] bytes hold a framing word.
    fn framed_as_history(&self) -> bool {
        let lead_end = crate::span::ceil_boundary(self.text, LEAD);
        let lead = self.text.get(..lead_end).unwrap_or_default();
        self.ctx
            .lexicon
            .markers
            .find(lead, 0)
            .iter()
            .any(|h| h.0 == Class::Frame)
    }

    /// Historical side `j` as a candidate of the stage, if its signals
    /// reach the threshold.
    fn candidate(&self, j: usize) -> Option<Candidate> {
        let p = &self.past[j];
        let present = self.ctx.year.unwrap_or(super::DEFAULT_PRESENT);
        // Places standing for their event and bare years need their cue:
        // tried here, years gave more false alarms than analogies (a year
        // dating an act: "De Gaulle l'a fait en 1966"). An event of the
        // last years is rather news than history here.
        let old = p
            .side
            .year
            .map_or(true, |y| y <= present - super::BARE_YEAR_DISTANCE);
        if self.used[j] || p.needs_tight_cue || !old {
            return None;
        }
        let (s0, s1) = self.sentences.around(p.side.start);
        if self.follows_a_rejection(s0) || self.sentence_taken(s0, s1) {
            return None;
        }
        let sentence = self.text.get(s0..s1)?;
        let source = self.present_mention(j, s0, s1);
        let mut signals = Signals {
            invoked: p.analogy_flag || p.valence.is_some(),
            present: source.is_some() || self.present_year(s0, s1),
            arguing: !self.out.is_empty(),
            elaborates: self.elaborates(&p.side),
            ..Signals::default()
        };
        for (class, start, end, lang) in self.ctx.lexicon.markers.find(sentence, s0) {
            // A marker inside the side's own name is part of the name; a
            // comparison word nearer to a side another analogy took is that
            // analogy's ("L'analogie avec Weimar a ses limites :
            // l'Allemagne de 1932…").
            if start < p.side.end && p.side.start < end || self.nearer_taken(j, start, s0, s1) {
                continue;
            }
            signals.add(class, start, end, lang);
        }
        (signals.score() >= THRESHOLD).then_some(Candidate {
            j,
            signals,
            source,
            sentence: SentenceSpan { start: s0, end: s1 },
        })
    }

    /// How much a candidate is preferred over others of its sentence.
    fn preference(&self, c: &Candidate) -> (bool, u32, std::cmp::Reverse<usize>) {
        let side = &self.past[c.j].side;
        let source_kind = c.source.map(|i| self.mentions[i].kind);
        let distance = c
            .signals
            .compare
            .as_ref()
            .map_or(usize::MAX, |w| distance(w.start, side));
        (
            source_kind.is_some() && side.kind == source_kind,
            c.signals.score(),
            std::cmp::Reverse(distance),
        )
    }

    fn implicit_analogy(
        &self,
        j: usize,
        signals: &Signals,
        source: Option<super::Side>,
        sentence: SentenceSpan,
    ) -> Analogy {
        let p = &self.past[j];
        let (stance, mut evidence) = if signals.deny {
            (Stance::Rejection, Vec::new())
        } else if signals.lesson {
            (Stance::Lesson, Vec::new())
        } else {
            valence_stance(CueFamily::Implicit, Stance::Neutral, p.valence)
        };
        let polarity = if signals.deny {
            Polarity::Negated
        } else {
            polarity_of(self.text, sentence.end, false)
        };
        evidence.insert(0, AnalogyEvidence::Signals);
        evidence.extend(p.evidence.iter().copied());
        if polarity == Polarity::Questioned {
            evidence.push(AnalogyEvidence::Question);
        }
        let cue = signals.compare.as_ref().map(|w| CueSpan {
            start: w.start,
            end: w.end,
            text: self.text.get(w.start..w.end).unwrap_or_default().to_string(),
            family: CueFamily::Implicit,
            lang: w.lang.clone(),
        });
        let confidence = 0.25 + 0.1 * signals.score() as f32;
        Analogy {
            target: p.side.clone(),
            source,
            cue,
            family: CueFamily::Implicit,
            stance,
            polarity,
            sentences: vec![sentence],
            confidence,
            evidence,
        }
    }

    /// The present-day side in `[s0, s1)`: the person nearest to side
    /// `j` that is no historical side, else the nearest organisation.
    fn present_mention(&self, j: usize, s0: usize, s1: usize) -> Option<usize> {
        let target = self.past[j].side.start;
        let historical = |start: usize| self.past.iter().any(|q| q.side.start == start);
        let nearest = |kind: EntityKind| {
            self.mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.start >= s0 && m.end <= s1 && m.kind == kind)
                .filter(|(_, m)| m.start != target && !historical(m.start))
                .min_by_key(|(_, m)| m.start.abs_diff(target))
                .map(|(i, _)| i)
        };
        nearest(EntityKind::Person).or_else(|| nearest(EntityKind::Organization))
    }

    /// Whether a side that an analogy took in sentence `[s0, s1)` stands
    /// nearer to byte `at` than side `j`.
    fn nearer_taken(&self, j: usize, at: usize, s0: usize, s1: usize) -> bool {
        let own = distance(at, &self.past[j].side);
        self.out
            .iter()
            .any(|a| a.target.start >= s0 && a.target.end <= s1 && distance(at, &a.target) < own)
    }

    /// Whether `[s0, s1)` writes a year of the present.
    fn present_year(&self, s0: usize, s1: usize) -> bool {
        let present = self.ctx.year.unwrap_or(super::DEFAULT_PRESENT);
        self.ctx
            .years
            .iter()
            .any(|&(s, e, y)| s >= s0 && e <= s1 && y > present - super::RECENT)
    }
}

/// How many bytes lie between byte `at` and `side` (0 inside it).
fn distance(at: usize, side: &super::Side) -> usize {
    if at < side.start {
        side.start - at
    } else {
        at.saturating_sub(side.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_markers_parse() {
        let m = Markers::bundled().expect("markers.tsv");
        assert!(
            m.by_first.contains_key("aujourd"),
            "aujourd'hui splits at its apostrophe"
        );
    }

    #[test]
    fn malformed_marker_line_names_file_and_line() {
        let err = Markers::parse("lang\tclass\tphrase\nen\tcompare\n", "m.tsv").unwrap_err();
        assert!(
            err.to_string().contains("m.tsv") && err.to_string().contains('2'),
            "{err}"
        );
        let err = Markers::parse("en\tlikeness\tsame\n", "m.tsv").unwrap_err();
        assert!(err.to_string().contains("likeness"), "{err}");
        assert!(Markers::parse("en\tcompare\t  \n", "m.tsv").is_err());
    }

    #[test]
    fn phrases_match_whole_words_with_any_apostrophe() {
        let m = Markers::parse(
            "en\tdeny\tit is not\nfr\tpresent\taujourd'hui\nen\tcompare\tsame\n",
            "m.tsv",
        )
        .unwrap();
        let text = "It is not the same. Aujourd’hui, samedi, it is nothing.";
        let found: Vec<(Class, &str)> = m
            .find(text, 0)
            .into_iter()
            .map(|(c, s, e, _)| (c, &text[s..e]))
            .collect();
        assert_eq!(
            found,
            [
                (Class::Deny, "It is not"),
                (Class::Compare, "same"),
                (Class::Present, "Aujourd’hui")
            ]
        );
        // Offsets are those of the document when the text is a slice of it.
        assert_eq!(m.find("same", 7), [(Class::Compare, 7, 11, "en")]);
    }

    #[test]
    fn score_needs_a_comparison_word_or_an_argued_document() {
        let word = |explicit| Compared {
            start: 0,
            end: 1,
            explicit,
            lang: "en".into(),
        };
        let all = |compare| Signals {
            invoked: true,
            present: false,
            compare,
            arguing: true,
            ..Signals::default()
        };
        // No comparison word: enough in a document that argues from
        // history, unless the side spells out a precedent already taken.
        assert_eq!(all(None).score(), THRESHOLD);
        let elaborating = Signals {
            elaborates: true,
            ..all(None)
        };
        assert_eq!(elaborating.score(), 0);
        let not_argued = Signals {
            arguing: false,
            ..all(None)
        };
        assert_eq!(not_argued.score(), 0);
        assert_eq!(
            all(Some(word(false))).score(),
            0,
            "a comparator without the present"
        );
        assert_eq!(all(Some(word(true))).score(), 4);
        let vetoed = Signals {
            history: true,
            ..all(Some(word(true)))
        };
        assert_eq!(vetoed.score(), 0);
    }
}
