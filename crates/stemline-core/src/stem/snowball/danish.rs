//! `nltk.stem.snowball.DanishStemmer.stem`, after its `word.lower()` and
//! stop word test, on the word in place, with R1 kept as its length
//! ([`region`]): R1 is cut with the word, or not read again.

use super::pystr::{at, chop, ends, len, IndexError, Letters, Suffixes};
use super::regions::{chop_region, r1_scandinavian, region};
use crate::stem::letter::Letter;

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
    if ends(region(word, r1), "igst") {
        chop(word, 2);
        chop_region(&mut r1, 2);
    }
    if let Some(suffix) = STEP3_SUFFIXES.first_ending(region(word, r1)) {
        if suffix == "l\u{f8}st" {
            chop(word, 1);
            chop_region(&mut r1, 1);
        } else {
            chop(word, len(suffix));
            chop_region(&mut r1, len(suffix));
            if STEP2_SUFFIXES.first_ending(region(word, r1)).is_some() {
                chop(word, 1);
                chop_region(&mut r1, 1);
            }
        }
    }

    // STEP 4: Undouble
    if word.len() > 3 && DOUBLE_CONSONANTS.first_ending(word).is_some() {
        chop(word, 1);
    }
    Ok(())
}
