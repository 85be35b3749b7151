//! Character rules of the normaliser. Each function is a pure map on chars;
//! [`super::Normalizer`] decides which run and in what order.

use unicode_normalization::char::{
    canonical_combining_class, compose, decompose_canonical, decompose_compatible, is_combining_mark,
};
use unicode_normalization::{is_nfkc_quick, IsNormalized};

/// Invisible characters removed by the `remove_invisibles` step: soft
/// hyphen, zero-width space/joiners, word joiner, BOM, bidi marks and
/// embeddings, invisible math operators, Mongolian vowel separator and the
/// combining grapheme joiner.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Typographic apostrophes, quotes and dashes to their ASCII forms. Runs
/// before NFKC as well as after it, because NFKC turns some of them (the
/// acute accent `´`) into a space plus a combining mark.
pub(crate) fn unify_punctuation(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2035}' | '\u{02BC}'
        | '\u{00B4}' | '`' | '\u{FF07}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}'
        | '\u{2036}' | '\u{2039}' | '\u{203A}' | '\u{FF02}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}'
        | '\u{2043}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        _ => c,
    }
}

/// Full case folding: Unicode lowercase plus the foldings where CaseFolding.txt
/// differs from lowercasing for characters that survive NFKC (`ß`/`ẞ` →
/// `ss`, final sigma `ς` → `σ`, the ypogegrammeni → `ι`, Cyrillic
/// small-letter variants, Cherokee small letters → capitals).
pub(crate) fn case_fold(c: char, out: &mut Vec<char>) {
    match c {
        'ß' | 'ẞ' => out.extend(['s', 's']),
        'ς' => out.push('σ'),
        '\u{0345}' => out.push('ι'),
        '\u{1C80}' => out.push('в'),
        '\u{1C81}' => out.push('д'),
        '\u{1C82}' => out.push('о'),
        '\u{1C83}' => out.push('с'),
        '\u{1C84}' | '\u{1C85}' => out.push('т'),
        '\u{1C86}' => out.push('ъ'),
        '\u{1C87}' => out.push('ѣ'),
        '\u{1C88}' => out.push('ꙋ'),
        '\u{AB70}'..='\u{ABBF}' => out.push(char::from_u32(c as u32 - 0xAB70 + 0x13A0).unwrap_or(c)),
        // Cherokee folds to its capitals, which therefore stay as they are.
        '\u{13A0}'..='\u{13F5}' => out.push(c),
        '\u{13F8}'..='\u{13FD}' => out.push(char::from_u32(c as u32 - 8).unwrap_or(c)),
        _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        _ => out.extend(c.to_lowercase()),
    }
}

/// Letters that carry a "diacritic" without a canonical decomposition.
fn fold_special_letter(c: char, out: &mut Vec<char>) -> bool {
    let s: &[char] = match c {
        'ł' | 'Ł' => &['l'],
        'ø' | 'Ø' => &['o'],
        'đ' | 'Đ' | 'ð' | 'Ð' => &['d'],
        'ħ' | 'Ħ' => &['h'],
        'ŧ' | 'Ŧ' => &['t'],
        'ı' => &['i'],
        'ƀ' => &['b'],
        'ƒ' => &['f'],
        'ɨ' => &['i'],
        'æ' => &['a', 'e'],
        'Æ' => &['A', 'E'],
        'œ' => &['o', 'e'],
        'Œ' => &['O', 'E'],
        'þ' => &['t', 'h'],
        'Þ' => &['T', 'H'],
        _ => return false,
    };
    out.extend_from_slice(s);
    true
}

/// Cyrillic letters whose mark makes a distinct letter and is kept:
/// `й` (и + breve), `ў` (у + breve), `ї` (і + diaeresis), in both cases.
/// Every other mark on a Cyrillic letter is dropped, so `ё` folds to `е`
/// (standard practice in Russian text) and stress marks disappear.
fn keeps_mark(base: char, mark: char) -> bool {
    matches!(
        (base, mark),
        ('и' | 'И' | 'у' | 'У', '\u{0306}') | ('і' | 'І', '\u{0308}')
    )
}

/// Diacritic folding: canonical decomposition, marks dropped (except the
/// Cyrillic letters of [`keeps_mark`]), recomposition, then the special
/// letters (`ł` → `l`, `ø` → `o`, `æ` → `ae`, …).
pub(crate) fn fold_diacritics(chars: &[char], out: &mut Vec<char>) {
    let mut base: Option<char> = None;
    for &c in chars {
        decompose_canonical(c, |d| {
            if is_combining_mark(d) {
                if let Some(b) = base.filter(|&b| keeps_mark(b, d)) {
                    // Recompose right away: the pair is a letter of its own.
                    if let (Some(last), Some(composed)) = (out.last_mut(), compose(b, d)) {
                        *last = composed;
                    }
                }
                return;
            }
            base = Some(d);
            if !fold_special_letter(d, out) {
                out.push(d);
            }
        });
    }
}

/// Scripts written without spaces between words: every character of them is
/// a word on its own for boundary purposes (Han, kana, Thai, Lao, Khmer,
/// Myanmar, Tibetan).
pub(crate) fn is_isolated(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF | 0x0F00..=0x0FFF | 0x1000..=0x109F | 0x1780..=0x17FF
        | 0x2E80..=0x2FDF | 0x3005..=0x3007 | 0x3021..=0x3029 | 0x3038..=0x303C
        | 0x3040..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0xFF66..=0xFF9F | 0x20000..=0x3FFFF)
}

/// Letters, digits and combining marks of any script form words.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Whether a normalisation chunk may start at `c`, i.e. `c` never combines
/// with what precedes it under NFKC: canonical combining class 0, not a
/// character that may compose backwards (quick check `Maybe`), and, when it
/// changes under NFKC, a decomposition that starts with such a character too
/// (the "boundary before" test of UAX #15 implementations).
pub(crate) fn is_chunk_boundary(c: char) -> bool {
    if c.is_ascii() {
        return true;
    }
    let starts_clean = |c: char| {
        canonical_combining_class(c) == 0 && is_nfkc_quick(std::iter::once(c)) != IsNormalized::Maybe
    };
    if !starts_clean(c) {
        return false;
    }
    if is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes {
        return true;
    }
    let mut first = None;
    decompose_compatible(c, |d| {
        first.get_or_insert(d);
    });
    first.map_or(true, starts_clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        let mut out = Vec::new();
        for c in s.chars() {
            case_fold(c, &mut out);
        }
        out.into_iter().collect()
    }

    #[test]
    fn case_folding_is_full() {
        assert_eq!(fold("STRAẞE"), "strasse");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("ΟΔΥΣΣΕΎΣ"), fold("οδυσσεύς"));
        assert_eq!(fold("ПУТИН"), "путин");
        assert_eq!(fold("İ"), "i\u{307}");
    }

    #[test]
    fn diacritics_keep_cyrillic_letters() {
        let mut out = Vec::new();
        fold_diacritics(&"йёїЙé".chars().collect::<Vec<_>>(), &mut out);
        assert_eq!(out.into_iter().collect::<String>(), "йеїЙe");
    }

    #[test]
    fn boundaries() {
        assert!(is_chunk_boundary('a'));
        assert!(!is_chunk_boundary('\u{0301}'));
        assert!(is_chunk_boundary('é'));
        assert!(is_chunk_boundary('\u{FB01}')); // ﬁ: changes, but never combines backwards
        assert!(is_chunk_boundary('\u{00A0}'));
        assert!(!is_chunk_boundary('\u{1161}')); // Hangul V jamo combines with L
    }
}
