//! `nltk.stem.snowball.RussianStemmer.stem`, which neither lower-cases the
//! word nor stems one without a character past U+00FF: it is given the word
//! as it is.
//!
//! NLTK transliterates the word to Latin letters (`ю` as `i^u`, `щ` as
//! `shch`), stems that, and transliterates back. Every character that is not
//! Cyrillic stays as it is on the way in, and the way back turns every Latin
//! letter of its table into Cyrillic, the word's own ones too.

use super::pystr::{
    chop, ends, eq, is_in, len, member_flags, replace, slice, Letters, Stemmed, Suffix, Suffixes,
};
use crate::stem::Word;

static PERFECTIVE_GERUND_SUFFIXES: Suffixes<9> = Suffixes::new([
    "ivshis'", "yvshis'", "vshis'", "ivshi", "yvshi", "vshi", "iv", "yv", "v",
]);
const ADJECTIVAL: [&str; 234] = [
    "ui^ushchi^ui^u",
    "ui^ushchi^ai^a",
    "ui^ushchimi",
    "ui^ushchymi",
    "ui^ushchego",
    "ui^ushchogo",
    "ui^ushchemu",
    "ui^ushchomu",
    "ui^ushchikh",
    "ui^ushchykh",
    "ui^ushchui^u",
    "ui^ushchaia",
    "ui^ushchoi^u",
    "ui^ushchei^u",
    "i^ushchi^ui^u",
    "i^ushchi^ai^a",
    "ui^ushchee",
    "ui^ushchie",
    "ui^ushchye",
    "ui^ushchoe",
    "ui^ushchei`",
    "ui^ushchii`",
    "ui^ushchyi`",
    "ui^ushchoi`",
    "ui^ushchem",
    "ui^ushchim",
    "ui^ushchym",
    "ui^ushchom",
    "i^ushchimi",
    "i^ushchymi",
    "i^ushchego",
    "i^ushchogo",
    "i^ushchemu",
    "i^ushchomu",
    "i^ushchikh",
    "i^ushchykh",
    "i^ushchui^u",
    "i^ushchai^a",
    "i^ushchoi^u",
    "i^ushchei^u",
    "i^ushchee",
    "i^ushchie",
    "i^ushchye",
    "i^ushchoe",
    "i^ushchei`",
    "i^ushchii`",
    "i^ushchyi`",
    "i^ushchoi`",
    "i^ushchem",
    "i^ushchim",
    "i^ushchym",
    "i^ushchom",
    "shchi^ui^u",
    "shchi^ai^a",
    "ivshi^ui^u",
    "ivshi^ai^a",
    "yvshi^ui^u",
    "yvshi^ai^a",
    "shchimi",
    "shchymi",
    "shchego",
    "shchogo",
    "shchemu",
    "shchomu",
    "shchikh",
    "shchykh",
    "shchui^u",
    "shchai^a",
    "shchoi^u",
    "shchei^u",
    "ivshimi",
    "ivshymi",
    "ivshego",
    "ivshogo",
    "ivshemu",
    "ivshomu",
    "ivshikh",
    "ivshykh",
    "ivshui^u",
    "ivshai^a",
    "ivshoi^u",
    "ivshei^u",
    "yvshimi",
    "yvshymi",
    "yvshego",
    "yvshogo",
    "yvshemu",
    "yvshomu",
    "yvshikh",
    "yvshykh",
    "yvshui^u",
    "yvshai^a",
    "yvshoi^u",
    "yvshei^u",
    "vshi^ui^u",
    "vshi^ai^a",
    "shchee",
    "shchie",
    "shchye",
    "shchoe",
    "shchei`",
    "shchii`",
    "shchyi`",
    "shchoi`",
    "shchem",
    "shchim",
    "shchym",
    "shchom",
    "ivshee",
    "ivshie",
    "ivshye",
    "ivshoe",
    "ivshei`",
    "ivshii`",
    "ivshyi`",
    "ivshoi`",
    "ivshem",
    "ivshim",
    "ivshym",
    "ivshom",
    "yvshee",
    "yvshie",
    "yvshye",
    "yvshoe",
    "yvshei`",
    "yvshii`",
    "yvshyi`",
    "yvshoi`",
    "yvshem",
    "yvshim",
    "yvshym",
    "yvshom",
    "vshimi",
    "vshymi",
    "vshego",
    "vshogo",
    "vshemu",
    "vshomu",
    "vshikh",
    "vshykh",
    "vshui^u",
    "vshai^a",
    "vshoi^u",
    "vshei^u",
    "emi^ui^u",
    "emi^ai^a",
    "nni^ui^u",
    "nni^ai^a",
    "vshee",
    "vshie",
    "vshye",
    "vshoe",
    "vshei`",
    "vshii`",
    "vshyi`",
    "vshoi`",
    "vshem",
    "vshim",
    "vshym",
    "vshom",
    "emimi",
    "emymi",
    "emego",
    "emogo",
    "ememu",
    "emomu",
    "emikh",
    "emykh",
    "emui^u",
    "emai^a",
    "emoi^u",
    "emei^u",
    "nnimi",
    "nnymi",
    "nnego",
    "nnogo",
    "nnemu",
    "nnomu",
    "nnikh",
    "nnykh",
    "nnui^u",
    "nnai^a",
    "nnoi^u",
    "nnei^u",
    "emee",
    "emie",
    "emye",
    "emoe",
    "emei`",
    "emii`",
    "emyi`",
    "emoi`",
    "emem",
    "emim",
    "emym",
    "emom",
    "nnee",
    "nnie",
    "nnye",
    "nnoe",
    "nnei`",
    "nnii`",
    "nnyi`",
    "nnoi`",
    "nnem",
    "nnim",
    "nnym",
    "nnom",
    "i^ui^u",
    "i^ai^a",
    "imi",
    "ymi",
    "ego",
    "ogo",
    "emu",
    "omu",
    "ikh",
    "ykh",
    "ui^u",
    "ai^a",
    "oi^u",
    "ei^u",
    "ee",
    "ie",
    "ye",
    "oe",
    "ei`",
    "ii`",
    "yi`",
    "oi`",
    "em",
    "im",
    "ym",
    "om",
];
static ADJECTIVAL_SUFFIXES: Suffixes<234> = Suffixes::new(ADJECTIVAL);
static REFLEXIVE_SUFFIXES: Suffixes<2> = Suffixes::new(["si^a", "s'"]);
const VERB: [&str; 46] = [
    "esh'", "ei`te", "ui`te", "ui^ut", "ish'", "ete", "i`te", "i^ut", "nno", "ila", "yla", "ena",
    "ite", "ili", "yli", "ilo", "ylo", "eno", "i^at", "uet", "eny", "it'", "yt'", "ui^u", "la",
    "na", "li", "em", "lo", "no", "et", "ny", "t'", "ei`", "ui`", "il", "yl", "im", "ym", "en",
    "it", "yt", "i^u", "i`", "l", "n",
];
static VERB_SUFFIXES: Suffixes<46> = Suffixes::new(VERB);
static NOUN_SUFFIXES: Suffixes<36> = Suffixes::new([
    "ii^ami", "ii^akh", "i^ami", "ii^am", "i^akh", "ami", "iei`", "i^am", "iem", "akh", "ii^u",
    "'i^u", "ii^a", "'i^a", "ev", "ov", "ie", "'e", "ei", "ii", "ei`", "oi`", "ii`", "em", "am",
    "om", "i^u", "i^a", "a", "e", "i", "i`", "o", "u", "y", "'",
]);
static SUPERLATIVE_SUFFIXES: Suffixes<2> = Suffixes::new(["ei`she", "ei`sh"]);
static DERIVATIONAL_SUFFIXES: Suffixes<2> = Suffixes::new(["ost'", "ost"]);
/// The adjectival suffixes that go only after `i^a` or `a` (NLTK's list in
/// `stem`, with its repeated `vshui^u`).
const ADJECTIVAL_AFTER_A: [&str; 130] = [
    "i^ushchi^ui^u",
    "i^ushchi^ai^a",
    "i^ushchui^u",
    "i^ushchai^a",
    "i^ushchoi^u",
    "i^ushchei^u",
    "i^ushchimi",
    "i^ushchymi",
    "i^ushchego",
    "i^ushchogo",
    "i^ushchemu",
    "i^ushchomu",
    "i^ushchikh",
    "i^ushchykh",
    "shchi^ui^u",
    "shchi^ai^a",
    "i^ushchee",
    "i^ushchie",
    "i^ushchye",
    "i^ushchoe",
    "i^ushchei`",
    "i^ushchii`",
    "i^ushchyi`",
    "i^ushchoi`",
    "i^ushchem",
    "i^ushchim",
    "i^ushchym",
    "i^ushchom",
    "vshi^ui^u",
    "vshi^ai^a",
    "shchui^u",
    "shchai^a",
    "shchoi^u",
    "shchei^u",
    "emi^ui^u",
    "emi^ai^a",
    "nni^ui^u",
    "nni^ai^a",
    "shchimi",
    "shchymi",
    "shchego",
    "shchogo",
    "shchemu",
    "shchomu",
    "shchikh",
    "shchykh",
    "vshui^u",
    "vshai^a",
    "vshoi^u",
    "vshei^u",
    "shchee",
    "shchie",
    "shchye",
    "shchoe",
    "shchei`",
    "shchii`",
    "shchyi`",
    "shchoi`",
    "shchem",
    "shchim",
    "shchym",
    "shchom",
    "vshimi",
    "vshymi",
    "vshego",
    "vshogo",
    "vshemu",
    "vshomu",
    "vshikh",
    "vshykh",
    "emui^u",
    "emai^a",
    "emoi^u",
    "emei^u",
    "nnui^u",
    "nnai^a",
    "nnoi^u",
    "nnei^u",
    "vshee",
    "vshie",
    "vshye",
    "vshoe",
    "vshei`",
    "vshii`",
    "vshyi`",
    "vshoi`",
    "vshem",
    "vshim",
    "vshym",
    "vshom",
    "emimi",
    "emymi",
    "emego",
    "emogo",
    "ememu",
    "emomu",
    "emikh",
    "emykh",
    "nnimi",
    "nnymi",
    "nnego",
    "nnogo",
    "nnemu",
    "nnomu",
    "nnikh",
    "nnykh",
    "emee",
    "emie",
    "emye",
    "emoe",
    "emei`",
    "emii`",
    "emyi`",
    "emoi`",
    "emem",
    "emim",
    "emym",
    "emom",
    "nnee",
    "nnie",
    "nnye",
    "nnoe",
    "nnei`",
    "nnii`",
    "nnyi`",
    "nnoi`",
    "nnem",
    "nnim",
    "nnym",
    "nnom",
];
/// The verb suffixes that go only after `i^a` or `a` (NLTK's list in `stem`).
const VERB_AFTER_A: [&str; 17] = [
    "la", "na", "ete", "i`te", "li", "i`", "l", "em", "n", "lo", "no", "et", "i^ut", "ny", "t'",
    "esh'", "nno",
];
/// Which adjectival and verb suffixes go only after `i^a` or `a`, by index.
const ADJECTIVAL_NEEDS_A: [bool; 234] = member_flags(&ADJECTIVAL, &ADJECTIVAL_AFTER_A);
const VERB_NEEDS_A: [bool; 46] = member_flags(&VERB, &VERB_AFTER_A);

