//! `nltk.stem.snowball.SwedishStemmer.stem`, after its `word.lower()` and
//! stop word test.

use super::pystr::{at, chop, first_ending, len, suffixes, Letters, Stemmed, Suffix};
use super::regions::r1_scandinavian;
use crate::stem::Word;

const VOWELS: Letters = Letters::of("aeiouy\u{e4}\u{e5}\u{f6}");
const S_ENDING: Letters = Letters::of("bcdfghjklmnoprtvy");
static STEP1_SUFFIXES: [Suffix; 37] = suffixes([
    "heterna", "hetens", "heter", "heten", "anden", "arnas", "ernas", "ornas", "andes", "andet",
    "arens", "arna", "erna", "orna", "ande", "arne", "aste", "aren", "ades", "erns", "ade", "are",
    "ern", "ens", "het", "ast", "ad", "en", "ar", "er", "or", "as", "es", "at", "a", "e", "s",
]);
static STEP2_SUFFIXES: [Suffix; 7] = suffixes(["dd", "gd", "nn", "dt", "gt", "kt", "tt"]);
static STEP3_SUFFIXES: [Suffix; 5] = suffixes(["fullt", "l\u{f6}st", "els", "lig", "ig"]);

pub fn stem(mut word: Word) -> Stemmed {
    let mut r1 = r1_scandinavian(&word, &VOWELS);

    // STEP 1
    if let Some(suffix) = first_ending(&r1, &STEP1_SUFFIXES) {
        if suffix == "s" {
            if S_ENDING.has(at(&word, -2)?) {
                chop(&mut word, 1);
                chop(&mut r1, 1);
            }
        } else {
            chop(&mut word, len(suffix));
            chop(&mut r1, len(suffix));
        }
    }

    // STEP 2
    if first_ending(&r1, &STEP2_SUFFIXES).is_some() {
        chop(&mut word, 1);
        chop(&mut r1, 1);
    }

    // STEP 3
    if let Some(suffix) = first_ending(&r1, &STEP3_SUFFIXES) {
        if matches!(suffix, "els" | "lig" | "ig") {
            chop(&mut word, len(suffix));
        } else {
            chop(&mut word, 1);
        }
    }
    Ok(word)
}
