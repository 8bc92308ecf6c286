//! `nltk.stem.snowball.DutchStemmer.stem`, after its `word.lower()` and stop
//! word test.

use super::pystr::{
    at, chop, ends, eq, is_in, len, slice, suffix_replace, Letters, Stemmed, Suffixes, Translation,
};
use super::regions::r1r2_adjusted;
use crate::stem::Word;

const VOWELS: Letters = Letters::of("aeiouy\u{e8}");
/// Vowel accents removed: ä á ë é í ï ö ó ü ú.
const ACCENTS: Translation<10> = Translation::new([
    ('\u{e4}', 'a'),
    ('\u{e1}', 'a'),
    ('\u{eb}', 'e'),
    ('\u{e9}', 'e'),
    ('\u{ed}', 'i'),
    ('\u{ef}', 'i'),
    ('\u{f6}', 'o'),
    ('\u{f3}', 'o'),
    ('\u{fc}', 'u'),
    ('\u{fa}', 'u'),
]);
/// All occurrences of 'I' and 'Y' are put back into lower case.
const UNMARK: Translation<2> = Translation::new([('I', 'i'), ('Y', 'y')]);
static STEP1_SUFFIXES: Suffixes<5> = Suffixes::new(["heden", "ene", "en", "se", "s"]);
static STEP3B_SUFFIXES: Suffixes<6> = Suffixes::new(["baar", "lijk", "bar", "end", "ing", "ig"]);
static UNDOUBLE: Suffixes<3> = Suffixes::new(["kk", "dd", "tt"]);

/// `word = word[:-1]` and each region alike, when the word ends with `kk`,
/// `dd` or `tt`.
fn undouble(word: &mut Word, regions: &mut [&mut Word]) {
    if UNDOUBLE.first_ending(word).is_some() {
        chop(word, 1);
        for r in regions.iter_mut() {
            chop(r, 1);
        }
    }
}

pub fn stem(mut word: Word) -> Stemmed {
    let mut step2_success = false;

    // Vowel accents are removed.
    ACCENTS.apply(&mut word);

    // An initial 'y', a 'y' after a vowel, and an 'i' between vowels are put
    // into upper case, left to right over the letters already marked.
    if word.first() == Some(&u32::from('y')) {
        word[0] = u32::from('Y');
    }
    for i in 1..word.len() {
        if VOWELS.has(word[i - 1]) && word[i] == u32::from('y') {
            word[i] = u32::from('Y');
        }
    }
    for i in 1..word.len().saturating_sub(1) {
        if VOWELS.has(word[i - 1]) && word[i] == u32::from('i') && VOWELS.has(word[i + 1]) {
            word[i] = u32::from('I');
        }
    }

    let (mut r1, mut r2) = r1r2_adjusted(&word, &VOWELS);

    // STEP 1
    if let Some(suffix) = STEP1_SUFFIXES.first_ending(&r1) {
        let n = len(suffix) as isize;
        if suffix == "heden" {
            suffix_replace(&mut word, suffix, "heid");
            suffix_replace(&mut r1, suffix, "heid");
            // R2 is left as it was when it does not end with "heden".
            if ends(&r2, "heden") {
                suffix_replace(&mut r2, suffix, "heid");
            }
        } else if matches!(suffix, "ene" | "en")
            && !ends(&word, "heden")
            && !VOWELS.has(at(&word, -n - 1)?)
            && !eq(slice(&word, -n - 3, -n), "gem")
        {
            chop(&mut word, n as usize);
            chop(&mut r1, n as usize);
            chop(&mut r2, n as usize);
            undouble(&mut word, &mut [&mut r1, &mut r2]);
        } else if matches!(suffix, "se" | "s")
            && !VOWELS.has(at(&word, -n - 1)?)
            && at(&word, -n - 1)? != u32::from('j')
        {
            chop(&mut word, n as usize);
            chop(&mut r1, n as usize);
            chop(&mut r2, n as usize);
        }
    }

    // STEP 2
    if ends(&r1, "e") && !VOWELS.has(at(&word, -2)?) {
        step2_success = true;
        chop(&mut word, 1);
        chop(&mut r1, 1);
        chop(&mut r2, 1);
        undouble(&mut word, &mut [&mut r1, &mut r2]);
    }

    // STEP 3a
    if ends(&r2, "heid") && at(&word, -5)? != u32::from('c') {
        chop(&mut word, 4);
        chop(&mut r1, 4);
        chop(&mut r2, 4);
        if ends(&r1, "en") && !VOWELS.has(at(&word, -3)?) && !eq(slice(&word, -5, -2), "gem") {
            chop(&mut word, 2);
            chop(&mut r1, 2);
            chop(&mut r2, 2);
            undouble(&mut word, &mut [&mut r1, &mut r2]);
        }
    }

    // STEP 3b: Derivational suffixes
    if let Some(suffix) = STEP3B_SUFFIXES.first_ending(&r2) {
        match suffix {
            "end" | "ing" => {
                chop(&mut word, 3);
                chop(&mut r2, 3);
                if ends(&r2, "ig") && at(&word, -3)? != u32::from('e') {
                    chop(&mut word, 2);
                } else {
                    undouble(&mut word, &mut []);
                }
            }
            "ig" if at(&word, -3)? != u32::from('e') => chop(&mut word, 2),
            "lijk" => {
                chop(&mut word, 4);
                chop(&mut r1, 4);
                if ends(&r1, "e") && !VOWELS.has(at(&word, -2)?) {
                    chop(&mut word, 1);
                    undouble(&mut word, &mut []);
                }
            }
            "baar" => chop(&mut word, 4),
            "bar" if step2_success => chop(&mut word, 3),
            _ => {}
        }
    }

    // STEP 4: Undouble vowel
    if word.len() >= 4 {
        let last = word[word.len() - 1];
        if !VOWELS.has(last) && last != u32::from('I') {
            let pair = slice(&word, -3, -1);
            if pair[0] == pair[1] && is_in(pair[0], "aeou") && !VOWELS.has(at(&word, -4)?) {
                // "".join((word[:-3], word[-3], word[-1]))
                let n = word.len();
                word.remove(n - 2);
            }
        }
    }

    // All occurrences of 'I' and 'Y' are put back into lower case.
    UNMARK.apply(&mut word);
    Ok(word)
}