/// NLTK's `__cyrillic_to_roman`, letter by letter: each of its replacements
/// is of one Cyrillic letter (capital and small alike) by Latin letters, so
/// their chain maps each letter on its own.
const CYRILLIC_TO_ROMAN: [&str; 32] = [
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i`", "k", "l", "m", "n", "o", "p", "r", "s",
    "t", "u", "f", "kh", "t^s", "ch", "sh", "shch", "''", "y", "'", "e`", "i^u", "i^a",
];

/// [`CYRILLIC_TO_ROMAN`] as code points, each spelling with its length, to
/// be written without decoding.
const ROMAN_SPELLINGS: [([u32; 4], usize); 32] = {
    let mut spellings = [([0u32; 4], 0usize); 32];
    let mut i = 0;
    while i < 32 {
        let bytes = CYRILLIC_TO_ROMAN[i].as_bytes();
        let mut k = 0;
        while k < bytes.len() {
            spellings[i].0[k] = bytes[k] as u32;
            k += 1;
        }
        spellings[i].1 = bytes.len();
        i += 1;
    }
    spellings
};

/// The word in Latin letters, and whether every letter of it was Cyrillic
/// (so that the Latin word is a chain of the table's spellings, which
/// [`units_to_cyrillic`] reads back in one pass).
fn cyrillic_to_roman(word: &[u32], mut roman: Word) -> (Word, bool) {
    // Written by index into room for the longest spelling of every letter,
    // then cut to length.
    roman.clear();
    roman.resize(word.len() * 4, 0);
    let mut n = 0;
    let mut all_cyrillic = true;
    for &c in word {
        let index = match c {
            0x410..=0x42F => c - 0x410,
            0x430..=0x44F => c - 0x430,
            // Ё and ё, spelled as Е
            0x401 | 0x451 => 5,
            _ => {
                all_cyrillic = false;
                roman[n] = c;
                n += 1;
                continue;
            }
        };
        let (letters, len) = &ROMAN_SPELLINGS[index as usize];
        roman[n..n + 4].copy_from_slice(letters);
        n += len;
    }
    roman.truncate(n);
    (roman, all_cyrillic)
}

