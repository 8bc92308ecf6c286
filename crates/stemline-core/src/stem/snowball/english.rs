//! The English Snowball ("Porter2") stemmer exactly as NLTK 3.10.4's
//! `nltk.stem.snowball.EnglishStemmer.stem` computes it.
//!
//! NLTK, not Snowball's published output, is the reference: NLTK keeps the
//! regions R1 and R2 as strings that it edits alongside the word, and a few of
//! those edits are not what the published algorithm does (a region too short
//! for a suffix becomes empty, or `"e"` in two places of step 2; step 5's
//! short-syllable test is NLTK's own). That is where NLTK and Snowball differ
//! (57 words of Snowball's own vocabulary), so this module edits the regions
//! exactly as NLTK does, step by step, with the suffix lists in NLTK's order
//! (the first suffix the word ends with decides a step).
//!
//! Each of NLTK's region strings is always a suffix of the word: it starts as
//! one, and every edit either cuts the same letters off the word and the region
//! (or empties the region), appends the same letters to both, or sets the
//! region to `"e"` where the word ends in `e`. So a region is kept as its
//! length, and "the region ends with x" is "the word ends with x and the
//! region is at least as long as x".
//!
//! Only the ASCII letters mean anything here; every other code point is a
//! consonant matching no suffix, as in NLTK's string comparisons.

use crate::stem::letter::{Letter, Packed};
use crate::stem::{byte_set, in_set, Word};

/// `Y`, the marked consonant `y`.
const MARKED_Y: u8 = b'Y';
const APOSTROPHE: u8 = b'\'';

/// Whether a word whose [`Letter::tail`] is `tail` ends with `suffix`.
#[inline(always)]
fn ends(tail: u64, suffix: Packed) -> bool {
    tail & suffix.mask == suffix.value
}

/// `ends(tail, Packed::of(suffix))` with the suffix packed at compile time.
macro_rules! ends {
    ($tail:expr, $suffix:literal) => {
        ends($tail, const { Packed::of($suffix) })
    };
}

/// The letter `k` places before a tail's last (0 for the last): a byte, 0xFF
/// before the word's start, which is in no suffix and no letter class.
#[inline(always)]
fn nth_last(tail: u64, k: u32) -> u8 {
    (tail >> (8 * k)) as u8
}

/// NLTK's vowels `aeiouy` by byte, as a table: a vowel test is a read, and
/// most are on bytes of a tail.
const VOWELS: [bool; 256] = byte_set(b"aeiouy");
/// Step 1b's doubles.
const DOUBLE_CONSONANTS: [bool; 256] = byte_set(b"bdfgmnprt");
/// The letters before which step 2 removes `li`.
const LI_ENDING: [bool; 256] = byte_set(b"cdeghkmnrt");
/// The letters that do not end a short syllable.
const WXY: [bool; 256] = byte_set(b"wxY");

#[inline(always)]
fn is_vowel<L: Letter>(c: L) -> bool {
    in_set(&VOWELS, c.code())
}

/// A byte of a tail is a vowel ([`nth_last`]).
#[inline(always)]
fn vowel_byte(b: u8) -> bool {
    VOWELS[b as usize]
}

/// NLTK's `__special_words`: checked on the lower-cased word before anything
/// else (after the stop words and the length test). Sorted, for a binary search.
const SPECIAL_WORDS: [(&str, &str); 40] = [
    ("andes", "andes"),
    ("atlas", "atlas"),
    ("bias", "bias"),
    ("canning", "canning"),
    ("cannings", "canning"),
    ("cosmos", "cosmos"),
    ("dying", "die"),
    ("early", "earli"),
    ("earring", "earring"),
    ("earrings", "earring"),
    ("exceed", "exceed"),
    ("exceeded", "exceed"),
    ("exceeding", "exceed"),
    ("exceeds", "exceed"),
    ("gently", "gentl"),
    ("herring", "herring"),
    ("herrings", "herring"),
    ("howe", "howe"),
    ("idly", "idl"),
    ("inning", "inning"),
    ("innings", "inning"),
    ("lying", "lie"),
    ("news", "news"),
    ("only", "onli"),
    ("outing", "outing"),
    ("outings", "outing"),
    ("proceed", "proceed"),
    ("proceeded", "proceed"),
    ("proceeding", "proceed"),
    ("proceeds", "proceed"),
    ("singly", "singl"),
    ("skies", "sky"),
    ("skis", "ski"),
    ("sky", "sky"),
    ("succeed", "succeed"),
    ("succeeded", "succeed"),
    ("succeeding", "succeed"),
    ("succeeds", "succeed"),
    ("tying", "tie"),
    ("ugly", "ugli"),
];

