//! HTML to text, with a map from the text back to the HTML source.
//!
//! Tags are removed; block tags (`p`, `br`, `div`, `li`, `h1`–`h6`, …) become
//! newlines; the contents of `script`, `style` and `template` and comments
//! are skipped; the common character references (`&amp;`, `&lt;`, `&gt;`,
//! `&quot;`, `&#39;`, `&nbsp;`, typographic quotes and dashes, Latin-1
//! letters, `&#NNN;`, `&#xHH;`) are decoded. Every byte of the text is
//! mapped back to the source, so a span of the text becomes a span of the
//! HTML file.

/// The text of an HTML document and the way back to the source.
#[derive(Debug)]
pub struct Stripped {
    /// The text the extractor reads.
    pub text: String,
    /// Consecutive pieces of `text`, in order, each from one piece of the
    /// source.
    pieces: Vec<Piece>,
}

/// A piece of the text: either copied verbatim from the source, or
/// standing for a whole piece of source (a character reference, a block
/// tag).
#[derive(Debug, Clone, Copy)]
struct Piece {
    out: usize,
    out_end: usize,
    src: usize,
    src_end: usize,
    verbatim: bool,
}

impl Stripped {
    /// The source span of the text span `start..end`: a span inside a
    /// verbatim piece maps byte for byte; a span touching a character
    /// reference or a tag grows to cover all of it.
    pub fn to_source(&self, start: usize, end: usize) -> (usize, usize) {
        let s = match self.piece_at(start) {
            Some(p) if p.verbatim => p.src + (start - p.out),
            Some(p) => p.src,
            None => self.source_end(),
        };
        if end <= start {
            return (s, s);
        }
        let e = match self.piece_at(end - 1) {
            Some(p) if p.verbatim => p.src + (end - p.out),
            Some(p) => p.src_end,
            None => self.source_end(),
        };
        (s, e.max(s))
    }

    fn piece_at(&self, at: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.out_end <= at);
        self.pieces.get(i).filter(|p| p.out <= at)
    }

    fn source_end(&self) -> usize {
        self.pieces.last().map_or(0, |p| p.src_end)
    }
}

/// Tags whose contents are not text.
const RAW: &[&str] = &["script", "style", "template"];

/// Tags that break a line.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "title",
    "tr",
    "ul",
];

struct Builder<'a> {
    src: &'a str,
    text: String,
    pieces: Vec<Piece>,
}

impl Builder<'_> {
    fn verbatim(&mut self, from: usize, to: usize) {
        if from >= to {
            return;
        }
        let out = self.text.len();
        self.text.push_str(&self.src[from..to]);
        match self.pieces.last_mut() {
            Some(p) if p.verbatim && p.src_end == from && p.out_end == out => {
                p.src_end = to;
                p.out_end = self.text.len();
            }
            _ => self.pieces.push(Piece {
                out,
                out_end: self.text.len(),
                src: from,
                src_end: to,
                verbatim: true,
            }),
        }
    }

    fn replace(&mut self, from: usize, to: usize, with: &str) {
        let out = self.text.len();
        self.text.push_str(with);
        self.pieces.push(Piece {
            out,
            out_end: self.text.len(),
            src: from,
            src_end: to,
            verbatim: false,
        });
    }
}

/// Extracts the text of an HTML document.
pub fn strip(src: &str) -> Stripped {
    let mut b = Builder {
        src,
        text: String::with_capacity(src.len()),
        pieces: Vec::new(),
    };
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let next = bytes[i..]
            .iter()
            .position(|&c| c == b'<' || c == b'&')
            .map_or(bytes.len(), |k| i + k);
        b.verbatim(i, next);
        i = next;
        if i >= bytes.len() {
            break;
        }
        i = if bytes[i] == b'<' {
            markup(&mut b, i)
        } else {
            reference(&mut b, i)
        };
    }
    Stripped {
        text: b.text,
        pieces: b.pieces,
    }
}

/// Handles the markup at `at` (a `<`) and returns where text resumes.
fn markup(b: &mut Builder<'_>, at: usize) -> usize {
    let rest = &b.src[at..];
    if let Some(comment) = rest.strip_prefix("<!--") {
        return comment.find("-->").map_or(b.src.len(), |k| at + 4 + k + 3);
    }
    let Some(tag) = parse_tag(rest) else {
        b.verbatim(at, at + 1);
        return at + 1;
    };
    let end = at + tag.len;
    if tag.name.is_empty() {
        return end; // `<!DOCTYPE …>`, `<?xml …?>`
    }
    if !tag.closing && RAW.contains(&tag.name.as_str()) {
        return skip_raw(b.src, end, &tag.name);
    }
    if BLOCK.contains(&tag.name.as_str()) {
        b.replace(at, end, "\n");
    }
    end
}

