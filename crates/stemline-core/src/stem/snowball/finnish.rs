//! `nltk.stem.snowball.FinnishStemmer.stem`, after its `word.lower()` and
//! stop word test, on the word in place.
//!
//! R1 and R2 are kept as their lengths ([`region`]): every step cuts the
//! same letters off the word and the regions, but for two places, where
//! NLTK's regions part from the word and nothing that follows can tell:
//!
//! * Step 2's `"ni"` turns a final `kse` into `ksi` in the word and in each
//!   region that ends with `kse`. A region of fewer than three letters keeps
//!   its `e` (or `se`) where the word now has `i` (or `si`). If R1 is that
//!   short, no suffix of step 3 or 4 ends with `e`, `se`, `i` or `si`
//!   (nor does step 5's `t`), and step 6 tests R1's last two letters only as
//!   a consonant and a letter of `a\xe4ei`, true of both `se` and `si`, which
//!   then become the same `s`. If only R2 is that short, R1 ends with `ksi`,
//!   which step 3 removes from every string (no earlier suffix of its list
//!   ends with `i`), R2's differing letters with it.
//! * Step 5 cuts the word and R1 but not R2 (or the word and R1 after R2 has
//!   been tested), and nothing reads R2 after step 5.
//!
//! No index of the word falls outside it (NLTK's `IndexError`): R1 begins
//! after a vowel and a consonant, so the word has at least two letters more
//! than R1 (an invariant of cutting both alike while R1 is not empty), and
//! every `word[-k]` is read where R1 ends with at least `k - 2` letters.

use super::pystr::{
    at, chop, contains, ends, ends_any, eq, eq_any, from, is_in, slice, IndexError, Letters,
    Suffixes,
};
use super::regions::{chop_all, chop_region, r1r2_standard_lengths, region};
use crate::stem::letter::Letter;

const VOWELS: Letters = Letters::of("aeiouy\u{e4}\u{f6}");
const RESTRICTED_VOWELS: Letters = Letters::of("aeiou\u{e4}\u{f6}");
/// NLTK's `__consonants`, whose letters doubled are also its
/// `__double_consonants`.
const CONSONANTS: Letters = Letters::of("bcdfghjklmnpqrstvwxz");
/// The letters before which step 1 removes a particle.
const STEP1_BEFORE: Letters = Letters::of("ntaeiouy\u{e4}\u{f6}");
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

/// `s in self.__long_vowels` (`aa ee ii oo uu ää öö`): a restricted vowel,
/// doubled.
#[inline]
fn is_long_vowel<L: Letter>(s: &[L]) -> bool {
    matches!(s, [a, b] if a == b && RESTRICTED_VOWELS.has(a.code()))
}

