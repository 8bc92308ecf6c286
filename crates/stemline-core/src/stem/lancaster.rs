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

/// A rule ready to match: the ending in word order.
#[derive(Debug, Clone)]
struct CompiledRule {
    ending: Word,
    intact: bool,
    remove: usize,
    append: Word,
    stop: bool,
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
            groups[usize::from(key - b'a')].push(CompiledRule {
                ending: rule.reversed_ending.chars().rev().map(u32::from).collect(),
                intact: rule.intact,
                remove: rule.remove,
                append: rule.append.chars().map(u32::from).collect(),
                stop: rule.stop,
            });
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
        if self.strip_prefix {
            if let Some(p) = PREFIXES.iter().find(|p| starts_with(&word, p)) {
                word.drain(..p.len());
            }
        }
        if word.len() > MAX_WORD_LEN {
            return word;
        }
        let intact = word.clone();
        self.do_stemming(word, &intact, classes)
    }

    /// NLTK's `__doStemming`: apply the first acceptable rule of the last
    /// letter's group, again and again, until a rule says stop or none applies.
    fn do_stemming(&self, mut word: Word, intact: &[u32], classes: &CharClasses) -> Word {
        loop {
            // NLTK's `__getLastLetter`: the end of the leading run of letters.
            let letters = word.iter().take_while(|&&c| classes.is(c, ALPHA)).count();
            let Some(&last) = letters.checked_sub(1).map(|i| &word[i]) else {
                return word;
            };
            let Some(group) = (b'a' as u32..=b'z' as u32)
                .contains(&last)
                .then(|| &self.groups[(last - b'a' as u32) as usize])
            else {
                return word;
            };
            let applied = group.iter().find(|rule| {
                ends_with(&word, &rule.ending)
                    && (!rule.intact || word == intact)
                    && is_acceptable(&word, rule.remove)
            });
            let Some(rule) = applied else {
                return word;
            };
            // __applyRule
            word.truncate(word.len() - rule.remove);
            word.extend_from_slice(&rule.append);
            if rule.stop {
                return word;
            }
        }
    }
}

/// `word.endswith(ending)`, from the last letter back: nearly every rule of a
/// group fails on its second-to-last letter, and a `memcmp` call per rule cost
/// more than the comparison.
#[inline]
fn ends_with(word: &[u32], ending: &[u32]) -> bool {
    word.len() >= ending.len()
        && word
            .iter()
            .rev()
            .zip(ending.iter().rev())
            .all(|(a, b)| a == b)
}

fn starts_with(word: &[u32], prefix: &str) -> bool {
    word.len() >= prefix.len() && word.iter().zip(prefix.bytes()).all(|(&c, b)| c == b as u32)
}

fn is_vowel(c: u32) -> bool {
    c < 128 && VOWELS.contains(&(c as u8))
}

/// NLTK's `__isAcceptable`: what remains after removing `remove` letters is at
/// least two letters if the word starts with a vowel, else at least three with
/// a vowel as the second or third letter.
fn is_acceptable(word: &[u32], remove: usize) -> bool {
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
