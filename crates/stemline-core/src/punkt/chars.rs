//! Punkt's character classes and `str.lower()`, as the running Python has them.
//!
//! NLTK 3.10.4 compiles every Punkt pattern with the `regex` module (through
//! `nltk.redos`), so its `\s`, `\S`, `\d` and `[^\W\d]` are `regex`'s; the
//! token properties use `str.isupper()`, `str.islower()` and `str.lower()`,
//! and the text is trimmed with `str.strip()` and `str.rstrip()`, which strip
//! `str.isspace()` characters. None of these is Rust's notion, and the two
//! notions of whitespace differ from each other (U+001C..U+001F are
//! `str.isspace()` but not `regex`'s `\s`). So, as for the normalizer's classes
//! ([`crate::classes`]), the tables are read from the running Python
//! (`python/stemline/_unicode.py`, `build_punkt_tables`) and arrive here as
//! code point ranges. They are kept apart from the normalizer's: Punkt's flags
//! are its own byte per code point.
//!
//! `str.lower()` is a per-character mapping (some characters become several,
//! `İ` becomes `i̇`) except for one character: CPython lower-cases U+03A3 `Σ`
//! to final `ς` when it is preceded by a cased character and not followed by
//! one, skipping case-ignorable characters both ways (Unicode's Final_Sigma
//! condition). The caller gives the mapping and the two properties that rule
//! needs, read from `str.lower()` itself.

use hashbrown::HashMap;

use crate::classes::{CodePointFlags, Ranges};
use crate::codepoints;

/// `regex`'s `\s` (Punkt's word tokenizer, its sentence-end context, the
/// boundary realignment).
pub const SPACE: u8 = 1;
/// `str.isspace()`: what `str.strip()` and `str.rstrip()` remove.
pub const STR_SPACE: u8 = 2;
/// `regex`'s `[^\W\d]`: a word character that is not a digit (an initial).
pub const WORD_NOT_DIGIT: u8 = 4;
/// `regex`'s `\d` (numbers).
pub const DIGIT: u8 = 8;
/// `str.isupper()` of the character alone.
pub const UPPER: u8 = 16;
/// `str.islower()` of the character alone.
pub const LOWER: u8 = 32;
/// Cased and not case-ignorable, as `str.lower()` decides the final sigma.
pub const CASED: u8 = 64;
/// Case-ignorable, as `str.lower()` decides the final sigma.
pub const CASE_IGNORABLE: u8 = 128;

const CAPITAL_SIGMA: u32 = 0x3A3;
const SMALL_SIGMA: u32 = 0x3C3;
const FINAL_SIGMA: u32 = 0x3C2;

/// The ranges of each class and the lower-case mapping, as computed from the
/// running Python.
#[derive(Debug, Clone, Default)]
pub struct PunktCharRanges {
    pub space: Vec<(u32, u32)>,
    pub str_space: Vec<(u32, u32)>,
    pub word_not_digit: Vec<(u32, u32)>,
    pub digit: Vec<(u32, u32)>,
    pub upper: Vec<(u32, u32)>,
    pub lower: Vec<(u32, u32)>,
    pub cased: Vec<(u32, u32)>,
    pub case_ignorable: Vec<(u32, u32)>,
    /// `(code point, chr(code point).lower())` for every code point that
    /// `str.lower()` changes when it stands alone.
    pub lowercase: Vec<(u32, Vec<u32>)>,
}

/// Punkt's classes of every code point, and `str.lower()`.
#[derive(Debug, Clone)]
pub struct PunktChars {
    flags: CodePointFlags,
    lowercase: HashMap<u32, Box<[u32]>>,
}

/// The characters Punkt's patterns spell out: none may be whitespace of
/// either kind, or those patterns would not mean what the code here assumes.
const PUNKT_LITERALS: &str = ".?!,;:-'\"`()[]{}*@&#%\u{2018}\u{2019}\u{201C}\u{201D}\u{AB}\u{BB}";

