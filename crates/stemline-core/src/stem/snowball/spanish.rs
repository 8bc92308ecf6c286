//! `nltk.stem.snowball.SpanishStemmer.stem`, after its `word.lower()` and
//! stop word test, on the word in place.
//!
//! R1, R2 and RV are kept as their lengths ([`region`]). Where NLTK cuts
//! the word and not a region, that region is not read again (R1 after the
//! test of `amente`, R2 after step 1), but for two places, each said where
//! it is: step 1's `idad` tests R2 three times as it was, and step 2b may
//! cut a `u` off the word and not off an RV too short to end with `gu`.

use super::pystr::{
    chop, ends, ends_any, eq, len, slice, suffix_replace, until, IndexError, Letters, Suffixes,
    Translation,
};
use super::regions::{
    chop_region, r1r2_standard_lengths, region, replace_region, rv_standard_length,
};
use crate::stem::letter::Letter;

const VOWELS: Letters = Letters::of("aeiou\u{e1}\u{e9}\u{ed}\u{f3}\u{fa}\u{fc}");
static STEP0_SUFFIXES: Suffixes<13> = Suffixes::new([
    "selas", "selos", "sela", "selo", "las", "les", "los", "nos", "me", "se", "la", "le", "lo",
]);
static STEP1_SUFFIXES: Suffixes<48> = Suffixes::new([
    "amientos",
    "imientos",
    "amiento",
    "imiento",
    "acion",
    "aciones",
    "uciones",
    "ucion",
    "adoras",
    "adores",
    "ancias",
    "log\u{ed}as",
    "encias",
    "amente",
    "idades",
    "anzas",
    "ismos",
    "ables",
    "ibles",
    "istas",
    "adora",
    "aci\u{f3}n",
    "antes",
    "ancia",
    "log\u{ed}a",
    "uci\u{f3}n",
    "encia",
    "mente",
    "anza",
    "icos",
    "icas",
    "ismo",
    "able",
    "ible",
    "ista",
    "osos",
    "osas",
    "ador",
    "ante",
    "idad",
    "ivas",
    "ivos",
    "ico",
    "ica",
    "oso",
    "osa",
    "iva",
    "ivo",
]);
static STEP2A_SUFFIXES: Suffixes<12> = Suffixes::new([
    "yeron", "yendo", "yamos", "yais", "yan", "yen", "yas", "yes", "ya", "ye", "yo", "y\u{f3}",
]);
static STEP2B_SUFFIXES: Suffixes<96> = Suffixes::new([
    "ar\u{ed}amos",
    "er\u{ed}amos",
    "ir\u{ed}amos",
    "i\u{e9}ramos",
    "i\u{e9}semos",
    "ar\u{ed}ais",
    "aremos",
    "er\u{ed}ais",
    "eremos",
    "ir\u{ed}ais",
    "iremos",
    "ierais",
    "ieseis",
    "asteis",
    "isteis",
    "\u{e1}bamos",
    "\u{e1}ramos",
    "\u{e1}semos",
    "ar\u{ed}an",
    "ar\u{ed}as",
    "ar\u{e9}is",
    "er\u{ed}an",
    "er\u{ed}as",
    "er\u{e9}is",
    "ir\u{ed}an",
    "ir\u{ed}as",
    "ir\u{e9}is",
    "ieran",
    "iesen",
    "ieron",
    "iendo",
    "ieras",
    "ieses",
    "abais",
    "arais",
    "aseis",
    "\u{e9}amos",
    "ar\u{e1}n",
    "ar\u{e1}s",
    "ar\u{ed}a",
    "er\u{e1}n",
    "er\u{e1}s",
    "er\u{ed}a",
    "ir\u{e1}n",
    "ir\u{e1}s",
    "ir\u{ed}a",
    "iera",
    "iese",
    "aste",
    "iste",
    "aban",
    "aran",
    "asen",
    "aron",
    "ando",
    "abas",
    "adas",
    "idas",
    "aras",
    "ases",
    "\u{ed}ais",
    "ados",
    "idos",
    "amos",
    "imos",
    "emos",
    "ar\u{e1}",
    "ar\u{e9}",
    "er\u{e1}",
    "er\u{e9}",
    "ir\u{e1}",
    "ir\u{e9}",
    "aba",
    "ada",
    "ida",
    "ara",
    "ase",
    "\u{ed}an",
    "ado",
    "ido",
    "\u{ed}as",
    "\u{e1}is",
    "\u{e9}is",
    "\u{ed}a",
    "ad",
    "ed",
    "id",
    "an",
    "i\u{f3}",
    "ar",
    "er",
    "ir",
    "as",
    "\u{ed}s",
    "en",
    "es",
]);
static STEP3_SUFFIXES: Suffixes<8> =
    Suffixes::new(["os", "a", "e", "o", "\u{e1}", "\u{e9}", "\u{ed}", "\u{f3}"]);

/// NLTK's `__replace_accented`: á, é, í, ó, ú (not ü) lose their accent.
fn replace_accented<L: Letter>(s: &mut [L]) {
    ACCENTED.apply(s);
}

const ACCENTED: Translation<5> = Translation::new([
    ('\u{e1}', 'a'),
    ('\u{e9}', 'e'),
    ('\u{ed}', 'i'),
    ('\u{f3}', 'o'),
    ('\u{fa}', 'u'),
]);

/// What step 0's pronoun must follow in RV (but for `uyendo`).
static STEP0_BEFORE: Suffixes<10> = Suffixes::new([
    "ando",
    "\u{e1}ndo",
    "ar",
    "\u{e1}r",
    "er",
    "\u{e9}r",
    "iendo",
    "i\u{e9}ndo",
    "ir",
    "\u{ed}r",
]);

