//! Cue words around a name that tell its kind: a title before it
//! ("President", "Bundeskanzler", "le général"), a preposition of place
//! ("in", "à", "nach"), a speech verb after it ("said", "a déclaré",
//! "sagte"). Lists cover English, French and German; matching ignores case
//! and a trailing period (`Mr.`, `M.`).

use std::collections::HashSet;

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

/// Occupations and roles that stand next to a person's name, before it
/// ("the historian Mara Ellison", "die Historikerin …") or in apposition
/// after it ("Mara Ellison, a historian at …", "Jan Novák, President of
/// the Academy"). Used to find people the gazetteer does not list.
pub(crate) const ROLES: &[&str] = &[
    "writer",
    "author",
    "historian",
    "journalist",
    "economist",
    "novelist",
    "poet",
    "philosopher",
    "professor",
    "lecturer",
    "researcher",
    "scholar",
    "analyst",
    "lawyer",
    "activist",
    "artist",
    "director",
    "editor",
    "politician",
    "diplomat",
    "senator",
    "chairman",
    "chairwoman",
    "chair",
    "founder",
    "ceo",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "member",
    "head",
    "chief",
    "minister",
    "ambassador",
    "mayor",
    "dissident",
    "composer",
    "filmmaker",
    "translator",
    "physician",
    "doctor",
    "president",
    "secretary",
    "former",
    "mp",
    "deputy",
    "commissioner",
    "governor",
    "general",
    "colonel",
    "correspondent",
    "columnist",
    "commentator",
    "fellow",
    "candidate",
    "leader",
    "priest",
    "bishop",
    "écrivain",
    "écrivaine",
    "auteur",
    "autrice",
    "historien",
    "historienne",
    "journaliste",
    "économiste",
    "romancier",
    "romancière",
    "poète",
    "philosophe",
    "professeur",
    "professeure",
    "chercheur",
    "chercheuse",
    "avocat",
    "avocate",
    "militant",
    "militante",
    "artiste",
    "directeur",
    "directrice",
    "rédacteur",
    "rédactrice",
    "député",
    "députée",
    "sénateur",
    "sénatrice",
    "ancien",
    "ancienne",
    "président",
    "présidente",
    "fondateur",
    "fondatrice",
    "porte-parole",
    "membre",
    "maire",
    "ministre",
    "ambassadeur",
    "ambassadrice",
    "général",
    "cinéaste",
    "traducteur",
    "traductrice",
    "politologue",
    "chroniqueur",
    "chroniqueuse",
    "éditorialiste",
    "schriftsteller",
    "schriftstellerin",
    "autor",
    "autorin",
    "historiker",
    "historikerin",
    "journalistin",
    "ökonom",
    "ökonomin",
    "dichter",
    "dichterin",
    "philosoph",
    "philosophin",
    "professorin",
    "politologe",
    "politologin",
    "forscher",
    "forscherin",
    "anwalt",
    "anwältin",
    "aktivist",
    "aktivistin",
    "künstler",
    "künstlerin",
    "direktor",
    "direktorin",
    "leiter",
    "leiterin",
    "redakteur",
    "redakteurin",
    "abgeordneter",
    "abgeordnete",
    "senatorin",
    "ehemaliger",
    "ehemalige",
    "präsident",
    "präsidentin",
    "gründer",
    "gründerin",
    "sprecher",
    "sprecherin",
    "mitglied",
    "bürgermeister",
    "bürgermeisterin",
    "ministerin",
    "botschafter",
    "botschafterin",
    "regisseur",
    "regisseurin",
    "übersetzer",
    "übersetzerin",
    "publizist",
    "publizistin",
    "nurse",
    "teacher",
    "student",
    "soldier",
    "officer",
    "engineer",
    "resident",
    "worker",
    "pensioner",
    "councillor",
    "councilor",
    "official",
    "expert",
    "adviser",
    "advisor",
    "farmer",
    "veteran",
    "infirmière",
    "infirmier",
    "enseignant",
    "enseignante",
    "étudiant",
    "étudiante",
    "habitant",
    "habitante",
    "soldat",
    "officier",
    "ingénieur",
    "ingénieure",
    "retraité",
    "retraitée",
    "conseiller",
    "conseillère",
    "expert",
    "experte",
    "élu",
    "élue",
    "lehrer",
    "lehrerin",
    "studentin",
    "soldatin",
    "offizier",
    "ingenieur",
    "ingenieurin",
    "rentner",
    "rentnerin",
    "expertin",
    "berater",
    "beraterin",
    "bewohner",
    "bewohnerin",
    "krankenschwester",
    "pfleger",
    "pflegerin",
    "писатель",
    "историк",
    "журналист",
    "журналистка",
    "экономист",
    "профессор",
    "политолог",
    "письменник",
    "історик",
    "журналістка",
];

/// Endings of German compound roles (`Wirtschaftsministerin`,
/// `Militärexperte`, `Kremlsprecher`).
const ROLE_ENDINGS: &[&str] = &[
    "minister",
    "ministerin",
    "präsident",
    "präsidentin",
    "experte",
    "expertin",
    "sprecher",
    "sprecherin",
    "kanzler",
    "kanzlerin",
    "chef",
    "chefin",
    "forscher",
    "forscherin",
    "direktor",
    "direktorin",
    "leiter",
    "leiterin",
    "vorsitzende",
    "vorsitzender",
    "analyst",
    "analystin",
    "berater",
    "beraterin",
];