/// NLTK's `__roman_to_cyrillic`, a chain of replacements: first those of
/// more than one letter that come before any one-letter replacement...
const ROMAN_TO_CYRILLIC_LONG: [(&str, &str); 9] = [
    ("i^u", "\u{44e}"),
    ("i^a", "\u{44f}"),
    ("shch", "\u{449}"),
    ("kh", "\u{445}"),
    ("t^s", "\u{446}"),
    ("ch", "\u{447}"),
    ("e`", "\u{44d}"),
    ("i`", "\u{439}"),
    ("sh", "\u{448}"),
];

/// ...then the rest of the chain, `k e zh a b v g d e z i l m n o p r s t u f
/// '' y '`: one letter each but for `zh` and `''`, which no earlier one
/// overlaps (neither `h` nor `'` begins one) and which precede `z` and `'`.
/// The rest is therefore one pass, letter by letter, trying `zh` and `''`
/// first.
const fn roman_letter_to_cyrillic(c: u32) -> Option<u32> {
    let Some(c) = char::from_u32(c) else {
        return None;
    };
    let cyrillic = match c {
        'k' => '\u{43a}',
        'e' => '\u{435}',
        'a' => '\u{430}',
        'b' => '\u{431}',
        'v' => '\u{432}',
        'g' => '\u{433}',
        'd' => '\u{434}',
        'z' => '\u{437}',
        'i' => '\u{438}',
        'l' => '\u{43b}',
        'm' => '\u{43c}',
        'n' => '\u{43d}',
        'o' => '\u{43e}',
        'p' => '\u{43f}',
        'r' => '\u{440}',
        's' => '\u{441}',
        't' => '\u{442}',
        'u' => '\u{443}',
        'f' => '\u{444}',
        'y' => '\u{44b}',
        '\'' => '\u{44c}',
        _ => return None,
    };
    Some(cyrillic as u32)
}

