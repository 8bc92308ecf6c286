//! `nltk.stem.snowball.ItalianStemmer.stem`, after its `word.lower()` and
//! stop word test.

use super::pystr::{
    chop, ends, ends_any, eq_any, len, slice, suffix_replace, Letters, Stemmed, Suffixes,
    Translation,
};
use super::regions::{r1r2_standard, rv_standard, upper_between_vowels};
use crate::stem::Word;

const VOWELS: Letters = Letters::of("aeiou\u{e0}\u{e8}\u{ec}\u{f2}\u{f9}");
/// All acute accents are replaced by grave accents.
const ACUTE_TO_GRAVE: Translation<5> = Translation::new([
    ('\u{e1}', '\u{e0}'),
    ('\u{e9}', '\u{e8}'),
    ('\u{ed}', '\u{ec}'),
    ('\u{f3}', '\u{f2}'),
    ('\u{fa}', '\u{f9}'),
]);
/// 'I' and 'U' back in lower case.
const UNMARK: Translation<2> = Translation::new([('I', 'i'), ('U', 'u')]);
static STEP0_SUFFIXES: Suffixes<37> = Suffixes::new([
    "gliela", "gliele", "glieli", "glielo", "gliene", "sene", "mela", "mele", "meli", "melo",
    "mene", "tela", "tele", "teli", "telo", "tene", "cela", "cele", "celi", "celo", "cene", "vela",
    "vele", "veli", "velo", "vene", "gli", "ci", "la", "le", "li", "lo", "mi", "ne", "si", "ti",
    "vi",
]);
static STEP1_SUFFIXES: Suffixes<51> = Suffixes::new([
    "atrice",
    "atrici",
    "azione",
    "azioni",
    "uzione",
    "uzioni",
    "usione",
    "usioni",
    "amento",
    "amenti",
    "imento",
    "imenti",
    "amente",
    "abile",
    "abili",
    "ibile",
    "ibili",
    "mente",
    "atore",
    "atori",
    "logia",
    "logie",
    "anza",
    "anze",
    "iche",
    "ichi",
    "ismo",
    "ismi",
    "ista",
    "iste",
    "isti",
    "ist\u{e0}",
    "ist\u{e8}",
    "ist\u{ec}",
    "ante",
    "anti",
    "enza",
    "enze",
    "ico",
    "ici",
    "ica",
    "ice",
    "oso",
    "osi",
    "osa",
    "ose",
    "it\u{e0}",
    "ivo",
    "ivi",
    "iva",
    "ive",
]);
static STEP2_SUFFIXES: Suffixes<87> = Suffixes::new([
    "erebbero", "irebbero", "assero", "assimo", "eranno", "erebbe", "eremmo", "ereste", "eresti",
    "essero", "iranno", "irebbe", "iremmo", "ireste", "iresti", "iscano", "iscono", "issero",
    "arono", "avamo", "avano", "avate", "eremo", "erete", "erono", "evamo", "evano", "evate",
    "iremo", "irete", "irono", "ivamo", "ivano", "ivate", "ammo", "ando", "asse", "assi", "emmo",
    "enda", "ende", "endi", "endo", "erai", "erei", "Yamo", "iamo", "immo", "irai", "irei", "isca",
    "isce", "isci", "isco", "ano", "are", "ata", "ate", "ati", "ato", "ava", "avi", "avo",
    "er\u{e0}", "ere", "er\u{f2}", "ete", "eva", "evi", "evo", "ir\u{e0}", "ire", "ir\u{f2}",
    "ita", "ite", "iti", "ito", "iva", "ivi", "ivo", "ono", "uta", "ute", "uti", "uto", "ar", "ir",
]);

