//! `nltk.stem.snowball.FinnishStemmer.stem`, after its `word.lower()` and
//! stop word test.

use super::pystr::{
    at, chop, contains, ends, ends_any, eq_any, from, is_in, len, slice, suffix_replace, Letters,
    Stemmed, Suffixes,
};
use super::regions::r1r2_standard;
use crate::stem::Word;

const VOWELS: Letters = Letters::of("aeiouy\u{e4}\u{f6}");
const RESTRICTED_VOWELS: Letters = Letters::of("aeiou\u{e4}\u{f6}");
const LONG_VOWELS: [&str; 7] = ["aa", "ee", "ii", "oo", "uu", "\u{e4}\u{e4}", "\u{f6}\u{f6}"];
const CONSONANTS: Letters = Letters::of("bcdfghjklmnpqrstvwxz");
const DOUBLE_CONSONANTS: [&str; 20] = [
    "bb", "cc", "dd", "ff", "gg", "hh", "jj", "kk", "ll", "mm", "nn", "pp", "qq", "rr", "ss", "tt",
    "vv", "ww", "xx", "zz",
];
static STEP1_SUFFIXES: Suffixes<10> = Suffixes::new([
    "kaan",
    "k\u{e4}\u{e4}n",
    "sti",
    "kin",
    "han",
    "h\u{e4}n",
    "ko",
    "k\u{f6}",
    "pa",
    "p\u{e4}",
]);
static STEP2_SUFFIXES: Suffixes<9> = Suffixes::new([
    "nsa", "ns\u{e4}", "mme", "nne", "si", "ni", "an", "\u{e4}n", "en",
]);
static STEP3_SUFFIXES: Suffixes<30> = Suffixes::new([
    "siin", "tten", "seen", "han", "hen", "hin", "hon", "h\u{e4}n", "h\u{f6}n", "den", "tta",
    "tt\u{e4}", "ssa", "ss\u{e4}", "sta", "st\u{e4}", "lla", "ll\u{e4}", "lta", "lt\u{e4}", "lle",
    "ksi", "ine", "ta", "t\u{e4}", "na", "n\u{e4}", "a", "\u{e4}", "n",
]);
static STEP4_SUFFIXES: Suffixes<14> = Suffixes::new([
    "impi",
    "impa",
    "imp\u{e4}",
    "immi",
    "imma",
    "imm\u{e4}",
    "mpi",
    "mpa",
    "mp\u{e4}",
    "mmi",
    "mma",
    "mm\u{e4}",
    "eja",
    "ej\u{e4}",
]);

/// `word = word[:-n]` and each region alike.
fn chop_all(n: usize, word: &mut Word, r1: &mut Word, r2: &mut Word) {
    chop(word, n);
    chop(r1, n);
    chop(r2, n);
}