fn roman_to_cyrillic(word: &mut Word) {
    // Each long replacement needs a `^`, `h` or `` ` `` (which no
    // replacement writes): one without such a letter in the word is skipped.
    let has = |b: u8| word.contains(&u32::from(b));
    let present = [has(b'^'), has(b'h'), has(b'`')];
    for (roman, cyrillic) in ROMAN_TO_CYRILLIC_LONG {
        let needed = roman.bytes().all(|b| match b {
            b'^' => present[0],
            b'h' => present[1],
            b'`' => present[2],
            _ => true,
        });
        if needed {
            replace(word, roman, cyrillic);
        }
    }
    // The rest of the chain, in place.
    let (mut read, mut write) = (0, 0);
    while read < word.len() {
        let (letter, used) = short_spelling(&word[read..]);
        word[write] = letter;
        write += 1;
        read += used;
    }
    word.truncate(write);
}

/// The rest of the chain at the start of `rest`: `zh` and `''` as one letter
/// each, any other letter by [`roman_letter_to_cyrillic`] (or as it is); the
/// letter, and how many it stands for.
#[inline]
fn short_spelling(rest: &[u32]) -> (u32, usize) {
    // `roman_letter_to_cyrillic` of each ASCII letter (0 for none).
    const ONE_LETTER: [u32; 128] = {
        let mut table = [0u32; 128];
        let mut c = 0;
        while c < 128 {
            if let Some(letter) = roman_letter_to_cyrillic(c as u32) {
                table[c] = letter;
            }
            c += 1;
        }
        table
    };
    match (rest[0], rest.get(1).copied()) {
        (0x7A, Some(0x68)) => (0x436, 2), // zh
        (0x27, Some(0x27)) => (0x44A, 2), // ''
        (c, _) => match ONE_LETTER.get(c as usize) {
            Some(&letter) if letter != 0 => (letter, 1),
            _ => (c, 1),
        },
    }
}

