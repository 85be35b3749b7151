//! The smallest end-to-end use: bundled gazetteer, one text, print mentions
//! and analogies.
//!
//! `cargo run --example extract -- "Alaska 2025 must not become Munich 1938"`

fn main() -> Result<(), precedent::Error> {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let text = if text.is_empty() {
        "Alaska 2025 must not become Munich 1938, nor Yalta 1945!".to_string()
    } else {
        text
    };
    let ex = precedent::Extractor::new()?;
    let doc = ex.extract(&text);
    for m in &doc.mentions {
        println!(
            "{:>4}..{:<4} {:<12} {:<28} {}",
            m.start,
            m.end,
            m.kind,
            m.text,
            m.id.as_deref().unwrap_or_default()
        );
    }
    for a in &doc.analogies {
        println!(
            "analogy: {} <- {:?} [{} {:?}] {} {:?} ({:.2})",
            a.target.text,
            a.source.as_ref().map(|s| s.text.as_str()),
            a.family.as_str(),
            a.cue.as_ref().map(|c| c.text.as_str()),
            a.stance.as_str(),
            a.polarity,
            a.confidence
        );
    }
    Ok(())
}
