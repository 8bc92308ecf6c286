//! Character classes, as the reference's three regular-expression engines see them.
//!
//! The reference (NLTK 3.10.4) runs on three different notions of "word" and
//! "space", and exactness needs each one where it applies:
//!
//! * `wordpunct_tokenize` and the Treebank rules are compiled with the third-party
//!   `regex` module, whose `\w` and `\s` follow its own Unicode tables (combining
//!   marks are word characters; `²` is not);
//! * the contraction rules are compiled with the standard `re` module, whose `\w`
//!   is `str.isalnum()` or `_` under the running Python's Unicode database;
//! * the final `str.split()` splits on `str.isspace()`, which includes U+001C..U+001F
//!   that `regex` treats as punctuation.
//!
//! `NLTKWordTokenizer` (see [`crate::nltk_word`]) adds two of the `regex`
//! module's own notions: its `\d` (`([:,])([^\d])`) and its `(?i)` matching of
//! the clitic letters in `(?!(?:re|ve|ll|m|t|s|d|n)\b)`, which is not `re`'s
//! (`regex` matches `İ` to `i` but not `ı`).
//!
//! None of these agree with Rust's own Unicode tables, so the core never uses
//! them: the tables arrive as code point ranges computed by the caller from the
//! running Python and its `regex` module (see `python/stemline/_unicode.py`).

/// A word character for `wordpunct_tokenize` (`regex`'s `\w`).
pub const WORD: u8 = 1;
/// Whitespace for `wordpunct_tokenize` (`regex`'s `\s`).
pub const SPACE: u8 = 2;
/// A word character for the contraction rules' `\b` (`re`'s `\w`).
pub const RE_WORD: u8 = 4;
/// Whitespace for the final `str.split()` (and `re`'s `\s`).
pub const SPLIT_SPACE: u8 = 8;
/// A letter for the Lancaster stemmer's last-letter scan (`str.isalpha()`).
pub const ALPHA: u8 = 16;
/// A digit for `NLTKWordTokenizer`'s `([:,])([^\d])` (`regex`'s `\d`).
pub const REGEX_DIGIT: u8 = 32;

/// Half-open code point ranges `[start, end)`.
pub type Ranges = [(u32, u32)];

/// The ranges of each class, as computed from the running Python.
#[derive(Debug, Clone, Default)]
pub struct ClassRanges {
    pub word: Vec<(u32, u32)>,
    pub space: Vec<(u32, u32)>,
    pub re_word: Vec<(u32, u32)>,
    pub split_space: Vec<(u32, u32)>,
    pub alpha: Vec<(u32, u32)>,
    /// `(letter, code point)`: `code point` matches the lower-case ASCII
    /// `letter` in a `re.IGNORECASE` pattern. Only the letters of the
    /// contraction rules are needed.
    pub ignore_case: Vec<(u8, u32)>,
    /// `regex`'s `\d`.
    pub regex_digit: Vec<(u32, u32)>,
    /// `(letter, code point)`: `code point` matches the lower-case ASCII
    /// `letter` in a `(?i)` pattern of the `regex` module. Only the letters
    /// of `NLTKWordTokenizer`'s clitic lookahead are needed.
    pub regex_ignore_case: Vec<(u8, u32)>,
}

const BLOCK: usize = 256;
const BLOCKS: usize = 0x110000 / BLOCK;

/// Eight flags per code point in a two-level table (blocks of 256 code points,
/// identical blocks shared), so a lookup is two loads. [`CharClasses`] keeps
/// the classes of the normalizer's tokenizers in one; other parts of the core
/// (Punkt's classes, [`crate::punkt::chars`]) keep their own flags in another.
#[derive(Debug, Clone)]
pub struct CodePointFlags {
    ascii: [u8; 128],
    index: Vec<u16>,
    blocks: Vec<[u8; BLOCK]>,
}

impl CodePointFlags {
    /// Sets `flag` on every code point of each class's ranges, starting from
    /// no flags at all; the result has one byte per code point, for checks
    /// before it is packed with [`Self::pack`].
    pub fn unpacked(classes: &[(u8, &Ranges)]) -> Result<Vec<u8>, String> {
        let mut flags = vec![0u8; 0x110000];
        for &(class, list) in classes {
            for &(start, end) in list.iter() {
                if start > end || end > 0x110000 {
                    return Err(format!("bad code point range {start:#x}..{end:#x}"));
                }
                for f in &mut flags[start as usize..end as usize] {
                    *f |= class;
                }
            }
        }
        Ok(flags)
    }