pub fn stem(mut word: Word) -> Stemmed {
    let mut step1_success = false;

    // All acute accents are replaced by grave accents.
    ACUTE_TO_GRAVE.apply(&mut word);

    // Every 'u' after 'q', then every 'u' and 'i' between vowels, is put
    // into upper case, left to right over the letters already marked.
    for i in 1..word.len() {
        if word[i - 1] == u32::from('q') && word[i] == u32::from('u') {
            word[i] = u32::from('U');
        }
    }
    upper_between_vowels(&mut word, &VOWELS, *b"ui");

    let (mut r1, mut r2) = r1r2_standard(&word, &VOWELS);
    let mut rv = rv_standard(&word, &VOWELS);

    // STEP 0: Attached pronoun
    if let Some(suffix) = STEP0_SUFFIXES.first_ending(&rv) {
        let n = len(suffix);
        let m = n as isize;
        if eq_any(slice(&rv, -m - 4, -m), &["ando", "endo"]) {
            for s in [&mut word, &mut r1, &mut r2, &mut rv] {
                chop(s, n);
            }
        } else if eq_any(slice(&rv, -m - 2, -m), &["ar", "er", "ir"]) {
            for s in [&mut word, &mut r1, &mut r2, &mut rv] {
                suffix_replace(s, suffix, "e");
            }
        }
    }

    // STEP 1: Standard suffix removal
    if let Some(suffix) = STEP1_SUFFIXES.first_ending(&word) {
        let n = len(suffix);
        if suffix == "amente" && ends(&r1, suffix) {
            step1_success = true;
            chop(&mut word, 6);
            chop(&mut r2, 6);
            chop(&mut rv, 6);
            if ends(&r2, "iv") {
                chop(&mut word, 2);
                chop(&mut r2, 2);
                chop(&mut rv, 2);
                if ends(&r2, "at") {
                    chop(&mut word, 2);
                    chop(&mut rv, 2);
                }
            } else if ends_any(&r2, &["os", "ic"]) {
                chop(&mut word, 2);
                chop(&mut rv, 2);
            } else if ends(&r2, "abil") {
                chop(&mut word, 4);
                chop(&mut rv, 4);
            }
        } else if matches!(suffix, "amento" | "amenti" | "imento" | "imenti") && ends(&rv, suffix) {
            step1_success = true;
            chop(&mut word, 6);
            chop(&mut rv, 6);
        } else if ends(&r2, suffix) {
            step1_success = true;
            match suffix {
                "azione" | "azioni" | "atore" | "atori" => {
                    chop(&mut word, n);
                    chop(&mut r2, n);
                    chop(&mut rv, n);
                    if ends(&r2, "ic") {
                        chop(&mut word, 2);
                        chop(&mut rv, 2);
                    }
                }
                "logia" | "logie" => {
                    chop(&mut word, 2);
                    // NLTK sets RV from the word here: `rv = word[:-2]`.
                    rv = word.clone();
                    chop(&mut rv, 2);
                }
                "uzione" | "uzioni" | "usione" | "usioni" => {
                    chop(&mut word, 5);
                    chop(&mut rv, 5);
                }
                "enza" | "enze" => {
                    suffix_replace(&mut word, suffix, "te");
                    suffix_replace(&mut rv, suffix, "te");
                }
                "it\u{e0}" => {
                    chop(&mut word, 3);
                    chop(&mut r2, 3);
                    chop(&mut rv, 3);
                    if ends_any(&r2, &["ic", "iv"]) {
                        chop(&mut word, 2);
                        chop(&mut rv, 2);
                    } else if ends(&r2, "abil") {
                        chop(&mut word, 4);
                        chop(&mut rv, 4);
                    }
                }
                "ivo" | "ivi" | "iva" | "ive" => {
                    chop(&mut word, 3);
                    chop(&mut r2, 3);
                    chop(&mut rv, 3);
                    if ends(&r2, "at") {
                        chop(&mut word, 2);
                        chop(&mut r2, 2);
                        chop(&mut rv, 2);
                        if ends(&r2, "ic") {
                            chop(&mut word, 2);
                            chop(&mut rv, 2);
                        }
                    }
                }
                _ => {
                    chop(&mut word, n);
                    chop(&mut rv, n);
                }
            }
        }
    }

    // STEP 2: Verb suffixes
    if !step1_success {
        if let Some(suffix) = STEP2_SUFFIXES.first_ending(&rv) {
            chop(&mut word, len(suffix));
            chop(&mut rv, len(suffix));
        }
    }

    // STEP 3a
    if ends_any(
        &rv,
        &["a", "e", "i", "o", "\u{e0}", "\u{e8}", "\u{ec}", "\u{f2}"],
    ) {
        chop(&mut word, 1);
        chop(&mut rv, 1);
        if ends(&rv, "i") {
            chop(&mut word, 1);
            chop(&mut rv, 1);
        }
    }

    // STEP 3b
    if ends_any(&rv, &["ch", "gh"]) {
        chop(&mut word, 1);
    }

    UNMARK.apply(&mut word);
    Ok(word)
}
