//! Many documents at once: a thin, order-preserving layer over
//! [`Extractor::extract`]. With the `parallel` feature (on by default) the
//! work runs on rayon's pool; output is in input order and identical at any
//! thread count, because each document is processed independently by the
//! same immutable extractor.
//!
//! To choose the number of threads, run the call inside your own pool:
//! `rayon::ThreadPoolBuilder::new().num_threads(2).build()?.install(|| ex.extract_batch(&docs))`.

use crate::extractor::Extractor;
use crate::mention::Document;
use std::collections::VecDeque;

/// How many documents the streaming form reads ahead and processes as one
/// parallel batch.
pub const STREAM_CHUNK: usize = 256;

impl Extractor {
    /// Extracts every text of `docs`; the result has one [`Document`] per
    /// input, in input order.
    ///
    /// # Example
    /// ```
    /// let ex = precedent::Extractor::new()?;
    /// let docs = ["Putin met Xi Jinping.", "Nothing here."];
    /// let out = ex.extract_batch(&docs);
    /// assert_eq!(out.len(), 2);
    /// # Ok::<(), precedent::Error>(())
    /// ```
    pub fn extract_batch<S: AsRef<str> + Sync>(&self, docs: &[S]) -> Vec<Document> {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            docs.par_iter().map(|d| self.extract(d.as_ref())).collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            docs.iter().map(|d| self.extract(d.as_ref())).collect()
        }
    }

    /// Extracts a stream of texts, yielding results in input order. Texts
    /// are read ahead in groups of [`STREAM_CHUNK`] and each group is
    /// processed in parallel, so memory stays bounded on endless streams.
    ///
    /// # Example
    /// ```
    /// let ex = precedent::Extractor::new()?;
    /// let lines = ["Kyiv", "Moscow"].into_iter().map(String::from);
    /// let counts: Vec<usize> = ex.extract_stream(lines).map(|d| d.mentions.len()).collect();
    /// assert_eq!(counts, [1, 1]);
    /// # Ok::<(), precedent::Error>(())
    /// ```
    pub fn extract_stream<I>(&self, docs: I) -> ExtractStream<'_, I::IntoIter>
    where
        I: IntoIterator,
        I::Item: AsRef<str> + Send + Sync,
    {
        ExtractStream {
            extractor: self,
            source: docs.into_iter(),
            ready: VecDeque::new(),
        }
    }
}

/// The iterator returned by [`Extractor::extract_stream`].
#[derive(Debug)]
pub struct ExtractStream<'e, I> {
    extractor: &'e Extractor,
    source: I,
    ready: VecDeque<Document>,
}

impl<I> Iterator for ExtractStream<'_, I>
where
    I: Iterator,
    I::Item: AsRef<str> + Send + Sync,
{
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        if self.ready.is_empty() {
            let chunk: Vec<I::Item> = self.source.by_ref().take(STREAM_CHUNK).collect();
            self.ready.extend(self.extractor.extract_batch(&chunk));
        }
        self.ready.pop_front()
    }
}
