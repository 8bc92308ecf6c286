//! The Porter stemmer in NLTK's three modes, step by step as in
//! `nltk/stem/porter.py` (NLTK 3.10.4) and Porter (1980), "An algorithm for
//! suffix stripping".
//!
//! Words are sequences of code points. Only the ASCII letters `a e i o u y`
//! and the suffix letters mean anything to the algorithm; every other code
//! point is a consonant that matches no suffix, exactly as in NLTK, which
//! works on Python strings. Lower-casing is the caller's job (it must be
//! Python's `str.lower()`), so [`PorterStemmer::stem`] takes both forms.

/// The stemmer's mode, as NLTK names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// `PorterStemmer.NLTK_EXTENSIONS`: NLTK's default and the seed's.
    NltkExtensions,
    /// `PorterStemmer.MARTIN_EXTENSIONS`: Martin Porter's own implementations.
    MartinExtensions,
    /// `PorterStemmer.ORIGINAL_ALGORITHM`: the 1980 paper as published.
    OriginalAlgorithm,
}

impl Mode {
    /// NLTK's constant value for the mode.
    pub fn nltk_name(self) -> &'static str {
        match self {
            Mode::NltkExtensions => "NLTK_EXTENSIONS",
            Mode::MartinExtensions => "MARTIN_EXTENSIONS",
            Mode::OriginalAlgorithm => "ORIGINAL_ALGORITHM",
        }
    }

    pub fn from_nltk_name(name: &str) -> Option<Mode> {
        [
            Mode::NltkExtensions,
            Mode::MartinExtensions,
            Mode::OriginalAlgorithm,
        ]
        .into_iter()
        .find(|m| m.nltk_name() == name)
    }
}

use super::letter::{Letter, Packed};
use super::{byte_set, in_set};
use std::sync::OnceLock;

type Word = Vec<u32>;

/// A word being stemmed, with its [`Letter::tail`] kept in step with every
/// change: most words go through every step, and each step tests its
/// suffixes on the tail instead of the letters.
struct Stem<'w, L: Letter> {
    letters: &'w mut Vec<L>,
    tail: u64,
}

impl<'w, L: Letter> Stem<'w, L> {
    #[inline]
    fn new(letters: &'w mut Vec<L>) -> Self {
        let tail = L::tail(letters);
        Stem { letters, tail }
    }

    #[inline(always)]
    fn ends(&self, suffix: Packed) -> bool {
        self.tail & suffix.mask == suffix.value
    }

    /// The [`RuleIndex`] bucket of the word's last letter.
    #[inline(always)]
    fn ending(&self) -> usize {
        // An empty word's tail is all 0xFF: bucket 26, like any non-letter.
        bucket(u32::from(self.tail as u8))
    }

    /// The [`RuleIndex`] bucket of the letter before the last (26 if none).
    #[inline(always)]
    fn before_last(&self) -> usize {
        bucket(u32::from((self.tail >> 8) as u8))
    }

    /// The [`RuleIndex`] bucket of the third letter from the end (26 if none).
    #[inline(always)]
    fn third_last(&self) -> usize {
        bucket(u32::from((self.tail >> 16) as u8))
    }

    #[inline(always)]
    fn len(&self) -> usize {
        self.letters.len()
    }

    /// The word without its last `n` letters.
    #[inline(always)]
    fn without(&self, n: usize) -> &[L] {
        &self.letters[..self.letters.len() - n]
    }

    fn replace_suffix(&mut self, suffix_len: usize, replacement: &[u8]) {
        let letters = &mut *self.letters;
        letters.truncate(letters.len() - suffix_len);
        letters.extend(replacement.iter().map(|&b| L::from_ascii(b)));
        self.tail = L::tail(letters);
    }

    /// Replaces the last two letters with the last one.
    fn keep_last_letter(&mut self) {
        let letters = &mut *self.letters;
        let last = letters[letters.len() - 1];
        letters.truncate(letters.len() - 2);
        letters.push(last);
        self.tail = L::tail(letters);
    }

    /// Removes the last `n` letters.
    #[inline(always)]
    fn remove(&mut self, n: usize) {
        let letters = &mut *self.letters;
        letters.truncate(letters.len() - n);
        self.tail = L::tail(letters);
    }
}

const fn letter(b: u8) -> u32 {
    b as u32
}

/// The vowel letters (a e i o u), by table: a read where the five compares
/// cost several instructions in every measure's loop.
const VOWELS: [bool; 256] = byte_set(b"aeiou");

#[inline(always)]
fn is_vowel(c: u32) -> bool {
    in_set(&VOWELS, c)
}