pub fn stem<L: Letter>(word: &mut Vec<L>) -> Result<(), IndexError> {
    let mut step3_success = false;
    let (mut r1, mut r2) = r1r2_standard_lengths(word, &VOWELS);

    // STEP 1: Particles etc.
    if let Some(suffix) = STEP1_SUFFIXES.first(region(word, r1)) {
        let n = suffix.len();
        if suffix.text == "sti" {
            // `suffix in r2`: anywhere in R2, not only at its end.
            if contains(region(word, r2), suffix.text) {
                chop_all(3, word, &mut r1, &mut r2);
            }
        } else if STEP1_BEFORE.has(at(word, -(n as isize) - 1)?) {
            chop_all(n, word, &mut r1, &mut r2);
        }
    }

    // STEP 2: Possessives
    if let Some(suffix) = STEP2_SUFFIXES.first_ending(region(word, r1)) {
        match suffix {
            "si" => {
                if at(word, -3)? != u32::from('k') {
                    chop_all(2, word, &mut r1, &mut r2);
                }
            }
            "ni" => {
                chop_all(2, word, &mut r1, &mut r2);
                // `kse` to `ksi` in the word, and so in the regions (see
                // the module's comment for those too short to end with it).
                if ends(word, "kse") {
                    let last = word.len() - 1;
                    word[last] = L::from_ascii(b'i');
                }
            }
            "an" => {
                if eq_any(slice(word, -4, -2), &["ta", "na"])
                    || eq_any(slice(word, -5, -2), &["ssa", "sta", "lla", "lta"])
                {
                    chop_all(2, word, &mut r1, &mut r2);
                }
            }
            "\u{e4}n" => {
                if eq_any(slice(word, -4, -2), &["t\u{e4}", "n\u{e4}"])
                    || eq_any(
                        slice(word, -5, -2),
                        &["ss\u{e4}", "st\u{e4}", "ll\u{e4}", "lt\u{e4}"],
                    )
                {
                    chop_all(2, word, &mut r1, &mut r2);
                }
            }
            "en" => {
                if eq_any(slice(word, -5, -2), &["lle", "ine"]) {
                    chop_all(2, word, &mut r1, &mut r2);
                }
            }
            _ => chop_all(3, word, &mut r1, &mut r2),
        }
    }

    // STEP 3: Cases. A suffix whose condition fails here lets the next
    // suffix of the list be tried (NLTK's `continue`); every other suffix
    // ends the step (`break`).
    for suffix in STEP3_SUFFIXES.ending(region(word, r1)) {
        let n = suffix.len();
        match suffix.text {
            "han" | "hen" | "hin" | "hon" | "h\u{e4}n" | "h\u{f6}n" => {
                if at(word, -4)? == suffix.letter(1) {
                    chop_all(3, word, &mut r1, &mut r2);
                    step3_success = true;
                }
            }
            "siin" | "den" | "tten" => {
                let m = n as isize;
                if at(word, -m - 1)? == u32::from('i') && RESTRICTED_VOWELS.has(at(word, -m - 2)?) {
                    chop_all(n, word, &mut r1, &mut r2);
                    step3_success = true;
                } else {
                    continue;
                }
            }
            "seen" => {
                if is_long_vowel(slice(word, -6, -4)) {
                    chop_all(4, word, &mut r1, &mut r2);
                    step3_success = true;
                } else {
                    continue;
                }
            }
            "a" | "\u{e4}" => {
                if VOWELS.has(at(word, -2)?) && CONSONANTS.has(at(word, -3)?) {
                    chop_all(1, word, &mut r1, &mut r2);
                    step3_success = true;
                }
            }
            "tta" | "tt\u{e4}" => {
                if at(word, -4)? == u32::from('e') {
                    chop_all(3, word, &mut r1, &mut r2);
                    step3_success = true;
                }
            }
            "n" => {
                chop_all(1, word, &mut r1, &mut r2);
                step3_success = true;
                let last_two = from(word, -2);
                if eq(last_two, "ie") || is_long_vowel(last_two) {
                    chop_all(1, word, &mut r1, &mut r2);
                }
            }
            _ => {
                chop_all(n, word, &mut r1, &mut r2);
                step3_success = true;
            }
        }
        break;
    }

    // STEP 4: Other endings
    if let Some(suffix) = STEP4_SUFFIXES.first(region(word, r2)) {
        if matches!(
            suffix.text,
            "mpi" | "mpa" | "mp\u{e4}" | "mmi" | "mma" | "mm\u{e4}"
        ) {
            if !eq(slice(word, -5, -3), "po") {
                chop_all(3, word, &mut r1, &mut r2);
            }
        } else {
            chop_all(suffix.len(), word, &mut r1, &mut r2);
        }
    }

    // STEP 5: Plurals. R2 is read no more once the word is cut and it is
    // not.
    let r1_last = |word: &[L], r1: usize, k: usize| (r1 >= k).then(|| word[word.len() - k].code());
    if step3_success && r1_last(word, r1, 1).is_some_and(|c| is_in(c, "ij")) {
        chop(word, 1);
        chop_region(&mut r1, 1);
    } else if !step3_success
        && r1_last(word, r1, 1) == Some(u32::from('t'))
        && r1_last(word, r1, 2).is_some_and(|c| VOWELS.has(c))
    {
        chop_all(1, word, &mut r1, &mut r2);
        if ends(region(word, r2), "imma") {
            chop(word, 4);
            chop_region(&mut r1, 4);
        } else if ends(region(word, r2), "mma") && !eq(slice(region(word, r2), -5, -3), "po") {
            chop(word, 3);
            chop_region(&mut r1, 3);
        }
    }

    // STEP 6: Tidying up
    if is_long_vowel(from(region(word, r1), -2)) {
        chop(word, 1);
        chop_region(&mut r1, 1);
    }
    if r1_last(word, r1, 2).is_some_and(|c| CONSONANTS.has(c))
        && r1_last(word, r1, 1).is_some_and(|c| is_in(c, "a\u{e4}ei"))
    {
        chop(word, 1);
        chop_region(&mut r1, 1);
    }
    if ends_any(region(word, r1), &["oj", "uj"]) {
        chop(word, 1);
        chop_region(&mut r1, 1);
    }
    if ends(region(word, r1), "jo") {
        chop(word, 1);
    }

    // If the word ends with a double consonant followed by zero or more
    // vowels, the last consonant is removed.
    let n = word.len();
    if let Some(i) = (1..n).find(|&i| !VOWELS.has(word[n - i].code())) {
        // word[-i - 1:-i + 1], the consonant and the letter before it, in
        // `__double_consonants`.
        if word[n - i - 1] == word[n - i] && CONSONANTS.has(word[n - i].code()) {
            word.remove(n - i);
        }
    }
    Ok(())
}
