//! `PunktParameters`: one language's abbreviations, collocations, frequent
//! sentence starters and orthographic contexts, parsed from NLTK's
//! `punkt_tab` files exactly as `nltk.tokenize.punkt.load_punkt_params` reads
//! them.
//!
//! NLTK opens each file as UTF-8 text with universal newlines (`\r\n` and a
//! lone `\r` read as `\n`), takes every line without its `\n` (so a file that
//! ends with a newline has no empty last line, and an empty line inside is an
//! empty entry: Russian's abbreviations hold `""`), and splits the `.tab`
//! files' lines on tabs. Sets and a dict, so order does not matter and a
//! later `ortho_context` line wins over an earlier one.
//!
//! The package ships the four files of a language in one *bundle* (see
//! [`PunktParameters::from_bundle`]); the core never opens a file.

use hashbrown::{HashMap, HashSet};

/// The four files of a `punkt_tab` language folder, in bundle order.
pub const PUNKT_TAB_FILES: [&str; 4] = [
    "abbrev_types.txt",
    "collocations.tab",
    "sent_starters.txt",
    "ortho_context.tab",
];

/// The first line of a bundle.
pub const BUNDLE_MAGIC: &[u8] = b"stemline punkt_tab 1\n";

/// Joins a collocation's two word types into one set key: 0xFF never occurs
/// in (generalized) UTF-8, so a key has one reading.
pub(crate) const COLLOCATION_SEPARATOR: u8 = 0xFF;

/// The parameters of one Punkt language.
#[derive(Debug, Clone, Default)]
pub struct PunktParameters {
    pub(crate) abbrev_types: HashSet<Box<[u8]>>,
    /// `first ++ [COLLOCATION_SEPARATOR] ++ second`.
    pub(crate) collocations: HashSet<Box<[u8]>>,
    /// The first type of each collocation: a type that is none needs no
    /// look at the next token's for the collocation heuristic.
    pub(crate) collocation_firsts: HashSet<Box<[u8]>>,
    pub(crate) sent_starters: HashSet<Box<[u8]>>,
    pub(crate) ortho_context: HashMap<Box<[u8]>, i64>,
    /// The abbreviation types and the collocations' first types: a word
    /// that is neither, before a period, is a break whatever follows,
    /// unless it is an initial or a number (see `Annotator::plain_break`).
    pub(crate) decisive: HashSet<Box<[u8]>>,
}

impl PunktParameters {
    /// Parses the contents of the four `punkt_tab` files of a language.
    pub fn from_punkt_tab(
        abbrev_types: &[u8],
        collocations: &[u8],
        sent_starters: &[u8],
        ortho_context: &[u8],
    ) -> Result<Self, String> {
        let mut params = PunktParameters::default();
        for line in text_lines(abbrev_types, PUNKT_TAB_FILES[0])? {
            params.abbrev_types.insert(line.as_bytes().into());
        }
        for line in text_lines(collocations, PUNKT_TAB_FILES[1])? {
            // NLTK keeps every line as a tuple of its tab-separated fields; a
            // tuple of any other length never equals the pair it looks up.
            let fields: Vec<&str> = line.split('\t').collect();
            if let [first, second] = fields[..] {
                let mut key = Vec::with_capacity(first.len() + 1 + second.len());
                key.extend_from_slice(first.as_bytes());
                key.push(COLLOCATION_SEPARATOR);
                key.extend_from_slice(second.as_bytes());
                params.collocations.insert(key.into());
                params.collocation_firsts.insert(first.as_bytes().into());
            }
        }
        params.decisive = params
            .abbrev_types
            .iter()
            .chain(&params.collocation_firsts)
            .cloned()
            .collect();
        for line in text_lines(sent_starters, PUNKT_TAB_FILES[2])? {
            params.sent_starters.insert(line.as_bytes().into());
        }
        for (n, line) in text_lines(ortho_context, PUNKT_TAB_FILES[3])?
            .into_iter()
            .enumerate()
        {
            let fields: Vec<&str> = line.split('\t').collect();
            let [typ, flags] = fields[..] else {
                return Err(format!(
                    "{} line {}: expected a word type and its flags, tab-separated",
                    PUNKT_TAB_FILES[3],
                    n + 1
                ));
            };
            let flags = parse_flags(flags).ok_or_else(|| {
                format!(
                    "{} line {}: flags {flags:?} are not a decimal integer",
                    PUNKT_TAB_FILES[3],
                    n + 1
                )
            })?;
            params.ortho_context.insert(typ.as_bytes().into(), flags);
        }
        Ok(params)
    }

    /// Parses a bundle: [`BUNDLE_MAGIC`], then each of [`PUNKT_TAB_FILES`] in
    /// order as a line `NAME<tab>LENGTH\n` followed by the file's `LENGTH`
    /// bytes, unchanged.
    pub fn from_bundle(bundle: &[u8]) -> Result<Self, String> {
        let mut rest = bundle
            .strip_prefix(BUNDLE_MAGIC)
            .ok_or("not a stemline punkt_tab bundle")?;
        let mut files: [&[u8]; 4] = [&[]; 4];
        for (name, file) in PUNKT_TAB_FILES.iter().zip(files.iter_mut()) {
            let bad = || format!("the bundle's entry for {name} is damaged");
            let eol = rest.iter().position(|&b| b == b'\n').ok_or_else(bad)?;
            let header = std::str::from_utf8(&rest[..eol]).map_err(|_| bad())?;
            let (found, len) = header.split_once('\t').ok_or_else(bad)?;
            let len: usize = len.parse().map_err(|_| bad())?;
            if found != *name || rest.len() - eol - 1 < len {
                return Err(bad());
            }
            *file = &rest[eol + 1..eol + 1 + len];
            rest = &rest[eol + 1 + len..];
        }
        if !rest.is_empty() {
            return Err("the bundle has bytes after its last file".into());
        }
        let [abbrev_types, collocations, sent_starters, ortho_context] = files;
        Self::from_punkt_tab(abbrev_types, collocations, sent_starters, ortho_context)
    }

