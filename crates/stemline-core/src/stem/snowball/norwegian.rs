//! `nltk.stem.snowball.NorwegianStemmer.stem`, after its `word.lower()` and
//! stop word test.

use super::pystr::{at, chop, len, suffix_replace, Letters, Stemmed, Suffixes};
use super::regions::r1_scandinavian;
use crate::stem::Word;

const VOWELS: Letters = Letters::of("aeiouy\u{e6}\u{e5}\u{f8}");
const S_ENDING: Letters = Letters::of("bcdfghjlmnoprtvyz");
static STEP1_SUFFIXES: Suffixes<29> = Suffixes::new([
    "hetenes", "hetene", "hetens", "heter", "heten", "endes", "ande", "ende", "edes", "enes",
    "erte", "ede", "ane", "ene", "ens", "ers", "ets", "het", "ast", "ert", "en", "ar", "er", "as",
    "es", "et", "a", "e", "s",
]);
static STEP2_SUFFIXES: Suffixes<2> = Suffixes::new(["dt", "vt"]);
static STEP3_SUFFIXES: Suffixes<11> = Suffixes::new([
    "hetslov", "eleg", "elig", "elov", "slov", "leg", "eig", "lig", "els", "lov", "ig",
]);

pub fn stem(mut word: Word) -> Stemmed {
    let mut r1 = r1_scandinavian(&word, &VOWELS);

    // STEP 1
    if let Some(suffix) = STEP1_SUFFIXES.first_ending(&r1) {
        if matches!(suffix, "erte" | "ert") {
            suffix_replace(&mut word, suffix, "er");
            suffix_replace(&mut r1, suffix, "er");
        } else if suffix == "s" {
            let before = at(&word, -2)?;
            if S_ENDING.has(before) || (before == u32::from('k') && !VOWELS.has(at(&word, -3)?)) {
                chop(&mut word, 1);
                chop(&mut r1, 1);
            }
        } else {
            chop(&mut word, len(suffix));
            chop(&mut r1, len(suffix));
        }
    }

    // STEP 2
    if STEP2_SUFFIXES.first_ending(&r1).is_some() {
        chop(&mut word, 1);
        chop(&mut r1, 1);
    }

    // STEP 3
    if let Some(suffix) = STEP3_SUFFIXES.first_ending(&r1) {
        chop(&mut word, len(suffix));
    }
    Ok(word)
}
