//! The Lancaster (Paice/Husk) stemmer exactly as NLTK 3.10.4's
//! `nltk.stem.lancaster.LancasterStemmer.stem` computes it: Paice (1990),
//! "Another Stemmer", with NLTK's default rule table.
//!
//! A rule is written as in NLTK: the ending reversed, `*` if the word must be
//! intact (no rule applied yet), the number of letters to remove, letters to
//! append, and `>` (go on stemming) or `.` (stop). Rules are grouped by their
//! first letter, the word's last letter, and tried in table order.
//!
//! NLTK's "last letter" is not the word's last character but the last of its
//! leading run of `str.isalpha()` characters (Unicode letters), while the
//! rules' endings are matched against the end of the whole word; both are
//! kept, so "ab1s" finds no rules and "a-a" loses its last a.

use std::sync::{Arc, OnceLock};

use super::letter::{Letter, Packed};
use super::Word;
use crate::classes::{CharClasses, ALPHA};

/// NLTK's `default_rule_tuple`.
pub const DEFAULT_RULES: [&str; 115] = [
    "ai*2.",
    "a*1.",
    "bb1.",
    "city3s.",
    "ci2>",
    "cn1t>",
    "dd1.",
    "dei3y>",
    "deec2ss.",
    "dee1.",
    "de2>",
    "dooh4>",
    "e1>",
    "feil1v.",
    "fi2>",
    "gni3>",
    "gai3y.",
    "ga2>",
    "gg1.",
    "ht*2.",
    "hsiug5ct.",
    "hsi3>",
    "i*1.",
    "i1y>",
    "ji1d.",
    "juf1s.",
    "ju1d.",
    "jo1d.",
    "jeh1r.",
    "jrev1t.",
    "jsim2t.",
    "jn1d.",
    "j1s.",
    "lbaifi6.",
    "lbai4y.",
    "lba3>",
    "lbi3.",
    "lib2l>",
    "lc1.",
    "lufi4y.",
    "luf3>",
    "lu2.",
    "lai3>",
    "lau3>",
    "la2>",
    "ll1.",
    "mui3.",
    "mu*2.",
    "msi3>",
    "mm1.",
    "nois4j>",
    "noix4ct.",
    "noi3>",
    "nai3>",
    "na2>",
    "nee0.",
    "ne2>",
    "nn1.",
    "pihs4>",
    "pp1.",
    "re2>",
    "rae0.",
    "ra2.",
    "ro2>",
    "ru2>",
    "rr1.",
    "rt1>",
    "rei3y>",
    "sei3y>",
    "sis2.",
    "si2>",
    "ssen4>",
    "ss0.",
    "suo3>",
    "su*2.",
    "s*1>",
    "s0.",
    "tacilp4y.",
    "ta2>",
    "tnem4>",
    "tne3>",
    "tna3>",
    "tpir2b.",
    "tpro2b.",
    "tcud1.",
    "tpmus2.",
    "tpec2iv.",
    "tulo2v.",
    "tsis0.",
    "tsi3>",
    "tt1.",
    "uqi3.",
    "ugo1.",
    "vis3j>",
    "vie0.",
    "vi2>",
    "ylb1>",
    "yli3y>",
    "ylp0.",
    "yl2>",
    "ygo1.",
    "yhp1.",
    "ymo1.",
    "ypo1.",
    "yti3>",
    "yte3>",
    "ytl2.",
    "yrtsi5.",
    "yra3>",
    "yro3>",
    "yfi3.",
    "ycn2t>",
    "yca3>",
    "zi2>",
    "zy1s.",
];

/// NLTK's `MAX_WORD_LEN`: a longer word (after prefix stripping) is returned
/// as it is.
pub const MAX_WORD_LEN: usize = 1000;

/// The prefixes `strip_prefix_flag=True` removes (the first that matches).
const PREFIXES: [&str; 9] = [
    "kilo", "micro", "milli", "intra", "ultra", "mega", "nano", "pico", "pseudo",
];

/// `a e i o u y`, a bit each, from `a` in the lowest bit.
const VOWELS: u32 = 1 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20 | 1 << 24;

/// One rule of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// The ending, reversed as written (its first letter is the group's).
    pub reversed_ending: String,
    /// `*`: only while the word is intact.
    pub intact: bool,
    /// Letters removed from the end.
    pub remove: usize,
    /// Letters then appended.
    pub append: String,
    /// `.`: stemming stops after this rule (`>` or nothing: it goes on).
    pub stop: bool,
}