struct Tag {
    /// Lower-case name; empty for declarations and processing instructions.
    name: String,
    closing: bool,
    /// Length in bytes, `<` to `>` included.
    len: usize,
}

/// Reads a tag at the start of `s`; `None` when `<` starts no tag.
fn parse_tag(s: &str) -> Option<Tag> {
    let bytes = s.as_bytes();
    let (closing, name_at) = match bytes.get(1) {
        Some(b'/') => (true, 2),
        Some(b'!' | b'?') => {
            let len = s.find('>').map_or(s.len(), |k| k + 1);
            return Some(Tag {
                name: String::new(),
                closing: false,
                len,
            });
        }
        _ => (false, 1),
    };
    if !bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_len = bytes[name_at..]
        .iter()
        .position(|c| !c.is_ascii_alphanumeric() && *c != b'-')
        .unwrap_or(bytes.len() - name_at);
    let name = s[name_at..name_at + name_len].to_ascii_lowercase();
    let mut quote = None;
    let mut k = name_at + name_len;
    while k < bytes.len() {
        match (quote, bytes[k]) {
            (None, b'>') => break,
            (None, q @ (b'"' | b'\'')) => quote = Some(q),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
        k += 1;
    }
    Some(Tag {
        name,
        closing,
        len: (k + 1).min(s.len()),
    })
}

/// Skips the contents of a raw-text element up to and including its end
/// tag (found case-insensitively, without copying the rest of the page).
fn skip_raw(src: &str, from: usize, name: &str) -> usize {
    let bytes = src.as_bytes();
    let mut at = from;
    while let Some(k) = src[at..].find("</") {
        let tag = at + k;
        let after = tag + 2;
        let named = bytes
            .get(after..after + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        if named {
            return src[tag..].find('>').map_or(src.len(), |j| tag + j + 1);
        }
        at = after;
    }
    src.len()
}

/// Handles the `&` at `at` and returns where text resumes.
fn reference(b: &mut Builder<'_>, at: usize) -> usize {
    let rest = &b.src[at + 1..];
    let semi = rest.bytes().take(33).position(|c| c == b';');
    let decoded = semi.and_then(|k| decode(&rest[..k]));
    match (semi, decoded) {
        (Some(k), Some(c)) => {
            let mut buf = [0u8; 4];
            b.replace(at, at + 1 + k + 1, c.encode_utf8(&mut buf));
            at + 1 + k + 1
        }
        _ => {
            b.verbatim(at, at + 1);
            at + 1
        }
    }
}

/// Decodes a character reference's name (between `&` and `;`).
fn decode(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return Some(match char::from_u32(code) {
            Some('\0') | None => '\u{FFFD}',
            Some(c) => c,
        });
    }
    NAMED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, c)| c)
        .or_else(|| latin1_letter(name))
}

