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

use std::sync::OnceLock;

type Word = Vec<u32>;

/// One letter of a word: a code point, or a byte of an ASCII word. The
/// stemmer is the same code for both, so a word known to be ASCII is stemmed
/// in its bytes, with no decoding into code points and back.
pub trait Letter: Copy + Eq {
    /// The letter as a code point.
    fn code(self) -> u32;
    /// The letter for an ASCII byte of a suffix or replacement.
    fn from_ascii(b: u8) -> Self;
}

impl Letter for u32 {
    #[inline(always)]
    fn code(self) -> u32 {
        self
    }

    #[inline(always)]
    fn from_ascii(b: u8) -> Self {
        b as u32
    }
}

impl Letter for u8 {
    #[inline(always)]
    fn code(self) -> u32 {
        self as u32
    }

    #[inline(always)]
    fn from_ascii(b: u8) -> Self {
        b
    }
}

const fn letter(b: u8) -> u32 {
    b as u32
}

fn is_vowel(c: u32) -> bool {
    matches!(c, 0x61 | 0x65 | 0x69 | 0x6F | 0x75) // a e i o u
}

#[inline]
fn ends_with<L: Letter>(word: &[L], suffix: &[u8]) -> bool {
    // Compared from the end: most rules fail on the last letter, and the
    // rule lists are scanned for every new word.
    word.len() >= suffix.len()
        && word
            .iter()
            .rev()
            .zip(suffix.iter().rev())
            .all(|(&c, &b)| c.code() == b as u32)
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
    Always,
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
    /// Step 1b's single-letter rule: (*d and not (*L or *S or *Z)).
    NotLsz,
    /// Step 1b's -E rule: (m=1 and *o).
    MeasureIs1AndCvc,
    /// NLTK's -LOGI: (m>0) of the word without "ogi", not without "logi".
    NltkLogi,
    /// Step 5b: (m>1) of the word without its last letter.
    Step5b,
}

