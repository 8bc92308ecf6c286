//! `nltk.stem.snowball.FrenchStemmer.stem`, after its `word.lower()` and
//! stop word test.
//!
//! Step 1 edits the word and leaves R1 and R2 (and mostly RV) as they were:
//! its tests `suffix in r2` look anywhere in the regions of the word as it
//! was marked, which is why the regions are strings of their own here.

use super::pystr::{
    at, chop, contains, ends, ends_any, eq, eq_any, from, is_in, len, push, rfind, slice, starts,
    suffix_replace, Letters, Stemmed, Suffixes, Translation,
};
use super::regions::{r1r2_standard_lengths, region};
use crate::stem::Word;

const VOWELS: Letters =
    Letters::of("aeiouy\u{e2}\u{e0}\u{eb}\u{e9}\u{ea}\u{e8}\u{ef}\u{ee}\u{f4}\u{fb}\u{f9}");
/// 'I', 'U' and 'Y' are put back into lower case.
const UNMARK: Translation<3> = Translation::new([('I', 'i'), ('U', 'u'), ('Y', 'y')]);
static STEP1_SUFFIXES: Suffixes<43> = Suffixes::new([
    "issements",
    "issement",
    "atrices",
    "atrice",
    "ateurs",
    "ations",
    "logies",
    "usions",
    "utions",
    "ements",
    "amment",
    "emment",
    "ances",
    "iqUes",
    "ismes",
    "ables",
    "istes",
    "ateur",
    "ation",
    "logie",
    "usion",
    "ution",
    "ences",
    "ement",
    "euses",
    "ments",
    "ance",
    "iqUe",
    "isme",
    "able",
    "iste",
    "ence",
    "it\u{e9}s",
    "ives",
    "eaux",
    "euse",
    "ment",
    "eux",
    "it\u{e9}",
    "ive",
    "ifs",
    "aux",
    "if",
]);
static STEP2A_SUFFIXES: Suffixes<35> = Suffixes::new([
    "issaIent",
    "issantes",
    "iraIent",
    "issante",
    "issants",
    "issions",
    "irions",
    "issais",
    "issait",
    "issant",
    "issent",
    "issiez",
    "issons",
    "irais",
    "irait",
    "irent",
    "iriez",
    "irons",
    "iront",
    "isses",
    "issez",
    "\u{ee}mes",
    "\u{ee}tes",
    "irai",
    "iras",
    "irez",
    "isse",
    "ies",
    "ira",
    "\u{ee}t",
    "ie",
    "ir",
    "is",
    "it",
    "i",
]);
static STEP2B_SUFFIXES: Suffixes<38> = Suffixes::new([
    "eraIent",
    "assions",
    "erions",
    "assent",
    "assiez",
    "\u{e8}rent",
    "erais",
    "erait",
    "eriez",
    "erons",
    "eront",
    "aIent",
    "antes",
    "asses",
    "ions",
    "erai",
    "eras",
    "erez",
    "\u{e2}mes",
    "\u{e2}tes",
    "ante",
    "ants",
    "asse",
    "\u{e9}es",
    "era",
    "iez",
    "ais",
    "ait",
    "ant",
    "\u{e9}e",
    "\u{e9}s",
    "er",
    "ez",
    "\u{e2}t",
    "ai",
    "as",
    "\u{e9}",
    "a",
]);
/// Step 2b's suffixes deleted from the word alone.
const STEP2B_DELETE: [&str; 19] = [
    "eraIent",
    "erions",
    "\u{e8}rent",
    "erais",
    "erait",
    "eriez",
    "erons",
    "eront",
    "erai",
    "eras",
    "erez",
    "\u{e9}es",
    "era",
    "iez",
    "\u{e9}e",
    "\u{e9}s",
    "er",
    "ez",
    "\u{e9}",
];
/// Step 2b's suffixes deleted from the word and RV, with an `e` before them.
const STEP2B_DELETE_WITH_E: [&str; 18] = [
    "assions",
    "assent",
    "assiez",
    "aIent",
    "antes",
    "asses",
    "\u{e2}mes",
    "\u{e2}tes",
    "ante",
    "ants",
    "asse",
    "ais",
    "ait",
    "ant",
    "\u{e2}t",
    "ai",
    "as",
    "a",
];
static STEP4_SUFFIXES: Suffixes<7> =
    Suffixes::new(["i\u{e8}re", "I\u{e8}re", "ion", "ier", "Ier", "e", "\u{eb}"]);

/// `word[:-2] + "iqU"`, step 1's `ic` outside R2.
fn ic_to_iqu(word: &mut Word) {
    chop(word, 2);
    push(word, "iqU");
}

/// NLTK's `__rv_french`: after the third letter if the word starts with two
/// vowels or with `par`, `col` or `tap`; else after the first vowel that is
/// not the first letter.
fn rv_french(word: &[u32]) -> Word {
    if word.len() < 2 {
        return Word::new();
    }
    if ["par", "col", "tap"].iter().any(|p| starts(word, p))
        || (VOWELS.has(word[0]) && VOWELS.has(word[1]))
    {
        return from(word, 3).to_vec();
    }
    (1..word.len())
        .find(|&i| VOWELS.has(word[i]))
        .map_or_else(Word::new, |i| word[i + 1..].to_vec())
}

