#!/usr/bin/env python3
"""Python peers on precedent's benchmark corpus: FlashText, pyahocorasick and
spaCy's PhraseMatcher (attr="LOWER"), timed on the same documents and the
same normalised aliases as `cargo bench --bench pipeline`, printing MB/s and
the ratio of precedent's full extraction to each peer.

    PRECEDENT_BENCH_DUMP=target/peers cargo bench --bench pipeline -- 'pipeline/extract$'
    pip install flashtext pyahocorasick spacy
    python3 benches/peers.py target/peers

The first command writes `corpus.txt` (one document per line) and
`aliases.txt` and leaves criterion's estimate of `pipeline/extract` in
`target/criterion`. The peers only match (pyahocorasick) or tokenise and
match (FlashText, spaCy); none normalises, resolves or detects analogies,
so the ratios flatter them. A missing peer is reported and skipped.
"""

import json
import pathlib
import sys
import time

MB = 1e6


def load(folder):
    docs = (folder / "corpus.txt").read_text(encoding="utf-8").splitlines()
    aliases = [a for a in (folder / "aliases.txt").read_text(encoding="utf-8").splitlines() if a]
    return docs, aliases


def timed(run, docs, repeat=3):
    """Best of `repeat` runs: (seconds, matches)."""
    best, found = float("inf"), 0
    for _ in range(repeat):
        t = time.perf_counter()
        found = run(docs)
        best = min(best, time.perf_counter() - t)
    return best, found


def flashtext(aliases):
    from flashtext import KeywordProcessor

    kp = KeywordProcessor(case_sensitive=False)
    for a in aliases:
        kp.add_keyword(a)
    return lambda docs: sum(len(kp.extract_keywords(d, span_info=True)) for d in docs)


def pyahocorasick(aliases):
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for i, a in enumerate(aliases):
        automaton.add_word(a, (i, len(a)))
    automaton.make_automaton()

    def run(docs):
        n = 0
        for d in docs:
            low = d.lower()
            for end, (_, length) in automaton.iter_long(low):
                start = end - length + 1
                before = start == 0 or not low[start - 1].isalnum()
                after = end + 1 == len(low) or not low[end + 1].isalnum()
                n += before and after
        return n

    return run


def spacy_phrase_matcher(aliases):
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("NAMES", list(nlp.tokenizer.pipe(aliases)))
    return lambda docs: sum(len(matcher(doc)) for doc in nlp.tokenizer.pipe(docs))


def precedent_mbs():
    """precedent's `pipeline/extract` throughput from criterion's estimate."""
    root = pathlib.Path("target/criterion/pipeline/extract/new")
    estimates = json.loads((root / "estimates.json").read_text())
    bench = json.loads((root / "benchmark.json").read_text())
    seconds = estimates["mean"]["point_estimate"] / 1e9
    return bench["throughput"]["Bytes"] / seconds / MB


def main():
    folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/peers")
    docs, aliases = load(folder)
    size = sum(len(d.encode("utf-8")) for d in docs)
    print(f"{len(docs)} documents, {size / MB:.1f} MB, {len(aliases)} aliases")
    try:
        ours = precedent_mbs()
        print(f"{'precedent extract (criterion)':32} {ours:8.1f} MB/s")
    except (OSError, KeyError, ValueError) as e:
        ours = None
        print(f"precedent's estimate not found ({e}); run the cargo bench line first")
    for name, make in [
        ("FlashText", flashtext),
        ("pyahocorasick (whole words)", pyahocorasick),
        ("spaCy PhraseMatcher LOWER", spacy_phrase_matcher),
    ]:
        try:
            run = make(aliases)
        except ImportError as e:
            print(f"{name:32} skipped: {e}")
            continue
        seconds, found = timed(run, docs)
        mbs = size / seconds / MB
        ratio = f"precedent is {ours / mbs:.2f}x" if ours else ""
        print(f"{name:32} {mbs:8.1f} MB/s  {found:7} matches  {ratio}")


if __name__ == "__main__":
    main()
