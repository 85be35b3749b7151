//! `--format html`: one self-contained report (inline CSS, JavaScript and
//! SVG, no network): the corpus summary as bar charts at the top, then each
//! document with its mentions highlighted by kind and its analogies as
//! linked pairs.
//!
//! Documents are written into a buffer as they come and the page is
//! assembled at the end, when the summary is known.

use super::summary::heading;
use super::table::polarity;
use super::{clip, Sink};
use crate::input::Doc;
use crate::model::{OutAnalogy, OutDoc, OutSide};
use crate::summary::{Entry, Summary, STANCES};
use precedent::{Document, EntityKind, Mention};
use std::fmt::Write as _;
use std::io::{self, Write};

const CSS: &str = include_str!("../report.css");
const JS: &str = include_str!("../report.js");

/// Documents open by default when the corpus has at most this many.
const OPEN_UP_TO: usize = 10;

/// Collects documents, then writes the page.
pub struct Html<W: Write> {
    out: W,
    top: usize,
    docs: String,
    count: usize,
}

impl<W: Write> Html<W> {
    /// A report to `out` whose charts show `top` bars per kind.
    pub fn new(out: W, top: usize) -> Self {
        Html {
            out,
            top,
            docs: String::new(),
            count: 0,
        }
    }
}

/// HTML-escapes text for element content and quoted attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

impl<W: Write> Sink for Html<W> {
    fn document(&mut self, input: &Doc, doc: &Document, out: &OutDoc<'_>) -> io::Result<()> {
        self.count += 1;
        render_doc(&mut self.docs, self.count, input, doc, out);
        Ok(())
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        let mut page = String::with_capacity(self.docs.len() + 64 * 1024);
        page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        page.push_str("<title>precedent report</title>\n<style>\n");
        page.push_str(CSS);
        page.push_str("</style>\n</head>\n<body>\n");
        header(&mut page, s);
        charts(&mut page, s, self.top);
        controls(&mut page, s.docs);
        page.push_str("<main id=\"docs\">\n");
        self.out.write_all(page.as_bytes())?;
        self.out.write_all(self.docs.as_bytes())?;
        let mut tail = String::from("</main>\n<script>\n");
        tail.push_str(JS);
        tail.push_str("</script>\n</body>\n</html>\n");
        self.out.write_all(tail.as_bytes())?;
        self.out.flush()
    }
}

fn header(page: &mut String, s: &Summary) {
    let _ = write!(
        page,
        "<header><h1>precedent report</h1><p class=\"totals\"><b>{}</b> documents · <b>{}</b> mentions · <b>{}</b> historical analogies</p>",
        s.docs, s.mentions, s.analogies
    );
    if !s.note.is_empty() {
        let _ = write!(page, "<p class=\"note\">{}</p>", esc(&s.note));
    }
    if !s.problems.is_empty() {
        let _ = write!(
            page,
            "<details class=\"problems\"><summary>{} input{} not read</summary><ul>",
            s.problems.len(),
            if s.problems.len() == 1 { "" } else { "s" }
        );
        for p in &s.problems {
            let _ = write!(page, "<li>{}</li>", esc(p));
        }
        page.push_str("</ul></details>");
    }
    page.push_str("</header>\n");
}

/// The kind legend (a filter) and the summary charts.
fn charts(page: &mut String, s: &Summary, top: usize) {
    page.push_str(
        "<section id=\"summary\">\n<div class=\"legend\" role=\"group\" aria-label=\"Show kinds\">",
    );
    for kind in EntityKind::ALL {
        let k = kind.as_str();
        let _ = write!(
            page,
            "<label class=\"kind-toggle\"><input type=\"checkbox\" data-kind=\"{k}\" checked><span class=\"sw {k}\"></span>{} <small>{}</small></label>",
            heading(kind),
            s.mentions_of(kind)
        );
    }
    page.push_str("</div>\n<div class=\"charts\">\n");
    for kind in EntityKind::ALL {
        let title = format!("Most-mentioned {}", heading(kind));
        let bars: Vec<Bar<'_>> = s
            .top(kind, top)
            .into_iter()
            .map(|e| Bar {
                entry: e,
                segments: vec![(kind.as_str(), e.count)],
                unit: "mentions",
            })
            .collect();
        chart(page, &format!("chart k-{}", kind.as_str()), &title, &bars);
    }
    let bars: Vec<Bar<'_>> = s
        .top_targets(top)
        .into_iter()
        .map(|e| Bar {
            entry: e,
            segments: STANCES
                .iter()
                .zip(e.stances)
                .filter(|(_, n)| *n > 0)
                .map(|(st, n)| (st.as_str(), n))
                .collect(),
            unit: "analogies",
        })
        .collect();
    chart(
        page,
        "chart analogies",
        "Most-invoked historical analogies",
        &bars,
    );
    page.push_str("</div>\n<p class=\"stance-legend\">Stances: ");
    for st in STANCES {
        let _ = write!(page, "<span class=\"sw st-{0}\"></span>{0} ", st.as_str());
    }
    page.push_str("</p>\n</section>\n");
}