/// What the rule matches at the end of the word.
#[derive(Clone, Copy)]
enum Suffix {
    Text(&'static [u8]),
    /// `*d`: a double consonant. NLTK also accepts the literal suffix "*d" here,
    /// because its rule list checks `word.endswith("*d")` after the double
    /// consonant test; kept, since NLTK stems "a*ded" to "ad".
    DoubleConsonant,
}

/// What replaces the suffix.
#[derive(Clone, Copy)]
enum Replacement {
    Text(&'static [u8]),
    /// The word's last letter (step 1b's single-letter rule).
    LastLetter,
}

#[derive(Clone, Copy)]
struct Rule {
    suffix: Suffix,
    replacement: Replacement,
    condition: Condition,
    modes: Modes,
}

const fn rule(suffix: &'static [u8], replacement: &'static [u8], condition: Condition) -> Rule {
    Rule {
        suffix: Suffix::Text(suffix),
        replacement: Replacement::Text(replacement),
        condition,
        modes: Modes::All,
    }
}

const fn only(modes: Modes, r: Rule) -> Rule {
    Rule { modes, ..r }
}

use Condition::*;

const STEP1A: &[Rule] = &[
    rule(b"sses", b"ss", Always), // SSES -> SS
    rule(b"ies", b"i", Always),   // IES  -> I
    rule(b"ss", b"ss", Always),   // SS   -> SS
    rule(b"s", b"", Always),      // S    ->
];

const STEP1B_AFTER_ED_ING: &[Rule] = &[
    rule(b"at", b"ate", Always), // AT -> ATE
    rule(b"bl", b"ble", Always), // BL -> BLE
    rule(b"iz", b"ize", Always), // IZ -> IZE
    Rule {
        // (*d and not (*L or *S or *Z)) -> single letter
        suffix: Suffix::DoubleConsonant,
        replacement: Replacement::LastLetter,
        condition: NotLsz,
        modes: Modes::All,
    },
    rule(b"", b"e", MeasureIs1AndCvc), // (m=1 and *o) -> E
];

const STEP1C_NLTK: &[Rule] = &[rule(b"y", b"i", NltkStep1c)];
const STEP1C: &[Rule] = &[rule(b"y", b"i", ContainsVowel)];

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
const POOL: &[(&str, &str)] = &[
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

/// The [`RuleIndex`] buckets of the irregular forms' last letters.
const POOL_ENDINGS: u32 = {
    let mut mask = 0;
    let mut i = 0;
    while i < POOL.len() {
        let form = POOL[i].0.as_bytes();
        mask |= 1 << bucket(form[form.len() - 1] as u32);
        i += 1;
    }
    mask
};

/// One step's rules in one mode, by the last letter a suffix needs: a word
/// is only tried against the rules its last letter can match, in their
/// order, instead of scanning the whole list (most of a cold run's stemming
/// time went to that scan).
struct RuleIndex {
    /// Bucket `b - b'a'` for a word ending in the letter `b`, bucket 26 for
    /// any other ending; rules that match any ending are in every bucket.
    buckets: [Vec<Rule>; 27],
}

impl RuleIndex {
    fn new(rules: &[Rule], mode: Mode) -> Self {
        let mut buckets: [Vec<Rule>; 27] = Default::default();
        for r in rules.iter().filter(|r| r.modes.include(mode)) {
            match r.suffix {
                Suffix::Text([.., last]) => buckets[bucket(u32::from(*last))].push(*r),
                Suffix::Text([]) | Suffix::DoubleConsonant => {
                    buckets.iter_mut().for_each(|b| b.push(*r))
                }
            }
        }
        RuleIndex { buckets }
    }
}

/// The buckets (bit `bucket`) in which a rule list has any rule, known at
/// compile time, so a word whose ending no rule needs skips the step without
/// a memory access.
const fn endings(rules: &[Rule]) -> u32 {
    let mut mask = 0;
    let mut i = 0;
    while i < rules.len() {
        mask |= match rules[i].suffix {
            Suffix::Text([.., last]) => 1 << bucket(*last as u32),
            Suffix::Text([]) | Suffix::DoubleConsonant => u32::MAX,
        };
        i += 1;
    }
    mask
}

const STEP1A_ENDINGS: u32 = endings(STEP1A);
const STEP1B_AFTER_ED_ING_ENDINGS: u32 = endings(STEP1B_AFTER_ED_ING);
const STEP1C_ENDINGS: u32 = endings(STEP1C_NLTK) | endings(STEP1C);
const STEP2_ENDINGS: u32 = endings(STEP2);
const STEP3_ENDINGS: u32 = endings(STEP3);
const STEP4_ENDINGS: u32 = endings(STEP4);
const STEP5B_ENDINGS: u32 = endings(STEP5B);

/// The [`RuleIndex`] bucket of a word ending in `c`.
#[inline]
const fn bucket(c: u32) -> usize {
    match c {
        0x61..=0x7A => (c - 0x61) as usize,
        _ => 26,
    }
}

/// Every rule list of one mode, indexed.
struct Steps {
    step1a: RuleIndex,
    step1b_after_ed_ing: RuleIndex,
    step1c: RuleIndex,
    step2: RuleIndex,
    step3: RuleIndex,
    step4: RuleIndex,
    step5b: RuleIndex,
}

impl Steps {
    fn new(mode: Mode) -> Self {
        let step1c = if mode == Mode::NltkExtensions {
            STEP1C_NLTK
        } else {
            STEP1C
        };
        Steps {
            step1a: RuleIndex::new(STEP1A, mode),
            step1b_after_ed_ing: RuleIndex::new(STEP1B_AFTER_ED_ING, mode),
            step1c: RuleIndex::new(step1c, mode),
            step2: RuleIndex::new(STEP2, mode),
            step3: RuleIndex::new(STEP3, mode),
            step4: RuleIndex::new(STEP4, mode),
            step5b: RuleIndex::new(STEP5B, mode),
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
        if self.mode == Mode::NltkExtensions {
            if let Some(irregular) = pool_lookup(stem) {
                stem.clear();
                stem.extend(irregular.bytes().map(L::from_ascii));
                return;
            }
        }
        // NLTK leaves words of one or two letters alone, although the paper
        // does not; the length is the original word's.
        if self.mode != Mode::OriginalAlgorithm && original_len <= 2 {
            return;
        }
        self.step1a(stem);
        self.step1b(stem);
        self.step1c(stem);
        self.step2(stem);
        self.step3(stem);
        self.step4(stem);
        self.step5a(stem);
        self.step5b(stem);
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

    /// Consonant flags of every letter in one pass (a Y is a consonant at the
    /// start of a word or after a vowel).
    fn consonant_flags<L: Letter>(word: &[L]) -> impl Iterator<Item = bool> + '_ {
        let mut previous = false;
        word.iter().enumerate().map(move |(i, &c)| {
            let c = c.code();
            let consonant = if is_vowel(c) {
                false
            } else if c == letter(b'y') {
                i == 0 || !previous
            } else {
                true
            };
            previous = consonant;
            consonant
        })
    }

    /// m, the number of VC sequences in the form [C](VC){m}[V].
    fn measure<L: Letter>(stem: &[L]) -> usize {
        let mut m = 0;
        let mut previous_vowel = false;
        for consonant in Self::consonant_flags(stem) {
            if consonant && previous_vowel {
                m += 1;
            }
            previous_vowel = !consonant;
        }
        m
    }

    /// *v*: the stem contains a vowel.
    fn contains_vowel<L: Letter>(stem: &[L]) -> bool {
        Self::consonant_flags(stem).any(|consonant| !consonant)
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
            Always => true,
            MeasureAbove0 => Self::measure(stem) > 0,
            MeasureAbove1 => Self::measure(stem) > 1,
            MeasureAbove1EndsSOrT => {
                Self::measure(stem) > 1
                    && [letter(b's'), letter(b't')].contains(&stem[stem.len() - 1].code())
            }
            ContainsVowel => Self::contains_vowel(stem),
            NltkStep1c => stem.len() > 1 && self.is_consonant(stem, stem.len() - 1),
            NotLsz => {
                ![letter(b'l'), letter(b's'), letter(b'z')].contains(&word[word.len() - 1].code())
            }
            MeasureIs1AndCvc => Self::measure(stem) == 1 && self.ends_cvc(stem),
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
    fn apply_rule_list<L: Letter>(&self, word: &mut Vec<L>, rules: &RuleIndex, endings: u32) {
        let ending = word.last().map_or(26, |&c| bucket(c.code()));
        if endings & (1 << ending) == 0 {
            return;
        }
        self.apply_rules(word, &rules.buckets[ending]);
    }

    /// The rule loop of [`Self::apply_rule_list`], over the rules of the word's bucket.
    #[inline(never)]
    fn apply_rules<L: Letter>(&self, word: &mut Vec<L>, rules: &[Rule]) {
        for r in rules {
            let suffix_len = match r.suffix {
                Suffix::DoubleConsonant if self.ends_double_consonant(word) => 2,
                Suffix::DoubleConsonant if ends_with(word, b"*d") => 2,
                Suffix::DoubleConsonant => continue,
                Suffix::Text(s) if ends_with(word, s) => s.len(),
                Suffix::Text(_) => continue,
            };
            let stem_len = word.len() - suffix_len;
            if self.holds(r.condition, &word[..stem_len], word) {
                match r.replacement {
                    Replacement::Text(t) => Self::replace_suffix(word, suffix_len, t),
                    Replacement::LastLetter => {
                        let last = word[word.len() - 1];
                        word.truncate(stem_len);
                        word.push(last);
                    }
                }
            }
            return;
        }
    }

    fn replace_suffix<L: Letter>(word: &mut Vec<L>, suffix_len: usize, replacement: &[u8]) {
        word.truncate(word.len() - suffix_len);
        word.extend(replacement.iter().map(|&b| L::from_ascii(b)));
    }

    /// Step 1a: plurals.
    fn step1a<L: Letter>(&self, word: &mut Vec<L>) {
        // NLTK extension: "ties" -> "tie", not "ti".
        if self.mode == Mode::NltkExtensions && ends_with(word, b"ies") && word.len() == 4 {
            return Self::replace_suffix(word, 3, b"ie");
        }
        self.apply_rule_list(word, &self.steps.step1a, STEP1A_ENDINGS);
    }

    /// Step 1b: -EED, -ED, -ING.
    fn step1b<L: Letter>(&self, word: &mut Vec<L>) {
        // NLTK extension: "died" -> "die", "spied" -> "spi".
        if self.mode == Mode::NltkExtensions && ends_with(word, b"ied") {
            let replacement: &[u8] = if word.len() == 4 { b"ie" } else { b"i" };
            return Self::replace_suffix(word, 3, replacement);
        }
        // (m>0) EED -> EE
        if ends_with(word, b"eed") {
            if Self::measure(&word[..word.len() - 3]) > 0 {
                Self::replace_suffix(word, 3, b"ee");
            }
            return;
        }
        // (*v*) ED -> ; (*v*) ING ->
        for suffix in [&b"ed"[..], b"ing"] {
            if ends_with(word, suffix) && Self::contains_vowel(&word[..word.len() - suffix.len()]) {
                word.truncate(word.len() - suffix.len());
                return self.apply_rule_list(
                    word,
                    &self.steps.step1b_after_ed_ing,
                    STEP1B_AFTER_ED_ING_ENDINGS,
                );
            }
        }
    }

    /// Step 1c: (*v*) Y -> I, or NLTK's (*c and not c) Y -> I.
    fn step1c<L: Letter>(&self, word: &mut Vec<L>) {
        self.apply_rule_list(word, &self.steps.step1c, STEP1C_ENDINGS);
    }

    /// Step 2: double suffixes to single ones.
    fn step2<L: Letter>(&self, word: &mut Vec<L>) {
        // NLTK extension: -ALLI -> -AL, then step 2 again on the result.
        if self.mode == Mode::NltkExtensions
            && ends_with(word, b"alli")
            && Self::measure(&word[..word.len() - 4]) > 0
        {
            Self::replace_suffix(word, 4, b"al");
            return self.step2(word);
        }
        self.apply_rule_list(word, &self.steps.step2, STEP2_ENDINGS);
    }

    /// Step 3: -IC-, -FULL, -NESS and friends.
    fn step3<L: Letter>(&self, word: &mut Vec<L>) {
        self.apply_rule_list(word, &self.steps.step3, STEP3_ENDINGS);
    }

    /// Step 4: remove the remaining suffixes when m > 1.
    fn step4<L: Letter>(&self, word: &mut Vec<L>) {
        self.apply_rule_list(word, &self.steps.step4, STEP4_ENDINGS);
    }

    /// Step 5a: (m>1) E -> ; (m=1 and not *o) E ->
    fn step5a<L: Letter>(&self, word: &mut Vec<L>) {
        if ends_with(word, b"e") {
            let stem = &word[..word.len() - 1];
            let m = Self::measure(stem);
            if m > 1 || (m == 1 && !self.ends_cvc(stem)) {
                word.pop();
            }
        }
    }

    /// Step 5b: (m>1 and *d and *L) -> single letter.
    fn step5b<L: Letter>(&self, word: &mut Vec<L>) {
        self.apply_rule_list(word, &self.steps.step5b, STEP5B_ENDINGS);
    }
}

/// The irregular stem of `word`, if it has one.
fn pool_lookup<L: Letter>(word: &[L]) -> Option<&'static str> {
    // Most words end in a letter no irregular form ends in, and leave here.
    let ending = word.last().map_or(26, |c| bucket(c.code()));
    if POOL_ENDINGS & (1 << ending) == 0 {
        return None;
    }
    POOL.iter()
        .find(|(form, _)| {
            form.len() == word.len() && form.bytes().zip(word).all(|(b, &c)| b as u32 == c.code())
        })
        .map(|&(_, stem)| stem)
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

    #[test]
    fn is_consonant_agrees_with_the_flags() {
        let s = PorterStemmer::new(Mode::NltkExtensions);
        for w in ["syzygy", "toy", "yyay", "ayyy", "by", "y"] {
            let cps: Vec<u32> = w.bytes().map(|b| b as u32).collect();
            let flags: Vec<bool> = PorterStemmer::consonant_flags(&cps).collect();
            let each: Vec<bool> = (0..cps.len()).map(|i| s.is_consonant(&cps, i)).collect();
            assert_eq!(flags, each, "{w}");
        }
    }
}
