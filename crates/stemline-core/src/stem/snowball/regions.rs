//! The regions that several languages share: NLTK's
//! `_StandardStemmer._r1r2_standard` and `_rv_standard`, and
//! `_ScandinavianStemmer._r1_scandinavian`, each returning its regions as
//! strings of their own (see [`super::pystr`]).

use super::pystr::{chop, from, Letters};
use crate::stem::letter::Letter;
use crate::stem::Word;

/// `_r1r2_standard(word, vowels)`: R1 is what follows the first non-vowel
/// after a vowel, R2 the same within R1; each empty if there is none.
pub fn r1r2_standard(word: &[u32], vowels: &Letters) -> (Word, Word) {
    let r1 = after_vowel_consonant(word, vowels);
    let r2 = after_vowel_consonant(&r1, vowels);
    (r1, r2)
}

/// What follows the first non-vowel that follows a vowel in `s` (empty if
/// there is none).
fn after_vowel_consonant(s: &[u32], vowels: &Letters) -> Word {
    (1..s.len())
        .find(|&i| !vowels.has(s[i]) && vowels.has(s[i - 1]))
        .map_or_else(Word::new, |i| s[i + 1..].to_vec())
}

/// `_rv_standard(word, vowels)`: after the next vowel if the second letter is
/// a consonant; after the next consonant if the first two are vowels; else
/// after the third letter.
pub fn rv_standard(word: &[u32], vowels: &Letters) -> Word {
    if word.len() < 2 {
        return Word::new();
    }
    if !vowels.has(word[1]) {
        (2..word.len())
            .find(|&i| vowels.has(word[i]))
            .map_or_else(Word::new, |i| word[i + 1..].to_vec())
    } else if vowels.has(word[0]) && vowels.has(word[1]) {
        (2..word.len())
            .find(|&i| !vowels.has(word[i]))
            .map_or_else(Word::new, |i| word[i + 1..].to_vec())
    } else {
        from(word, 3).to_vec()
    }
}

/// [`rv_standard`] as RV's length.
pub fn rv_standard_length<L: Letter>(word: &[L], vowels: &Letters) -> usize {
    let n = word.len();
    if n < 2 {
        return 0;
    }
    let vowel = |i: usize| vowels.has(word[i].code());
    if !vowel(1) {
        (2..n).find(|&i| vowel(i)).map_or(0, |i| n - i - 1)
    } else if vowel(0) && vowel(1) {
        (2..n).find(|&i| !vowel(i)).map_or(0, |i| n - i - 1)
    } else {
        n - 3.min(n)
    }
}

/// The index of the first non-vowel that follows a vowel.
#[inline]
fn first_vowel_consonant<L: Letter>(s: &[L], vowels: &Letters) -> Option<usize> {
    // One test a letter, the last one's kept.
    let mut after_vowel = false;
    for (i, c) in s.iter().enumerate() {
        let vowel = vowels.has(c.code());
        if after_vowel && !vowel {
            return Some(i);
        }
        after_vowel = vowel;
    }
    None
}

/// Where R1 and R2 start in a marked word of `n` letters (at most 64) whose
/// vowels are the bits of `vowels` (`n` for an empty region): NLTK's
/// `_r1r2_standard` on the bits, with no loop whose end is mispredicted.
pub fn r1r2_starts_on_bits(vowels: u64, n: usize) -> (usize, usize) {
    debug_assert!(n <= 64);
    let letters = u64::MAX.checked_shr(64 - n as u32).unwrap_or(0);
    let after = |bits: u64| {
        if bits == 0 {
            n
        } else {
            bits.trailing_zeros() as usize + 1
        }
    };
    // Bit `i` set where letter `i` is a non-vowel after a vowel (so `i >=
    // 1`): R1 follows the first; R2 the first after R1's first letter (NLTK
    // looks at R1's letters from its second on, each after the one before).
    let vowel_consonant = !vowels & vowels << 1 & letters;
    let r1 = after(vowel_consonant);
    let r2 = if r1 >= n {
        n
    } else {
        after(vowel_consonant & u64::MAX.checked_shl(r1 as u32 + 1).unwrap_or(0))
    };
    (r1, r2)
}

/// Where R1, R2 and RV start in a marked word of `n` letters (at most 64)
/// whose vowels are the bits of `vowels` (`n` for an empty region): NLTK's
/// `_r1r2_standard` and `_rv_standard` on the bits.
pub fn standard_starts_on_bits(vowels: u64, n: usize) -> (usize, usize, usize) {
    let (r1, r2) = r1r2_starts_on_bits(vowels, n);
    let after = |bits: u64| {
        if bits == 0 {
            n
        } else {
            bits.trailing_zeros() as usize + 1
        }
    };
    let beyond_second = u64::MAX.checked_shr(64 - n as u32).unwrap_or(0) & !0b11;
    let rv = if n < 2 {
        n
    } else if vowels & 0b10 == 0 {
        // After the next vowel.
        after(vowels & beyond_second)
    } else if vowels & 0b11 == 0b11 {
        // After the next non-vowel.
        after(!vowels & beyond_second)
    } else {
        3.min(n)
    };
    (r1, r2, rv)
}

/// What NLTK's marking of letters between vowels (and the unmarking after
/// its steps) asks of a letter, by code point: whether it is a vowel
/// ([`VOWEL`]), one of the two letters it marks ([`MARKABLE`]), or one of
/// their capitals, the marks ([`CAPITAL`]). One read a letter, where three
/// tests were.
pub struct LetterKinds([u8; 0x200]);