impl Rule {
    /// Parses a rule of NLTK's form `[a-z]+\*?\d[a-z]*[>.]?` (ASCII digits).
    pub fn parse(rule: &str) -> Option<Rule> {
        let b = rule.as_bytes();
        let ending_len = b.iter().take_while(|c| c.is_ascii_lowercase()).count();
        let mut i = ending_len;
        let intact = b.get(i) == Some(&b'*');
        i += intact as usize;
        let digit = *b.get(i).filter(|c| c.is_ascii_digit())?;
        i += 1;
        let append_len = b[i..].iter().take_while(|c| c.is_ascii_lowercase()).count();
        let append = &rule[i..i + append_len];
        i += append_len;
        let flag = b.get(i).copied();
        let stop = flag == Some(b'.');
        let tail = usize::from(matches!(flag, Some(b'.' | b'>')));
        if ending_len == 0 || i + tail != b.len() {
            return None;
        }
        Some(Rule {
            reversed_ending: rule[..ending_len].to_string(),
            intact,
            remove: usize::from(digit - b'0'),
            append: append.to_string(),
            stop,
        })
    }
}

/// A rule ready to match. Its ending's last eight letters are packed as
/// [`Letter::tail`] packs a word's: the word ends with them when
/// `tail & mask == value`, one test instead of a loop over the letters,
/// whose exit (a different letter for every word) was mispredicted.
#[derive(Debug, Clone)]
struct CompiledRule {
    mask: u64,
    value: u64,
    /// The ending in word order, when it is longer than the packed eight.
    long_ending: Option<Vec<u8>>,
    intact: bool,
    remove: usize,
    append: Vec<u8>,
    stop: bool,
}

impl CompiledRule {
    fn new(rule: &Rule) -> Self {
        let ending: Vec<u8> = rule.reversed_ending.bytes().rev().collect();
        let packed = Packed::of(&ending[ending.len().saturating_sub(8)..]);
        CompiledRule {
            mask: packed.mask,
            value: packed.value,
            long_ending: (ending.len() > 8).then_some(ending),
            intact: rule.intact,
            remove: rule.remove,
            append: rule.append.bytes().collect(),
            stop: rule.stop,
        }
    }

    /// `word.endswith(ending)`, given the word's tail.
    #[inline(always)]
    fn ends<L: Letter>(&self, word: &[L], tail: u64) -> bool {
        tail & self.mask == self.value
            && self.long_ending.as_ref().is_none_or(|e| {
                word.len() >= e.len()
                    && (word[word.len() - e.len()..].iter())
                        .zip(e)
                        .all(|(c, &b)| c.code() == u32::from(b))
            })
    }
}

/// `nltk.stem.lancaster.LancasterStemmer`.
#[derive(Debug, Clone)]
pub struct LancasterStemmer {
    /// Shared by every stemmer of the same rules: NLTK's default ones are
    /// compiled once a process, so `LancasterStemmer()` costs a copy of a
    /// pointer, as NLTK's costs next to nothing.
    tables: Arc<Tables>,
    strip_prefix: bool,
}

/// A rule table compiled for stemming.
#[derive(Debug)]
struct Tables {
    /// The rules a word may end with, by the word's last two letters
    /// ([`bucket`]), in table order: a group's rules differ in the letter
    /// before the last, so a word tests its few candidates, not the group.
    /// One flat list, bucket after bucket, and where each bucket starts (a
    /// table of small numbers, mostly in cache, not a `Vec` per bucket).
    candidates: Vec<CompiledRule>,
    bucket_starts: Box<[u32; BUCKETS + 1]>,
    rules: Vec<Rule>,
}

/// NLTK's default rules, compiled on first use.
static DEFAULT_TABLES: OnceLock<Arc<Tables>> = OnceLock::new();

impl Default for LancasterStemmer {
    /// NLTK's `LancasterStemmer()`: the default rules, no prefix stripping.
    fn default() -> Self {
        let tables = DEFAULT_TABLES.get_or_init(|| {
            let rules = DEFAULT_RULES
                .iter()
                .map(|r| Rule::parse(r).expect("the default rules are valid"))
                .collect();
            Arc::new(LancasterStemmer::new_tables(rules))
        });
        LancasterStemmer {
            tables: Arc::clone(tables),
            strip_prefix: false,
        }
    }
}

