//! The smallest end-to-end use: bundled gazetteer, one text, print mentions.
//!
//! `cargo run --example extract -- "Alaska 2025 must not become Munich 1938"`

fn main() -> Result<(), precedent::Error> {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let text = if text.is_empty() {
        "Vladimir Putin met Donald Trump in Anchorage, Alaska.".to_string()
    } else {
        text
    };
    let ex = precedent::Extractor::new()?;
    for m in ex.extract(&text).mentions {
        println!(
            "{:>4}..{:<4} {:<12} {:<28} {}",
            m.start,
            m.end,
            m.kind,
            m.text,
            m.id.unwrap_or_default()
        );
    }
    Ok(())
}
