//! The `Extractor`: the pipeline normalise → match → resolve, built once and
//! shared by every thread.

use crate::error::Result;
use crate::gazetteer::Gazetteer;
use crate::matcher::Matcher;
use crate::mention::Document;
use crate::normalize::{Normalizer, NormalizerConfig};
use crate::resolve::years::EventIndex;
use crate::resolve::{resolve, Context};
use crate::span::OffsetConverter;
use std::collections::HashSet;
use std::sync::Arc;

/// Which offsets mentions carry besides byte offsets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Offsets {
    /// Byte offsets only (the default; the cheapest).
    #[default]
    Bytes,
    /// Byte offsets plus char (code point) and UTF-16 offsets in
    /// [`crate::Mention::chars`] and [`crate::Mention::utf16`], for Python
    /// and JavaScript consumers.
    All,
}

/// Configures and builds an [`Extractor`].
///
/// Quick advice: the defaults are right for most uses. Add your own entries
/// with [`gazetteer`](Self::gazetteer); they are layered over the bundled
/// gazetteer, and an entry with the same id replaces the bundled one.
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    normalizer: NormalizerConfig,
    bundled: bool,
    layers: Vec<Gazetteer>,
    offsets: Offsets,
    discovery: bool,
    analogies: bool,
    language: Option<crate::Language>,
    present: Option<i32>,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder {
            normalizer: NormalizerConfig::default(),
            bundled: true,
            layers: Vec::new(),
            offsets: Offsets::Bytes,
            discovery: true,
            analogies: true,
            language: None,
            present: None,
        }
    }
}

impl ExtractorBuilder {
    /// A builder with the default configuration.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the normalisation steps (all on by default). Aliases and texts
    /// are normalised alike.
    pub fn normalizer(mut self, config: NormalizerConfig) -> Self {
        self.normalizer = config;
        self
    }

    /// Whether to start from the bundled gazetteer (default `true`).
    pub fn bundled(mut self, yes: bool) -> Self {
        self.bundled = yes;
        self
    }

    /// Layers a gazetteer over the bundled one and any added before it.
    pub fn gazetteer(mut self, gazetteer: Gazetteer) -> Self {
        self.layers.push(gazetteer);
        self
    }

    /// Whether to add names that the gazetteer does not list but a rule
    /// finds, with no id (default `true`): organisations by name pattern
    /// ("University of Tartu", "Bertelsmann-Stiftung") and people by a known
    /// given name and capitalised surname ("Anna Kowalska").
    pub fn discovery(mut self, yes: bool) -> Self {
        self.discovery = yes;
        self
    }

    /// Whether to detect historical analogies (default `true`; see
    /// [`crate::analogy`]). Off, [`Document::analogies`] stays empty.
    pub fn analogies(mut self, yes: bool) -> Self {
        self.analogies = yes;
        self
    }

    /// Which offsets mentions carry (default: bytes only).
    pub fn offsets(mut self, offsets: Offsets) -> Self {
        self.offsets = offsets;
        self
    }

    /// Fixes the language of every document instead of guessing it from
    /// each document's function words (the default, `None`).
    pub fn language(mut self, language: Option<crate::Language>) -> Self {
        self.language = language;
        self
    }

    /// The year the documents were written in, used by [`Extractor::extract`]
    /// and the batch methods to tell the present from history (default:
    /// [`crate::analogy::DEFAULT_PRESENT`]). [`Extractor::extract_dated`]
    /// overrides it per document.
    pub fn present_year(mut self, year: Option<i32>) -> Self {
        self.present = year;
        self
    }

    /// Builds the extractor.
    ///
    /// # Errors
    /// When the bundled gazetteer cannot be loaded or a name cannot be
    /// compiled (see [`crate::Error`]).
    pub fn build(&self) -> Result<Extractor> {
        let mut gazetteer = if self.bundled {
            Gazetteer::bundled()?
        } else {
            Gazetteer::new()
        };
        for layer in &self.layers {
            gazetteer.merge(layer.clone());
        }
        let normalizer = Normalizer::new(self.normalizer);
        let (matcher, keys) = Matcher::build_with_keys(&gazetteer, &normalizer)?;
        let events = EventIndex::build(&gazetteer, &matcher, &keys, &normalizer);
        drop(keys);
        let mut common = HashSet::new();
        let mut german_nouns = HashSet::new();
        for (word, langs) in crate::gazetteer::common_words() {
            let word = normalizer.normalize_str(word);
            if langs.split(',').any(|l| l == "de" || l == "any") {
                german_nouns.insert(word.clone());
            }
            common.insert(word);
        }
        let given = crate::gazetteer::given_names();
        let lexicon = if self.analogies {
            Some(crate::analogy::Lexicon::bundled()?)
        } else {
            None
        };
        Ok(Extractor {
            inner: Arc::new(Inner {
                normalizer,
                gazetteer,
                matcher,
                events,
                common,
                german_nouns,
                given,
                offsets: self.offsets,
                discovery: self.discovery,
                lexicon,
                language: self.language,
                present: self.present,
            }),
        })
    }
}