/// The rest of `__roman_to_cyrillic` for a word that was Cyrillic letters
/// only, in one pass, in place.
///
/// Such a word is the table's spellings one after another, the last perhaps
/// cut short by the steps, which only ever remove letters from the end. Of
/// two spellings side by side, only `sh` and `ch` (`шч`) make another one of
/// the chain's (`shch`), which the chain reads first; no spelling begins with
/// `^`, `` ` `` or `h`, and none ends in `c`. So no two of the chain's
/// matches overlap but inside `shch`, and reading from the left, trying at
/// each letter the chain's long replacements in its order, then the rest of
/// the chain, finds what the chain finds (a unit test compares the two on
/// generated words).
fn units_to_cyrillic(word: &mut Word) {
    // [`ROMAN_TO_CYRILLIC_LONG`] as code points: each Latin spelling, its
    // length, and its Cyrillic letter.
    const LONG_SPELLINGS: [([u32; 4], usize, u32); 9] = {
        let mut spellings = [([0u32; 4], 0, 0); 9];
        let mut i = 0;
        while i < 9 {
            let (roman, cyrillic) = ROMAN_TO_CYRILLIC_LONG[i];
            let roman = roman.as_bytes();
            let mut k = 0;
            while k < roman.len() {
                spellings[i].0[k] = roman[k] as u32;
                k += 1;
            }
            spellings[i].1 = roman.len();
            // One letter of U+0400 to U+04FF: two bytes of UTF-8.
            let cyrillic = cyrillic.as_bytes();
            assert!(cyrillic.len() == 2);
            spellings[i].2 = (cyrillic[0] as u32 & 0x1F) << 6 | (cyrillic[1] as u32 & 0x3F);
            i += 1;
        }
        spellings
    };
    // The first letters of the long replacements: any other letter goes
    // straight to the rest of the chain.
    const BEGIN_LONG: Letters = Letters::of("isktce");
    let (mut read, mut write) = (0, 0);
    while read < word.len() {
        let rest = &word[read..];
        let long = if BEGIN_LONG.has(rest[0]) {
            LONG_SPELLINGS
                .iter()
                .find(|(roman, n, _)| rest.get(..*n) == Some(&roman[..*n]))
        } else {
            None
        };
        let (letter, used) = match long {
            Some(&(_, n, cyrillic)) => (cyrillic, n),
            None => short_spelling(rest),
        };
        word[write] = letter;
        write += 1;
        read += used;
    }
    word.truncate(write);
}

