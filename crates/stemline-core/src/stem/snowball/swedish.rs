//! `nltk.stem.snowball.SwedishStemmer.stem`, after its `word.lower()` and
//! stop word test.

use super::pystr::{at, chop, ends, ends_any, is_in, len, Stemmed};
use super::regions::r1_scandinavian;
use crate::stem::Word;

const VOWELS: &str = "aeiouy\u{e4}\u{e5}\u{f6}";
const S_ENDING: &str = "bcdfghjklmnoprtvy";
const STEP1_SUFFIXES: [&str; 37] = [
    "heterna", "hetens", "heter", "heten", "anden", "arnas", "ernas", "ornas", "andes", "andet",
    "arens", "arna", "erna", "orna", "ande", "arne", "aste", "aren", "ades", "erns", "ade", "are",
    "ern", "ens", "het", "ast", "ad", "en", "ar", "er", "or", "as", "es", "at", "a", "e", "s",
];
const STEP2_SUFFIXES: [&str; 7] = ["dd", "gd", "nn", "dt", "gt", "kt", "tt"];
const STEP3_SUFFIXES: [&str; 5] = ["fullt", "l\u{f6}st", "els", "lig", "ig"];

pub fn stem(mut word: Word) -> Stemmed {
    let mut r1 = r1_scandinavian(&word, VOWELS);

    // STEP 1
    if let Some(&suffix) = STEP1_SUFFIXES.iter().find(|s| ends(&r1, s)) {
        if suffix == "s" {
            if is_in(at(&word, -2)?, S_ENDING) {
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
        if matches!(suffix, "els" | "lig" | "ig") {
            chop(&mut word, len(suffix));
        } else {
            chop(&mut word, 1);
        }
    }
    Ok(word)
}
