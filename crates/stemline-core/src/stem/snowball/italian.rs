//! `nltk.stem.snowball.ItalianStemmer.stem`, after its `word.lower()` and
//! stop word test, on the word in place.
//!
//! R1, R2 and RV are kept as their lengths ([`region`]). Where NLTK cuts
//! the word and not a region, that region is not read again: R1 after the
//! test of `amente`, R2 after step 1. RV is the one region read after step
//! 1; step 1's `logia` sets it to `word[:-2]`, the word but its last two
//! letters, which it stays, since the word and RV are then cut alike
//! ([`Rv`]).

use super::pystr::{
    chop, ends, ends_any, eq_any, len, slice, suffix_replace, HashedSuffixes, IndexError, Letters,
    Translation,
};
use super::regions::{
    chop_region, r1r2_standard_lengths, region, replace_region, rv_standard_length,
    standard_starts_on_bits, LetterKinds, MARKABLE, VOWEL,
};
use crate::stem::letter::Letter;

const VOWELS: Letters = Letters::of("aeiou\u{e0}\u{e8}\u{ec}\u{f2}\u{f9}");
/// All acute accents are replaced by grave accents.
const ACUTE_TO_GRAVE: Translation<5> = Translation::new([
    ('\u{e1}', '\u{e0}'),
    ('\u{e9}', '\u{e8}'),
    ('\u{ed}', '\u{ec}'),
    ('\u{f3}', '\u{f2}'),
    ('\u{fa}', '\u{f9}'),
]);
/// The one-letter endings of step 3a.
const STEP3A_ENDINGS: Letters = Letters::of("aeio\u{e0}\u{e8}\u{ec}\u{f2}");
/// 'I' and 'U' back in lower case.
const UNMARK: Translation<2> = Translation::new([('I', 'i'), ('U', 'u')]);
static STEP0_SUFFIXES: HashedSuffixes<37> = HashedSuffixes::new([
    "gliela", "gliele", "glieli", "glielo", "gliene", "sene", "mela", "mele", "meli", "melo",
    "mene", "tela", "tele", "teli", "telo", "tene", "cela", "cele", "celi", "celo", "cene", "vela",
    "vele", "veli", "velo", "vene", "gli", "ci", "la", "le", "li", "lo", "mi", "ne", "si", "ti",
    "vi",
]);
static STEP1_SUFFIXES: HashedSuffixes<51> = HashedSuffixes::new([
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
static STEP2_SUFFIXES: HashedSuffixes<87> = HashedSuffixes::new([
    "erebbero", "irebbero", "assero", "assimo", "eranno", "erebbe", "eremmo", "ereste", "eresti",
    "essero", "iranno", "irebbe", "iremmo", "ireste", "iresti", "iscano", "iscono", "issero",
    "arono", "avamo", "avano", "avate", "eremo", "erete", "erono", "evamo", "evano", "evate",
    "iremo", "irete", "irono", "ivamo", "ivano", "ivate", "ammo", "ando", "asse", "assi", "emmo",
    "enda", "ende", "endi", "endo", "erai", "erei", "Yamo", "iamo", "immo", "irai", "irei", "isca",
    "isce", "isci", "isco", "ano", "are", "ata", "ate", "ati", "ato", "ava", "avi", "avo",
    "er\u{e0}", "ere", "er\u{f2}", "ete", "eva", "evi", "evo", "ir\u{e0}", "ire", "ir\u{f2}",
    "ita", "ite", "iti", "ito", "iva", "ivi", "ivo", "ono", "uta", "ute", "uti", "uto", "ar", "ir",
]);

/// RV as its length, and the number of the word's last letters after it:
/// 0, or 2 once step 1's `logia` has set `rv = word[:-2]`.
#[derive(Clone, Copy)]
struct Rv {
    len: usize,
    gap: usize,
}

impl Rv {
    fn of<L>(self, word: &[L]) -> &[L] {
        let end = word.len().saturating_sub(self.gap);
        &word[end.saturating_sub(self.len)..end]
    }
}

/// NLTK's two loops that put into upper case every 'u' after 'q', then
/// every 'u' and 'i' between vowels, left to right over the letters already
/// marked, in one pass; whether any letter was marked, and the vowels of the
/// marked word (bit `i` for letter `i`, of the first 64).
///
/// One pass is the two loops: at a 'u' or 'i', the letter before it is
/// final (a 'q' is never marked, and the second loop has passed it), and the
/// letter after it is as the first loop leaves it, since only a 'u' after a
/// 'q' changes there, and this letter is no 'q'.
///
/// The word is lower-cased, so 'I' and 'U' are marks only, and a word
/// without one needs no `replace("I", "i").replace("U", "u")`.
fn mark_u_and_i<L: Letter>(word: &mut [L]) -> (bool, u64) {
    let mut marked = false;
    let mut vowels = 0u64;
    let kind = |c: u32| LETTER_KINDS.of(c);
    for i in 0..word.len() {
        let c = word[i].code();
        let mut k = kind(c);
        // Most letters are neither 'u' nor 'i'.
        if k & MARKABLE != 0 && i > 0 {
            let mark = if c == u32::from(b'u') && word[i - 1] == L::from_ascii(b'q') {
                true
            } else {
                i + 1 < word.len()
                    && kind(word[i - 1].code()) & VOWEL != 0
                    && kind(word[i + 1].code()) & VOWEL != 0
            };
            if mark {
                word[i] = L::from_ascii((c as u8).to_ascii_uppercase());
                marked = true;
                k = 0;
            }
        }
        // Past 64 letters the bits wrap, unread: only a shorter word's are.
        vowels |= u64::from(k & VOWEL).wrapping_shl(i as u32);
    }
    (marked, vowels)
}

/// What [`mark_u_and_i`] asks of a letter.
static LETTER_KINDS: LetterKinds = LetterKinds::new(&VOWELS, *b"ui");

pub fn stem<L: Letter>(word: &mut Vec<L>) -> Result<(), IndexError> {
    let mut step1_success = false;

    // All acute accents are replaced by grave accents.
    ACUTE_TO_GRAVE.apply(word);

    let (marked, vowels) = mark_u_and_i(word);

    let n = word.len();
    let (mut r1, mut r2, rv_len) = if n < 64 {
        let (r1, r2, rv) = standard_starts_on_bits(vowels, n);
        (n - r1, n - r2, n - rv)
    } else {
        let (r1, r2) = r1r2_standard_lengths(word, &VOWELS);
        (r1, r2, rv_standard_length(word, &VOWELS))
    };
    let mut rv = Rv {
        len: rv_len,
        gap: 0,
    };

    // STEP 0: Attached pronoun
    if let Some(suffix) = STEP0_SUFFIXES.first(rv.of(word)).map(|x| x.text) {
        let n = len(suffix);
        let m = n as isize;
        if eq_any(slice(rv.of(word), -m - 4, -m), &["ando", "endo"]) {
            chop(word, n);
            for r in [&mut r1, &mut r2, &mut rv.len] {
                chop_region(r, n);
            }
        } else if eq_any(slice(rv.of(word), -m - 2, -m), &["ar", "er", "ir"]) {
            suffix_replace(word, suffix, "e");
            for r in [&mut r1, &mut r2, &mut rv.len] {
                replace_region(r, n, 1);
            }
        }
    }

    // STEP 1: Standard suffix removal
    if let Some(suffix) = STEP1_SUFFIXES.first(word).map(|x| x.text) {
        let n = len(suffix);
        if suffix == "amente" && ends(region(word, r1), suffix) {
            step1_success = true;
            chop(word, 6);
            chop_region(&mut r2, 6);
            chop_region(&mut rv.len, 6);
            if ends(region(word, r2), "iv") {
                chop(word, 2);
                chop_region(&mut r2, 2);
                chop_region(&mut rv.len, 2);
                if ends(region(word, r2), "at") {
                    chop(word, 2);
                    chop_region(&mut rv.len, 2);
                }
            } else if ends_any(region(word, r2), &["os", "ic"]) {
                chop(word, 2);
                chop_region(&mut rv.len, 2);
            } else if ends(region(word, r2), "abil") {
                chop(word, 4);
                chop_region(&mut rv.len, 4);
            }
        } else if matches!(suffix, "amento" | "amenti" | "imento" | "imenti")
            && ends(rv.of(word), suffix)
        {
            step1_success = true;
            chop(word, 6);
            chop_region(&mut rv.len, 6);
        } else if ends(region(word, r2), suffix) {
            step1_success = true;
            match suffix {
                "azione" | "azioni" | "atore" | "atori" => {
                    chop(word, n);
                    chop_region(&mut r2, n);
                    chop_region(&mut rv.len, n);
                    if ends(region(word, r2), "ic") {
                        chop(word, 2);
                        chop_region(&mut rv.len, 2);
                    }
                }
                "logia" | "logie" => {
                    chop(word, 2);
                    // NLTK sets RV from the word here: `rv = word[:-2]`.
                    rv = Rv {
                        len: word.len().saturating_sub(2),
                        gap: 2,
                    };
                }
                "uzione" | "uzioni" | "usione" | "usioni" => {
                    chop(word, 5);
                    chop_region(&mut rv.len, 5);
                }
                "enza" | "enze" => {
                    suffix_replace(word, suffix, "te");
                    replace_region(&mut rv.len, len(suffix), 2);
                }
                "it\u{e0}" => {
                    chop(word, 3);
                    chop_region(&mut r2, 3);
                    chop_region(&mut rv.len, 3);
                    if ends_any(region(word, r2), &["ic", "iv"]) {
                        chop(word, 2);
                        chop_region(&mut rv.len, 2);
                    } else if ends(region(word, r2), "abil") {
                        chop(word, 4);
                        chop_region(&mut rv.len, 4);
                    }
                }
                "ivo" | "ivi" | "iva" | "ive" => {
                    chop(word, 3);
                    chop_region(&mut r2, 3);
                    chop_region(&mut rv.len, 3);
                    if ends(region(word, r2), "at") {
                        chop(word, 2);
                        chop_region(&mut r2, 2);
                        chop_region(&mut rv.len, 2);
                        if ends(region(word, r2), "ic") {
                            chop(word, 2);
                            chop_region(&mut rv.len, 2);
                        }
                    }
                }
                _ => {
                    chop(word, n);
                    chop_region(&mut rv.len, n);
                }
            }
        }
    }

    // STEP 2: Verb suffixes
    if !step1_success {
        if let Some(suffix) = STEP2_SUFFIXES.first(rv.of(word)).map(|x| x.text) {
            chop(word, len(suffix));
            chop_region(&mut rv.len, len(suffix));
        }
    }

    // STEP 3a: `rv.endswith(("a", "e", "i", "o", "à", "è", "ì", "ò"))`.
    if rv
        .of(word)
        .last()
        .is_some_and(|c| STEP3A_ENDINGS.has(c.code()))
    {
        chop(word, 1);
        chop_region(&mut rv.len, 1);
        if ends(rv.of(word), "i") {
            chop(word, 1);
            chop_region(&mut rv.len, 1);
        }
    }

    // STEP 3b
    if ends_any(rv.of(word), &["ch", "gh"]) {
        chop(word, 1);
    }

    if marked {
        UNMARK.apply(word);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stem::snowball::regions::upper_between_vowels;
    use crate::test_rng::xorshift;

    /// NLTK's two loops, as written.
    fn two_loops(word: &mut [u32]) {
        for i in 1..word.len() {
            if word[i] == u32::from(b'u') && word[i - 1] == u32::from(b'q') {
                word[i] = u32::from(b'U');
            }
        }
        upper_between_vowels(word, &VOWELS, *b"ui");
    }

    #[test]
    fn one_marking_pass_is_nltks_two_loops() {
        let letters: Vec<u32> = "quiaeoq\u{e0}\u{f9}xuiqu".chars().map(u32::from).collect();
        let mut next = xorshift(0x17a1);
        for _ in 0..50_000 {
            let n = next() % 10;
            let word: Vec<u32> = (0..n).map(|_| letters[next() % letters.len()]).collect();
            let (mut one, mut two) = (word.clone(), word.clone());
            let (marked, vowels) = mark_u_and_i(&mut one);
            let bits = one
                .iter()
                .enumerate()
                .fold(0, |bits, (i, &c)| bits | u64::from(VOWELS.has(c)) << i);
            assert_eq!(vowels, bits, "{word:?}");
            two_loops(&mut two);
            assert_eq!(one, two, "{word:?}");
            assert_eq!(marked, one != word, "{word:?}");
        }
    }
}