/// Which modes a rule belongs to.
#[derive(Clone, Copy)]
enum Modes {
    All,
    Only(Mode),
    AllBut(Mode),
}

impl Modes {
    fn include(self, mode: Mode) -> bool {
        match self {
            Modes::All => true,
            Modes::Only(m) => m == mode,
            Modes::AllBut(m) => m != mode,
        }
    }
}

/// The condition of a rule, checked on the stem (the word without the suffix).
#[derive(Clone, Copy)]
enum Condition {
    /// (m>0)
    MeasureAbove0,
    /// (m>1)
    MeasureAbove1,
    /// (m>1 and (*S or *T)): step 4's -ION.
    MeasureAbove1EndsSOrT,
    /// (*v*): step 1c in the original and Martin's modes.
    ContainsVowel,
    /// NLTK's step 1c: the stem is longer than one letter and ends with a consonant.
    NltkStep1c,
    /// NLTK's -LOGI: (m>0) of the word without "ogi", not without "logi".
    NltkLogi,
    /// Step 5b: (m>1) of the word without its last letter.
    Step5b,
}

/// A rule of a step's list: (condition) SUFFIX -> REPLACEMENT. (Step 1a's
/// list, and step 1b's second list, whose suffixes are not all text, are
/// written out in their steps.)
#[derive(Clone, Copy)]
struct Rule {
    suffix: Packed,
    replacement: &'static [u8],
    condition: Condition,
    modes: Modes,
}

const fn rule(suffix: &'static [u8], replacement: &'static [u8], condition: Condition) -> Rule {
    Rule {
        suffix: Packed::of(suffix),
        replacement,
        condition,
        modes: Modes::All,
    }
}

const fn only(modes: Modes, r: Rule) -> Rule {
    Rule { modes, ..r }
}

use Condition::*;

const STEP1C_NLTK: &[Rule; 1] = &[rule(b"y", b"i", NltkStep1c)];
const STEP1C: &[Rule; 1] = &[rule(b"y", b"i", ContainsVowel)];

const STEP2: &[Rule] = &[
    rule(b"ational", b"ate", MeasureAbove0),
    rule(b"tional", b"tion", MeasureAbove0),
    rule(b"enci", b"ence", MeasureAbove0),
    rule(b"anci", b"ance", MeasureAbove0),
    rule(b"izer", b"ize", MeasureAbove0),
    // The paper's ABLI -> ABLE; Martin's versions (and NLTK's) use BLI -> BLE.
    only(
        Modes::Only(Mode::OriginalAlgorithm),
        rule(b"abli", b"able", MeasureAbove0),
    ),
    only(
        Modes::AllBut(Mode::OriginalAlgorithm),
        rule(b"bli", b"ble", MeasureAbove0),
    ),
    rule(b"alli", b"al", MeasureAbove0),
    rule(b"entli", b"ent", MeasureAbove0),
    rule(b"eli", b"e", MeasureAbove0),
    rule(b"ousli", b"ous", MeasureAbove0),
    rule(b"ization", b"ize", MeasureAbove0),
    rule(b"ation", b"ate", MeasureAbove0),
    rule(b"ator", b"ate", MeasureAbove0),
    rule(b"alism", b"al", MeasureAbove0),
    rule(b"iveness", b"ive", MeasureAbove0),
    rule(b"fulness", b"ful", MeasureAbove0),
    rule(b"ousness", b"ous", MeasureAbove0),
    rule(b"aliti", b"al", MeasureAbove0),
    rule(b"iviti", b"ive", MeasureAbove0),
    rule(b"biliti", b"ble", MeasureAbove0),
    // NLTK extensions, appended after the paper's rules.
    only(
        Modes::Only(Mode::NltkExtensions),
        rule(b"fulli", b"ful", MeasureAbove0),
    ),
    only(
        Modes::Only(Mode::NltkExtensions),
        rule(b"logi", b"log", NltkLogi),
    ),
    // Martin's LOGI -> LOG.
    only(
        Modes::Only(Mode::MartinExtensions),
        rule(b"logi", b"log", MeasureAbove0),
    ),
];

const STEP3: &[Rule] = &[
    rule(b"icate", b"ic", MeasureAbove0),
    rule(b"ative", b"", MeasureAbove0),
    rule(b"alize", b"al", MeasureAbove0),
    rule(b"iciti", b"ic", MeasureAbove0),
    rule(b"ical", b"ic", MeasureAbove0),
    rule(b"ful", b"", MeasureAbove0),
    rule(b"ness", b"", MeasureAbove0),
];