pub fn stem(mut word: Word) -> Stemmed {
    let mut step3_success = false;
    let (mut r1, mut r2) = r1r2_standard(&word, &VOWELS);

    // STEP 1: Particles etc.
    if let Some(suffix) = STEP1_SUFFIXES.first_ending(&r1) {
        let n = len(suffix);
        if suffix == "sti" {
            // `suffix in r2`: anywhere in R2, not only at its end.
            if contains(&r2, suffix) {
                chop_all(3, &mut word, &mut r1, &mut r2);
            }
        } else if is_in(at(&word, -(n as isize) - 1)?, "ntaeiouy\u{e4}\u{f6}") {
            chop_all(n, &mut word, &mut r1, &mut r2);
        }
    }

    // STEP 2: Possessives
    if let Some(suffix) = STEP2_SUFFIXES.first_ending(&r1) {
        match suffix {
            "si" => {
                if at(&word, -3)? != u32::from('k') {
                    chop_all(2, &mut word, &mut r1, &mut r2);
                }
            }
            "ni" => {
                chop_all(2, &mut word, &mut r1, &mut r2);
                for s in [&mut word, &mut r1, &mut r2] {
                    if ends(s, "kse") {
                        suffix_replace(s, "kse", "ksi");
                    }
                }
            }
            "an" => {
                if eq_any(slice(&word, -4, -2), &["ta", "na"])
                    || eq_any(slice(&word, -5, -2), &["ssa", "sta", "lla", "lta"])
                {
                    chop_all(2, &mut word, &mut r1, &mut r2);
                }
            }
            "\u{e4}n" => {
                if eq_any(slice(&word, -4, -2), &["t\u{e4}", "n\u{e4}"])
                    || eq_any(
                        slice(&word, -5, -2),
                        &["ss\u{e4}", "st\u{e4}", "ll\u{e4}", "lt\u{e4}"],
                    )
                {
                    chop_all(2, &mut word, &mut r1, &mut r2);
                }
            }
            "en" => {
                if eq_any(slice(&word, -5, -2), &["lle", "ine"]) {
                    chop_all(2, &mut word, &mut r1, &mut r2);
                }
            }
            _ => chop_all(3, &mut word, &mut r1, &mut r2),
        }
    }

    // STEP 3: Cases. A suffix whose condition fails here lets the next
    // suffix of the list be tried (NLTK's `continue`); every other suffix
    // ends the step (`break`).
    for suffix in STEP3_SUFFIXES.ending(&r1) {
        let suffix = suffix.text;
        let n = len(suffix);
        match suffix {
            "han" | "hen" | "hin" | "hon" | "h\u{e4}n" | "h\u{f6}n" => {
                let vowel = suffix.chars().nth(1).map_or(0, u32::from);
                if at(&word, -4)? == vowel {
                    chop_all(3, &mut word, &mut r1, &mut r2);
                    step3_success = true;
                }
            }
            "siin" | "den" | "tten" => {
                let n = n as isize;
                if at(&word, -n - 1)? == u32::from('i') && RESTRICTED_VOWELS.has(at(&word, -n - 2)?)
                {
                    chop_all(n as usize, &mut word, &mut r1, &mut r2);
                    step3_success = true;
                } else {
                    continue;
                }
            }
            "seen" => {
                if eq_any(slice(&word, -6, -4), &LONG_VOWELS) {
                    chop_all(4, &mut word, &mut r1, &mut r2);
                    step3_success = true;
                } else {
                    continue;
                }
            }
            "a" | "\u{e4}" => {
                if VOWELS.has(at(&word, -2)?) && CONSONANTS.has(at(&word, -3)?) {
                    chop_all(1, &mut word, &mut r1, &mut r2);
                    step3_success = true;
                }
            }
            "tta" | "tt\u{e4}" => {
                if at(&word, -4)? == u32::from('e') {
                    chop_all(3, &mut word, &mut r1, &mut r2);
                    step3_success = true;
                }
            }
            "n" => {
                chop_all(1, &mut word, &mut r1, &mut r2);
                step3_success = true;
                let last_two = from(&word, -2);
                if eq_any(last_two, &["ie"]) || eq_any(last_two, &LONG_VOWELS) {
                    chop_all(1, &mut word, &mut r1, &mut r2);
                }
            }
            _ => {
                chop_all(n, &mut word, &mut r1, &mut r2);
                step3_success = true;
            }
        }
        break;
    }

    // STEP 4: Other endings
    if let Some(suffix) = STEP4_SUFFIXES.first_ending(&r2) {
        if matches!(
            suffix,
            "mpi" | "mpa" | "mp\u{e4}" | "mmi" | "mma" | "mm\u{e4}"
        ) {
            if !eq_any(slice(&word, -5, -3), &["po"]) {
                chop_all(3, &mut word, &mut r1, &mut r2);
            }
        } else {
            chop_all(len(suffix), &mut word, &mut r1, &mut r2);
        }
    }

    // STEP 5: Plurals
    if step3_success && !r1.is_empty() && is_in(r1[r1.len() - 1], "ij") {
        chop(&mut word, 1);
        chop(&mut r1, 1);
    } else if !step3_success
        && r1.len() >= 2
        && r1[r1.len() - 1] == u32::from('t')
        && VOWELS.has(r1[r1.len() - 2])
    {
        chop_all(1, &mut word, &mut r1, &mut r2);
        if ends(&r2, "imma") {
            chop(&mut word, 4);
            chop(&mut r1, 4);
        } else if ends(&r2, "mma") && !eq_any(slice(&r2, -5, -3), &["po"]) {
            chop(&mut word, 3);
            chop(&mut r1, 3);
        }
    }

    // STEP 6: Tidying up
    if eq_any(from(&r1, -2), &LONG_VOWELS) {
        chop(&mut word, 1);
        chop(&mut r1, 1);
    }
    if r1.len() >= 2 && CONSONANTS.has(r1[r1.len() - 2]) && is_in(r1[r1.len() - 1], "a\u{e4}ei") {
        chop(&mut word, 1);
        chop(&mut r1, 1);
    }
    if ends_any(&r1, &["oj", "uj"]) {
        chop(&mut word, 1);
        chop(&mut r1, 1);
    }
    if ends(&r1, "jo") {
        chop(&mut word, 1);
        chop(&mut r1, 1);
    }

    // If the word ends with a double consonant followed by zero or more
    // vowels, the last consonant is removed.
    let n = word.len();
    if let Some(i) = (1..n).find(|&i| !VOWELS.has(word[n - i])) {
        // word[-i - 1:-i + 1], the consonant and the letter before it.
        if eq_any(&word[n - i - 1..n - i + 1], &DOUBLE_CONSONANTS) {
            word.remove(n - i);
        }
    }
    Ok(word)
}
