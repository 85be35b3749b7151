//! The TSV loader. Every problem is reported with the source name and the
//! 1-based line number; nothing is skipped silently.

use super::{Alias, EntityKind, Entry, Gazetteer, PartialDate, Valence, DEFAULT_PRIOR};
use crate::error::{Error, GazetteerErrorKind as Kind, Result};
use std::collections::HashMap;

/// The columns this version understands. Columns whose name starts with
/// `x-` are the user's own and are ignored.
pub(crate) const KNOWN_COLUMNS: &[&str] = &[
    "id",
    "kind",
    "canonical",
    "aliases",
    "subtype",
    "start",
    "end",
    "country",
    "wikidata",
    "prior",
    "valence",
    "analogy",
];

const REQUIRED: [&str; 3] = ["id", "kind", "canonical"];

/// Column positions, by name.
struct Header {
    len: usize,
    pos: HashMap<&'static str, usize>,
}

impl Header {
    fn parse(line: &str) -> std::result::Result<Header, Kind> {
        let mut pos = HashMap::new();
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        for (i, name) in fields.iter().enumerate() {
            if name.starts_with("x-") {
                continue;
            }
            let Some(&known) = KNOWN_COLUMNS.iter().find(|k| *k == name) else {
                return Err(Kind::UnknownColumn(name.to_string()));
            };
            if pos.insert(known, i).is_some() {
                return Err(Kind::DuplicateColumn(name.to_string()));
            }
        }
        if let Some(missing) = REQUIRED.iter().find(|c| !pos.contains_key(*c)) {
            return Err(Kind::MissingColumn(missing));
        }
        Ok(Header {
            len: fields.len(),
            pos,
        })
    }

    /// The field of `column`, trimmed; empty when the column is absent or
    /// the line stops before it.
    fn get<'l>(&self, fields: &[&'l str], column: &str) -> &'l str {
        self.pos
            .get(column)
            .and_then(|&i| fields.get(i))
            .map_or("", |f| f.trim())
    }
}

/// A parse error before the source name is attached: 1-based line (0 for
/// the whole source) and what is wrong.
#[derive(Clone, Debug)]
pub(crate) struct LineError(usize, Kind);

impl LineError {
    pub(crate) fn into_error(self, source: &str) -> Error {
        Error::Gazetteer {
            source_name: source.to_string(),
            line: self.0,
            kind: self.1,
        }
    }
}

pub(crate) fn parse(bytes: &[u8], source: &str) -> Result<Gazetteer> {
    parse_lines(bytes).map_err(|e| e.into_error(source))
}

pub(crate) fn parse_lines(bytes: &[u8]) -> std::result::Result<Gazetteer, LineError> {
    let mut header: Option<Header> = None;
    let mut gazetteer = Gazetteer::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let n = i + 1;
        let line = std::str::from_utf8(raw).map_err(|_| LineError(n, Kind::InvalidUtf8))?;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let Some(h) = &header else {
            header = Some(Header::parse(line).map_err(|k| LineError(n, k))?);
            continue;
        };
        let entry = parse_entry(h, line).map_err(|k| LineError(n, k))?;
        if let Some(&first) = first_line.get(&entry.id) {
            return Err(LineError(
                n,
                Kind::DuplicateId {
                    id: entry.id,
                    first_line: first,
                },
            ));
        }
        first_line.insert(entry.id.clone(), n);
        gazetteer.insert(entry);
    }
    if header.is_none() {
        return Err(LineError(0, Kind::MissingHeader));
    }
    Ok(gazetteer)
}