impl LancasterStemmer {
    pub fn new(rules: Vec<Rule>, strip_prefix: bool) -> Self {
        LancasterStemmer {
            tables: Arc::new(LancasterStemmer::new_tables(rules)),
            strip_prefix,
        }
    }

    /// Compiles `rules` by the words' last two letters.
    fn new_tables(rules: Vec<Rule>) -> Tables {
        let mut buckets = vec![Vec::new(); BUCKETS];
        for rule in &rules {
            let ending = rule.reversed_ending.as_bytes();
            let last = u32::from(ending[0]);
            let before_last = ending.get(1).map(|&b| u32::from(b));
            for before in 0..27 {
                if before_last.is_none_or(|b| b - u32::from(b'a') == before) {
                    buckets[bucket(last, before)].push(CompiledRule::new(rule));
                }
            }
        }
        let mut bucket_starts = Box::new([0u32; BUCKETS + 1]);
        for (i, b) in buckets.iter().enumerate() {
            let count = u32::try_from(b.len()).expect("fewer rules than 2^32");
            bucket_starts[i + 1] = bucket_starts[i] + count;
        }
        Tables {
            candidates: buckets.concat(),
            bucket_starts,
            rules,
        }
    }

    /// With NLTK's default rules.
    pub fn with_prefix_stripping(strip_prefix: bool) -> Self {
        LancasterStemmer {
            strip_prefix,
            ..LancasterStemmer::default()
        }
    }

    pub fn rules(&self) -> &[Rule] {
        &self.tables.rules
    }

    pub fn strip_prefix(&self) -> bool {
        self.strip_prefix
    }

    /// Stems `lowered`, the word after Python's `str.lower()`; `classes`
    /// gives `str.isalpha()`.
    pub fn stem(&self, lowered: Word, classes: &CharClasses) -> Word {
        let mut word = lowered;
        self.stem_in_place(&mut word, |w| w.iter().position(|&c| !classes.is(c, ALPHA)));
        word
    }

    /// [`Self::stem`] on a lower-cased ASCII word, in its bytes. Python's
    /// `str.isalpha()` is true of exactly the ASCII letters, in every version.
    pub fn stem_ascii_in_place(&self, word: &mut Vec<u8>) {
        debug_assert!(word.is_ascii());
        self.stem_in_place(word, first_non_letter);
    }

    #[inline]
    fn stem_in_place<L: Letter>(
        &self,
        word: &mut Vec<L>,
        first_non_letter: impl Fn(&[L]) -> Option<usize>,
    ) {
        if self.strip_prefix {
            if let Some(p) = PREFIXES.iter().find(|p| starts_with(word, p)) {
                word.drain(..p.len());
            }
        }
        if word.len() > MAX_WORD_LEN {
            return;
        }
        self.do_stemming(word, first_non_letter(word));
    }

    /// NLTK's `__doStemming`: apply the first acceptable rule of the last
    /// letter's group, again and again, until a rule says stop or none applies.
    #[inline]
    fn do_stemming<L: Letter>(&self, word: &mut Vec<L>, mut non_letter: Option<usize>) {
        // NLTK's `__getLastLetter` ends the leading run of letters at the
        // first non-letter. Rules only cut letters off the end and append
        // letters, so the run ends there until a rule cuts the word back to
        // it, and after that the whole word is letters: one scan a word.
        let mut original: Original<L> = Original::Unchanged;
        loop {
            let letters = non_letter.map_or(word.len(), |i| i.min(word.len()));
            let Some(&last) = letters.checked_sub(1).map(|i| &word[i]) else {
                return;
            };
            // Every ending of the last letter's group ends with that letter.
            let tail = L::tail(word);
            if !(u32::from(b'a')..=u32::from(b'z')).contains(&last.code())
                || u32::from(tail as u8) != last.code()
            {
                return;
            }
            let before_last = u32::from((tail >> 8) as u8)
                .wrapping_sub(u32::from(b'a'))
                .min(26);
            let b = bucket(last.code(), before_last);
            let [start, end] = [b, b + 1].map(|i| self.tables.bucket_starts[i] as usize);
            let shortest = shortest_stem(word);
            let applied = self.tables.candidates[start..end].iter().find(|rule| {
                rule.ends(word, tail)
                    && (!rule.intact || original.is(word, tail))
                    && word.len().saturating_sub(rule.remove) >= shortest
            });
            let Some(rule) = applied else {
                return;
            };
            // __applyRule
            let kept = word.len() - rule.remove;
            original.cut(word, tail, kept);
            word.truncate(kept);
            word.extend(rule.append.iter().map(|&b| L::from_ascii(b)));
            if non_letter.is_some_and(|i| kept <= i) {
                non_letter = None;
            }
            if rule.stop {
                return;
            }
        }
    }
}

