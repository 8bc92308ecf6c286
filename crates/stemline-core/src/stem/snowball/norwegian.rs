//! `nltk.stem.snowball.NorwegianStemmer.stem`, after its `word.lower()` and
//! stop word test.

use super::pystr::{at, chop, ends, ends_any, is_in, len, suffix_replace, Stemmed};
use super::regions::r1_scandinavian;
use crate::stem::Word;

const VOWELS: &str = "aeiouy\u{e6}\u{e5}\u{f8}";
const S_ENDING: &str = "bcdfghjlmnoprtvyz";
const STEP1_SUFFIXES: [&str; 29] = [
    "hetenes", "hetene", "hetens", "heter", "heten", "endes", "ande", "ende", "edes", "enes",
    "erte", "ede", "ane", "ene", "ens", "ers", "ets", "het", "ast", "ert", "en", "ar", "er", "as",
    "es", "et", "a", "e", "s",
];
const STEP2_SUFFIXES: [&str; 2] = ["dt", "vt"];
const STEP3_SUFFIXES: [&str; 11] = [
    "hetslov", "eleg", "elig", "elov", "slov", "leg", "eig", "lig", "els", "lov", "ig",
];

pub fn stem(mut word: Word) -> Stemmed {
    let mut r1 = r1_scandinavian(&word, VOWELS);

    // STEP 1
    if let Some(&suffix) = STEP1_SUFFIXES.iter().find(|s| ends(&r1, s)) {
        if matches!(suffix, "erte" | "ert") {
            suffix_replace(&mut word, suffix, "er");
            suffix_replace(&mut r1, suffix, "er");
        } else if suffix == "s" {
            let before = at(&word, -2)?;
            if is_in(before, S_ENDING)
                || (before == u32::from('k') && !is_in(at(&word, -3)?, VOWELS))
            {
                chop(&mut word, 1);
                chop(&mut r1, 1);
            }
        } else {
            chop(&mut word, len(suffix));
            chop(&mut r1, len(suffix));
        }
    }

    // STEP 2
    if ends_any(&r1, &STEP2_SUFFIXES) {
        chop(&mut word, 1);
        chop(&mut r1, 1);
    }

    // STEP 3
    if let Some(&suffix) = STEP3_SUFFIXES.iter().find(|s| ends(&r1, s)) {
        chop(&mut word, len(suffix));
    }
    Ok(word)
}