impl PunktChars {
    /// Builds the tables, checking the facts the tokenizer relies on.
    pub fn new(ranges: &PunktCharRanges) -> Result<Self, String> {
        let classes: [(u8, &Ranges); 8] = [
            (SPACE, &ranges.space),
            (STR_SPACE, &ranges.str_space),
            (WORD_NOT_DIGIT, &ranges.word_not_digit),
            (DIGIT, &ranges.digit),
            (UPPER, &ranges.upper),
            (LOWER, &ranges.lower),
            (CASED, &ranges.cased),
            (CASE_IGNORABLE, &ranges.case_ignorable),
        ];
        let flags = CodePointFlags::unpacked(&classes)?;
        for c in PUNKT_LITERALS.chars() {
            if flags[c as usize] & (SPACE | STR_SPACE) != 0 {
                return Err(format!(
                    "U+{:04X} is whitespace in this Python; Punkt's patterns assume it is not",
                    c as u32
                ));
            }
        }
        if let Some(b) = (0..128u8).find(|&b| {
            is_string_whitespace(b) && flags[b as usize] & (SPACE | STR_SPACE) != SPACE | STR_SPACE
        }) {
            return Err(format!(
                "U+{b:04X} (string.whitespace) must be whitespace for regex and str.isspace()"
            ));
        }
        let mut lowercase = HashMap::with_capacity(ranges.lowercase.len());
        for (cp, lowered) in &ranges.lowercase {
            if *cp >= 0x110000 || lowered.iter().any(|&l| l >= 0x110000) {
                return Err(format!("bad lower-case mapping of {cp:#x}"));
            }
            lowercase.insert(*cp, lowered.clone().into_boxed_slice());
        }
        // Lower-casing ASCII byte by byte must be Python's str.lower().
        for b in 0..128u32 {
            let expected = (b as u8).to_ascii_lowercase() as u32;
            let alone = [b];
            let got = lowercase.get(&b).map_or(&alone[..], |l| &l[..]);
            if got != [expected] {
                return Err(format!(
                    "str.lower() of U+{b:04X} is not its ASCII lower case in this Python"
                ));
            }
        }
        if lowercase.get(&CAPITAL_SIGMA).map(|l| &l[..]) != Some(&[SMALL_SIGMA][..]) {
            return Err("str.lower() of a lone U+03A3 must be U+03C3".into());
        }
        Ok(PunktChars {
            flags: CodePointFlags::pack(&flags),
            lowercase,
        })
    }

    /// The flags of any code point.
    #[inline(always)]
    pub fn of(&self, cp: u32) -> u8 {
        self.flags.of(cp)
    }

    #[inline(always)]
    pub fn is(&self, cp: u32, class: u8) -> bool {
        self.flags.of(cp) & class != 0
    }

    /// Whether the code point starting at byte `i` of `text` is `regex`
    /// whitespace; and its length in bytes.
    #[inline(always)]
    pub(crate) fn space_at(&self, text: &[u8], i: usize) -> (bool, usize) {
        let (cp, len) = char_at(text, i);
        (self.is(cp, SPACE), len)
    }

    /// Appends Python's `text.lower()` (generalized UTF-8) to `out`; `cps` is
    /// scratch space.
    pub fn lower_into(&self, text: &[u8], out: &mut Vec<u8>, cps: &mut Vec<u32>) {
        if text.is_ascii() {
            let start = out.len();
            out.extend_from_slice(text);
            out[start..].make_ascii_lowercase();
            return;
        }
        cps.clear();
        codepoints::decode_into(text, cps);
        for (i, &cp) in cps.iter().enumerate() {
            if cp < 0x80 {
                out.push((cp as u8).to_ascii_lowercase());
            } else if cp == CAPITAL_SIGMA {
                let sigma = if self.final_sigma(cps, i) {
                    FINAL_SIGMA
                } else {
                    SMALL_SIGMA
                };
                codepoints::push(out, sigma);
            } else if let Some(lowered) = self.lowercase.get(&cp) {
                codepoints::encode_into(lowered, out);
            } else {
                codepoints::push(out, cp);
            }
        }
    }