/// The first byte of an ASCII word that is not a letter (Python's
/// `str.isalpha()` is true of exactly the ASCII letters), from two
/// overlapping eight-byte loads when the word is 16 bytes or fewer: a loop
/// over the letters mispredicted its exit, at a different length every word.
#[inline]
fn first_non_letter(word: &[u8]) -> Option<usize> {
    /// The high bit of each byte that is not an ASCII letter.
    fn non_letters(bytes: u64) -> u64 {
        const ONES: u64 = 0x0101_0101_0101_0101;
        let folded = bytes | (0x20 * ONES);
        let from_a = folded + (0x80 - u64::from(b'a')) * ONES;
        let past_z = folded + (0x80 - u64::from(b'z') - 1) * ONES;
        !(from_a & !past_z) & (0x80 * ONES)
    }
    let n = word.len();
    let load8 = |at: usize| u64::from_be_bytes(word[at..at + 8].try_into().expect("8 bytes"));
    let load4 = |at: usize| u32::from_be_bytes(word[at..at + 4].try_into().expect("4 bytes"));
    let index = |bits: u64| bits.leading_zeros() as usize / 8;
    match n {
        // The first eight bytes, then the last eight (overlapping).
        8..=16 => match (non_letters(load8(0)), non_letters(load8(n - 8))) {
            (0, 0) => None,
            (0, last) => Some(n - 8 + index(last)),
            (first, _) => Some(index(first)),
        },
        // The first four bytes and the last four (overlapping), in one.
        4..=7 => match non_letters(u64::from(load4(0)) << 32 | u64::from(load4(n - 4))) {
            0 => None,
            bits => Some(match index(bits) {
                i @ 0..=3 => i,
                i => n + i - 8,
            }),
        },
        _ => word.iter().position(|c| !c.is_ascii_alphabetic()),
    }
}

/// 26 last letters, by 27 letters before them.
const BUCKETS: usize = 26 * 27;

/// The bucket of [`LancasterStemmer::candidates`] of a last letter (`a`..=`z`)
/// and the letter before it (0 to 25 for `a`..=`z`, 26 for anything else).
#[inline(always)]
fn bucket(last: u32, before_last: u32) -> usize {
    (last - u32::from(b'a')) as usize * 27 + before_last as usize
}

/// What the `*` rules' `word == intact_word` needs of the word before any
/// rule applied, kept when the first rule applies. Rules only cut letters
/// off the end and append, so the word's first `kept` letters stay the
/// original's; while the rest lie in the original's last eight, its length
/// and [`Letter::tail`] decide equality, with no copy of the word (a
/// `memcpy` call that cost more than the rest of the test).
enum Original<L> {
    Unchanged,
    Tail {
        len: usize,
        tail: u64,
        kept: usize,
    },
    /// A copy, when the tail cannot stand for the letters: a letter outside
    /// ASCII in it, or rules that cut deeper than its eight letters.
    Copy(Vec<L>),
}

impl<L: Letter> Original<L> {
    /// Called before the word (whose tail is `tail`) is cut to `kept` letters.
    #[inline]
    fn cut(&mut self, word: &[L], tail: u64, kept: usize) {
        const ASCII_HIGH_BITS: u64 = 0x8080_8080_8080_8080;
        if let Original::Unchanged = self {
            // A letter outside ASCII is 0x80 in the tail, and bytes before
            // the word's start are 0xFF: only the latter have the high bit.
            let padding = u64::MAX.checked_shl(8 * word.len() as u32).unwrap_or(0);
            *self = if tail & ASCII_HIGH_BITS & !padding == 0 {
                Original::Tail {
                    len: word.len(),
                    tail,
                    kept: word.len(),
                }
            } else {
                Original::Copy(word.to_vec())
            };
        }
        if let Original::Tail {
            len,
            tail: original,
            kept: unchanged,
        } = *self
        {
            if kept + 8 < len {
                let lost = (unchanged..len)
                    .map(|i| L::from_ascii((original >> (8 * (len - 1 - i))) as u8));
                *self = Original::Copy(word[..unchanged].iter().copied().chain(lost).collect());
            } else if kept < unchanged {
                *self = Original::Tail {
                    len,
                    tail: original,
                    kept,
                };
            }
        }
    }