fn parse_entry(h: &Header, line: &str) -> std::result::Result<Entry, Kind> {
    let fields: Vec<&str> = line.split('\t').collect();
    // Trailing optional fields may be left out; extra fields may not.
    let needed = REQUIRED
        .iter()
        .filter_map(|c| h.pos.get(c))
        .max()
        .map_or(0, |&m| m + 1);
    if fields.len() > h.len || fields.len() < needed {
        return Err(Kind::FieldCount {
            expected: h.len,
            found: fields.len(),
        });
    }
    let required = |c: &'static str| {
        let v = h.get(&fields, c);
        if v.is_empty() {
            Err(Kind::EmptyField(c))
        } else {
            Ok(v)
        }
    };
    let id = required("id")?;
    if !id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"_./:-".contains(&b))
    {
        return Err(Kind::InvalidId(id.to_string()));
    }
    let kind_str = required("kind")?;
    let kind = EntityKind::parse(kind_str).ok_or_else(|| Kind::InvalidKind(kind_str.to_string()))?;
    let canonical = required("canonical")?;
    let (weak_canonical, canonical) = match canonical.strip_prefix('~') {
        Some(rest) => (true, rest.trim()),
        None => (false, canonical),
    };
    let mut entry = Entry::new(id, kind, canonical);
    entry.weak_canonical = weak_canonical;
    check_name(&entry.canonical)?;
    entry.aliases = parse_aliases(h.get(&fields, "aliases"))?;
    entry.subtype = non_empty(h.get(&fields, "subtype"));
    entry.start = parse_date(h.get(&fields, "start"), "start")?;
    entry.end = parse_date(h.get(&fields, "end"), "end")?;
    if let (Some(s), Some(e)) = (entry.start, entry.end) {
        if (s.year, s.month.unwrap_or(0), s.day.unwrap_or(0))
            > (e.year, e.month.unwrap_or(12), e.day.unwrap_or(31))
        {
            return Err(Kind::DateOrder);
        }
    }
    entry.country = non_empty(h.get(&fields, "country"));
    entry.wikidata = non_empty(h.get(&fields, "wikidata"));
    entry.prior = parse_prior(h.get(&fields, "prior"))?;
    let valence = h.get(&fields, "valence");
    entry.valence = match valence {
        "" => None,
        v => Some(Valence::parse(v).ok_or_else(|| Kind::InvalidValence(v.to_string()))?),
    };
    entry.analogy = match h.get(&fields, "analogy") {
        "" => None,
        "yes" | "true" | "1" => Some(true),
        "no" | "false" | "0" => Some(false),
        v => return Err(Kind::InvalidAnalogy(v.to_string())),
    };
    Ok(entry)
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn parse_aliases(field: &str) -> std::result::Result<Vec<Alias>, Kind> {
    if field.is_empty() {
        return Ok(Vec::new());
    }
    field
        .split('|')
        .map(|item| {
            if item.trim().is_empty() {
                return Err(Kind::InvalidAlias {
                    alias: field.to_string(),
                    reason: "empty alias (two `|` in a row, or a `|` at an end)",
                });
            }
            let alias = Alias::parse(item.trim());
            if alias.text.is_empty() {
                return Err(Kind::InvalidAlias {
                    alias: item.to_string(),
                    reason: "no text before the language tag",
                });
            }
            check_name(&alias.text).map(|_| alias)
        })
        .collect()
}

/// A name must contain a letter or a digit, or it could never be matched.
fn check_name(name: &str) -> std::result::Result<(), Kind> {
    if name.chars().any(char::is_alphanumeric) {
        Ok(())
    } else {
        Err(Kind::InvalidAlias {
            alias: name.to_string(),
            reason: "a name needs at least one letter or digit",
        })
    }
}

fn parse_date(s: &str, column: &'static str) -> std::result::Result<Option<PartialDate>, Kind> {
    if s.is_empty() {
        return Ok(None);
    }
    PartialDate::parse(s).map(Some).ok_or_else(|| Kind::InvalidDate {
        column,
        value: s.to_string(),
    })
}

fn parse_prior(s: &str) -> std::result::Result<f32, Kind> {
    if s.is_empty() {
        return Ok(DEFAULT_PRIOR);
    }
    match s.parse::<f32>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(Kind::InvalidPrior(s.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "id\tkind\tcanonical\taliases\tstart\tend\tprior\n";

    fn load(body: &str) -> Result<Gazetteer> {
        parse(format!("# comment\n{HEAD}{body}").as_bytes(), "test.tsv")
    }

    #[test]
    fn parses_entries_and_aliases() {
        let g =
            load("person/putin\tperson\tVladimir Putin\t~Putin|Poutine@fr|Путин@ru\t1952\t\t0.9\n").unwrap();
        let e = g.get("person/putin").unwrap();
        assert_eq!(e.aliases.len(), 3);
        assert!(e.aliases[0].weak);
        assert_eq!(e.aliases[1].lang.as_deref(), Some("fr"));
        assert_eq!(e.start, Some(PartialDate::year(1952)));
        assert_eq!(e.prior, 0.9);
    }

    #[test]
    fn trailing_optional_fields_may_be_omitted() {
        let g = load("org/nato\torganization\tNATO\n").unwrap();
        assert_eq!(g.len(), 1);
    }
}