/// NLTK's `__regions_russian`: RV after the first vowel, R2 as the standard
/// R2, both found on the word with `i^a`, `i^u` and `e`` written as the
/// vowels `A`, `U` and `E`, and spelled back so (a capital `A`, `U` or `E` of
/// the word itself too).
///
/// The marked word is not written: it is read on the word a unit at a time
/// ([`marked_unit`]). A region then begins at a unit, so, spelled back, it is
/// the rest of the word from there, with the word's own capitals `A`, `U`
/// and `E` spelled as the marks are. Here, where each begins (`None` for an
/// empty region).
fn region_starts(word: &[u32]) -> (Option<usize>, Option<usize>) {
    let r1 = after_vowel_consonant(word, 0);
    let r2 = r1.and_then(|start| after_vowel_consonant(word, start));
    let mut rv = None;
    let mut p = 0;
    while p < word.len() {
        let (n, vowel) = marked_unit(word, p);
        p += n;
        if vowel {
            rv = Some(p);
            break;
        }
    }
    (rv, r2)
}

/// The letter of the marked word at `word[p]`: how many letters of the word
/// it stands for, and whether it is a vowel. The three marks cannot overlap
/// one another, nor can one be made of a mark and letters beside it, so
/// NLTK's three `replace` calls mark what one scan from the left finds.
#[inline]
fn marked_unit(word: &[u32], p: usize) -> (usize, bool) {
    const MARKED_VOWELS: Letters = Letters::of("AUEaeiouy");
    let at = |k: usize| word.get(p + k).copied().unwrap_or(0);
    let c = word[p];
    if c == u32::from(b'i') && at(1) == u32::from(b'^') && matches!(at(2), 0x61 | 0x75) {
        // i^a, i^u
        (3, true)
    } else if c == u32::from(b'e') && at(1) == u32::from(b'`') {
        (2, true)
    } else {
        (1, MARKED_VOWELS.has(c))
    }
}

/// Where what follows the first non-vowel after a vowel of the marked word
/// begins in `word`, looking from `start` (a unit's first letter) on.
fn after_vowel_consonant(word: &[u32], start: usize) -> Option<usize> {
    let (mut p, mut after_vowel) = (start, false);
    while p < word.len() {
        let (n, vowel) = marked_unit(word, p);
        if after_vowel && !vowel {
            return Some(p + n);
        }
        after_vowel = vowel;
        p += n;
    }
    None
}

/// A region of the marked word, spelled back: `word[start:]`, whose own
/// capitals `A`, `U` and `E` were marks to NLTK too (empty without a start).
fn spelled_back(word: &[u32], start: Option<usize>) -> Word {
    let Some(start) = start else {
        return Word::new();
    };
    let mut region = word[start..].to_vec();
    if region.iter().any(|&c| is_in(c, "AUE")) {
        replace(&mut region, "A", "i^a");
        replace(&mut region, "U", "i^u");
        replace(&mut region, "E", "e`");
    }
    region
}

/// RV and R2 as NLTK keeps them beside the word: strings that the steps
/// shorten with the word (`rv = rv[:-n]`), and read.
trait Regions {
    fn rv<'a>(&'a self, word: &'a [u32]) -> &'a [u32];
    fn r2<'a>(&'a self, word: &'a [u32]) -> &'a [u32];
    fn chop_rv(&mut self, n: usize);
    fn chop_r2(&mut self, n: usize);
}

/// The regions of a word without the capitals `A`, `U` and `E`: spelled
/// back, each is the rest of the word from where it begins, so it is kept as
/// that place. Cut as the word is cut, it stays the rest of the word from
/// there (`word[:-n][start:]` is `word[start:][:-n]`, both empty when the
/// region is shorter than `n`), so cutting it is nothing to do; of NLTK's
/// steps, the ones that cut the word and not a region (RV in step 2, both in
/// steps 3 and 4) come after the last reading of that region.
struct RegionStarts {
    rv: usize,
    r2: usize,
}

