//! `nltk.stem.snowball.SwedishStemmer.stem`, after its `word.lower()` and
//! stop word test, on the word in place, with R1 kept as its length
//! ([`region`]): R1 is cut with the word, or not read again.

use super::pystr::{at, chop, len, IndexError, Letters, Suffixes};
use super::regions::{chop_region, r1_scandinavian, region};
use crate::stem::letter::Letter;

const VOWELS: Letters = Letters::of("aeiouy\u{e4}\u{e5}\u{f6}");
const S_ENDING: Letters = Letters::of("bcdfghjklmnoprtvy");
static STEP1_SUFFIXES: Suffixes<37> = Suffixes::new([
    "heterna", "hetens", "heter", "heten", "anden", "arnas", "ernas", "ornas", "andes", "andet",
    "arens", "arna", "erna", "orna", "ande", "arne", "aste", "aren", "ades", "erns", "ade", "are",
    "ern", "ens", "het", "ast", "ad", "en", "ar", "er", "or", "as", "es", "at", "a", "e", "s",
]);
static STEP2_SUFFIXES: Suffixes<7> = Suffixes::new(["dd", "gd", "nn", "dt", "gt", "kt", "tt"]);
static STEP3_SUFFIXES: Suffixes<5> = Suffixes::new(["fullt", "l\u{f6}st", "els", "lig", "ig"]);

pub fn stem<L: Letter>(word: &mut Vec<L>) -> Result<(), IndexError> {
    let mut r1 = r1_scandinavian(word, &VOWELS);

    // STEP 1
    if let Some(suffix) = STEP1_SUFFIXES.first_ending(region(word, r1)) {
        if suffix == "s" {
            if S_ENDING.has(at(word, -2)?) {
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
        if matches!(suffix, "els" | "lig" | "ig") {
            chop(word, len(suffix));
        } else {
            chop(word, 1);
        }
    }
    Ok(())
}
