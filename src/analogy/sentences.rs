//! Sentence spans, cheap and good enough for news text: a sentence ends at
//! `.`, `!`, `?` or `…` followed by a space and not preceded by a known
//! abbreviation or an initial, and at a blank line or a line break.

use super::SentenceSpan;

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "gov", "pres", "m", "mme", "mlle", "vs", "etc",
    "no", "nr", "bzw", "z", "b", "ca", "vgl", "sog", "dt", "jr", "sr", "u", "s", "e", "d", "h",
];

/// The sentences of a text, as sorted start offsets.
#[derive(Debug)]
pub(crate) struct Sentences {
    starts: Vec<usize>,
    len: usize,
}

impl Sentences {
    pub fn new(text: &str) -> Sentences {
        let mut starts = vec![0];
        let b = text.as_bytes();
        for (i, c) in text.char_indices() {
            let next = i + c.len_utf8();
            let ends = match c {
                '\n' => true,
                '.' => {
                    b.get(next).is_some_and(|n| n.is_ascii_whitespace())
                        && !after_abbreviation(text, i)
                        && !german_ordinal(text, i)
                }
                '!' | '?' | '…' => text[next..].starts_with(char::is_whitespace),
                _ => false,
            };
            if ends && next < text.len() {
                // Closing quotes and brackets belong to the sentence they end.
                let rest = &text[next..];
                let skip = rest.len()
                    - rest
                        .trim_start_matches(['"', '”', '»', '“', ')', ' ', '\u{a0}'])
                        .len();
                let start = next + skip;
                if start < text.len() && starts.last() != Some(&start) {
                    starts.push(start);
                }
            }
        }
        Sentences {
            starts,
            len: text.len(),
        }
    }

    /// Drops the sentence starts that fall inside a span of `spans` (sorted
    /// by start): a mention is never cut in two ("Sony Corp. of America v.
    /// Universal City Studios" is one name, though "Corp. " looks like a
    /// sentence end), so every side lies within one sentence.
    pub fn keep_whole(&mut self, spans: impl Iterator<Item = (usize, usize)>) {
        let mut spans = spans.peekable();
        self.starts.retain(|&s| {
            while spans.peek().is_some_and(|&(_, end)| end <= s) {
                spans.next();
            }
            !spans.peek().is_some_and(|&(start, end)| start < s && s < end)
        });
    }

    /// The sentence containing byte `at`: (start, end).
    pub fn around(&self, at: usize) -> (usize, usize) {
        let k = self.starts.partition_point(|&s| s <= at).saturating_sub(1);
        let end = self.starts.get(k + 1).copied().unwrap_or(self.len);
        (self.starts[k], end)
    }

    /// The sentences from the one containing `from` to the one containing
    /// `to`, in order.
    pub fn spanning(&self, from: usize, to: usize) -> Vec<SentenceSpan> {
        let first = self.starts.partition_point(|&s| s <= from).saturating_sub(1);
        let last = self
            .starts
            .partition_point(|&s| s <= to)
            .saturating_sub(1)
            .max(first);
        (first..=last)
            .map(|k| SentenceSpan {
                start: self.starts[k],
                end: self.starts.get(k + 1).copied().unwrap_or(self.len),
            })
            .collect()
    }

    /// The start of the sentence `n` sentences before the one starting at
    /// `start` (or of the first).
    pub fn start_of_previous(&self, start: usize, n: usize) -> usize {
        let k = self.starts.partition_point(|&s| s < start);
        self.starts[k.saturating_sub(n)]
    }
}

/// Whether the period at `dot` follows an abbreviation or a single initial.
fn after_abbreviation(text: &str, dot: usize) -> bool {
    let word: String = text[..dot]
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || ABBREVIATIONS.contains(&lower.as_str())
}

/// Words a German ordinal stands before ("des 21. Jahrhunderts", "am 9.
/// November"): the period after the number ends no sentence.
const ORDINAL_NOUNS: &[&str] = &[
    "jahrhundert",
    "jahrhunderts",
    "jahrestag",
    "jahrestages",
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
];

/// Whether the period at `dot` follows a number of one or two digits and
/// comes before a word a German ordinal stands before.
fn german_ordinal(text: &str, dot: usize) -> bool {
    let digits = text[..dot].bytes().rev().take_while(u8::is_ascii_digit).count();
    let number_alone = !text[..dot - digits].ends_with(|c: char| c.is_alphanumeric());
    let next: String = text[dot + 1..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    (1..=2).contains(&digits) && number_alone && ORDINAL_NOUNS.contains(&next.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences() {
        let text =
            "Do you remember the Cuban Missile Crisis? Mr. Kennedy did. Why not follow J. F. K.?\nNext";
        let s = Sentences::new(text);
        let (a, b) = s.around(0);
        assert_eq!(&text[a..b], "Do you remember the Cuban Missile Crisis? ");
        let (a, b) = s.around(text.find("Kennedy").unwrap());
        assert_eq!(&text[a..b], "Mr. Kennedy did. ");
        let (a, _) = s.around(text.find("Why").unwrap());
        assert_eq!(s.start_of_previous(a, 2), 0);
        let (a, b) = s.around(text.len() - 1);
        assert_eq!(&text[a..b], "Next");
        // A cue pointing back spans every sentence from the target's to its own.
        let spans = s.spanning(text.find("Cuban").unwrap(), text.find("Why").unwrap());
        assert_eq!(spans.len(), 3);
        assert_eq!((spans[0].start, spans[2].end), (0, text.find("\nNext").unwrap()));
    }

    /// Regression: "der Churchill des 21. Jahrhunderts" was cut after "21.",
    /// so the naming cue's suffix lay outside the sentence.
    #[test]
    fn german_ordinals_end_no_sentence() {
        let text = "Selenskyj, der Churchill des 21. Jahrhunderts, kam am 9. November. Dann 12. Neu.";
        let s = Sentences::new(text);
        let (a, b) = s.around(0);
        assert_eq!(
            &text[a..b],
            "Selenskyj, der Churchill des 21. Jahrhunderts, kam am 9. November. "
        );
        let (a, b) = s.around(text.find("Dann").unwrap());
        assert_eq!(&text[a..b], "Dann 12. ");
    }
}
