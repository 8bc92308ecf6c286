//! `nltk.stem.snowball.DanishStemmer.stem`, after its `word.lower()` and
//! stop word test.

use super::pystr::{at, chop, ends, first_ending, len, suffixes, Letters, Stemmed, Suffix};
use super::regions::r1_scandinavian;
use crate::stem::Word;

const VOWELS: Letters = Letters::of("aeiouy\u{e6}\u{e5}\u{f8}");
static DOUBLE_CONSONANTS: [Suffix; 20] = suffixes([
    "bb", "cc", "dd", "ff", "gg", "hh", "jj", "kk", "ll", "mm", "nn", "pp", "qq", "rr", "ss", "tt",
    "vv", "ww", "xx", "zz",
]);
const S_ENDING: Letters = Letters::of("abcdfghjklmnoprtvyz\u{e5}");

static STEP1_SUFFIXES: [Suffix; 32] = suffixes([
    "erendes", "erende", "hedens", "ethed", "erede", "heden", "heder", "endes", "ernes", "erens",
    "erets", "ered", "ende", "erne", "eren", "erer", "heds", "enes", "eres", "eret", "hed", "ene",
    "ere", "ens", "ers", "ets", "en", "er", "es", "et", "e", "s",
]);
static STEP2_SUFFIXES: [Suffix; 4] = suffixes(["gd", "dt", "gt", "kt"]);
static STEP3_SUFFIXES: [Suffix; 5] = suffixes(["elig", "l\u{f8}st", "lig", "els", "ig"]);

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
    if ends(&r1, "igst") {
        chop(&mut word, 2);
        chop(&mut r1, 2);
    }
    if let Some(suffix) = first_ending(&r1, &STEP3_SUFFIXES) {
        if suffix == "l\u{f8}st" {
            chop(&mut word, 1);
            chop(&mut r1, 1);
        } else {
            chop(&mut word, len(suffix));
            chop(&mut r1, len(suffix));
            if first_ending(&r1, &STEP2_SUFFIXES).is_some() {
                chop(&mut word, 1);
                chop(&mut r1, 1);
            }
        }
    }

    // STEP 4: Undouble
    if word.len() > 3 && first_ending(&word, &DOUBLE_CONSONANTS).is_some() {
        chop(&mut word, 1);
    }
    Ok(word)
}