/// The longest special word.
const SPECIAL_MAX: usize = 10;

/// A word of at most 16 ASCII letters as one number: its bytes, zero-padded
/// (letters are never zero, so words of different lengths differ too). Sorted
/// words give sorted keys, since the first letter is the most significant byte.
const fn key(word: &[u8]) -> u128 {
    let mut k = 0u128;
    let mut i = 0;
    while i < 16 {
        k <<= 8;
        if i < word.len() {
            k |= word[i] as u128;
        }
        i += 1;
    }
    k
}

const SPECIAL_KEYS: [u128; 40] = {
    let mut keys = [0u128; 40];
    let mut i = 0;
    while i < 40 {
        keys[i] = key(SPECIAL_WORDS[i].0.as_bytes());
        i += 1;
    }
    keys
};

/// [`Letter::tail`] of an ASCII word, at compile time.
const fn ascii_tail(word: &[u8]) -> u64 {
    let mut t = u64::MAX;
    let mut i = word.len().saturating_sub(8);
    while i < word.len() {
        t = t << 8 | word[i] as u64;
        i += 1;
    }
    t
}

/// A hash of a word's tail and length into 1024 bits.
#[inline(always)]
const fn special_hash(tail: u64, len: usize) -> usize {
    ((tail ^ len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as usize
}

/// The special words' hashes as a filter of 1024 bits.
const SPECIAL_FILTER: [u64; 16] = {
    let mut filter = [0u64; 16];
    let mut i = 0;
    while i < SPECIAL_WORDS.len() {
        let w = SPECIAL_WORDS[i].0.as_bytes();
        let h = special_hash(ascii_tail(w), w.len());
        filter[h / 64] |= 1 << (h % 64);
        i += 1;
    }
    filter
};

/// NLTK's `__special_words[word]`. Nearly every word leaves on the filter,
/// a read and a bit test: the checks of length and letters, and the binary
/// search, had branches that went either way from word to word.
#[inline(always)]
fn special_word<L: Letter>(word: &[L], tail: u64) -> Option<&'static str> {
    let h = special_hash(tail, word.len());
    if SPECIAL_FILTER[h / 64] >> (h % 64) & 1 == 0 {
        return None;
    }
    special_lookup(word)
}

#[inline(never)]
fn special_lookup<L: Letter>(word: &[L]) -> Option<&'static str> {
    if word.len() > SPECIAL_MAX || word.iter().any(|&c| !(0x61..=0x7A).contains(&c.code())) {
        return None;
    }
    let mut letters = [0u8; SPECIAL_MAX];
    for (l, &c) in letters.iter_mut().zip(word) {
        *l = c.code() as u8;
    }
    SPECIAL_KEYS
        .binary_search(&key(&letters))
        .ok()
        .map(|i| SPECIAL_WORDS[i].1)
}

/// What a rule of steps 2 to 4 does once the word ends with its suffix and
/// the step's region is long enough.
#[derive(Clone, Copy)]
enum Action {
    /// `word = word[:-n]`, and the regions alike.
    Delete(usize),
    /// `word[:-cut] + new`; a region shorter than `cut` becomes empty, but R2
    /// becomes `r2_short` (NLTK's `"e"` in two rules of step 2).
    Replace {
        cut: usize,
        new: &'static [u8],
        r2_short: &'static [u8],
    },
    /// Step 2's `ogi`: its `i` goes after an `l`.
    OgiAfterL,
    /// Step 2's `li`: goes after a valid li-ending.
    LiAfterEnding,
    /// Step 3's `ative`: goes only if R2 ends with it too.
    AtiveInR2,
    /// Step 4's `ion`: goes after `s` or `t`.
    IonAfterSOrT,
}

use Action::*;

#[derive(Clone, Copy)]
struct Rule {
    suffix: Packed,
    action: Action,
}

const fn rule(suffix: &[u8], action: Action) -> Rule {
    Rule {
        suffix: Packed::of(suffix),
        action,
    }
}

