//! `nltk.stem.snowball.PortugueseStemmer.stem`, after its `word.lower()` and
//! stop word test.
//!
//! NLTK spells `ã` and `õ` as `a~` and `o~` while it stems, and back at the
//! end: a `~` in the word itself goes through the same spelling.
//!
//! R1, R2 and RV are kept as their lengths ([`region`]): NLTK cuts RV with
//! the word and gives both the same new ending, and cuts R2 with the word
//! wherever R2 is read again (step 1 cuts the word and not R2 only where it
//! reads R2 no more; R1 is read once, before any cut).

use super::pystr::{
    at, chop, ends, ends_any, eq, len, replace, slice, suffix_replace, Letters, Stemmed, Suffixes,
};
use super::regions::{
    chop_region, r1r2_standard_lengths, region, replace_region, rv_standard_length,
};
use crate::stem::Word;

const VOWELS: Letters = Letters::of("aeiou\u{e1}\u{e9}\u{ed}\u{f3}\u{fa}\u{e2}\u{ea}\u{f4}");
static STEP1_SUFFIXES: Suffixes<47> = Suffixes::new([
    "amentos",
    "imentos",
    "u\u{e7}o~es",
    "amento",
    "imento",
    "adoras",
    "adores",
    "a\u{e7}o~es",
    "logias",
    "\u{ea}ncias",
    "amente",
    "idades",
    "an\u{e7}as",
    "ismos",
    "istas",
    "adora",
    "a\u{e7}a~o",
    "antes",
    "\u{e2}ncia",
    "logia",
    "u\u{e7}a~o",
    "\u{ea}ncia",
    "mente",
    "idade",
    "an\u{e7}a",
    "ezas",
    "icos",
    "icas",
    "ismo",
    "\u{e1}vel",
    "\u{ed}vel",
    "ista",
    "osos",
    "osas",
    "ador",
    "ante",
    "ivas",
    "ivos",
    "iras",
    "eza",
    "ico",
    "ica",
    "oso",
    "osa",
    "iva",
    "ivo",
    "ira",
]);
static STEP2_SUFFIXES: Suffixes<120> = Suffixes::new([
    "ar\u{ed}amos",
    "er\u{ed}amos",
    "ir\u{ed}amos",
    "\u{e1}ssemos",
    "\u{ea}ssemos",
    "\u{ed}ssemos",
    "ar\u{ed}eis",
    "er\u{ed}eis",
    "ir\u{ed}eis",
    "\u{e1}sseis",
    "\u{e9}sseis",
    "\u{ed}sseis",
    "\u{e1}ramos",
    "\u{e9}ramos",
    "\u{ed}ramos",
    "\u{e1}vamos",
    "aremos",
    "eremos",
    "iremos",
    "ariam",
    "eriam",
    "iriam",
    "assem",
    "essem",
    "issem",
    "ara~o",
    "era~o",
    "ira~o",
    "arias",
    "erias",
    "irias",
    "ardes",
    "erdes",
    "irdes",
    "asses",
    "esses",
    "isses",
    "astes",
    "estes",
    "istes",
    "\u{e1}reis",
    "areis",
    "\u{e9}reis",
    "ereis",
    "\u{ed}reis",
    "ireis",
    "\u{e1}veis",
    "\u{ed}amos",
    "armos",
    "ermos",
    "irmos",
    "aria",
    "eria",
    "iria",
    "asse",
    "esse",
    "isse",
    "aste",
    "este",
    "iste",
    "arei",
    "erei",
    "irei",
    "aram",
    "eram",
    "iram",
    "avam",
    "arem",
    "erem",
    "irem",
    "ando",
    "endo",
    "indo",
    "adas",
    "idas",
    "ar\u{e1}s",
    "aras",
    "er\u{e1}s",
    "eras",
    "ir\u{e1}s",
    "avas",
    "ares",
    "eres",
    "ires",
    "\u{ed}eis",
    "ados",
    "idos",
    "\u{e1}mos",
    "amos",
    "emos",
    "imos",
    "iras",
    "ada",
    "ida",
    "ar\u{e1}",
    "ara",
    "er\u{e1}",
    "era",
    "ir\u{e1}",
    "ava",
    "iam",
    "ado",
    "ido",
    "ias",
    "ais",
    "eis",
    "ira",
    "ia",
    "ei",
    "am",
    "em",
    "ar",
    "er",
    "ir",
    "as",
    "es",
    "is",
    "eu",
    "iu",
    "ou",
]);
static STEP4_SUFFIXES: Suffixes<7> =
    Suffixes::new(["os", "a", "i", "o", "\u{e1}", "\u{ed}", "\u{f3}"]);

/// The one-letter endings of step 5.
const STEP5_ENDINGS: Letters = Letters::of("e\u{e9}\u{ea}");