    /// The abbreviation types (without their final period).
    pub fn abbrev_types(&self) -> impl Iterator<Item = &[u8]> {
        self.abbrev_types.iter().map(|t| &t[..])
    }

    /// The collocations, as pairs of word types.
    pub fn collocations(&self) -> impl Iterator<Item = (&[u8], &[u8])> {
        self.collocations.iter().map(|key| {
            let at = key
                .iter()
                .position(|&b| b == COLLOCATION_SEPARATOR)
                .unwrap_or(key.len());
            (&key[..at], key.get(at + 1..).unwrap_or_default())
        })
    }

    /// The frequent sentence starters.
    pub fn sent_starters(&self) -> impl Iterator<Item = &[u8]> {
        self.sent_starters.iter().map(|t| &t[..])
    }

    /// Each word type's orthographic context flags.
    pub fn ortho_context(&self) -> impl Iterator<Item = (&[u8], i64)> {
        self.ortho_context.iter().map(|(t, &f)| (&t[..], f))
    }

    pub(crate) fn is_abbrev_type(&self, typ: &[u8]) -> bool {
        self.abbrev_types.contains(typ)
    }

    pub(crate) fn is_sent_starter(&self, typ: &[u8]) -> bool {
        self.sent_starters.contains(typ)
    }

    /// `ortho_context[typ]`: 0 for a type never seen (a `defaultdict(int)`).
    pub(crate) fn ortho_context_of(&self, typ: &[u8]) -> i64 {
        self.ortho_context.get(typ).copied().unwrap_or(0)
    }

    /// Whether some collocation's first type is `typ`.
    pub(crate) fn may_start_collocation(&self, typ: &[u8]) -> bool {
        !self.collocation_firsts.is_empty() && self.collocation_firsts.contains(typ)
    }

    /// Whether `typ` is an abbreviation type or a collocation's first type.
    pub(crate) fn is_decisive(&self, typ: &[u8]) -> bool {
        self.decisive.contains(typ)
    }

    /// Whether `key` (two types joined by [`COLLOCATION_SEPARATOR`]) is a
    /// known collocation.
    pub(crate) fn is_collocation(&self, key: &[u8]) -> bool {
        !self.collocations.is_empty() && self.collocations.contains(key)
    }
}

/// The lines of a file as Python reads them: UTF-8, universal newlines, each
/// line without its `\n`.
fn text_lines(file: &[u8], name: &str) -> Result<Vec<String>, String> {
    let text = std::str::from_utf8(file).map_err(|e| {
        format!(
            "{name} is not UTF-8 (byte {}): NLTK could not read it",
            e.valid_up_to()
        )
    })?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    // "a\nb\n" is two lines, not three; "" is none.
    if lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    Ok(lines)
}

/// `int(flags)` for the plain decimal integers `punkt_tab` holds; `None` for
/// anything else (Python's `int()` accepts more, such as `1_0` or spaces,
/// which NLTK's files never hold).
fn parse_flags(flags: &str) -> Option<i64> {
    let digits = flags.strip_prefix(['-', '+']).unwrap_or(flags);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    flags.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle(files: [&str; 4]) -> Vec<u8> {
        let mut out = BUNDLE_MAGIC.to_vec();
        for (name, file) in PUNKT_TAB_FILES.iter().zip(files) {
            out.extend_from_slice(format!("{name}\t{}\n", file.len()).as_bytes());
            out.extend_from_slice(file.as_bytes());
        }
        out
    }

    #[test]
    fn reads_lines_as_python_text_files_do() {
        let p = PunktParameters::from_bundle(&bundle([
            "\nmr\r\ndr\rprof\n",
            "##number##\tabreast\nx\ty\tz",
            "however\n",
            "a\t126\nb\t-4\na\t2",
        ]))
        .unwrap();
        let mut abbrevs: Vec<&[u8]> = p.abbrev_types().collect();
        abbrevs.sort();
        assert_eq!(abbrevs, [&b""[..], b"dr", b"mr", b"prof"]);
        assert!(p.is_collocation(b"##number##\xFFabreast"));
        assert_eq!(p.collocations().count(), 1);
        assert!(p.is_sent_starter(b"however") && !p.is_sent_starter(b""));
        assert_eq!(
            (p.ortho_context_of(b"a"), p.ortho_context_of(b"b")),
            (2, -4)
        );
        assert_eq!(p.ortho_context_of(b"c"), 0);
    }

    #[test]
    fn refuses_damaged_bundles_and_files() {
        assert!(PunktParameters::from_bundle(b"nonsense").is_err());
        let mut cut = bundle(["a", "", "", ""]);
        cut.pop();
        assert!(PunktParameters::from_bundle(&cut).is_err());
        assert!(PunktParameters::from_bundle(&bundle(["\u{FF}", "", "", "x\t1_0"])).is_err());
        let mut latin1 = bundle(["", "", "", ""]);
        latin1[BUNDLE_MAGIC.len() + 17] = b'2';
        assert!(PunktParameters::from_bundle(&latin1).is_err());
        assert!(PunktParameters::from_punkt_tab(b"\xff", b"", b"", b"").is_err());
        assert!(PunktParameters::from_punkt_tab(b"", b"", b"", b"no flags").is_err());
    }
}