impl Regions for RegionStarts {
    #[inline]
    fn rv<'a>(&'a self, word: &'a [u32]) -> &'a [u32] {
        &word[self.rv.min(word.len())..]
    }
    #[inline]
    fn r2<'a>(&'a self, word: &'a [u32]) -> &'a [u32] {
        &word[self.r2.min(word.len())..]
    }
    #[inline]
    fn chop_rv(&mut self, _: usize) {}
    #[inline]
    fn chop_r2(&mut self, _: usize) {}
}

/// The regions as strings of their own, for a word with a capital `A`, `U`
/// or `E`, spelled longer in its regions than in itself.
struct SpelledRegions {
    rv: Word,
    r2: Word,
}

impl Regions for SpelledRegions {
    fn rv<'a>(&'a self, _: &'a [u32]) -> &'a [u32] {
        &self.rv
    }
    fn r2<'a>(&'a self, _: &'a [u32]) -> &'a [u32] {
        &self.r2
    }
    fn chop_rv(&mut self, n: usize) {
        chop(&mut self.rv, n);
    }
    fn chop_r2(&mut self, n: usize) {
        chop(&mut self.r2, n);
    }
}

/// Whether the suffix that RV ends with follows `i^a` or `a` in RV.
fn after_a(rv: &[u32], suffix: &Suffix) -> bool {
    let m = suffix.len() as isize;
    eq(slice(rv, -m - 3, -m), "i^a") || eq(slice(rv, -m - 1, -m), "a")
}

/// `word = word[:-n]` and each region alike.
fn chop_all(n: usize, word: &mut Word, regions: &mut impl Regions) {
    chop(word, n);
    regions.chop_r2(n);
    regions.chop_rv(n);
}

/// Stems `word` as it is, which is not a stop word, in `buffer` (whose
/// letters do not matter: the caller's spare word, to spare an allocation).
pub fn stem(token: &[u32], buffer: Word) -> Stemmed {
    stem_by(token, buffer, true)
}

/// [`stem`], by the short ways where the word allows them (`quick`), or
/// by NLTK's own for every word (to test the short ways against).
fn stem_by(token: &[u32], mut buffer: Word, quick: bool) -> Stemmed {
    if token.iter().all(|&c| c <= 0xFF) {
        buffer.clear();
        buffer.extend_from_slice(token);
        return Ok(buffer);
    }
    let (mut word, all_cyrillic) = cyrillic_to_roman(token, buffer);
    let (rv, r2) = region_starts(&word);
    if quick && !word.iter().any(|&c| is_in(c, "AUE")) {
        let regions = RegionStarts {
            rv: rv.unwrap_or(usize::MAX),
            r2: r2.unwrap_or(usize::MAX),
        };
        steps(&mut word, regions);
    } else {
        let regions = SpelledRegions {
            rv: spelled_back(&word, rv),
            r2: spelled_back(&word, r2),
        };
        steps(&mut word, regions);
    }
    if quick && all_cyrillic {
        units_to_cyrillic(&mut word);
    } else {
        roman_to_cyrillic(&mut word);
    }
    Ok(word)
}