const STEP4: &[Rule] = &[
    rule(b"al", b"", MeasureAbove1),
    rule(b"ance", b"", MeasureAbove1),
    rule(b"ence", b"", MeasureAbove1),
    rule(b"er", b"", MeasureAbove1),
    rule(b"ic", b"", MeasureAbove1),
    rule(b"able", b"", MeasureAbove1),
    rule(b"ible", b"", MeasureAbove1),
    rule(b"ant", b"", MeasureAbove1),
    rule(b"ement", b"", MeasureAbove1),
    rule(b"ment", b"", MeasureAbove1),
    rule(b"ent", b"", MeasureAbove1),
    rule(b"ion", b"", MeasureAbove1EndsSOrT),
    rule(b"ou", b"", MeasureAbove1),
    rule(b"ism", b"", MeasureAbove1),
    rule(b"ate", b"", MeasureAbove1),
    rule(b"iti", b"", MeasureAbove1),
    rule(b"ous", b"", MeasureAbove1),
    rule(b"ive", b"", MeasureAbove1),
    rule(b"ize", b"", MeasureAbove1),
];

const STEP5B: &[Rule] = &[rule(b"ll", b"l", Step5b)];

/// NLTK's irregular forms (NLTK_EXTENSIONS only): word -> stem.
pub const POOL: &[(&str, &str)] = &[
    ("sky", "sky"),
    ("skies", "sky"),
    ("dying", "die"),
    ("lying", "lie"),
    ("tying", "tie"),
    ("news", "news"),
    ("innings", "inning"),
    ("inning", "inning"),
    ("outings", "outing"),
    ("outing", "outing"),
    ("cannings", "canning"),
    ("canning", "canning"),
    ("howe", "howe"),
    ("proceed", "proceed"),
    ("exceed", "exceed"),
    ("succeed", "succeed"),
];

/// One step's rules in one mode, by the last letter a suffix needs: a word
/// is only tried against the rules its last letter can match, in their
/// order, instead of scanning the whole list (most of a cold run's stemming
/// time went to that scan).
struct RuleIndex {
    /// Bucket `b - b'a'` for a word ending in the letter `b`, bucket 26 for
    /// any other ending; rules that match any ending are in every bucket.
    buckets: [Vec<Rule>; 27],
    /// By the buckets of a word's last two letters (`before_last * 27 +
    /// last`), the buckets of the letter before them with which some rule
    /// can match (all, for a rule of fewer letters): most words whose last
    /// letter some rule needs fail on the two letters before, and leave
    /// without a call to the rule loop.
    third_last: Vec<u32>,
}

impl RuleIndex {
    fn new(rules: &[Rule], mode: Mode) -> Self {
        let mut buckets: [Vec<Rule>; 27] = Default::default();
        let mut third_last = vec![0u32; 27 * 27];
        for r in rules.iter().filter(|r| r.modes.include(mode)) {
            // The suffix's letter `i` from the end, as buckets (every bucket
            // if the suffix is shorter).
            let letter = |i: usize| -> u32 {
                if r.suffix.len > i {
                    1 << bucket(u32::from((r.suffix.value >> (8 * i)) as u8))
                } else {
                    u32::MAX
                }
            };
            for (last, b) in buckets.iter_mut().enumerate() {
                if letter(0) & 1 << last != 0 {
                    b.push(*r);
                }
            }
            for (pair, third) in third_last.iter_mut().enumerate() {
                if letter(0) & 1 << (pair % 27) != 0 && letter(1) & 1 << (pair / 27) != 0 {
                    *third |= letter(2);
                }
            }
        }
        RuleIndex {
            buckets,
            third_last,
        }
    }
}

/// The buckets (bit `bucket`) in which a rule list has any rule, known at
/// compile time, so a word whose ending no rule needs skips the step without
/// a memory access.
const fn endings(rules: &[Rule]) -> u32 {
    let mut mask = 0;
    let mut i = 0;
    while i < rules.len() {
        mask |= match rules[i].suffix.last() {
            Some(last) => 1 << bucket(last as u32),
            None => u32::MAX,
        };
        i += 1;
    }
    mask
}

const STEP2_ENDINGS: u32 = endings(STEP2);
const STEP3_ENDINGS: u32 = endings(STEP3);
const STEP4_ENDINGS: u32 = endings(STEP4);
const STEP5B_ENDINGS: u32 = endings(STEP5B);

/// The [`RuleIndex`] bucket of a word ending in `c`.
#[inline(always)]
const fn bucket(c: u32) -> usize {
    // By table: several buckets are taken for every word, and a letter
    // from a word's tail is a byte, so the bound is known there.
    if c < 256 {
        BUCKETS[c as usize] as usize
    } else {
        26
    }
}

