//! `nltk.stem.snowball.DanishStemmer.stem`, after its `word.lower()` and
//! stop word test.

use super::pystr::{at, chop, ends, ends_any, is_in, len, Stemmed};
use super::regions::r1_scandinavian;
use crate::stem::Word;

const VOWELS: &str = "aeiouy\u{e6}\u{e5}\u{f8}";
const DOUBLE_CONSONANTS: [&str; 20] = [
    "bb", "cc", "dd", "ff", "gg", "hh", "jj", "kk", "ll", "mm", "nn", "pp", "qq", "rr", "ss", "tt",
    "vv", "ww", "xx", "zz",
];
const S_ENDING: &str = "abcdfghjklmnoprtvyz\u{e5}";

const STEP1_SUFFIXES: [&str; 32] = [
    "erendes", "erende", "hedens", "ethed", "erede", "heden", "heder", "endes", "ernes", "erens",
    "erets", "ered", "ende", "erne", "eren", "erer", "heds", "enes", "eres", "eret", "hed", "ene",
    "ere", "ens", "ers", "ets", "en", "er", "es", "et", "e", "s",
];
const STEP2_SUFFIXES: [&str; 4] = ["gd", "dt", "gt", "kt"];
const STEP3_SUFFIXES: [&str; 5] = ["elig", "l\u{f8}st", "lig", "els", "ig"];

pub fn stem(mut word: Word) -> Stemmed {
    let mut r1 = r1_scandinavian(&word, VOWELS);

    // STEP 1
    if let Some(suffix) = STEP1_SUFFIXES.iter().find(|s| ends(&r1, s)) {
        if *suffix == "s" {
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
    if ends(&r1, "igst") {
        chop(&mut word, 2);
        chop(&mut r1, 2);
    }
    if let Some(suffix) = STEP3_SUFFIXES.iter().find(|s| ends(&r1, s)) {
        if *suffix == "l\u{f8}st" {
            chop(&mut word, 1);
            chop(&mut r1, 1);
        } else {
            chop(&mut word, len(suffix));
            chop(&mut r1, len(suffix));
            if ends_any(&r1, &STEP2_SUFFIXES) {
                chop(&mut word, 1);
                chop(&mut r1, 1);
            }
        }
    }

    // STEP 4: Undouble
    if word.len() > 3 && ends_any(&word, &DOUBLE_CONSONANTS) {
        chop(&mut word, 1);
    }
    Ok(word)
}
