//! `nltk.stem.snowball.DanishStemmer.stem`, after its `word.lower()` and
//! stop word test.

use super::pystr::{at, chop, ends, len, Letters, Stemmed, Suffixes};
use super::regions::r1_scandinavian;
use crate::stem::Word;

const VOWELS: Letters = Letters::of("aeiouy\u{e6}\u{e5}\u{f8}");
static DOUBLE_CONSONANTS: Suffixes<20> = Suffixes::new([
    "bb", "cc", "dd", "ff", "gg", "hh", "jj", "kk", "ll", "mm", "nn", "pp", "qq", "rr", "ss", "tt",
    "vv", "ww", "xx", "zz",
]);
const S_ENDING: Letters = Letters::of("abcdfghjklmnoprtvyz\u{e5}");

static STEP1_SUFFIXES: Suffixes<32> = Suffixes::new([
    "erendes", "erende", "hedens", "ethed", "erede", "heden", "heder", "endes", "ernes", "erens",
    "erets", "ered", "ende", "erne", "eren", "erer", "heds", "enes", "eres", "eret", "hed", "ene",
    "ere", "ens", "ers", "ets", "en", "er", "es", "et", "e", "s",
]);
static STEP2_SUFFIXES: Suffixes<4> = Suffixes::new(["gd", "dt", "gt", "kt"]);
static STEP3_SUFFIXES: Suffixes<5> = Suffixes::new(["elig", "l\u{f8}st", "lig", "els", "ig"]);

pub fn stem(mut word: Word) -> Stemmed {
    let mut r1 = r1_scandinavian(&word, &VOWELS);

    // STEP 1
    if let Some(suffix) = STEP1_SUFFIXES.first_ending(&r1) {
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
    if STEP2_SUFFIXES.first_ending(&r1).is_some() {
        chop(&mut word, 1);
        chop(&mut r1, 1);
    }

    // STEP 3
    if ends(&r1, "igst") {
        chop(&mut word, 2);
        chop(&mut r1, 2);
    }
    if let Some(suffix) = STEP3_SUFFIXES.first_ending(&r1) {
        if suffix == "l\u{f8}st" {
            chop(&mut word, 1);
            chop(&mut r1, 1);
        } else {
            chop(&mut word, len(suffix));
            chop(&mut r1, len(suffix));
            if STEP2_SUFFIXES.first_ending(&r1).is_some() {
                chop(&mut word, 1);
                chop(&mut r1, 1);
            }
        }
    }

    // STEP 4: Undouble
    if word.len() > 3 && DOUBLE_CONSONANTS.first_ending(&word).is_some() {
        chop(&mut word, 1);
    }
    Ok(word)
}
