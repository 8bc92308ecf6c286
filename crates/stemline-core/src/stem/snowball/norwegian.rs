//! `nltk.stem.snowball.NorwegianStemmer.stem`, after its `word.lower()` and
//! stop word test, on the word in place, with R1 kept as its length
//! ([`region`]): R1 is cut with the word, or not read again.

use super::pystr::{at, chop, len, suffix_replace, IndexError, Letters, Suffixes};
use super::regions::{chop_region, r1_scandinavian, region, replace_region};
use crate::stem::letter::Letter;

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

pub fn stem<L: Letter>(word: &mut Vec<L>) -> Result<(), IndexError> {
    let mut r1 = r1_scandinavian(word, &VOWELS);

    // STEP 1
    if let Some(suffix) = STEP1_SUFFIXES.first_ending(region(word, r1)) {
        if matches!(suffix, "erte" | "ert") {
            suffix_replace(word, suffix, "er");
            replace_region(&mut r1, len(suffix), 2);
        } else if suffix == "s" {
            let before = at(word, -2)?;
            if S_ENDING.has(before) || (before == u32::from('k') && !VOWELS.has(at(word, -3)?)) {
                chop(word, 1);
                chop_region(&mut r1, 1);
            }
        } else {
            chop(word, len(suffix));
            chop_region(&mut r1, len(suffix));
        }
    }

    // STEP 2
    if STEP2_SUFFIXES.first_ending(region(word, r1)).is_some() {
        chop(word, 1);
        chop_region(&mut r1, 1);
    }

    // STEP 3
    if let Some(suffix) = STEP3_SUFFIXES.first_ending(region(word, r1)) {
        chop(word, len(suffix));
    }
    Ok(())
}