const fn replace(cut: usize, new: &'static [u8]) -> Action {
    Replace {
        cut,
        new,
        r2_short: b"",
    }
}

/// NLTK departs here: a short R2 becomes "e", not "".
const fn replace_r2_e(cut: usize, new: &'static [u8]) -> Action {
    Replace {
        cut,
        new,
        r2_short: b"e",
    }
}

/// Step 2's suffixes in NLTK's order (the first the word ends with decides),
/// each with its rule.
const STEP2: [Rule; 24] = [
    rule(b"ization", replace(7, b"ize")),
    rule(b"ational", replace_r2_e(7, b"ate")),
    rule(b"fulness", Delete(4)),
    rule(b"ousness", replace(7, b"ous")),
    rule(b"iveness", replace_r2_e(7, b"ive")),
    rule(b"tional", Delete(2)),
    rule(b"biliti", replace(6, b"ble")),
    rule(b"lessli", Delete(2)),
    rule(b"entli", Delete(2)),
    rule(b"ation", replace_r2_e(5, b"ate")),
    rule(b"alism", replace(5, b"al")),
    rule(b"aliti", replace(5, b"al")),
    rule(b"ousli", replace(5, b"ous")),
    rule(b"iviti", replace_r2_e(5, b"ive")),
    rule(b"fulli", Delete(2)),
    // NLTK replaces the last letter alone: an R2 of one to three letters stays.
    rule(b"enci", replace(1, b"e")),
    rule(b"anci", replace(1, b"e")),
    rule(b"abli", replace(1, b"e")),
    rule(b"izer", replace(4, b"ize")),
    rule(b"ator", replace_r2_e(4, b"ate")),
    rule(b"alli", replace(4, b"al")),
    rule(b"bli", replace(3, b"ble")),
    rule(b"ogi", OgiAfterL),
    rule(b"li", LiAfterEnding),
];

const STEP3: [Rule; 9] = [
    rule(b"ational", replace(7, b"ate")),
    rule(b"tional", Delete(2)),
    rule(b"alize", Delete(3)),
    rule(b"icate", replace(5, b"ic")),
    rule(b"iciti", replace(5, b"ic")),
    rule(b"ative", AtiveInR2),
    rule(b"ical", replace(4, b"ic")),
    rule(b"ness", Delete(4)),
    rule(b"ful", Delete(3)),
];

const STEP4: [Rule; 18] = [
    rule(b"ement", Delete(5)),
    rule(b"ance", Delete(4)),
    rule(b"ence", Delete(4)),
    rule(b"able", Delete(4)),
    rule(b"ible", Delete(4)),
    rule(b"ment", Delete(4)),
    rule(b"ant", Delete(3)),
    rule(b"ent", Delete(3)),
    rule(b"ism", Delete(3)),
    rule(b"ate", Delete(3)),
    rule(b"iti", Delete(3)),
    rule(b"ous", Delete(3)),
    rule(b"ive", Delete(3)),
    rule(b"ize", Delete(3)),
    rule(b"ion", IonAfterSOrT),
    rule(b"al", Delete(2)),
    rule(b"er", Delete(2)),
    rule(b"ic", Delete(2)),
];

/// The bit of [`endings`] for a tail's last two letters (each folded to its
/// low five bits: a filter, so letters that share a bit are fine).
#[inline(always)]
const fn ending_bit(tail: u64) -> usize {
    ((tail >> 8) as usize & 31) << 5 | (tail as usize & 31)
}

/// The last two letters of a list's suffixes, as 1024 bits: most words end
/// in no such pair, and skip the list on one read and bit test.
const fn endings(rules: &[Rule]) -> [u64; 16] {
    let mut filter = [0u64; 16];
    let mut i = 0;
    while i < rules.len() {
        assert!(rules[i].suffix.len >= 2, "the filter needs two letters");
        let b = ending_bit(rules[i].suffix.value);
        filter[b / 64] |= 1 << (b % 64);
        i += 1;
    }
    filter
}

const STEP2_ENDINGS: [u64; 16] = endings(&STEP2);
const STEP3_ENDINGS: [u64; 16] = endings(&STEP3);
const STEP4_ENDINGS: [u64; 16] = endings(&STEP4);