    /// Whether `word`, whose tail is `tail`, is the original word.
    #[inline]
    fn is(&self, word: &[L], tail: u64) -> bool {
        match self {
            Original::Unchanged => true,
            &Original::Tail { len, tail: t, .. } => word.len() == len && tail == t,
            Original::Copy(copy) => word == copy.as_slice(),
        }
    }
}

fn starts_with<L: Letter>(word: &[L], prefix: &str) -> bool {
    word.len() >= prefix.len()
        && (word.iter().zip(prefix.bytes())).all(|(&c, b)| c.code() == u32::from(b))
}

/// `c in "aeiouy"`, by a bit per letter: a search of the six letters was a
/// loop with a different exit for every word.
#[inline(always)]
fn is_vowel<L: Letter>(c: L) -> bool {
    let index = c.code().wrapping_sub(u32::from(b'a'));
    index < 26 && VOWELS >> index & 1 != 0
}

/// NLTK's `__isAcceptable` as the fewest letters a rule may leave: two if
/// the word starts with a vowel, else three with a vowel as the second or
/// third letter (else no rule applies). Found once a step, not once a
/// candidate rule.
#[inline(always)]
fn shortest_stem<L: Letter>(word: &[L]) -> usize {
    let vowel_at = |i: usize| word.get(i).is_some_and(|&c| is_vowel(c));
    if vowel_at(0) {
        2
    } else if vowel_at(1) || vowel_at(2) {
        3
    } else {
        usize::MAX
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classes::testing::ascii_classes;

    fn stem(s: &LancasterStemmer, w: &str) -> String {
        s.stem(w.chars().map(u32::from).collect(), &ascii_classes())
            .into_iter()
            .map(|c| char::from_u32(c).unwrap())
            .collect()
    }

    #[test]
    fn nltk_docstring_examples() {
        let s = LancasterStemmer::default();
        for (w, expected) in [
            ("maximum", "maxim"),
            ("presumably", "presum"),
            ("multiply", "multiply"),
            ("provision", "provid"),
            ("owed", "ow"),
            ("ear", "ear"),
            ("saying", "say"),
            ("crying", "cry"),
            ("string", "string"),
            ("meant", "meant"),
            ("cement", "cem"),
            ("a-a", "a-"),
            ("ab1s", "ab1s"),
        ] {
            assert_eq!(stem(&s, w), expected, "{w}");
        }
        let prefixed = LancasterStemmer::with_prefix_stripping(true);
        assert_eq!(stem(&prefixed, "kilometer"), "met");
        let custom = LancasterStemmer::new(
            ["ssen4>", "s1t."].map(|r| Rule::parse(r).unwrap()).to_vec(),
            false,
        );
        assert_eq!(stem(&custom, "ness"), "nest");
    }

    /// Words ending in every rule's ending and the group letters, after
    /// stems of every shape (a leading vowel or not, digits, `_`, prefixes).
    fn ascii_words() -> Vec<Vec<u8>> {
        let starts = [
            "", "a", "b", "x", "ab", "ba", "br", "eu", "str", "kilo", "micro", "pseudo", "nano",
            "mega", "ultra", "intra", "pico", "milli", "1", "a1", "_b", "con", "sep", "bl", "ex",
            "aar", "quiz", "rhythm",
        ];
        let middles = ["", "1", "_", "a", "t", "9a", "ss", "ic"];
        let mut ends: Vec<String> = DEFAULT_RULES
            .iter()
            .map(|r| {
                Rule::parse(r)
                    .unwrap()
                    .reversed_ending
                    .chars()
                    .rev()
                    .collect()
            })
            .collect();
        ends.extend((b'a'..=b'z').map(|b| char::from(b).to_string()));
        ends.extend(
            [
                "",
                "1",
                "_",
                "s1",
                "ation",
                "ifiable",
                "nesses",
                "izational",
            ]
            .map(String::from),
        );
        let mut words = Vec::new();
        for start in starts {
            for middle in middles {
                for end in &ends {
                    words.push(format!("{start}{middle}{end}").into_bytes());
                }
            }
        }
        words.push(b"abc".repeat(400));
        words.push([b"abc".repeat(10), b"ies".to_vec()].concat());
        words
    }

    #[test]
    fn ascii_bytes_stem_as_code_points() {
        let custom: Vec<Rule> = [
            "ssen4>",
            "s1t.",
            "ai*2.",
            "a*1.",
            "t0s>",
            "gni3>",
            "de2>",
            "s*1>",
            "ylb1>",
            "y1i.",
            "lanoitazi9e>",
            "e*1>",
            "i*1.",
        ]
        .map(|r| Rule::parse(r).unwrap())
        .to_vec();
        let reversed = DEFAULT_RULES
            .iter()
            .rev()
            .map(|r| Rule::parse(r).unwrap())
            .collect();
        let classes = ascii_classes();
        let words = ascii_words();
        for stemmer in [
            LancasterStemmer::default(),
            LancasterStemmer::with_prefix_stripping(true),
            LancasterStemmer::new(custom.clone(), false),
            LancasterStemmer::new(custom, true),
            LancasterStemmer::new(reversed, false),
        ] {
            let mut changed = 0;
            for word in &words {
                let mut bytes = word.clone();
                stemmer.stem_ascii_in_place(&mut bytes);
                let codes = stemmer.stem(word.iter().map(|&b| u32::from(b)).collect(), &classes);
                assert_eq!(
                    bytes.iter().map(|&b| u32::from(b)).collect::<Vec<_>>(),
                    codes,
                    "{}",
                    String::from_utf8_lossy(word)
                );
                changed += usize::from(&bytes != word);
            }
            assert!(changed > words.len() / 8, "{changed} of {}", words.len());
        }
    }

    #[test]
    fn long_endings_and_intact_rules() {
        let s = LancasterStemmer::new(
            [
                "lanoitazi9e>",
                "e*1>",
                "i*1.",
                "ssen4>",
                "ss0.",
                "ba1c>",
                "c*1.",
            ]
            .map(|r| Rule::parse(r).unwrap())
            .to_vec(),
            false,
        );
        for (w, expected) in [
            ("organizational", "organe"),
            ("izational", "izational"),
            ("cake", "cak"),
            // Not intact once a rule has applied.
            ("cakee", "cake"),
            ("ie", "ie"),
            ("nessi", "ness"),
            ("aness", "aness"),
            // As long as the word, but not the same.
            ("grab", "grac"),
            ("grac", "gra"),
        ] {
            if w.is_ascii() {
                let mut bytes = w.as_bytes().to_vec();
                s.stem_ascii_in_place(&mut bytes);
                assert_eq!(bytes, expected.as_bytes(), "{w}");
            }
            assert_eq!(stem(&s, w), expected, "{w}");
        }
        // A letter outside ASCII in the last eight: the word is copied.
        let s = LancasterStemmer::new(
            ["aa1>", "a*1."].map(|r| Rule::parse(r).unwrap()).to_vec(),
            false,
        );
        assert_eq!(stem(&s, "a\u{e9}aa"), "a\u{e9}a");
        assert_eq!(stem(&s, "a\u{e9}a"), "a\u{e9}");
    }

    #[test]
    fn first_non_letter_of_every_length_and_place() {
        for n in 0..20 {
            for at in 0..=n {
                for c in *b"09_@[`{AZaz\x7f\0" {
                    let mut word: Vec<u8> = (0..n).map(|i| b'a' + (i * 7 % 26) as u8).collect();
                    if at < n {
                        word[at] = c;
                    }
                    assert_eq!(
                        first_non_letter(&word),
                        word.iter().position(|c| !c.is_ascii_alphabetic()),
                        "{word:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn parses_only_nltk_rules() {
        for bad in ["", "4>", "ab", "ab*", "ab4>>", "Ab4>", "ab4X", "ab44"] {
            assert_eq!(Rule::parse(bad), None, "{bad:?}");
        }
        let r = Rule::parse("tpec2iv.").unwrap();
        assert_eq!(
            (
                r.reversed_ending.as_str(),
                r.intact,
                r.remove,
                r.append.as_str(),
                r.stop
            ),
            ("tpec", false, 2, "iv", true)
        );
        assert!(Rule::parse("mu*2").is_some_and(|r| r.intact && !r.stop));
    }
}