/// Named references other than the Latin-1 letters.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{A0}'),
    ("shy", '\u{AD}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("hellip", '…'),
    ("middot", '·'),
    ("bull", '•'),
    ("deg", '°'),
    ("euro", '€'),
    ("pound", '£'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("sect", '§'),
    ("para", '¶'),
    ("times", '×'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("szlig", 'ß'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("yuml", 'ÿ'),
    ("AElig", 'Æ'),
    ("aelig", 'æ'),
    ("ETH", 'Ð'),
    ("eth", 'ð'),
    ("THORN", 'Þ'),
    ("thorn", 'þ'),
];

/// `&Eacute;`, `&ouml;`, `&ccedil;`…: a base letter and an accent, as in
/// HTML's Latin-1 set.
fn latin1_letter(name: &str) -> Option<char> {
    let mut chars = name.chars();
    let base = chars.next()?;
    let accent = chars.as_str();
    let (upper, lower): (&str, &str) = match (base.to_ascii_lowercase(), accent) {
        ('a', "grave") => ("À", "à"),
        ('a', "acute") => ("Á", "á"),
        ('a', "circ") => ("Â", "â"),
        ('a', "tilde") => ("Ã", "ã"),
        ('a', "uml") => ("Ä", "ä"),
        ('a', "ring") => ("Å", "å"),
        ('c', "cedil") => ("Ç", "ç"),
        ('e', "grave") => ("È", "è"),
        ('e', "acute") => ("É", "é"),
        ('e', "circ") => ("Ê", "ê"),
        ('e', "uml") => ("Ë", "ë"),
        ('i', "grave") => ("Ì", "ì"),
        ('i', "acute") => ("Í", "í"),
        ('i', "circ") => ("Î", "î"),
        ('i', "uml") => ("Ï", "ï"),
        ('n', "tilde") => ("Ñ", "ñ"),
        ('o', "grave") => ("Ò", "ò"),
        ('o', "acute") => ("Ó", "ó"),
        ('o', "circ") => ("Ô", "ô"),
        ('o', "tilde") => ("Õ", "õ"),
        ('o', "uml") => ("Ö", "ö"),
        ('o', "slash") => ("Ø", "ø"),
        ('u', "grave") => ("Ù", "ù"),
        ('u', "acute") => ("Ú", "ú"),
        ('u', "circ") => ("Û", "û"),
        ('u', "uml") => ("Ü", "ü"),
        ('y', "acute") => ("Ý", "ý"),
        _ => return None,
    };
    let s = if base.is_ascii_uppercase() { upper } else { lower };
    s.chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(src: &str, needle: &str) -> (String, String) {
        let s = strip(src);
        let at = s.text.find(needle).expect("needle in text");
        let (a, b) = s.to_source(at, at + needle.len());
        (s.text.clone(), src[a..b].to_string())
    }

    #[test]
    fn tags_stripped_offsets_into_source() {
        let src = "<html><head><title>T</title><style>p{}</style></head><body><p>Hello <b>Emmanuel</b> Macron</p><script>x<y</script></body></html>";
        let (text, source) = spans(src, "Emmanuel");
        assert_eq!(text, "\nT\n\nHello Emmanuel Macron\n");
        assert_eq!(source, "Emmanuel");
        let (_, source) = spans(src, "Emmanuel Macron");
        assert_eq!(source, "Emmanuel</b> Macron");
    }

    #[test]
    fn references_decoded_and_spanned_whole() {
        let src = "<p>Fran&ccedil;ois Hollande &amp; Angela Merkel&#44; &#x4B;yiv &bogus; &amp</p>";
        let s = strip(src);
        assert_eq!(s.text, "\nFrançois Hollande & Angela Merkel, Kyiv &bogus; &amp\n");
        let at = s.text.find("François").unwrap();
        let (a, b) = s.to_source(at, at + "François".len());
        assert_eq!(&src[a..b], "Fran&ccedil;ois");
        let at = s.text.find("Kyiv").unwrap();
        let (a, b) = s.to_source(at, at + 4);
        assert_eq!(&src[a..b], "&#x4B;yiv");
    }

    #[test]
    fn raw_text_end_tag_any_case() {
        assert_eq!(strip("a<SCRIPT>x</b> y</Script >b").text, "ab");
        assert_eq!(strip("a<style>x</styl").text, "a");
    }

    /// No input panics, every text span maps to an ordered source span on
    /// char boundaries, and a span without markup maps to the same text.
    #[test]
    fn any_input_maps_back() {
        let atoms = [
            "<",
            ">",
            "&",
            ";",
            "#",
            "x",
            "a",
            "é",
            "€",
            "<p>",
            "</p>",
            "<br/>",
            "<b>",
            "&amp;",
            "&#233;",
            "&#x20AC;",
            "&eacute;",
            "<!--",
            "-->",
            "<script>",
            "</script>",
            "\"",
            "'",
            " ",
            "\n",
            "<!DOCTYPE",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        let mut inputs = 0;
        for _ in 0..3000 {
            let mut src = String::new();
            for _ in 0..next() % 24 {
                src.push_str(atoms[next() % atoms.len()]);
            }
            inputs += usize::from(!src.is_empty());
            let s = strip(&src);
            let boundaries: Vec<usize> = (0..=s.text.len())
                .filter(|&i| s.text.is_char_boundary(i))
                .collect();
            for (i, &a) in boundaries.iter().enumerate() {
                for &b in &boundaries[i..] {
                    let (x, y) = s.to_source(a, b);
                    assert!(x <= y && y <= src.len(), "{src:?} {a}..{b} -> {x}..{y}");
                    assert!(
                        src.is_char_boundary(x) && src.is_char_boundary(y),
                        "{src:?} {a}..{b} -> {x}..{y}"
                    );
                    if !src[x..y].contains(['<', '&']) {
                        assert_eq!(&src[x..y], &s.text[a..b], "{src:?} {a}..{b}");
                    }
                }
            }
        }
        assert!(inputs > 2500);
    }

    #[test]
    fn stray_angle_brackets_and_unclosed_markup() {
        assert_eq!(strip("a < b and c<3 <!-- x").text, "a < b and c<3 ");
        assert_eq!(strip("x <script>never closed").text, "x ");
        assert_eq!(
            strip("<a href='>'>link</a> &#0; &#99999999;").text,
            "link \u{FFFD} \u{FFFD}"
        );
    }
}
