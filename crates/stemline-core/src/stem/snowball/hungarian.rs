//! `nltk.stem.snowball.HungarianStemmer.stem`, after its `word.lower()` and
//! stop word test.

use super::pystr::{
    at, chop, contains, ends, eq, find, len, push, slice, suffix_replace, Letters, Stemmed,
    Suffixes,
};
use crate::stem::Word;

/// NLTK's vowels, with `õ` and `û` where Hungarian writes `ő` and `ű`.
const VOWELS: Letters = Letters::of("aeiou\u{f6}\u{fc}\u{e1}\u{e9}\u{ed}\u{f3}\u{f5}\u{fa}\u{fb}");
const DIGRAPHS: [&str; 8] = ["cs", "dz", "dzs", "gy", "ly", "ny", "ty", "zs"];
const DOUBLE_CONSONANTS: [&str; 23] = [
    "bb", "cc", "ccs", "dd", "ff", "gg", "ggy", "jj", "kk", "ll", "lly", "mm", "nn", "nny", "pp",
    "rr", "ss", "ssz", "tt", "tty", "vv", "zz", "zzs",
];
static STEP1_SUFFIXES: Suffixes<2> = Suffixes::new(["al", "el"]);
static STEP2_SUFFIXES: Suffixes<44> = Suffixes::new([
    "k\u{e9}ppen",
    "onk\u{e9}nt",
    "enk\u{e9}nt",
    "ank\u{e9}nt",
    "k\u{e9}pp",
    "k\u{e9}nt",
    "ban",
    "ben",
    "nak",
    "nek",
    "val",
    "vel",
    "t\u{f3}l",
    "t\u{f5}l",
    "r\u{f3}l",
    "r\u{f5}l",
    "b\u{f3}l",
    "b\u{f5}l",
    "hoz",
    "hez",
    "h\u{f6}z",
    "n\u{e1}l",
    "n\u{e9}l",
    "\u{e9}rt",
    "kor",
    "ba",
    "be",
    "ra",
    "re",
    "ig",
    "at",
    "et",
    "ot",
    "\u{f6}t",
    "ul",
    "\u{fc}l",
    "v\u{e1}",
    "v\u{e9}",
    "en",
    "on",
    "an",
    "\u{f6}n",
    "n",
    "t",
]);
static STEP3_SUFFIXES: Suffixes<3> = Suffixes::new(["\u{e1}nk\u{e9}nt", "\u{e1}n", "\u{e9}n"]);
static STEP4_SUFFIXES: Suffixes<6> = Suffixes::new([
    "astul",
    "est\u{fc}l",
    "\u{e1}stul",
    "\u{e9}st\u{fc}l",
    "stul",
    "st\u{fc}l",
]);
const STEP5_SUFFIXES: [&str; 2] = ["\u{e1}", "\u{e9}"];
static STEP6_SUFFIXES: Suffixes<12> = Suffixes::new([
    "ok\u{e9}",
    "\u{f6}k\u{e9}",
    "ak\u{e9}",
    "ek\u{e9}",
    "\u{e1}k\u{e9}",
    "\u{e1}\u{e9}i",
    "\u{e9}k\u{e9}",
    "\u{e9}\u{e9}i",
    "k\u{e9}",
    "\u{e9}i",
    "\u{e9}\u{e9}",
    "\u{e9}",
]);
static STEP7_SUFFIXES: Suffixes<31> = Suffixes::new([
    "\u{e1}juk",
    "\u{e9}j\u{fc}k",
    "\u{fc}nk",
    "unk",
    "juk",
    "j\u{fc}k",
    "\u{e1}nk",
    "\u{e9}nk",
    "nk",
    "uk",
    "\u{fc}k",
    "em",
    "om",
    "am",
    "od",
    "ed",
    "ad",
    "\u{f6}d",
    "ja",
    "je",
    "\u{e1}m",
    "\u{e1}d",
    "\u{e9}m",
    "\u{e9}d",
    "m",
    "d",
    "a",
    "e",
    "o",
    "\u{e1}",
    "\u{e9}",
]);
static STEP8_SUFFIXES: Suffixes<42> = Suffixes::new([
    "jaitok",
    "jeitek",
    "jaink",
    "jeink",
    "aitok",
    "eitek",
    "\u{e1}itok",
    "\u{e9}itek",
    "jaim",
    "jeim",
    "jaid",
    "jeid",
    "eink",
    "aink",
    "itek",
    "jeik",
    "jaik",
    "\u{e1}ink",
    "\u{e9}ink",
    "aim",
    "eim",
    "aid",
    "eid",
    "jai",
    "jei",
    "ink",
    "aik",
    "eik",
    "\u{e1}im",
    "\u{e1}id",
    "\u{e1}ik",
    "\u{e9}im",
    "\u{e9}id",
    "\u{e9}ik",
    "im",
    "id",
    "ai",
    "ei",
    "ik",
    "\u{e1}i",
    "\u{e9}i",
    "i",
]);
static STEP9_SUFFIXES: Suffixes<7> =
    Suffixes::new(["\u{e1}k", "\u{e9}k", "\u{f6}k", "ok", "ek", "ak", "k"]);