pub fn stem(mut word: Word) -> Stemmed {
    let mut step1_success = false;
    let mut step2_success = false;

    // Each of these replacements needs an `ã`, `õ` or `ü` (which none
    // writes): a word with none of them, most, is read once, not four times.
    if word.iter().any(|&c| matches!(c, 0xE3 | 0xF5 | 0xFC)) {
        replace(&mut word, "\u{e3}", "a~");
        replace(&mut word, "\u{f5}", "o~");
        replace(&mut word, "q\u{fc}", "qu");
        replace(&mut word, "g\u{fc}", "gu");
    }

    let (r1, mut r2) = r1r2_standard_lengths(&word, &VOWELS);
    let mut rv = rv_standard_length(&word, &VOWELS);

    // STEP 1: Standard suffix removal
    if let Some(suffix) = STEP1_SUFFIXES.first_ending(&word) {
        let n = len(suffix);
        let m = n as isize;
        if suffix == "amente" && ends(region(&word, r1), suffix) {
            step1_success = true;
            chop(&mut word, 6);
            chop_region(&mut r2, 6);
            chop_region(&mut rv, 6);
            if ends(region(&word, r2), "iv") {
                chop(&mut word, 2);
                chop_region(&mut r2, 2);
                chop_region(&mut rv, 2);
                if ends(region(&word, r2), "at") {
                    chop(&mut word, 2);
                    chop_region(&mut rv, 2);
                }
            } else if ends_any(region(&word, r2), &["os", "ic", "ad"]) {
                chop(&mut word, 2);
                chop_region(&mut rv, 2);
            }
        } else if matches!(suffix, "ira" | "iras")
            && ends(region(&word, rv), suffix)
            && eq(slice(&word, -m - 1, -m), "e")
        {
            step1_success = true;
            suffix_replace(&mut word, suffix, "ir");
            replace_region(&mut rv, len(suffix), len("ir"));
        } else if ends(region(&word, r2), suffix) {
            step1_success = true;
            match suffix {
                "logia" | "logias" => {
                    suffix_replace(&mut word, suffix, "log");
                    replace_region(&mut rv, len(suffix), len("log"));
                }
                "u\u{e7}a~o" | "u\u{e7}o~es" => {
                    suffix_replace(&mut word, suffix, "u");
                    replace_region(&mut rv, len(suffix), len("u"));
                }
                "\u{ea}ncia" | "\u{ea}ncias" => {
                    suffix_replace(&mut word, suffix, "ente");
                    replace_region(&mut rv, len(suffix), len("ente"));
                }
                "mente" => {
                    chop(&mut word, 5);
                    chop_region(&mut r2, 5);
                    chop_region(&mut rv, 5);
                    if ends_any(region(&word, r2), &["ante", "avel", "ivel"]) {
                        chop(&mut word, 4);
                        chop_region(&mut rv, 4);
                    }
                }
                "idade" | "idades" => {
                    chop(&mut word, n);
                    chop_region(&mut r2, n);
                    chop_region(&mut rv, n);
                    if ends_any(region(&word, r2), &["ic", "iv"]) {
                        chop(&mut word, 2);
                        chop_region(&mut rv, 2);
                    } else if ends(region(&word, r2), "abil") {
                        chop(&mut word, 4);
                        chop_region(&mut rv, 4);
                    }
                }
                "iva" | "ivo" | "ivas" | "ivos" => {
                    chop(&mut word, n);
                    chop_region(&mut r2, n);
                    chop_region(&mut rv, n);
                    if ends(region(&word, r2), "at") {
                        chop(&mut word, 2);
                        chop_region(&mut rv, 2);
                    }
                }
                _ => {
                    chop(&mut word, n);
                    chop_region(&mut rv, n);
                }
            }
        }
    }

    // STEP 2: Verb suffixes
    if !step1_success {
        if let Some(suffix) = STEP2_SUFFIXES.first_ending(region(&word, rv)) {
            step2_success = true;
            chop(&mut word, len(suffix));
            chop_region(&mut rv, len(suffix));
        }
    }

    if step1_success || step2_success {
        // STEP 3
        if ends(region(&word, rv), "i") && at(&word, -2)? == u32::from('c') {
            chop(&mut word, 1);
            chop_region(&mut rv, 1);
        }
    } else if let Some(suffix) = STEP4_SUFFIXES.first_ending(region(&word, rv)) {
        // STEP 4: Residual suffix
        chop(&mut word, len(suffix));
        chop_region(&mut rv, len(suffix));
    }

    // STEP 5
    // `rv.endswith(("e", "é", "ê"))`.
    if region(&word, rv)
        .last()
        .is_some_and(|&c| STEP5_ENDINGS.has(c))
    {
        chop(&mut word, 1);
        chop_region(&mut rv, 1);
        if (ends(&word, "gu") && ends(region(&word, rv), "u"))
            || (ends(&word, "ci") && ends(region(&word, rv), "i"))
        {
            chop(&mut word, 1);
        }
    } else if ends(&word, "\u{e7}") {
        suffix_replace(&mut word, "\u{e7}", "c");
    }

    // Both need a `~`.
    if word.contains(&u32::from('~')) {
        replace(&mut word, "a~", "\u{e3}");
        replace(&mut word, "o~", "\u{f5}");
    }
    Ok(word)
}
