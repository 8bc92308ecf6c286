//! `nltk.stem.snowball.GermanStemmer.stem`, after its `word.lower()` and
//! stop word test.

use super::pystr::{
    at, chop, contains, eq, len, replace, slice, Letters, Stemmed, Suffixes, Translation,
};
use super::regions::r1r2_adjusted;
use crate::stem::Word;

const VOWELS: Letters = Letters::of("aeiouy\u{e4}\u{f6}\u{fc}");
const S_ENDING: Letters = Letters::of("bdfghklmnrt");
const ST_ENDING: Letters = Letters::of("bdfghklmnt");
/// Umlaut accents removed, 'u' and 'y' back in lower case.
const UNMARK: Translation<5> = Translation::new([
    ('\u{e4}', 'a'),
    ('\u{f6}', 'o'),
    ('\u{fc}', 'u'),
    ('U', 'u'),
    ('Y', 'y'),
]);
static STEP1_SUFFIXES: Suffixes<7> = Suffixes::new(["ern", "em", "er", "en", "es", "e", "s"]);
static STEP2_SUFFIXES: Suffixes<4> = Suffixes::new(["est", "en", "er", "st"]);
static STEP3_SUFFIXES: Suffixes<8> =
    Suffixes::new(["isch", "lich", "heit", "keit", "end", "ung", "ig", "ik"]);

/// `word = word[:-n]` and each region alike.
fn chop_all(n: usize, word: &mut Word, r1: &mut Word, r2: &mut Word) {
    chop(word, n);
    chop(r1, n);
    chop(r2, n);
}

pub fn stem(mut word: Word) -> Stemmed {
    replace(&mut word, "\u{df}", "ss");

    // Every 'u' and 'y' between vowels is put into upper case, left to right
    // over the letters already marked.
    for i in 1..word.len().saturating_sub(1) {
        if VOWELS.has(word[i - 1]) && VOWELS.has(word[i + 1]) {
            if word[i] == u32::from('u') {
                word[i] = u32::from('U');
            } else if word[i] == u32::from('y') {
                word[i] = u32::from('Y');
            }
        }
    }

    let (mut r1, mut r2) = r1r2_adjusted(&word, &VOWELS);

    // STEP 1
    if let Some(suffix) = STEP1_SUFFIXES.first_ending(&r1) {
        let n = len(suffix);
        let m = n as isize;
        if matches!(suffix, "en" | "es" | "e") && eq(slice(&word, -m - 4, -m), "niss") {
            chop_all(n + 1, &mut word, &mut r1, &mut r2);
        } else if suffix == "s" {
            if S_ENDING.has(at(&word, -2)?) {
                chop_all(1, &mut word, &mut r1, &mut r2);
            }
        } else {
            chop_all(n, &mut word, &mut r1, &mut r2);
        }
    }

    // STEP 2
    if let Some(suffix) = STEP2_SUFFIXES.first_ending(&r1) {
        if suffix == "st" {
            if ST_ENDING.has(at(&word, -3)?) && word.len().saturating_sub(3) >= 3 {
                chop_all(2, &mut word, &mut r1, &mut r2);
            }
        } else {
            chop_all(len(suffix), &mut word, &mut r1, &mut r2);
        }
    }

    // STEP 3: Derivational tested in the letters of R2 (or R1)
    // before the suffix.
    if let Some(suffix) = STEP3_SUFFIXES.first_ending(&r2) {
        let n = len(suffix);
        let m = n as isize;
        match suffix {
            "end" | "ung" => {
                if contains(slice(&r2, -m - 2, -m), "ig")
                    && !contains(slice(&r2, -m - 3, -m - 2), "e")
                {
                    chop(&mut word, n + 2);
                } else {
                    chop(&mut word, n);
                }
            }
            "ig" | "ik" | "isch" if !contains(slice(&r2, -m - 1, -m), "e") => {
                chop(&mut word, n);
            }
            "lich" | "heit" => {
                let before = slice(&r1, -m - 2, -m);
                if contains(before, "er") || contains(before, "en") {
                    chop(&mut word, n + 2);
                } else {
                    chop(&mut word, n);
                }
            }
            "keit" => {
                if contains(slice(&r2, -m - 4, -m), "lich") {
                    chop(&mut word, n + 4);
                } else if contains(slice(&r2, -m - 2, -m), "ig") {
                    chop(&mut word, n + 2);
                } else {
                    chop(&mut word, n);
                }
            }
            _ => {}
        }
    }

    // Umlaut accents are removed and 'u' and 'y' are put back into lower case.
    UNMARK.apply(&mut word);
    Ok(word)
}