    /// The two-level table of `flags`, one byte per code point (0..0x110000).
    pub fn pack(flags: &[u8]) -> Self {
        let mut ascii = [0u8; 128];
        ascii.copy_from_slice(&flags[..128]);
        let mut index = Vec::with_capacity(BLOCKS);
        let mut blocks: Vec<[u8; BLOCK]> = Vec::new();
        let mut seen: std::collections::HashMap<[u8; BLOCK], u16> = Default::default();
        for chunk in flags.chunks_exact(BLOCK) {
            let block: [u8; BLOCK] = chunk.try_into().expect("exact chunk");
            let id = *seen.entry(block).or_insert_with(|| {
                blocks.push(block);
                (blocks.len() - 1) as u16
            });
            index.push(id);
        }
        CodePointFlags {
            ascii,
            index,
            blocks,
        }
    }

    /// The flags of an ASCII byte.
    #[inline(always)]
    pub fn ascii(&self, b: u8) -> u8 {
        self.ascii[b as usize]
    }

    /// The flags of any code point (none beyond U+10FFFF).
    #[inline]
    pub fn of(&self, cp: u32) -> u8 {
        if cp < 128 {
            return self.ascii[cp as usize];
        }
        let Some(&block) = self.index.get(cp as usize / BLOCK) else {
            return 0;
        };
        self.blocks[block as usize][cp as usize % BLOCK]
    }
}

/// Per-code-point class flags of the normalizer's tokenizers (see the module
/// documentation).
#[derive(Debug, Clone)]
pub struct CharClasses {
    flags: CodePointFlags,
    ignore_case: Vec<(u8, u32)>,
    regex_ignore_case: Vec<(u8, u32)>,
    /// For each ASCII letter, the ASCII code points [`Self::ignore_case`]
    /// matches to it (the letter itself included) as bits: the case rules'
    /// passes test every character of a chunk, nearly all ASCII, and a
    /// binary search per character was most of their time.
    ascii_ignore_case: [u128; 128],
    /// The same for [`Self::regex_ignore_case`].
    ascii_regex_ignore_case: [u128; 128],
    /// Whether the ASCII word characters are exactly `[0-9A-Za-z_]`, which
    /// lets the scanner test 16 bytes at a time.
    standard_ascii_words: bool,
}

impl CharClasses {
    /// Builds the table, checking the facts the tokenizer relies on.
    pub fn new(ranges: &ClassRanges) -> Result<Self, String> {
        let flags = CodePointFlags::unpacked(&[
            (WORD, &ranges.word),
            (SPACE, &ranges.space),
            (RE_WORD, &ranges.re_word),
            (SPLIT_SPACE, &ranges.split_space),
            (ALPHA, &ranges.alpha),
            (REGEX_DIGIT, &ranges.regex_digit),
        ])?;
        // The Treebank rules are applied to whole runs on the assumption that a
        // run never holds whitespace of either engine inside a word; say so if a
        // future Unicode table breaks that, rather than produce different output.
        if let Some(cp) = flags
            .iter()
            .position(|&f| f & WORD != 0 && f & (SPACE | SPLIT_SPACE) != 0)
        {
            return Err(format!(
                "U+{cp:04X} is both a word character and whitespace; stemline's tokenizer assumes no such character exists"
            ));
        }
        if flags[' ' as usize] & SPACE == 0 || flags[' ' as usize] & SPLIT_SPACE == 0 {
            return Err("U+0020 must be whitespace in every engine".into());
        }

        let flags = CodePointFlags::pack(&flags);
        let mut ignore_case = ranges.ignore_case.clone();
        ignore_case.sort_unstable();
        ignore_case.dedup();
        let mut regex_ignore_case = ranges.regex_ignore_case.clone();
        regex_ignore_case.sort_unstable();
        regex_ignore_case.dedup();
        let ascii_ignore_case = ascii_case_bits(&ignore_case);
        let ascii_regex_ignore_case = ascii_case_bits(&regex_ignore_case);
        let standard_ascii_words = (0..128u8)
            .all(|b| (flags.ascii(b) & WORD != 0) == (b.is_ascii_alphanumeric() || b == b'_'));
        Ok(CharClasses {
            flags,
            ignore_case,
            regex_ignore_case,
            ascii_ignore_case,
            ascii_regex_ignore_case,
            standard_ascii_words,
        })
    }

    /// Whether the ASCII word characters are exactly `[0-9A-Za-z_]`.
    #[inline(always)]
    pub fn standard_ascii_words(&self) -> bool {
        self.standard_ascii_words
    }

    /// The class flags of an ASCII byte.
    #[inline(always)]
    pub fn ascii(&self, b: u8) -> u8 {
        self.flags.ascii(b)
    }

    /// The class flags of any code point.
    #[inline]
    pub fn of(&self, cp: u32) -> u8 {
        self.flags.of(cp)
    }

    #[inline]
    pub fn is(&self, cp: u32, class: u8) -> bool {
        self.of(cp) & class != 0
    }