struct Bar<'a> {
    entry: &'a Entry,
    /// Stacked segments: CSS class suffix and count.
    segments: Vec<(&'static str, usize)>,
    unit: &'static str,
}

/// A horizontal bar chart in inline SVG.
fn chart(page: &mut String, class: &str, title: &str, bars: &[Bar<'_>]) {
    let _ = write!(
        page,
        "<figure class=\"{class}\"><figcaption>{}</figcaption>",
        esc(title)
    );
    if bars.is_empty() {
        page.push_str("<p class=\"empty\">none</p></figure>\n");
        return;
    }
    const ROW: usize = 22;
    const LABEL: usize = 150;
    const WIDTH: usize = 380;
    const BAR_MAX: usize = WIDTH - LABEL - 44;
    let max = bars.iter().map(|b| b.entry.count).max().unwrap_or(1).max(1);
    let height = bars.len() * ROW + 4;
    let _ = write!(
        page,
        "<svg viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-label=\"{}\">",
        esc(title)
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = i * ROW + 2;
        let e = bar.entry;
        let tip = format!(
            "{}{}\n{} {} in {} document{}",
            e.label,
            e.id.as_deref().map(|id| format!(" ({id})")).unwrap_or_default(),
            e.count,
            bar.unit,
            e.docs,
            if e.docs == 1 { "" } else { "s" }
        );
        let _ = write!(
            page,
            "<g class=\"bar\" data-q=\"{}\" tabindex=\"0\"><title>{}</title><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            esc(&e.label),
            esc(&tip),
            LABEL - 6,
            y + 15,
            esc(&clip(&e.label, 22))
        );
        let mut x = LABEL as f64;
        for (class, n) in &bar.segments {
            let w = (*n as f64 / max as f64 * BAR_MAX as f64).max(2.0);
            let _ = write!(
                page,
                "<rect class=\"{}\" x=\"{x:.1}\" y=\"{}\" width=\"{w:.1}\" height=\"{}\" rx=\"2\"></rect>",
                segment_class(class),
                y + 3,
                ROW - 6
            );
            x += w;
        }
        let _ = write!(
            page,
            "<text class=\"n\" x=\"{:.1}\" y=\"{}\">{}</text></g>",
            x + 5.0,
            y + 15,
            e.count
        );
    }
    page.push_str("</svg></figure>\n");
}

fn segment_class(class: &str) -> String {
    if EntityKind::parse(class).is_some() {
        format!("fill-{class}")
    } else {
        format!("fill-st-{class}")
    }
}

fn controls(page: &mut String, docs: usize) {
    let _ = writeln!(
        page,
        "<nav id=\"controls\"><input type=\"search\" id=\"q\" placeholder=\"Filter documents: a name, an id, any word…\" aria-label=\"Filter documents\">\
<label><input type=\"checkbox\" id=\"only-analogies\"> only with analogies</label>\
<button type=\"button\" id=\"expand\">Expand all</button><button type=\"button\" id=\"collapse\">Collapse all</button>\
<span class=\"shown\"><span id=\"shown\">{docs}</span> of {docs} documents</span></nav>"
    );
}

/// Something highlighted in a document's text.
#[derive(Clone, Copy)]
enum Highlight {
    /// The mention at this index.
    Mention(usize),
    /// A side of an analogy that is no mention (a bare year).
    Side,
    /// The cue of an analogy.
    Cue,
}

fn render_doc(page: &mut String, n: usize, input: &Doc, doc: &Document, out: &OutDoc<'_>) {
    let mut per_kind = [0usize; 5];
    let mut names = String::new();
    for m in &doc.mentions {
        if let Some(k) = EntityKind::ALL.iter().position(|k| *k == m.kind) {
            per_kind[k] += 1;
        }
        names.push_str(&m.canonical);
        names.push(' ');
        names.push_str(m.id.as_deref().unwrap_or_default());
        names.push(' ');
    }
    let _ = write!(
        page,
        "<details class=\"doc\" id=\"d{n}\" data-analogies=\"{}\" data-names=\"{}\"{}><summary><span class=\"name\">{}</span>",
        doc.analogies.len(),
        esc(&names),
        if n <= OPEN_UP_TO { " open" } else { "" },
        esc(out.doc)
    );
    for (kind, count) in EntityKind::ALL.iter().zip(per_kind) {
        if count > 0 {
            let _ = write!(
                page,
                "<span class=\"chip {0}\" title=\"{1} {2}\">{1}</span>",
                kind.as_str(),
                count,
                heading(*kind)
            );
        }
    }
    if !doc.analogies.is_empty() {
        let _ = write!(
            page,
            "<span class=\"chip analogy\" title=\"historical analogies\">{} ⇄</span>",
            doc.analogies.len()
        );
    }
    page.push_str("</summary>\n");
    if !out.analogies.is_empty() {
        analogies(page, n, doc, out);
    }
    page.push_str("<div class=\"text\">");
    text(page, n, &input.text, doc, out);
    page.push_str("</div>\n</details>\n");
}

/// The analogies of a document as linked pairs.
fn analogies(page: &mut String, n: usize, doc: &Document, out: &OutDoc<'_>) {
    page.push_str("<ol class=\"analogies\">");
    for (a, o) in doc.analogies.iter().zip(&out.analogies) {
        let target = anchor(n, &a.target);
        let source = a.source.as_ref().map(|s| anchor(n, s));
        let cue = a.cue.as_ref().map(|c| format!("d{n}c{}", c.start));
        let ids: Vec<&str> = [Some(target.as_str()), source.as_deref(), cue.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        let _ = write!(page, "<li class=\"analogy\" data-ids=\"{}\">", ids.join(" "));
        match (&o.source, &source) {
            (Some(s), Some(id)) => side_link(page, id, s, "present"),
            _ => page.push_str("<span class=\"side present implicit\">(implicit)</span>"),
        }
        page.push_str("<span class=\"arrow\">→</span>");
        side_link(page, &target, &o.target, "past");
        analogy_tail(page, o);
        page.push_str("</li>");
    }
    page.push_str("</ol>\n");
}

fn side_link(page: &mut String, id: &str, s: &OutSide<'_>, class: &str) {
    let text = s.plain.unwrap_or(s.text);
    let _ = write!(page, "<a class=\"side {class}\" href=\"#{id}\">{}</a>", esc(text));
    if let Some(c) = s.canonical.filter(|c| *c != text) {
        let _ = write!(page, " <span class=\"canon\">({})</span>", esc(c));
    }
}

fn analogy_tail(page: &mut String, o: &OutAnalogy<'_>) {
    if let Some(c) = &o.cue {
        let _ = write!(page, " <q class=\"cue\">{}</q>", esc(c.text));
    }
    let _ = write!(
        page,
        " <span class=\"family\">{}</span> <span class=\"stance st-{1}\">{1}</span> <span class=\"pol\">{2}</span> <span class=\"conf\" title=\"confidence\">{3:.2}</span>",
        o.family.as_str(),
        o.stance.as_str(),
        polarity(o.polarity),
        o.confidence
    );
}

/// The element id a side links to: its mention's, or its own span's.
fn anchor(n: usize, side: &precedent::Side) -> String {
    match side.mention {
        Some(i) => format!("d{n}m{i}"),
        None => format!("d{n}x{}", side.start),
    }
}

/// The document's text with mentions, analogy sides and cues highlighted.
fn text(page: &mut String, n: usize, text: &str, doc: &Document, out: &OutDoc<'_>) {
    let spans = highlights(doc);
    let mut at = 0;
    for (start, end, h) in spans {
        let (Some(before), Some(inner)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        plain(page, before, at == 0);
        match h {
            Highlight::Mention(i) => {
                let m = &doc.mentions[i];
                let o = &out.mentions[i];
                let _ = write!(
                    page,
                    "<mark class=\"m {}\" id=\"d{n}m{i}\" title=\"{}\">{}</mark>",
                    m.kind.as_str(),
                    esc(&tooltip(m, o.start, o.end)),
                    esc(inner)
                );
            }
            Highlight::Side => {
                let _ = write!(
                    page,
                    "<span class=\"xside\" id=\"d{n}x{start}\">{}</span>",
                    esc(inner)
                );
            }
            Highlight::Cue => {
                let _ = write!(
                    page,
                    "<span class=\"cue\" id=\"d{n}c{start}\">{}</span>",
                    esc(inner)
                );
            }
        }
        at = end;
    }
    plain(page, text.get(at..).unwrap_or_default().trim_end(), at == 0);
}

/// Text between highlights, escaped, with blank lines folded: a run of
/// white space holding two or more line breaks (HTML input is full of them)
/// becomes one empty line, and the document's leading white space goes.
/// Display only: highlights are placed by offset before folding.
fn plain(page: &mut String, text: &str, first: bool) {
    let text = if first { text.trim_start() } else { text };
    let mut rest = text;
    while let Some(i) = rest.find('\n') {
        let run_start = rest[..i].trim_end().len();
        let after = rest[i..].trim_start();
        let run = &rest[run_start..rest.len() - after.len()];
        let breaks = run.matches('\n').count();
        page.push_str(&esc(&rest[..run_start]));
        page.push_str(if breaks >= 2 { "\n\n" } else { run });
        rest = after;
    }
    page.push_str(&esc(rest));
}

/// Mentions, plus the analogy sides that are no mention and the cues, when
/// they overlap no mention; sorted and never overlapping.
fn highlights(doc: &Document) -> Vec<(usize, usize, Highlight)> {
    let mut extras: Vec<(usize, usize, Highlight)> = Vec::new();
    for a in &doc.analogies {
        for s in std::iter::once(&a.target).chain(a.source.as_ref()) {
            if s.mention.is_none() {
                extras.push((s.start, s.end, Highlight::Side));
            }
        }
        if let Some(c) = &a.cue {
            extras.push((c.start, c.end, Highlight::Cue));
        }
    }
    let overlaps_mention = |s: usize, e: usize| {
        let i = doc.mentions.partition_point(|m| m.end <= s);
        doc.mentions.get(i).is_some_and(|m| m.start < e)
    };
    extras.retain(|&(s, e, _)| s < e && !overlaps_mention(s, e));
    extras.sort_by_key(|&(s, e, _)| (s, e));
    let mut kept: Vec<(usize, usize, Highlight)> = Vec::new();
    for x in extras {
        if kept.last().map_or(true, |&(_, e, _)| e <= x.0) {
            kept.push(x);
        }
    }
    let mut all: Vec<(usize, usize, Highlight)> = doc
        .mentions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.start, m.end, Highlight::Mention(i)))
        .collect();
    all.extend(kept);
    all.sort_by_key(|&(s, _, _)| s);
    all
}

/// The hover text of a mention: canonical name, id, kind, score, span and
/// candidates.
fn tooltip(m: &Mention, start: usize, end: usize) -> String {
    let mut t = format!(
        "{}\n{}\n{} · score {:.2} · bytes {start}..{end}",
        m.canonical,
        m.id.as_deref().unwrap_or("(no id: not in the gazetteer)"),
        m.kind,
        m.score
    );
    if !m.candidates.is_empty() {
        t.push_str("\ncandidates:");
        for c in &m.candidates {
            let _ = write!(t, "\n  {} ({}, {:.2})", c.canonical, c.id, c.score);
        }
    }
    t
}

#[cfg(test)]
mod tests {
    #[test]
    fn blank_lines_folded() {
        let mut page = String::new();
        super::plain(&mut page, "\n \n a  b\n c \n\n\n  \n d<", true);
        assert_eq!(page, "a  b\n c\n\nd&lt;");
    }

    #[test]
    fn escapes() {
        assert_eq!(
            super::esc("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }
}