pub fn stem<L: Letter>(word: &mut Vec<L>) -> Result<(), IndexError> {
    let mut step1_success = false;
    let (mut r1, mut r2) = r1r2_standard_lengths(word, &VOWELS);
    let mut rv = rv_standard_length(word, &VOWELS);

    // STEP 0: Attached pronoun, the first suffix of both the word and RV.
    if let Some(suffix) = STEP0_SUFFIXES
        .ending(word)
        .find(|s| s.ends(region(word, rv)))
    {
        let m = suffix.len() as isize;
        let rv_before = until(region(word, rv), -m);
        if STEP0_BEFORE.first(rv_before).is_some()
            || (ends(rv_before, "yendo") && ends(until(word, -m), "uyendo"))
        {
            // The regions, ends of the word, lose their accents with it.
            chop(word, m as usize);
            for r in [&mut r1, &mut r2, &mut rv] {
                chop_region(r, m as usize);
            }
            replace_accented(word);
        }
    }

    // STEP 1: Standard suffix removal
    if let Some(suffix) = STEP1_SUFFIXES.first_ending(word) {
        let n = len(suffix);
        if suffix == "amente" && ends(region(word, r1), suffix) {
            step1_success = true;
            chop(word, 6);
            chop_region(&mut r2, 6);
            chop_region(&mut rv, 6);
            if ends(region(word, r2), "iv") {
                chop(word, 2);
                chop_region(&mut r2, 2);
                chop_region(&mut rv, 2);
                if ends(region(word, r2), "at") {
                    chop(word, 2);
                    chop_region(&mut rv, 2);
                }
            } else if ends_any(region(word, r2), &["os", "ic", "ad"]) {
                chop(word, 2);
                chop_region(&mut rv, 2);
            }
        } else if ends(region(word, r2), suffix) {
            step1_success = true;
            match suffix {
                "adora" | "ador" | "aci\u{f3}n" | "adoras" | "adores" | "acion" | "aciones"
                | "ante" | "antes" | "ancia" | "ancias" => {
                    chop(word, n);
                    chop_region(&mut r2, n);
                    chop_region(&mut rv, n);
                    if ends(region(word, r2), "ic") {
                        chop(word, 2);
                        chop_region(&mut rv, 2);
                    }
                }
                "log\u{ed}a" | "log\u{ed}as" => {
                    suffix_replace(word, suffix, "log");
                    replace_region(&mut rv, n, 3);
                }
                "uci\u{f3}n" | "uciones" | "ucion" => {
                    suffix_replace(word, suffix, "u");
                    replace_region(&mut rv, n, 1);
                }
                "encia" | "encias" => {
                    suffix_replace(word, suffix, "ente");
                    replace_region(&mut rv, n, 4);
                }
                "mente" => {
                    chop(word, n);
                    chop_region(&mut r2, n);
                    chop_region(&mut rv, n);
                    if ends_any(region(word, r2), &["ante", "able", "ible"]) {
                        chop(word, 4);
                        chop_region(&mut rv, 4);
                    }
                }
                "idad" | "idades" => {
                    chop(word, n);
                    chop_region(&mut r2, n);
                    chop_region(&mut rv, n);
                    // Each of the three in turn (no `break`), each tested on
                    // R2 as it is here, which the loop does not cut.
                    let r2_here = region(word, r2);
                    let cut: usize = ["abil", "ic", "iv"]
                        .into_iter()
                        .filter(|pre_suff| ends(r2_here, pre_suff))
                        .map(len)
                        .sum();
                    if cut > 0 {
                        chop(word, cut);
                        chop_region(&mut rv, cut);
                    }
                }
                "ivo" | "iva" | "ivos" | "ivas" => {
                    chop(word, n);
                    chop_region(&mut r2, n);
                    chop_region(&mut rv, n);
                    if ends(region(word, r2), "at") {
                        chop(word, 2);
                        chop_region(&mut rv, 2);
                    }
                }
                _ => {
                    chop(word, n);
                    chop_region(&mut rv, n);
                }
            }
        }
    }

    if !step1_success {
        // STEP 2a: Verb suffixes beginning 'y', after a 'u'.
        if let Some(n) = STEP2A_SUFFIXES
            .ending(region(word, rv))
            .map(|s| s.len())
            .find(|&n| eq(slice(word, -(n as isize) - 1, -(n as isize)), "u"))
        {
            chop(word, n);
            chop_region(&mut rv, n);
        }

        // STEP 2b: Other verb suffixes
        if let Some(suffix) = STEP2B_SUFFIXES.first_ending(region(word, rv)) {
            chop(word, len(suffix));
            chop_region(&mut rv, len(suffix));
            if matches!(suffix, "en" | "es" | "\u{e9}is" | "emos") {
                if ends(word, "gu") {
                    chop(word, 1);
                    // An RV too short to end with "gu" ("u" or empty) keeps
                    // its letters in NLTK, which only step 3 reads again,
                    // where no suffix ends with "u" (or is empty): an empty
                    // RV does the same.
                    if rv >= 2 {
                        chop_region(&mut rv, 1);
                    } else {
                        rv = 0;
                    }
                }
            }
        }
    }

    // STEP 3: Residual suffix
    if let Some(suffix) = STEP3_SUFFIXES.first_ending(region(word, rv)) {
        chop(word, len(suffix));
        if matches!(suffix, "e" | "\u{e9}") {
            chop_region(&mut rv, len(suffix));
            if ends(word, "gu") && ends(region(word, rv), "u") {
                chop(word, 1);
            }
        }
    }

    replace_accented(word);
    Ok(())
}