/// [`bucket`] of every byte.
const BUCKETS: [u8; 256] = {
    let mut table = [26u8; 256];
    let mut c = b'a';
    while c <= b'z' {
        table[c as usize] = c - b'a';
        c += 1;
    }
    table
};

/// Every rule list of one mode, indexed.
struct Steps {
    step2: RuleIndex,
    step3: RuleIndex,
    step4: RuleIndex,
    step5b: RuleIndex,
    /// [`RuleIndex::third_last`] of steps 2, 3 and 4 together.
    third_last_2_to_4: Vec<u32>,
}

impl Steps {
    fn new(mode: Mode) -> Self {
        let (step2, step3, step4) = (
            RuleIndex::new(STEP2, mode),
            RuleIndex::new(STEP3, mode),
            RuleIndex::new(STEP4, mode),
        );
        let third_last_2_to_4 = (0..27 * 27)
            .map(|i| step2.third_last[i] | step3.third_last[i] | step4.third_last[i])
            .collect();
        Steps {
            step2,
            step3,
            step4,
            step5b: RuleIndex::new(STEP5B, mode),
            third_last_2_to_4,
        }
    }

    /// The indexed rules of `mode`, built once per process.
    fn of(mode: Mode) -> &'static Steps {
        static STEPS: [OnceLock<Steps>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let i = match mode {
            Mode::NltkExtensions => 0,
            Mode::MartinExtensions => 1,
            Mode::OriginalAlgorithm => 2,
        };
        STEPS[i].get_or_init(|| Steps::new(mode))
    }
}

/// A Porter stemmer in one mode.
#[derive(Clone, Copy)]
pub struct PorterStemmer {
    mode: Mode,
    steps: &'static Steps,
}

impl std::fmt::Debug for PorterStemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PorterStemmer")
            .field("mode", &self.mode)
            .finish()
    }
}

