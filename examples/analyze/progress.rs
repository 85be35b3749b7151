//! The progress bar on stderr: bytes done, MB/s and documents/s. Drawn only
//! when stderr is a terminal.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::time::{Duration, Instant};

/// Progress of a run.
pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    docs: u64,
}

impl Progress {
    /// A bar over `total` bytes (a spinner when unknown), hidden when
    /// `show` is false or stderr is no terminal.
    pub fn new(total: Option<u64>, show: bool) -> Progress {
        let target = if show {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = match total {
            Some(n) => ProgressBar::with_draw_target(Some(n), target),
            None => ProgressBar::with_draw_target(None, target),
        };
        let template = if total.is_some() {
            "{spinner} {elapsed:>4} [{wide_bar}] {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} {msg}"
        } else {
            "{spinner} {elapsed:>4} {decimal_bytes} {decimal_bytes_per_sec} {msg}"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress {
            bar,
            started: Instant::now(),
            docs: 0,
        }
    }

    /// Counts `docs` more documents and `bytes` more input bytes.
    pub fn advance(&mut self, docs: u64, bytes: u64) {
        self.docs += docs;
        self.bar.inc(bytes);
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_message(format!(
            "{} docs, {:.0} docs/s",
            self.docs,
            self.docs as f64 / secs
        ));
    }

    /// Runs `f` with the bar cleared, so that a message on stderr does not
    /// tear it.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
