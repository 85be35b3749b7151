//! Periods written without a name: decades ("the 1930s", "les années 30",
//! "die Dreißigerjahre") and a month or season before a year ("October
//! 1962", "l'automne 1938", "im Januar 1942"). Like a bare year they are a
//! historical side only right next to a cue.

use once_cell::sync::Lazy;
use regex::Regex;

/// Decades in English, French and German. Two-digit decades are read in
/// the twentieth century ("the '30s", "les années 30", "die 30er-Jahre").
static DECADE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?x)
        (?P<en>(?P<en4>1[5-9][0-9]0|20[0-9]0)s|['’](?P<en2>[1-9]0)s)
        | (?i:années)[\s\u{a0}]+(?:(?P<fr4>1[5-9][0-9]0|20[0-9]0)|(?P<fr2>[1-9]0)|(?P<frw>vingt|trente|quarante|cinquante|soixante-dix|soixante|quatre-vingt-dix|quatre-vingt))
        | (?:(?P<de4>1[5-9][0-9]0|20[0-9]0)|(?P<de2>[1-9]0))er[\s-]*Jahren?
        | (?P<dew>(?i:zwanziger|dreißiger|vierziger|fünfziger|sechziger|siebziger|achtziger|neunziger))(?:[\s-]*[jJ]ahren?|jahren?)",
    )
    .expect("decade pattern")
});

/// The decades written in `text`: (start, end, first year of the decade).
pub(crate) fn decades(text: &str) -> Vec<(usize, usize, i32)> {
    DECADE
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            // Word boundaries checked here, not with `\b`: a Unicode `\b`
            // makes the regex engine give up its fast path on any
            // non-ASCII text.
            let glued_before = text[..whole.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let glued_after = text[whole.end()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            if glued_before || glued_after {
                return None;
            }
            let year = decade_year(&c)?;
            Some((whole.start(), whole.end(), year))
        })
        .collect()
}

fn decade_year(c: &regex::Captures<'_>) -> Option<i32> {
    let number = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
    if let Some(y) = number("en4").or_else(|| number("fr4")).or_else(|| number("de4")) {
        return Some(y);
    }
    if let Some(y) = number("en2").or_else(|| number("fr2")).or_else(|| number("de2")) {
        return Some(1900 + y);
    }
    let word = c.name("frw").or_else(|| c.name("dew"))?.as_str().to_lowercase();
    let tens = [
        ("vingt", 20),
        ("trente", 30),
        ("quarante", 40),
        ("cinquante", 50),
        ("soixante-dix", 70),
        ("soixante", 60),
        ("quatre-vingt-dix", 90),
        ("quatre-vingt", 80),
        ("zwanziger", 20),
        ("dreißiger", 30),
        ("vierziger", 40),
        ("fünfziger", 50),
        ("sechziger", 60),
        ("siebziger", 70),
        ("achtziger", 80),
        ("neunziger", 90),
    ];
    tens.iter()
        .find(|(w, _)| word.starts_with(w))
        .map(|(_, t)| 1900 + t)
}

/// Months and seasons that may date a year ("October 1962", "summer of
/// 1914", "l'automne 1938", "Januar 1942"), lower-cased.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "printemps",
    "été",
    "automne",
    "hiver",
    "januar",
    "jänner",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "frühjahr",
    "frühling",
    "sommer",
    "herbst",
];

/// Words between a month or season and its year ("summer of 1914").
const MONTH_JOINS: &[&str] = &["of", "de", "d", "von", "des", "du"];

/// Where the month or season dating the year at `start` begins, if one
/// stands right before it.
pub(crate) fn month_before(text: &str, start: usize) -> Option<usize> {
    let mut end = text.get(..start)?.trim_end().len();
    if end == start {
        return None;
    }
    let mut word = last_word(text, end)?;
    if MONTH_JOINS.contains(&text[word..end].to_lowercase().as_str()) {
        end = text[..word].trim_end_matches([' ', '\'', '’']).len();
        word = last_word(text, end)?;
    }
    MONTHS
        .contains(&text[word..end].to_lowercase().as_str())
        .then_some(word)
}

/// The start of the word of letters ending at `end`, if any.
fn last_word(text: &str, end: usize) -> Option<usize> {
    let before = text.get(..end)?;
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i)?;
    Some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decades_in_three_languages() {
        let text = "the 1930s, the '30s, les années 30, les années trente, les années 1970, \
                    die 1920er Jahre, die 30er-Jahre, den Dreißigerjahren, die dreißiger Jahre, 1938s2";
        let found: Vec<(&str, i32)> = decades(text).iter().map(|&(s, e, y)| (&text[s..e], y)).collect();
        assert_eq!(
            found,
            [
                ("1930s", 1930),
                ("'30s", 1930),
                ("années 30", 1930),
                ("années trente", 1930),
                ("années 1970", 1970),
                ("1920er Jahre", 1920),
                ("30er-Jahre", 1930),
                ("Dreißigerjahren", 1930),
                ("dreißiger Jahre", 1930),
            ]
        );
    }

    #[test]
    fn months_before_years() {
        fn at(t: &str) -> Option<&str> {
            month_before(t, t.rfind(char::is_numeric)? - 3).map(|s| &t[s..])
        }
        assert_eq!(at("its own October 1962"), Some("October 1962"));
        assert_eq!(at("the summer of 1914"), Some("summer of 1914"));
        assert_eq!(at("à l'automne 1938"), Some("automne 1938"));
        assert_eq!(at("Im Januar 1942"), Some("Januar 1942"));
        assert_eq!(at("in 1942"), None);
        assert_eq!(at("1942"), None);
    }
}