/// By [`ending_bit`] of a word's last two letters, the letters before them
/// (by their low five bits) with which a suffix of step 2, 3 or 4 can end the
/// word (all, for a suffix of two letters). A word that none can end leaves
/// steps 2 to 4 as it is: step 2 leaves it alone, so step 3 sees it as it
/// was, and so on.
const THIRD_LAST_2_TO_4: [u32; 1024] = {
    let mut table = [0u32; 1024];
    let lists: [&[Rule]; 3] = [&STEP2, &STEP3, &STEP4];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            let suffix = lists[l][i].suffix;
            table[ending_bit(suffix.value)] |= if suffix.len > 2 {
                1 << ((suffix.value >> 16) & 31)
            } else {
                u32::MAX
            };
            i += 1;
        }
        l += 1;
    }
    table
};

/// Whether a suffix of step 2, 3 or 4 may end the word ([`THIRD_LAST_2_TO_4`]).
#[inline(always)]
fn may_take_steps_2_to_4(tail: u64) -> bool {
    THIRD_LAST_2_TO_4[ending_bit(tail)] >> ((tail >> 16) & 31) & 1 != 0
}

/// The last 16 letters of a word as [`Letter::tail`] packs 8.
#[inline(always)]
fn wide_tail<L: Letter>(word: &[L]) -> u128 {
    let n = word.len();
    u128::from(L::tail(&word[..n.saturating_sub(8)])) << 64 | u128::from(L::tail(word))
}

/// The word, its [`Letter::tail`] (kept in step with every edit), and NLTK's
/// two region strings as the lengths of the word's suffixes they are (see
/// the module documentation).
struct Regions<'w, L> {
    word: &'w mut Vec<L>,
    tail: u64,
    /// The word's last 16 letters ([`wide_tail`]), of which the last `known`
    /// are right: an edit shifts the letters it removes out and those it
    /// adds in, and [`Letter::tail`] is taken again (its tests of the
    /// word's length were mispredicted) only when fewer than 8 are known.
    wide: u128,
    known: usize,
    r1: usize,
    r2: usize,
    /// The index of the word's first vowel (`usize::MAX` if none), for the
    /// vowel tests of steps 1a and 1b: only letters after it change before.
    first_vowel: usize,
}

impl<'w, L: Letter> Regions<'w, L> {
    /// R1 and R2 of a word whose `y`s are marked, with Snowball's exceptional
    /// R1 after `gener`, `commun`, `arsen`. `vowels` has bit `i` set for a
    /// vowel at `word[i]` ([`mark_y`]), for words of at most 64 letters.
    fn new(word: &'w mut Vec<L>, vowels: u64, wide: u128) -> Self {
        let n = word.len();
        let exceptional = exceptional_r1_start(word);
        let (r1_start, r2_start, first_vowel) = if (2..=64).contains(&n) {
            // Bit i: a vowel at i followed by a non-vowel at i + 1 < n. A
            // region starts two letters after such a pair, or is empty:
            // NLTK's `_r1r2_standard`, with no loop to leave.
            let vc = vowels & !(vowels >> 1) & (u64::MAX >> (65 - n));
            let after = |pairs: u64| (pairs.trailing_zeros() as usize + 2).min(n);
            let r1_start = exceptional.unwrap_or_else(|| after(vc));
            let r2_start = after(vc & u64::MAX.checked_shl(r1_start as u32).unwrap_or(0));
            let first_vowel = if vowels == 0 {
                usize::MAX
            } else {
                vowels.trailing_zeros() as usize
            };
            (r1_start, r2_start, first_vowel)
        } else {
            let r1_start = exceptional.unwrap_or_else(|| n - after_first_vc(word, 0));
            let r2_start = n - after_first_vc(word, r1_start);
            let first_vowel = word.iter().position(|&c| is_vowel(c));
            (r1_start, r2_start, first_vowel.unwrap_or(usize::MAX))
        };
        Regions {
            tail: wide as u64,
            wide,
            known: 16,
            word,
            r1: n - r1_start,
            r2: n - r2_start,
            first_vowel,
        }
    }

    /// Whether a letter of `word[..end]` is a vowel.
    #[inline(always)]
    fn vowel_before(&self, end: usize) -> bool {
        self.first_vowel < end
    }

    #[inline(always)]
    fn len(&self) -> usize {
        self.word.len()
    }

