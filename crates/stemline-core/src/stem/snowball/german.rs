//! `nltk.stem.snowball.GermanStemmer.stem`, after its `word.lower()` and
//! stop word test, on the word in place.
//!
//! R1 and R2 are kept as their lengths ([`region`]): steps 1 and 2 cut the
//! same letters off the word and both regions, and step 3 cuts the word
//! alone after its last reading of a region.

use super::pystr::{
    at, chop, contains, eq, replace, slice, IndexError, Letters, Suffixes, Translation,
};
use super::regions::{chop_all, r1r2_adjusted, region, upper_between_vowels};
use crate::stem::letter::Letter;

const VOWELS: Letters = Letters::of("aeiouy\u{e4}\u{f6}\u{fc}");
const S_ENDING: Letters = Letters::of("bdfghklmnrt");
const ST_ENDING: Letters = Letters::of("bdfghklmnt");
/// Umlaut accents removed, 'u' and 'y' back in lower case.
const UNMARK: Translation<5> = Translation::new([
    ('\u{e4}', 'a'),
    ('\u{f6}', 'o'),
    ('\u{fc}', 'u'),
    ('U', 'u'),
    ('Y', 'y'),
]);
static STEP1_SUFFIXES: Suffixes<7> = Suffixes::new(["ern", "em", "er", "en", "es", "e", "s"]);
static STEP2_SUFFIXES: Suffixes<4> = Suffixes::new(["est", "en", "er", "st"]);
static STEP3_SUFFIXES: Suffixes<8> =
    Suffixes::new(["isch", "lich", "heit", "keit", "end", "ung", "ig", "ik"]);

pub fn stem<L: Letter>(word: &mut Vec<L>) -> Result<(), IndexError> {
    replace(word, "\u{df}", "ss");

    // Every 'u' and 'y' between vowels is put into upper case, left to right
    // over the letters already marked.
    upper_between_vowels(word, &VOWELS, *b"uy");

    let (mut r1, mut r2) = r1r2_adjusted(word, &VOWELS);

    // STEP 1
    if let Some(suffix) = STEP1_SUFFIXES.first(region(word, r1)) {
        let n = suffix.len();
        let m = n as isize;
        if matches!(suffix.text, "en" | "es" | "e") && eq(slice(word, -m - 4, -m), "niss") {
            chop_all(n + 1, word, &mut r1, &mut r2);
        } else if suffix.text == "s" {
            if S_ENDING.has(at(word, -2)?) {
                chop_all(1, word, &mut r1, &mut r2);
            }
        } else {
            chop_all(n, word, &mut r1, &mut r2);
        }
    }

    // STEP 2
    if let Some(suffix) = STEP2_SUFFIXES.first(region(word, r1)) {
        if suffix.text == "st" {
            if ST_ENDING.has(at(word, -3)?) && word.len().saturating_sub(3) >= 3 {
                chop_all(2, word, &mut r1, &mut r2);
            }
        } else {
            chop_all(suffix.len(), word, &mut r1, &mut r2);
        }
    }

    // STEP 3: Derivational tested in the letters of R2 (or R1)
    // before the suffix.
    if let Some(suffix) = STEP3_SUFFIXES.first(region(word, r2)) {
        let n = suffix.len();
        let m = n as isize;
        // How many letters NLTK cuts off the word (`word = word[:-cut]`),
        // decided on the regions before the word is cut.
        let (r1, r2) = (region(word, r1), region(word, r2));
        let cut = match suffix.text {
            "end" | "ung" => {
                if contains(slice(r2, -m - 2, -m), "ig")
                    && !contains(slice(r2, -m - 3, -m - 2), "e")
                {
                    n + 2
                } else {
                    n
                }
            }
            "ig" | "ik" | "isch" if !contains(slice(r2, -m - 1, -m), "e") => n,
            "lich" | "heit" => {
                let before = slice(r1, -m - 2, -m);
                if contains(before, "er") || contains(before, "en") {
                    n + 2
                } else {
                    n
                }
            }
            "keit" => {
                if contains(slice(r2, -m - 4, -m), "lich") {
                    n + 4
                } else if contains(slice(r2, -m - 2, -m), "ig") {
                    n + 2
                } else {
                    n
                }
            }
            _ => 0,
        };
        if cut > 0 {
            chop(word, cut);
        }
    }

    // Umlaut accents are removed and 'u' and 'y' are put back into lower case.
    UNMARK.apply(word);
    Ok(())
}