    /// CPython's `handle_capital_sigma`: whether the `Σ` at `cps[i]` is
    /// preceded by a cased character and not followed by one, skipping
    /// case-ignorable characters both ways.
    fn final_sigma(&self, cps: &[u32], i: usize) -> bool {
        let before = cps[..i]
            .iter()
            .rev()
            .find(|&&c| !self.is(c, CASE_IGNORABLE));
        if !before.is_some_and(|&c| self.is(c, CASED)) {
            return false;
        }
        let after = cps[i + 1..].iter().find(|&&c| !self.is(c, CASE_IGNORABLE));
        !after.is_some_and(|&c| self.is(c, CASED))
    }
}

/// Python's `string.whitespace`, which `_get_last_whitespace_index` searches
/// for; [`PunktChars::new`] checks that each is whitespace for `regex` and
/// `str.isspace()` alike.
pub(crate) use crate::codepoints::is_string_whitespace;

/// The code point starting at byte `i` of `text` and its length: ASCII here,
/// anything else by [`codepoints::decode_at`] (most of Punkt's text is ASCII).
#[inline(always)]
pub(crate) fn char_at(text: &[u8], i: usize) -> (u32, usize) {
    let b = text[i];
    if b < 0x80 {
        (b as u32, 1)
    } else {
        codepoints::decode_at(text, i)
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! ASCII-only classes (and the Greek sigmas) for the core's own unit
    //! tests; the real tables are always built from the running Python.
    use super::*;

    pub fn ascii_punkt_chars() -> PunktChars {
        let range = |a: char, b: char| (a as u32, b as u32 + 1);
        let mut lowercase: Vec<(u32, Vec<u32>)> = ('A'..='Z')
            .map(|c| (c as u32, vec![c.to_ascii_lowercase() as u32]))
            .collect();
        lowercase.push((0x391, vec![0x3B1])); // Α
        lowercase.push((CAPITAL_SIGMA, vec![SMALL_SIGMA]));
        PunktChars::new(&PunktCharRanges {
            space: vec![(9, 14), (32, 33), (0xA0, 0xA1)],
            str_space: vec![(9, 14), (0x1C, 0x21), (0xA0, 0xA1)],
            word_not_digit: vec![range('A', 'Z'), range('_', '_'), range('a', 'z')],
            digit: vec![range('0', '9')],
            upper: vec![
                range('A', 'Z'),
                (0x391, 0x392),
                (CAPITAL_SIGMA, CAPITAL_SIGMA + 1),
            ],
            lower: vec![range('a', 'z'), (0x3B1, 0x3B2), (0x3C2, 0x3C4)],
            cased: vec![
                range('A', 'Z'),
                range('a', 'z'),
                (0x391, 0x392),
                (0x3A3, 0x3A4),
                (0x3B1, 0x3B2),
                (0x3C2, 0x3C4),
            ],
            case_ignorable: vec![range('\'', '\''), range('.', '.'), range(':', ':')],
            lowercase,
        })
        .unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::ascii_punkt_chars;
    use super::*;

    fn lower(text: &str) -> String {
        let mut out = Vec::new();
        ascii_punkt_chars().lower_into(text.as_bytes(), &mut out, &mut Vec::new());
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn lowers_ascii_and_the_mapping() {
        assert_eq!(lower("Mr. SMITH"), "mr. smith");
        assert_eq!(lower("ΑΑ"), "αα");
    }

    #[test]
    // The expected strings are CPython's str.lower().
    fn capital_sigma_is_final_only_after_a_cased_letter_and_before_none() {
        assert_eq!(lower("ΑΣ"), "ας");
        assert_eq!(lower("ΑΣ."), "ας.");
        assert_eq!(lower("ΑΣΑ"), "ασα");
        assert_eq!(lower("Σ"), "σ");
        assert_eq!(lower(".Σ"), ".σ");
        assert_eq!(lower("Α'Σ'"), "α'ς'");
        assert_eq!(lower("ΑΣ'Α"), "ασ'α");
        assert_eq!(lower("ΑΣ Α"), "ας α");
    }

    #[test]
    fn refuses_tables_that_break_the_patterns() {
        let ranges = PunktCharRanges {
            space: vec![('.' as u32, '.' as u32 + 1)],
            ..Default::default()
        };
        assert!(PunktChars::new(&ranges).is_err());
    }
}