    /// Keeps the tails in step with the removal of the last `n` letters.
    #[inline(always)]
    fn shift_out(&mut self, n: usize) {
        self.wide = self.wide >> (8 * n) | !(u128::MAX >> (8 * n));
        self.known = self.known.saturating_sub(n);
        if self.known < 8 {
            self.wide = wide_tail(self.word);
            self.known = 16;
        }
        self.tail = self.wide as u64;
        debug_assert_eq!(self.tail, L::tail(self.word));
    }

    /// Keeps the tails in step with the appending of `new`.
    #[inline(always)]
    fn shift_in(&mut self, new: &[u8]) {
        for &b in new {
            self.wide = self.wide << 8 | u128::from(b);
        }
        self.known = (self.known + new.len()).min(16);
        self.tail = self.wide as u64;
        debug_assert_eq!(self.tail, L::tail(self.word));
    }

    /// `word = word[:-n]; r1 = r1[:-n]; r2 = r2[:-n]` (a shorter region
    /// becomes empty, as Python's slice does).
    fn delete(&mut self, n: usize) {
        self.word.truncate(self.word.len().saturating_sub(n));
        self.r1 = self.r1.saturating_sub(n);
        self.r2 = self.r2.saturating_sub(n);
        self.shift_out(n);
    }

    /// `suffix_replace(word, suffix, new)` for a suffix of `n` letters, and
    /// for each region: the same if the region is at least as long as the
    /// suffix, else empty for R1 (NLTK's `else: r1 = ""`) and `r2_short`
    /// for R2 (a suffix of the new word, since `new` ends with it).
    fn replace(&mut self, n: usize, new: &[u8], r2_short: &[u8]) {
        self.word.truncate(self.word.len().saturating_sub(n));
        self.shift_out(n);
        self.word.extend(new.iter().map(|&b| L::from_ascii(b)));
        self.shift_in(new);
        self.r1 = if self.r1 >= n {
            self.r1 - n + new.len()
        } else {
            0
        };
        self.r2 = if self.r2 >= n {
            self.r2 - n + new.len()
        } else {
            debug_assert!(new.ends_with(r2_short));
            r2_short.len()
        };
    }

    /// Appends the letter `e`, extending neither region.
    fn push_e(&mut self) {
        self.word.push(L::from_ascii(b'e'));
        self.shift_in(b"e");
    }
}

/// Where R1 starts in a word that starts with `gener` or `arsen` (5) or
/// `commun` (6).
#[inline(always)]
fn exceptional_r1_start<L: Letter>(word: &[L]) -> Option<usize> {
    // Nearly every word leaves on its first two letters (a word has at
    // least two here): the prefix tests, letter by letter, cost more.
    let two = word[0].code() << 16 | word[1].code();
    let pair = |p: &[u8; 2]| u32::from(p[0]) << 16 | u32::from(p[1]);
    if (two != pair(b"ge")) & (two != pair(b"ar")) & (two != pair(b"co")) {
        return None;
    }
    if starts(word, b"gener") | starts(word, b"arsen") {
        Some(5)
    } else if starts(word, b"commun") {
        Some(6)
    } else {
        None
    }
}

fn starts<L: Letter>(word: &[L], prefix: &[u8]) -> bool {
    // `&`, not `all`: no branch a letter.
    word.len() >= prefix.len()
        && word
            .iter()
            .zip(prefix)
            .fold(true, |same, (&c, &b)| same & (c.code() == u32::from(b)))
}

/// NLTK's `_r1r2_standard` on `s[start..]`: the length of what follows the
/// first non-vowel after a vowel (R1 of the word, or R2 within R1). For
/// words of more than 64 letters; [`Regions::new`] does the same on bits.
fn after_first_vc<L: Letter>(s: &[L], start: usize) -> usize {
    let region = &s[start..];
    (1..region.len())
        .find(|&i| !is_vowel(region[i]) && is_vowel(region[i - 1]))
        .map_or(0, |i| region.len() - (i + 1))
}

/// Marks as `Y` each `y` that starts the word or follows a vowel (a
/// consonant), left to right over the marked letters as NLTK's loop: in
/// "ayy" the second y follows a `Y`, no vowel, and stays. Returns the vowels
/// of the marked word as bits (of its first 64 letters), and whether it has
/// a `Y`.
#[inline(always)]
fn mark_y<L: Letter>(word: &mut [L]) -> (u64, bool) {
    let mut vowels = 0u64;
    let mut has_y = false;
    // The first letter counts as following a vowel.
    let mut after_vowel = true;
    for (i, c) in word.iter_mut().enumerate() {
        let y = c.code() == u32::from(b'y');
        let marked = y & after_vowel;
        // Stored only for a y, a branch most letters skip: as a select on
        // every letter, it became a branch on the letter before's vowel.
        if y {
            *c = L::from_ascii(if marked { MARKED_Y } else { b'y' });
        }
        has_y |= c.code() == u32::from(MARKED_Y);
        let vowel = is_vowel(*c);
        vowels |= u64::from(vowel) << (i & 63);
        after_vowel = vowel;
    }
    (vowels, has_y)
}

