//! Prints how long the default extractor takes to build and how much memory
//! the process holds afterwards (Linux: VmRSS/VmHWM from /proc/self/status),
//! then streams 4,000 documents (the sample corpus of `examples/corpus`,
//! each copy made distinct) through it and prints the resident memory after
//! each thousand: it must stay flat (no per-corpus growth).
//!
//! `cargo run --release --example buildstats`

fn status(field: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .map(|l| l[field.len()..].trim().to_string())
        })
        .unwrap_or_else(|| "n/a".into())
}

fn main() -> Result<(), precedent::Error> {
    // The default extractor first, cold: its build also compiles the cue
    // lexicons, once per process; a second build (mentions only) shares
    // them and the given names.
    let t = std::time::Instant::now();
    let ex = precedent::Extractor::new()?;
    let elapsed = t.elapsed();
    let resident = status("VmRSS:");
    let t = std::time::Instant::now();
    drop(precedent::Extractor::builder().analogies(false).build()?);
    let mentions_only = t.elapsed();
    println!(
        "build, mentions only, second in process {:.0} ms",
        mentions_only.as_secs_f64() * 1e3
    );
    println!("entries          {}", ex.gazetteer().len());
    println!("distinct aliases {}", ex.aliases_len());
    println!(
        "matcher memory   {:.1} MiB",
        ex.matcher_memory() as f64 / (1 << 20) as f64
    );
    println!(
        "build time, first in process {:.0} ms",
        elapsed.as_secs_f64() * 1e3
    );
    println!("resident after the first build {resident}");
    println!("resident after both builds     {}", status("VmRSS:"));
    println!("resident peak    {}", status("VmHWM:"));
    stream(&ex);
    Ok(())
}

/// Extracts 4,000 distinct documents one by one, printing the resident
/// memory after each thousand.
fn stream(ex: &precedent::Extractor) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus");
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    texts.sort();
    if texts.is_empty() {
        println!("stream           skipped: no documents in {}", dir.display());
        return;
    }
    let mut mentions = 0usize;
    for round in 1..=4 {
        for i in 0..1000 {
            let doc = format!("{}\nDocument {round}-{i}.", texts[i % texts.len()]);
            mentions += ex.extract(&doc).mentions.len();
        }
        println!(
            "resident after {}k documents {} ({mentions} mentions)",
            round,
            status("VmRSS:")
        );
    }
}
