//! The regions that several languages share: NLTK's
//! `_StandardStemmer._r1r2_standard` and `_rv_standard`, and
//! `_ScandinavianStemmer._r1_scandinavian`, each returning its regions as
//! strings of their own (see [`super::pystr`]).

use super::pystr::{from, Letters};
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

/// `_r1_scandinavian(word, vowels)`: R1 as in [`r1r2_standard`], but with at
/// least three letters before it.
pub fn r1_scandinavian(word: &[u32], vowels: &Letters) -> Word {
    match (1..word.len()).find(|&i| !vowels.has(word[i]) && vowels.has(word[i - 1])) {
        // `3 > len(word[:i + 1]) > 0`; NLTK's `else: return word` cannot
        // happen, since `i + 1` is at least 2.
        Some(i) if i + 1 < 3 => from(word, 3).to_vec(),
        Some(i) => word[i + 1..].to_vec(),
        None => Word::new(),
    }
}

/// R1 and R2 as Dutch and German have them: `_r1r2_standard`, then R1
/// adjusted so that the region before it has at least three letters
/// (`r1 = word[3:]` when the first non-vowel after a vowel is among the first
/// three letters; NLTK's `len(word[:i + 1]) == 0` branch cannot happen). R2
/// stays the standard one.
pub fn r1r2_adjusted(word: &[u32], vowels: &Letters) -> (Word, Word) {
    let Some(i) = first_vowel_consonant(word, vowels) else {
        return (Word::new(), Word::new());
    };
    let r1 = &word[i + 1..];
    let r2 = first_vowel_consonant(r1, vowels).map_or_else(Word::new, |j| r1[j + 1..].to_vec());
    let r1 = if i + 1 < 3 { from(word, 3) } else { r1 };
    (r1.to_vec(), r2)
}

/// The index of the first non-vowel that follows a vowel.
fn first_vowel_consonant(s: &[u32], vowels: &Letters) -> Option<usize> {
    (1..s.len()).find(|&i| !vowels.has(s[i]) && vowels.has(s[i - 1]))
}