/// Stems `lowered`, the word after Python's `str.lower()` (NLTK's first
/// line), which is not a stop word.
pub fn stem(mut lowered: Word) -> Word {
    stem_in_place(&mut lowered);
    lowered
}

/// [`stem`] in place, on code points or, for an ASCII word, on its
/// bytes.
pub fn stem_in_place<L: Letter>(word: &mut Vec<L>) {
    if word.len() <= 2 {
        return;
    }
    let wide = wide_tail(word);
    if let Some(stem) = special_word(word, wide as u64) {
        word.clear();
        word.extend(stem.bytes().map(L::from_ascii));
        return;
    }
    // NLTK maps the typographic apostrophes to U+0027 after the special
    // words, then drops one leading apostrophe. (No byte is one.)
    let mut edited = false;
    if std::mem::size_of::<L>() > 1 {
        for c in word.iter_mut() {
            if matches!(c.code(), 0x2019 | 0x2018 | 0x201B) {
                *c = L::from_ascii(APOSTROPHE);
                edited = true;
            }
        }
    }
    if word[0].code() == APOSTROPHE.into() {
        word.remove(0);
        edited = true;
    }
    let (vowels, has_y) = mark_y(word);
    let wide = if edited || has_y {
        wide_tail(word)
    } else {
        wide
    };

    let mut s = Regions::new(word, vowels, wide);
    step0(&mut s);
    step1a(&mut s);
    step1b(&mut s);
    step1c(&mut s);
    // Most words end with no suffix of steps 2 to 4, and skip them on one
    // test of their last three letters, not a test a step.
    if may_take_steps_2_to_4(s.tail) {
        step_list(&mut s, &STEP2, &STEP2_ENDINGS, false);
        step_list(&mut s, &STEP3, &STEP3_ENDINGS, false);
        step_list(&mut s, &STEP4, &STEP4_ENDINGS, true);
    }
    step5(&mut s);

    // No step adds a `Y`, so a word that had none has none.
    if has_y {
        for c in word.iter_mut() {
            if c.code() == MARKED_Y.into() {
                *c = L::from_ascii(b'y');
            }
        }
    }
}

/// Step 0: the apostrophe suffixes `'s'`, `'s`, `'`.
fn step0<L: Letter>(s: &mut Regions<'_, L>) {
    let t = s.tail;
    if ends!(t, b"'s'") {
        s.delete(3);
    } else if ends!(t, b"'s") {
        s.delete(2);
    } else if ends!(t, b"'") {
        s.delete(1);
    }
}

/// Step 1a: plural -s and its kin (`sses`, `ied`, `ies`, `us`, `ss`, `s`).
fn step1a<L: Letter>(s: &mut Regions<'_, L>) {
    let t = s.tail;
    if ends!(t, b"ied") || ends!(t, b"ies") {
        // "ties" -> "tie" but "cries" -> "cri": by the length of what
        // precedes the suffix.
        s.delete(if s.len() - 3 > 1 { 2 } else { 1 });
    } else if nth_last(t, 0) == b's' {
        if ends!(t, b"sses") {
            s.delete(2);
        } else if !ends!(t, b"us") && !ends!(t, b"ss") {
            // A vowel anywhere before the letter preceding the s.
            if s.vowel_before(s.len().saturating_sub(2)) {
                s.delete(1);
            }
        }
    }
}