/// Whether `word` (any case) is a title or a role; an elided article
/// before it is ignored (`l’historienne`), and a German compound counts by
/// its ending (`Wirtschaftsministerin`).
pub(crate) fn is_role(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    let word = match word.split_once(['\'', '’']) {
        Some((article, rest)) if article.chars().count() <= 2 => rest,
        _ => word,
    };
    let lower = word.to_lowercase();
    ROLES.contains(&lower.as_str())
        || TITLES.contains(&lower.as_str())
        || ROLE_ENDINGS
            .iter()
            .any(|e| lower.len() > e.len() + 3 && lower.ends_with(e))
}

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
    let (before, period) = word_before(text.get(..start).unwrap_or(""));
    let after = words_after(text.get(end..).unwrap_or(""));
    // "Mr. Kennedy" is a title; "…, writer. Khan" ends a sentence.
    let title = TITLES.contains(&before.as_str()) && (!period || ABBREVIATIONS.contains(&before.as_str()));
    Cues {
        title,
        locative: LOCATIVES.contains(&before.as_str()),
        speech: after.iter().take(2).any(|w| SPEECH.contains(&w.as_str())),
    }
}

/// Whether the name at `text[start..end]` stands next to another
/// capitalised word that is not a title or a common word, i.e. it is part of
/// a longer name the gazetteer does not know ("Mara Ellison", "Khan Younis",
/// "Schloss Bellevue"): its capital is then no evidence for it alone.
pub(crate) fn in_longer_name(text: &str, start: usize, end: usize, common: &HashSet<String>) -> bool {
    let name_like = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().count() > 1
            && !TITLES.contains(&w.to_lowercase().as_str())
            && !common.contains(&w.to_lowercase())
    };
    let before = text.get(..start).unwrap_or("");
    let prev = before.strip_suffix(' ').map(|b| {
        let word_start = b
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_alphabetic() && c != '-')
            .map_or(0, |(i, c)| i + c.len_utf8());
        &b[word_start..]
    });
    let after = text.get(end..).unwrap_or("");
    let next = after.strip_prefix(' ').map(|a| {
        &a[..a
            .find(|c: char| !c.is_alphabetic() && c != '-')
            .unwrap_or(a.len())]
    });
    prev.is_some_and(name_like) || next.is_some_and(name_like)
}

/// Titles written abbreviated with a period.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "m", "mme", "mlle", "gen", "sen", "gov", "pres",
];

/// The word right before a position, lower case, and whether a period
/// followed it ("Mr." → ("mr", true)).
fn word_before(before: &str) -> (String, bool) {
    let trimmed = before.trim_end();
    let (trimmed, period) = match trimmed.strip_suffix('.') {
        Some(t) => (t, true),
        None => (trimmed, false),
    };
    (last_word(trimmed).to_lowercase(), period)
}

/// The first words after a position in the same sentence, lower case; a
/// French auxiliary `a` before the participle is skipped ("Macron a
/// déclaré").
fn words_after(after: &str) -> Vec<String> {
    // Read only as far as the two words: searching for the sentence end
    // first would scan to the end of a text without punctuation for every
    // name.
    let mut words = Vec::new();
    let mut word = String::new();
    for c in after.trim_start_matches([',', ' ']).chars() {
        if c.is_alphabetic() {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() && word != "a" {
            words.push(std::mem::take(&mut word));
            if words.len() == 2 {
                return words;
            }
        }
        word.clear();
        if matches!(c, '.' | '!' | '?' | ';' | '\n') {
            return words;
        }
    }
    if !word.is_empty() && word != "a" {
        words.push(word);
    }
    words
}

/// Whether a speech verb or a quoting word (`so`, `laut`, `selon`) stands
/// right before `at`, as in "sagte Frieden" or "so Brandner".
pub(crate) fn speech_before(text: &str, at: usize) -> bool {
    let (word, _) = word_before(text.get(..at).unwrap_or(""));
    SPEECH.contains(&word.as_str()) || ["so", "laut", "selon", "according"].contains(&word.as_str())
}

/// Articles, determiners and contracted prepositions of English, French and
/// German. After one of them a capitalised common word is a noun (German
/// capitalises every noun: `den Frieden` is peace, not Luc Frieden).
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their",
    "no", "every", "each", "some", "any", "le", "la", "les", "l", "un", "une", "des", "du", "au", "aux",
    "ce", "cet", "cette", "ces", "mon", "ma", "mes", "son", "sa", "ses", "notre", "votre", "leur", "leurs",
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "kein",
    "keine", "keinen", "keinem", "keiner", "zum", "zur", "im", "am", "vom", "beim", "ins", "ans", "mein",
    "meine", "sein", "seine", "ihr", "ihre", "unser", "unsere", "diese", "dieser", "dieses", "diesen",
    "jeder", "jede", "jedes",
];

/// Whether the word before `at` is one of [`DETERMINERS`] (an elided
/// article counts: `l’Orange`).
pub(crate) fn after_determiner(text: &str, at: usize) -> bool {
    let before = text
        .get(..at)
        .unwrap_or("")
        .trim_end_matches(|c: char| c.is_whitespace() || c == '\'' || c == '’');
    DETERMINERS.contains(&last_word(before).to_lowercase().as_str())
}

/// The run of letters at the end of `s` ("" when `s` ends otherwise).
fn last_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(s.len(), |(i, _)| i);
    &s[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longer_names() {
        let common: HashSet<String> = ["yesterday".to_string()].into();
        assert!(in_longer_name("Mara Ellison signed", 5, 12, &common));
        assert!(in_longer_name("in Khan Younis", 3, 7, &common));
        assert!(!in_longer_name("Yesterday Putin said", 10, 15, &common));
        assert!(!in_longer_name("President Kennedy said", 10, 17, &common));
        assert!(!in_longer_name("said Putin, then", 5, 10, &common));
    }

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