/// NLTK's steps 1 to 4 on the word in Latin letters.
fn steps(word: &mut Word, mut regions: impl Regions) {
    let mut step1_success = false;
    let mut adjectival_removed = false;
    let mut verb_removed = false;
    let mut undouble_success = false;
    let mut superlative_removed = false;

    // Step 1. A suffix that goes only after `a` and does not follow one lets
    // the next suffix of its list be tried.
    for suffix in PERFECTIVE_GERUND_SUFFIXES.ending(regions.rv(word)) {
        if !matches!(suffix.text, "v" | "vshi" | "vshis'") || after_a(regions.rv(word), suffix) {
            chop_all(suffix.len(), word, &mut regions);
            step1_success = true;
            break;
        }
    }
    if !step1_success {
        if let Some(suffix) = REFLEXIVE_SUFFIXES.first_ending(regions.rv(word)) {
            chop_all(len(suffix), word, &mut regions);
        }
        for (i, suffix) in ADJECTIVAL_SUFFIXES.ending_indexed(regions.rv(word)) {
            if !ADJECTIVAL_NEEDS_A[i] || after_a(regions.rv(word), suffix) {
                chop_all(suffix.len(), word, &mut regions);
                adjectival_removed = true;
                break;
            }
        }
        if !adjectival_removed {
            for (i, suffix) in VERB_SUFFIXES.ending_indexed(regions.rv(word)) {
                if !VERB_NEEDS_A[i] || after_a(regions.rv(word), suffix) {
                    chop_all(suffix.len(), word, &mut regions);
                    verb_removed = true;
                    break;
                }
            }
        }
        if !adjectival_removed && !verb_removed {
            if let Some(suffix) = NOUN_SUFFIXES.first_ending(regions.rv(word)) {
                chop_all(len(suffix), word, &mut regions);
            }
        }
    }

    // Step 2
    if ends(regions.rv(word), "i") {
        chop(word, 1);
        regions.chop_r2(1);
    }

    // Step 3
    if let Some(suffix) = DERIVATIONAL_SUFFIXES.first_ending(regions.r2(word)) {
        chop(word, len(suffix));
    }

    // Step 4
    if ends(word, "nn") {
        chop(word, 1);
        undouble_success = true;
    }
    if !undouble_success {
        if let Some(suffix) = SUPERLATIVE_SUFFIXES.first_ending(word) {
            chop(word, len(suffix));
            superlative_removed = true;
        }
        if ends(word, "nn") {
            chop(word, 1);
        }
    }
    if !undouble_success && !superlative_removed && ends(word, "'") {
        chop(word, 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::xorshift;

    /// Random words of Cyrillic letters, capitals and `ё` among them, heavy
    /// in the letters whose spellings meet (`ш`, `ч`, `щ`, `ь`, `ъ`, `ц`,
    /// `й`, `ю`, `я`, `э`, `х`) and in short words, where the regions are at
    /// their edges.
    fn cyrillic_words() -> Vec<Word> {
        let tricky: Vec<u32> = "шчщьъцйюяэхжзкстиаеоуыШЧЩЬЪЁё"
            .chars()
            .map(u32::from)
            .collect();
        let mut next = xorshift(0x5eed2);
        (0..40_000)
            .map(|_| {
                let n = 1 + next() % 9;
                (0..n)
                    .map(|_| match next() % 3 {
                        0 => tricky[next() % tricky.len()],
                        1 => 0x430 + (next() % 32) as u32,
                        _ => 0x410 + (next() % 32) as u32,
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn one_pass_back_to_cyrillic_is_the_chain_on_every_cut_of_a_cyrillic_word() {
        for token in cyrillic_words() {
            let (roman, all_cyrillic) = cyrillic_to_roman(&token, Word::new());
            assert!(all_cyrillic);
            // The steps only ever cut the word's end: every length.
            for cut in 0..=roman.len() {
                let (mut chain, mut one_pass) = (roman[..cut].to_vec(), roman[..cut].to_vec());
                roman_to_cyrillic(&mut chain);
                units_to_cyrillic(&mut one_pass);
                assert_eq!(one_pass, chain, "{:?}", &roman[..cut]);
            }
        }
    }

    #[test]
    fn the_short_ways_stem_as_nltks_own() {
        let mut words = cyrillic_words();
        // Words that keep NLTK's own ways: Latin letters among the Cyrillic,
        // the capitals `A`, `U` and `E` that mark the regions.
        let mut next = xorshift(0x5eed3);
        let latin: Vec<u32> = "AUEaeiuo^`'hstcz1-".chars().map(u32::from).collect();
        for k in 0..10_000 {
            let mut word = words[k].clone();
            let at = next() % (word.len() + 1);
            word.insert(at, latin[next() % latin.len()]);
            words.push(word);
        }
        for token in &words {
            assert_eq!(
                stem_by(token, Word::new(), true),
                stem_by(token, Word::new(), false),
                "{}",
                token
                    .iter()
                    .filter_map(|&c| char::from_u32(c))
                    .collect::<String>()
            );
        }
    }
}