/// Step 1b: -eed, -ed, -ing and their -ly forms (`eedly`, `ingly`, `edly`,
/// `eed`, `ing`, `ed`, the first that the word ends with).
fn step1b<L: Letter>(s: &mut Regions<'_, L>) {
    let t = s.tail;
    let (n, eed) = if ends!(t, b"ly") {
        if ends!(t, b"eedly") {
            (5, true)
        } else if ends!(t, b"ingly") {
            (5, false)
        } else if ends!(t, b"edly") {
            (4, false)
        } else {
            return;
        }
    } else if ends!(t, b"ed") {
        (if ends!(t, b"eed") { 3 } else { 2 }, ends!(t, b"eed"))
    } else if ends!(t, b"ing") {
        (3, false)
    } else {
        return;
    };
    if eed {
        if s.r1 >= n {
            s.replace(n, b"ee", b"");
        }
        return;
    }
    if !s.vowel_before(s.len() - n) {
        return;
    }
    s.delete(n);
    let t = s.tail;
    if ends!(t, b"at") || ends!(t, b"bl") || ends!(t, b"iz") {
        s.push_e();
        s.r1 += 1;
        // NLTK's own test for whether the new e is in R2.
        if s.len() > 5 || s.r1 >= 3 {
            s.r2 += 1;
        }
    } else if nth_last(t, 0) == nth_last(t, 1) && DOUBLE_CONSONANTS[usize::from(nth_last(t, 0))] {
        s.delete(1);
    } else if s.r1 == 0 && is_short_ending(t, s.len()) {
        s.push_e();
        // NLTK extends each region only if it is not empty; R1 is empty here.
        if s.r2 > 0 {
            s.r2 += 1;
        }
    }
}

/// Step 1b's short syllable at the end of a word of `n` letters, from its
/// tail.
fn is_short_ending(t: u64, n: usize) -> bool {
    let [last, before, third] = [0, 1, 2].map(|k| nth_last(t, k));
    (n >= 3
        && !vowel_byte(last)
        && !WXY[usize::from(last)]
        && vowel_byte(before)
        && !vowel_byte(third))
        || (n == 2 && vowel_byte(before) && !vowel_byte(last))
}

/// Step 1c: a final y or Y after a consonant (not as the first letter)
/// becomes i. NLTK's `suffix_replace` of one letter by one leaves both
/// regions as long as they were.
fn step1c<L: Letter>(s: &mut Regions<'_, L>) {
    let t = s.tail;
    let last = nth_last(t, 0);
    if s.len() > 2 && (last == b'y' || last == MARKED_Y) && !vowel_byte(nth_last(t, 1)) {
        let n = s.len();
        s.word[n - 1] = L::from_ascii(b'i');
        s.wide = s.wide & !0xFF | u128::from(b'i');
        s.tail = s.wide as u64;
    }
}

/// Steps 2, 3 and 4: the first suffix of `rules` that the word ends with,
/// if R1 (R2 for step 4) ends with it too.
#[inline(always)]
fn step_list<L: Letter>(s: &mut Regions<'_, L>, rules: &[Rule], endings: &[u64; 16], in_r2: bool) {
    let b = ending_bit(s.tail);
    if endings[b / 64] >> (b % 64) & 1 == 0 {
        return;
    }
    let t = s.tail;
    let Some(rule) = rules.iter().find(|r| ends(t, r.suffix)) else {
        return;
    };
    let n = rule.suffix.len;
    if (if in_r2 { s.r2 } else { s.r1 }) < n {
        return;
    }
    match rule.action {
        Delete(k) => s.delete(k),
        Replace { cut, new, r2_short } => s.replace(cut, new, r2_short),
        OgiAfterL => {
            if nth_last(t, 3) == b'l' {
                s.delete(1);
            }
        }
        LiAfterEnding => {
            if LI_ENDING[usize::from(nth_last(t, 2))] {
                s.delete(2);
            }
        }
        AtiveInR2 => {
            if s.r2 >= n {
                s.delete(5);
            }
        }
        IonAfterSOrT => {
            if matches!(nth_last(t, 3), b's' | b't') {
                s.delete(3);
            }
        }
    }
}

