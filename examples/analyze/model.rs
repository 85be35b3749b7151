//! The output records: one per document, with mentions and analogies whose
//! offsets point into the original file (for HTML, the HTML source).
//!
//! This is the public JSON contract of `--format jsonl`; `schema.json`
//! beside this file describes it and README.md documents it.

use crate::input::Doc;
use precedent::{
    AnalogyEvidence, Candidate, CueFamily, Document, EntityKind, Evidence, Mention, Polarity, Side, Stance,
};
use serde::Serialize;

/// One document's output.
#[derive(Debug, Serialize)]
pub struct OutDoc<'a> {
    /// The file path, `-`, or the JSON line's id.
    pub doc: &'a str,
    /// Mentions, in text order.
    pub mentions: Vec<OutMention<'a>>,
    /// Historical analogies, in the order of their historical side.
    pub analogies: Vec<OutAnalogy<'a>>,
}

/// A mention, with offsets into the original.
#[derive(Debug, Serialize)]
pub struct OutMention<'a> {
    pub start: usize,
    pub end: usize,
    /// `&original[start..end]`.
    pub text: &'a str,
    /// For HTML input, the text as read (tags removed, references
    /// decoded), when it differs from `text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plain: Option<&'a str>,
    pub kind: EntityKind,
    pub id: Option<&'a str>,
    pub canonical: &'a str,
    pub alias: &'a str,
    pub score: f32,
    pub evidence: &'a [Evidence],
    pub candidates: &'a [Candidate],
    pub year: Option<i32>,
    pub place: Option<&'a str>,
}

/// One side of an analogy.
#[derive(Debug, Serialize)]
pub struct OutSide<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plain: Option<&'a str>,
    /// `null` for a bare year ("unlike 1938").
    pub kind: Option<EntityKind>,
    pub id: Option<&'a str>,
    pub canonical: Option<&'a str>,
    pub year: Option<i32>,
    /// The mention's score; `null` when the side is no mention.
    pub score: Option<f32>,
    /// Index of the mention in `mentions`; `null` when the side is no
    /// mention.
    pub mention: Option<usize>,
}

/// The cue of an analogy.
#[derive(Debug, Serialize)]
pub struct OutCue<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub family: CueFamily,
    pub lang: &'a str,
}

/// A sentence span.
#[derive(Debug, Serialize, Clone, Copy)]
pub struct OutSpan {
    pub start: usize,
    pub end: usize,
}

/// A historical analogy.
#[derive(Debug, Serialize)]
pub struct OutAnalogy<'a> {
    /// The historical side.
    pub target: OutSide<'a>,
    /// The present side, `null` when implicit.
    pub source: Option<OutSide<'a>>,
    pub cue: Option<OutCue<'a>>,
    pub family: CueFamily,
    pub stance: Stance,
    pub polarity: Polarity,
    /// From the first sentence's start to the last one's end.
    pub sentence: OutSpan,
    pub sentences: Vec<OutSpan>,
    pub confidence: f32,
    pub evidence: &'a [AnalogyEvidence],
}

/// Maps spans of the extracted text to the original.
struct Spans<'a> {
    input: &'a Doc,
}

impl<'a> Spans<'a> {
    /// The original span, its text, and the extracted text when different.
    fn map(&self, start: usize, end: usize) -> (usize, usize, &'a str, Option<&'a str>) {
        let Some(html) = &self.input.html else {
            let text = self.input.text.get(start..end).unwrap_or_default();
            return (start, end, text, None);
        };
        let (s, e) = html.stripped.to_source(start, end);
        let text = html.source.get(s..e).unwrap_or_default();
        let plain = self.input.text.get(start..end).unwrap_or_default();
        (s, e, text, (plain != text).then_some(plain))
    }
}

impl<'a> OutDoc<'a> {
    /// The output record of `input`, whose extraction is `doc`.
    pub fn new(input: &'a Doc, doc: &'a Document) -> OutDoc<'a> {
        let spans = Spans { input };
        OutDoc {
            doc: &input.name,
            mentions: doc.mentions.iter().map(|m| mention(&spans, m)).collect(),
            analogies: doc
                .analogies
                .iter()
                .map(|a| OutAnalogy {
                    target: side(&spans, &a.target, &doc.mentions),
                    source: a.source.as_ref().map(|s| side(&spans, s, &doc.mentions)),
                    cue: a.cue.as_ref().map(|c| {
                        let (start, end, text, _) = spans.map(c.start, c.end);
                        OutCue {
                            start,
                            end,
                            text,
                            family: c.family,
                            lang: &c.lang,
                        }
                    }),
                    family: a.family,
                    stance: a.stance,
                    polarity: a.polarity,
                    sentence: covering(&spans, a.sentences.first().zip(a.sentences.last()), &a.target),
                    sentences: a
                        .sentences
                        .iter()
                        .map(|s| {
                            let (start, end, _, _) = spans.map(s.start, s.end);
                            OutSpan { start, end }
                        })
                        .collect(),
                    confidence: a.confidence,
                    evidence: &a.evidence,
                })
                .collect(),
        }
    }
}

fn mention<'a>(spans: &Spans<'a>, m: &'a Mention) -> OutMention<'a> {
    let (start, end, text, plain) = spans.map(m.start, m.end);
    OutMention {
        start,
        end,
        text,
        plain,
        kind: m.kind,
        id: m.id.as_deref(),
        canonical: &m.canonical,
        alias: &m.alias,
        score: m.score,
        evidence: &m.evidence,
        candidates: &m.candidates,
        year: m.year,
        place: m.place.as_deref(),
    }
}

fn side<'a>(spans: &Spans<'a>, s: &'a Side, mentions: &'a [Mention]) -> OutSide<'a> {
    let (start, end, text, plain) = spans.map(s.start, s.end);
    let m = s.mention.and_then(|i| mentions.get(i));
    OutSide {
        start,
        end,
        text,
        plain,
        kind: s.kind,
        id: s.id.as_deref(),
        canonical: s.canonical.as_deref(),
        year: s.year,
        score: m.map(|m| m.score),
        mention: s.mention.filter(|_| m.is_some()),
    }
}

/// The span from the first sentence to the last, or the target's span when
/// the analogy lists no sentence.
fn covering(
    spans: &Spans<'_>,
    first_last: Option<(&precedent::SentenceSpan, &precedent::SentenceSpan)>,
    target: &Side,
) -> OutSpan {
    let (start, end) = first_last.map_or((target.start, target.end), |(f, l)| (f.start, l.end));
    let (start, end, _, _) = spans.map(start, end);
    OutSpan { start, end }
}