    /// Whether `cp` matches the lower-case ASCII `letter` in a `re.IGNORECASE`
    /// pattern (for example `İ` matches `i`, as the running `re` decides).
    #[inline]
    pub fn matches_ignore_case(&self, cp: u32, letter: u8) -> bool {
        if cp < 128 && letter < 128 {
            return self.ascii_ignore_case[letter as usize] >> cp & 1 != 0;
        }
        cp == letter as u32 || self.ignore_case.binary_search(&(letter, cp)).is_ok()
    }

    /// Whether some ASCII code point in the set `ascii` (bit `c` for `c`)
    /// matches `letter` in a `re.IGNORECASE` pattern.
    #[inline]
    pub fn any_ascii_matches_ignore_case(&self, ascii: u128, letter: u8) -> bool {
        letter < 128 && ascii & self.ascii_ignore_case[letter as usize] != 0
    }

    /// The code points other than the letters themselves that a `(?i)`
    /// letter of either engine matches (`K` for `k`, `ſ` for `s`, ...).
    pub fn case_variants(&self) -> impl Iterator<Item = u32> + '_ {
        self.ignore_case
            .iter()
            .chain(self.regex_ignore_case.iter())
            .map(|&(_, cp)| cp)
    }

    /// [`Self::matches_ignore_case`] for a `(?i)` pattern of the `regex`
    /// module, whose case-insensitive matching differs from `re`'s.
    #[inline]
    pub fn matches_regex_ignore_case(&self, cp: u32, letter: u8) -> bool {
        if cp < 128 && letter < 128 {
            return self.ascii_regex_ignore_case[letter as usize] >> cp & 1 != 0;
        }
        cp == letter as u32 || self.regex_ignore_case.binary_search(&(letter, cp)).is_ok()
    }
}

/// For each ASCII letter, the bits of the ASCII code points that `table`
/// (sorted pairs `(letter, code point)`) matches to it, and the letter's own.
fn ascii_case_bits(table: &[(u8, u32)]) -> [u128; 128] {
    let mut bits = [0u128; 128];
    for (letter, b) in bits.iter_mut().enumerate() {
        *b = 1 << letter;
    }
    for &(letter, cp) in table {
        if letter < 128 && cp < 128 {
            bits[letter as usize] |= 1 << cp;
        }
    }
    bits
}

#[cfg(test)]
pub(crate) mod testing {
    //! ASCII-only classes for the core's own unit tests; the real tables are
    //! always built from the running Python.
    use super::*;

    pub fn ascii_classes() -> CharClasses {
        classes_with_spaces(&[])
    }

    /// [`ascii_classes`] with the characters of `spaces` whitespace too (for
    /// `regex` and `str.split()` alike).
    pub fn classes_with_spaces(spaces: &[(u32, u32)]) -> CharClasses {
        let word: Vec<(u32, u32)> = vec![
            ('0' as u32, '9' as u32 + 1),
            ('A' as u32, 'Z' as u32 + 1),
            ('_' as u32, '_' as u32 + 1),
            ('a' as u32, 'z' as u32 + 1),
        ];
        let space = [&[(9, 14), (32, 33)], spaces].concat();
        let split_space = [&[(9, 14), (0x1C, 0x21)], spaces].concat();
        let ignore_case: Vec<(u8, u32)> = (b'a'..=b'z')
            .map(|l| (l, l.to_ascii_uppercase() as u32))
            .collect();
        let alpha = vec![('A' as u32, 'Z' as u32 + 1), ('a' as u32, 'z' as u32 + 1)];
        CharClasses::new(&ClassRanges {
            re_word: word.clone(),
            word,
            alpha,
            space,
            split_space,
            regex_ignore_case: ignore_case.clone(),
            ignore_case,
            regex_digit: vec![('0' as u32, '9' as u32 + 1)],
        })
        .unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::ascii_classes;
    use super::*;

    #[test]
    fn ascii_lookups() {
        let c = ascii_classes();
        assert!(c.is('a' as u32, WORD) && c.is('_' as u32, RE_WORD));
        assert!(c.is(' ' as u32, SPACE) && c.is(0x1C, SPLIT_SPACE) && !c.is(0x1C, SPACE));
        assert_eq!(c.of(0x10FFFF), 0);
        assert!(c.matches_ignore_case('I' as u32, b'i'));
        assert!(!c.matches_ignore_case('J' as u32, b'i'));
    }

    #[test]
    fn rejects_a_word_character_that_is_whitespace() {
        let ranges = ClassRanges {
            word: vec![(32, 33)],
            space: vec![(32, 33)],
            split_space: vec![(32, 33)],
            ..Default::default()
        };
        assert!(CharClasses::new(&ranges).is_err());
    }
}