pub const VOWEL: u8 = 1;
pub const MARKABLE: u8 = 2;
pub const CAPITAL: u8 = 4;

impl LetterKinds {
    /// The kinds for these vowels and these two marked letters (ASCII
    /// lower case); every vowel is below U+0200, as [`Letters`] holds them.
    pub const fn new(vowels: &Letters, marked: [u8; 2]) -> Self {
        let mut kinds = [0u8; 0x200];
        let mut c = 0;
        while c < 0x200 {
            if vowels.has(c as u32) {
                kinds[c] |= VOWEL;
            }
            if c == marked[0] as usize || c == marked[1] as usize {
                kinds[c] |= MARKABLE;
            }
            if c == marked[0].to_ascii_uppercase() as usize
                || c == marked[1].to_ascii_uppercase() as usize
            {
                kinds[c] |= CAPITAL;
            }
            c += 1;
        }
        LetterKinds(kinds)
    }

    /// The kinds of letter `c` (none from U+0200 on).
    #[inline(always)]
    pub fn of(&self, c: u32) -> u8 {
        self.0.get(c as usize).copied().unwrap_or(0)
    }
}

/// A region that is a suffix of the word, kept as its length: the letters of
/// `word` it stands for.
///
/// Where NLTK cuts the same `n` letters off the word and a region
/// (`word = word[:-n]; r1 = r1[:-n]`), or gives both the same new ending
/// (`suffix_replace` on each), a region that was a suffix of the word stays
/// one: `r1[:-n]` is `word[len(word) - len(r1):-n]` (or empty), a suffix of
/// `word[:-n]`. Such a region is its length, edited as [`chop_region`] and
/// [`replace_region`] say; each language says where NLTK edits one and not
/// the other, and why what follows cannot tell.
#[inline(always)]
pub fn region<L>(word: &[L], length: usize) -> &[L] {
    &word[word.len() - length..]
}

/// `r = r[:-n]` for a region kept as its length.
#[inline(always)]
pub fn chop_region(length: &mut usize, n: usize) {
    *length = length.saturating_sub(n);
}

/// `r = suffix_replace(r, old, new)` (`r[:-len(old)] + new`) for a region
/// kept as its length, given the lengths of `old` and `new`.
#[inline(always)]
pub fn replace_region(length: &mut usize, old: usize, new: usize) {
    *length = length.saturating_sub(old) + new;
}

/// [`r1r2_standard`] as the regions' lengths.
pub fn r1r2_standard_lengths<L: Letter>(word: &[L], vowels: &Letters) -> (usize, usize) {
    let r1 = first_vowel_consonant(word, vowels).map_or(0, |i| word.len() - i - 1);
    let r2 = first_vowel_consonant(region(word, r1), vowels).map_or(0, |i| r1 - i - 1);
    (r1, r2)
}

/// `word = word[:-n]` and both regions alike.
#[inline]
pub fn chop_all<L>(n: usize, word: &mut Vec<L>, r1: &mut usize, r2: &mut usize) {
    chop(word, n);
    chop_region(r1, n);
    chop_region(r2, n);
}

/// `_r1_scandinavian(word, vowels)`, as R1's length: R1 as in
/// [`r1r2_standard`], but with at least three letters before it.
pub fn r1_scandinavian<L: Letter>(word: &[L], vowels: &Letters) -> usize {
    match first_vowel_consonant(word, vowels) {
        // `3 > len(word[:i + 1]) > 0`: `word[3:]`; NLTK's `else: return
        // word` cannot happen, since `i + 1` is at least 2.
        Some(i) if i + 1 < 3 => word.len().saturating_sub(3),
        Some(i) => word.len() - i - 1,
        None => 0,
    }
}

/// R1 and R2 as Dutch and German have them, as their lengths:
/// `_r1r2_standard`, then R1 adjusted so that the region before it has at
/// least three letters (`r1 = word[3:]` when the first non-vowel after a
/// vowel is among the first three letters; NLTK's `len(word[:i + 1]) == 0`
/// branch cannot happen). R2 stays the standard one.
pub fn r1r2_adjusted<L: Letter>(word: &[L], vowels: &Letters) -> (usize, usize) {
    let Some(i) = first_vowel_consonant(word, vowels) else {
        return (0, 0);
    };
    let r1 = word.len() - i - 1;
    let r2 = first_vowel_consonant(region(word, r1), vowels).map_or(0, |j| r1 - j - 1);
    let r1 = if i + 1 < 3 {
        word.len().saturating_sub(3)
    } else {
        r1
    };
    (r1, r2)
}

/// NLTK's loop that puts each of `letters` (ASCII lower case) between two
/// vowels into upper case, left to right over the letters already marked
/// (a marked letter is no vowel to the next one). The letter is tested
/// first: most letters are none of them.
#[inline]
pub fn upper_between_vowels<L: Letter>(word: &mut [L], vowels: &Letters, letters: [u8; 2]) {
    let [first, second] = letters.map(u32::from);
    for i in 1..word.len().saturating_sub(1) {
        let c = word[i].code();
        let letter = if c == first {
            letters[0]
        } else if c == second {
            letters[1]
        } else {
            continue;
        };
        if vowels.has(word[i - 1].code()) && vowels.has(word[i + 1].code()) {
            word[i] = L::from_ascii(letter.to_ascii_uppercase());
        }
    }
}