#[derive(Debug)]
struct Inner {
    normalizer: Normalizer,
    gazetteer: Gazetteer,
    matcher: Matcher,
    events: EventIndex,
    common: HashSet<String>,
    german_nouns: HashSet<String>,
    given: &'static HashSet<String>,
    offsets: Offsets,
    discovery: bool,
    lexicon: Option<Arc<crate::analogy::Lexicon>>,
    language: Option<crate::Language>,
    present: Option<i32>,
}

/// Finds mentions of gazetteer entries in texts.
///
/// Immutable once built, cheap to clone (an `Arc` inside), `Send + Sync`:
/// build one and share it across threads.
///
/// # Example
/// ```
/// use precedent::{EntityKind, Extractor};
/// let ex = Extractor::new()?;
/// let text = "Alaska 2025 must not become Munich 1938, said Vladimir Putin’s critics.";
/// let doc = ex.extract(text);
/// let putin = doc.mentions.iter().find(|m| m.kind == EntityKind::Person).unwrap();
/// assert_eq!(putin.text, "Vladimir Putin");
/// assert_eq!(&text[putin.start..putin.end], putin.text);
/// # Ok::<(), precedent::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    inner: Arc<Inner>,
}

impl Extractor {
    /// A builder with the default configuration.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// An extractor with the default configuration and the bundled
    /// gazetteer.
    ///
    /// # Errors
    /// See [`ExtractorBuilder::build`].
    pub fn new() -> Result<Extractor> {
        ExtractorBuilder::new().build()
    }

    /// The gazetteer this extractor matches.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.inner.gazetteer
    }

    /// The normaliser applied to texts and aliases.
    pub fn normalizer(&self) -> &Normalizer {
        &self.inner.normalizer
    }

    /// Number of distinct normalised aliases compiled into the matcher.
    pub fn aliases_len(&self) -> usize {
        self.inner.matcher.patterns_len()
    }

    /// Approximate heap memory of the compiled matcher, in bytes.
    pub fn matcher_memory(&self) -> usize {
        self.inner.matcher.memory_usage()
    }

    /// Extracts the mentions and analogies of one text, taking the present
    /// as the builder's [`present_year`](ExtractorBuilder::present_year), or
    /// else [`crate::analogy::DEFAULT_PRESENT`].
    pub fn extract(&self, text: &str) -> Document {
        self.extract_dated(text, self.inner.present)
    }

    /// Extracts the mentions and analogies of one text written in `year`:
    /// a historical side must lie before it ("Alaska 2025" is the present
    /// in a text of 2025, history in one of 2040). `None` falls back to the
    /// builder's [`present_year`](ExtractorBuilder::present_year).
    pub fn extract_dated(&self, text: &str, year: Option<i32>) -> Document {
        let inner = &*self.inner;
        let norm = inner.normalizer.normalize(text);
        let mut hits = Vec::new();
        let lang = inner.language.or_else(|| crate::resolve::lang::dominant(text));
        let years = crate::resolve::years::written_years(text);
        let german = lang == Some(crate::resolve::lang::Lang::German);
        inner.matcher.find_into(norm.as_str(), &mut hits, german);
        let ctx = Context {
            gazetteer: &inner.gazetteer,
            matcher: &inner.matcher,
            events: &inner.events,
            discovery: inner.discovery,
            given: inner.given,
            common: &inner.common,
            german_nouns: &inner.german_nouns,
            normalizer: &inner.normalizer,
            lang,
            years: &years,
            cues: inner.lexicon.as_deref(),
        };
        let mut mentions = resolve(&ctx, &norm, &hits);
        if inner.offsets == Offsets::All {
            let conv = OffsetConverter::new(text);
            for m in &mut mentions {
                if let Some((chars, utf16)) = conv.convert_span(m.span()) {
                    m.chars = Some(chars);
                    m.utf16 = Some(utf16);
                }
            }
        }
        let analogies = match &inner.lexicon {
            Some(lexicon) => {
                let ctx = crate::analogy::Context {
                    gazetteer: &inner.gazetteer,
                    events: &inner.events,
                    lexicon,
                    year: year.or(inner.present),
                    years: &years,
                };
                crate::analogy::detect(&ctx, text, &mentions)
            }
            None => Vec::new(),
        };
        Document { mentions, analogies }
    }
}
