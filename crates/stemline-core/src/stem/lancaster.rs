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

use super::porter::Letter;
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

const VOWELS: &[u8] = b"aeiouy";

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
        let packed = &ending[ending.len().saturating_sub(8)..];
        let value = packed.iter().fold(0u64, |v, &b| v << 8 | u64::from(b));
        let mask = u64::MAX >> (8 * (8 - packed.len()));
        CompiledRule {
            mask,
            value,
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
    /// Rules by their first letter, `a`..=`z`, in table order.
    groups: [Vec<CompiledRule>; 26],
    rules: Vec<Rule>,
    strip_prefix: bool,
}

impl Default for LancasterStemmer {
    /// NLTK's `LancasterStemmer()`: the default rules, no prefix stripping.
    fn default() -> Self {
        let rules = DEFAULT_RULES
            .iter()
            .map(|r| Rule::parse(r).expect("the default rules are valid"))
            .collect();
        LancasterStemmer::new(rules, false)
    }
}

impl LancasterStemmer {
    pub fn new(rules: Vec<Rule>, strip_prefix: bool) -> Self {
        let mut groups: [Vec<CompiledRule>; 26] = Default::default();
        for rule in &rules {
            let key = rule.reversed_ending.as_bytes()[0];
            groups[usize::from(key - b'a')].push(CompiledRule::new(rule));
        }
        LancasterStemmer {
            groups,
            rules,
            strip_prefix,
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
        &self.rules
    }

    pub fn strip_prefix(&self) -> bool {
        self.strip_prefix
    }

    /// Stems `lowered`, the word after Python's `str.lower()`; `classes`
    /// gives `str.isalpha()`.
    pub fn stem(&self, lowered: Word, classes: &CharClasses) -> Word {
        let mut word = lowered;
        self.stem_in_place(&mut word, |c| classes.is(c, ALPHA));
        word
    }

    /// [`Self::stem`] on a lower-cased ASCII word, in its bytes. Python's
    /// `str.isalpha()` is true of exactly the ASCII letters, in every version.
    pub fn stem_ascii_in_place(&self, word: &mut Vec<u8>) {
        debug_assert!(word.is_ascii());
        self.stem_in_place(word, |c| c.is_ascii_alphabetic());
    }

    #[inline]
    fn stem_in_place<L: Letter + Default>(&self, word: &mut Vec<L>, is_alpha: impl Fn(L) -> bool) {
        if self.strip_prefix {
            if let Some(p) = PREFIXES.iter().find(|p| starts_with(word, p)) {
                word.drain(..p.len());
            }
        }
        if word.len() > MAX_WORD_LEN {
            return;
        }
        self.do_stemming(word, is_alpha);
    }

    /// NLTK's `__doStemming`: apply the first acceptable rule of the last
    /// letter's group, again and again, until a rule says stop or none applies.
    #[inline]
    fn do_stemming<L: Letter + Default>(&self, word: &mut Vec<L>, is_alpha: impl Fn(L) -> bool) {
        // NLTK's `__getLastLetter` ends the leading run of letters at the
        // first non-letter. Rules only cut letters off the end and append
        // letters, so the run ends there until a rule cuts the word back to
        // it, and after that the whole word is letters: one scan a word.
        let mut non_letter = word.iter().position(|&c| !is_alpha(c));
        let mut original = Original::Unchanged;
        loop {
            let letters = non_letter.map_or(word.len(), |i| i.min(word.len()));
            let Some(&last) = letters.checked_sub(1).map(|i| &word[i]) else {
                return;
            };
            let Some(group) = (b'a' as u32..=b'z' as u32)
                .contains(&last.code())
                .then(|| &self.groups[(last.code() - b'a' as u32) as usize])
            else {
                return;
            };
            let tail = L::tail(word);
            let applied = group.iter().find(|rule| {
                rule.ends(word, tail)
                    && (!rule.intact || original.is(word))
                    && is_acceptable(word, rule.remove)
            });
            let Some(rule) = applied else {
                return;
            };
            original.keep(word);
            // __applyRule
            let kept = word.len() - rule.remove;
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

/// The word before any rule applied, for the `*` rules' `word ==
/// intact_word`: kept when the first rule applies (most words never get
/// that far), on the stack unless the word is long.
enum Original<L> {
    Unchanged,
    Short(usize, [L; 24]),
    Long(Vec<L>),
}

impl<L: Letter + Default> Original<L> {
    #[inline]
    fn keep(&mut self, word: &[L]) {
        if let Original::Unchanged = self {
            *self = match word.len() {
                n @ 0..=24 => {
                    let mut short = [L::default(); 24];
                    short[..n].copy_from_slice(word);
                    Original::Short(n, short)
                }
                _ => Original::Long(word.to_vec()),
            }
        }
    }

    /// Whether `word` is the original word.
    fn is(&self, word: &[L]) -> bool {
        match self {
            Original::Unchanged => true,
            Original::Short(n, short) => word == &short[..*n],
            Original::Long(long) => word == long.as_slice(),
        }
    }
}

fn starts_with<L: Letter>(word: &[L], prefix: &str) -> bool {
    word.len() >= prefix.len()
        && (word.iter().zip(prefix.bytes())).all(|(&c, b)| c.code() == u32::from(b))
}

fn is_vowel<L: Letter>(c: L) -> bool {
    c.code() < 128 && VOWELS.contains(&(c.code() as u8))
}

/// NLTK's `__isAcceptable`: what remains after removing `remove` letters is at
/// least two letters if the word starts with a vowel, else at least three with
/// a vowel as the second or third letter.
fn is_acceptable<L: Letter>(word: &[L], remove: usize) -> bool {
    let left = word.len() as isize - remove as isize;
    if is_vowel(word[0]) {
        left >= 2
    } else {
        left >= 3 && (is_vowel(word[1]) || is_vowel(word[2]))
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
            ["lanoitazi9e>", "e*1>", "i*1.", "ssen4>", "ss0."]
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
        ] {
            let mut bytes = w.as_bytes().to_vec();
            s.stem_ascii_in_place(&mut bytes);
            assert_eq!(bytes, expected.as_bytes(), "{w}");
            assert_eq!(stem(&s, w), expected, "{w}");
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