/// Each of `word` and R1 becomes `s[:-cut] + s[-keep]`: a double consonant
/// before the last `cut - 1` letters loses one of its letters.
fn undouble(s: &mut Word, cut: usize, keep: isize) -> Result<(), super::pystr::IndexError> {
    let kept = at(s, keep)?;
    chop(s, cut);
    s.push(kept);
    Ok(())
}

/// Both `word` and R1 with `suffix` replaced by `new`.
fn replace_both(word: &mut Word, r1: &mut Word, suffix: &str, new: &str) {
    suffix_replace(word, suffix, new);
    suffix_replace(r1, suffix, new);
}

/// Steps 6 to 8: `suffix` becomes `a` if it is in `to_a`, `e` if in `to_e`,
/// and goes otherwise.
fn owned(word: &mut Word, r1: &mut Word, suffix: &str, to_a: &[&str], to_e: &[&str]) {
    if to_a.contains(&suffix) {
        replace_both(word, r1, suffix, "a");
    } else if to_e.contains(&suffix) {
        replace_both(word, r1, suffix, "e");
    } else {
        chop(word, len(suffix));
        chop(r1, len(suffix));
    }
}

/// NLTK's `__r1_hungarian`. After a vowel first, R1 follows the first
/// occurrence (anywhere in the word) of the last letter of the first digraph
/// found after the first letter, or else the first consonant; after a
/// consonant first, the first vowel.
fn r1_hungarian(word: &[u32]) -> Word {
    if VOWELS.has(word[0]) {
        for digraph in DIGRAPHS {
            if contains(&word[1..], digraph) {
                let last = &digraph[digraph.len() - 1..];
                let i = find(word, last).unwrap_or(0);
                return word[i + 1..].to_vec();
            }
        }
        (1..word.len())
            .find(|&i| !VOWELS.has(word[i]))
            .map_or_else(Word::new, |i| word[i + 1..].to_vec())
    } else {
        (1..word.len())
            .find(|&i| VOWELS.has(word[i]))
            .map_or_else(Word::new, |i| word[i + 1..].to_vec())
    }
}

