//! Cue words around a name that tell its kind: a title before it
//! ("President", "Bundeskanzler", "le général"), a preposition of place
//! ("in", "à", "nach"), a speech verb after it ("said", "a déclaré",
//! "sagte"). Lists cover English, French and German; matching ignores case
//! and a trailing period (`Mr.`, `M.`).

/// Titles and roles that precede a person's name.
const TITLES: &[&str] = &[
    "president",
    "general",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "chancellor",
    "minister",
    "senator",
    "governor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sir",
    "lord",
    "lady",
    "marshal",
    "admiral",
    "colonel",
    "captain",
    "premier",
    "secretary",
    "ambassador",
    "mayor",
    "judge",
    "leader",
    "dictator",
    "tsar",
    "czar",
    "emperor",
    "writer",
    "historian",
    "philosopher",
    "novelist",
    "poet",
    "journalist",
    "economist",
    "m",
    "mme",
    "mlle",
    "monsieur",
    "madame",
    "président",
    "présidente",
    "général",
    "chancelier",
    "chancelière",
    "ministre",
    "roi",
    "reine",
    "pape",
    "maréchal",
    "docteur",
    "sénateur",
    "ambassadeur",
    "écrivain",
    "historien",
    "historienne",
    "philosophe",
    "dirigeant",
    "herr",
    "frau",
    "präsident",
    "präsidentin",
    "kanzler",
    "kanzlerin",
    "bundeskanzler",
    "bundeskanzlerin",
    "ministerin",
    "könig",
    "königin",
    "papst",
    "botschafter",
    "botschafterin",
    "bürgermeister",
    "bürgermeisterin",
    "außenminister",
    "außenministerin",
    "verteidigungsminister",
    "premierminister",
    "premierministerin",
    "staatschef",
    "kremlchef",
    "schriftsteller",
    "schriftstellerin",
    "historiker",
    "historikerin",
    "philosoph",
    "diktator",
    "zar",
    "senatorin",
];

/// Prepositions that precede a place.
const LOCATIVES: &[&str] = &[
    "in", "into", "to", "from", "at", "near", "toward", "towards", "across", "à", "au", "aux", "en", "vers",
    "depuis", "nach", "aus", "bei", "im", "ins",
];

/// Speech verbs that follow a person's name.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "argued",
    "warned",
    "stated",
    "declared",
    "wrote",
    "insisted",
    "déclare",
    "déclaré",
    "affirme",
    "affirmé",
    "estime",
    "estimé",
    "ajoute",
    "ajouté",
    "dit",
    "explique",
    "expliqué",
    "souligné",
    "prévenu",
    "averti",
    "sagte",
    "sagt",
    "erklärte",
    "betonte",
    "warnte",
    "schrieb",
    "meinte",
    "forderte",
];

/// What the words around a name say about its kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Cues {
    /// A title or role right before the name.
    pub title: bool,
    /// A preposition of place right before the name.
    pub locative: bool,
    /// A speech verb right after the name.
    pub speech: bool,
}

/// The cues around `text[start..end]`.
pub(crate) fn cues(text: &str, start: usize, end: usize) -> Cues {
    let before = word_before(text.get(..start).unwrap_or(""));
    let after = words_after(text.get(end..).unwrap_or(""));
    Cues {
        title: TITLES.contains(&before.as_str()),
        locative: LOCATIVES.contains(&before.as_str()),
        speech: after.iter().take(2).any(|w| SPEECH.contains(&w.as_str())),
    }
}

/// The word right before a position, lower case, without a trailing period
/// or elided apostrophe ("Mr." → "mr", "l'" is not a word).
fn word_before(before: &str) -> String {
    let trimmed = before.trim_end();
    let trimmed = trimmed.strip_suffix('.').unwrap_or(trimmed);
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(trimmed.len(), |(i, _)| i);
    trimmed[start..].to_lowercase()
}

/// The first words after a position, lower case; a French auxiliary `a`
/// before the participle is skipped ("Macron a déclaré").
fn words_after(after: &str) -> Vec<String> {
    after
        .trim_start_matches([',', ' '])
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && *w != "a")
        .take(2)
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_words() {
        assert!(cues("President Kennedy spoke", 10, 17).title);
        assert!(cues("Mr. Kennedy", 4, 11).title);
        assert!(cues("le général de Gaulle", 13, 22).title);
        assert!(cues("Bundeskanzler Merz sagte", 14, 18).title);
        assert!(cues("flew to Washington", 8, 18).locative);
        assert!(cues("Washington said on Monday", 0, 10).speech);
        assert!(cues("Macron a déclaré", 0, 6).speech);
        assert_eq!(cues("the Washington Post", 4, 14), Cues::default());
    }
}
