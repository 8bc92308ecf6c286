//! `nltk.stem.snowball.DutchStemmer.stem`, after its `word.lower()` and stop
//! word test, on the word in place, with R1 and R2 kept as their lengths
//! ([`region`]): NLTK cuts them with the word, but where said.

use super::pystr::{
    at, chop, ends, eq, is_in, len, slice, suffix_replace, IndexError, Letters, Suffixes,
    Translation,
};
use super::regions::{chop_all, chop_region, r1r2_adjusted, region, replace_region};
use crate::stem::letter::Letter;

const VOWELS: Letters = Letters::of("aeiouy\u{e8}");
/// Vowel accents removed: ä á ë é í ï ö ó ü ú.
const ACCENTS: Translation<10> = Translation::new([
    ('\u{e4}', 'a'),
    ('\u{e1}', 'a'),
    ('\u{eb}', 'e'),
    ('\u{e9}', 'e'),
    ('\u{ed}', 'i'),
    ('\u{ef}', 'i'),
    ('\u{f6}', 'o'),
    ('\u{f3}', 'o'),
    ('\u{fc}', 'u'),
    ('\u{fa}', 'u'),
]);
/// All occurrences of 'I' and 'Y' are put back into lower case.
const UNMARK: Translation<2> = Translation::new([('I', 'i'), ('Y', 'y')]);
static STEP1_SUFFIXES: Suffixes<5> = Suffixes::new(["heden", "ene", "en", "se", "s"]);
static STEP3B_SUFFIXES: Suffixes<6> = Suffixes::new(["baar", "lijk", "bar", "end", "ing", "ig"]);
static UNDOUBLE: Suffixes<3> = Suffixes::new(["kk", "dd", "tt"]);

/// `word = word[:-1]` and each region alike, when the word ends with `kk`,
/// `dd` or `tt`.
fn undouble<L: Letter>(word: &mut Vec<L>, regions: &mut [&mut usize]) {
    if UNDOUBLE.first_ending(word).is_some() {
        chop(word, 1);
        for r in regions.iter_mut() {
            chop_region(r, 1);
        }
    }
}

pub fn stem<L: Letter>(word: &mut Vec<L>) -> Result<(), IndexError> {
    let mut step2_success = false;

    // Vowel accents are removed.
    ACCENTS.apply(word);

    // An initial 'y', a 'y' after a vowel, and an 'i' between vowels are put
    // into upper case, left to right over the letters already marked.
    let (y, i_) = (L::from_ascii(b'y'), L::from_ascii(b'i'));
    if word.first() == Some(&y) {
        word[0] = L::from_ascii(b'Y');
    }
    for i in 1..word.len() {
        if word[i] == y && VOWELS.has(word[i - 1].code()) {
            word[i] = L::from_ascii(b'Y');
        }
    }
    for i in 1..word.len().saturating_sub(1) {
        if word[i] == i_ && VOWELS.has(word[i - 1].code()) && VOWELS.has(word[i + 1].code()) {
            word[i] = L::from_ascii(b'I');
        }
    }

    let (mut r1, mut r2) = r1r2_adjusted(word, &VOWELS);

    // STEP 1
    if let Some(suffix) = STEP1_SUFFIXES.first_ending(region(word, r1)) {
        let n = len(suffix) as isize;
        if suffix == "heden" {
            suffix_replace(word, suffix, "heid");
            replace_region(&mut r1, 5, 4);
            // R2 is left as it was when it does not end with "heden": then
            // it is a shorter end of "heden" ("eden" at most), which ends
            // with no suffix that later steps test on R2 ("heid" and step
            // 3b's), and step 2, which would cut it, needs an R1 ending with
            // "e" where the word ends with "heid". An empty R2 does the same.
            if r2 >= 5 {
                replace_region(&mut r2, 5, 4);
            } else {
                r2 = 0;
            }
        } else if matches!(suffix, "ene" | "en")
            && !ends(word, "heden")
            && !VOWELS.has(at(word, -n - 1)?)
            && !eq(slice(word, -n - 3, -n), "gem")
        {
            chop_all(n as usize, word, &mut r1, &mut r2);
            undouble(word, &mut [&mut r1, &mut r2]);
        } else if matches!(suffix, "se" | "s")
            && !VOWELS.has(at(word, -n - 1)?)
            && at(word, -n - 1)? != u32::from('j')
        {
            chop_all(n as usize, word, &mut r1, &mut r2);
        }
    }

    // STEP 2
    if ends(region(word, r1), "e") && !VOWELS.has(at(word, -2)?) {
        step2_success = true;
        chop_all(1, word, &mut r1, &mut r2);
        undouble(word, &mut [&mut r1, &mut r2]);
    }

    // STEP 3a
    if ends(region(word, r2), "heid") && at(word, -5)? != u32::from('c') {
        chop_all(4, word, &mut r1, &mut r2);
        if ends(region(word, r1), "en")
            && !VOWELS.has(at(word, -3)?)
            && !eq(slice(word, -5, -2), "gem")
        {
            chop_all(2, word, &mut r1, &mut r2);
            undouble(word, &mut [&mut r1, &mut r2]);
        }
    }

    // STEP 3b: Derivational suffixes. Each branch reads one region at
    // most, so a region that one of them does not cut is not read again.
    if let Some(suffix) = STEP3B_SUFFIXES.first_ending(region(word, r2)) {
        match suffix {
            "end" | "ing" => {
                chop(word, 3);
                chop_region(&mut r2, 3);
                if ends(region(word, r2), "ig") && at(word, -3)? != u32::from('e') {
                    chop(word, 2);
                } else {
                    undouble(word, &mut []);
                }
            }
            "ig" if at(word, -3)? != u32::from('e') => chop(word, 2),
            "lijk" => {
                chop(word, 4);
                chop_region(&mut r1, 4);
                if ends(region(word, r1), "e") && !VOWELS.has(at(word, -2)?) {
                    chop(word, 1);
                    undouble(word, &mut []);
                }
            }
            "baar" => chop(word, 4),
            "bar" if step2_success => chop(word, 3),
            _ => {}
        }
    }

    // STEP 4: Undouble vowel
    if word.len() >= 4 {
        let last = word[word.len() - 1].code();
        if !VOWELS.has(last) && last != u32::from('I') {
            let pair = slice(word, -3, -1);
            if pair[0] == pair[1] && is_in(pair[0].code(), "aeou") && !VOWELS.has(at(word, -4)?) {
                // "".join((word[:-3], word[-3], word[-1]))
                let n = word.len();
                word.remove(n - 2);
            }
        }
    }

    // All occurrences of 'I' and 'Y' are put back into lower case.
    UNMARK.apply(word);
    Ok(())
}