pub fn stem(mut word: Word) -> Stemmed {
    // Guard against empty strings (NLTK's first test, before the stop words).
    if word.is_empty() {
        return Ok(word);
    }
    let mut r1 = r1_hungarian(&word);

    // STEP 1: Remove instrumental case
    if STEP1_SUFFIXES.first_ending(&r1).is_some() {
        for dc in DOUBLE_CONSONANTS {
            let n = len(dc) as isize;
            if eq(slice(&word, -2 - n, -2), dc) {
                undouble(&mut word, 4, -3)?;
                if eq(slice(&r1, -2 - n, -2), dc) {
                    undouble(&mut r1, 4, -3)?;
                }
                break;
            }
        }
    }

    // STEP 2: Remove frequent cases
    if let Some(suffix) = STEP2_SUFFIXES.first_ending(&word) {
        if ends(&r1, suffix) {
            chop(&mut word, len(suffix));
            chop(&mut r1, len(suffix));
            if ends(&r1, "\u{e1}") {
                chop(&mut word, 1);
                push(&mut word, "a");
                suffix_replace(&mut r1, "\u{e1}", "a");
            } else if ends(&r1, "\u{e9}") {
                chop(&mut word, 1);
                push(&mut word, "e");
                suffix_replace(&mut r1, "\u{e9}", "e");
            }
        }
    }

    // STEP 3: Remove special cases
    if let Some(suffix) = STEP3_SUFFIXES.first_ending(&r1) {
        let new = if suffix == "\u{e9}n" { "e" } else { "a" };
        replace_both(&mut word, &mut r1, suffix, new);
    }

    // STEP 4: Remove other cases
    if let Some(suffix) = STEP4_SUFFIXES.first_ending(&r1) {
        match suffix {
            "\u{e1}stul" => replace_both(&mut word, &mut r1, suffix, "a"),
            "\u{e9}st\u{fc}l" => replace_both(&mut word, &mut r1, suffix, "e"),
            _ => {
                chop(&mut word, len(suffix));
                chop(&mut r1, len(suffix));
            }
        }
    }

    // STEP 5: Remove factive case (each suffix tried in turn: no `break`)
    for suffix in STEP5_SUFFIXES {
        if ends(&r1, suffix) {
            for dc in DOUBLE_CONSONANTS {
                let n = len(dc) as isize;
                if eq(slice(&word, -1 - n, -1), dc) {
                    undouble(&mut word, 3, -2)?;
                    if eq(slice(&r1, -1 - n, -1), dc) {
                        undouble(&mut r1, 3, -2)?;
                    }
                    break;
                }
            }
        }
    }

    // STEP 6: Remove owned
    if let Some(suffix) = STEP6_SUFFIXES.first_ending(&r1) {
        owned(
            &mut word,
            &mut r1,
            suffix,
            &["\u{e1}k\u{e9}", "\u{e1}\u{e9}i"],
            &["\u{e9}k\u{e9}", "\u{e9}\u{e9}i", "\u{e9}\u{e9}"],
        );
    }

    // STEP 7: Remove singular owner suffixes
    if let Some(suffix) = STEP7_SUFFIXES.first_ending(&word) {
        if ends(&r1, suffix) {
            owned(
                &mut word,
                &mut r1,
                suffix,
                &["\u{e1}nk", "\u{e1}juk", "\u{e1}m", "\u{e1}d", "\u{e1}"],
                &["\u{e9}nk", "\u{e9}j\u{fc}k", "\u{e9}m", "\u{e9}d", "\u{e9}"],
            );
        }
    }

    // STEP 8: Remove plural owner suffixes
    if let Some(suffix) = STEP8_SUFFIXES.first_ending(&word) {
        if ends(&r1, suffix) {
            owned(
                &mut word,
                &mut r1,
                suffix,
                &[
                    "\u{e1}im",
                    "\u{e1}id",
                    "\u{e1}i",
                    "\u{e1}ink",
                    "\u{e1}itok",
                    "\u{e1}ik",
                ],
                &[
                    "\u{e9}im",
                    "\u{e9}id",
                    "\u{e9}i",
                    "\u{e9}ink",
                    "\u{e9}itek",
                    "\u{e9}ik",
                ],
            );
        }
    }

    // STEP 9: Remove plural suffixes
    if let Some(suffix) = STEP9_SUFFIXES.first_ending(&word) {
        if ends(&r1, suffix) {
            match suffix {
                "\u{e1}k" => suffix_replace(&mut word, suffix, "a"),
                "\u{e9}k" => suffix_replace(&mut word, suffix, "e"),
                _ => chop(&mut word, len(suffix)),
            }
        }
    }
    Ok(word)
}
