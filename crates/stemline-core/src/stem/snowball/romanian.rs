//! `nltk.stem.snowball.RomanianStemmer.stem`, after its `word.lower()` and
//! stop word test.
//!
//! NLTK writes `ţ` and `ş` with a cedilla (U+0163, U+015F); the same letters
//! with a comma below (U+021B, U+0219) match none of its suffixes.

use super::pystr::{
    at, chop, contains, ends, eq, find, is_in, len, push, slice, starts, suffix_replace,
    IndexError, Letters, Stemmed, Suffixes, Translation,
};
use super::regions::{r1r2_standard, rv_standard, upper_between_vowels};
use crate::stem::Word;

const VOWELS: Letters = Letters::of("aeiou\u{103}\u{e2}\u{ee}");
/// 'I' and 'U' back in lower case.
const UNMARK: Translation<2> = Translation::new([('I', 'i'), ('U', 'u')]);
static STEP0_SUFFIXES: Suffixes<16> = Suffixes::new([
    "iilor",
    "ului",
    "elor",
    "iile",
    "ilor",
    "atei",
    "a\u{163}ie",
    "a\u{163}ia",
    "aua",
    "ele",
    "iua",
    "iei",
    "ile",
    "ul",
    "ea",
    "ii",
]);
static STEP1_SUFFIXES: Suffixes<46> = Suffixes::new([
    "abilitate",
    "abilitati",
    "abilit\u{103}\u{163}i",
    "ibilitate",
    "abilit\u{103}i",
    "ivitate",
    "ivitati",
    "ivit\u{103}\u{163}i",
    "icitate",
    "icitati",
    "icit\u{103}\u{163}i",
    "icatori",
    "ivit\u{103}i",
    "icit\u{103}i",
    "icator",
    "a\u{163}iune",
    "atoare",
    "\u{103}toare",
    "i\u{163}iune",
    "itoare",
    "iciva",
    "icive",
    "icivi",
    "iciv\u{103}",
    "icala",
    "icale",
    "icali",
    "ical\u{103}",
    "ativa",
    "ative",
    "ativi",
    "ativ\u{103}",
    "atori",
    "\u{103}tori",
    "itiva",
    "itive",
    "itivi",
    "itiv\u{103}",
    "itori",
    "iciv",
    "ical",
    "ativ",
    "ator",
    "\u{103}tor",
    "itiv",
    "itor",
]);
static STEP2_SUFFIXES: Suffixes<62> = Suffixes::new([
    "abila",
    "abile",
    "abili",
    "abil\u{103}",
    "ibila",
    "ibile",
    "ibili",
    "ibil\u{103}",
    "atori",
    "itate",
    "itati",
    "it\u{103}\u{163}i",
    "abil",
    "ibil",
    "oasa",
    "oas\u{103}",
    "oase",
    "anta",
    "ante",
    "anti",
    "ant\u{103}",
    "ator",
    "it\u{103}i",
    "iune",
    "iuni",
    "isme",
    "ista",
    "iste",
    "isti",
    "ist\u{103}",
    "i\u{15f}ti",
    "ata",
    "at\u{103}",
    "ati",
    "ate",
    "uta",
    "ut\u{103}",
    "uti",
    "ute",
    "ita",
    "it\u{103}",
    "iti",
    "ite",
    "ica",
    "ice",
    "ici",
    "ic\u{103}",
    "osi",
    "o\u{15f}i",
    "ant",
    "iva",
    "ive",
    "ivi",
    "iv\u{103}",
    "ism",
    "ist",
    "at",
    "ut",
    "it",
    "ic",
    "os",
    "iv",
]);
static STEP3_SUFFIXES: Suffixes<94> = Suffixes::new([
    "seser\u{103}\u{163}i",
    "aser\u{103}\u{163}i",
    "iser\u{103}\u{163}i",
    "\u{e2}ser\u{103}\u{163}i",
    "user\u{103}\u{163}i",
    "seser\u{103}m",
    "aser\u{103}m",
    "iser\u{103}m",
    "\u{e2}ser\u{103}m",
    "user\u{103}m",
    "ser\u{103}\u{163}i",
    "sese\u{15f}i",
    "seser\u{103}",
    "easc\u{103}",
    "ar\u{103}\u{163}i",
    "ur\u{103}\u{163}i",
    "ir\u{103}\u{163}i",
    "\u{e2}r\u{103}\u{163}i",
    "ase\u{15f}i",
    "aser\u{103}",
    "ise\u{15f}i",
    "iser\u{103}",
    "\u{e2}se\u{15f}i",
    "\u{e2}ser\u{103}",
    "use\u{15f}i",
    "user\u{103}",
    "ser\u{103}m",
    "sesem",
    "indu",
    "\u{e2}ndu",
    "eaz\u{103}",
    "e\u{15f}ti",
    "e\u{15f}te",
    "\u{103}\u{15f}ti",
    "\u{103}\u{15f}te",
    "ea\u{163}i",
    "ia\u{163}i",
    "ar\u{103}m",
    "ur\u{103}m",
    "ir\u{103}m",
    "\u{e2}r\u{103}m",
    "asem",
    "isem",
    "\u{e2}sem",
    "usem",
    "se\u{15f}i",
    "ser\u{103}",
    "sese",
    "are",
    "ere",
    "ire",
    "\u{e2}re",
    "ind",
    "\u{e2}nd",
    "eze",
    "ezi",
    "esc",
    "\u{103}sc",
    "eam",
    "eai",
    "eau",
    "iam",
    "iai",
    "iau",
    "a\u{15f}i",
    "ar\u{103}",
    "u\u{15f}i",
    "ur\u{103}",
    "i\u{15f}i",
    "ir\u{103}",
    "\u{e2}\u{15f}i",
    "\u{e2}r\u{103}",
    "ase",
    "ise",
    "\u{e2}se",
    "use",
    "a\u{163}i",
    "e\u{163}i",
    "i\u{163}i",
    "\u{e2}\u{163}i",
    "sei",
    "ez",
    "am",
    "ai",
    "au",
    "ea",
    "ia",
    "ui",
    "\u{e2}i",
    "\u{103}m",
    "em",
    "im",
    "\u{e2}m",
    "se",
]);
/// Step 3's suffixes deleted wherever they are in RV (with RV).
const STEP3_DELETE: [&str; 20] = [
    "seser\u{103}\u{163}i",
    "seser\u{103}m",
    "ser\u{103}\u{163}i",
    "sese\u{15f}i",
    "seser\u{103}",
    "ser\u{103}m",
    "sesem",
    "se\u{15f}i",
    "ser\u{103}",
    "sese",
    "a\u{163}i",
    "e\u{163}i",
    "i\u{163}i",
    "\u{e2}\u{163}i",
    "sei",
    "\u{103}m",
    "em",
    "im",
    "\u{e2}m",
    "se",
];