impl PorterStemmer {
    pub fn new(mode: Mode) -> Self {
        PorterStemmer {
            mode,
            steps: Steps::of(mode),
        }
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Stems `word`, given `lowered`, which is `word.lower()` as Python
    /// computes it (or `word` itself for `to_lowercase=False`).
    pub fn stem(&self, word: &[u32], lowered: Word) -> Word {
        let mut stem = lowered;
        self.stem_in_place(word.len(), &mut stem);
        stem
    }

    /// Stems `stem` in place: it holds the lower-cased word, and
    /// `original_len` is the length in code points of the word before
    /// lower-casing. Works on code points or, for an ASCII word, on its bytes.
    pub fn stem_in_place<L: Letter>(&self, original_len: usize, stem: &mut Vec<L>) {
        self.stem_with_pool(original_len, stem, true);
    }

    /// [`Self::stem`] without NLTK's table of irregular forms (its `pool`),
    /// in which the caller has looked the word up already (the binding's
    /// `pool` is a dict the user may change).
    pub fn stem_without_pool(&self, word: &[u32], lowered: Word) -> Word {
        let mut stem = lowered;
        self.stem_with_pool(word.len(), &mut stem, false);
        stem
    }

    #[inline(always)]
    fn stem_with_pool<L: Letter>(&self, original_len: usize, stem: &mut Vec<L>, pool: bool) {
        let mut word = Stem::new(stem);
        if pool && self.mode == Mode::NltkExtensions {
            if let Some(irregular) = pool_lookup(&word) {
                word.letters.clear();
                word.letters.extend(irregular.bytes().map(L::from_ascii));
                return;
            }
        }
        // NLTK leaves words of one or two letters alone, although the paper
        // does not; the length is the original word's.
        if self.mode != Mode::OriginalAlgorithm && original_len <= 2 {
            return;
        }
        // Every word goes through each sub-step of step 1 and its own test
        // of the ending: leaving at once when no step could change the word,
        // or skipping step 1 for the words no sub-step could change (each a
        // test that many words pass and many fail), was slower by the tests'
        // mispredictions.
        self.step1a(&mut word);
        self.step1b(&mut word);
        self.step1c(&mut word);
        // Most words have no suffix of steps 2 to 4, and skip them on one
        // test of their last three letters, not on a test a step (one of
        // which was mispredicted for many words; on the last two letters, a
        // third of the words passed). If step 2 leaves a word as it is, so
        // do steps 3 and 4.
        let steps = self.steps;
        let pair = word.before_last() * 27 + word.ending();
        if steps.third_last_2_to_4[pair] & (1 << word.third_last()) != 0 {
            self.step2(&mut word);
            self.step3(&mut word);
            self.step4(&mut word);
        }
        self.step5a(&mut word);
        self.step5b(&mut word);
    }

    /// Whether `word[i]` is a consonant: a letter other than A, E, I, O, U, and
    /// other than Y preceded by a consonant.
    fn is_consonant<L: Letter>(&self, word: &[L], mut i: usize) -> bool {
        if is_vowel(word[i].code()) {
            return false;
        }
        if word[i].code() == letter(b'y') {
            let mut negate = false;
            while i > 0 && word[i].code() == letter(b'y') {
                negate = !negate;
                i -= 1;
            }
            // NLTK: (word[i] not in self.vowels) != negate
            return is_vowel(word[i].code()) == negate;
        }
        true
    }

    /// m, the number of VC sequences in the form [C](VC){m}[V].
    fn measure<L: Letter>(stem: &[L]) -> usize {
        // One pass with no branch per letter: the conditions of most rules,
        // and of step 5a for every word ending in E. (Stopping once m is
        // known to be over 1 was slower: one more mispredicted branch.)
        let mut m = 0;
        let mut previous_vowel = false;
        let mut previous_consonant = false;
        for &c in stem {
            let c = c.code();
            // A Y is a vowel after a consonant (a consonant at the start or
            // after a vowel), as in [`Self::is_consonant`].
            let vowel = is_vowel(c) | (c == letter(b'y')) & previous_consonant;
            m += usize::from(!vowel & previous_vowel);
            previous_vowel = vowel;
            previous_consonant = !vowel;
        }
        m
    }

    /// *v*: the stem contains a vowel.
    fn contains_vowel<L: Letter>(stem: &[L]) -> bool {
        // A Y after the first letter follows a consonant or a vowel: either
        // way the stem has a vowel.
        stem.iter().enumerate().any(|(i, &c)| {
            let c = c.code();
            is_vowel(c) || (i > 0 && c == letter(b'y'))
        })
    }

    /// *d: the word ends with a double consonant.
    fn ends_double_consonant<L: Letter>(&self, word: &[L]) -> bool {
        let n = word.len();
        n >= 2 && word[n - 1] == word[n - 2] && self.is_consonant(word, n - 1)
    }

    /// *o: the word ends consonant-vowel-consonant, the last not W, X or Y.
    fn ends_cvc<L: Letter>(&self, word: &[L]) -> bool {
        let n = word.len();
        (n >= 3
            && self.is_consonant(word, n - 3)
            && !self.is_consonant(word, n - 2)
            && self.is_consonant(word, n - 1)
            && ![letter(b'w'), letter(b'x'), letter(b'y')].contains(&word[n - 1].code()))
            // NLTK extension: a two-letter word vowel-consonant counts too.
            || (self.mode == Mode::NltkExtensions
                && n == 2
                && !self.is_consonant(word, 0)
                && self.is_consonant(word, 1))
    }

    fn holds<L: Letter>(&self, condition: Condition, stem: &[L], word: &[L]) -> bool {
        match condition {
            MeasureAbove0 => Self::measure(stem) > 0,
            MeasureAbove1 => Self::measure(stem) > 1,
            MeasureAbove1EndsSOrT => {
                Self::measure(stem) > 1
                    && [letter(b's'), letter(b't')].contains(&stem[stem.len() - 1].code())
            }
            ContainsVowel => Self::contains_vowel(stem),
            NltkStep1c => stem.len() > 1 && self.is_consonant(stem, stem.len() - 1),
            NltkLogi => Self::measure(&word[..word.len() - 3]) > 0,
            Step5b => Self::measure(&word[..word.len() - 1]) > 1,
        }
    }

    /// Applies the first rule whose suffix the word ends with: its replacement
    /// if its condition holds, otherwise nothing (later rules are not tried).
    ///
    /// Inlined into each step, so that a step the word's ending skips costs a
    /// few instructions, not a call (the call was a sixth of stemming).
    #[inline(always)]
    fn apply_rule_list<L: Letter>(&self, word: &mut Stem<L>, rules: &RuleIndex, endings: u32) {
        let ending = word.ending();
        if endings & (1 << ending) == 0 {
            return;
        }
        if rules.third_last[word.before_last() * 27 + ending] & (1 << word.third_last()) == 0 {
            return;
        }
        self.apply_rules(word, &rules.buckets[ending]);
    }

    /// The rule loop of [`Self::apply_rule_list`], over the rules of the word's bucket.
    #[inline(never)]
    fn apply_rules<L: Letter>(&self, word: &mut Stem<L>, rules: &[Rule]) {
        for r in rules {
            if !word.ends(r.suffix) {
                continue;
            }
            let letters = &word.letters[..];
            if self.holds(
                r.condition,
                &letters[..letters.len() - r.suffix.len],
                letters,
            ) {
                word.replace_suffix(r.suffix.len, r.replacement);
            }
            return;
        }
    }

    /// Step 1a: plurals.
    fn step1a<L: Letter>(&self, word: &mut Stem<L>) {
        if word.tail as u8 != b's' {
            return;
        }
        // The rules (SSES -> SS, IES -> I, SS -> SS, S -> ) each remove a
        // letter or two, so the letters to remove are counted without a
        // jump on which rule it is (the rule loop's were mispredicted for
        // most plurals). NLTK extension: "ties" -> "tie", not "ti".
        let sses = word.ends(const { Packed::of(b"sses") });
        let ies = word.ends(const { Packed::of(b"ies") });
        let ties = ies & (self.mode == Mode::NltkExtensions) & (word.len() == 4);
        let ss = word.ends(const { Packed::of(b"ss") });
        word.remove(1 + usize::from(sses | ies & !ties) - usize::from(ss));
    }

    /// Step 1b: -EED, -ED, -ING.
    fn step1b<L: Letter>(&self, word: &mut Stem<L>) {
        // Every suffix of the step ends in ED or NG (the last letter alone
        // let through many more words, for a mispredicted test of each).
        let last_two = word.tail as u16;
        if (last_two != u16::from_be_bytes(*b"ed")) & (last_two != u16::from_be_bytes(*b"ng")) {
            return;
        }
        // NLTK extension: "died" -> "die", "spied" -> "spi".
        if self.mode == Mode::NltkExtensions && word.ends(const { Packed::of(b"ied") }) {
            let replacement: &[u8] = if word.len() == 4 { b"ie" } else { b"i" };
            return word.replace_suffix(3, replacement);
        }
        // (m>0) EED -> EE
        if word.ends(const { Packed::of(b"eed") }) {
            if Self::measure(word.without(3)) > 0 {
                word.replace_suffix(3, b"ee");
            }
            return;
        }
        // (*v*) ED -> ; (*v*) ING ->
        for suffix in const { [Packed::of(b"ed"), Packed::of(b"ing")] } {
            if word.ends(suffix) && Self::contains_vowel(word.without(suffix.len)) {
                word.remove(suffix.len);
                return self.step1b_second(word);
            }
        }
    }

    /// Step 1b's second list, written out: its first three rules are one
    /// test, not three turns of a rule loop.
    fn step1b_second<L: Letter>(&self, word: &mut Stem<L>) {
        // AT -> ATE, BL -> BLE, IZ -> IZE
        if word.ends(const { Packed::of(b"at") })
            | word.ends(const { Packed::of(b"bl") })
            | word.ends(const { Packed::of(b"iz") })
        {
            return word.replace_suffix(0, b"e");
        }
        // (*d and not (*L or *S or *Z)) -> single letter. NLTK also accepts
        // the literal suffix "*d" here, because its rule list checks
        // `word.endswith("*d")` after the double consonant test; kept, since
        // NLTK stems "a*ded" to "ad".
        if self.ends_double_consonant(word.letters) || word.ends(const { Packed::of(b"*d") }) {
            if !matches!(word.tail as u8, b'l' | b's' | b'z') {
                word.keep_last_letter();
            }
            return;
        }
        // (m=1 and *o) -> E
        if Self::measure(word.letters) == 1 && self.ends_cvc(word.letters) {
            word.replace_suffix(0, b"e");
        }
    }

    /// Step 1c: (*v*) Y -> I, or NLTK's (*c and not c) Y -> I.
    fn step1c<L: Letter>(&self, word: &mut Stem<L>) {
        // The list's one rule, tested at once: its index's tables were
        // loads on the way to the test of the last letter.
        let [r] = if self.mode == Mode::NltkExtensions {
            STEP1C_NLTK
        } else {
            STEP1C
        };
        if word.ends(r.suffix) && self.holds(r.condition, word.without(1), word.letters) {
            word.replace_suffix(1, r.replacement);
        }
    }

    /// Step 2: double suffixes to single ones.
    fn step2<L: Letter>(&self, word: &mut Stem<L>) {
        // NLTK extension: -ALLI -> -AL, then step 2 again on the result.
        if self.mode == Mode::NltkExtensions
            && word.ends(const { Packed::of(b"alli") })
            && Self::measure(word.without(4)) > 0
        {
            word.replace_suffix(4, b"al");
            return self.step2(word);
        }
        self.apply_rule_list(word, &self.steps.step2, STEP2_ENDINGS);
    }

    /// Step 3: -IC-, -FULL, -NESS and friends.
    fn step3<L: Letter>(&self, word: &mut Stem<L>) {
        self.apply_rule_list(word, &self.steps.step3, STEP3_ENDINGS);
    }

    /// Step 4: remove the remaining suffixes when m > 1.
    fn step4<L: Letter>(&self, word: &mut Stem<L>) {
        self.apply_rule_list(word, &self.steps.step4, STEP4_ENDINGS);
    }

    /// Step 5a: (m>1) E -> ; (m=1 and not *o) E ->
    fn step5a<L: Letter>(&self, word: &mut Stem<L>) {
        if word.tail as u8 == b'e' {
            let stem = word.without(1);
            let m = Self::measure(stem);
            if m > 1 || (m == 1 && !self.ends_cvc(stem)) {
                word.replace_suffix(1, b"");
            }
        }
    }

    /// Step 5b: (m>1 and *d and *L) -> single letter.
    fn step5b<L: Letter>(&self, word: &mut Stem<L>) {
        self.apply_rule_list(word, &self.steps.step5b, STEP5B_ENDINGS);
    }
}

/// The irregular forms as [`Letter::tail`] packs them (each at most 8
/// letters, so the tail is the whole word, padding included).
const POOL_TAILS: [u64; POOL.len()] = {
    let mut tails = [0; POOL.len()];
    let mut i = 0;
    while i < POOL.len() {
        let form = Packed::of(POOL[i].0.as_bytes());
        tails[i] = form.value | !form.mask;
        i += 1;
    }
    tails
};

/// The irregular stem of `word`, if it has one.
#[inline]
fn pool_lookup<L: Letter>(word: &Stem<L>) -> Option<&'static str> {
    // Nearly every word leaves here. (Leaving on the last letter, as most
    // words did, was a branch mispredicted for many: about half the words
    // end in D, E, G, S or Y.)
    if !may_be_irregular(word.tail) || word.len() > 8 {
        return None;
    }
    // Equal tails of words of at most 8 letters: equal words.
    let i = POOL_TAILS.iter().position(|&t| t == word.tail)?;
    Some(POOL[i].1)
}