/// Step 5: a final -l after l in R2, or a final -e in R2, or in R1 by NLTK's
/// short-syllable test.
fn step5<L: Letter>(s: &mut Regions<'_, L>) {
    let t = s.tail;
    let [last, before, third, fourth] = [0, 1, 2, 3].map(|k| nth_last(t, k));
    // `&` and `|`, not branches: whether a word ends in e, and with which
    // regions, goes either way from word to word.
    let l_rule = (last == b'l') & (before == b'l') & (s.r2 >= 1);
    let short_test = (s.len() >= 4)
        & (vowel_byte(before) | WXY[usize::from(before)] | !vowel_byte(third) | vowel_byte(fourth));
    let e_rule = (last == b'e') & ((s.r2 >= 1) | ((s.r1 >= 1) & short_test));
    let n = s.len();
    s.word.truncate(n - usize::from(l_rule | e_rule));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(w: &str) -> String {
        let cps: Vec<u32> = w.chars().map(u32::from).collect();
        super::stem(cps)
            .into_iter()
            .map(|c| char::from_u32(c).unwrap())
            .collect()
    }

    #[test]
    fn published_examples() {
        // From Snowball's English page; NLTK agrees on these.
        for (w, s) in [
            ("consign", "consign"),
            ("consigned", "consign"),
            ("consigning", "consign"),
            ("consignment", "consign"),
            ("consist", "consist"),
            ("consisted", "consist"),
            ("consistency", "consist"),
            ("knack", "knack"),
            ("knackeries", "knackeri"),
            ("knightly", "knight"),
            ("generously", "generous"),
            ("communities", "communiti"),
            ("dying", "die"),
            ("skies", "sky"),
            ("cries", "cri"),
            ("ties", "tie"),
            ("hopping", "hop"),
            ("'tis", "tis"),
            ("y", "y"),
            ("yay", "yay"),
        ] {
            assert_eq!(stem(w), s, "{w}");
        }
    }

    #[test]
    fn special_words_are_sorted_and_found() {
        assert!(SPECIAL_WORDS.windows(2).all(|p| p[0].0 < p[1].0));
        assert!(SPECIAL_KEYS.windows(2).all(|p| p[0] < p[1]));
        assert!(SPECIAL_WORDS.iter().all(|(w, _)| w.len() <= SPECIAL_MAX));
        for (w, s) in SPECIAL_WORDS {
            assert_eq!(stem(w), s);
        }
    }

    /// The regions on bits, as [`Regions::new`] finds them for words of at
    /// most 64 letters, are those of NLTK's scan, on every word of up to
    /// seven letters from an alphabet of vowels, consonants and `Y`.
    #[test]
    fn regions_on_bits_are_the_scan() {
        let alphabet = b"aeybrY";
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..7 {
            let longer: Vec<Vec<u8>> = words
                .iter()
                .filter(|w| w.len() == words.last().unwrap().len())
                .flat_map(|w| alphabet.iter().map(move |&c| [&w[..], &[c]].concat()))
                .collect();
            words.extend(longer);
        }
        for w in [
            "gener", "generate", "arsen", "arsenal", "commun", "communes", "comm",
        ] {
            words.push(w.as_bytes().to_vec());
        }
        for w in words.into_iter().filter(|w| w.len() >= 2) {
            let vowels = w
                .iter()
                .enumerate()
                .fold(0u64, |v, (i, &c)| v | u64::from(is_vowel(c)) << i);
            let wide = wide_tail(&w);
            let mut copy = w.clone();
            let s = Regions::new(&mut copy, vowels, wide);
            let n = w.len();
            let r1 = if w.starts_with(b"gener") || w.starts_with(b"arsen") {
                n - 5
            } else if w.starts_with(b"commun") {
                n - 6
            } else {
                after_first_vc(&w, 0)
            };
            let r2 = after_first_vc(&w, n - r1);
            let first_vowel = w.iter().position(|&c| is_vowel(c)).unwrap_or(usize::MAX);
            let word = String::from_utf8_lossy(&w);
            assert_eq!((s.r1, s.r2, s.first_vowel), (r1, r2, first_vowel), "{word}");
        }
    }

    #[test]
    fn tails_at_compile_time_are_tails() {
        for w in ["", "a", "sky", "abcdefgh", "proceeding"] {
            assert_eq!(ascii_tail(w.as_bytes()), u8::tail(w.as_bytes()), "{w}");
        }
    }

    /// Snowball's vocabulary stems alike in bytes and code points, with the
    /// tails kept in step checked at every edit (in a debug build).
    #[test]
    fn vocabulary_in_bytes_and_code_points() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/data/porter2/voc.txt"
        );
        let text = std::fs::read_to_string(path).expect("tests/data/porter2/voc.txt");
        for w in text.lines() {
            let mut bytes = w.as_bytes().to_vec();
            stem_in_place(&mut bytes);
            let codes = stem(w);
            assert_eq!(bytes, codes.as_bytes(), "{w}");
        }
    }
}
