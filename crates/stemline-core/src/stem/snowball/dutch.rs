//! `nltk.stem.snowball.DutchStemmer.stem`, after its `word.lower()` and stop
//! word test.

use super::pystr::{
    at, chop, ends, ends_any, eq, is_in, len, replace_letter, slice, suffix_replace, Stemmed,
};
use super::regions::{adjust_r1_to_three, r1r2_standard};
use crate::stem::Word;

const VOWELS: &str = "aeiouy\u{e8}";
const STEP1_SUFFIXES: [&str; 5] = ["heden", "ene", "en", "se", "s"];
const STEP3B_SUFFIXES: [&str; 6] = ["baar", "lijk", "bar", "end", "ing", "ig"];
const UNDOUBLE: [&str; 3] = ["kk", "dd", "tt"];

/// `word = word[:-1]` and each region alike, when the word ends with `kk`,
/// `dd` or `tt`.
fn undouble(word: &mut Word, regions: &mut [&mut Word]) {
    if ends_any(word, &UNDOUBLE) {
        chop(word, 1);
        for r in regions.iter_mut() {
            chop(r, 1);
        }
    }
}

pub fn stem(mut word: Word) -> Stemmed {
    let mut step2_success = false;

    // Vowel accents are removed.
    for (accented, plain) in [
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
    ] {
        replace_letter(&mut word, accented, plain);
    }

    // An initial 'y', a 'y' after a vowel, and an 'i' between vowels are put
    // into upper case, left to right over the letters already marked.
    if word.first() == Some(&u32::from('y')) {
        word[0] = u32::from('Y');
    }
    for i in 1..word.len() {
        if is_in(word[i - 1], VOWELS) && word[i] == u32::from('y') {
            word[i] = u32::from('Y');
        }
    }
    for i in 1..word.len().saturating_sub(1) {
        if is_in(word[i - 1], VOWELS) && word[i] == u32::from('i') && is_in(word[i + 1], VOWELS) {
            word[i] = u32::from('I');
        }
    }

    let (mut r1, mut r2) = r1r2_standard(&word, VOWELS);
    adjust_r1_to_three(&word, VOWELS, &mut r1);

    // STEP 1
    if let Some(suffix) = STEP1_SUFFIXES.iter().find(|s| ends(&r1, s)) {
        let n = len(suffix) as isize;
        if *suffix == "heden" {
            suffix_replace(&mut word, suffix, "heid");
            suffix_replace(&mut r1, suffix, "heid");
            // R2 is left as it was when it does not end with "heden".
            if ends(&r2, "heden") {
                suffix_replace(&mut r2, suffix, "heid");
            }
        } else if matches!(*suffix, "ene" | "en")
            && !ends(&word, "heden")
            && !is_in(at(&word, -n - 1)?, VOWELS)
            && !eq(slice(&word, -n - 3, -n), "gem")
        {
            chop(&mut word, n as usize);
            chop(&mut r1, n as usize);
            chop(&mut r2, n as usize);
            undouble(&mut word, &mut [&mut r1, &mut r2]);
        } else if matches!(*suffix, "se" | "s")
            && !is_in(at(&word, -n - 1)?, VOWELS)
            && at(&word, -n - 1)? != u32::from('j')
        {
            chop(&mut word, n as usize);
            chop(&mut r1, n as usize);
            chop(&mut r2, n as usize);
        }
    }

    // STEP 2
    if ends(&r1, "e") && !is_in(at(&word, -2)?, VOWELS) {
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
        if ends(&r1, "en") && !is_in(at(&word, -3)?, VOWELS) && !eq(slice(&word, -5, -2), "gem") {
            chop(&mut word, 2);
            chop(&mut r1, 2);
            chop(&mut r2, 2);
            undouble(&mut word, &mut [&mut r1, &mut r2]);
        }
    }

    // STEP 3b: Derivational suffixes
    if let Some(suffix) = STEP3B_SUFFIXES.iter().find(|s| ends(&r2, s)) {
        match *suffix {
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
                if ends(&r1, "e") && !is_in(at(&word, -2)?, VOWELS) {
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
        if !is_in(last, VOWELS) && last != u32::from('I') {
            let pair = slice(&word, -3, -1);
            if pair[0] == pair[1] && is_in(pair[0], "aeou") && !is_in(at(&word, -4)?, VOWELS) {
                // "".join((word[:-3], word[-3], word[-1]))
                let n = word.len();
                word.remove(n - 2);
            }
        }
    }

    // All occurrences of 'I' and 'Y' are put back into lower case.
    replace_letter(&mut word, 'I', 'i');
    replace_letter(&mut word, 'Y', 'y');
    Ok(word)
}