pub fn stem(mut word: Word) -> Stemmed {
    let mut step1_success = false;
    let mut rv_ending_found = false;
    let mut step2a_success = false;
    let mut step2b_success = false;

    // Every 'u' after 'q' is put into upper case; then every 'u' and 'i'
    // between vowels, and every 'y' before or after one, left to right over
    // the letters already marked.
    for i in 1..word.len() {
        if word[i - 1] == u32::from('q') && word[i] == u32::from('u') {
            word[i] = u32::from('U');
        }
    }
    // (The letter is tested first: it is seldom a 'u', 'i' or 'y'.)
    for i in 1..word.len().saturating_sub(1) {
        let letter = word[i];
        if !matches!(letter, 0x75 | 0x69 | 0x79) {
            continue;
        }
        let (before, after) = (VOWELS.has(word[i - 1]), VOWELS.has(word[i + 1]));
        if before && after {
            if letter == u32::from('u') {
                word[i] = u32::from('U');
            } else if letter == u32::from('i') {
                word[i] = u32::from('I');
            }
        }
        if (before || after) && letter == u32::from('y') {
            word[i] = u32::from('Y');
        }
    }

    // R1 and R2 are only read, never edited: the ends of one copy of the
    // marked word.
    let marked = word.clone();
    let (r1, r2) = r1r2_standard_lengths(&marked, &VOWELS);
    let (r1, r2) = (region(&marked, r1), region(&marked, r2));
    let mut rv = rv_french(&word);

    // STEP 1: Standard suffix removal
    if let Some(suffix) = STEP1_SUFFIXES.first_ending(&word) {
        let n = len(suffix);
        let in_r1 = contains(r1, suffix);
        let in_r2 = contains(r2, suffix);
        let in_rv = contains(&rv, suffix);
        if suffix == "eaux" {
            chop(&mut word, 1);
            step1_success = true;
        } else if matches!(suffix, "euse" | "euses") {
            if in_r2 {
                chop(&mut word, n);
                step1_success = true;
            } else if in_r1 {
                suffix_replace(&mut word, suffix, "eux");
                step1_success = true;
            }
        } else if matches!(suffix, "ement" | "ements") && in_rv {
            chop(&mut word, n);
            step1_success = true;
            if eq(from(&word, -2), "iv") && contains(r2, "iv") {
                chop(&mut word, 2);
                if eq(from(&word, -2), "at") && contains(r2, "at") {
                    chop(&mut word, 2);
                }
            } else if eq(from(&word, -3), "eus") {
                if contains(r2, "eus") {
                    chop(&mut word, 3);
                } else if contains(r1, "eus") {
                    chop(&mut word, 1);
                    push(&mut word, "x");
                }
            } else if eq_any(from(&word, -3), &["abl", "iqU"]) {
                if contains(r2, "abl") || contains(r2, "iqU") {
                    chop(&mut word, 3);
                }
            } else if eq_any(from(&word, -3), &["i\u{e8}r", "I\u{e8}r"])
                && (contains(&rv, "i\u{e8}r") || contains(&rv, "I\u{e8}r"))
            {
                chop(&mut word, 3);
                push(&mut word, "i");
            }
        } else if suffix == "amment" && in_rv {
            suffix_replace(&mut word, "amment", "ant");
            suffix_replace(&mut rv, "amment", "ant");
            rv_ending_found = true;
        } else if suffix == "emment" && in_rv {
            // RV is left as it was.
            suffix_replace(&mut word, "emment", "ent");
            rv_ending_found = true;
        } else if matches!(suffix, "ment" | "ments")
            && in_rv
            && !starts(&rv, suffix)
            && VOWELS.has(vowel_before_last(&rv, suffix)?)
        {
            chop(&mut word, n);
            chop(&mut rv, n);
            rv_ending_found = true;
        } else if suffix == "aux" && in_r1 {
            chop(&mut word, 2);
            push(&mut word, "l");
            step1_success = true;
        } else if matches!(suffix, "issement" | "issements")
            && in_r1
            && !VOWELS.has(at(&word, -(n as isize) - 1)?)
        {
            chop(&mut word, n);
            step1_success = true;
        } else if matches!(
            suffix,
            "ance"
                | "iqUe"
                | "isme"
                | "able"
                | "iste"
                | "eux"
                | "ances"
                | "iqUes"
                | "ismes"
                | "ables"
                | "istes"
        ) && in_r2
        {
            chop(&mut word, n);
            step1_success = true;
        } else if matches!(
            suffix,
            "atrice" | "ateur" | "ation" | "atrices" | "ateurs" | "ations"
        ) && in_r2
        {
            chop(&mut word, n);
            step1_success = true;
            if eq(from(&word, -2), "ic") {
                if contains(r2, "ic") {
                    chop(&mut word, 2);
                } else {
                    ic_to_iqu(&mut word);
                }
            }
        } else if matches!(suffix, "logie" | "logies") && in_r2 {
            suffix_replace(&mut word, suffix, "log");
            step1_success = true;
        } else if matches!(suffix, "usion" | "ution" | "usions" | "utions") && in_r2 {
            suffix_replace(&mut word, suffix, "u");
            step1_success = true;
        } else if matches!(suffix, "ence" | "ences") && in_r2 {
            suffix_replace(&mut word, suffix, "ent");
            step1_success = true;
        } else if matches!(suffix, "it\u{e9}" | "it\u{e9}s") && in_r2 {
            chop(&mut word, n);
            step1_success = true;
            if eq(from(&word, -4), "abil") {
                if contains(r2, "abil") {
                    chop(&mut word, 4);
                } else {
                    chop(&mut word, 2);
                    push(&mut word, "l");
                }
            } else if eq(from(&word, -2), "ic") {
                if contains(r2, "ic") {
                    chop(&mut word, 2);
                } else {
                    ic_to_iqu(&mut word);
                }
            } else if eq(from(&word, -2), "iv") && contains(r2, "iv") {
                chop(&mut word, 2);
            }
        } else if matches!(suffix, "if" | "ive" | "ifs" | "ives") && in_r2 {
            chop(&mut word, n);
            step1_success = true;
            if eq(from(&word, -2), "at") && contains(r2, "at") {
                chop(&mut word, 2);
                if eq(from(&word, -2), "ic") {
                    if contains(r2, "ic") {
                        chop(&mut word, 2);
                    } else {
                        ic_to_iqu(&mut word);
                    }
                }
            }
        }
    }

    // STEP 2a: Verb suffixes beginning 'i'
    if !step1_success || rv_ending_found {
        if let Some(suffix) = STEP2A_SUFFIXES.first_ending(&word) {
            // `rv[rv.rindex(suffix) - 1]`: index -1, the last letter, when
            // RV starts with the suffix.
            if contains(&rv, suffix)
                && rv.len() > len(suffix)
                && !VOWELS.has(vowel_before_last(&rv, suffix)?)
            {
                chop(&mut word, len(suffix));
                step2a_success = true;
            }
        }

        // STEP 2b: Other verb suffixes
        if !step2a_success {
            if let Some(suffix) = STEP2B_SUFFIXES.first_ending(&rv) {
                let n = len(suffix);
                if suffix == "ions" && contains(r2, "ions") {
                    chop(&mut word, 4);
                    step2b_success = true;
                } else if STEP2B_DELETE.contains(&suffix) {
                    chop(&mut word, n);
                    step2b_success = true;
                } else if STEP2B_DELETE_WITH_E.contains(&suffix) {
                    chop(&mut word, n);
                    chop(&mut rv, n);
                    step2b_success = true;
                    if ends(&rv, "e") {
                        chop(&mut word, 1);
                    }
                }
            }
        }
    }

    if step1_success || step2a_success || step2b_success {
        // STEP 3
        let last = at(&word, -1)?;
        if last == u32::from('Y') || last == 0xE7 {
            chop(&mut word, 1);
            push(&mut word, if last == u32::from('Y') { "i" } else { "c" });
        }
    } else {
        // STEP 4: Residual suffixes
        if word.len() >= 2
            && word[word.len() - 1] == u32::from('s')
            && !is_in(word[word.len() - 2], "aiou\u{e8}s")
        {
            chop(&mut word, 1);
        }
        // A suffix of the word that is not in RV lets the next be tried.
        for suffix in STEP4_SUFFIXES.ending(&word) {
            if !(contains(&rv, suffix.text)) {
                continue;
            }
            let suffix = suffix.text;
            if suffix == "ion" && contains(r2, suffix) && is_in(at(&rv, -4)?, "st") {
                chop(&mut word, 3);
            } else if matches!(suffix, "ier" | "i\u{e8}re" | "Ier" | "I\u{e8}re") {
                suffix_replace(&mut word, suffix, "i");
            } else if suffix == "e" {
                chop(&mut word, 1);
            } else if suffix == "\u{eb}" && eq(slice(&word, -3, -1), "gu") {
                chop(&mut word, 1);
            }
            break;
        }
    }

    // STEP 5: Undouble
    if ends_any(&word, &["enn", "onn", "ett", "ell", "eill"]) {
        chop(&mut word, 1);
    }

    // STEP 6: Un-accent: the last vowel, if it is not the last letter (nor
    // the first), loses its acute or grave accent.
    let n = word.len();
    if let Some(i) = (1..n).find(|&i| VOWELS.has(word[n - i])) {
        if i != 1 && matches!(word[n - i], 0xE9 | 0xE8) {
            word[n - i] = u32::from('e');
        }
    }

    UNMARK.apply(&mut word);
    Ok(word)
}

/// `rv[rv.rindex(suffix) - 1]` for a suffix that is in RV.
fn vowel_before_last(rv: &[u32], suffix: &str) -> Result<u32, super::pystr::IndexError> {
    let i = rfind(rv, suffix).map_or(0, |i| i as isize);
    at(rv, i - 1)
}