/// What step 1 makes of each of its suffixes.
fn step1_replacement(suffix: &str) -> Step1 {
    match suffix {
        "abilitate" | "abilitati" | "abilit\u{103}i" | "abilit\u{103}\u{163}i" => {
            Step1::Word("abil")
        }
        "ibilitate" => Step1::Chop5,
        "ivitate" | "ivitati" | "ivit\u{103}i" | "ivit\u{103}\u{163}i" => Step1::Word("iv"),
        "icitate"
        | "icitati"
        | "icit\u{103}i"
        | "icit\u{103}\u{163}i"
        | "icator"
        | "icatori"
        | "iciv"
        | "iciva"
        | "icive"
        | "icivi"
        | "iciv\u{103}"
        | "ical"
        | "icala"
        | "icale"
        | "icali"
        | "ical\u{103}" => Step1::Word("ic"),
        "ativ" | "ativa" | "ative" | "ativi" | "ativ\u{103}" | "a\u{163}iune" | "atoare"
        | "ator" | "atori" | "\u{103}toare" | "\u{103}tor" | "\u{103}tori" => {
            Step1::WordAndR2("at")
        }
        _ => Step1::WordAndR2("it"),
    }
}

enum Step1 {
    /// `suffix_replace(word, suffix, new)`.
    Word(&'static str),
    /// `word = word[:-5]` (`ibilitate` becomes `ibil`).
    Chop5,
    /// The same in the word, and in R2 if the suffix is anywhere in R2.
    WordAndR2(&'static str),
}

/// `rv[rv.index(suffix) - 1]` for a suffix that is in RV.
fn letter_before_first(rv: &[u32], suffix: &str) -> Result<u32, IndexError> {
    let i = find(rv, suffix).map_or(0, |i| i as isize);
    at(rv, i - 1)
}

pub fn stem(mut word: Word) -> Stemmed {
    let mut step1_success = false;
    let mut step2_success = false;

    // Every 'u' and 'i' between vowels is put into upper case, left to right
    // over the letters already marked.
    upper_between_vowels(&mut word, &VOWELS, *b"ui");

    let (r1, mut r2) = r1r2_standard(&word, &VOWELS);
    let mut rv = rv_standard(&word, &VOWELS);

    // STEP 0: Removal of plurals and other simplifications
    if let Some(suffix) = STEP0_SUFFIXES.first_ending(&word) {
        if contains(&r1, suffix) {
            let in_rv = contains(&rv, suffix);
            // The same in RV if the suffix is anywhere in it, else RV is empty.
            let replace_in_word_and_rv = |word: &mut Word, rv: &mut Word, new: &str| {
                suffix_replace(word, suffix, new);
                if in_rv {
                    suffix_replace(rv, suffix, new);
                } else {
                    rv.clear();
                }
            };
            if matches!(suffix, "ul" | "ului") {
                replace_in_word_and_rv(&mut word, &mut rv, "");
            } else if suffix == "aua"
                || suffix == "atei"
                || (suffix == "ile" && !eq(slice(&word, -5, -3), "ab"))
            {
                chop(&mut word, 2);
            } else if matches!(suffix, "ea" | "ele" | "elor") {
                replace_in_word_and_rv(&mut word, &mut rv, "e");
            } else if matches!(suffix, "ii" | "iua" | "iei" | "iile" | "iilor" | "ilor") {
                replace_in_word_and_rv(&mut word, &mut rv, "i");
            } else if matches!(suffix, "a\u{163}ie" | "a\u{163}ia") {
                chop(&mut word, 1);
            }
        }
    }

    // STEP 1: Reduction of combining again while a suffix of the
    // word is in R1 (the R1 of the word as it was marked). A suffix of the
    // word outside R1 ends the step and undoes its success.
    while let Some(suffix) = STEP1_SUFFIXES.first_ending(&word) {
        if !contains(&r1, suffix) {
            step1_success = false;
            break;
        }
        step1_success = true;
        match step1_replacement(suffix) {
            Step1::Word(new) => suffix_replace(&mut word, suffix, new),
            Step1::Chop5 => chop(&mut word, 5),
            Step1::WordAndR2(new) => {
                suffix_replace(&mut word, suffix, new);
                if contains(&r2, suffix) {
                    suffix_replace(&mut r2, suffix, new);
                }
            }
        }
    }

    // STEP 2: Removal of standard suffixes
    if let Some(suffix) = STEP2_SUFFIXES.first_ending(&word) {
        if contains(&r2, suffix) {
            step2_success = true;
            if matches!(suffix, "iune" | "iuni") {
                if at(&word, -5)? == 0x163 {
                    chop(&mut word, 5);
                    push(&mut word, "t");
                }
            } else if matches!(
                suffix,
                "ism" | "isme" | "ist" | "ista" | "iste" | "isti" | "ist\u{103}" | "i\u{15f}ti"
            ) {
                suffix_replace(&mut word, suffix, "ist");
            } else {
                chop(&mut word, len(suffix));
            }
        }
    }

    // STEP 3: Removal of verb suffixes. A suffix of the word that is not in
    // RV lets the next be tried.
    if !step1_success && !step2_success {
        for suffix in STEP3_SUFFIXES.ending(&word) {
            if !(contains(&rv, suffix.text)) {
                continue;
            }
            let suffix = suffix.text;
            if STEP3_DELETE.contains(&suffix) {
                chop(&mut word, len(suffix));
                chop(&mut rv, len(suffix));
            } else if !starts(&rv, suffix)
                && !is_in(letter_before_first(&rv, suffix)?, "aeio\u{103}\u{e2}\u{ee}")
            {
                chop(&mut word, len(suffix));
            }
            break;
        }
    }

    // STEP 4: Removal of final vowel
    if let Some(&suffix) = ["ie", "a", "e", "i", "\u{103}"]
        .iter()
        .find(|s| ends(&word, s))
    {
        if contains(&rv, suffix) {
            chop(&mut word, len(suffix));
        }
    }

    UNMARK.apply(&mut word);
    Ok(word)
}