/// A hash of a tail into 1024 bits.
const fn pool_hash(tail: u64) -> usize {
    (tail.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as usize
}

/// The irregular forms' tails as a filter of 1024 bits (one hash each).
const POOL_FILTER: [u64; 16] = {
    let mut filter = [0u64; 16];
    let mut i = 0;
    while i < POOL_TAILS.len() {
        let h = pool_hash(POOL_TAILS[i]);
        filter[h / 64] |= 1 << (h % 64);
        i += 1;
    }
    filter
};

/// Whether the word may be an irregular form: true for every one, and for
/// about one word in sixty of the others.
#[inline(always)]
fn may_be_irregular(tail: u64) -> bool {
    let h = pool_hash(tail);
    POOL_FILTER[h / 64] >> (h % 64) & 1 != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(mode: Mode, w: &str) -> String {
        let cps: Vec<u32> = w.chars().map(|c| c as u32).collect();
        let lowered: Vec<u32> = w.to_lowercase().chars().map(|c| c as u32).collect();
        PorterStemmer::new(mode)
            .stem(&cps, lowered)
            .into_iter()
            .map(|c| char::from_u32(c).unwrap())
            .collect()
    }

    #[test]
    fn paper_examples() {
        let m = Mode::OriginalAlgorithm;
        for (w, s) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("agreed", "agre"),
            ("motoring", "motor"),
            ("hopping", "hop"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("conformabli", "conform"),
            ("triplicate", "triplic"),
            ("adoption", "adopt"),
            ("controll", "control"),
        ] {
            assert_eq!(stem(m, w), s, "{w}");
        }
    }

    #[test]
    fn nltk_extensions() {
        let m = Mode::NltkExtensions;
        for (w, s) in [
            ("dying", "die"),
            ("DYING", "die"),
            ("news", "news"),
            ("ties", "tie"),
            ("died", "die"),
            ("enjoy", "enjoy"),
            ("as", "as"),
            ("a*ded", "ad"),
            ("yyyyy", "yyyyy"),
        ] {
            assert_eq!(stem(m, w), s, "{w}");
        }
        assert_eq!(stem(Mode::OriginalAlgorithm, "as"), "a");
    }

    /// The measure and the vowel test in one pass each, against the
    /// paper's definitions written on [`PorterStemmer::is_consonant`] (NLTK's
    /// letter-by-letter test), on every word of up to 7 letters over
    /// vowels, Y and a consonant, and on words around non-ASCII letters.
    #[test]
    fn one_pass_measure_agrees_with_is_consonant() {
        let s = PorterStemmer::new(Mode::NltkExtensions);
        let mut words: Vec<Vec<u32>> = vec![vec![]];
        let mut last: Vec<Vec<u32>> = vec![vec![]];
        for _ in 0..7 {
            last = last
                .iter()
                .flat_map(|w| {
                    [b'a', b'e', b'y', b'b', b'u'].map(|c| {
                        let mut w = w.clone();
                        w.push(c as u32);
                        w
                    })
                })
                .collect();
            words.extend(last.iter().cloned());
        }
        words.extend(
            ["y\u{e9}y", "\u{e9}yy", "syzygy", "toyyy"]
                .map(|w| w.chars().map(|c| c as u32).collect()),
        );
        for w in &words {
            let flags: Vec<bool> = (0..w.len()).map(|i| s.is_consonant(w, i)).collect();
            let measure = flags.windows(2).filter(|p| !p[0] && p[1]).count();
            assert_eq!(PorterStemmer::measure(w), measure, "{w:?}");
            assert_eq!(
                PorterStemmer::contains_vowel(w),
                flags.contains(&false),
                "{w:?}"
            );
            let bytes: Vec<u8> = w.iter().filter(|&&c| c < 128).map(|&c| c as u8).collect();
            if bytes.len() == w.len() {
                assert_eq!(PorterStemmer::measure(&bytes), measure, "{w:?}");
            }
        }
    }

    /// The tests on the last three letters, of a step's rules and of steps
    /// 2 to 4 together, let through every word that ends with a suffix of
    /// the step, however long.
    #[test]
    fn third_last_tables_let_every_suffix_through() {
        for mode in [
            Mode::NltkExtensions,
            Mode::MartinExtensions,
            Mode::OriginalAlgorithm,
        ] {
            let steps = Steps::of(mode);
            for (rules, index) in [
                (STEP2, &steps.step2),
                (STEP3, &steps.step3),
                (STEP4, &steps.step4),
            ] {
                for r in rules.iter().filter(|r| r.modes.include(mode)) {
                    let suffix = (0..r.suffix.len)
                        .rev()
                        .map(|i| (r.suffix.value >> (8 * i)) as u8);
                    for prefix in ["", "b", "xy", "abc"] {
                        let mut letters: Vec<u8> = prefix.bytes().chain(suffix.clone()).collect();
                        let word = Stem::new(&mut letters);
                        let (pair, third) =
                            (word.before_last() * 27 + word.ending(), word.third_last());
                        assert!(
                            index.third_last[pair] & 1 << third != 0,
                            "{mode:?} {prefix}"
                        );
                        assert!(steps.third_last_2_to_4[pair] & 1 << third != 0, "{mode:?}");
                    }
                }
            }
        }
    }

    /// The filter before the irregular forms lets each of them through, and
    /// few other words.
    #[test]
    fn irregular_forms_pass_the_filter() {
        for (form, irregular) in POOL {
            assert_eq!(stem(Mode::NltkExtensions, form), *irregular);
            assert_eq!(
                pool_lookup(&Stem::new(&mut form.as_bytes().to_vec())),
                Some(*irregular)
            );
        }
        let words = ["ties", "dyings", "lie", "newsy", "proceeds", "xexceed"];
        let passed = (words.iter())
            .filter(|w| may_be_irregular(u8::tail(w.as_bytes())))
            .count();
        assert!(passed <= 1, "{passed}");
    }

    /// [`Letter::tail`] of bytes (one load from 8 letters) and of code points
    /// (non-ASCII as 0x80) against the definition, at every length.
    #[test]
    fn tails_pack_the_last_eight_letters() {
        let text = "abcdefghij\u{e9}klm";
        let cps: Vec<u32> = text.chars().map(|c| c as u32).collect();
        for n in 0..=cps.len() {
            let w = &cps[..n];
            let mut expected = [0xFFu8; 8];
            for (slot, &c) in expected.iter_mut().rev().zip(w.iter().rev()) {
                *slot = c.min(0x80) as u8;
            }
            assert_eq!(u32::tail(w), u64::from_be_bytes(expected), "{n}");
            if w.iter().all(|&c| c < 128) {
                let bytes: Vec<u8> = w.iter().map(|&c| c as u8).collect();
                assert_eq!(u8::tail(&bytes), u64::from_be_bytes(expected), "{n}");
            }
        }
        assert!(Stem::new(&mut b"cats".to_vec()).ends(Packed::of(b"ts")));
        assert!(!Stem::new(&mut b"s".to_vec()).ends(Packed::of(b"ts")));
        assert!(Stem::new(&mut b"s".to_vec()).ends(Packed::of(b"")));
    }
}
